/**
 * A small backtracking regular-expression engine for String.matches, split, replaceAll and
 * replaceFirst, following java.util.regex's syntax and semantics for the constructs it accepts:
 * literals and escapes, '.', classes with ranges, negation, \d \s \w (and capitals), a few
 * \p{...} names, groups (capturing, (?:), lookahead), alternation, greedy/lazy quantifiers,
 * back references and the ^ $ \b \B \A \z \Z anchors. Anything else raises
 * UnsupportedOperationException naming the construct.
 */
package jdk.internal.phantom;

public final class Regex {
    private Regex() {}

    // ---- public entry points ----

    public static boolean matches(String regex, String input) {
        if (isLiteral(regex)) {
            return regex.equals(input);
        }
        Regex.Matcher m = new Regex.Matcher(compile(regex), input);
        return m.matchAt(0, true);
    }

    public static String[] split(String regex, String input, int limit) {
        char ch = literalChar(regex);
        if (ch != 0) {
            return splitLiteral(String.valueOf(ch), input, limit);
        }
        if (isLiteral(regex) && !regex.isEmpty()) {
            return splitLiteral(regex, input, limit);
        }
        Regex.Matcher m = new Regex.Matcher(compile(regex), input);
        return splitWith(m, input, limit);
    }

    public static String replace(String regex, String input, String replacement, boolean all) {
        Regex.Matcher m = new Regex.Matcher(compile(regex), input);
        int from = 0;
        StringBuilder sb = null;
        while (m.find()) {
            if (sb == null) {
                sb = new StringBuilder(input.length() + 16);
            }
            sb.append(input, from, m.groupStart[0]);
            appendReplacement(sb, m, replacement);
            from = m.groupEnd[0];
            if (!all) {
                break;
            }
        }
        if (sb == null) {
            return input;
        }
        sb.append(input, from, input.length());
        return sb.toString();
    }

    // ---- literal fast paths, as String.split takes them ----

    private static final String META = ".$|()[{^?*+\\";

