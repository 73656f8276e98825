// Benchmark: single-source shortest paths with Dijkstra's algorithm on a sparse random graph
// (20,000 vertices, 140,000 weighted edges in compressed adjacency arrays), using a binary heap
// with decrease-key. Int array traffic, a priority queue object and data-dependent branches.
public class Dijkstra {
    static final int VERTICES = 20000;
    static final int EDGES_PER_VERTEX = 6;
    static final int SOURCES = 5;

    /** Outgoing edges of vertex v are targets[first[v] .. first[v + 1]) with their weights. */
    static final class Graph {
        final int[] first = new int[VERTICES + 1];
        final int[] targets;
        final int[] weights;

        /** Each vertex links to the next one (so all are reachable) and to random others. */
        Graph(int seed) {
            int degree = EDGES_PER_VERTEX + 1;
            targets = new int[VERTICES * degree];
            weights = new int[VERTICES * degree];
            int e = 0;
            for (int v = 0; v < VERTICES; v++) {
                first[v] = e;
                targets[e] = (v + 1) % VERTICES;
                weights[e] = 1000;
                e++;
                for (int k = 0; k < EDGES_PER_VERTEX; k++) {
                    seed = seed * 1103515245 + 12345;
                    targets[e] = (seed >>> 1) % VERTICES;
                    seed = seed * 1103515245 + 12345;
                    weights[e] = 1 + (seed >>> 16) % 500;
                    e++;
                }
            }
            first[VERTICES] = e;
        }
    }

    /** A min-heap of vertices keyed by distance, which knows where each vertex sits in it. */
    static final class Heap {
        final int[] heap = new int[VERTICES];
        final int[] position = new int[VERTICES];
        final int[] key;
        int size;

        Heap(int[] key) {
            this.key = key;
            java.util.Arrays.fill(position, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Inserts v, or moves it up if it is already in the heap with a larger key. */
        void insertOrDecrease(int v) {
            int i = position[v];
            if (i < 0) {
                i = size++;
                heap[i] = v;
                position[v] = i;
            }
            siftUp(i);
        }

        int removeMin() {
            int min = heap[0];
            position[min] = -2;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                position[heap[0]] = 0;
                siftDown(0);
            }
            return min;
        }

        private void siftUp(int i) {
            int v = heap[i];
            while (i > 0) {
                int parent = (i - 1) >> 1;
                int p = heap[parent];
                if (key[p] <= key[v]) {
                    break;
                }
                heap[i] = p;
                position[p] = i;
                i = parent;
            }
            heap[i] = v;
            position[v] = i;
        }

        private void siftDown(int i) {
            int v = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
                    child++;
                }
                int c = heap[child];
                if (key[v] <= key[c]) {
                    break;
                }
                heap[i] = c;
                position[c] = i;
                i = child;
            }
            heap[i] = v;
            position[v] = i;
        }
    }

    static int[] shortestPaths(Graph g, int source) {
        int[] distance = new int[VERTICES];
        java.util.Arrays.fill(distance, Integer.MAX_VALUE);
        distance[source] = 0;
        Heap heap = new Heap(distance);
        heap.insertOrDecrease(source);
        while (!heap.isEmpty()) {
            int u = heap.removeMin();
            int du = distance[u];
            for (int e = g.first[u]; e < g.first[u + 1]; e++) {
                int v = g.targets[e];
                int d = du + g.weights[e];
                if (d < distance[v]) {
                    if (heap.position[v] == -2) {
                        throw new IllegalStateException("shorter path to a settled vertex");
                    }
                    distance[v] = d;
                    heap.insertOrDecrease(v);
                }
            }
        }
        return distance;
    }

    static long iteration(Graph g) {
        long checksum = 0;
        for (int s = 0; s < SOURCES; s++) {
            int[] distance = shortestPaths(g, s * 7919 % VERTICES);
            long sum = 0;
            int max = 0;
            for (int d : distance) {
                sum += d;
                max = Math.max(max, d);
            }
            checksum = checksum * 31 + sum * 1000 + max;
        }
        return checksum;
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Graph g = new Graph(2024);
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration(g);
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("Dijkstra " + checksum);
    }
}
