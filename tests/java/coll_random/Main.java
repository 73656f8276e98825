import java.util.Random;

public class Main {
    public static void main(String[] args) {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(r.nextInt()).append(' ');
        }
        System.out.println("nextInt " + sb);
        sb.setLength(0);
        for (int i = 0; i < 20; i++) {
            sb.append(r.nextInt(100)).append(' ');
        }
        System.out.println("nextInt(100) " + sb);
        sb.setLength(0);
        int[] bounds = {1, 2, 3, 7, 16, 1000, 1 << 30, Integer.MAX_VALUE, (1 << 30) + 1};
        for (int bnd : bounds) {
            sb.append(r.nextInt(bnd)).append(' ');
        }
        System.out.println("bounds " + sb);
        sb.setLength(0);
        for (int i = 0; i < 5; i++) {
            sb.append(r.nextLong()).append(' ');
        }
        System.out.println("nextLong " + sb);
        sb.setLength(0);
        for (int i = 0; i < 5; i++) {
            sb.append(r.nextDouble()).append(' ');
        }
        System.out.println("nextDouble " + sb);
        sb.setLength(0);
        for (int i = 0; i < 5; i++) {
            sb.append(r.nextFloat()).append(' ');
        }
        System.out.println("nextFloat " + sb);
        sb.setLength(0);
        for (int i = 0; i < 6; i++) {
            sb.append(r.nextGaussian()).append(' ');
        }
        System.out.println("nextGaussian " + sb);
        sb.setLength(0);
        for (int i = 0; i < 16; i++) {
            sb.append(r.nextBoolean() ? '1' : '0');
        }
        System.out.println("nextBoolean " + sb);
        byte[] bytes = new byte[10];
        r.nextBytes(bytes);
        System.out.println("nextBytes " + java.util.Arrays.toString(bytes));
        Random r0 = new Random(0);
        Random rneg = new Random(-123456789L);
        System.out.println(r0.nextInt() + " " + r0.nextInt(10) + " " + rneg.nextLong() + " " + rneg.nextDouble());
        Random same1 = new Random(2024), same2 = new Random(2024);
        boolean equal = true;
        for (int i = 0; i < 1000; i++) {
            equal &= same1.nextInt(1000) == same2.nextInt(1000);
        }
        System.out.println("same seed same sequence " + equal);
        Random reseed = new Random(1);
        int first = reseed.nextInt();
        reseed.setSeed(1);
        System.out.println("setSeed " + (first == reseed.nextInt()));
        Random hist = new Random(7);
        int[] buckets = new int[10];
        for (int i = 0; i < 100000; i++) {
            buckets[hist.nextInt(10)]++;
        }
        System.out.println("histogram " + java.util.Arrays.toString(buckets));
        double sum = 0;
        for (int i = 0; i < 10000; i++) {
            sum += hist.nextGaussian();
        }
        System.out.println("gaussian sum " + sum);
        try {
            new Random(1).nextInt(0);
        } catch (IllegalArgumentException e) {
            System.out.println("IAE " + e.getMessage());
        }
        System.out.println(new Random(5).nextInt(5, 10) + " " + new Random(5).nextLong(100) + " " + new Random(5).nextDouble(2.0, 3.0));
    }
}
