/** The growable UTF-16 buffer behind StringBuilder and StringBuffer. */
package java.lang;

abstract class AbstractStringBuilder implements Appendable, CharSequence {
    char[] value;
    int count;

    AbstractStringBuilder(int capacity) {
        if (capacity < 0) {
            throw new NegativeArraySizeException(Integer.toString(capacity));
        }
        value = new char[capacity];
    }

    AbstractStringBuilder(String str) {
        int n = str.length();
        value = new char[n + 16];
        str.getChars(0, n, value, 0);
        count = n;
    }

    AbstractStringBuilder(CharSequence seq) {
        int n = seq.length();
        value = new char[n + 16];
        count = 0;
        appendChars(seq, 0, n);
    }

    final char[] getValue() {
        return value;
    }

    @Override
    public int length() {
        return count;
    }

    public int capacity() {
        return value.length;
    }

    public void ensureCapacity(int minimumCapacity) {
        if (minimumCapacity > value.length) {
            grow(minimumCapacity);
        }
    }

    /** Grows to at least minimumCapacity, doubling plus two as the JDK does so capacity() agrees. */
    final void grow(int minimumCapacity) {
        int newCapacity = value.length * 2 + 2;
        if (newCapacity - minimumCapacity < 0) {
            newCapacity = minimumCapacity;
        }
        if (newCapacity < 0) {
            if (minimumCapacity < 0) {
                throw new OutOfMemoryError("Required length exceeds implementation limit");
            }
            newCapacity = Integer.MAX_VALUE - 8;
        }
        char[] bigger = new char[newCapacity];
        System.arraycopy(value, 0, bigger, 0, count);
        value = bigger;
    }

    public void trimToSize() {
        if (count < value.length) {
            char[] smaller = new char[count];
            System.arraycopy(value, 0, smaller, 0, count);
            value = smaller;
        }
    }