    /** The char a one-char regex (or an escaped non-alphanumeric char) stands for, or 0. */
    private static char literalChar(String regex) {
        int n = regex.length();
        if (n == 1 && META.indexOf(regex.charAt(0)) < 0) {
            return regex.charAt(0);
        }
        if (n == 2 && regex.charAt(0) == '\\') {
            char c = regex.charAt(1);
            if (((c - '0') | ('9' - c)) < 0 && ((c - 'a') | ('z' - c)) < 0 && ((c - 'A') | ('Z' - c)) < 0
                    && !Character.isSurrogate(c)) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isLiteral(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            if (META.indexOf(regex.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String[] splitLiteral(String sep, String input, int limit) {
        int off = 0;
        int next;
        boolean limited = limit > 0;
        String[] parts = new String[8];
        int n = 0;
        while ((next = input.indexOf(sep, off)) != -1) {
            if (!limited || n < limit - 1) {
                parts = add(parts, n++, input.substring(off, next));
                off = next + sep.length();
            } else {
                break;
            }
        }
        if (off == 0) {
            return new String[] {input};
        }
        parts = add(parts, n++, input.substring(off));
        return trimResult(parts, n, limit);
    }

    private static String[] add(String[] parts, int n, String s) {
        if (n == parts.length) {
            String[] bigger = new String[n * 2];
            System.arraycopy(parts, 0, bigger, 0, n);
            parts = bigger;
        }
        parts[n] = s;
        return parts;
    }

    private static String[] trimResult(String[] parts, int n, int limit) {
        if (limit == 0) {
            while (n > 0 && parts[n - 1].isEmpty()) {
                n--;
            }
        }
        String[] result = new String[n];
        System.arraycopy(parts, 0, result, 0, n);
        return result;
    }

    private static String[] splitWith(Regex.Matcher m, String input, int limit) {
        int index = 0;
        boolean limited = limit > 0;
        String[] parts = new String[8];
        int n = 0;
        while (m.find()) {
            int start = m.groupStart[0];
            int end = m.groupEnd[0];
            if (!limited || n < limit - 1) {
                if (index == 0 && start == 0 && start == end) {
                    // A zero-width match at the start never yields an empty leading substring.
                    continue;
                }
                parts = add(parts, n++, input.substring(index, start));
                index = end;
            } else if (n == limit - 1) {
                parts = add(parts, n++, input.substring(index));
                index = end;
                break;
            }
        }
        if (index == 0) {
            return new String[] {input};
        }
        if (!limited || n < limit) {
            parts = add(parts, n++, input.substring(index));
        }
        return trimResult(parts, n, limit);
    }

    private static void appendReplacement(StringBuilder sb, Regex.Matcher m, String replacement) {
        int i = 0;
        int n = replacement.length();
        while (i < n) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                i++;
                if (i == n) {
                    throw new IllegalArgumentException("character to be escaped is missing");
                }
                sb.append(replacement.charAt(i++));
            } else if (c == '$') {
                i++;
                if (i == n) {
                    throw new IllegalArgumentException("Illegal group reference: group index is missing");
                }
                char d = replacement.charAt(i);
                if (d == '{') {
                    throw new UnsupportedOperationException("named group references in replacements are not supported: " + replacement);
                }
                int group = d - '0';
                if (group < 0 || group > 9) {
                    throw new IllegalArgumentException("Illegal group reference");
                }
                i++;
                // Take more digits while the group number stays valid, as Matcher does.
                while (i < n) {
                    int next = replacement.charAt(i) - '0';
                    if (next < 0 || next > 9) {
                        break;
                    }
                    int bigger = group * 10 + next;
                    if (bigger > m.groupCount()) {
                        break;
                    }
                    group = bigger;
                    i++;
                }
                if (group > m.groupCount()) {
                    throw new IndexOutOfBoundsException("No group " + group);
                }
                if (m.groupStart[group] >= 0) {
                    sb.append(m.input, m.groupStart[group], m.groupEnd[group]);
                }
            } else {
                sb.append(c);
                i++;
            }
        }
    }

    // ---- the compiled form ----

    private static final int CHAR = 0;
    private static final int ANY = 1;
    private static final int CLASS = 2;
    private static final int SEQ = 3;
    private static final int ALT = 4;
    private static final int REPEAT = 5;
    private static final int GROUP = 6;
    private static final int BACKREF = 7;
    private static final int BEGIN = 8;
    private static final int END = 9;
    private static final int WORD_BOUNDARY = 10;
    private static final int NOT_WORD_BOUNDARY = 11;
    private static final int LOOKAHEAD = 12;
    private static final int NEG_LOOKAHEAD = 13;
    private static final int INPUT_END = 14;
    private static final int INPUT_END_BEFORE_TERMINATOR = 15;

    /** One node of the pattern tree. */
    static final class Node {
        final int kind;
        int ch;
        boolean caseInsensitive;
        CharClass cls;
        Node[] items;
        Node body;
        int min;
        int max;
        boolean greedy;
        int group;

        Node(int kind) {
            this.kind = kind;
        }

        boolean isSingleChar() {
            return kind == CHAR || kind == ANY || kind == CLASS;
        }
    }

    /** A set of code points: ranges, predefined classes and nested classes, possibly negated. */
    static final class CharClass {
        int[] ranges = new int[8];
        int nRanges;
        int[] predefined = new int[4];
        int nPredefined;
        CharClass[] nested = new CharClass[2];
        int nNested;
        boolean negated;
        boolean caseInsensitive;

        void addRange(int lo, int hi) {
            if (2 * nRanges + 2 > ranges.length) {
                int[] bigger = new int[ranges.length * 2];
                System.arraycopy(ranges, 0, bigger, 0, 2 * nRanges);
                ranges = bigger;
            }
            ranges[2 * nRanges] = lo;
            ranges[2 * nRanges + 1] = hi;
            nRanges++;
        }

        void addPredefined(int p) {
            if (nPredefined == predefined.length) {
                int[] bigger = new int[predefined.length * 2];
                System.arraycopy(predefined, 0, bigger, 0, nPredefined);
                predefined = bigger;
            }
            predefined[nPredefined++] = p;
        }

        void addNested(CharClass c) {
            if (nNested == nested.length) {
                CharClass[] bigger = new CharClass[nested.length * 2];
                System.arraycopy(nested, 0, bigger, 0, nNested);
                nested = bigger;
            }
            nested[nNested++] = c;
        }

        boolean matches(int cp) {
            boolean in = contains(cp);
            if (!in && caseInsensitive) {
                in = contains(Character.toLowerCase(cp)) || contains(Character.toUpperCase(cp));
            }
            return in != negated;
        }

        private boolean contains(int cp) {
            for (int i = 0; i < nRanges; i++) {
                if (cp >= ranges[2 * i] && cp <= ranges[2 * i + 1]) {
                    return true;
                }
            }
            for (int i = 0; i < nPredefined; i++) {
                if (predefinedMatches(predefined[i], cp)) {
                    return true;
                }
            }
            for (int i = 0; i < nNested; i++) {
                if (nested[i].matches(cp)) {
                    return true;
                }
            }
            return false;
        }
    }

    // Predefined classes: the negated forms are the positive code with NEGATED added.
    private static final int P_DIGIT = 1;
    private static final int P_SPACE = 2;
    private static final int P_WORD = 3;
    private static final int P_LOWER = 4;
    private static final int P_UPPER = 5;
    private static final int P_ASCII = 6;
    private static final int P_ALPHA = 7;
    private static final int P_ALNUM = 8;
    private static final int P_PUNCT = 9;
    private static final int P_GRAPH = 10;
    private static final int P_PRINT = 11;
    private static final int P_BLANK = 12;
    private static final int P_CNTRL = 13;
    private static final int P_XDIGIT = 14;
    private static final int P_LETTER = 15;
    private static final int P_UPPERCASE_LETTER = 16;
    private static final int P_LOWERCASE_LETTER = 17;
    private static final int P_NUMBER = 18;
    private static final int P_DECIMAL_DIGIT = 19;
    private static final int P_PUNCTUATION = 20;
    private static final int P_ALPHABETIC = 21;
    private static final int P_WHITE_SPACE = 22;
    private static final int P_HORIZONTAL_SPACE = 23;
    private static final int P_VERTICAL_SPACE = 24;
    private static final int NEGATED = 1000;

    private static boolean predefinedMatches(int p, int cp) {
        if (p >= NEGATED) {
            return !predefinedMatches(p - NEGATED, cp);
        }
        switch (p) {
            case P_DIGIT:
                return cp >= '0' && cp <= '9';
            case P_SPACE:
                return cp == ' ' || (cp >= 0x9 && cp <= 0xd);
            case P_WORD:
                return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
            case P_LOWER:
                return cp >= 'a' && cp <= 'z';
            case P_UPPER:
                return cp >= 'A' && cp <= 'Z';
            case P_ASCII:
                return cp >= 0 && cp <= 0x7f;
            case P_ALPHA:
                return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
            case P_ALNUM:
                return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
            case P_PUNCT:
                return (cp >= 0x21 && cp <= 0x2f) || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60)
                        || (cp >= 0x7b && cp <= 0x7e);
            case P_GRAPH:
                return cp >= 0x21 && cp <= 0x7e;
            case P_PRINT:
                return cp >= 0x20 && cp <= 0x7e;
            case P_BLANK:
                return cp == ' ' || cp == '\t';
            case P_CNTRL:
                return cp < 0x20 || cp == 0x7f;
            case P_XDIGIT:
                return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'f') || (cp >= 'A' && cp <= 'F');
            case P_LETTER:
                return Character.isLetter(cp);
            case P_UPPERCASE_LETTER:
                return Character.getType(cp) == Character.UPPERCASE_LETTER;
            case P_LOWERCASE_LETTER:
                return Character.getType(cp) == Character.LOWERCASE_LETTER;
            case P_NUMBER: {
                int t = Character.getType(cp);
                return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
            }
            case P_DECIMAL_DIGIT:
                return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
            case P_PUNCTUATION: {
                int t = Character.getType(cp);
                return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                        || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                        || t == Character.OTHER_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                        || t == Character.FINAL_QUOTE_PUNCTUATION;
            }
            case P_ALPHABETIC:
                return Character.isAlphabetic(cp);
            case P_WHITE_SPACE: {
                int t = Character.getType(cp);
                return (cp >= 0x9 && cp <= 0xd) || cp == 0x85 || t == Character.SPACE_SEPARATOR
                        || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
            }
            case P_HORIZONTAL_SPACE:
                return cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0x1680 || cp == 0x180e
                        || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f || cp == 0x3000;
            case P_VERTICAL_SPACE:
                return (cp >= 0xa && cp <= 0xd) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
            default:
                return false;
        }
    }

    /** A compiled pattern: its tree and number of capturing groups. */
    static final class Pattern {
        final Node root;
        final int groups;

        Pattern(Node root, int groups) {
            this.root = root;
            this.groups = groups;
        }
    }

    static Pattern compile(String regex) {
        Parser p = new Parser(regex);
        Node root = p.parseAlternation();
        if (p.pos < regex.length()) {
            throw p.error(regex.charAt(p.pos) == ')' ? "Unmatched closing ')'" : "Unexpected character");
        }
        return new Pattern(root, p.groupCount);
    }

    // ---- the parser ----

    /** Recursive-descent parser over the pattern text. */
    static final class Parser {
        final String s;
        int pos;
        int groupCount;
        boolean caseInsensitive;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " near index " + pos + "\n" + s);
        }

