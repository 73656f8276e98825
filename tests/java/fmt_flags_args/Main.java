public class Main {
    public static void main(String[] args) {
        System.out.println(String.format("%2$s %1$s %2$s", "world", "hello"));
        System.out.println(String.format("%3$d-%2$d-%1$d %<d %s", 1, 2, 3));
        System.out.println(String.format("%1$s %1$S %1$10s|%1$-10s|", "rep"));
        System.out.println(String.format("%s %<s %s %<S", "a", "b"));
        System.out.println(String.format("%1$5.1f|%1$-8.3f|%1$+e", 2.71828));
        System.out.println(String.format("%1$x %1$o %1$d %1$08X %1$#x", 3054));
        System.out.printf("%-10s|%10s|%n", "left", "right");
        System.out.printf("%-10s|%-10s|%n", null, true);
        System.out.printf("%5s|%-5s|%5s|%n", "toolongvalue", "x", "");
        for (int i = -3; i <= 3; i++) {
            System.out.printf("%3d %+d % d %03d %-3d| %x%n", i, i, i, i, i, i);
        }
        long[] ls = {0L, 1L, -1L, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long l : ls) {
            System.out.printf("%,d %x %o %+d %20d|%n", l, l, l, l, l);
        }
        System.out.printf("%s %s %s%n", new StringBuilder("sb"), java.util.Arrays.asList(1, 2, 3), new Object[] {"x"}.length);
        System.out.printf("%d%%%d%n", 50, 50);
        System.out.printf("[%6.2f] [%-8.3s] [%3$s]%n", 1.0, "abcdef", "third");
        Object[] row = {"id", 7, "name", "widget"};
        System.out.println(String.format("%s=%s, %s=%s", row));
        try {
            String.format("%3$s", "a", "b");
        } catch (java.util.MissingFormatArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            String.format("%-s", "a");
        } catch (java.util.MissingFormatWidthException e) {
            System.out.println(e.getMessage());
        }
        try {
            String.format("%,x", 5);
        } catch (java.util.FormatFlagsConversionMismatchException e) {
            System.out.println(e.getMessage());
        }
        try {
            String.format("%+-05d", 5);
        } catch (java.util.IllegalFormatFlagsException e) {
            System.out.println(e.getMessage());
        }
        try {
            String.format("%0$s", 5);
        } catch (java.util.IllegalFormatException e) {
            System.out.println(e.getClass().getSimpleName() + " " + e.getMessage());
        }
        try {
            String.format("abc%", 5);
        } catch (java.util.UnknownFormatConversionException e) {
            System.out.println(e.getMessage());
        }
    }
}
