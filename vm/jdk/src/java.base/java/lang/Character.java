/** The box for char, and Unicode classification and case mapping: Latin-1 here, the rest by the VM. */
package java.lang;

public final class Character implements java.io.Serializable, Comparable<Character> {
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 36;
    public static final char MIN_VALUE = '\u0000';
    public static final char MAX_VALUE = '\uFFFF';
    @SuppressWarnings("unchecked")
    public static final Class<Character> TYPE = (Class<Character>) Class.getPrimitiveClass("char");

    public static final byte UNASSIGNED = 0;
    public static final byte UPPERCASE_LETTER = 1;
    public static final byte LOWERCASE_LETTER = 2;
    public static final byte TITLECASE_LETTER = 3;
    public static final byte MODIFIER_LETTER = 4;
    public static final byte OTHER_LETTER = 5;
    public static final byte NON_SPACING_MARK = 6;
    public static final byte ENCLOSING_MARK = 7;
    public static final byte COMBINING_SPACING_MARK = 8;
    public static final byte DECIMAL_DIGIT_NUMBER = 9;
    public static final byte LETTER_NUMBER = 10;
    public static final byte OTHER_NUMBER = 11;
    public static final byte SPACE_SEPARATOR = 12;
    public static final byte LINE_SEPARATOR = 13;
    public static final byte PARAGRAPH_SEPARATOR = 14;
    public static final byte CONTROL = 15;
    public static final byte FORMAT = 16;
    public static final byte PRIVATE_USE = 18;
    public static final byte SURROGATE = 19;
    public static final byte DASH_PUNCTUATION = 20;
    public static final byte START_PUNCTUATION = 21;
    public static final byte END_PUNCTUATION = 22;
    public static final byte CONNECTOR_PUNCTUATION = 23;
    public static final byte OTHER_PUNCTUATION = 24;
    public static final byte MATH_SYMBOL = 25;
    public static final byte CURRENCY_SYMBOL = 26;
    public static final byte MODIFIER_SYMBOL = 27;
    public static final byte INITIAL_QUOTE_PUNCTUATION = 29;
    public static final byte FINAL_QUOTE_PUNCTUATION = 30;

    public static final char MIN_HIGH_SURROGATE = '\uD800';
    public static final char MAX_HIGH_SURROGATE = '\uDBFF';
    public static final char MIN_LOW_SURROGATE = '\uDC00';
    public static final char MAX_LOW_SURROGATE = '\uDFFF';
    public static final char MIN_SURROGATE = MIN_HIGH_SURROGATE;
    public static final char MAX_SURROGATE = MAX_LOW_SURROGATE;
    public static final int MIN_SUPPLEMENTARY_CODE_POINT = 0x010000;
    public static final int MIN_CODE_POINT = 0x000000;
    public static final int MAX_CODE_POINT = 0X10FFFF;
    public static final int SIZE = 16;
    public static final int BYTES = 2;

    /** The general category of each Latin-1 char, as '0' plus the category number. */
    private static final String LATIN1_TYPES =
            "????????????????????????????????<HHHJHHHEFHIHDHH9999999999HHIIIHH11111111111111111111111111EHFKGK22222222222222222222222222EIFI?????????????????????????????????<HJJJJLHKL5MI@LKLI;;K2HHK;5N;;;H11111111111111111111111I1111111222222222222222222222222I22222222";

    private final char value;

    @Deprecated(since = "9")
    public Character(char value) {
        this.value = value;
    }

    private static final class Cache {
        static final Character[] CACHE = new Character[128];

        static {
            for (int i = 0; i < 128; i++) {
                CACHE[i] = new Character((char) i);
            }
        }
    }

    public static Character valueOf(char c) {
        if (c < 128) {
            return Cache.CACHE[c];
        }
        return new Character(c);
    }

