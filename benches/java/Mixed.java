// Benchmark: a mix of typical kernels written by hand: integer matrix multiplication over
// two-dimensional arrays and a quicksort of pseudo-random ints.
public class Mixed {
    static int[][] matrix(int n, int seed) {
        int[][] m = new int[n][n];
        int x = seed;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x = x * 1664525 + 1013904223;
                m[i][j] = (x >>> 24) - 128;
            }
        }
        return m;
    }

    static int[][] multiply(int[][] a, int[][] b) {
        int n = a.length;
        int[][] c = new int[n][n];
        for (int i = 0; i < n; i++) {
            int[] ci = c[i];
            int[] ai = a[i];
            for (int k = 0; k < n; k++) {
                int aik = ai[k];
                int[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    static void quicksort(int[] a, int lo, int hi) {
        while (lo < hi) {
            int pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // Recurse into the smaller part and loop on the larger to bound the stack depth.
            if (j - lo < hi - i) {
                quicksort(a, lo, j);
                lo = i;
            } else {
                quicksort(a, i, hi);
                hi = j;
            }
        }
    }

    public static void main(String[] args) {
        int[][] c = multiply(matrix(250, 1), matrix(250, 2));
        long checksum = 0;
        for (int[] row : c) {
            for (int v : row) {
                checksum = checksum * 31 + v;
            }
        }
        int[] values = new int[3_000_000];
        int x = 42;
        for (int i = 0; i < values.length; i++) {
            x = x * 1103515245 + 12345;
            values[i] = x;
        }
        quicksort(values, 0, values.length - 1);
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] > values[i]) {
                throw new IllegalStateException("not sorted at " + i);
            }
        }
        for (int i = 0; i < values.length; i += 1000) {
            checksum = checksum * 31 + values[i];
        }
        System.out.println("Mixed " + checksum);
    }
}
