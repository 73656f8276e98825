import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

public class Main {
    record Edge(int to, int weight) { }

    record State(int node, long dist) implements Comparable<State> {
        public int compareTo(State o) {
            int c = Long.compare(dist, o.dist);
            return c != 0 ? c : Integer.compare(node, o.node);
        }
    }

    static List<List<Edge>> graph(int n) {
        List<List<Edge>> g = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            g.add(new ArrayList<>());
        }
        return g;
    }

    static void addEdge(List<List<Edge>> g, int a, int b, int w) {
        g.get(a).add(new Edge(b, w));
        g.get(b).add(new Edge(a, w));
    }

    static long[] dijkstra(List<List<Edge>> g, int src, int[] prev) {
        long[] dist = new long[g.size()];
        Arrays.fill(dist, Long.MAX_VALUE);
        Arrays.fill(prev, -1);
        dist[src] = 0;
        PriorityQueue<State> pq = new PriorityQueue<>();
        pq.add(new State(src, 0));
        while (!pq.isEmpty()) {
            State s = pq.poll();
            if (s.dist() > dist[s.node()]) {
                continue;
            }
            for (Edge e : g.get(s.node())) {
                long nd = s.dist() + e.weight();
                if (nd < dist[e.to()]) {
                    dist[e.to()] = nd;
                    prev[e.to()] = s.node();
                    pq.add(new State(e.to(), nd));
                }
            }
        }
        return dist;
    }

    static List<Integer> path(int[] prev, int target) {
        List<Integer> p = new ArrayList<>();
        for (int v = target; v != -1; v = prev[v]) {
            p.add(0, v);
        }
        return p;
    }

    public static void main(String[] args) {
        String[] names = {"A", "B", "C", "D", "E", "F", "G", "H"};
        List<List<Edge>> g = graph(names.length);
        int[][] edges = {{0, 1, 4}, {0, 2, 2}, {1, 2, 5}, {1, 3, 10}, {2, 4, 3}, {4, 3, 4}, {3, 5, 11}, {4, 6, 7}, {6, 5, 1}, {5, 7, 2}, {6, 7, 6}};
        for (int[] e : edges) {
            addEdge(g, e[0], e[1], e[2]);
        }
        int[] prev = new int[names.length];
        long[] dist = dijkstra(g, 0, prev);
        for (int i = 0; i < names.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int v : path(prev, i)) {
                sb.append(names[v]);
            }
            System.out.println("A -> " + names[i] + ": " + dist[i] + " via " + sb);
        }
        int n = 3000;
        List<List<Edge>> big = graph(n);
        long seed = 12345;
        for (int i = 1; i < n; i++) {
            seed = seed * 6364136223846793005L + 1;
            int j = (int) ((seed >>> 33) % i);
            addEdge(big, i, j, (int) ((seed >>> 20) % 100) + 1);
        }
        for (int k = 0; k < 6000; k++) {
            seed = seed * 6364136223846793005L + 1;
            int a = (int) ((seed >>> 33) % n);
            seed = seed * 6364136223846793005L + 1;
            int b = (int) ((seed >>> 33) % n);
            if (a != b) {
                addEdge(big, a, b, (int) ((seed >>> 20) % 500) + 1);
            }
        }
        int[] bigPrev = new int[n];
        long[] bigDist = dijkstra(big, 0, bigPrev);
        long total = 0, max = 0;
        int far = 0;
        for (int i = 0; i < n; i++) {
            total += bigDist[i];
            if (bigDist[i] > max) {
                max = bigDist[i];
                far = i;
            }
        }
        System.out.println("big graph: total distance " + total + ", farthest node " + far + " at " + max);
        System.out.println("path to farthest: " + path(bigPrev, far));
    }
}
