import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

public class Main {
    static class Money {
        final String currency;
        final long cents;
        Money(String currency, long cents) { this.currency = currency; this.cents = cents; }
        @Override public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Money)) return false;
            Money m = (Money) o;
            return cents == m.cents && currency.equals(m.currency);
        }
        @Override public int hashCode() { return currency.hashCode() * 31 + Long.hashCode(cents); }
        @Override public String toString() { return currency + " " + cents / 100 + "." + String.format("%02d", cents % 100); }
    }

    static class NoEquals {
        final int v;
        NoEquals(int v) { this.v = v; }
    }

    static class Animal { }
    static class Cat extends Animal { }
    static class Dog extends Animal { }
    interface Pet { }
    static class PetCat extends Cat implements Pet { }

    static String classify(Object o) {
        if (o instanceof Integer i && i > 10) {
            return "big int " + i;
        } else if (o instanceof Integer i) {
            return "int " + i;
        } else if (o instanceof String s && !s.isEmpty()) {
            return "string of length " + s.length();
        } else if (o instanceof int[] arr) {
            return "int array of " + arr.length;
        } else if (o instanceof Object[] arr) {
            return "object array of " + arr.length;
        }
        return "other " + (o == null ? "null" : o.getClass().getName());
    }

    public static void main(String[] args) {
        Money a = new Money("EUR", 1050), b = new Money("EUR", 1050), c = new Money("USD", 1050);
        System.out.println(a + " " + a.equals(b) + " " + (a == b) + " " + a.equals(c) + " " + a.equals(null) + " " + a.equals("EUR 10.50") + " " + (a.hashCode() == b.hashCode()) + " " + a.hashCode());
        Set<Money> set = new HashSet<>();
        set.add(a);
        set.add(b);
        set.add(c);
        System.out.println("set size " + set.size() + " contains " + set.contains(new Money("USD", 1050)));
        Map<Money, String> map = new HashMap<>();
        map.put(a, "first");
        map.put(b, "second");
        System.out.println("map " + map.size() + " " + map.get(new Money("EUR", 1050)));
        NoEquals n1 = new NoEquals(1), n2 = new NoEquals(1);
        System.out.println("no equals: " + n1.equals(n2) + " " + n1.equals(n1) + " " + (n1.hashCode() == n1.hashCode()));
        Object[] things = {new Cat(), new Dog(), new PetCat(), new Animal(), "str", 5, null};
        for (Object o : things) {
            System.out.println((o == null ? "null" : o.getClass().getSimpleName()) + ": Animal " + (o instanceof Animal) + " Cat " + (o instanceof Cat)
                    + " Pet " + (o instanceof Pet) + " Object " + (o instanceof Object));
        }
        Object[] casts = {new Dog(), "s", 3, new int[0], new Cat[0]};
        for (Object o : casts) {
            try {
                Cat cat = (Cat) o;
                System.out.println("cast ok " + cat);
            } catch (ClassCastException e) {
                System.out.println("CCE: " + e.getMessage());
            }
        }
        Object num = Integer.valueOf(3);
        try {
            String s = (String) num;
            System.out.println(s);
        } catch (ClassCastException e) {
            System.out.println("CCE: " + e.getMessage());
        }
        try {
            Pet p = (Pet) (Object) new Dog();
            System.out.println(p);
        } catch (ClassCastException e) {
            System.out.println("CCE: " + e.getMessage());
        }
        try {
            Object arr = new String[] {"x"};
            Integer[] ints = (Integer[]) arr;
            System.out.println(ints.length);
        } catch (ClassCastException e) {
            System.out.println("CCE: " + e.getMessage());
        }
        try {
            Object l = 5L;
            int i = (Integer) l;
            System.out.println(i);
        } catch (ClassCastException e) {
            System.out.println("CCE: " + e.getMessage());
        }
        Object nothing = null;
        Cat fromNull = (Cat) nothing;
        System.out.println("null cast ok: " + fromNull);
        Animal an = new PetCat();
        Cat asCat = (Cat) an;
        Pet asPet = (Pet) an;
        System.out.println("casts ok " + (asCat == asPet));
        Object[] objs = {5, 50, "", "hello", new int[3], new String[2], 2.5, null};
        for (Object o : objs) {
            System.out.println(classify(o));
        }
        Object[] strings = new String[1];
        System.out.println((strings instanceof String[]) + " " + (strings instanceof Object[]) + " " + strings.getClass().getName() + " " + new int[0][0].getClass().getName()
                + " " + int.class.getName() + " " + Cat[].class.getName() + " " + Cat[].class.getSimpleName());
    }
}
