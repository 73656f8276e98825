/**
 * The demo's travelling job: draws the Mandelbrot set row by row, two threads per row, and
 * pauses between rows, so that there is time to move it between hosts while it prints.
 */
public class Journey {
    private static final String SHADES = " .:-=+*#%@";
    private static final int COLS = 64;

    private static void fill(int[] counts, int from, int to, double y) {
        for (int c = from; c < to; c++) {
            double x = -2.1 + 2.8 * c / (COLS - 1);
            double zr = 0, zi = 0;
            int n = 0;
            while (n < 200 && zr * zr + zi * zi <= 4) {
                double t = zr * zr - zi * zi + x;
                zi = 2 * zr * zi + y;
                zr = t;
                n++;
            }
            counts[c] = n;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 28;
        int pauseMillis = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long checksum = 0;
        for (int r = 0; r < rows; r++) {
            double y = -1.25 + 2.5 * r / (rows - 1);
            int[] counts = new int[COLS];
            Thread helper = new Thread(() -> fill(counts, COLS / 2, COLS, y), "helper-" + r);
            helper.start();
            fill(counts, 0, COLS / 2, y);
            helper.join();
            StringBuilder line = new StringBuilder();
            for (int n : counts) {
                line.append(SHADES.charAt(n >= 200 ? SHADES.length() - 1 : n % (SHADES.length() - 1)));
                checksum = checksum * 31 + n;
            }
            System.out.printf("%2d |%s| %016x%n", r, line, checksum);
            Thread.sleep(pauseMillis);
        }
        System.out.println("checksum " + Long.toHexString(checksum) + ", sqrt(2) = " + StrictMath.sqrt(2));
    }
}
