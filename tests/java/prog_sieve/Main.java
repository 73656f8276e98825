public class Main {
    public static void main(String[] args) {
        int limit = 2_000_000;
        boolean[] composite = new boolean[limit + 1];
        composite[0] = composite[1] = true;
        for (int i = 2; (long) i * i <= limit; i++) {
            if (!composite[i]) {
                for (int j = i * i; j <= limit; j += i) {
                    composite[j] = true;
                }
            }
        }
        int[] checkpoints = {10, 100, 1000, 10_000, 100_000, 1_000_000, 2_000_000};
        int count = 0, cp = 0;
        long sum = 0;
        int last = 0, twin = 0, maxGap = 0, gapAt = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                count++;
                sum += i;
                if (last != 0) {
                    if (i - last == 2) {
                        twin++;
                    }
                    if (i - last > maxGap) {
                        maxGap = i - last;
                        gapAt = last;
                    }
                }
                last = i;
            }
            if (cp < checkpoints.length && i == checkpoints[cp]) {
                System.out.println("primes <= " + i + ": " + count);
                cp++;
            }
        }
        System.out.println("sum " + sum + " largest " + last + " twin pairs " + twin + " max gap " + maxGap + " after " + gapAt);
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; shown < 30; i++) {
            if (!composite[i]) {
                sb.append(i).append(' ');
                shown++;
            }
        }
        System.out.println(sb.toString().trim());
        int n = 600851475;
        StringBuilder factors = new StringBuilder();
        for (int p = 2; (long) p * p <= n; p++) {
            while (n % p == 0) {
                factors.append(p).append(' ');
                n /= p;
            }
        }
        if (n > 1) {
            factors.append(n);
        }
        System.out.println("factors of 600851475: " + factors.toString().trim());
    }
}
