// Benchmark: deep recursion. Naive Fibonacci and Takeuchi make millions of small static
// calls, so the time goes to frame set-up, argument passing and returns.
public class Recursion {
    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    // Takeuchi's function: three-argument calls nested inside the arguments of a call.
    static int tak(int x, int y, int z) {
        if (y >= x) {
            return z;
        }
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
    }

    public static void main(String[] args) {
        long checksum = 0;
        for (int i = 0; i < 3; i++) {
            checksum = checksum * 31 + fib(30 + i);
        }
        checksum = checksum * 31 + tak(24, 16, 8);
        System.out.println("Recursion " + checksum);
    }
}
