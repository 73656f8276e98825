// The order in which Class.getDeclaredMethods, getDeclaredFields, getDeclaredConstructors,
// getMethods and getFields list members, printed as HotSpot lists them (unsorted on purpose):
// programs that iterate members without sorting depend on it.
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

public class Main {
    int zeta;
    String alpha;
    static long mid;
    public double pub;

    public void zebra() {
    }

    private int apple(int x) {
        return x;
    }

    static void mango() {
    }

    @Override
    public String toString() {
        return "x";
    }

    void banana(String s, int[] a) {
    }

    public void zebra(int x) {
    }

    protected void cherry() throws Exception {
    }

    public Main() {
    }

    Main(int x) {
    }

    static class Calculator {
        public int add(int a, int b) {
            return a + b;
        }

        public int subtract(int a, int b) {
            return a - b;
        }

        public int multiply(int a, int b) {
            return a * b;
        }

        public int divide(int a, int b) {
            return a / b;
        }

        public double average(int... values) {
            return 0;
        }

        public String getName() {
            return "calc";
        }

        public void setName(String name) {
        }

        public int getValue() {
            return 0;
        }

        public boolean isEmpty() {
            return true;
        }

        public void run() {
        }
    }

    static class Person {
        private String name;
        private int age;
        private String email;

        public Person() {
        }

        public Person(String name, int age) {
        }

        public Person(String name, int age, String email) {
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public String getEmail() {
            return email;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return age;
        }
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> k : new Class<?>[] {Main.class, Calculator.class, Person.class}) {
            System.out.println("== " + k.getSimpleName());
            for (Method m : k.getDeclaredMethods()) {
                System.out.println(m);
            }
            for (Field f : k.getDeclaredFields()) {
                System.out.println(f);
            }
            for (Constructor<?> c : k.getDeclaredConstructors()) {
                System.out.println(c);
            }
            for (Method m : k.getMethods()) {
                System.out.println("public " + m);
            }
        }
    }
}
