// String concatenation whose constant text contains the recipe's own tag characters
// (\u0001 and \u0002): javac passes such text as constants of makeConcatWithConstants
// rather than inside the recipe, so the call site carries constants of its own.
public class Main {
    static String tagged(int i, String s, long l) {
        return "\u0001[" + i + "]\u0002" + s + "\u0001\u0002" + l + "-end\u0002";
    }

    static String show(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 32) {
                b.append("<").append((int) c).append(">");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    record Point(int x, int y) {}

    public static void main(String[] args) {
        long sum = 0;
        String last = "";
        for (int i = 0; i < 20000; i++) {
            last = tagged(i, "s" + (i % 7), i * 31L);
            sum += last.length() + last.charAt(last.length() / 2);
            if (i % 4000 == 0) {
                System.out.println(show(last));
            }
        }
        System.out.println("sum " + sum);
        // A non-String argument goes through its toString, constants still in place.
        Object p = new Point(3, 4);
        System.out.println(show("\u0002" + p + "\u0001" + 'c' + 2.5f + true + null));
        System.out.println(show(last));
    }
}
