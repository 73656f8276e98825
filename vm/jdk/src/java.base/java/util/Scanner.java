// A text scanner splitting its input into whitespace-delimited tokens and lines.
package java.util;

import java.io.IOException;
import java.io.InputStream;

// Tokens are delimited by Character.isWhitespace, the JDK's default delimiter; custom delimiters
// and regular-expression searches are not supported. Number syntax follows the en-US locale.
public final class Scanner implements Iterator<String>, java.io.Closeable {
    private static final int BUFFER_SIZE = 1024;

    private InputStream in;
    // Set instead of `in` when scanning characters from a Reader.
    private java.io.Reader reader;
    private char[] buf;
    private int pos;
    private int limit;
    private boolean sourceClosed;
    private boolean closed;
    private int defaultRadix = 10;
    private IOException lastException;

    // Bytes of an incomplete UTF-8 sequence left over from the previous read.
    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int byteCount;

    public Scanner(InputStream source) {
        this.in = Objects.requireNonNull(source, "source");
        this.buf = new char[BUFFER_SIZE];
    }

    // Only UTF-8 and ISO-8859-1 (Latin-1, of which US-ASCII is a subset) are decoded.
    public Scanner(InputStream source, String charsetName) {
        this(source);
        Objects.requireNonNull(charsetName, "charsetName");
        String cs = charsetName.toUpperCase();
        if (cs.equals("ISO-8859-1") || cs.equals("ISO8859_1") || cs.equals("LATIN1") || cs.equals("US-ASCII")
                || cs.equals("ASCII")) {
            latin1 = true;
        } else if (!(cs.equals("UTF-8") || cs.equals("UTF8"))) {
            throw new IllegalArgumentException("java.nio.charset.UnsupportedCharsetException: " + charsetName);
        }
    }

    // Readers are the only Readables here (there is no CharBuffer to read into).
    public Scanner(Readable source) {
        Objects.requireNonNull(source, "source");
        if (!(source instanceof java.io.Reader)) {
            throw new IllegalArgumentException("unsupported Readable: " + source.getClass().getName());
        }
        this.reader = (java.io.Reader) source;
        this.buf = new char[BUFFER_SIZE];
    }

    public Scanner(java.io.File source) throws java.io.FileNotFoundException {
        this(new java.io.FileInputStream(source));
    }

    public Scanner(java.io.File source, String charsetName) throws java.io.FileNotFoundException {
        this(new java.io.FileInputStream(source), charsetName);
    }

    public Scanner(java.nio.file.Path source) throws java.io.IOException {
        this(java.nio.file.Files.newInputStream(source));
    }

