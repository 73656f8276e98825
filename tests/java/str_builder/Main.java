public class Main {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        sb.append(1).append('a').append(2L).append(3.5f).append(4.25).append(true).append((Object) null).append((String) null)
                .append(new char[] {'x', 'y'}).append("str").append((short) 5).append((byte) 6).append(new StringBuilder("sb"));
        System.out.println(sb + " len " + sb.length());
        sb.setLength(0);
        System.out.println("[" + sb + "] " + sb.length());
        sb.append("hello world");
        sb.insert(0, "<<").insert(sb.length(), ">>").insert(7, 123).insert(2, 'C').insert(3, 1.5).insert(0, false);
        System.out.println(sb);
        sb.reverse();
        System.out.println(sb);
        sb.reverse();
        sb.deleteCharAt(0).deleteCharAt(sb.length() - 1);
        System.out.println(sb);
        sb.delete(0, 5);
        System.out.println(sb);
        sb.setCharAt(0, 'Z');
        System.out.println(sb + " charAt(3)=" + sb.charAt(3) + " indexOf(o)=" + sb.indexOf("o") + " lastIndexOf(o)=" + sb.lastIndexOf("o"));
        sb.replace(1, 4, "REPLACED");
        System.out.println(sb);
        sb.setLength(5);
        System.out.println("[" + sb + "]");
        sb.setLength(8);
        System.out.println("[" + sb.toString().replace('\0', '0') + "] " + sb.length());
        System.out.println(sb.substring(1, 3) + " " + sb.substring(2));
        StringBuilder big = new StringBuilder(2);
        for (int i = 0; i < 100; i++) {
            big.append(i % 10);
        }
        System.out.println(big.length() + " " + big);
        StringBuilder surrogate = new StringBuilder("a\uD83D\uDE00b");
        surrogate.reverse();
        System.out.println(surrogate + " " + surrogate.length() + " " + (int) surrogate.charAt(1) + " " + surrogate.codePointAt(1));
        surrogate.appendCodePoint(0x1F600).appendCodePoint('Z');
        System.out.println(surrogate + " " + surrogate.length() + " " + surrogate.codePointCount(0, surrogate.length()));
        try {
            sb.charAt(100);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        try {
            sb.deleteCharAt(-1);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        try {
            sb.insert(99, "x");
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        try {
            sb.setLength(-1);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        StringBuffer buf = new StringBuffer("buffer");
        buf.append(1).insert(0, '[').append(']').reverse();
        System.out.println(buf + " " + buf.length());
        StringBuilder cmp1 = new StringBuilder("abc"), cmp2 = new StringBuilder("abd");
        System.out.println(cmp1.compareTo(cmp2) + " " + cmp1.equals(new StringBuilder("abc")) + " " + "abc".contentEquals(cmp1));
        StringBuilder nums = new StringBuilder();
        nums.append(Integer.MIN_VALUE).append(' ').append(Long.MIN_VALUE).append(' ').append(Double.MIN_VALUE).append(' ').append(Float.MAX_VALUE).append(' ').append(-0.0).append(' ').append('\u00e9');
        System.out.println(nums);
        StringBuilder chained = new StringBuilder("0123456789");
        chained.append(chained, 2, 5).append("abcdef", 1, 3).append(new char[] {'p', 'q', 'r', 's'}, 1, 2);
        System.out.println(chained);
    }
}
