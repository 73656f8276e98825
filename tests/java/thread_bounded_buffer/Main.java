// The textbook bounded buffer with synchronized, wait and notifyAll, used the way a log
// shipper or a pipeline stage uses it: three producers put numbered items into a buffer of
// capacity 4, two consumers take them, a poison pill per consumer ends the run. Which consumer
// gets which item depends on scheduling, so the program checks and prints only what does not:
// totals, counts, that each producer's items arrive in order, that the buffer never held more
// than its capacity, and a timed take on an empty buffer (wait(ms) returning without an item).
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

public class Main {
    static final class BoundedBuffer<T> {
        private final Deque<T> items = new ArrayDeque<>();
        private final int capacity;
        private int maxSeen;
        private int waitsWhenFull;

        BoundedBuffer(int capacity) {
            this.capacity = capacity;
        }

        synchronized void put(T item) throws InterruptedException {
            while (items.size() == capacity) {
                waitsWhenFull++;
                wait();
            }
            items.addLast(item);
            maxSeen = Math.max(maxSeen, items.size());
            notifyAll();
        }

        synchronized T take() throws InterruptedException {
            while (items.isEmpty()) {
                wait();
            }
            T item = items.removeFirst();
            notifyAll();
            return item;
        }

        synchronized T poll(long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000;
            while (items.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                wait(left);
            }
            T item = items.removeFirst();
            notifyAll();
            return item;
        }

        synchronized int size() {
            return items.size();
        }
    }

    record Item(int producer, int seq, long payload) {
        static final Item POISON = new Item(-1, -1, 0);
    }

    public static void main(String[] args) throws Exception {
        BoundedBuffer<Item> buffer = new BoundedBuffer<>(4);
        int producers = 3;
        int perProducer = 200;
        int consumers = 2;

        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(new Thread(() -> {
                try {
                    for (int s = 0; s < perProducer; s++) {
                        buffer.put(new Item(id, s, (long) id * 1000 + s));
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            }, "producer-" + p));
        }
        long[] sums = new long[consumers];
        int[] counts = new int[consumers];
        boolean[] inOrder = new boolean[consumers];
        for (int c = 0; c < consumers; c++) {
            int id = c;
            threads.add(new Thread(() -> {
                int[] lastSeq = new int[producers];
                java.util.Arrays.fill(lastSeq, -1);
                boolean ordered = true;
                try {
                    while (true) {
                        Item it = buffer.take();
                        if (it == Item.POISON) {
                            break;
                        }
                        ordered &= it.seq() > lastSeq[it.producer()];
                        lastSeq[it.producer()] = it.seq();
                        sums[id] += it.payload();
                        counts[id]++;
                    }
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                inOrder[id] = ordered;
            }, "consumer-" + c));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (int p = 0; p < producers; p++) {
            threads.get(p).join();
        }
        for (int c = 0; c < consumers; c++) {
            buffer.put(Item.POISON);
        }
        for (int c = 0; c < consumers; c++) {
            threads.get(producers + c).join();
        }

        long total = 0;
        int count = 0;
        boolean ordered = true;
        for (int c = 0; c < consumers; c++) {
            total += sums[c];
            count += counts[c];
            ordered &= inOrder[c];
        }
        long expected = 0;
        for (int p = 0; p < producers; p++) {
            for (int s = 0; s < perProducer; s++) {
                expected += (long) p * 1000 + s;
            }
        }
        System.out.println("items consumed " + count + " of " + producers * perProducer);
        System.out.println("payload total " + total + ", expected " + expected);
        System.out.println("each producer's items seen in order by every consumer: " + ordered);
        System.out.println("buffer never exceeded capacity: " + (buffer.maxSeen <= 4) + ", left in buffer " + buffer.size());
        for (Thread t : threads) {
            System.out.println(t.getName() + " " + t.getState());
        }

        Item none = buffer.poll(30);
        System.out.println("timed poll on empty buffer: " + none);
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(20);
                buffer.put(new Item(9, 0, 42));
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        late.start();
        Item got = buffer.poll(60_000);
        late.join();
        System.out.println("poll woken by a put: " + got);
    }
}
