// Benchmark: count all solutions of the N-queens problem by backtracking, with boolean arrays
// for the occupied rows and diagonals: recursion, short loops and array loads and stores.
public class Queens {
    static final int N = 10;
    /** The number of solutions for N = 10. */
    static final int SOLUTIONS = 724;
    static final int RUNS = 7;

    static final class Board {
        final boolean[] rowFree = new boolean[N];
        final boolean[] risingFree = new boolean[2 * N - 1];
        final boolean[] fallingFree = new boolean[2 * N - 1];
        final int[] queenRow = new int[N];

        Board() {
            java.util.Arrays.fill(rowFree, true);
            java.util.Arrays.fill(risingFree, true);
            java.util.Arrays.fill(fallingFree, true);
        }

        /** The number of ways to complete the board from this column on. */
        int place(int column) {
            if (column == N) {
                return 1;
            }
            int found = 0;
            for (int row = 0; row < N; row++) {
                if (rowFree[row] && risingFree[row + column] && fallingFree[row - column + N - 1]) {
                    set(row, column, false);
                    queenRow[column] = row;
                    found += place(column + 1);
                    set(row, column, true);
                }
            }
            return found;
        }

        private void set(int row, int column, boolean free) {
            rowFree[row] = free;
            risingFree[row + column] = free;
            fallingFree[row - column + N - 1] = free;
        }
    }

    static long iteration() {
        long total = 0;
        for (int i = 0; i < RUNS; i++) {
            int solutions = new Board().place(0);
            if (solutions != SOLUTIONS) {
                throw new IllegalStateException(solutions + " solutions, not " + SOLUTIONS);
            }
            total += solutions;
        }
        return total;
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
        System.out.println("Queens " + checksum);
    }
}
