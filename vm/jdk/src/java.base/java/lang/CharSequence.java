/** A readable sequence of UTF-16 code units. */
package java.lang;

public interface CharSequence {
    int length();

    char charAt(int index);

    default boolean isEmpty() {
        return this.length() == 0;
    }

    CharSequence subSequence(int start, int end);

    /** The chars as ints; taken eagerly, so later changes to a mutable sequence are not seen. */
    default java.util.stream.IntStream chars() {
        int n = length();
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = charAt(i);
        }
        return java.util.stream.IntStream.of(values);
    }

    /** The code points; taken eagerly, like chars(). */
    default java.util.stream.IntStream codePoints() {
        int n = length();
        int[] values = new int[n];
        int count = 0;
        for (int i = 0; i < n;) {
            char c = charAt(i++);
            if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(charAt(i))) {
                values[count++] = Character.toCodePoint(c, charAt(i++));
            } else {
                values[count++] = c;
            }
        }
        int[] exact = new int[count];
        System.arraycopy(values, 0, exact, 0, count);
        return java.util.stream.IntStream.of(exact);
    }

    String toString();

    static int compare(CharSequence cs1, CharSequence cs2) {
        if (cs1 == cs2) {
            return 0;
        }
        if (cs1.getClass() == cs2.getClass() && cs1 instanceof Comparable) {
            @SuppressWarnings("unchecked")
            Comparable<Object> c = (Comparable<Object>) cs1;
            return c.compareTo(cs2);
        }
        int n = Math.min(cs1.length(), cs2.length());
        for (int i = 0; i < n; i++) {
            char a = cs1.charAt(i);
            char b = cs2.charAt(i);
            if (a != b) {
                return a - b;
            }
        }
        return cs1.length() - cs2.length();
    }
}