    public Scanner(String source) {
        // As OpenJDK's StringReader(String s) reads it first: a null source's message matches.
        String s = source;
        this.limit = s.length();
        this.in = null;
        this.buf = s.toCharArray();
        this.sourceClosed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Scanner closed");
        }
    }

    // Reads more input after `limit`, keeping everything from `pos`. Returns false at the end.
    private boolean fill() {
        if (sourceClosed) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit + BUFFER_SIZE > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + BUFFER_SIZE));
        }
        if (reader != null) {
            for (;;) {
                int n;
                try {
                    n = reader.read(buf, limit, BUFFER_SIZE);
                } catch (IOException e) {
                    lastException = e;
                    n = -1;
                }
                if (n < 0) {
                    sourceClosed = true;
                    return false;
                }
                if (n > 0) {
                    limit += n;
                    return true;
                }
            }
        }
        for (;;) {
            int n;
            try {
                n = in.read(bytes, byteCount, bytes.length - byteCount);
            } catch (IOException e) {
                lastException = e;
                n = -1;
            }
            if (n < 0) {
                sourceClosed = true;
                if (byteCount > 0) {
                    // A truncated sequence at the end decodes to replacement characters.
                    for (int i = 0; i < byteCount; i++) {
                        buf[limit++] = '\uFFFD';
                    }
                    byteCount = 0;
                    return true;
                }
                return false;
            }
            byteCount += n;
            int before = limit;
            decode();
            if (limit > before) {
                return true;
            }
        }
    }

    private boolean latin1;

    private void decode() {
        byte[] b = bytes;
        int i = 0;
        int n = byteCount;
        if (latin1) {
            for (; i < n; i++) {
                buf[limit++] = (char) (b[i] & 0xff);
            }
            byteCount = 0;
            return;
        }
        while (i < n) {
            int c = b[i] & 0xff;
            int need;
            int cp;
            if (c < 0x80) {
                buf[limit++] = (char) c;
                i++;
                continue;
            } else if (c >= 0xc2 && c < 0xe0) {
                need = 1;
                cp = c & 0x1f;
            } else if (c >= 0xe0 && c < 0xf0) {
                need = 2;
                cp = c & 0x0f;
            } else if (c >= 0xf0 && c < 0xf5) {
                need = 3;
                cp = c & 0x07;
            } else {
                buf[limit++] = '\uFFFD';
                i++;
                continue;
            }
            if (i + need >= n && !complete(b, i, need, n)) {
                // The rest of this sequence has not been read yet.
                break;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) {
                    ok = false;
                    break;
                }
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (!ok || (need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (need == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
                buf[limit++] = '\uFFFD';
                i++;
                continue;
            }
            if (cp >= 0x10000) {
                buf[limit++] = Character.highSurrogate(cp);
                buf[limit++] = Character.lowSurrogate(cp);
            } else {
                buf[limit++] = (char) cp;
            }
            i += need + 1;
        }
        System.arraycopy(b, i, b, 0, n - i);
        byteCount = n - i;
    }

    // Whether the sequence starting at i has all its bytes within n, or is already malformed.
    private static boolean complete(byte[] b, int i, int need, int n) {
        if (i + need < n) {
            return true;
        }
        for (int k = i + 1; k < n; k++) {
            if ((b[k] & 0xc0) != 0x80) {
                return true;
            }
        }
        return false;
    }

    // Finds the next token without consuming it: sets tokenStart/tokenEnd relative to pos.
    private int tokenStart;
    private int tokenEnd;

    private boolean findToken() {
        int i = 0;
        for (;;) {
            if (!availableRel(i)) {
                tokenStart = i;
                tokenEnd = i;
                return false;
            }
            if (!Character.isWhitespace(buf[pos + i])) {
                break;
            }
            i++;
        }
        int start = i;
        for (;;) {
            if (!availableRel(i) || Character.isWhitespace(buf[pos + i])) {
                break;
            }
            i++;
        }
        tokenStart = start;
        tokenEnd = i;
        return true;
    }

    // Like findToken, but consumes the delimiters before the token even when no token follows or
    // it does not match, as the JDK's next methods do; hasNext methods leave them.
    private boolean skipToToken() {
        boolean found = findToken();
        pos += tokenStart;
        tokenEnd -= tokenStart;
        tokenStart = 0;
        return found;
    }

    // Like available, with the index relative to pos (pos may move when the buffer compacts).
    private boolean availableRel(int rel) {
        while (pos + rel >= limit) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    private String tokenText() {
        return new String(buf, pos + tokenStart, tokenEnd - tokenStart);
    }

    private void consumeToken() {
        pos += tokenEnd;
    }

    public boolean hasNext() {
        ensureOpen();
        return findToken();
    }

    public String next() {
        ensureOpen();
        if (!skipToToken()) {
            throw new NoSuchElementException();
        }
        String s = tokenText();
        consumeToken();
        return s;
    }

    public void remove() {
        throw new UnsupportedOperationException();
    }

    public boolean hasNextLine() {
        ensureOpen();
        return availableRel(0);
    }

    public String nextLine() {
        ensureOpen();
        if (!availableRel(0)) {
            throw new NoSuchElementException("No line found");
        }
        int i = 0;
        for (;;) {
            if (!availableRel(i)) {
                String line = new String(buf, pos, i);
                pos += i;
                return line;
            }
            char c = buf[pos + i];
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                String line = new String(buf, pos, i);
                pos += i + 1;
                return line;
            }
            if (c == '\r') {
                String line = new String(buf, pos, i);
                int skip = 1;
                if (availableRel(i + 1) && buf[pos + i + 1] == '\n') {
                    skip = 2;
                }
                pos += i + skip;
                return line;
            }
            i++;
        }
    }

    public Scanner useRadix(int radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw new IllegalArgumentException("radix:" + radix);
        }
        defaultRadix = radix;
        return this;
    }

    public int radix() {
        return defaultRadix;
    }

    private static boolean isRadixDigit(char c, int radix) {
        return Character.isDigit(c) || Character.digit(c, radix) >= 0;
    }

    // The JDK's integer syntax: an optional sign, then digits or digits grouped by commas in
    // threes (the first group 1-3 digits, starting with a non-zero digit).
    private static boolean isInteger(String s, int radix) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        return isNumeral(s, i, n, radix);
    }

    private static boolean isNumeral(String s, int from, int to, int radix) {
        if (from >= to) {
            return false;
        }
        boolean plain = true;
        for (int k = from; k < to; k++) {
            if (!isRadixDigit(s.charAt(k), radix)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return true;
        }
        int comma = s.indexOf(',', from);
        if (comma < 0 || comma >= to) {
            return false;
        }
        int firstLen = comma - from;
        char lead = s.charAt(from);
        if (firstLen < 1 || firstLen > 3 || !Character.isDigit(lead) || Character.digit(lead, 10) == 0) {
            return false;
        }
        for (int k = from; k < comma; k++) {
            if (!isRadixDigit(s.charAt(k), radix)) {
                return false;
            }
        }
        for (int k = comma; k < to; k += 4) {
            if (s.charAt(k) != ',' || k + 4 > to) {
                return false;
            }
            for (int d = 1; d <= 3; d++) {
                if (!isRadixDigit(s.charAt(k + d), radix)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String stripGroups(String s) {
        if (s.indexOf(',') < 0) {
            return s.startsWith("+") ? s.substring(1) : s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != ',' && !(k == 0 && c == '+')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isDecimalDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    // The JDK's float syntax: signed decimal numerals (grouping allowed before the point) with an
    // optional exponent, hexadecimal floats, NaN and Infinity.
    private static boolean isFloat(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        String rest = s.substring(i);
        if (rest.equals("NaN") || rest.equals("Infinity") || rest.equals("\u221E")) {
            return true;
        }
        if (rest.startsWith("0x") || rest.startsWith("0X")) {
            return isHexFloat(rest.substring(2));
        }
        int e = n;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c == 'e' || c == 'E') {
                e = k;
                break;
            }
        }
        if (e < n) {
            int k = e + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            if (k >= n || !isDecimalDigits(s, k, n)) {
                return false;
            }
        }
        int dot = s.indexOf('.', i);
        if (dot < 0 || dot > e) {
            return isNumeral(s, i, e, 10);
        }
        if (!isDecimalDigits(s, dot + 1, e)) {
            return false;
        }
        if (dot == i) {
            return e > dot + 1;
        }
        return isNumeral(s, i, dot, 10);
    }

    private static boolean isHexFloat(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return false;
        }
        int p = s.length();
        for (int k = dot; k < s.length(); k++) {
            if (s.charAt(k) == 'p' || s.charAt(k) == 'P') {
                p = k;
                break;
            }
        }
        for (int k = 0; k < p; k++) {
            if (k != dot && Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        if (p == dot + 1) {
            return false;
        }
        if (p < s.length()) {
            int k = p + 1;
            if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            return k < s.length() && isDecimalDigits(s, k, s.length());
        }
        return true;
    }

    private String integerToken(int radix) {
        ensureOpen();
        if (!skipToToken()) {
            throw new NoSuchElementException();
        }
        String s = tokenText();
        if (!isInteger(s, radix)) {
            throw new InputMismatchException();
        }
        return s;
    }

    public boolean hasNextInt() {
        return hasNextInt(defaultRadix);
    }

    public boolean hasNextInt(int radix) {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        if (!isInteger(s, radix)) {
            return false;
        }
        try {
            Integer.parseInt(stripGroups(s), radix);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public int nextInt() {
        return nextInt(defaultRadix);
    }

    public int nextInt(int radix) {
        String s = integerToken(radix);
        try {
            int v = Integer.parseInt(stripGroups(s), radix);
            consumeToken();
            return v;
        } catch (NumberFormatException nfe) {
            throw new InputMismatchException(nfe.getMessage());
        }
    }

    public boolean hasNextLong() {
        return hasNextLong(defaultRadix);
    }

    public boolean hasNextLong(int radix) {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        if (!isInteger(s, radix)) {
            return false;
        }
        try {
            Long.parseLong(stripGroups(s), radix);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public long nextLong() {
        return nextLong(defaultRadix);
    }

    public long nextLong(int radix) {
        String s = integerToken(radix);
        try {
            long v = Long.parseLong(stripGroups(s), radix);
            consumeToken();
            return v;
        } catch (NumberFormatException nfe) {
            throw new InputMismatchException(nfe.getMessage());
        }
    }

    public boolean hasNextShort() {
        return hasNextShort(defaultRadix);
    }

    public boolean hasNextShort(int radix) {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        if (!isInteger(s, radix)) {
            return false;
        }
        try {
            Short.parseShort(stripGroups(s), radix);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public short nextShort() {
        return nextShort(defaultRadix);
    }

    public short nextShort(int radix) {
        String s = integerToken(radix);
        try {
            short v = Short.parseShort(stripGroups(s), radix);
            consumeToken();
            return v;
        } catch (NumberFormatException nfe) {
            throw new InputMismatchException(nfe.getMessage());
        }
    }

    public boolean hasNextByte() {
        return hasNextByte(defaultRadix);
    }

    public boolean hasNextByte(int radix) {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        if (!isInteger(s, radix)) {
            return false;
        }
        try {
            Byte.parseByte(stripGroups(s), radix);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public byte nextByte() {
        return nextByte(defaultRadix);
    }

    public byte nextByte(int radix) {
        String s = integerToken(radix);
        try {
            byte v = Byte.parseByte(stripGroups(s), radix);
            consumeToken();
            return v;
        } catch (NumberFormatException nfe) {
            throw new InputMismatchException(nfe.getMessage());
        }
    }

    private static String floatText(String s) {
        String t = stripGroups(s);
        if (t.endsWith("\u221E")) {
            t = t.substring(0, t.length() - 1) + "Infinity";
        }
        return t;
    }

    public boolean hasNextDouble() {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        if (!isFloat(s)) {
            return false;
        }
        try {
            Double.parseDouble(floatText(s));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public double nextDouble() {
        ensureOpen();
        if (!skipToToken()) {
            throw new NoSuchElementException();
        }
        String s = tokenText();
        if (!isFloat(s)) {
            throw new InputMismatchException();
        }
        try {
            double v = Double.parseDouble(floatText(s));
            consumeToken();
            return v;
        } catch (NumberFormatException nfe) {
            throw new InputMismatchException(nfe.getMessage());
        }
    }

    public boolean hasNextFloat() {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        if (!isFloat(s)) {
            return false;
        }
        try {
            Float.parseFloat(floatText(s));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public float nextFloat() {
        ensureOpen();
        if (!skipToToken()) {
            throw new NoSuchElementException();
        }
        String s = tokenText();
        if (!isFloat(s)) {
            throw new InputMismatchException();
        }
        try {
            float v = Float.parseFloat(floatText(s));
            consumeToken();
            return v;
        } catch (NumberFormatException nfe) {
            throw new InputMismatchException(nfe.getMessage());
        }
    }

    public boolean hasNextBoolean() {
        ensureOpen();
        if (!findToken()) {
            return false;
        }
        String s = tokenText();
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    public boolean nextBoolean() {
        ensureOpen();
        if (!skipToToken()) {
            throw new NoSuchElementException();
        }
        String s = tokenText();
        if (s.equalsIgnoreCase("true")) {
            consumeToken();
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            consumeToken();
            return false;
        }
        throw new InputMismatchException();
    }

    public IOException ioException() {
        return lastException;
    }

    public void close() {
        if (closed) {
            return;
        }
        if (in != null || reader != null) {
            try {
                if (in != null) {
                    in.close();
                } else {
                    reader.close();
                }
            } catch (IOException e) {
                lastException = e;
            }
        }
        sourceClosed = true;
        closed = true;
    }

    public String toString() {
        return "java.util.Scanner[delimiters=\\p{javaWhitespace}+][position=" + pos + "][match valid=false]"
                + "[need input=false][source closed=" + sourceClosed + "][skipped=false][group separator=\\x{2c}]"
                + "[decimal separator=\\x{2e}][positive prefix=][negative prefix=\\Q-\\E][positive suffix=]"
                + "[negative suffix=][NaN string=\\QNaN\\E][infinity string=\\Q\u221E\\E]";
    }
}
