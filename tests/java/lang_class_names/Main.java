// Class names (JLS 13.1 binary names, Class.getName/getSimpleName/getCanonicalName/
// getTypeName), enclosing and nest-host queries, and a record's toString, which uses the
// simple name (java.lang.runtime.ObjectMethods), for top-level, member, local and anonymous
// classes, records, enums, interfaces and arrays.
public class Main {
    static class Member {
        class Inner {
        }
    }

    interface Shape {
    }

    record Pair(int a, String b) {
    }

    enum Color {
        RED, GREEN {
            @Override
            public String toString() {
                return "green";
            }
        }
    }

    static void show(Class<?> c) {
        Class<?> enclosing = c.getEnclosingClass();
        Class<?> declaring = c.getDeclaringClass();
        System.out.println(c.getName() + " | simple=" + c.getSimpleName() + " | canonical=" + c.getCanonicalName()
                + " | type=" + c.getTypeName()
                + " | enclosing=" + (enclosing == null ? "-" : enclosing.getName())
                + " | declaring=" + (declaring == null ? "-" : declaring.getName())
                + " | host=" + c.getNestHost().getName()
                + " | local=" + c.isLocalClass() + " anon=" + c.isAnonymousClass() + " member=" + c.isMemberClass());
    }

    public static void main(String[] args) {
        record Point(int x, int y) {
        }
        class Local {
            class InLocal {
            }
        }
        Runnable anon = new Runnable() {
            @Override
            public void run() {
            }
        };
        Object inLambda = ((java.util.function.Supplier<Object>) () -> {
            class InLambda {
            }
            return new InLambda();
        }).get();
        record Empty() {
        }

        System.out.println(new Point(1, 2));
        System.out.println(new Pair(3, "x"));
        System.out.println(new Empty());
        show(Main.class);
        show(Member.class);
        show(Member.Inner.class);
        show(Shape.class);
        show(Pair.class);
        show(Color.class);
        show(Color.GREEN.getClass());
        show(Point.class);
        show(Local.class);
        show(Local.InLocal.class);
        show(anon.getClass());
        show(inLambda.getClass());
        show(Pair[].class);
        show(Point[][].class);
        show(int[].class);
        show(String.class);
        show(java.util.Map.Entry.class);
        System.out.println(int.class.getSimpleName() + " " + int.class.getCanonicalName() + " " + int.class.getEnclosingClass());
    }
}
