// Benchmark: the Mandelbrot set on a SIZE x SIZE grid, packed eight points to a byte (as in the
// Computer Language Benchmarks Game): a tight double loop of up to 50 iterations per point,
// with bit manipulation to build each byte; the checksum is a hash of the bitmap.
public class Mandelbrot {
    static final int SIZE = 520;
    static final int MAX_ITERATIONS = 50;

    static long iteration() {
        long hash = 0;
        int bits = 0;
        int bitCount = 0;
        for (int y = 0; y < SIZE; y++) {
            double ci = 2.0 * y / SIZE - 1.0;
            for (int x = 0; x < SIZE; x++) {
                double cr = 2.0 * x / SIZE - 1.5;
                double zr = 0;
                double zi = 0;
                double tr = 0;
                double ti = 0;
                int i = 0;
                while (i < MAX_ITERATIONS && tr + ti <= 4.0) {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                    i++;
                }
                bits = (bits << 1) | (tr + ti <= 4.0 ? 1 : 0);
                bitCount++;
                if (bitCount == 8 || x == SIZE - 1) {
                    bits <<= 8 - bitCount;
                    hash = hash * 31 + bits;
                    bits = 0;
                    bitCount = 0;
                }
            }
        }
        return hash;
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
        System.out.println("Mandelbrot " + checksum);
    }
}
