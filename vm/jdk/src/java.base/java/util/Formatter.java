// printf-style formatting with HotSpot 17's output for the en-US locale.
package java.util;

import java.io.IOException;
import java.io.PrintStream;
import jdk.internal.phantom.Formatting;

// Supported conversions: b h s c d o x e f g a n % (and their upper-case forms). Date/time
// conversions (%t) and Formattable arguments are not supported.
public final class Formatter implements java.io.Closeable, java.io.Flushable {
    private Appendable a;
    private final Locale l;
    private IOException lastException;

    // Flag bits, in the order Flags.toString lists them.
    private static final int LEFT_JUSTIFY = 1;
    private static final int ALTERNATE = 2;
    private static final int PLUS = 4;
    private static final int LEADING_SPACE = 8;
    private static final int ZERO_PAD = 16;
    private static final int GROUP = 32;
    private static final int PARENTHESES = 64;
    private static final int PREVIOUS = 128;
    private static final int UPPERCASE = 256;
    private static final String FLAG_CHARS = "-#+ 0,(<";

    public Formatter() {
        this(new StringBuilder(), Locale.getDefault());
    }

    public Formatter(Appendable a) {
        this(a == null ? new StringBuilder() : a, Locale.getDefault());
    }

    public Formatter(Locale l) {
        this(new StringBuilder(), l);
    }

    public Formatter(Appendable a, Locale l) {
        this.a = a == null ? new StringBuilder() : a;
        this.l = l;
    }

    public Formatter(PrintStream ps) {
        this((Appendable) Objects.requireNonNull(ps), Locale.getDefault());
    }

    public Locale locale() {
        ensureOpen();
        return l;
    }

    public Appendable out() {
        ensureOpen();
        return a;
    }

    public String toString() {
        ensureOpen();
        return a.toString();
    }

    public void flush() {
        ensureOpen();
        if (a instanceof java.io.Flushable) {
            try {
                ((java.io.Flushable) a).flush();
            } catch (IOException ioe) {
                lastException = ioe;
            }
        }
    }

    public void close() {
        if (a == null) {
            return;
        }
        try {
            if (a instanceof java.io.Closeable) {
                ((java.io.Closeable) a).close();
            }
        } catch (IOException ioe) {
            lastException = ioe;
        } finally {
            a = null;
        }
    }

    private void ensureOpen() {
        if (a == null) {
            throw new FormatterClosedException();
        }
    }

    public IOException ioException() {
        return lastException;
    }

    public Formatter format(String format, Object... args) {
        return format(l, format, args);
    }

    public Formatter format(Locale l, String format, Object... args) {
        ensureOpen();
        int last = -1;
        int lasto = -1;
        // Named as in OpenJDK's Formatter.parse, so that a null format's message matches.
        String s = format;
        int n = s.length();
        int i = 0;
        try {
            while (i < n) {
                int pct = format.indexOf('%', i);
                if (pct < 0) {
                    a.append(format, i, n);
                    break;
                }
                if (pct > i) {
                    a.append(format, i, pct);
                }
                Spec spec = new Spec();
                i = spec.parse(format, pct);
                char c = spec.conversion;
                if (c == '%' || c == 'n') {
                    spec.print(a, null);
                    continue;
                }
                int index;
                if ((spec.flags & PREVIOUS) != 0) {
                    index = lasto;
                    if (args != null && lasto > args.length - 1) {
                        throw new MissingFormatArgumentException(spec.text);
                    }
                } else if (spec.index > 0) {
                    index = spec.index - 1;
                    lasto = index;
                    if (args != null && index > args.length - 1) {
                        throw new MissingFormatArgumentException(spec.text);
                    }
                } else {
                    index = ++last;
                    lasto = index;
                    if (args != null && index > args.length - 1) {
                        throw new MissingFormatArgumentException(spec.text);
                    }
                }
                if (index < 0 && args != null) {
                    throw new MissingFormatArgumentException(spec.text);
                }
                spec.print(a, args == null ? null : args[index]);
            }
        } catch (IOException x) {
            lastException = x;
        }
        return this;
    }

