public class Main {
    static class Validator {
        void check(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative value " + v);
            }
        }
    }

    static void level3(int v) {
        new Validator().check(v);
    }

    static void level2(int v) {
        level3(v);
    }

    static void level1(int v) {
        try {
            level2(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("level1 failed", e);
        }
    }

    public static void main(String[] args) {
        try {
            level2(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("caught: " + e.getMessage());
            e.printStackTrace();
            StackTraceElement[] st = e.getStackTrace();
            System.out.println("frames " + st.length);
            for (StackTraceElement el : st) {
                System.out.println("  " + el.getClassName() + "." + el.getMethodName() + " line " + el.getLineNumber() + " file " + el.getFileName());
            }
        }
        try {
            level1(-2);
        } catch (IllegalStateException e) {
            System.out.println("caught chained: " + e);
            e.printStackTrace();
        }
        Exception withSuppressed = new Exception("outer");
        withSuppressed.addSuppressed(new RuntimeException("suppressed one"));
        withSuppressed.printStackTrace();
        try {
            int[] a = new int[2];
            a[2] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            e.printStackTrace(System.out);
        }
        System.err.println("stderr line after traces");
        System.out.println("done");
    }
}
