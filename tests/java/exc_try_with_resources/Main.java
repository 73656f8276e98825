public class Main {
    static class Res implements AutoCloseable {
        final String name;
        final boolean failOnClose;

        Res(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            System.out.println("open " + name);
        }

        @Override
        public void close() {
            System.out.println("close " + name);
            if (failOnClose) {
                throw new IllegalStateException("close failed: " + name);
            }
        }
    }

    static class Failing implements AutoCloseable {
        Failing() throws Exception {
            System.out.println("Failing constructor throws");
            throw new Exception("cannot open");
        }

        @Override
        public void close() { System.out.println("never closed"); }
    }

    public static void main(String[] args) throws Exception {
        try (Res a = new Res("a", false); Res b = new Res("b", false)) {
            System.out.println("body uses " + a.name + b.name);
        }
        System.out.println("--");
        try (Res a = new Res("a", true); Res b = new Res("b", true)) {
            System.out.println("body throws");
            throw new RuntimeException("body failure");
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getMessage());
            for (Throwable s : e.getSuppressed()) {
                System.out.println("  suppressed " + s.getMessage());
            }
        }
        System.out.println("--");
        try (Res a = new Res("a", true); Res b = new Res("b", false)) {
            System.out.println("body ok, close of a fails");
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length);
        }
        System.out.println("--");
        try (Res a = new Res("a", false); Failing f = new Failing()) {
            System.out.println("not reached");
        } catch (Exception e) {
            System.out.println("caught " + e.getMessage());
        } finally {
            System.out.println("finally after twr");
        }
        System.out.println("--");
        Res outside = new Res("outside", false);
        try (outside; Res inner = new Res("inner", true)) {
            System.out.println("java 9 style");
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage());
        }
        System.out.println("--");
        try (Res nul = null) {
            System.out.println("null resource is fine: " + nul);
        }
        System.out.println("--");
        StringBuilder order = new StringBuilder();
        try (AutoCloseable l1 = () -> order.append("L1 "); AutoCloseable l2 = () -> order.append("L2 "); AutoCloseable l3 = () -> order.append("L3 ")) {
            order.append("body ");
        }
        System.out.println(order);
        System.out.println("--");
        try {
            try (Res a = new Res("x", true)) {
                throw new Error("error in body");
            }
        } catch (Error e) {
            System.out.println("error " + e.getMessage() + " with " + e.getSuppressed().length + " suppressed: " + e.getSuppressed()[0]);
        }
    }
}