        UnsupportedOperationException unsupported(String what) {
            return new UnsupportedOperationException("regular expression construct not supported (" + what + "): " + s);
        }

        boolean more() {
            return pos < s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        Node parseAlternation() {
            Node first = parseSequence();
            if (!more() || peek() != '|') {
                return first;
            }
            Node[] alts = new Node[] {first};
            while (more() && peek() == '|') {
                pos++;
                Node next = parseSequence();
                Node[] bigger = new Node[alts.length + 1];
                System.arraycopy(alts, 0, bigger, 0, alts.length);
                bigger[alts.length] = next;
                alts = bigger;
            }
            Node alt = new Node(ALT);
            alt.items = alts;
            return alt;
        }

        Node parseSequence() {
            Node[] items = new Node[8];
            int n = 0;
            while (more() && peek() != '|' && peek() != ')') {
                Node atom = parseAtom();
                if (atom == null) {
                    continue;
                }
                atom = parseQuantifier(atom);
                if (n == items.length) {
                    Node[] bigger = new Node[n * 2];
                    System.arraycopy(items, 0, bigger, 0, n);
                    items = bigger;
                }
                items[n++] = atom;
            }
            if (n == 1) {
                return items[0];
            }
            Node seq = new Node(SEQ);
            seq.items = new Node[n];
            System.arraycopy(items, 0, seq.items, 0, n);
            return seq;
        }

        Node parseQuantifier(Node atom) {
            if (!more()) {
                return atom;
            }
            char c = peek();
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{') {
                pos++;
                min = parseNumber();
                max = min;
                if (more() && peek() == ',') {
                    pos++;
                    max = (more() && peek() == '}') ? Integer.MAX_VALUE : parseNumber();
                }
                if (!more() || peek() != '}') {
                    throw error("Unclosed counted closure");
                }
                pos++;
                if (max < min) {
                    throw error("Illegal repetition range");
                }
            } else {
                return atom;
            }
            if (atom.kind == BEGIN || atom.kind == END || atom.kind == REPEAT) {
                if (atom.kind == REPEAT) {
                    throw unsupported("nested quantifier");
                }
            }
            boolean greedy = true;
            if (more() && peek() == '?') {
                greedy = false;
                pos++;
            } else if (more() && peek() == '+') {
                throw unsupported("possessive quantifier");
            }
            Node r = new Node(REPEAT);
            r.body = atom;
            r.min = min;
            r.max = max;
            r.greedy = greedy;
            return r;
        }

        int parseNumber() {
            int start = pos;
            int v = 0;
            while (more() && peek() >= '0' && peek() <= '9') {
                v = v * 10 + (peek() - '0');
                pos++;
            }
            if (pos == start) {
                throw error("Illegal repetition");
            }
            return v;
        }

        Node single(int cp) {
            Node n = new Node(CHAR);
            n.ch = cp;
            n.caseInsensitive = caseInsensitive;
            return n;
        }

        Node parseAtom() {
            char c = peek();
            switch (c) {
                case '(':
                    return parseGroup();
                case '[': {
                    pos++;
                    Node n = new Node(CLASS);
                    n.cls = parseClass();
                    return n;
                }
                case '.': {
                    pos++;
                    return new Node(ANY);
                }
                case '^':
                    pos++;
                    return new Node(BEGIN);
                case '$':
                    pos++;
                    return new Node(END);
                case '\\':
                    return parseEscape();
                case '*':
                case '+':
                case '?':
                    throw error("Dangling meta character '" + c + "'");
                case '{':
                    throw error("Illegal repetition");
                default: {
                    int cp = s.codePointAt(pos);
                    pos += Character.charCount(cp);
                    return single(cp);
                }
            }
        }

        Node parseGroup() {
            pos++;
            int kind = GROUP;
            int group = 0;
            if (more() && peek() == '?') {
                pos++;
                if (!more()) {
                    throw error("Unknown inline modifier");
                }
                char k = peek();
                if (k == ':') {
                    pos++;
                    kind = SEQ;
                } else if (k == '=') {
                    pos++;
                    kind = LOOKAHEAD;
                } else if (k == '!') {
                    pos++;
                    kind = NEG_LOOKAHEAD;
                } else if (k == 'i' && pos + 1 < s.length() && s.charAt(pos + 1) == ')') {
                    // (?i) turns on case-insensitive matching for the rest of the pattern.
                    pos += 2;
                    caseInsensitive = true;
                    return null;
                } else {
                    throw unsupported("(?" + k);
                }
            } else {
                group = ++groupCount;
            }
            Node body = parseAlternation();
            if (!more() || peek() != ')') {
                throw error("Unclosed group");
            }
            pos++;
            if (kind == SEQ) {
                Node wrapper = new Node(SEQ);
                wrapper.items = new Node[] {body};
                return wrapper;
            }
            Node g = new Node(kind);
            g.body = body;
            g.group = group;
            return g;
        }

        Node parseEscape() {
            pos++;
            if (!more()) {
                throw error("Unexpected internal error");
            }
            char c = peek();
            pos++;
            switch (c) {
                case 'b':
                    return new Node(WORD_BOUNDARY);
                case 'B':
                    return new Node(NOT_WORD_BOUNDARY);
                case 'A':
                    return new Node(BEGIN);
                case 'z':
                    return new Node(INPUT_END);
                case 'Z':
                    return new Node(INPUT_END_BEFORE_TERMINATOR);
                default:
                    break;
            }
            if (c >= '1' && c <= '9') {
                Node n = new Node(BACKREF);
                n.group = c - '0';
                return n;
            }
            int p = predefinedEscape(c);
            if (p != 0) {
                CharClass cls = new CharClass();
                cls.addPredefined(p);
                Node n = new Node(CLASS);
                n.cls = cls;
                return n;
            }
            if (c == 'Q') {
                int end = s.indexOf("\\E", pos);
                String quoted = end < 0 ? s.substring(pos) : s.substring(pos, end);
                pos = end < 0 ? s.length() : end + 2;
                Node seq = new Node(SEQ);
                seq.items = new Node[quoted.length()];
                for (int i = 0; i < quoted.length(); i++) {
                    seq.items[i] = single(quoted.charAt(i));
                }
                return seq;
            }
            return single(escapedChar(c));
        }

        /** The predefined class a letter after a backslash names (\p{..} parsed here too), or 0. */
        int predefinedEscape(char c) {
            switch (c) {
                case 'd':
                    return P_DIGIT;
                case 'D':
                    return P_DIGIT + NEGATED;
                case 's':
                    return P_SPACE;
                case 'S':
                    return P_SPACE + NEGATED;
                case 'w':
                    return P_WORD;
                case 'W':
                    return P_WORD + NEGATED;
                case 'h':
                    return P_HORIZONTAL_SPACE;
                case 'H':
                    return P_HORIZONTAL_SPACE + NEGATED;
                case 'v':
                    return P_VERTICAL_SPACE;
                case 'V':
                    return P_VERTICAL_SPACE + NEGATED;
                case 'p':
                case 'P': {
                    int p = parsePropertyName();
                    return c == 'p' ? p : p + NEGATED;
                }
                default:
                    return 0;
            }
        }

        int parsePropertyName() {
            String name;
            if (more() && peek() == '{') {
                int end = s.indexOf('}', pos);
                if (end < 0) {
                    throw error("Unclosed character family");
                }
                name = s.substring(pos + 1, end);
                pos = end + 1;
            } else if (more()) {
                name = String.valueOf(peek());
                pos++;
            } else {
                throw error("Illegal character family");
            }
            if (name.startsWith("Is")) {
                name = name.substring(2);
            }
            switch (name) {
                case "Lower":
                    return P_LOWER;
                case "Upper":
                    return P_UPPER;
                case "ASCII":
                    return P_ASCII;
                case "Alpha":
                    return P_ALPHA;
                case "Digit":
                    return P_DIGIT;
                case "Alnum":
                    return P_ALNUM;
                case "Punct":
                    return P_PUNCT;
                case "Graph":
                    return P_GRAPH;
                case "Print":
                    return P_PRINT;
                case "Blank":
                    return P_BLANK;
                case "Cntrl":
                    return P_CNTRL;
                case "XDigit":
                    return P_XDIGIT;
                case "Space":
                    return P_SPACE;
                case "L":
                case "Letter":
                    return P_LETTER;
                case "Lu":
                    return P_UPPERCASE_LETTER;
                case "Ll":
                    return P_LOWERCASE_LETTER;
                case "N":
                    return P_NUMBER;
                case "Nd":
                    return P_DECIMAL_DIGIT;
                case "P":
                case "Punctuation":
                    return P_PUNCTUATION;
                case "Alphabetic":
                    return P_ALPHABETIC;
                case "White_Space":
                case "WhiteSpace":
                    return P_WHITE_SPACE;
                default:
                    throw unsupported("\\p{" + name + "}");
            }
        }

        int escapedChar(char c) {
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'a':
                    return '\u0007';
                case 'e':
                    return '\u001b';
                case '0': {
                    int v = 0;
                    int digits = 0;
                    while (more() && digits < 3 && peek() >= '0' && peek() <= '7') {
                        v = v * 8 + (peek() - '0');
                        pos++;
                        digits++;
                    }
                    if (digits == 0) {
                        throw error("Illegal octal escape sequence");
                    }
                    return v;
                }
                case 'x': {
                    if (more() && peek() == '{') {
                        int end = s.indexOf('}', pos);
                        if (end < 0) {
                            throw error("Unclosed hexadecimal escape sequence");
                        }
                        int v = Integer.parseInt(s.substring(pos + 1, end), 16);
                        pos = end + 1;
                        return v;
                    }
                    if (pos + 2 > s.length()) {
                        throw error("Illegal hexadecimal escape sequence");
                    }
                    int v = Integer.parseInt(s.substring(pos, pos + 2), 16);
                    pos += 2;
                    return v;
                }
                case 'u': {
                    if (pos + 4 > s.length()) {
                        throw error("Illegal Unicode escape sequence");
                    }
                    int v = Integer.parseInt(s.substring(pos, pos + 4), 16);
                    pos += 4;
                    return v;
                }
                default:
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        throw unsupported("\\" + c);
                    }
                    return c;
            }
        }

        /** Parses a class after its '['. */
        CharClass parseClass() {
            CharClass cls = new CharClass();
            cls.caseInsensitive = caseInsensitive;
            if (more() && peek() == '^') {
                cls.negated = true;
                pos++;
            }
            boolean first = true;
            while (true) {
                if (!more()) {
                    throw error("Unclosed character class");
                }
                char c = peek();
                if (c == ']' && !first) {
                    pos++;
                    return cls;
                }
                first = false;
                if (c == '[') {
                    pos++;
                    cls.addNested(parseClass());
                    continue;
                }
                if (c == '&' && pos + 1 < s.length() && s.charAt(pos + 1) == '&') {
                    throw unsupported("class intersection &&");
                }
                int lo;
                if (c == '\\') {
                    pos++;
                    if (!more()) {
                        throw error("Unclosed character class");
                    }
                    char e = peek();
                    pos++;
                    int p = predefinedEscape(e);
                    if (p != 0) {
                        cls.addPredefined(p);
                        continue;
                    }
                    if (e == 'Q') {
                        int end = s.indexOf("\\E", pos);
                        String quoted = end < 0 ? s.substring(pos) : s.substring(pos, end);
                        pos = end < 0 ? s.length() : end + 2;
                        for (int i = 0; i < quoted.length(); i++) {
                            cls.addRange(quoted.charAt(i), quoted.charAt(i));
                        }
                        continue;
                    }
                    lo = escapedChar(e);
                } else {
                    lo = s.codePointAt(pos);
                    pos += Character.charCount(lo);
                }
                int hi = lo;
                if (pos + 1 < s.length() && peek() == '-' && s.charAt(pos + 1) != ']') {
                    pos++;
                    char h = peek();
                    if (h == '[') {
                        throw error("Illegal character range");
                    }
                    if (h == '\\') {
                        pos++;
                        if (!more()) {
                            throw error("Illegal character range");
                        }
                        hi = escapedChar(peek());
                        pos++;
                    } else {
                        hi = s.codePointAt(pos);
                        pos += Character.charCount(hi);
                    }
                    if (hi < lo) {
                        throw error("Illegal character range");
                    }
                }
                cls.addRange(lo, hi);
            }
        }
    }

    // ---- the matcher ----

    /** What to do after a node has matched: continue with the rest of the pattern at position i. */
    abstract static class Next {
        abstract boolean run(int i);
    }

    /** Matches one compiled pattern against one input, remembering the last match's groups. */
    static final class Matcher {
        final Pattern pattern;
        final String input;
        final int length;
        int[] groupStart;
        int[] groupEnd;
        /** Where find() resumes, and whether the last match was empty (so it must move on). */
        private int searchFrom;
        private boolean lastWasEmpty;
        private boolean requireEnd;

        Matcher(Pattern pattern, String input) {
            this.pattern = pattern;
            this.input = input;
            this.length = input.length();
            this.groupStart = new int[pattern.groups + 1];
            this.groupEnd = new int[pattern.groups + 1];
        }

        int groupCount() {
            return pattern.groups;
        }

        private void clearGroups() {
            for (int g = 0; g < groupStart.length; g++) {
                groupStart[g] = -1;
                groupEnd[g] = -1;
            }
        }

        /** Tries a match starting exactly at from; if wholeInput, it must also end at the end. */
        boolean matchAt(int from, boolean wholeInput) {
            clearGroups();
            requireEnd = wholeInput;
            final int start = from;
            return match(pattern.root, from, new Next() {
                @Override
                boolean run(int i) {
                    if (requireEnd && i != length) {
                        return false;
                    }
                    groupStart[0] = start;
                    groupEnd[0] = i;
                    return true;
                }
            });
        }

        boolean find() {
            int from = searchFrom;
            if (lastWasEmpty) {
                from++;
            }
            while (from <= length) {
                if (matchAt(from, false)) {
                    searchFrom = groupEnd[0];
                    lastWasEmpty = groupEnd[0] == groupStart[0];
                    return true;
                }
                from++;
            }
            searchFrom = length + 1;
            return false;
        }

        private boolean singleMatches(Node n, int cp) {
            switch (n.kind) {
                case CHAR:
                    if (cp == n.ch) {
                        return true;
                    }
                    return n.caseInsensitive && (Character.toLowerCase(cp) == Character.toLowerCase(n.ch)
                            || Character.toUpperCase(cp) == Character.toUpperCase(n.ch));
                case ANY:
                    return cp != '\n' && cp != '\r' && cp != 0x85 && cp != 0x2028 && cp != 0x2029;
                default:
                    return n.cls.matches(cp);
            }
        }

        private boolean isWordChar(int i) {
            if (i < 0 || i >= length) {
                return false;
            }
            char c = input.charAt(i);
            return Character.isLetterOrDigit(c) || c == '_';
        }

        boolean match(final Node n, final int i, final Next k) {
            switch (n.kind) {
                case CHAR:
                case ANY:
                case CLASS: {
                    if (i >= length) {
                        return false;
                    }
                    int cp = input.codePointAt(i);
                    return singleMatches(n, cp) && k.run(i + Character.charCount(cp));
                }
                case SEQ:
                    return matchSeq(n.items, 0, i, k);
                case ALT:
                    for (Node alt : n.items) {
                        if (match(alt, i, k)) {
                            return true;
                        }
                    }
                    return false;
                case REPEAT:
                    if (n.body.isSingleChar()) {
                        return repeatSingle(n, i, k);
                    }
                    return repeat(n, 0, i, k);
                case GROUP: {
                    final int g = n.group;
                    return match(n.body, i, new Next() {
                        @Override
                        boolean run(int j) {
                            int oldStart = groupStart[g];
                            int oldEnd = groupEnd[g];
                            groupStart[g] = i;
                            groupEnd[g] = j;
                            if (k.run(j)) {
                                return true;
                            }
                            groupStart[g] = oldStart;
                            groupEnd[g] = oldEnd;
                            return false;
                        }
                    });
                }
                case BACKREF: {
                    if (n.group >= groupStart.length) {
                        return false;
                    }
                    int s = groupStart[n.group];
                    if (s < 0) {
                        return false;
                    }
                    int len = groupEnd[n.group] - s;
                    if (i + len > length || !input.regionMatches(i, input, s, len)) {
                        return false;
                    }
                    return k.run(i + len);
                }
                case BEGIN:
                    return i == 0 && k.run(i);
                case END:
                case INPUT_END_BEFORE_TERMINATOR:
                    return (i == length || (i == length - 1 && input.charAt(i) == '\n')
                            || (i == length - 2 && input.charAt(i) == '\r' && input.charAt(i + 1) == '\n')) && k.run(i);
                case INPUT_END:
                    return i == length && k.run(i);
                case WORD_BOUNDARY:
                    return (isWordChar(i - 1) != isWordChar(i)) && k.run(i);
                case NOT_WORD_BOUNDARY:
                    return (isWordChar(i - 1) == isWordChar(i)) && k.run(i);
                case LOOKAHEAD:
                case NEG_LOOKAHEAD: {
                    boolean found = match(n.body, i, new Next() {
                        @Override
                        boolean run(int j) {
                            return true;
                        }
                    });
                    return (found == (n.kind == LOOKAHEAD)) && k.run(i);
                }
                default:
                    throw new IllegalStateException();
            }
        }

        private boolean matchSeq(final Node[] items, final int index, int i, final Next k) {
            if (index == items.length) {
                return k.run(i);
            }
            if (index == items.length - 1) {
                return match(items[index], i, k);
            }
            return match(items[index], i, new Next() {
                @Override
                boolean run(int j) {
                    return matchSeq(items, index + 1, j, k);
                }
            });
        }

        /** A quantified single char: count the run first, then back off without recursion. */
        private boolean repeatSingle(Node n, int i, Next k) {
            Node body = n.body;
            if (n.greedy) {
                int[] ends = new int[16];
                int count = 0;
                int j = i;
                ends[0] = i;
                while (count < n.max && j < length) {
                    int cp = input.codePointAt(j);
                    if (!singleMatches(body, cp)) {
                        break;
                    }
                    j += Character.charCount(cp);
                    count++;
                    if (count == ends.length) {
                        int[] bigger = new int[ends.length * 2];
                        System.arraycopy(ends, 0, bigger, 0, count);
                        ends = bigger;
                    }
                    ends[count] = j;
                }
                for (int c = count; c >= n.min; c--) {
                    if (k.run(ends[c])) {
                        return true;
                    }
                }
                return false;
            }
            int count = 0;
            int j = i;
            while (true) {
                if (count >= n.min && k.run(j)) {
                    return true;
                }
                if (count >= n.max || j >= length) {
                    return false;
                }
                int cp = input.codePointAt(j);
                if (!singleMatches(body, cp)) {
                    return false;
                }
                j += Character.charCount(cp);
                count++;
            }
        }

        private boolean repeat(final Node n, final int count, final int i, final Next k) {
            Next again = new Next() {
                @Override
                boolean run(int j) {
                    // An empty iteration cannot make progress: once the minimum is met, accept it
                    // (its groups stay as it set them, as java.util.regex leaves them) but loop no more.
                    if (j == i && count + 1 > n.min) {
                        return k.run(j);
                    }
                    return repeat(n, count + 1, j, k);
                }
            };
            if (n.greedy) {
                if (count < n.max && match(n.body, i, again)) {
                    return true;
                }
                return count >= n.min && k.run(i);
            }
            if (count >= n.min && k.run(i)) {
                return true;
            }
            return count < n.max && match(n.body, i, again);
        }
    }
}
