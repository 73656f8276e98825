// JLS 12.4.1: what initializes a class or interface, and what does not: a static method call,
// a static field read or write (not of a constant variable), instance creation, Class.forName
//, a subclass's initialization, enum
// constant access; but not a class literal, an array type, a constant, a static field reached
// through a subclass (only the declaring class), or an interface's superinterface.
public class Main {
    static StringBuilder log = new StringBuilder();

    static void mark(String s) {
        log.append(s).append(' ');
    }

    static void show(String what) {
        System.out.println(what + ": [" + log.toString().trim() + "]");
        log.setLength(0);
    }

    static class ByCall {
        static {
            mark("ByCall");
        }

        static void m() {
        }
    }

    static class ByRead {
        static int x = 1;

        static {
            mark("ByRead");
        }
    }

    static class ByWrite {
        static int x;

        static {
            mark("ByWrite");
        }
    }

    static class ByNew {
        static {
            mark("ByNew");
        }
    }

    static class ByConstant {
        static final int C = 7;
        static final String S = "s";

        static {
            mark("ByConstant");
        }
    }

    static class ByLiteral {
        static {
            mark("ByLiteral");
        }
    }

    static class ByArray {
        static {
            mark("ByArray");
        }
    }

    static class Declaring {
        static int field = 3;

        static {
            mark("Declaring");
        }
    }

    static class Subclass extends Declaring {
        static {
            mark("Subclass");
        }
    }

    static class ByForName {
        static {
            mark("ByForName");
        }
    }

    enum Level {
        LOW, HIGH;

        static {
            mark("Level");
        }
    }

    static class Holder {
        static {
            mark("Holder");
        }

        static final Object INSTANCE = new Object();
    }

    static class NotConstant {
        static final Integer BOXED = 5;

        static {
            mark("NotConstant");
        }
    }

    public static void main(String[] args) throws Exception {
        ByCall.m();
        show("static call");
        int r = ByRead.x;
        show("static read " + r);
        ByWrite.x = 2;
        show("static write");
        new ByNew();
        show("new");
        int c = ByConstant.C;
        String s = ByConstant.S;
        show("constants " + c + s);
        Class<?> k = ByLiteral.class;
        show("class literal " + k.getSimpleName());
        ByArray[] arr = new ByArray[3];
        ByArray[][] arr2 = new ByArray[2][2];
        show("arrays " + arr.length + arr2.length);
        int f = Subclass.field;
        show("inherited field through subclass " + f);
        new Subclass();
        show("subclass instance");
        Class.forName("Main$ByForName");
        show("forName");
        Level l = Level.HIGH;
        show("enum constant " + l);
        Object o = Holder.INSTANCE;
        show("holder " + (o != null));
        Integer b = NotConstant.BOXED;
        show("boxed final " + b);
    }
}