    public char charValue() {
        return value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    public static int hashCode(char value) {
        return value;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Character && value == ((Character) obj).value;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }

    public static String toString(char c) {
        return String.valueOf(c);
    }

    public static String toString(int codePoint) {
        return new String(toChars(codePoint));
    }

    public static boolean isValidCodePoint(int codePoint) {
        return (codePoint >>> 16) < ((MAX_CODE_POINT + 1) >>> 16);
    }

    public static boolean isBmpCodePoint(int codePoint) {
        return codePoint >>> 16 == 0;
    }

    public static boolean isSupplementaryCodePoint(int codePoint) {
        return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT && codePoint < MAX_CODE_POINT + 1;
    }

    public static boolean isHighSurrogate(char ch) {
        return ch >= MIN_HIGH_SURROGATE && ch <= MAX_HIGH_SURROGATE;
    }

    public static boolean isLowSurrogate(char ch) {
        return ch >= MIN_LOW_SURROGATE && ch <= MAX_LOW_SURROGATE;
    }

    public static boolean isSurrogate(char ch) {
        return ch >= MIN_SURROGATE && ch <= MAX_SURROGATE;
    }

    public static boolean isSurrogatePair(char high, char low) {
        return isHighSurrogate(high) && isLowSurrogate(low);
    }

    public static int charCount(int codePoint) {
        return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT ? 2 : 1;
    }

    public static int toCodePoint(char high, char low) {
        return ((high << 10) + low) + (MIN_SUPPLEMENTARY_CODE_POINT - (MIN_HIGH_SURROGATE << 10) - MIN_LOW_SURROGATE);
    }

    public static int codePointAt(CharSequence seq, int index) {
        char c1 = seq.charAt(index);
        if (isHighSurrogate(c1) && ++index < seq.length()) {
            char c2 = seq.charAt(index);
            if (isLowSurrogate(c2)) {
                return toCodePoint(c1, c2);
            }
        }
        return c1;
    }

    public static int codePointAt(char[] a, int index) {
        return codePointAtImpl(a, index, a.length);
    }

    public static int codePointAt(char[] a, int index, int limit) {
        if (index >= limit || index < 0 || limit > a.length) {
            throw new IndexOutOfBoundsException();
        }
        return codePointAtImpl(a, index, limit);
    }

    private static int codePointAtImpl(char[] a, int index, int limit) {
        char c1 = a[index];
        if (isHighSurrogate(c1) && ++index < limit) {
            char c2 = a[index];
            if (isLowSurrogate(c2)) {
                return toCodePoint(c1, c2);
            }
        }
        return c1;
    }

    public static int codePointBefore(CharSequence seq, int index) {
        char c2 = seq.charAt(--index);
        if (isLowSurrogate(c2) && index > 0) {
            char c1 = seq.charAt(--index);
            if (isHighSurrogate(c1)) {
                return toCodePoint(c1, c2);
            }
        }
        return c2;
    }

    public static int codePointBefore(char[] a, int index) {
        return codePointBeforeImpl(a, index, 0);
    }

    public static int codePointBefore(char[] a, int index, int start) {
        if (index <= start || start < 0 || start >= a.length) {
            throw new IndexOutOfBoundsException();
        }
        return codePointBeforeImpl(a, index, start);
    }

    private static int codePointBeforeImpl(char[] a, int index, int start) {
        char c2 = a[--index];
        if (isLowSurrogate(c2) && index > start) {
            char c1 = a[--index];
            if (isHighSurrogate(c1)) {
                return toCodePoint(c1, c2);
            }
        }
        return c2;
    }

    public static char highSurrogate(int codePoint) {
        return (char) ((codePoint >>> 10) + (MIN_HIGH_SURROGATE - (MIN_SUPPLEMENTARY_CODE_POINT >>> 10)));
    }

    public static char lowSurrogate(int codePoint) {
        return (char) ((codePoint & 0x3ff) + MIN_LOW_SURROGATE);
    }

    public static int toChars(int codePoint, char[] dst, int dstIndex) {
        if (isBmpCodePoint(codePoint)) {
            dst[dstIndex] = (char) codePoint;
            return 1;
        } else if (isValidCodePoint(codePoint)) {
            dst[dstIndex + 1] = lowSurrogate(codePoint);
            dst[dstIndex] = highSurrogate(codePoint);
            return 2;
        }
        throw invalidCodePoint(codePoint);
    }

    public static char[] toChars(int codePoint) {
        if (isBmpCodePoint(codePoint)) {
            return new char[] {(char) codePoint};
        } else if (isValidCodePoint(codePoint)) {
            return new char[] {highSurrogate(codePoint), lowSurrogate(codePoint)};
        }
        throw invalidCodePoint(codePoint);
    }

    private static IllegalArgumentException invalidCodePoint(int codePoint) {
        return new IllegalArgumentException("Not a valid Unicode code point: 0x" + Integer.toHexString(codePoint).toUpperCase());
    }

    public static int codePointCount(CharSequence seq, int beginIndex, int endIndex) {
        int length = seq.length();
        if (beginIndex < 0 || endIndex > length || beginIndex > endIndex) {
            throw new IndexOutOfBoundsException();
        }
        int n = endIndex - beginIndex;
        for (int i = beginIndex; i < endIndex;) {
            if (isHighSurrogate(seq.charAt(i++)) && i < endIndex && isLowSurrogate(seq.charAt(i))) {
                n--;
                i++;
            }
        }
        return n;
    }

    public static int codePointCount(char[] a, int offset, int count) {
        if (count > a.length - offset || offset < 0 || count < 0) {
            throw new IndexOutOfBoundsException();
        }
        int endIndex = offset + count;
        int n = count;
        for (int i = offset; i < endIndex;) {
            if (isHighSurrogate(a[i++]) && i < endIndex && isLowSurrogate(a[i])) {
                n--;
                i++;
            }
        }
        return n;
    }

    public static int offsetByCodePoints(CharSequence seq, int index, int codePointOffset) {
        int length = seq.length();
        if (index < 0 || index > length) {
            throw new IndexOutOfBoundsException();
        }
        int x = index;
        if (codePointOffset >= 0) {
            int i;
            for (i = 0; x < length && i < codePointOffset; i++) {
                if (isHighSurrogate(seq.charAt(x++)) && x < length && isLowSurrogate(seq.charAt(x))) {
                    x++;
                }
            }
            if (i < codePointOffset) {
                throw new IndexOutOfBoundsException();
            }
        } else {
            int i;
            for (i = codePointOffset; x > 0 && i < 0; i++) {
                if (isLowSurrogate(seq.charAt(--x)) && x > 0 && isHighSurrogate(seq.charAt(x - 1))) {
                    x--;
                }
            }
            if (i < 0) {
                throw new IndexOutOfBoundsException();
            }
        }
        return x;
    }

    public static int getType(char ch) {
        return getType((int) ch);
    }

    public static int getType(int codePoint) {
        if (codePoint >= 0 && codePoint < 256) {
            return LATIN1_TYPES.charAt(codePoint) - '0';
        }
        if (!isValidCodePoint(codePoint)) {
            return UNASSIGNED;
        }
        if (codePoint >= MIN_SURROGATE && codePoint <= MAX_SURROGATE) {
            return SURROGATE;
        }
        return getType0(codePoint);
    }

    public static boolean isLowerCase(char ch) {
        return isLowerCase((int) ch);
    }

    /** Other_Lowercase: lower case although not in category Ll (Unicode 13, as in Java 17). */
    private static final int[] OTHER_LOWERCASE = {
        0xAA, 0xAA, 0xBA, 0xBA, 0x2B0, 0x2B8, 0x2C0, 0x2C1, 0x2E0, 0x2E4, 0x345, 0x345, 0x37A, 0x37A,
        0x1D2C, 0x1D6A, 0x1D78, 0x1D78, 0x1D9B, 0x1DBF, 0x2071, 0x2071, 0x207F, 0x207F, 0x2090, 0x209C,
        0x2170, 0x217F, 0x24D0, 0x24E9, 0x2C7C, 0x2C7D, 0xA69C, 0xA69D, 0xA770, 0xA770, 0xA7F8, 0xA7F9,
        0xAB5C, 0xAB5F
    };

    /** Other_Uppercase: upper case although not in category Lu. */
    private static final int[] OTHER_UPPERCASE = {
        0x2160, 0x216F, 0x24B6, 0x24CF, 0x1F130, 0x1F149, 0x1F150, 0x1F169, 0x1F170, 0x1F189
    };

    /** Other_ID_Start: identifier starts outside the letter categories. */
    private static final int[] OTHER_ID_START = {0x1885, 0x1886, 0x2118, 0x2118, 0x212E, 0x212E, 0x309B, 0x309C};

    /** Other_ID_Continue (and Other_ID_Start): identifier parts outside the usual categories. */
    private static final int[] OTHER_ID_CONTINUE = {
        0xB7, 0xB7, 0x387, 0x387, 0x1369, 0x1371, 0x19DA, 0x19DA, 0x2118, 0x2118, 0x212E, 0x212E, 0x309B, 0x309C
    };

    private static boolean inRanges(int[] ranges, int codePoint) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (codePoint >= ranges[i] && codePoint <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    public static boolean isLowerCase(int codePoint) {
        if (codePoint < 256) {
            // Ordinal indicators are Other_Lowercase, so lower case although their category is Lo.
            return getType(codePoint) == LOWERCASE_LETTER || codePoint == 0xaa || codePoint == 0xba;
        }
        return getType(codePoint) == LOWERCASE_LETTER || inRanges(OTHER_LOWERCASE, codePoint);
    }

    public static boolean isUpperCase(char ch) {
        return isUpperCase((int) ch);
    }

    public static boolean isUpperCase(int codePoint) {
        return getType(codePoint) == UPPERCASE_LETTER || (codePoint >= 0x2160 && inRanges(OTHER_UPPERCASE, codePoint));
    }

    public static boolean isTitleCase(char ch) {
        return isTitleCase((int) ch);
    }

    public static boolean isTitleCase(int codePoint) {
        return getType(codePoint) == TITLECASE_LETTER;
    }

    public static boolean isDigit(char ch) {
        return isDigit((int) ch);
    }

    public static boolean isDigit(int codePoint) {
        if (codePoint < 256) {
            return codePoint >= '0' && codePoint <= '9';
        }
        return getType(codePoint) == DECIMAL_DIGIT_NUMBER;
    }

    public static boolean isDefined(char ch) {
        return isDefined((int) ch);
    }

    public static boolean isDefined(int codePoint) {
        return getType(codePoint) != UNASSIGNED;
    }

    public static boolean isLetter(char ch) {
        return isLetter((int) ch);
    }

    public static boolean isLetter(int codePoint) {
        int type = getType(codePoint);
        return type >= UPPERCASE_LETTER && type <= OTHER_LETTER;
    }

    public static boolean isLetterOrDigit(char ch) {
        return isLetterOrDigit((int) ch);
    }

    public static boolean isLetterOrDigit(int codePoint) {
        int type = getType(codePoint);
        return (type >= UPPERCASE_LETTER && type <= OTHER_LETTER) || type == DECIMAL_DIGIT_NUMBER;
    }

    public static boolean isAlphabetic(int codePoint) {
        if (codePoint < 256) {
            return isLetter(codePoint);
        }
        return isAlphabetic0(codePoint);
    }

    public static boolean isIdeographic(int codePoint) {
        if (codePoint < 256) {
            return false;
        }
        return isIdeographic0(codePoint);
    }

    public static boolean isJavaIdentifierStart(char ch) {
        return isJavaIdentifierStart((int) ch);
    }

    public static boolean isJavaIdentifierStart(int codePoint) {
        int type = getType(codePoint);
        return (type >= UPPERCASE_LETTER && type <= OTHER_LETTER) || type == LETTER_NUMBER
                || type == CURRENCY_SYMBOL || type == CONNECTOR_PUNCTUATION;
    }

    public static boolean isJavaIdentifierPart(char ch) {
        return isJavaIdentifierPart((int) ch);
    }

    public static boolean isJavaIdentifierPart(int codePoint) {
        int type = getType(codePoint);
        return (type >= UPPERCASE_LETTER && type <= OTHER_LETTER) || type == LETTER_NUMBER
                || type == CURRENCY_SYMBOL || type == CONNECTOR_PUNCTUATION
                || type == DECIMAL_DIGIT_NUMBER || type == COMBINING_SPACING_MARK
                || type == NON_SPACING_MARK || isIdentifierIgnorable(codePoint);
    }

    public static boolean isUnicodeIdentifierStart(char ch) {
        return isUnicodeIdentifierStart((int) ch);
    }

    public static boolean isUnicodeIdentifierStart(int codePoint) {
        int type = getType(codePoint);
        return (type >= UPPERCASE_LETTER && type <= OTHER_LETTER) || type == LETTER_NUMBER
                || (codePoint >= 0x1885 && inRanges(OTHER_ID_START, codePoint));
    }

    public static boolean isUnicodeIdentifierPart(char ch) {
        return isUnicodeIdentifierPart((int) ch);
    }

    public static boolean isUnicodeIdentifierPart(int codePoint) {
        int type = getType(codePoint);
        return (type >= UPPERCASE_LETTER && type <= OTHER_LETTER) || type == LETTER_NUMBER
                || type == CONNECTOR_PUNCTUATION || type == DECIMAL_DIGIT_NUMBER
                || type == COMBINING_SPACING_MARK || type == NON_SPACING_MARK
                || isIdentifierIgnorable(codePoint) || (codePoint >= 0xb7 && inRanges(OTHER_ID_CONTINUE, codePoint));
    }

    public static boolean isIdentifierIgnorable(char ch) {
        return isIdentifierIgnorable((int) ch);
    }

    public static boolean isIdentifierIgnorable(int codePoint) {
        return (codePoint >= 0 && codePoint <= 8) || (codePoint >= 0xe && codePoint <= 0x1b)
                || (codePoint >= 0x7f && codePoint <= 0x9f) || getType(codePoint) == FORMAT;
    }

    public static char toLowerCase(char ch) {
        return (char) toLowerCase((int) ch);
    }

    public static int toLowerCase(int codePoint) {
        if (codePoint < 256) {
            if ((codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= 0xc0 && codePoint <= 0xde && codePoint != 0xd7)) {
                return codePoint + 32;
            }
            return codePoint;
        }
        return toLowerCase0(codePoint);
    }

    public static char toUpperCase(char ch) {
        return (char) toUpperCase((int) ch);
    }

    public static int toUpperCase(int codePoint) {
        if (codePoint < 256) {
            if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 0xe0 && codePoint <= 0xfe && codePoint != 0xf7)) {
                return codePoint - 32;
            }
            if (codePoint == 0xb5) {
                return 0x39c;
            }
            if (codePoint == 0xff) {
                return 0x178;
            }
            return codePoint;
        }
        return toUpperCase0(codePoint);
    }

