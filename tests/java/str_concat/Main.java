public class Main {
    static class Point {
        final int x, y;
        Point(int x, int y) { this.x = x; this.y = y; }
        @Override public String toString() { return "Point(" + x + ", " + y + ")"; }
    }

    static class NullToString {
        @Override public String toString() { return null; }
    }

    public static void main(String[] args) {
        byte b = -3;
        short s = 300;
        char c = 'c';
        int i = 42;
        long l = 1L << 40;
        float f = 1.25f;
        double d = -0.5;
        boolean z = true;
        String nul = null;
        Object o = new Point(1, 2);
        System.out.println("b=" + b + " s=" + s + " c=" + c + " i=" + i + " l=" + l + " f=" + f + " d=" + d + " z=" + z + " null=" + nul + " o=" + o);
        System.out.println(c + 1);
        System.out.println("" + c + 1);
        System.out.println(c + 'a');
        System.out.println("" + c + 'a');
        System.out.println(c + "a" + 1 + 2);
        System.out.println(1 + 2 + "a" + 1 + 2);
        System.out.println('a' + 'b' + "c");
        System.out.println("c" + 'a' + 'b');
        System.out.println((char) ('a' + 2) + "!");
        System.out.println(1 + 2L + "|" + 1 + 2.0 + "|" + (1 + 2.0f));
        System.out.println(nul + nul);
        System.out.println(null + "x");
        String acc = "";
        for (int k = 0; k < 5; k++) {
            acc += k;
            acc += ',';
        }
        System.out.println(acc);
        String t = "x";
        t += 1 + 1;
        t += 'y';
        t += 2.5;
        t += null;
        t += new char[] {'h'}.length;
        System.out.println(t);
        Object[] objs = {1, "two", 3.0, 'c', null, true, new Point(3, 4), 5L, 6.5f, (byte) 7, (short) 8};
        StringBuilder all = new StringBuilder();
        for (Object obj : objs) {
            all.append("[").append(obj).append("]");
        }
        System.out.println(all);
        String viaConcat = "";
        for (Object obj : objs) {
            viaConcat = viaConcat + obj + ";";
        }
        System.out.println(viaConcat);
        System.out.println("nested " + ("a" + ("b" + ("c" + 1))) + o + o);
        System.out.println("toString null: " + new NullToString() + "|" + String.valueOf(new NullToString()));
        char[] chars = {'a', 'b'};
        System.out.println("chars " + String.valueOf(chars) + " " + chars.length);
        int[] many = new int[30];
        for (int k = 0; k < many.length; k++) {
            many[k] = k * k;
        }
        System.out.println(many[0] + "," + many[1] + "," + many[2] + "," + many[3] + "," + many[4] + "," + many[5] + "," + many[6] + "," + many[7] + "," + many[8] + "," + many[9]
                + "," + many[10] + "," + many[11] + "," + many[12] + "," + many[13] + "," + many[14] + "," + many[15] + "," + many[16] + "," + many[17] + "," + many[18] + "," + many[19]
                + "," + many[20] + "," + many[21] + "," + many[22] + "," + many[23] + "," + many[24] + "," + many[25] + "," + many[26] + "," + many[27] + "," + many[28] + "," + many[29]);
        String lit = "a" + "b" + 1 + 'c' + 2.0 + true;
        System.out.println(lit + " " + (lit == "ab1c2.0true"));
        final String k1 = "con";
        String k2 = k1 + "stant";
        System.out.println(k2 == "constant");
        String u = "\u00e9" + 'ñ' + "\t|" + '\\' + '"' + "'";
        System.out.println(u);
        System.out.println("Integer.MIN_VALUE " + Integer.MIN_VALUE + " Long.MIN_VALUE " + Long.MIN_VALUE + " " + Character.MAX_VALUE + 0);
    }
}
