public class Main {
    static int calls = 0;

    static boolean t(String tag) {
        calls++;
        System.out.print(tag + " ");
        return true;
    }

    static boolean f(String tag) {
        calls++;
        System.out.print(tag + " ");
        return false;
    }

    public static void main(String[] args) {
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j == 3) {
                    continue outer;
                }
                if (i == 3) {
                    break outer;
                }
                System.out.print(i + "" + j + " ");
            }
        }
        System.out.println();
        int n = 0;
        do {
            n += 3;
        } while (n < 10);
        System.out.println("do-while " + n);
        int m = 100;
        do {
            m++;
        } while (false);
        System.out.println("do-once " + m);
        int w = 1;
        while (w < 1000) {
            w *= 3;
        }
        System.out.println("while " + w);
        int count = 0;
        for (int i = 0, j = 10; i < j; i++, j--) {
            count += j - i;
        }
        System.out.println("two vars " + count);
        block:
        {
            System.out.println("in block");
            if (count > 0) {
                break block;
            }
            System.out.println("not printed");
        }
        int found = -1;
        search:
        for (int a = 1; a < 20; a++) {
            for (int b = a; b < 20; b++) {
                for (int c = b; c < 30; c++) {
                    if (a * a + b * b == c * c && a + b + c == 24) {
                        found = a * 10000 + b * 100 + c;
                        break search;
                    }
                }
            }
        }
        System.out.println("triple " + found);
        int k = 0;
        while (true) {
            if (++k > 5) {
                break;
            }
            if (k % 2 == 0) {
                continue;
            }
            System.out.print("odd" + k + " ");
        }
        System.out.println();
        System.out.println(t("a") || t("b"));
        System.out.println(f("a") || t("b"));
        System.out.println(f("a") && t("b"));
        System.out.println(t("a") && f("b") || t("c"));
        System.out.println(f("a") | t("b"));
        System.out.println(f("a") & t("b"));
        System.out.println(t("a") ^ t("b"));
        System.out.println("calls " + calls);
        int x = 5;
        boolean r = x > 3 && x++ < 10 || x++ > 0;
        System.out.println(r + " x=" + x);
        int y = 0;
        boolean r2 = y != 0 && 10 / y > 1;
        System.out.println(r2);
        for (int v = -2; v <= 2; v++) {
            String s = v < 0 ? "neg" : v == 0 ? "zero" : v == 1 ? "one" : "many";
            int abs = v >= 0 ? v : -v;
            System.out.print(s + "/" + abs + " ");
        }
        System.out.println();
        int[] arr = {3, 1, 4, 1, 5, 9, 2, 6};
        int sum = 0;
        for (int v : arr) {
            if (v == 1) continue;
            if (v == 9) break;
            sum += v;
        }
        System.out.println("enhanced for sum " + sum);
        long collatz = 27;
        int steps = 0;
        while (collatz != 1) {
            collatz = (collatz % 2 == 0) ? collatz / 2 : 3 * collatz + 1;
            steps++;
        }
        System.out.println("collatz steps " + steps);
        int nested = 0;
        for (int a = 0; a < 100; a++) {
            for (int b = 0; b < 100; b++) {
                if ((a ^ b) % 7 == 0) {
                    nested += a - b;
                } else if ((a & b) == 0) {
                    nested++;
                } else {
                    nested--;
                }
            }
        }
        System.out.println("nested " + nested);
        int iterations = 0;
        for (;;) {
            if (iterations++ == 3) break;
        }
        System.out.println("for(;;) " + iterations);
        String str = null;
        if (str != null && str.length() > 0) {
            System.out.println("never");
        } else {
            System.out.println("short-circuit protected null");
        }
    }
}
