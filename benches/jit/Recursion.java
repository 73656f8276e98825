// Benchmark: deep trees of small recursive calls: naive Fibonacci, Takeuchi's function, and the
// Towers of Hanoi moving discs between three int-array stacks. Almost all the time is call and
// return overhead, argument passing and a few int operations per call.
public class Recursion {
    static final int FIB = 32;
    static final int DISCS = 20;

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static int tak(int x, int y, int z) {
        return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
    }

    /** Three pegs as arrays of disc sizes, with their heights; every move checks the rule. */
    static final class Towers {
        final int[][] pegs = new int[3][DISCS];
        final int[] heights = new int[3];
        int moves;

        Towers() {
            for (int disc = DISCS; disc >= 1; disc--) {
                push(0, disc);
            }
        }

        void push(int peg, int disc) {
            int h = heights[peg];
            if (h > 0 && pegs[peg][h - 1] <= disc) {
                throw new IllegalStateException("disc " + disc + " on a smaller one");
            }
            pegs[peg][h] = disc;
            heights[peg] = h + 1;
        }

        int pop(int peg) {
            int h = heights[peg] - 1;
            heights[peg] = h;
            return pegs[peg][h];
        }

        void move(int from, int to, int discs) {
            if (discs == 1) {
                push(to, pop(from));
                moves++;
                return;
            }
            int other = 3 - from - to;
            move(from, other, discs - 1);
            move(from, to, 1);
            move(other, to, discs - 1);
        }
    }

    static long iteration() {
        Towers towers = new Towers();
        towers.move(0, 1, DISCS);
        return fib(FIB) * 1000000L + tak(24, 16, 8) * 1000L + towers.moves + towers.heights[1];
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration();
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("Recursion " + checksum);
    }
}
