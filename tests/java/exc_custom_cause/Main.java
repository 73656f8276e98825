public class Main {
    static class AppException extends Exception {
        final int code;
        AppException(String message, int code) { super(message); this.code = code; }
        AppException(String message, Throwable cause) { super(message, cause); this.code = -1; }
    }

    static class NotFound extends AppException {
        NotFound(String what) { super(what + " not found", 404); }
    }

    static class Quiet extends RuntimeException {
        Quiet() { super(); }
        @Override public String getMessage() { return "quiet override"; }
    }

    static class NoMessage extends RuntimeException { }

    static class Localized extends Exception {
        Localized(String m) { super(m); }
        @Override public String getLocalizedMessage() { return "localized<" + getMessage() + ">"; }
    }

    static void find(String key) throws NotFound {
        if (!key.equals("present")) {
            throw new NotFound(key);
        }
    }

    static void wrap(String key) throws AppException {
        try {
            find(key);
        } catch (NotFound e) {
            throw new AppException("lookup failed for " + key, e);
        }
    }

    public static void main(String[] args) {
        try {
            find("present");
            System.out.println("found present");
            find("absent");
        } catch (NotFound e) {
            System.out.println(e.getMessage() + " code " + e.code + " | " + e + " | cause " + e.getCause());
        }
        try {
            wrap("ghost");
        } catch (AppException e) {
            System.out.println(e + " code " + e.code);
            Throwable c = e.getCause();
            System.out.println("cause: " + c + " class " + c.getClass().getName() + " instanceof AppException " + (c instanceof AppException));
        }
        RuntimeException chain = new RuntimeException("top", new IllegalStateException("middle", new ArithmeticException("root")));
        Throwable t = chain;
        int level = 0;
        while (t != null) {
            System.out.println("level " + level++ + ": " + t);
            t = t.getCause();
        }
        RuntimeException fromCause = new RuntimeException(new IllegalArgumentException("inner msg"));
        System.out.println(fromCause.getMessage() + " | " + fromCause);
        System.out.println(new RuntimeException((Throwable) null).getMessage() + " | " + new RuntimeException().getMessage() + " | " + new RuntimeException(""));
        System.out.println(new Quiet() + " | " + new NoMessage() + " | " + new NoMessage().getMessage() + " | " + new Localized("m") + " | " + new Localized("m").getMessage());
        Exception e1 = new Exception("e1");
        e1.initCause(new Error("e1 cause"));
        System.out.println(e1.getCause());
        try {
            e1.initCause(new Error("again"));
        } catch (IllegalStateException ex) {
            System.out.println("initCause twice: " + ex.getMessage());
        }
        try {
            e1.initCause(e1);
        } catch (IllegalArgumentException | IllegalStateException ex) {
            System.out.println("self cause: " + ex.getClass().getSimpleName() + " " + ex.getMessage());
        }
        Throwable plain = new Throwable("throwable");
        System.out.println(plain + " " + (plain instanceof Exception));
        Exception s = new Exception("with suppressed");
        s.addSuppressed(new RuntimeException("s1"));
        s.addSuppressed(new Error("s2"));
        for (Throwable sup : s.getSuppressed()) {
            System.out.println("suppressed: " + sup);
        }
        try {
            s.addSuppressed(s);
        } catch (IllegalArgumentException ex) {
            System.out.println("self suppression: " + ex.getMessage());
        }
        int caught = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                if (i % 3 == 0) throw new NotFound("k" + i);
                if (i % 3 == 1) throw new IllegalStateException("s" + i);
            } catch (NotFound nf) {
                caught += 1;
            } catch (RuntimeException re) {
                caught += 100;
            }
        }
        System.out.println("caught score " + caught);
        Error err = new StackOverflowError();
        System.out.println(err + " " + new OutOfMemoryError("Java heap space") + " " + new AssertionError(42).getMessage() + " " + new ExceptionInInitializerError("x").getMessage());
        System.out.println(new UnsupportedOperationException("nope", new Exception("why")).getCause().getMessage());
    }
}
