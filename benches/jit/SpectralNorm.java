// Benchmark: the spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
// truncated to N x N, by ten steps of the power method on A^T A (as in the Computer Language
// Benchmarks Game): nested loops of double multiply-adds over arrays, and a small method
// computing A's entries called N^2 times per product.
public class SpectralNorm {
    static final int N = 380;

    static double a(int i, int j) {
        int k = i + j;
        return 1.0 / ((k * (k + 1) >>> 1) + i + 1);
    }

    static void multiplyAv(double[] v, double[] out) {
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int j = 0; j < N; j++) {
                sum += a(i, j) * v[j];
            }
            out[i] = sum;
        }
    }

    static void multiplyAtv(double[] v, double[] out) {
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int j = 0; j < N; j++) {
                sum += a(j, i) * v[j];
            }
            out[i] = sum;
        }
    }

    static void multiplyAtAv(double[] v, double[] out, double[] scratch) {
        multiplyAv(v, scratch);
        multiplyAtv(scratch, out);
    }

    static double spectralNorm() {
        double[] u = new double[N];
        double[] v = new double[N];
        double[] scratch = new double[N];
        for (int i = 0; i < N; i++) {
            u[i] = 1;
        }
        for (int i = 0; i < 10; i++) {
            multiplyAtAv(u, v, scratch);
            multiplyAtAv(v, u, scratch);
        }
        double vBv = 0;
        double vv = 0;
        for (int i = 0; i < N; i++) {
            vBv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        return Math.sqrt(vBv / vv);
    }

    /** The norm to nine decimals, as an integer, so that printing does not depend on Double.toString. */
    static long iteration() {
        return Math.round(spectralNorm() * 1e9);
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
        System.out.println("SpectralNorm " + checksum);
    }
}
