public class Main {
    static StringBuilder log = new StringBuilder();

    @SuppressWarnings("finally")
    static int finallyOverridesReturn() {
        try {
            log.append("try;");
            return 1;
        } finally {
            log.append("finally;");
            return 2;
        }
    }

    @SuppressWarnings("finally")
    static int finallySwallowsException() {
        try {
            throw new RuntimeException("lost");
        } finally {
            return 3;
        }
    }

    static int returnValueCapturedBeforeFinally() {
        int x = 10;
        try {
            return x;
        } finally {
            x = 20;
            log.append("x=" + x + ";");
        }
    }

    static String order(boolean fail) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("try ");
            if (fail) {
                throw new IllegalStateException("fail");
            }
            sb.append("no-throw ");
        } catch (IllegalStateException e) {
            sb.append("catch(" + e.getMessage() + ") ");
        } finally {
            sb.append("finally");
        }
        return sb.toString();
    }

    static void nested() {
        try {
            try {
                System.out.println("inner try");
                throw new IllegalArgumentException("inner");
            } catch (IllegalStateException e) {
                System.out.println("inner catch: wrong type, not printed");
            } finally {
                System.out.println("inner finally");
            }
        } catch (IllegalArgumentException e) {
            System.out.println("outer catch " + e.getMessage());
            try {
                throw new RuntimeException("from catch");
            } catch (RuntimeException e2) {
                System.out.println("caught again " + e2.getMessage());
            }
        } finally {
            System.out.println("outer finally");
        }
    }

    static void rethrowInFinally() {
        try {
            try {
                throw new RuntimeException("first");
            } finally {
                System.out.println("finally throws second");
                if (log.length() >= 0) {
                    throw new IllegalStateException("second");
                }
            }
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage() + " suppressed=" + e.getSuppressed().length);
        }
    }

    static int loopWithFinally() {
        int total = 0;
        for (int i = 0; i < 6; i++) {
            try {
                if (i == 1) {
                    continue;
                }
                if (i == 4) {
                    break;
                }
                total += i * 10;
            } finally {
                total += 1;
                System.out.print("f" + i + " ");
            }
        }
        System.out.println();
        return total;
    }

    static String multiCatch(int which) {
        try {
            switch (which) {
                case 0: throw new IllegalArgumentException("iae");
                case 1: throw new ArithmeticException("ae");
                case 2: {
                    Object o = "s";
                    Integer i = (Integer) o;
                    return "unreachable " + i;
                }
                case 3: {
                    int[] a = new int[1];
                    return "" + a[which];
                }
                default: return "none";
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            return "multi " + e.getClass().getSimpleName() + " " + e.getMessage();
        } catch (ClassCastException e) {
            return "cce";
        } catch (RuntimeException e) {
            return "runtime " + e.getClass().getSimpleName();
        }
    }

    static int depth(int n) {
        try {
            if (n == 0) {
                throw new UnsupportedOperationException("bottom");
            }
            return depth(n - 1) + 1;
        } finally {
            System.out.print("unwind" + n + " ");
        }
    }

    public static void main(String[] args) {
        System.out.println(finallyOverridesReturn() + " " + log);
        System.out.println(finallySwallowsException());
        System.out.println(returnValueCapturedBeforeFinally() + " " + log);
        System.out.println(order(false));
        System.out.println(order(true));
        nested();
        rethrowInFinally();
        System.out.println("loop total " + loopWithFinally());
        for (int i = 0; i <= 4; i++) {
            System.out.println(multiCatch(i));
        }
        try {
            depth(4);
        } catch (UnsupportedOperationException e) {
            System.out.println("\ncaught " + e.getMessage());
        }
        Throwable t = new Error("plain error");
        try {
            throw (Error) t;
        } catch (Error e) {
            System.out.println("caught Error " + e.getMessage() + " same=" + (e == t));
        }
        try {
            throw null;
        } catch (NullPointerException e) {
            System.out.println("throw null gives NPE");
        }
    }
}
