import java.lang.reflect.*;
import java.util.*;

// Exceptions thrown through dynamic proxies and reflective calls, printed as programs print
// them: stack traces with proxy frames (their dynamic module named), InvocationTargetException
// and UndeclaredThrowableException causes, suppressed exceptions from try-with-resources on a
// proxied AutoCloseable, and StackWalker and Thread.getStackTrace seen from inside a handler.
public class Main {
    public interface Service extends AutoCloseable {
        String call(String arg) throws java.io.IOException;
        @Override void close();
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        for (StackTraceElement e : t.getStackTrace()) {
            String s = e.toString();
            if (s.contains("Main") || s.contains("$Proxy")) sb.append("\n    at ").append(s);
        }
        for (Throwable s : t.getSuppressed()) sb.append("\n  suppressed ").append(s);
        if (t.getCause() != null && t.getCause() != t) sb.append("\n  cause: ").append(describe(t.getCause()));
        return sb.toString();
    }

    static Service service(String mode) {
        return (Service) Proxy.newProxyInstance(Main.class.getClassLoader(), new Class<?>[] {Service.class}, (p, m, a) -> {
            if (m.getName().equals("close")) {
                if (mode.equals("close-fails")) throw new IllegalStateException("close failed");
                return null;
            }
            if (m.getName().equals("toString")) return "Service[" + mode + "]";
            if (m.getName().equals("call")) {
                switch (mode) {
                    case "ok": return "ok:" + a[0];
                    case "io": throw new java.io.IOException("declared " + a[0]);
                    case "checked": throw new Exception("undeclared " + a[0]);
                    case "where":
                        StringBuilder sb = new StringBuilder();
                        StackWalker.getInstance().forEach(f -> {
                            if (f.getClassName().startsWith("Main") || f.getClassName().contains("$Proxy")) {
                                sb.append(f.getClassName().contains("$Proxy") ? "[proxy]" : f.getClassName()).append('.').append(f.getMethodName()).append(' ');
                            }
                        });
                        return sb.toString().trim();
                    default: throw new IllegalArgumentException("bad mode " + mode);
                }
            }
            return null;
        });
    }

    public static void main(String[] args) throws Exception {
        System.out.println(service("ok").call("x"));
        System.out.println(service("where").call("y"));
        for (String mode : new String[] {"io", "checked", "other"}) {
            try {
                service(mode).call("z");
            } catch (Throwable t) {
                System.out.println(describe(t));
            }
        }
        try (Service s = service("close-fails")) {
            s.call("boom");
        } catch (Throwable t) {
            System.out.println(describe(t));
        }
        Method call = Service.class.getMethod("call", String.class);
        try {
            call.invoke(service("io"), "via reflection");
        } catch (InvocationTargetException e) {
            System.out.println(describe(e));
        }
        try {
            call.invoke(service("checked"), "via reflection");
        } catch (InvocationTargetException e) {
            System.out.println(describe(e));
        }
    }
}
