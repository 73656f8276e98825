/** Java halves of the call sites the VM links itself: string concatenation and record methods. */
package jdk.internal.phantom;

public final class Linker {
    private Linker() {}

    private static final char ARG = '\u0001';
    private static final char CONSTANT = '\u0002';

    /**
     * Builds the string of a StringConcatFactory.makeConcatWithConstants call site: in the recipe,
     * \1 stands for the next argument and \2 for the next constant, everything else for itself.
     * No string concatenation in here: it would call back into this method.
     */
    public static String concat(String recipe, Object[] constants, Object[] args) {
        int n = recipe.length();
        StringBuilder sb = new StringBuilder(n + 16 * args.length);
        int argIndex = 0;
        int constIndex = 0;
        int literalStart = 0;
        for (int i = 0; i < n; i++) {
            char c = recipe.charAt(i);
            if (c == ARG || c == CONSTANT) {
                if (literalStart < i) {
                    sb.append(recipe, literalStart, i);
                }
                Object value = (c == ARG) ? args[argIndex++] : constants[constIndex++];
                sb.append(String.valueOf(value));
                literalStart = i + 1;
            }
        }
        if (literalStart < n) {
            sb.append(recipe, literalStart, n);
        }
        return sb.toString();
    }

    /** A record's toString: {@code Point[x=1, y=2]}. */
    public static String recordToString(Object r, String simpleName, String[] names, Object[] values) {
        StringBuilder sb = new StringBuilder(simpleName.length() + 16 * names.length);
        sb.append(simpleName).append('[');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(',').append(' ');
            }
            sb.append(names[i]).append('=').append(String.valueOf(values[i]));
        }
        return sb.append(']').toString();
    }

    /**
     * A record's equals: same class, then each component equal; boxed floating-point components
     * compare by Float.compare/Double.compare as ObjectMethods does for primitive components.
     */
    public static boolean recordEquals(Object a, Object b, Object[] va, Object[] vb) {
        if (a == b) {
            return true;
        }
        if (b == null || a.getClass() != b.getClass()) {
            return false;
        }
        for (int i = 0; i < va.length; i++) {
            Object x = va[i];
            Object y = vb[i];
            if (x == y) {
                continue;
            }
            if (x == null || y == null) {
                return false;
            }
            if (x instanceof Float && y instanceof Float) {
                if (Float.compare((Float) x, (Float) y) != 0) {
                    return false;
                }
            } else if (x instanceof Double && y instanceof Double) {
                if (Double.compare((Double) x, (Double) y) != 0) {
                    return false;
                }
            } else if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /** A record's hashCode: 31 * result + hash of each component, from 0, with null hashing to 0. */
    public static int recordHashCode(Object[] values) {
        int result = 0;
        for (Object v : values) {
            result = 31 * result + (v == null ? 0 : v.hashCode());
        }
        return result;
    }
}
