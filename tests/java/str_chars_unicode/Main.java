public class Main {
    public static void main(String[] args) {
        char[] cs = {'a', 'Z', '5', ' ', '\t', '\n', '_', '$', '!', '\u00e9', '\u00c9', '\u00df', '\u0660', '\u4e00', '\u03a9', '\u0000', '\u00a0', '\u2028', 'I', 'i'};
        for (char c : cs) {
            System.out.println((int) c + ": digit " + Character.isDigit(c) + " letter " + Character.isLetter(c) + " letterOrDigit " + Character.isLetterOrDigit(c)
                    + " alpha " + Character.isAlphabetic(c) + " upper " + Character.isUpperCase(c) + " lower " + Character.isLowerCase(c)
                    + " ws " + Character.isWhitespace(c) + " space " + Character.isSpaceChar(c) + " toUpper " + (int) Character.toUpperCase(c)
                    + " toLower " + (int) Character.toLowerCase(c) + " numeric " + Character.getNumericValue(c) + " type " + Character.getType(c)
                    + " jstart " + Character.isJavaIdentifierStart(c) + " jpart " + Character.isJavaIdentifierPart(c));
        }
        System.out.println(Character.getNumericValue('a') + " " + Character.getNumericValue('Z') + " " + Character.getNumericValue('\u216b') + " " + Character.getNumericValue('-'));
        int smiley = 0x1F600;
        char[] pair = Character.toChars(smiley);
        System.out.println(pair.length + " " + Integer.toHexString(pair[0]) + " " + Integer.toHexString(pair[1]) + " " + Character.isHighSurrogate(pair[0])
                + " " + Character.isLowSurrogate(pair[1]) + " " + Character.isSurrogate(pair[0]) + " " + Character.toCodePoint(pair[0], pair[1])
                + " " + Character.charCount(smiley) + " " + Character.isSupplementaryCodePoint(smiley) + " " + Character.isValidCodePoint(0x110000)
                + " " + Character.highSurrogate(0x10437) + Character.lowSurrogate(0x10437));
        System.out.println(new String(pair) + " " + Character.toString(smiley) + " " + new String(Character.toChars('A')) + " " + String.valueOf(Character.toChars(0x10437)));
        String mixed = "héllo wörld ñ 日本 \uD83D\uDE00!";
        System.out.println(mixed);
        System.out.println(mixed.length() + " " + mixed.codePointCount(0, mixed.length()) + " " + mixed.toUpperCase());
        StringBuilder cps = new StringBuilder();
        for (int i = 0; i < mixed.length(); ) {
            int cp = mixed.codePointAt(i);
            cps.append(Integer.toHexString(cp)).append(' ');
            i += Character.charCount(cp);
        }
        System.out.println(cps);
        byte[] utf8 = mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder hex = new StringBuilder();
        for (byte b : utf8) {
            hex.append(String.format("%02x", b & 0xFF));
        }
        System.out.println(utf8.length + " " + hex);
        System.out.println(new String(utf8, java.nio.charset.StandardCharsets.UTF_8).equals(mixed));
        byte[] latin = "café".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.out.println(latin.length + " " + (latin[3] & 0xFF) + " " + new String(latin, java.nio.charset.StandardCharsets.ISO_8859_1));
        System.out.println("Ελληνικά Кириллица עברית العربية ﬁ");
        System.out.println("lone surrogate length " + "\uD800x".length());
        System.out.print('\u00e9');
        System.out.print('\n');
        System.out.println(new char[] {'\u65e5', '\u672c'});
        System.err.println("stderr: ñandú 日本 \uD83D\uDE00");
        char c = 'x';
        c = Character.toUpperCase(c);
        System.out.println(c + " " + Character.isDigit('٣') + " " + Character.digit('٣', 10) + " " + Character.toTitleCase('a') + " " + Character.reverseBytes('\u1234') + 0);
        System.out.println(Character.MIN_RADIX + " " + Character.MAX_RADIX + " " + (int) Character.MIN_HIGH_SURROGATE + " " + Character.MAX_CODE_POINT);
        System.out.println(Character.valueOf('q').compareTo('a') + " " + Character.toString('w') + " " + Character.isISOControl('\u0007') + " " + Character.isDefined(0x378));
    }
}
