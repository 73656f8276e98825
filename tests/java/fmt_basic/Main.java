public class Main {
    public static void main(String[] args) {
        System.out.println(String.format("%d|%5d|%-5d|%05d|%+d|% d|%,d|%(d", 42, 42, 42, 42, 42, 42, 1234567, -42));
        System.out.println(String.format("%d|%5d|%-5d|%05d|%+d|% d|%,d|%(d", -42, -42, -42, -42, -42, -42, -1234567, 42));
        System.out.println(String.format("%d %d %d %d", Long.MAX_VALUE, Long.MIN_VALUE, (byte) -5, (short) 300));
        System.out.println(String.format("%,d %,d %,d %,d", 0, 999, 1000, Long.MIN_VALUE));
        System.out.println(String.format("%x %X %o %x %x %X %o", 255, 255, 8, -1, -1L, Long.MIN_VALUE, -8));
        System.out.println(String.format("%#x %#o %08x %-8x| %#X", 255, 8, 0xBEEF, 0xBEEF, 0xab));
        System.out.println(String.format("%x %x", (byte) -1, (short) -1));
        System.out.println(String.format("%s %s %s %s %s %s", "str", 1, 2.5, true, null, 'c'));
        System.out.println(String.format("[%10s] [%-10s] [%.2s] [%10.3s] [%-6.1s]", "hello", "hello", "hello", "hello", "hello"));
        System.out.println(String.format("%S %S %S", "mixed Case", true, null));
        System.out.println(String.format("%c %c %c %C %c", 'a', 65, 0x1F600, 'b', (int) 'é'));
        System.out.println(String.format("%b %b %b %b %B %b", true, false, null, "x", true, 0));
        System.out.println(String.format("100%% %n").replace("\n", "\\n"));
        System.out.print(String.format("line%n"));
        System.out.printf("printf %d %s%n", 7, "seven");
        System.out.println(String.format("%h %h %h", "hi", 42, null));
        System.out.println(String.format("%5b|%-7b|%3c|%-3c|", true, false, 'x', 'y'));
        System.out.println(String.format("%s", (Object) new int[0].length));
        System.out.println(String.format("%-12s|%12s|", "left", "right"));
        System.out.println(String.format("no args"));
        System.out.println(String.format("%s and %s", "a", "b", "extra ignored"));
        System.out.println(String.format("%010d|%-10d|%+010d|%,015d", -12345, -12345, 12345, 123456789));
        System.out.println(String.format("%(,d %(,.2f", -1234567, -1234.567));
        Object[] table = {"alice", 30, 1.75, "bob", 4, 12.5, "carol-long-name", 123456, -0.001};
        for (int i = 0; i < table.length; i += 3) {
            System.out.println(String.format("|%-10.10s|%6d|%8.2f|", table[i], table[i + 1], table[i + 2]));
        }
        String[] bad = {"%d", "%q", "%.2d", "%,s", "%-d", "%#s", "%0s", "%+s"};
        for (String f : bad) {
            try {
                System.out.println(String.format(f, "x"));
            } catch (java.util.IllegalFormatException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
        try {
            String.format("%s %s", "only one");
        } catch (java.util.MissingFormatArgumentException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        StringBuilder sb = new StringBuilder();
        java.util.Formatter fm = new java.util.Formatter(sb);
        fm.format("%d-%d", 1, 2);
        fm.format("|%s", "three");
        System.out.println(sb + " " + fm.toString());
        System.out.println("%d items".formatted(5) + " " + String.format("%s", java.util.List.of(1, 2)));
    }
}
