public class Main {
    public static void main(String[] args) {
        String s = "  Hello, World! Hello!  ";
        String t = s.trim();
        System.out.println("[" + t + "] [" + s.strip() + "] [" + s.stripLeading() + "] [" + s.stripTrailing() + "]");
        System.out.println(t.length() + " " + t.substring(7) + " " + t.substring(0, 5) + " " + t.substring(3, 3).isEmpty());
        System.out.println(t.indexOf('o') + " " + t.indexOf("Hello") + " " + t.indexOf("Hello", 1) + " " + t.indexOf('z') + " " + t.indexOf("") + " " + t.indexOf('o', 5));
        System.out.println(t.lastIndexOf('o') + " " + t.lastIndexOf("Hello") + " " + t.lastIndexOf("Hello", 10) + " " + t.lastIndexOf('l', 3) + " " + t.lastIndexOf("xyz"));
        System.out.println(t.replace('l', 'L') + " | " + t.replace("Hello", "Bye") + " | " + t.replace("", "-").substring(0, 10) + " | " + "aaa".replace("aa", "b"));
        System.out.println(t.toUpperCase() + " " + t.toLowerCase() + " " + "ÉCOLE ñ".toLowerCase() + " " + "straße".toUpperCase());
        System.out.println("abc".equalsIgnoreCase("ABC") + " " + "abc".equals("ABC") + " " + "abc".equals(null) + " " + "a".equals((Object) 'a'));
        String[] words = {"apple", "Apple", "banana", "app", "", "apples", "B", "a"};
        for (String a : words) {
            StringBuilder sb = new StringBuilder(a + ":");
            for (String b : words) {
                sb.append(' ').append(a.compareTo(b));
            }
            sb.append(" | ci ");
            for (String b : words) {
                sb.append(' ').append(a.compareToIgnoreCase(b));
            }
            System.out.println(sb);
        }
        System.out.println(t.startsWith("Hell") + " " + t.startsWith("World", 7) + " " + t.endsWith("!") + " " + t.contains("World") + " " + t.contains("world"));
        System.out.println("ab".repeat(3) + " [" + "x".repeat(0) + "] " + String.join("-", "a", "b", "c") + " " + String.join(", ", java.util.List.of("x", "y")));
        int vowels = 0;
        for (int i = 0; i < t.length(); i++) {
            if ("aeiouAEIOU".indexOf(t.charAt(i)) >= 0) {
                vowels++;
            }
        }
        System.out.println("vowels " + vowels);
        System.out.println("".isEmpty() + " " + " ".isEmpty() + " " + " \t\n".isBlank() + " " + "a ".isBlank());
        System.out.println(String.valueOf(1) + String.valueOf('c') + String.valueOf(2.5) + String.valueOf(true) + String.valueOf((Object) null) + String.valueOf(3L) + String.valueOf(1.5f));
        char[] arr = t.toCharArray();
        arr[0] = 'J';
        System.out.println(new String(arr) + " " + new String(arr, 7, 5) + " " + String.valueOf(arr, 0, 4) + " " + String.copyValueOf(arr) + " " + t);
        System.out.println("a,b,,c,".split(",").length + " " + java.util.Arrays.toString("a,b,,c,".split(",")) + " " + java.util.Arrays.toString("a b  c".split(" "))
                + " " + java.util.Arrays.toString("a,b,c".split(",", 2)) + " " + java.util.Arrays.toString("".split(",")));
        System.out.println("Mississippi".indexOf("ss") + " " + "Mississippi".indexOf("ss", 3) + " " + "Mississippi".lastIndexOf("ss") + " " + "Mississippi".replace("ss", "SS"));
        System.out.println("hello".concat(" there") + " " + "abc".charAt(2) + " " + "a-b-c".replace('-', '+') + " " + "  x ".length() + " " + "tab\there".indexOf('\t'));
        System.out.println("Hello".codePointAt(0) + " " + "x".compareTo("xx") + " " + "hello".regionMatches(true, 1, "ELL", 0, 3));
        System.out.println(String.format("%s", "fmt") + " " + "abc".hashCode() + " " + " pad ".strip().length());
        try {
            "abc".substring(2, 1);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            "abc".substring(5);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            "abc".charAt(3);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            "abc".substring(-1, 2);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            "x".repeat(-1);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        String n = null;
        try {
            n.length();
        } catch (NullPointerException e) {
            System.out.println("NPE on null string");
        }
        System.out.println("ab".compareTo("abc") + " " + "b".compareTo("abc") + " " + "\u00e9".compareTo("e") + " " + "Z".compareTo("a"));
        System.out.println(String.valueOf(new char[0]).length() + " " + "aXbXc".indexOf('X', -5) + " " + "aXbXc".lastIndexOf('X', 100) + " " + "abc".indexOf("abcd"));
        System.out.println("  indent\n  me".stripIndent() + "|" + "a\\tb".translateEscapes() + "|" + "x".indent(2).replace("\n", "$"));
    }
}
