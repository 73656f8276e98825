// StackWalker: walk and forEach from the caller of the walker down, each frame's class, method,
// descriptor, file, line and bytecode offset (the offset of the call), its StackTraceElement and
// toString; the class reference only with RETAIN_CLASS_REFERENCE; lambdas' generated frames
// hidden; the stream closed once walk returns; getInstance's checks; getCallerClass and its
// exceptions. Every frame here is the program's own: the walks start in Main.
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class Main {
    static final StackWalker PLAIN = StackWalker.getInstance();
    static final StackWalker RETAIN = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    static void describe(StackWalker.StackFrame f) {
        System.out.println("  " + f.getClassName() + " " + f.getMethodName() + " " + f.getDescriptor()
                + " " + f.getFileName() + ":" + f.getLineNumber() + " bci " + f.getByteCodeIndex()
                + " native " + f.isNativeMethod());
        StackTraceElement e = f.toStackTraceElement();
        System.out.println("    " + f + " | " + e + " | " + e.getClassLoaderName() + " " + e.getModuleName());
    }

    static class Inner {
        int depth;

        Inner(int depth) {
            this.depth = depth;
            PLAIN.forEach(Main::describe);
        }

        String names() {
            return PLAIN.walk(s -> s.map(StackWalker.StackFrame::getMethodName).collect(Collectors.joining(" < ")));
        }

        static Class<?> caller() {
            return RETAIN.getCallerClass();
        }
    }

    static long count(int n) {
        if (n == 0) {
            return PLAIN.walk(s -> s.count());
        }
        return count(n - 1);
    }

    static Class<?> callerWith(StackWalker walker) {
        return walker.getCallerClass();
    }

    static List<StackWalker.StackFrame> firstTwo(int n) {
        if (n > 0) {
            return firstTwo(n - 1);
        }
        return PLAIN.walk(s -> s.limit(2).collect(Collectors.toList()));
    }

    static Class<?> whoCalls() {
        return RETAIN.getCallerClass();
    }

    public static void main(String[] args) {
        System.out.println("forEach from a constructor:");
        Inner inner = new Inner(1);
        System.out.println("names: " + inner.names());
        System.out.println("depth: " + count(0) + " " + count(10));

        System.out.println("first two:");
        List<StackWalker.StackFrame> two = firstTwo(3);
        System.out.println("  " + two.size() + " " + two.get(0) + " " + two.get(1));

        System.out.println("from a lambda:");
        Runnable r = () -> PLAIN.forEach(Main::describe);
        r.run();
        Supplier<String> supplier = inner::names;
        System.out.println("  " + supplier.get());

        List<String> classes = new ArrayList<>();
        RETAIN.forEach(f -> classes.add(f.getDeclaringClass().getName()));
        System.out.println("declaring classes: " + classes);
        try {
            PLAIN.forEach(f -> f.getDeclaringClass());
        } catch (UnsupportedOperationException e) {
            System.out.println(e);
        }

        Stream<StackWalker.StackFrame>[] kept = new Stream[1];
        PLAIN.walk(s -> {
            kept[0] = s;
            return null;
        });
        try {
            kept[0].count();
        } catch (IllegalStateException e) {
            System.out.println(e);
        }

        System.out.println("callers: " + whoCalls() + " " + Inner.caller());
        Supplier<Class<?>> viaLambda = () -> RETAIN.getCallerClass();
        System.out.println("caller of a lambda body: " + viaLambda.get());
        try {
            RETAIN.getCallerClass();
        } catch (IllegalCallerException e) {
            System.out.println(e);
        }
        try {
            PLAIN.getCallerClass();
        } catch (UnsupportedOperationException e) {
            System.out.println(e);
        }

        System.out.println("options:");
        System.out.println("  " + (StackWalker.getInstance(Set.of()) == PLAIN));
        StackWalker all = StackWalker.getInstance(EnumSet.allOf(StackWalker.Option.class), 4);
        System.out.println("  " + callerWith(all));
        long shown = StackWalker.getInstance(StackWalker.Option.SHOW_REFLECT_FRAMES).walk(s -> s.count());
        System.out.println("  " + shown);
        try {
            StackWalker.getInstance(Set.of(), 0);
        } catch (IllegalArgumentException e) {
            System.out.println("  " + e);
        }
        try {
            StackWalker.getInstance((StackWalker.Option) null);
        } catch (NullPointerException e) {
            System.out.println("  " + e);
        }
        try {
            PLAIN.walk(null);
        } catch (NullPointerException e) {
            System.out.println("  " + e);
        }
        try {
            PLAIN.forEach(null);
        } catch (NullPointerException e) {
            System.out.println("  " + e);
        }
    }
}
