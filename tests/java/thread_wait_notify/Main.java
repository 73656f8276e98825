public class Main {
    static class BoundedBuffer {
        private final int[] items;
        private int head, tail, count;

        BoundedBuffer(int capacity) { items = new int[capacity]; }

        synchronized void put(int v) throws InterruptedException {
            while (count == items.length) {
                wait();
            }
            items[tail] = v;
            tail = (tail + 1) % items.length;
            count++;
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (count == 0) {
                wait();
            }
            int v = items[head];
            head = (head + 1) % items.length;
            count--;
            notifyAll();
            return v;
        }
    }

    static final Object gate = new Object();
    static boolean released = false;

    public static void main(String[] args) throws InterruptedException {
        BoundedBuffer buf = new BoundedBuffer(3);
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 20; i++) {
                    buf.put(i * i);
                }
                buf.put(-1);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        }, "producer");
        StringBuilder consumed = new StringBuilder();
        long[] sum = new long[1];
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    int v = buf.take();
                    if (v < 0) {
                        break;
                    }
                    consumed.append(v).append(' ');
                    sum[0] += v;
                }
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        }, "consumer");
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
        System.out.println("consumed: " + consumed);
        System.out.println("sum " + sum[0]);

        Thread waiter = new Thread(() -> {
            synchronized (gate) {
                while (!released) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.out.println("waiter released");
            }
        });
        waiter.start();
        synchronized (gate) {
            released = true;
            gate.notify();
        }
        waiter.join();

        final int rounds = 5;
        final Object ball = new Object();
        final int[] turn = {0};
        StringBuilder pingPong = new StringBuilder();
        Thread[] players = new Thread[2];
        for (int p = 0; p < 2; p++) {
            final int me = p;
            players[p] = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    synchronized (ball) {
                        while (turn[0] != me) {
                            try {
                                ball.wait();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        pingPong.append(me == 0 ? "ping " : "pong ");
                        turn[0] = 1 - me;
                        ball.notifyAll();
                    }
                }
            });
        }
        players[1].start();
        players[0].start();
        for (Thread t : players) {
            t.join();
        }
        System.out.println(pingPong.toString().trim());
        Object timed = new Object();
        synchronized (timed) {
            timed.wait(5);
        }
        System.out.println("timed wait returned");
    }
}