    public static char toTitleCase(char ch) {
        return (char) toTitleCase((int) ch);
    }

    public static int toTitleCase(int codePoint) {
        if (codePoint < 256) {
            return toUpperCase(codePoint);
        }
        return toTitleCase0(codePoint);
    }

    public static int digit(char ch, int radix) {
        return digit((int) ch, radix);
    }

    public static int digit(int codePoint, int radix) {
        if (radix < MIN_RADIX || radix > MAX_RADIX) {
            return -1;
        }
        if (codePoint < 128) {
            int d;
            if (codePoint >= '0' && codePoint <= '9') {
                d = codePoint - '0';
            } else if (codePoint >= 'a' && codePoint <= 'z') {
                d = codePoint - 'a' + 10;
            } else if (codePoint >= 'A' && codePoint <= 'Z') {
                d = codePoint - 'A' + 10;
            } else {
                return -1;
            }
            return d < radix ? d : -1;
        }
        if (codePoint < 256) {
            return -1;
        }
        return digit0(codePoint, radix);
    }

    /** The numeric value: digits and Latin letters as in digit(ch, 36), plus the tables' other numbers. */
    public static int getNumericValue(char ch) {
        return getNumericValue((int) ch);
    }

    public static int getNumericValue(int codePoint) {
        if (codePoint < 256) {
            switch (codePoint) {
                case 0xb2:
                    return 2;
                case 0xb3:
                    return 3;
                case 0xb9:
                    return 1;
                case 0xbc:
                case 0xbd:
                case 0xbe:
                    return -2;
                default:
                    return digit(codePoint, MAX_RADIX);
            }
        }
        return getNumericValue0(codePoint);
    }

