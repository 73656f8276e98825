public class Main {
    static class DataException extends RuntimeException {
        DataException(String msg, Throwable cause) { super(msg, cause); }
    }

    static int parse(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad digit '" + c + "' at " + i);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int load(String s) {
        try {
            return parse(s);
        } catch (IllegalArgumentException e) {
            throw new DataException("could not load " + s, e);
        }
    }

    static int loadAll(String[] items) {
        int total = 0;
        for (String s : items) {
            total += load(s);
            System.out.println("loaded " + s + " total " + total);
        }
        return total;
    }

    public static void main(String[] args) {
        try {
            loadAll(new String[] {"12", "x"});
        } catch (DataException e) {
            System.out.println("first attempt: " + e.getMessage() + " / " + e.getCause().getMessage());
        }
        try {
            loadAll(new String[] {"7", "4q"});
        } catch (DataException e) {
            throw new IllegalStateException("fatal", e);
        }
    }
}
