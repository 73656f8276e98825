import java.util.ArrayList;
import java.util.List;

public class Main {
    static int unbox(Integer i) { return i; }

    public static void main(String[] args) {
        Integer a = 127, b = 127, c = 128, d = 128;
        System.out.println("127 == " + (a == b) + ", 128 == " + (c == d) + ", equals " + c.equals(d));
        Integer m = -128, n = -128, o = -129, p = -129;
        System.out.println("-128 == " + (m == n) + ", -129 == " + (o == p));
        System.out.println("valueOf " + (Integer.valueOf(100) == Integer.valueOf(100)) + " " + (Integer.valueOf(1000) == Integer.valueOf(1000)));
        Long l1 = 127L, l2 = 127L, l3 = 128L, l4 = 128L;
        System.out.println("Long " + (l1 == l2) + " " + (l3 == l4) + " " + l3.equals(l4) + " " + l3.equals(128));
        Character c1 = 'a', c2 = 'a', c3 = '\u0100', c4 = '\u0100';
        System.out.println("Character " + (c1 == c2) + " " + (c3 == c4));
        Short s1 = 100, s2 = 100;
        Byte b1 = -5, b2 = -5;
        Boolean t1 = true, t2 = Boolean.valueOf("TRUE");
        System.out.println("Short " + (s1 == s2) + " Byte " + (b1 == b2) + " Boolean " + (t1 == t2) + " " + Boolean.valueOf("yes"));
        System.out.println("mixed == " + (c == 128) + " " + (l3 == 128) + " " + new Integer(5).equals(5) + " " + (new Integer(5) == new Integer(5)));
        Integer x = 10;
        x++;
        x += 5;
        System.out.println("x " + x);
        Double dd = 2.5;
        double prim = dd * 2;
        System.out.println("double box " + dd + " " + prim + " " + dd.equals(2.5) + " " + dd.equals(2.5f));
        Integer nul = null;
        try {
            int bad = nul;
            System.out.println(bad);
        } catch (NullPointerException e) {
            System.out.println("NPE unboxing caught");
        }
        try {
            System.out.println(unbox(null));
        } catch (NullPointerException e) {
            System.out.println("NPE unboxing in method caught");
        }
        Boolean flag = null;
        try {
            if (flag) {
                System.out.println("no");
            }
        } catch (NullPointerException e) {
            System.out.println("NPE Boolean caught");
        }
        System.out.println("ternary promotion");
        boolean yes = true;
        Object o1 = yes ? 1 : 2.0;
        System.out.println(o1 + " " + o1.getClass().getName());
        Object o2 = yes ? Integer.valueOf(1) : Double.valueOf(2.0);
        System.out.println(o2 + " " + o2.getClass().getName());
        Object o3 = yes ? 'a' : 0;
        System.out.println(o3 + " " + o3.getClass().getName());
        Object o4 = yes ? 'a' : 70000;
        System.out.println(o4 + " " + o4.getClass().getName());
        int i99 = 99;
        Object o5 = yes ? 'a' : i99;
        System.out.println(o5 + " " + o5.getClass().getName());
        Object o6 = !yes ? 1L : 2;
        System.out.println(o6 + " " + o6.getClass().getName());
        Object o7 = yes ? (Object) 1 : "s";
        System.out.println(o7 + " " + o7.getClass().getName());
        Integer nullInt = null;
        try {
            int r = yes ? nullInt : 0;
            System.out.println(r);
        } catch (NullPointerException e) {
            System.out.println("NPE ternary unboxing caught");
        }
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(i * 100);
        }
        list.remove(Integer.valueOf(200));
        list.remove(0);
        System.out.println(list);
        int total = 0;
        for (Integer v : list) {
            total += v;
        }
        System.out.println("total " + total);
        System.out.println(Integer.valueOf(3).hashCode() + " " + Long.valueOf(-3).hashCode() + " " + Long.valueOf(1L << 32).hashCode()
                + " " + Boolean.TRUE.hashCode() + " " + Boolean.FALSE.hashCode() + " " + Character.valueOf('A').hashCode()
                + " " + Double.valueOf(1.0).hashCode() + " " + Float.valueOf(1.0f).hashCode() + " " + Short.valueOf((short) -2).hashCode()
                + " " + Byte.valueOf((byte) 7).hashCode());
        System.out.println(Integer.valueOf(5).compareTo(7) + " " + Double.valueOf(1.0).compareTo(-0.0) + " " + Boolean.compare(true, false)
                + " " + Character.compare('a', 'd') + " " + "b".compareTo("a"));
        System.out.println(Integer.parseInt("-123") + Integer.valueOf("77") + " " + Double.parseDouble("1e3") + " " + Long.parseLong("9000000000")
                + " " + Boolean.parseBoolean("True") + " " + Short.parseShort("-300") + " " + Byte.parseByte("12") + " " + Float.parseFloat("2.5f"));
        System.out.println(Integer.MAX_VALUE + " " + Integer.MIN_VALUE + " " + Short.MAX_VALUE + " " + Byte.MIN_VALUE + " " + (int) Character.MAX_VALUE
                + " " + Long.MAX_VALUE + " " + Integer.SIZE + " " + Long.BYTES + " " + Double.SIZE);
        Number num = 3.75;
        System.out.println(num.intValue() + " " + num.longValue() + " " + num.floatValue() + " " + num.byteValue());
        Number big = 300;
        System.out.println(big.byteValue() + " " + big.shortValue() + " " + big.doubleValue());
    }
}
