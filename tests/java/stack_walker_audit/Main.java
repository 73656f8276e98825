// StackWalker as logging facades and permission checks use it: getCallerClass (with
// RETAIN_CLASS_REFERENCE) to name the class calling an API, also when the call comes through
// Method.invoke (reflection frames hidden) or a lambda, walk with dropWhile/filter/limit to find
// the first frame outside the logging classes, forEach to record a compact call path, frame
// details (declaring class, method name, line, bytecode index present, method type string), a
// walker without RETAIN_CLASS_REFERENCE refusing getDeclaringClass and getCallerClass, and
// frames counted from a recursive call.
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

public class Main {
    static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    static final List<String> OUT = new ArrayList<>();

    static final class Logger {
        static void log(String msg) {
            Class<?> caller = WALKER.getCallerClass();
            Optional<StackWalker.StackFrame> site = WALKER.walk(frames -> frames
                    .dropWhile(f -> f.getDeclaringClass() == Logger.class || f.getDeclaringClass() == LogHelper.class)
                    .findFirst());
            OUT.add(caller.getSimpleName() + " | " + site.map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                    .orElse("?") + " | " + msg);
        }
    }

    static final class LogHelper {
        static void warn(String msg) {
            Logger.log("WARN " + msg);
        }
    }

    static final class SecureVault {
        private static final Set<Class<?>> TRUSTED = Set.of(Main.class, Admin.class);

        static String open() {
            Class<?> caller = WALKER.getCallerClass();
            if (!TRUSTED.contains(caller)) {
                throw new SecurityException("caller " + caller.getName() + " is not trusted");
            }
            return "secret for " + caller.getSimpleName();
        }
    }

    static class Admin {
        String fetch() {
            return SecureVault.open();
        }

        public static String fetchReflectively() {
            return SecureVault.open();
        }
    }

    static class Intruder {
        String fetch() {
            return SecureVault.open();
        }

        Supplier<String> viaLambda() {
            return () -> SecureVault.open();
        }
    }

    static String callPath() {
        List<String> path = new ArrayList<>();
        WALKER.forEach(f -> path.add(f.getMethodName()));
        return String.join(" <- ", path);
    }

    static String level3() {
        return callPath();
    }

    static String level2() {
        return level3();
    }

    static int depth(int n) {
        if (n == 0) {
            return WALKER.walk(s -> s.filter(f -> f.getMethodName().equals("depth")).count()).intValue();
        }
        return depth(n - 1);
    }

    public static void main(String[] args) throws Exception {
        Logger.log("direct");
        LogHelper.warn("through a helper");
        new Admin().fetch();
        Runnable r = () -> Logger.log("inside a lambda");
        r.run();
        Method m = Main.class.getDeclaredMethod("reflectiveTarget");
        m.invoke(null);
        for (String line : OUT) {
            System.out.println(line);
        }

        System.out.println(new Admin().fetch());
        System.out.println(SecureVault.open());
        System.out.println((String) Admin.class.getMethod("fetchReflectively").invoke(null));
        for (Supplier<String> s : List.<Supplier<String>>of(() -> new Intruder().fetch(), new Intruder().viaLambda())) {
            try {
                System.out.println(s.get());
            } catch (SecurityException e) {
                System.out.println("SecurityException: " + e.getMessage());
            }
        }

        System.out.println("path: " + level2());
        System.out.println("recursion frames: " + depth(0) + " " + depth(5) + " " + depth(20));

        List<String> details = WALKER.walk(s -> s.limit(1).map(f -> f.getDeclaringClass().getName() + " " + f.getMethodName() + " "
                + f.getMethodType() + " " + f.getDescriptor() + " line " + f.getLineNumber() + " file " + f.getFileName()
                + " bci>=0 " + (f.getByteCodeIndex() >= 0) + " native " + f.isNativeMethod() + " | " + f.toStackTraceElement())
                .collect(Collectors.toList()));
        System.out.println("top frame: " + details);

        StackWalker plain = StackWalker.getInstance();
        try {
            plain.walk(s -> s.findFirst().get().getDeclaringClass());
        } catch (UnsupportedOperationException e) {
            System.out.println("getDeclaringClass without the option: " + e.getMessage());
        }
        try {
            plain.getCallerClass();
        } catch (UnsupportedOperationException e) {
            System.out.println("getCallerClass without the option: " + e.getMessage());
        }
        System.out.println("plain walker names: " + plain.walk(s -> s.map(StackWalker.StackFrame::getMethodName).collect(Collectors.toList())));
        try {
            StackWalker.getInstance(Set.of(), 0);
        } catch (IllegalArgumentException e) {
            System.out.println("estimateDepth 0: " + e.getMessage());
        }
        Object escaped = WALKER.walk(s -> s);
        try {
            ((java.util.stream.Stream<?>) escaped).count();
        } catch (IllegalStateException e) {
            System.out.println("stream used after walk: " + e.getMessage());
        }
    }

    static void reflectiveTarget() {
        Logger.log("through Method.invoke");
    }
}