    private static final int NOT_IN_TABLE = Integer.MIN_VALUE;

    /**
     * Numeric values beyond Latin-1 that digit(cp, 36) does not give (Roman numerals, circled
     * numbers, fractions, ...), from Java 17's Unicode data, loaded on first use. Each run is
     * (first, last, value of first): values rise by one along a run, except -2 runs (fractions).
     */
    private static final class NumericValues {
        static final int[] RUNS = {
            0x9F4, 0x9F8, -2, 0x9F9, 0x9F9, 16, 0xB72, 0xB77, -2, 0xBF0, 0xBF0, 10,
            0xBF1, 0xBF1, 100, 0xBF2, 0xBF2, 1000, 0xC78, 0xC7B, 0, 0xC7C, 0xC7E, 1,
            0xD58, 0xD5E, -2, 0xD70, 0xD70, 10, 0xD71, 0xD71, 100, 0xD72, 0xD72, 1000,
            0xD73, 0xD78, -2, 0xF2A, 0xF33, -2, 0x1369, 0x1372, 1, 0x1373, 0x1373, 20,
            0x1374, 0x1374, 30, 0x1375, 0x1375, 40, 0x1376, 0x1376, 50, 0x1377, 0x1377, 60,
            0x1378, 0x1378, 70, 0x1379, 0x1379, 80, 0x137A, 0x137A, 90, 0x137B, 0x137B, 100,
            0x137C, 0x137C, 10000, 0x16EE, 0x16F0, 17, 0x17F0, 0x17F9, 0, 0x19DA, 0x19DA, 1,
            0x2070, 0x2070, 0, 0x2074, 0x2079, 4, 0x2080, 0x2089, 0, 0x2150, 0x215E, -2,
            0x215F, 0x215F, 1, 0x2160, 0x216B, 1, 0x216C, 0x216C, 50, 0x216D, 0x216D, 100,
            0x216E, 0x216E, 500, 0x216F, 0x216F, 1000, 0x2170, 0x217B, 1, 0x217C, 0x217C, 50,
            0x217D, 0x217D, 100, 0x217E, 0x217E, 500, 0x217F, 0x217F, 1000, 0x2180, 0x2180, 1000,
            0x2181, 0x2181, 5000, 0x2182, 0x2182, 10000, 0x2185, 0x2185, 6, 0x2186, 0x2186, 50,
            0x2187, 0x2187, 50000, 0x2188, 0x2188, 100000, 0x2189, 0x2189, 0, 0x2460, 0x2473, 1,
            0x2474, 0x2487, 1, 0x2488, 0x249B, 1, 0x24EA, 0x24EA, 0, 0x24EB, 0x24F4, 11,
            0x24F5, 0x24FE, 1, 0x24FF, 0x24FF, 0, 0x2776, 0x277F, 1, 0x2780, 0x2789, 1,
            0x278A, 0x2793, 1, 0x2CFD, 0x2CFD, -2, 0x3007, 0x3007, 0, 0x3021, 0x3029, 1,
            0x3038, 0x3038, 10, 0x3039, 0x3039, 20, 0x303A, 0x303A, 30, 0x3192, 0x3195, 1,
            0x3220, 0x3229, 1, 0x3248, 0x3248, 10, 0x3249, 0x3249, 20, 0x324A, 0x324A, 30,
            0x324B, 0x324B, 40, 0x324C, 0x324C, 50, 0x324D, 0x324D, 60, 0x324E, 0x324E, 70,
            0x324F, 0x324F, 80, 0x3251, 0x325F, 21, 0x3280, 0x3289, 1, 0x32B1, 0x32BF, 36,
            0xA6E6, 0xA6EE, 1, 0xA6EF, 0xA6EF, 0, 0xA830, 0xA835, -2, 0xF96B, 0xF96B, 3,
            0xF973, 0xF973, 10, 0xF978, 0xF978, 2, 0xF9B2, 0xF9B2, 0, 0xF9D1, 0xF9D1, 6,
            0xF9D3, 0xF9D3, 6, 0xF9FD, 0xF9FD, 10, 0x10107, 0x10110, 1, 0x10111, 0x10111, 20,
            0x10112, 0x10112, 30, 0x10113, 0x10113, 40, 0x10114, 0x10114, 50, 0x10115, 0x10115, 60,
            0x10116, 0x10116, 70, 0x10117, 0x10117, 80, 0x10118, 0x10118, 90, 0x10119, 0x10119, 100,
            0x1011A, 0x1011A, 200, 0x1011B, 0x1011B, 300, 0x1011C, 0x1011C, 400, 0x1011D, 0x1011D, 500,
            0x1011E, 0x1011E, 600, 0x1011F, 0x1011F, 700, 0x10120, 0x10120, 800, 0x10121, 0x10121, 900,
            0x10122, 0x10122, 1000, 0x10123, 0x10123, 2000, 0x10124, 0x10124, 3000, 0x10125, 0x10125, 4000,
            0x10126, 0x10126, 5000, 0x10127, 0x10127, 6000, 0x10128, 0x10128, 7000, 0x10129, 0x10129, 8000,
            0x1012A, 0x1012A, 9000, 0x1012B, 0x1012B, 10000, 0x1012C, 0x1012C, 20000, 0x1012D, 0x1012D, 30000,
            0x1012E, 0x1012E, 40000, 0x1012F, 0x1012F, 50000, 0x10130, 0x10130, 60000, 0x10131, 0x10131, 70000,
            0x10132, 0x10132, 80000, 0x10133, 0x10133, 90000, 0x10140, 0x10141, -2, 0x10142, 0x10142, 1,
            0x10143, 0x10143, 5, 0x10144, 0x10144, 50, 0x10145, 0x10145, 500, 0x10146, 0x10146, 5000,
            0x10147, 0x10147, 50000, 0x10148, 0x10148, 5, 0x10149, 0x10149, 10, 0x1014A, 0x1014A, 50,
            0x1014B, 0x1014B, 100, 0x1014C, 0x1014C, 500, 0x1014D, 0x1014D, 1000, 0x1014E, 0x1014E, 5000,
            0x1014F, 0x1014F, 5, 0x10150, 0x10150, 10, 0x10151, 0x10151, 50, 0x10152, 0x10152, 100,
            0x10153, 0x10153, 500, 0x10154, 0x10154, 1000, 0x10155, 0x10155, 10000, 0x10156, 0x10156, 50000,
            0x10157, 0x10157, 10, 0x10158, 0x10158, 1, 0x10159, 0x10159, 1, 0x1015A, 0x1015B, 1,
            0x1015C, 0x1015C, 2, 0x1015D, 0x1015D, 2, 0x1015E, 0x1015E, 2, 0x1015F, 0x1015F, 5,
            0x10160, 0x10160, 10, 0x10161, 0x10161, 10, 0x10162, 0x10162, 10, 0x10163, 0x10163, 10,
            0x10164, 0x10164, 10, 0x10165, 0x10165, 30, 0x10166, 0x10166, 50, 0x10167, 0x10167, 50,
            0x10168, 0x10168, 50, 0x10169, 0x10169, 50, 0x1016A, 0x1016A, 100, 0x1016B, 0x1016B, 300,
            0x1016C, 0x1016C, 500, 0x1016D, 0x1016D, 500, 0x1016E, 0x1016E, 500, 0x1016F, 0x1016F, 500,
            0x10170, 0x10170, 500, 0x10171, 0x10171, 1000, 0x10172, 0x10172, 5000, 0x10173, 0x10173, 5,
            0x10174, 0x10174, 50, 0x10175, 0x10178, -2, 0x1018A, 0x1018A, 0, 0x1018B, 0x1018B, -2,
            0x102E1, 0x102EA, 1, 0x102EB, 0x102EB, 20, 0x102EC, 0x102EC, 30, 0x102ED, 0x102ED, 40,
            0x102EE, 0x102EE, 50, 0x102EF, 0x102EF, 60, 0x102F0, 0x102F0, 70, 0x102F1, 0x102F1, 80,
            0x102F2, 0x102F2, 90, 0x102F3, 0x102F3, 100, 0x102F4, 0x102F4, 200, 0x102F5, 0x102F5, 300,
            0x102F6, 0x102F6, 400, 0x102F7, 0x102F7, 500, 0x102F8, 0x102F8, 600, 0x102F9, 0x102F9, 700,
            0x102FA, 0x102FA, 800, 0x102FB, 0x102FB, 900, 0x10320, 0x10320, 1, 0x10321, 0x10321, 5,
            0x10322, 0x10322, 10, 0x10323, 0x10323, 50, 0x10341, 0x10341, 90, 0x1034A, 0x1034A, 900,
            0x103D1, 0x103D2, 1, 0x103D3, 0x103D3, 10, 0x103D4, 0x103D4, 20, 0x103D5, 0x103D5, 100,
            0x10858, 0x1085A, 1, 0x1085B, 0x1085B, 10, 0x1085C, 0x1085C, 20, 0x1085D, 0x1085D, 100,
            0x1085E, 0x1085E, 1000, 0x1085F, 0x1085F, 10000, 0x10879, 0x1087D, 1, 0x1087E, 0x1087E, 10,
            0x1087F, 0x1087F, 20, 0x108A7, 0x108AA, 1, 0x108AB, 0x108AC, 4, 0x108AD, 0x108AD, 10,
            0x108AE, 0x108AE, 20, 0x108AF, 0x108AF, 100, 0x108FB, 0x108FB, 1, 0x108FC, 0x108FC, 5,
            0x108FD, 0x108FD, 10, 0x108FE, 0x108FE, 20, 0x108FF, 0x108FF, 100, 0x10916, 0x10916, 1,
            0x10917, 0x10917, 10, 0x10918, 0x10918, 20, 0x10919, 0x10919, 100, 0x1091A, 0x1091B, 2,
            0x109BC, 0x109BD, -2, 0x109C0, 0x109C9, 1, 0x109CA, 0x109CA, 20, 0x109CB, 0x109CB, 30,
            0x109CC, 0x109CC, 40, 0x109CD, 0x109CD, 50, 0x109CE, 0x109CE, 60, 0x109CF, 0x109CF, 70,
            0x109D2, 0x109D2, 100, 0x109D3, 0x109D3, 200, 0x109D4, 0x109D4, 300, 0x109D5, 0x109D5, 400,
            0x109D6, 0x109D6, 500, 0x109D7, 0x109D7, 600, 0x109D8, 0x109D8, 700, 0x109D9, 0x109D9, 800,
            0x109DA, 0x109DA, 900, 0x109DB, 0x109DB, 1000, 0x109DC, 0x109DC, 2000, 0x109DD, 0x109DD, 3000,
            0x109DE, 0x109DE, 4000, 0x109DF, 0x109DF, 5000, 0x109E0, 0x109E0, 6000, 0x109E1, 0x109E1, 7000,
            0x109E2, 0x109E2, 8000, 0x109E3, 0x109E3, 9000, 0x109E4, 0x109E4, 10000, 0x109E5, 0x109E5, 20000,
            0x109E6, 0x109E6, 30000, 0x109E7, 0x109E7, 40000, 0x109E8, 0x109E8, 50000, 0x109E9, 0x109E9, 60000,
            0x109EA, 0x109EA, 70000, 0x109EB, 0x109EB, 80000, 0x109EC, 0x109EC, 90000, 0x109ED, 0x109ED, 100000,
            0x109EE, 0x109EE, 200000, 0x109EF, 0x109EF, 300000, 0x109F0, 0x109F0, 400000, 0x109F1, 0x109F1, 500000,
            0x109F2, 0x109F2, 600000, 0x109F3, 0x109F3, 700000, 0x109F4, 0x109F4, 800000, 0x109F5, 0x109F5, 900000,
            0x109F6, 0x109FF, -2, 0x10A40, 0x10A43, 1, 0x10A44, 0x10A44, 10, 0x10A45, 0x10A45, 20,
            0x10A46, 0x10A46, 100, 0x10A47, 0x10A47, 1000, 0x10A48, 0x10A48, -2, 0x10A7D, 0x10A7D, 1,
            0x10A7E, 0x10A7E, 50, 0x10A9D, 0x10A9D, 1, 0x10A9E, 0x10A9E, 10, 0x10A9F, 0x10A9F, 20,
            0x10AEB, 0x10AEB, 1, 0x10AEC, 0x10AEC, 5, 0x10AED, 0x10AED, 10, 0x10AEE, 0x10AEE, 20,
            0x10AEF, 0x10AEF, 100, 0x10B58, 0x10B5B, 1, 0x10B5C, 0x10B5C, 10, 0x10B5D, 0x10B5D, 20,
            0x10B5E, 0x10B5E, 100, 0x10B5F, 0x10B5F, 1000, 0x10B78, 0x10B7B, 1, 0x10B7C, 0x10B7C, 10,
            0x10B7D, 0x10B7D, 20, 0x10B7E, 0x10B7E, 100, 0x10B7F, 0x10B7F, 1000, 0x10BA9, 0x10BAC, 1,
            0x10BAD, 0x10BAD, 10, 0x10BAE, 0x10BAE, 20, 0x10BAF, 0x10BAF, 100, 0x10CFA, 0x10CFA, 1,
            0x10CFB, 0x10CFB, 5, 0x10CFC, 0x10CFC, 10, 0x10CFD, 0x10CFD, 50, 0x10CFE, 0x10CFE, 100,
            0x10CFF, 0x10CFF, 1000, 0x10E60, 0x10E69, 1, 0x10E6A, 0x10E6A, 20, 0x10E6B, 0x10E6B, 30,
            0x10E6C, 0x10E6C, 40, 0x10E6D, 0x10E6D, 50, 0x10E6E, 0x10E6E, 60, 0x10E6F, 0x10E6F, 70,
            0x10E70, 0x10E70, 80, 0x10E71, 0x10E71, 90, 0x10E72, 0x10E72, 100, 0x10E73, 0x10E73, 200,
            0x10E74, 0x10E74, 300, 0x10E75, 0x10E75, 400, 0x10E76, 0x10E76, 500, 0x10E77, 0x10E77, 600,
            0x10E78, 0x10E78, 700, 0x10E79, 0x10E79, 800, 0x10E7A, 0x10E7A, 900, 0x10E7B, 0x10E7E, -2,
            0x10F1D, 0x10F21, 1, 0x10F22, 0x10F22, 10, 0x10F23, 0x10F23, 20, 0x10F24, 0x10F24, 30,
            0x10F25, 0x10F25, 100, 0x10F26, 0x10F26, -2, 0x10F51, 0x10F51, 1, 0x10F52, 0x10F52, 10,
            0x10F53, 0x10F53, 20, 0x10F54, 0x10F54, 100, 0x10FC5, 0x10FC8, 1, 0x10FC9, 0x10FC9, 10,
            0x10FCA, 0x10FCA, 20, 0x10FCB, 0x10FCB, 100, 0x11052, 0x1105B, 1, 0x1105C, 0x1105C, 20,
            0x1105D, 0x1105D, 30, 0x1105E, 0x1105E, 40, 0x1105F, 0x1105F, 50, 0x11060, 0x11060, 60,
            0x11061, 0x11061, 70, 0x11062, 0x11062, 80, 0x11063, 0x11063, 90, 0x11064, 0x11064, 100,
            0x11065, 0x11065, 1000, 0x111E1, 0x111EA, 1, 0x111EB, 0x111EB, 20, 0x111EC, 0x111EC, 30,
            0x111ED, 0x111ED, 40, 0x111EE, 0x111EE, 50, 0x111EF, 0x111EF, 60, 0x111F0, 0x111F0, 70,
            0x111F1, 0x111F1, 80, 0x111F2, 0x111F2, 90, 0x111F3, 0x111F3, 100, 0x111F4, 0x111F4, 1000,
            0x1173A, 0x1173A, 10, 0x1173B, 0x1173B, 20, 0x118EA, 0x118EA, 10, 0x118EB, 0x118EB, 20,
            0x118EC, 0x118EC, 30, 0x118ED, 0x118ED, 40, 0x118EE, 0x118EE, 50, 0x118EF, 0x118EF, 60,
            0x118F0, 0x118F0, 70, 0x118F1, 0x118F1, 80, 0x118F2, 0x118F2, 90, 0x11C5A, 0x11C63, 1,
            0x11C64, 0x11C64, 20, 0x11C65, 0x11C65, 30, 0x11C66, 0x11C66, 40, 0x11C67, 0x11C67, 50,
            0x11C68, 0x11C68, 60, 0x11C69, 0x11C69, 70, 0x11C6A, 0x11C6A, 80, 0x11C6B, 0x11C6B, 90,
            0x11C6C, 0x11C6C, 100, 0x11FC0, 0x11FD4, -2, 0x12400, 0x12407, 2, 0x12408, 0x1240E, 3,
            0x1240F, 0x12414, 4, 0x12415, 0x1241D, 1, 0x1241E, 0x12422, 1, 0x12423, 0x12424, 2,
            0x12425, 0x1242B, 3, 0x1242C, 0x1242E, 1, 0x1242F, 0x12431, 3, 0x12432, 0x12432, 216000,
            0x12433, 0x12433, 432000, 0x12434, 0x12436, 1, 0x12437, 0x12439, 3, 0x1243A, 0x1243A, 3,
            0x1243B, 0x1243C, 3, 0x1243D, 0x1243D, 4, 0x1243E, 0x1243E, 4, 0x1243F, 0x1243F, 4,
            0x12440, 0x12441, 6, 0x12442, 0x12442, 7, 0x12443, 0x12444, 7, 0x12445, 0x12446, 8,
            0x12447, 0x12447, 9, 0x12448, 0x12448, 9, 0x12449, 0x12449, 9, 0x1244A, 0x1244E, 2,
            0x1244F, 0x12452, 1, 0x12453, 0x12454, 4, 0x12455, 0x12455, 5, 0x12456, 0x12457, 2,
            0x12458, 0x12459, 1, 0x1245A, 0x12466, -2, 0x12467, 0x12467, 40, 0x12468, 0x12468, 50,
            0x12469, 0x1246E, 4, 0x16B5B, 0x16B5B, 10, 0x16B5C, 0x16B5C, 100, 0x16B5D, 0x16B5D, 10000,
            0x16B5E, 0x16B5E, 1000000, 0x16B5F, 0x16B5F, 100000000, 0x16B60, 0x16B61, -2, 0x16E80, 0x16E93, 0,
            0x16E94, 0x16E96, 1, 0x1D2E0, 0x1D2F3, 0, 0x1D360, 0x1D369, 1, 0x1D36A, 0x1D36A, 20,
            0x1D36B, 0x1D36B, 30, 0x1D36C, 0x1D36C, 40, 0x1D36D, 0x1D36D, 50, 0x1D36E, 0x1D36E, 60,
            0x1D36F, 0x1D36F, 70, 0x1D370, 0x1D370, 80, 0x1D371, 0x1D371, 90, 0x1D372, 0x1D376, 1,
            0x1D377, 0x1D377, 1, 0x1D378, 0x1D378, 5, 0x1E8C7, 0x1E8CF, 1, 0x1EC71, 0x1EC7A, 1,
            0x1EC7B, 0x1EC7B, 20, 0x1EC7C, 0x1EC7C, 30, 0x1EC7D, 0x1EC7D, 40, 0x1EC7E, 0x1EC7E, 50,
            0x1EC7F, 0x1EC7F, 60, 0x1EC80, 0x1EC80, 70, 0x1EC81, 0x1EC81, 80, 0x1EC82, 0x1EC82, 90,
            0x1EC83, 0x1EC83, 100, 0x1EC84, 0x1EC84, 200, 0x1EC85, 0x1EC85, 300, 0x1EC86, 0x1EC86, 400,
            0x1EC87, 0x1EC87, 500, 0x1EC88, 0x1EC88, 600, 0x1EC89, 0x1EC89, 700, 0x1EC8A, 0x1EC8A, 800,
            0x1EC8B, 0x1EC8B, 900, 0x1EC8C, 0x1EC8C, 1000, 0x1EC8D, 0x1EC8D, 2000, 0x1EC8E, 0x1EC8E, 3000,
            0x1EC8F, 0x1EC8F, 4000, 0x1EC90, 0x1EC90, 5000, 0x1EC91, 0x1EC91, 6000, 0x1EC92, 0x1EC92, 7000,
            0x1EC93, 0x1EC93, 8000, 0x1EC94, 0x1EC94, 9000, 0x1EC95, 0x1EC95, 10000, 0x1EC96, 0x1EC96, 20000,
            0x1EC97, 0x1EC97, 30000, 0x1EC98, 0x1EC98, 40000, 0x1EC99, 0x1EC99, 50000, 0x1EC9A, 0x1EC9A, 60000,
            0x1EC9B, 0x1EC9B, 70000, 0x1EC9C, 0x1EC9C, 80000, 0x1EC9D, 0x1EC9D, 90000, 0x1EC9E, 0x1EC9E, 100000,
            0x1EC9F, 0x1EC9F, 200000, 0x1ECA0, 0x1ECA0, 100000, 0x1ECA1, 0x1ECA1, 10000000, 0x1ECA2, 0x1ECA2, 20000000,
            0x1ECA3, 0x1ECAB, 1, 0x1ECAD, 0x1ECAF, -2, 0x1ECB1, 0x1ECB2, 1, 0x1ECB3, 0x1ECB3, 10000,
            0x1ECB4, 0x1ECB4, 100000, 0x1ED01, 0x1ED0A, 1, 0x1ED0B, 0x1ED0B, 20, 0x1ED0C, 0x1ED0C, 30,
            0x1ED0D, 0x1ED0D, 40, 0x1ED0E, 0x1ED0E, 50, 0x1ED0F, 0x1ED0F, 60, 0x1ED10, 0x1ED10, 70,
            0x1ED11, 0x1ED11, 80, 0x1ED12, 0x1ED12, 90, 0x1ED13, 0x1ED13, 100, 0x1ED14, 0x1ED14, 200,
            0x1ED15, 0x1ED15, 300, 0x1ED16, 0x1ED16, 400, 0x1ED17, 0x1ED17, 500, 0x1ED18, 0x1ED18, 600,
            0x1ED19, 0x1ED19, 700, 0x1ED1A, 0x1ED1A, 800, 0x1ED1B, 0x1ED1B, 900, 0x1ED1C, 0x1ED1C, 1000,
            0x1ED1D, 0x1ED1D, 2000, 0x1ED1E, 0x1ED1E, 3000, 0x1ED1F, 0x1ED1F, 4000, 0x1ED20, 0x1ED20, 5000,
            0x1ED21, 0x1ED21, 6000, 0x1ED22, 0x1ED22, 7000, 0x1ED23, 0x1ED23, 8000, 0x1ED24, 0x1ED24, 9000,
            0x1ED25, 0x1ED25, 10000, 0x1ED26, 0x1ED26, 20000, 0x1ED27, 0x1ED27, 30000, 0x1ED28, 0x1ED28, 40000,
            0x1ED29, 0x1ED29, 50000, 0x1ED2A, 0x1ED2A, 60000, 0x1ED2B, 0x1ED2B, 70000, 0x1ED2C, 0x1ED2C, 80000,
            0x1ED2D, 0x1ED2D, 90000, 0x1ED2F, 0x1ED37, 2, 0x1ED38, 0x1ED38, 400, 0x1ED39, 0x1ED39, 600,
            0x1ED3A, 0x1ED3A, 2000, 0x1ED3B, 0x1ED3B, 10000, 0x1ED3C, 0x1ED3D, -2, 0x1F100, 0x1F100, 0,
            0x1F101, 0x1F10A, 0, 0x1F10B, 0x1F10B, 0, 0x1F10C, 0x1F10C, 0, 0x2F890, 0x2F890, 9
        };