    public void setLength(int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        if (newLength > value.length) {
            grow(newLength);
        }
        char[] v = value;
        for (int i = count; i < newLength; i++) {
            v[i] = '\0';
        }
        count = newLength;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= count) {
            throw indexOutOfBounds(index);
        }
        return value[index];
    }

    static StringIndexOutOfBoundsException indexOutOfBounds(int index, int length) {
        return new StringIndexOutOfBoundsException("index " + index + ", length " + length);
    }

    private StringIndexOutOfBoundsException indexOutOfBounds(int index) {
        return indexOutOfBounds(index, count);
    }

    static void checkRange(int start, int end, int length) {
        if (start < 0 || start > end || end > length) {
            throw new StringIndexOutOfBoundsException("start " + start + ", end " + end + ", length " + length);
        }
    }

    private static void checkRangeIOOBE(int start, int end, int length) {
        if (start < 0 || start > end || end > length) {
            throw new IndexOutOfBoundsException("start " + start + ", end " + end + ", length " + length);
        }
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > count) {
            throw new StringIndexOutOfBoundsException("offset " + offset + ", length " + count);
        }
    }

    public int codePointAt(int index) {
        if (index < 0 || index >= count) {
            throw indexOutOfBounds(index);
        }
        return Character.codePointAt(value, index, count);
    }

    public int codePointBefore(int index) {
        if (index < 1 || index > count) {
            throw new StringIndexOutOfBoundsException(index);
        }
        return Character.codePointBefore(value, index, 0);
    }

    public int codePointCount(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > count || beginIndex > endIndex) {
            throw new IndexOutOfBoundsException();
        }
        return Character.codePointCount(value, beginIndex, endIndex - beginIndex);
    }

    public int offsetByCodePoints(int index, int codePointOffset) {
        if (index < 0 || index > count) {
            throw new IndexOutOfBoundsException();
        }
        return Character.offsetByCodePoints(this, index, codePointOffset);
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkRange(srcBegin, srcEnd, count);
        int n = srcEnd - srcBegin;
        if (dstBegin < 0 || dstBegin > dst.length - n) {
            throw new IndexOutOfBoundsException("start " + dstBegin + ", end " + (dstBegin + n) + ", length " + dst.length);
        }
        System.arraycopy(value, srcBegin, dst, dstBegin, n);
    }

    public void setCharAt(int index, char ch) {
        if (index < 0 || index >= count) {
            throw indexOutOfBounds(index);
        }
        value[index] = ch;
    }

    AbstractStringBuilder append(Object obj) {
        return append(String.valueOf(obj));
    }

    AbstractStringBuilder append(String str) {
        if (str == null) {
            return appendNull();
        }
        int n = str.length();
        int c = count;
        if (c + n > value.length) {
            grow(c + n);
        }
        str.copyTo(value, c);
        count = c + n;
        return this;
    }

    AbstractStringBuilder append(StringBuffer sb) {
        return append((CharSequence) sb);
    }

    AbstractStringBuilder append(AbstractStringBuilder asb) {
        if (asb == null) {
            return appendNull();
        }
        int n = asb.length();
        int c = count;
        if (c + n > value.length) {
            grow(c + n);
        }
        System.arraycopy(asb.value, 0, value, c, n);
        count = c + n;
        return this;
    }

    @Override
    public AbstractStringBuilder append(CharSequence s) {
        if (s == null) {
            return appendNull();
        }
        if (s instanceof String) {
            return append((String) s);
        }
        if (s instanceof AbstractStringBuilder) {
            return append((AbstractStringBuilder) s);
        }
        appendChars(s, 0, s.length());
        return this;
    }

    final AbstractStringBuilder appendNull() {
        int c = count;
        if (c + 4 > value.length) {
            grow(c + 4);
        }
        char[] v = value;
        v[c] = 'n';
        v[c + 1] = 'u';
        v[c + 2] = 'l';
        v[c + 3] = 'l';
        count = c + 4;
        return this;
    }

    @Override
    public AbstractStringBuilder append(CharSequence s, int start, int end) {
        if (s == null) {
            s = "null";
        }
        checkRangeIOOBE(start, end, s.length());
        appendChars(s, start, end);
        return this;
    }

    private void appendChars(CharSequence s, int start, int end) {
        int n = end - start;
        int c = count;
        if (c + n > value.length) {
            grow(c + n);
        }
        if (s instanceof String) {
            ((String) s).getChars(start, end, value, c);
        } else if (s instanceof AbstractStringBuilder) {
            System.arraycopy(((AbstractStringBuilder) s).value, start, value, c, n);
        } else {
            char[] v = value;
            for (int i = start; i < end; i++) {
                v[c++] = s.charAt(i);
            }
        }
        count += n;
    }

    AbstractStringBuilder append(char[] str) {
        return append(str, 0, str.length);
    }

    AbstractStringBuilder append(char[] str, int offset, int len) {
        int end = offset + len;
        checkRangeIOOBE(offset, end, str.length);
        int c = count;
        if (c + len > value.length) {
            grow(c + len);
        }
        System.arraycopy(str, offset, value, c, len);
        count = c + len;
        return this;
    }

    AbstractStringBuilder append(boolean b) {
        return append(b ? "true" : "false");
    }

    @Override
    public AbstractStringBuilder append(char c) {
        int n = count;
        if (n == value.length) {
            grow(n + 1);
        }
        value[n] = c;
        count = n + 1;
        return this;
    }

    AbstractStringBuilder append(int i) {
        int size = Integer.stringSize(i);
        int end = count + size;
        if (end > value.length) {
            grow(end);
        }
        Integer.getChars(i, end, value);
        count = end;
        return this;
    }

    AbstractStringBuilder append(long l) {
        int size = Long.stringSize(l);
        int end = count + size;
        if (end > value.length) {
            grow(end);
        }
        Long.getChars(l, end, value);
        count = end;
        return this;
    }

    AbstractStringBuilder append(float f) {
        return append(Float.toString(f));
    }

    AbstractStringBuilder append(double d) {
        return append(Double.toString(d));
    }

    AbstractStringBuilder delete(int start, int end) {
        int c = count;
        if (end > c) {
            end = c;
        }
        checkRange(start, end, c);
        int n = end - start;
        if (n > 0) {
            System.arraycopy(value, end, value, start, c - end);
            count = c - n;
        }
        return this;
    }

    AbstractStringBuilder appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return append((char) codePoint);
        }
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("Not a valid Unicode code point: 0x"
                    + Integer.toHexString(codePoint).toUpperCase());
        }
        append(Character.highSurrogate(codePoint));
        return append(Character.lowSurrogate(codePoint));
    }

    AbstractStringBuilder deleteCharAt(int index) {
        if (index < 0 || index >= count) {
            throw indexOutOfBounds(index);
        }
        System.arraycopy(value, index + 1, value, index, count - index - 1);
        count--;
        return this;
    }

    AbstractStringBuilder replace(int start, int end, String str) {
        int c = count;
        if (end > c) {
            end = c;
        }
        checkRange(start, end, c);
        int n = str.length();
        int newCount = c + n - (end - start);
        if (newCount > value.length) {
            grow(newCount);
        }
        System.arraycopy(value, end, value, start + n, c - end);
        str.getChars(0, n, value, start);
        count = newCount;
        return this;
    }

    public String substring(int start) {
        return substring(start, count);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public String substring(int start, int end) {
        checkRange(start, end, count);
        return new String(value, start, end - start);
    }

    /** Opens a gap of n chars at offset, which the caller must fill. */
    private void openGap(int offset, int n) {
        int c = count;
        if (c + n > value.length) {
            grow(c + n);
        }
        System.arraycopy(value, offset, value, offset + n, c - offset);
        count = c + n;
    }

    AbstractStringBuilder insert(int index, char[] str, int offset, int len) {
        checkOffset(index);
        checkRange(offset, offset + len, str.length);
        openGap(index, len);
        System.arraycopy(str, offset, value, index, len);
        return this;
    }

    AbstractStringBuilder insert(int offset, Object obj) {
        return insert(offset, String.valueOf(obj));
    }

    AbstractStringBuilder insert(int offset, String str) {
        checkOffset(offset);
        if (str == null) {
            str = "null";
        }
        int n = str.length();
        openGap(offset, n);
        str.getChars(0, n, value, offset);
        return this;
    }

    AbstractStringBuilder insert(int offset, char[] str) {
        checkOffset(offset);
        int n = str.length;
        openGap(offset, n);
        System.arraycopy(str, 0, value, offset, n);
        return this;
    }

    AbstractStringBuilder insert(int dstOffset, CharSequence s) {
        if (s == null) {
            s = "null";
        }
        return insert(dstOffset, s, 0, s.length());
    }

    AbstractStringBuilder insert(int dstOffset, CharSequence s, int start, int end) {
        if (s == null) {
            s = "null";
        }
        checkOffset(dstOffset);
        checkRangeIOOBE(start, end, s.length());
        int n = end - start;
        openGap(dstOffset, n);
        char[] v = value;
        for (int i = start; i < end; i++) {
            v[dstOffset++] = s.charAt(i);
        }
        return this;
    }

    AbstractStringBuilder insert(int offset, boolean b) {
        return insert(offset, String.valueOf(b));
    }

    AbstractStringBuilder insert(int offset, char c) {
        checkOffset(offset);
        openGap(offset, 1);
        value[offset] = c;
        return this;
    }

    AbstractStringBuilder insert(int offset, int i) {
        return insert(offset, String.valueOf(i));
    }

    AbstractStringBuilder insert(int offset, long l) {
        return insert(offset, String.valueOf(l));
    }

    AbstractStringBuilder insert(int offset, float f) {
        return insert(offset, String.valueOf(f));
    }

    AbstractStringBuilder insert(int offset, double d) {
        return insert(offset, String.valueOf(d));
    }

    public int indexOf(String str) {
        return String.indexOf(value, count, str.toCharArray(), 0);
    }

    public int indexOf(String str, int fromIndex) {
        return String.indexOf(value, count, str.toCharArray(), fromIndex);
    }

    public int lastIndexOf(String str) {
        return String.lastIndexOf(value, count, str.toCharArray(), count);
    }

    public int lastIndexOf(String str, int fromIndex) {
        return String.lastIndexOf(value, count, str.toCharArray(), fromIndex);
    }

    AbstractStringBuilder reverse() {
        char[] v = value;
        int n = count;
        boolean surrogates = false;
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            char a = v[i];
            char b = v[j];
            v[i] = b;
            v[j] = a;
            if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
                surrogates = true;
            }
        }
        if (n % 2 == 1 && Character.isSurrogate(v[n / 2])) {
            surrogates = true;
        }
        if (surrogates) {
            // Pairs came out low-then-high; put each valid pair back in order.
            for (int i = 0; i < n - 1; i++) {
                char lo = v[i];
                if (Character.isLowSurrogate(lo)) {
                    char hi = v[i + 1];
                    if (Character.isHighSurrogate(hi)) {
                        v[i] = hi;
                        v[i + 1] = lo;
                        i++;
                    }
                }
            }
        }
        return this;
    }

    int compareTo(AbstractStringBuilder another) {
        if (this == another) {
            return 0;
        }
        char[] a = value;
        char[] b = another.value;
        int n = Math.min(count, another.count);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return a[i] - b[i];
            }
        }
        return count - another.count;
    }

    @Override
    public abstract String toString();
}