    // Flags as Flags.toString prints them; the internal upper-case flag shows as '^'.
    private static String flagString(int f) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < FLAG_CHARS.length(); k++) {
            if ((f & (1 << k)) != 0) {
                sb.append(FLAG_CHARS.charAt(k));
            }
            if (k == 0 && (f & UPPERCASE) != 0) {
                sb.append('^');
            }
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Spec {
        int index;
        int flags;
        int width = -1;
        int precision = -1;
        char conversion;
        String text;

        // Parses the specifier starting at the '%' at `start`; returns the index after it.
        int parse(String s, int start) {
            int n = s.length();
            int i = start + 1;
            int j = i;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > i && j < n && s.charAt(j) == '$') {
                index = parseNumber(s, i, j);
                if (index <= 0) {
                    throw new IllegalFormatArgumentIndexException(index);
                }
                i = j + 1;
            }
            while (i < n) {
                int bit = FLAG_CHARS.indexOf(s.charAt(i));
                if (bit < 0) {
                    break;
                }
                if ((flags & (1 << bit)) != 0) {
                    throw new DuplicateFormatFlagsException(flagString(1 << bit));
                }
                flags |= 1 << bit;
                i++;
            }
            j = i;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                width = parseNumber(s, i, j);
                if (width < 0) {
                    throw new IllegalFormatWidthException(width);
                }
                i = j;
            }
            if (i < n && s.charAt(i) == '.') {
                j = i + 1;
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    throw new UnknownFormatConversionException(start + 1 < n ? String.valueOf(s.charAt(start + 1)) : "%");
                }
                precision = parseNumber(s, i + 1, j);
                if (precision < 0) {
                    throw new IllegalFormatPrecisionException(precision);
                }
                i = j;
            }
            if (i >= n) {
                throw new UnknownFormatConversionException(start + 1 < n ? String.valueOf(s.charAt(start + 1)) : "%");
            }
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%')) {
                throw new UnknownFormatConversionException(start + 1 < n ? String.valueOf(s.charAt(start + 1)) : "%");
            }
            i++;
            switch (c) {
                case 'B':
                case 'H':
                case 'S':
                case 'C':
                case 'X':
                case 'E':
                case 'G':
                case 'A':
                    flags |= UPPERCASE;
                    c = Character.toLowerCase(c);
                    break;
                default:
                    break;
            }
            conversion = c;
            text = canonical();
            switch (c) {
                case 'b':
                case 'h':
                case 's':
                    checkGeneral();
                    break;
                case 'c':
                    checkCharacter();
                    break;
                case 'd':
                case 'o':
                case 'x':
                    checkInteger();
                    break;
                case 'e':
                case 'f':
                case 'g':
                case 'a':
                    checkFloat();
                    break;
                case '%':
                case 'n':
                    checkText();
                    break;
                default:
                    throw new UnknownFormatConversionException(String.valueOf(c));
            }
            return i;
        }

        // The specifier as the JDK prints it in exception messages: flags in canonical order.
        private String canonical() {
            StringBuilder sb = new StringBuilder("%");
            sb.append(flagString(flags & ~UPPERCASE));
            if (index > 0) {
                sb.append(index).append('$');
            }
            if (width != -1) {
                sb.append(width);
            }
            if (precision != -1) {
                sb.append('.').append(precision);
            }
            sb.append(has(UPPERCASE) ? Character.toUpperCase(conversion) : conversion);
            return sb.toString();
        }

        // Numbers too large for an int are reported as -1, which the callers reject.
        private static int parseNumber(String s, int from, int to) {
            long v = 0;
            for (int k = from; k < to; k++) {
                v = v * 10 + (s.charAt(k) - '0');
                if (v > Integer.MAX_VALUE) {
                    return -1;
                }
            }
            return (int) v;
        }

        private boolean has(int flag) {
            return (flags & flag) != 0;
        }

        private void checkBadFlags(int... bad) {
            for (int flag : bad) {
                if (has(flag)) {
                    throw new FormatFlagsConversionMismatchException(flagString(flag), conversion);
                }
            }
        }

        private void checkGeneral() {
            if ((conversion == 'b' || conversion == 'h') && has(ALTERNATE)) {
                throw new FormatFlagsConversionMismatchException(flagString(ALTERNATE), conversion);
            }
            if (width == -1 && has(LEFT_JUSTIFY)) {
                throw new MissingFormatWidthException(text);
            }
            checkBadFlags(PLUS, LEADING_SPACE, ZERO_PAD, GROUP, PARENTHESES);
        }

        private void checkCharacter() {
            if (precision != -1) {
                throw new IllegalFormatPrecisionException(precision);
            }
            checkBadFlags(ALTERNATE, PLUS, LEADING_SPACE, ZERO_PAD, GROUP, PARENTHESES);
            if (width == -1 && has(LEFT_JUSTIFY)) {
                throw new MissingFormatWidthException(text);
            }
        }

        private void checkNumeric() {
            if (width == -1 && (has(LEFT_JUSTIFY) || has(ZERO_PAD))) {
                throw new MissingFormatWidthException(text);
            }
            if ((has(PLUS) && has(LEADING_SPACE)) || (has(LEFT_JUSTIFY) && has(ZERO_PAD))) {
                throw new IllegalFormatFlagsException(flagString(flags));
            }
        }

        private void checkInteger() {
            checkNumeric();
            if (precision != -1) {
                throw new IllegalFormatPrecisionException(precision);
            }
            if (conversion == 'd') {
                checkBadFlags(ALTERNATE);
            } else {
                checkBadFlags(GROUP);
            }
        }

        private void checkFloat() {
            checkNumeric();
            if (conversion == 'e') {
                checkBadFlags(GROUP);
            } else if (conversion == 'g') {
                checkBadFlags(ALTERNATE);
            } else if (conversion == 'a') {
                checkBadFlags(PARENTHESES, GROUP);
            }
        }

        private void checkText() {
            if (precision != -1) {
                throw new IllegalFormatPrecisionException(precision);
            }
            int userFlags = flags;
            if (conversion == '%') {
                if (userFlags != LEFT_JUSTIFY && userFlags != 0) {
                    throw new IllegalFormatFlagsException(flagString(userFlags));
                }
                if (width == -1 && has(LEFT_JUSTIFY)) {
                    throw new MissingFormatWidthException(text);
                }
            } else {
                if (width != -1) {
                    throw new IllegalFormatWidthException(width);
                }
                if (userFlags != 0) {
                    throw new IllegalFormatFlagsException(flagString(userFlags));
                }
            }
        }

        void print(Appendable a, Object arg) throws IOException {
            switch (conversion) {
                case '%':
                    appendJustified(a, "%");
                    break;
                case 'n':
                    a.append('\n');
                    break;
                case 'b':
                    printString(a, arg == null ? "false" : (arg instanceof Boolean) ? arg.toString() : "true");
                    break;
                case 'h':
                    printString(a, arg == null ? "null" : Integer.toHexString(arg.hashCode()));
                    break;
                case 's':
                    if (has(ALTERNATE)) {
                        throw new FormatFlagsConversionMismatchException(flagString(ALTERNATE), 's');
                    }
                    printString(a, arg == null ? "null" : arg.toString());
                    break;
                case 'c':
                    printCharacter(a, arg);
                    break;
                case 'd':
                case 'o':
                case 'x':
                    printInteger(a, arg);
                    break;
                default:
                    printFloat(a, arg);
                    break;
            }
        }

        private void printString(Appendable a, String s) throws IOException {
            if (precision != -1 && precision < s.length()) {
                s = s.substring(0, precision);
            }
            if (has(UPPERCASE)) {
                s = s.toUpperCase();
            }
            appendJustified(a, s);
        }

        private void appendJustified(Appendable a, CharSequence cs) throws IOException {
            if (width == -1) {
                a.append(cs);
                return;
            }
            boolean padRight = has(LEFT_JUSTIFY);
            int sp = width - cs.length();
            if (padRight) {
                a.append(cs);
            }
            for (int k = 0; k < sp; k++) {
                a.append(' ');
            }
            if (!padRight) {
                a.append(cs);
            }
        }

        private void printCharacter(Appendable a, Object arg) throws IOException {
            if (arg == null) {
                printString(a, "null");
                return;
            }
            String s;
            if (arg instanceof Character) {
                s = ((Character) arg).toString();
            } else if (arg instanceof Byte) {
                byte i = ((Byte) arg).byteValue();
                if (!Character.isValidCodePoint(i)) {
                    throw new IllegalFormatCodePointException(i);
                }
                s = new String(Character.toChars(i));
            } else if (arg instanceof Short) {
                short i = ((Short) arg).shortValue();
                if (!Character.isValidCodePoint(i)) {
                    throw new IllegalFormatCodePointException(i);
                }
                s = new String(Character.toChars(i));
            } else if (arg instanceof Integer) {
                int i = ((Integer) arg).intValue();
                if (!Character.isValidCodePoint(i)) {
                    throw new IllegalFormatCodePointException(i);
                }
                s = new String(Character.toChars(i));
            } else {
                throw new IllegalFormatConversionException(conversion, arg.getClass());
            }
            printString(a, s);
        }

        private void printInteger(Appendable a, Object arg) throws IOException {
            long value;
            int bits;
            if (arg == null) {
                printString(a, "null");
                return;
            } else if (arg instanceof Integer) {
                value = ((Integer) arg).intValue();
                bits = 32;
            } else if (arg instanceof Long) {
                value = ((Long) arg).longValue();
                bits = 64;
            } else if (arg instanceof Short) {
                value = ((Short) arg).shortValue();
                bits = 16;
            } else if (arg instanceof Byte) {
                value = ((Byte) arg).byteValue();
                bits = 8;
            } else if (arg instanceof java.math.BigInteger) {
                printBigInteger(a, (java.math.BigInteger) arg);
                return;
            } else {
                throw new IllegalFormatConversionException(conversion, arg.getClass());
            }
            // Negative values print in hex and octal as their two's complement at the type's width.
            if (value < 0 && bits < 64 && conversion != 'd') {
                value += 1L << bits;
            }
            StringBuilder sb = new StringBuilder();
            if (conversion == 'd') {
                boolean neg = value < 0;
                String valueStr = Long.toString(value, 10);
                leadingSign(sb, neg);
                localizedMagnitude(sb, valueStr, neg ? 1 : 0, adjustWidth(width, neg));
                trailingSign(sb, neg);
            } else {
                checkBadFlags(PARENTHESES, LEADING_SPACE, PLUS);
                String s;
                int len;
                if (conversion == 'o') {
                    s = Long.toOctalString(value);
                    len = has(ALTERNATE) ? s.length() + 1 : s.length();
                    if (has(ALTERNATE)) {
                        sb.append('0');
                    }
                } else {
                    s = Long.toHexString(value);
                    len = has(ALTERNATE) ? s.length() + 2 : s.length();
                    if (has(ALTERNATE)) {
                        sb.append(has(UPPERCASE) ? "0X" : "0x");
                    }
                    if (has(UPPERCASE)) {
                        s = s.toUpperCase();
                    }
                }
                if (has(ZERO_PAD)) {
                    for (int k = 0; k < width - len; k++) {
                        sb.append('0');
                    }
                }
                sb.append(s);
            }
            appendJustified(a, sb);
        }

        private void printFloat(Appendable a, Object arg) throws IOException {
            double value;
            if (arg == null) {
                printString(a, "null");
                return;
            } else if (arg instanceof Double) {
                value = ((Double) arg).doubleValue();
            } else if (arg instanceof Float) {
                value = ((Float) arg).floatValue();
            } else if (arg instanceof java.math.BigDecimal && conversion != 'a') {
                printBigDecimal(a, (java.math.BigDecimal) arg);
                return;
            } else {
                throw new IllegalFormatConversionException(conversion, arg.getClass());
            }
            StringBuilder sb = new StringBuilder();
            boolean neg = Double.compare(value, 0.0) == -1;
            if (!Double.isNaN(value)) {
                double v = Math.abs(value);
                leadingSign(sb, neg);
                if (!Double.isInfinite(v)) {
                    printFinite(sb, v, neg);
                } else {
                    sb.append(has(UPPERCASE) ? "INFINITY" : "Infinity");
                }
                trailingSign(sb, neg);
            } else {
                sb.append(has(UPPERCASE) ? "NAN" : "NaN");
            }
            appendJustified(a, sb);
        }

        private void printFinite(StringBuilder sb, double v, boolean neg) {
            if (conversion == 'a') {
                printHexFloat(sb, v, neg);
                return;
            }
            int prec = precision == -1 ? 6 : precision;
            String digits;
            if (conversion == 'f') {
                digits = Formatting.fixed(v, prec);
            } else if (conversion == 'e') {
                digits = Formatting.scientific(v, prec);
            } else {
                digits = Formatting.general(v, prec == 0 ? 1 : prec);
            }
            int e = digits.indexOf('e');
            String mant = e < 0 ? digits : digits.substring(0, e);
            String exp = e < 0 ? null : digits.substring(e + 1);
            if (has(ALTERNATE) && prec == 0 && conversion != 'g') {
                mant = mant + ".";
            }
            int newW = width;
            if (width != -1) {
                newW = adjustWidth(exp == null ? width : width - exp.length() - 1, neg);
            }
            localizedMagnitude(sb, mant, 0, newW);
            if (exp != null) {
                sb.append(has(UPPERCASE) ? 'E' : 'e');
                sb.append(exp);
            }
        }

        // BigIntegers print signed in every radix, so '+', ' ' and '(' apply to %o and %x too.
        private void printBigInteger(Appendable a, java.math.BigInteger value) throws IOException {
            StringBuilder sb = new StringBuilder();
            boolean neg = value.signum() == -1;
            java.math.BigInteger v = value.abs();
            leadingSign(sb, neg);
            if (conversion == 'd') {
                localizedMagnitude(sb, v.toString(), 0, adjustWidth(width, neg));
            } else {
                String s = v.toString(conversion == 'o' ? 8 : 16);
                int len = s.length() + sb.length();
                if (neg && has(PARENTHESES)) {
                    len++;
                }
                if (has(ALTERNATE)) {
                    if (conversion == 'o') {
                        len++;
                        sb.append('0');
                    } else {
                        len += 2;
                        sb.append(has(UPPERCASE) ? "0X" : "0x");
                    }
                }
                if (has(ZERO_PAD)) {
                    for (int k = 0; k < width - len; k++) {
                        sb.append('0');
                    }
                }
                if (conversion == 'x' && has(UPPERCASE)) {
                    s = s.toUpperCase();
                }
                sb.append(s);
            }
            trailingSign(sb, neg);
            appendJustified(a, sb);
        }

        // BigDecimals print from their exact decimal digits, rounded HALF_UP.
        private void printBigDecimal(Appendable a, java.math.BigDecimal value) throws IOException {
            StringBuilder sb = new StringBuilder();
            boolean neg = value.signum() == -1;
            java.math.BigDecimal v = value.abs();
            leadingSign(sb, neg);
            char c = conversion;
            int prec = precision;
            if (c == 'g') {
                prec = precision == -1 ? 6 : (precision == 0 ? 1 : precision);
                // The choice between the two layouts is made on the value rounded to the precision.
                v = v.round(new java.math.MathContext(prec));
                java.math.BigDecimal tenToTheNegFour = java.math.BigDecimal.valueOf(1, 4);
                java.math.BigDecimal tenToThePrec = java.math.BigDecimal.valueOf(1, -prec);
                if (v.equals(java.math.BigDecimal.ZERO)
                        || (v.compareTo(tenToTheNegFour) != -1 && v.compareTo(tenToThePrec) == -1)) {
                    int e = -v.scale() + (v.unscaledValue().toString().length() - 1);
                    prec = prec - e - 1;
                    c = 'f';
                } else {
                    prec = prec - 1;
                    c = 'e';
                }
            } else if (prec == -1) {
                prec = 6;
            }
            if (c == 'f') {
                String mant = v.setScale(prec, java.math.RoundingMode.HALF_UP).toPlainString();
                if (prec == 0 && has(ALTERNATE)) {
                    mant = mant + ".";
                }
                localizedMagnitude(sb, mant, 0, adjustWidth(width, neg));
            } else {
                int scale = v.scale();
                int origPrec = v.precision();
                int nzeros = 0;
                int compPrec;
                if (prec > origPrec - 1) {
                    compPrec = origPrec;
                    nzeros = prec - (origPrec - 1);
                } else {
                    compPrec = prec + 1;
                }
                java.math.BigDecimal r = new java.math.BigDecimal(v.unscaledValue(), scale,
                        new java.math.MathContext(compPrec));
                String coeff = r.unscaledValue().toString();
                StringBuilder mant = new StringBuilder();
                mant.append(coeff.charAt(0));
                boolean dot = false;
                if (coeff.length() > 1) {
                    dot = true;
                    mant.append('.').append(coeff, 1, coeff.length());
                }
                long adjusted = -(long) r.scale() + (coeff.length() - 1);
                String exp;
                if (adjusted != 0) {
                    long abs = Math.abs(adjusted);
                    exp = (adjusted < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
                } else {
                    exp = "+00";
                }
                if ((origPrec == 1 || !dot) && (nzeros > 0 || has(ALTERNATE))) {
                    mant.append('.');
                }
                for (int k = 0; k < nzeros; k++) {
                    mant.append('0');
                }
                int newW = width;
                if (width != -1) {
                    newW = adjustWidth(width - exp.length() - 1, neg);
                }
                localizedMagnitude(sb, mant.toString(), 0, newW);
                sb.append(has(UPPERCASE) ? 'E' : 'e');
                sb.append(exp);
            }
            trailingSign(sb, neg);
            appendJustified(a, sb);
        }

        // %a prints v (finite, not negative; the sign is already in sb) as "0x<h>.<hex digits>p<exp>".
        // With no precision it is Double.toHexString's text. A precision of 13 or more pads that
        // text with zeros. A precision p from 1 to 12 (0 counts as 1) rounds the significand,
        // normalised even for subnormals, half-even to p hex digits.
        private void printHexFloat(StringBuilder sb, double v, boolean neg) {
            int prec = precision == -1 ? -1 : Math.max(precision, 1);
            String text = prec == -1 || prec >= 13 || v == 0.0
                    ? Double.toHexString(v).substring(2)
                    : roundedHex(v, prec);
            int p = text.indexOf('p');
            int dot = text.indexOf('.');
            StringBuilder body = new StringBuilder(text.length() + 16);
            body.append(text, 0, p);
            for (int k = p - dot - 1; k < prec; k++) {
                body.append('0');
            }
            body.append('p').append(text, p + 1, text.length());
            int start = sb.length();
            sb.append("0x");
            if (has(ZERO_PAD)) {
                // HotSpot sizes the zeros from the text before it is padded to the precision, so
                // with a precision the result can come out wider than the width.
                int leading = (neg || has(PLUS) || has(LEADING_SPACE)) ? 3 : 2;
                for (int k = text.length() + leading; k < width; k++) {
                    sb.append('0');
                }
            }
            sb.append(body);
            if (has(UPPERCASE)) {
                // "0X", the hex digits and the 'P'.
                for (int k = start; k < sb.length(); k++) {
                    sb.setCharAt(k, Character.toUpperCase(sb.charAt(k)));
                }
            }
        }

        // "1.<digits>p<exp>" for v (finite, positive) rounded half-even to prec (1..12) hex
        // digits, with trailing zeros dropped as Double.toHexString drops them.
        private static String roundedHex(double v, int prec) {
            long bits = Double.doubleToRawLongBits(v);
            int biased = (int) (bits >>> 52) & 0x7ff;
            long m = bits & 0x000fffffffffffffL;
            int exp;
            if (biased == 0) {
                // Subnormal: shift the first set bit up to where the implicit bit would be.
                int shift = Long.numberOfLeadingZeros(m) - 11;
                m <<= shift;
                exp = Double.MIN_EXPONENT - shift;
            } else {
                m |= 1L << 52;
                exp = biased - 1023;
            }
            // m now holds 53 significant bits; keep the leading one and 4 * prec after it.
            int dropped = 52 - 4 * prec;
            long kept = m >>> dropped;
            long rest = m & ((1L << dropped) - 1);
            long half = 1L << (dropped - 1);
            if (rest > half || (rest == half && (kept & 1) != 0)) {
                kept++;
            }
            if (kept >>> (4 * prec) == 2) {
                // Rounding carried into a new leading digit: 0x2.0 is 0x1.0 one binade up.
                kept >>>= 1;
                exp++;
            }
            // A marker bit above the fraction keeps its leading zeros in the hex text.
            long fraction = kept & ((1L << (4 * prec)) - 1);
            String digits = Long.toHexString(fraction | (1L << (4 * prec))).substring(1);
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return "1." + digits.substring(0, end) + "p" + exp;
        }

        private int adjustWidth(int w, boolean neg) {
            if (w != -1 && neg && has(PARENTHESES)) {
                w--;
            }
            return w;
        }

        private void leadingSign(StringBuilder sb, boolean neg) {
            if (!neg) {
                if (has(PLUS)) {
                    sb.append('+');
                } else if (has(LEADING_SPACE)) {
                    sb.append(' ');
                }
            } else {
                sb.append(has(PARENTHESES) ? '(' : '-');
            }
        }

        private void trailingSign(StringBuilder sb, boolean neg) {
            if (neg && has(PARENTHESES)) {
                sb.append(')');
            }
        }

        // Appends the digits from `offset`, grouping the integer part by threes when asked, then
        // inserts zeros after any sign already in sb until it reaches the width.
        private void localizedMagnitude(StringBuilder sb, String value, int offset, int w) {
            int begin = sb.length();
            int len = value.length();
            int dot = value.indexOf('.', offset);
            if (dot < 0) {
                dot = len;
            }
            boolean group = has(GROUP);
            for (int j = offset; j < len; j++) {
                char c = value.charAt(j);
                sb.append(c);
                if (j == dot) {
                    group = false;
                    continue;
                }
                if (group && j != dot - 1 && ((dot - j) % 3 == 1)) {
                    sb.append(',');
                }
            }
            if (w != -1 && has(ZERO_PAD)) {
                for (int k = sb.length(); k < w; k++) {
                    sb.insert(begin, '0');
                }
            }
        }
    }
}