        static int lookup(int codePoint) {
            int lo = 0;
            int hi = RUNS.length / 3 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int first = RUNS[3 * mid];
                if (codePoint < first) {
                    hi = mid - 1;
                } else if (codePoint > RUNS[3 * mid + 1]) {
                    lo = mid + 1;
                } else {
                    int value = RUNS[3 * mid + 2];
                    return value == -2 ? -2 : value + (codePoint - first);
                }
            }
            return NOT_IN_TABLE;
        }
    }

    public static boolean isSpaceChar(char ch) {
        return isSpaceChar((int) ch);
    }

    public static boolean isSpaceChar(int codePoint) {
        int type = getType(codePoint);
        return type == SPACE_SEPARATOR || type == LINE_SEPARATOR || type == PARAGRAPH_SEPARATOR;
    }

    public static boolean isWhitespace(char ch) {
        return isWhitespace((int) ch);
    }

    public static boolean isWhitespace(int codePoint) {
        if (codePoint < 256) {
            return (codePoint >= 0x9 && codePoint <= 0xd) || (codePoint >= 0x1c && codePoint <= 0x20);
        }
        return isWhitespace0(codePoint);
    }

    public static boolean isISOControl(char ch) {
        return isISOControl((int) ch);
    }

    public static boolean isISOControl(int codePoint) {
        return codePoint <= 0x9f && (codePoint >= 0x7f || (codePoint >>> 5 == 0));
    }

    public static boolean isMirrored(char ch) {
        return isMirrored((int) ch);
    }

    public static boolean isMirrored(int codePoint) {
        if (codePoint < 256) {
            switch (codePoint) {
                case '(':
                case ')':
                case '<':
                case '>':
                case '[':
                case ']':
                case '{':
                case '}':
                case 0xab:
                case 0xbb:
                    return true;
                default:
                    return false;
            }
        }
        return isMirrored0(codePoint);
    }

    public static char forDigit(int digit, int radix) {
        if (digit >= radix || digit < 0 || radix < MIN_RADIX || radix > MAX_RADIX) {
            return '\0';
        }
        if (digit < 10) {
            return (char) ('0' + digit);
        }
        return (char) ('a' - 10 + digit);
    }

    @Override
    public int compareTo(Character anotherCharacter) {
        return compare(value, anotherCharacter.value);
    }

    public static int compare(char x, char y) {
        return x - y;
    }

    public static char reverseBytes(char ch) {
        return (char) (((ch & 0xff00) >> 8) | (ch << 8));
    }

    private static native int getType0(int codePoint);

    private static native int toLowerCase0(int codePoint);

    private static native int toUpperCase0(int codePoint);

    private static native int toTitleCase0(int codePoint);

    private static native int digit0(int codePoint, int radix);

    private static native int getNumericValue0(int codePoint);

    private static native boolean isAlphabetic0(int codePoint);

    private static native boolean isIdeographic0(int codePoint);

    private static native boolean isWhitespace0(int codePoint);

    private static native boolean isMirrored0(int codePoint);
}
