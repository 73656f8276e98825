// Error reports as applications print them with printStackTrace: wrapped causes several
// levels deep ("... n more" against the enclosing trace), suppressed exceptions from
// try-with-resources (closing in reverse order, each with its own cause), a cause cycle
// ([CIRCULAR REFERENCE: ...]), a trace replaced with setStackTrace (as RPC layers do with
// remote frames), exceptions created without a writable trace or suppression, overridden
// getLocalizedMessage and toString, and the misuse errors: self-suppression, self-causation and
// overwriting a cause. Output goes to System.out, and once through a PrintWriter.
import java.io.PrintWriter;
import java.io.StringWriter;

public class Main {
    static class DataAccessException extends RuntimeException {
        DataAccessException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static class ServiceException extends Exception {
        final int code;

        ServiceException(int code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        @Override
        public String getLocalizedMessage() {
            return "[E" + code + "] " + getMessage();
        }
    }

    static class Resource implements AutoCloseable {
        final String name;
        final boolean failOnClose;

        Resource(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
        }

        @Override
        public void close() {
            if (failOnClose) {
                throw new IllegalStateException("cannot close " + name, new RuntimeException("socket reset"));
            }
        }
    }

    static class RemoteException extends RuntimeException {
        RemoteException(String message) {
            super(message, null, false, true);
        }
    }

    static class QuietException extends RuntimeException {
        QuietException(String message) {
            super(message, null, false, false);
        }
    }

    static class NoMessage extends Exception {
        @Override
        public String toString() {
            return "NoMessage!";
        }
    }

    static int parsePort(String text) {
        if (!text.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException("not a port: " + text);
        }
        return Integer.parseInt(text);
    }

    static void queryDatabase(String port) {
        try {
            parsePort(port);
        } catch (NumberFormatException e) {
            throw new DataAccessException("cannot connect", e);
        }
    }

    static void loadCustomer() throws ServiceException {
        try {
            queryDatabase("54x2");
        } catch (DataAccessException e) {
            throw new ServiceException(503, "customer unavailable", e);
        }
    }

    static void handleRequest() throws Exception {
        try (Resource a = new Resource("connection", true); Resource b = new Resource("statement", true);
             Resource c = new Resource("cursor", false)) {
            throw new IllegalArgumentException("bad query");
        }
    }

    static void section(String title) {
        System.out.println("=== " + title);
    }

    public static void main(String[] args) {
        section("wrapped causes");
        try {
            loadCustomer();
        } catch (ServiceException e) {
            e.printStackTrace(System.out);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.out.println("root cause: " + root.getMessage() + ", depth of top trace " + e.getStackTrace().length);
        }

        section("suppressed on close");
        try {
            handleRequest();
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.out.println("suppressed count " + e.getSuppressed().length + ": " + e.getSuppressed()[0].getMessage() + ", "
                    + e.getSuppressed()[1].getMessage());
        }

        section("suppressed with nested causes and a suppressed of a suppressed");
        Exception primary = new Exception("primary");
        Exception secondary = new Exception("secondary", new Error("inner error"));
        secondary.addSuppressed(new RuntimeException("deeply suppressed"));
        primary.addSuppressed(secondary);
        primary.printStackTrace(System.out);

        section("cause cycle");
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);
        first.printStackTrace(System.out);

        section("remote trace via setStackTrace");
        RemoteException remote = new RemoteException("remote call failed");
        remote.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.remote.OrderService", "place", "OrderService.java", 88),
            new StackTraceElement("com.remote.Dispatcher", "dispatch", null, -1),
            new StackTraceElement("com.remote.NativeBridge", "call", null, -2),
        });
        DataAccessException local = new DataAccessException("while placing order", remote);
        local.printStackTrace(System.out);

        section("no writable stack trace, no suppression");
        QuietException quiet = new QuietException("quiet");
        quiet.addSuppressed(new RuntimeException("ignored"));
        quiet.setStackTrace(new StackTraceElement[] {new StackTraceElement("X", "y", "X.java", 1)});
        System.out.println("trace length " + quiet.getStackTrace().length + ", suppressed " + quiet.getSuppressed().length
                + ", fillInStackTrace returns itself " + (quiet.fillInStackTrace() == quiet));
        quiet.printStackTrace(System.out);

        section("refilled trace");
        Exception reused = new Exception("created in main");
        StackTraceElement[] before = reused.getStackTrace();
        refill(reused);
        System.out.println("before top " + before[0].getMethodName() + ", after top " + reused.getStackTrace()[0].getMethodName()
                + ", lengths " + before.length + " -> " + reused.getStackTrace().length);

        section("custom toString and localized message");
        ServiceException se = new ServiceException(404, "not found", new NoMessage());
        System.out.println(se + " | " + se.getMessage() + " | " + se.getLocalizedMessage());
        StringWriter sw = new StringWriter();
        se.printStackTrace(new PrintWriter(sw, true));
        System.out.print(sw.toString().replace("\t", "    "));

        section("misuse");
        Exception e = new Exception("self");
        try {
            e.addSuppressed(e);
        } catch (IllegalArgumentException ex) {
            System.out.println("addSuppressed(self): " + ex.getMessage() + " / cause " + ex.getCause());
        }
        try {
            e.initCause(e);
        } catch (IllegalArgumentException ex) {
            System.out.println("initCause(self): " + ex.getMessage());
        }
        Exception caused = new Exception("has cause", new RuntimeException("original"));
        try {
            caused.initCause(new RuntimeException("replacement"));
        } catch (IllegalStateException ex) {
            System.out.println("initCause twice: " + ex.getMessage());
        }
        Exception nullCause = new Exception("null cause", null);
        try {
            nullCause.initCause(new RuntimeException("later"));
        } catch (IllegalStateException ex) {
            System.out.println("initCause after null cause in constructor: " + ex.getMessage());
        }
        try {
            e.addSuppressed(null);
        } catch (NullPointerException ex) {
            System.out.println("addSuppressed(null): " + ex.getMessage());
        }
        try {
            e.setStackTrace(new StackTraceElement[] {null});
        } catch (NullPointerException ex) {
            System.out.println("setStackTrace with null element: " + ex.getMessage());
        }
    }

    static void refill(Exception e) {
        e.fillInStackTrace();
    }
}
