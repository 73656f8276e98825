public class Main {
    static String kind(String s) {
        switch (s) {
            case "apple":
            case "pear":
                return "fruit";
            case "carrot":
                return "vegetable";
            case "Aa":
                return "Aa-case";
            case "BB":
                return "BB-case";
            case "":
                return "empty";
            default:
                return "unknown";
        }
    }

    static int arrow(String s) {
        return switch (s) {
            case "one", "uno" -> 1;
            case "two" -> 2;
            case "three" -> {
                int x = 1 + 2;
                yield x;
            }
            default -> -1;
        };
    }

    public static void main(String[] args) {
        String[] strs = {"", "a", "A", "ab", "abc", "hello", "Hello, World!", "Aa", "BB", "polygenelubricants", "\u00e9t\u00e9", "日本語", "\uD83D\uDE00",
                "the quick brown fox jumps over the lazy dog", "0123456789012345678901234567890123456789"};
        for (String s : strs) {
            System.out.println(s.hashCode() + " " + s.length());
        }
        System.out.println("Aa".hashCode() == "BB".hashCode());
        for (String s : new String[] {"apple", "pear", "carrot", "Aa", "BB", "", "banana", "Ab"}) {
            System.out.println(s + " -> " + kind(s));
        }
        for (String s : new String[] {"one", "uno", "two", "three", "four"}) {
            System.out.println(s + " => " + arrow(s));
        }
        try {
            kind(null);
        } catch (NullPointerException e) {
            System.out.println("switch on null string throws NPE");
        }
        String lit1 = "hello";
        String lit2 = "hello";
        String built = new StringBuilder("hel").append("lo").toString();
        String constructed = new String("hello");
        String partial = "hel";
        String concat = partial + "lo";
        System.out.println((lit1 == lit2) + " " + (lit1 == built) + " " + (lit1 == constructed) + " " + (lit1 == concat) + " " + lit1.equals(concat));
        System.out.println((lit1 == built.intern()) + " " + (lit1 == constructed.intern()) + " " + (concat.intern() == lit2) + " " + ("hel" + "lo" == lit1));
        String other = new String(new char[] {'u', 'n', 'i', 'q', 'x'});
        String interned = other.intern();
        System.out.println((interned == other) + " " + (interned == "uniqx") + " " + ("uniqx" == other.intern()));
        String block = """
                Text block line 1
                  indented "quotes" \t tab
                trailing space\s
                joined \
                line
                unicode: caf\u00e9
                """;
        System.out.print(block);
        System.out.println(block.length() + " " + block.hashCode());
        String json = """
            {
              "k": [1, 2, 3]
            }""";
        System.out.println(json + "|");
        long sum = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append((char) ('a' + i % 26));
            sum += sb.toString().hashCode();
        }
        System.out.println("hash sum " + sum);
    }
}
