// The demo job: a little of everything phantom runs (collections, strings, floating point,
// records, lambdas, threads), printing results that must be identical on every architecture.
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Demo {
    record Planet(String name, double mass, double radius) {
        double gravity() {
            return 6.674e-11 * mass / (radius * radius);
        }
    }

    static int queens(int n, int row, int cols, int d1, int d2) {
        if (row == n) {
            return 1;
        }
        int count = 0;
        for (int c = 0; c < n; c++) {
            if ((cols & (1 << c)) == 0 && (d1 & (1 << (row + c))) == 0 && (d2 & (1 << (row - c + n))) == 0) {
                count += queens(n, row + 1, cols | 1 << c, d1 | 1 << (row + c), d2 | 1 << (row - c + n));
            }
        }
        return count;
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("phantom demo: " + System.getProperty("java.version") + " class library");
        List<Planet> planets = List.of(
                new Planet("Mercury", 3.303e+23, 2.4397e6),
                new Planet("Earth", 5.976e+24, 6.37814e6),
                new Planet("Jupiter", 1.9e+27, 7.1492e7));
        for (Planet p : planets) {
            System.out.printf("%-8s surface gravity %7.3f m/s^2  (%s)%n", p.name(), p.gravity(), p);
        }

        long[] primesBelow = new long[1];
        Thread sieve = new Thread(() -> {
            boolean[] composite = new boolean[2_000_000];
            long count = 0;
            for (int i = 2; i < composite.length; i++) {
                if (!composite[i]) {
                    count++;
                    for (long j = (long) i * i; j < composite.length; j += i) {
                        composite[(int) j] = true;
                    }
                }
            }
            primesBelow[0] = count;
        }, "sieve");
        sieve.start();

        for (int n = 4; n <= 9; n++) {
            System.out.println(n + " queens: " + queens(n, 0, 0, 0, 0) + " solutions");
        }
        sieve.join();
        System.out.println("primes below 2,000,000: " + primesBelow[0]);

        String text = "the quick brown fox jumps over the lazy dog the fox";
        Map<String, Integer> counts = new HashMap<>();
        for (String w : text.split(" ")) {
            counts.merge(w, 1, Integer::sum);
        }
        System.out.println("word counts: " + new TreeMap<>(counts));

        List<Double> roots = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            roots.add(StrictMath.sqrt(i));
        }
        roots.sort((a, b) -> Double.compare(b, a));
        System.out.println("square roots, descending: " + roots);
        System.out.println("sin(1)=" + StrictMath.sin(1) + " exp(1)=" + StrictMath.exp(1) + " 0.1+0.2=" + (0.1 + 0.2));
    }
}
