public class Main {
    static final int BASE = 10000;

    static int[] multiply(int[] digits, int len, int factor, int[] outLen) {
        int[] result = digits.length > len + 3 ? digits : java.util.Arrays.copyOf(digits, digits.length * 2);
        long carry = 0;
        for (int i = 0; i < len; i++) {
            long v = (long) result[i] * factor + carry;
            result[i] = (int) (v % BASE);
            carry = v / BASE;
        }
        while (carry > 0) {
            result[len++] = (int) (carry % BASE);
            carry /= BASE;
        }
        outLen[0] = len;
        return result;
    }

    static String toDecimal(int[] digits, int len) {
        StringBuilder sb = new StringBuilder();
        sb.append(digits[len - 1]);
        for (int i = len - 2; i >= 0; i--) {
            String part = Integer.toString(digits[i]);
            for (int k = part.length(); k < 4; k++) {
                sb.append('0');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    static String factorial(int n) {
        int[] digits = new int[8];
        digits[0] = 1;
        int[] len = {1};
        for (int i = 2; i <= n; i++) {
            digits = multiply(digits, len[0], i, len);
        }
        return toDecimal(digits, len[0]);
    }

    static String add(String a, String b) {
        StringBuilder sb = new StringBuilder();
        int i = a.length() - 1, j = b.length() - 1, carry = 0;
        while (i >= 0 || j >= 0 || carry > 0) {
            int s = carry + (i >= 0 ? a.charAt(i--) - '0' : 0) + (j >= 0 ? b.charAt(j--) - '0' : 0);
            sb.append((char) ('0' + s % 10));
            carry = s / 10;
        }
        return sb.reverse().toString();
    }

    public static void main(String[] args) {
        for (int n : new int[] {0, 1, 5, 10, 20, 25, 50}) {
            System.out.println(n + "! = " + factorial(n));
        }
        String f100 = factorial(100);
        System.out.println("100! = " + f100);
        int digitSum = 0, zeros = 0;
        for (int i = 0; i < f100.length(); i++) {
            digitSum += f100.charAt(i) - '0';
        }
        for (int i = f100.length() - 1; f100.charAt(i) == '0'; i--) {
            zeros++;
        }
        System.out.println("digits " + f100.length() + " digit sum " + digitSum + " trailing zeros " + zeros);
        String f1000 = factorial(1000);
        System.out.println("1000! has " + f1000.length() + " digits, starts " + f1000.substring(0, 20) + ", hash " + f1000.hashCode());
        String a = "1", b = "1";
        for (int i = 3; i <= 500; i++) {
            String c = add(a, b);
            a = b;
            b = c;
        }
        System.out.println("fib(500) = " + b);
        String pow = "1";
        for (int i = 0; i < 200; i++) {
            pow = add(pow, pow);
        }
        System.out.println("2^200 = " + pow);
    }
}
