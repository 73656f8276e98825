// Benchmark: a recursive-descent JSON parser in the style of minimal-json. Each iteration
// parses a 58,000-character document (objects, arrays, escaped strings, numbers, literals) into
// a tree many times and walks it, looking fields up through each object's own hash index:
// character scanning with String.charAt, StringBuilder, small-object allocation and virtual calls.
public class Json {
    static final int RECORDS = 200;
    static final int PARSES_PER_ITERATION = 45;

    abstract static class JsonValue {
        /** A number that depends on everything in the value, for the checksum. */
        abstract long digest();
    }

    static final class JsonLiteral extends JsonValue {
        static final JsonLiteral NULL = new JsonLiteral(1);
        static final JsonLiteral TRUE = new JsonLiteral(2);
        static final JsonLiteral FALSE = new JsonLiteral(3);

        final int code;

        private JsonLiteral(int code) {
            this.code = code;
        }

        long digest() {
            return code;
        }
    }

    static final class JsonString extends JsonValue {
        final String value;

        JsonString(String value) {
            this.value = value;
        }

        long digest() {
            return value.hashCode();
        }
    }

    /** Keeps the number's text, as minimal-json does; the digest reads its digits. */
    static final class JsonNumber extends JsonValue {
        final String text;

        JsonNumber(String text) {
            this.text = text;
        }

        long digest() {
            long value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                value = c >= '0' && c <= '9' ? value * 10 + (c - '0') : value * 3 + c;
            }
            return value;
        }
    }

    static final class JsonArray extends JsonValue {
        private JsonValue[] values = new JsonValue[4];
        private int size;

        void add(JsonValue value) {
            if (size == values.length) {
                JsonValue[] grown = new JsonValue[size * 2];
                System.arraycopy(values, 0, grown, 0, size);
                values = grown;
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        JsonValue get(int index) {
            return values[index];
        }

        long digest() {
            long d = 17;
            for (int i = 0; i < size; i++) {
                d = d * 31 + values[i].digest();
            }
            return d;
        }
    }

    /** Members in insertion order, plus a small open-addressing index from name hash to slot. */
    static final class JsonObject extends JsonValue {
        private String[] names = new String[4];
        private JsonValue[] values = new JsonValue[4];
        private int size;
        private int[] index = new int[8];

        void add(String name, JsonValue value) {
            if (size == names.length) {
                String[] moreNames = new String[size * 2];
                JsonValue[] moreValues = new JsonValue[size * 2];
                System.arraycopy(names, 0, moreNames, 0, size);
                System.arraycopy(values, 0, moreValues, 0, size);
                names = moreNames;
                values = moreValues;
            }
            names[size] = name;
            values[size] = value;
            size++;
            if (size * 2 > index.length) {
                index = new int[index.length * 2];
                for (int i = 0; i < size; i++) {
                    insert(i);
                }
            } else {
                insert(size - 1);
            }
        }

        /** Index slots hold member position + 1, so that zero means empty. */
        private void insert(int member) {
            int mask = index.length - 1;
            int slot = names[member].hashCode() & mask;
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = member + 1;
        }

        JsonValue get(String name) {
            int mask = index.length - 1;
            int slot = name.hashCode() & mask;
            while (index[slot] != 0) {
                int member = index[slot] - 1;
                if (names[member].equals(name)) {
                    return values[member];
                }
                slot = (slot + 1) & mask;
            }
            return null;
        }

        long digest() {
            long d = 19;
            for (int i = 0; i < size; i++) {
                d = d * 37 + names[i].hashCode();
                d = d * 41 + values[i].digest();
            }
            return d;
        }
    }

    static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        JsonValue parse() {
            skipWhitespace();
            JsonValue value = readValue();
            skipWhitespace();
            if (pos != text.length()) {
                throw error("end of input");
            }
            return value;
        }

        private JsonValue readValue() {
            char c = peek();
            switch (c) {
                case '{':
                    return readObject();
                case '[':
                    return readArray();
                case '"':
                    return new JsonString(readString());
                case 't':
                    expectWord("true");
                    return JsonLiteral.TRUE;
                case 'f':
                    expectWord("false");
                    return JsonLiteral.FALSE;
                case 'n':
                    expectWord("null");
                    return JsonLiteral.NULL;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return readNumber();
                    }
                    throw error("value");
            }
        }

        private JsonObject readObject() {
            pos++;
            JsonObject object = new JsonObject();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return object;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("name");
                }
                String name = readString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                object.add(name, readValue());
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return object;
                }
                if (c != ',') {
                    throw error("',' or '}'");
                }
            }
        }

        private JsonArray readArray() {
            pos++;
            JsonArray array = new JsonArray();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return array;
            }
            while (true) {
                skipWhitespace();
                array.add(readValue());
                skipWhitespace();
                char c = next();
                if (c == ']') {
                    return array;
                }
                if (c != ',') {
                    throw error("',' or ']'");
                }
            }
        }

        /** Reads a quoted string; copies through a StringBuilder only when it has escapes. */
        private String readString() {
            pos++;
            int start = pos;
            StringBuilder escaped = null;
            while (true) {
                char c = next();
                if (c == '"') {
                    if (escaped == null) {
                        return text.substring(start, pos - 1);
                    }
                    escaped.append(text, start, pos - 1);
                    return escaped.toString();
                }
                if (c == '\\') {
                    if (escaped == null) {
                        escaped = new StringBuilder();
                    }
                    escaped.append(text, start, pos - 1);
                    escaped.append(readEscape());
                    start = pos;
                } else if (c < 0x20) {
                    throw error("string character");
                }
            }
        }

        private char readEscape() {
            char c = next();
            switch (c) {
                case '"':
                case '/':
                case '\\':
                    return c;
                case 'b':
                    return '\b';
                case 'f':
                    return '\f';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 't':
                    return '\t';
                case 'u':
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(next(), 16);
                        if (digit < 0) {
                            throw error("hex digit");
                        }
                        code = code * 16 + digit;
                    }
                    return (char) code;
                default:
                    throw error("escape");
            }
        }

        private JsonNumber readNumber() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            readDigits();
            if (pos < text.length() && peek() == '.') {
                pos++;
                readDigits();
            }
            if (pos < text.length() && (peek() == 'e' || peek() == 'E')) {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                readDigits();
            }
            return new JsonNumber(text.substring(start, pos));
        }

        private void readDigits() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == start) {
                throw error("digit");
            }
        }

        private void expectWord(String word) {
            for (int i = 0; i < word.length(); i++) {
                expect(word.charAt(i));
            }
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("'" + c + "'");
            }
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("more input");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private RuntimeException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at " + pos);
        }
    }

    /** A deterministic 58,000-character document of records, built once before timing starts. */
    static String document() {
        StringBuilder sb = new StringBuilder();
        int seed = 12345;
        sb.append("{\n  \"kind\": \"inventory\",\n  \"version\": 3,\n  \"items\": [\n");
        for (int i = 0; i < RECORDS; i++) {
            seed = seed * 1103515245 + 12345;
            int r = (seed >>> 8) & 0xffff;
            if (i > 0) {
                sb.append(",\n");
            }
            sb.append("    {\"id\": ").append(i * 7 + 3);
            sb.append(", \"name\": \"item \\\"").append(r).append("\\\" \\u00e9t\\u00e9\\n\"");
            sb.append(", \"price\": ").append(r % 1000).append('.').append(r % 97);
            sb.append(", \"weight\": -").append(r % 50).append(".5e-").append(r % 4);
            sb.append(", \"active\": ").append((r & 1) == 0 ? "true" : "false");
            sb.append(", \"tags\": [\"t").append(r % 13).append("\", \"t").append(r % 7)
                .append("\", \"long tag with spaces and a tab\\there\"]");
            sb.append(", \"dimensions\": {\"w\": ").append(r % 31).append(", \"h\": ").append(r % 17)
                .append(", \"d\": null, \"unit\": \"cm\"}");
            sb.append(", \"history\": [").append(r % 5).append(", ").append(r % 11).append(", ")
                .append(r % 23).append(", {\"when\": \"2024-0").append(1 + r % 9).append("-1")
                .append(r % 10).append("\", \"ok\": true}]}");
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    static long iteration(String text) {
        long sum = 0;
        for (int round = 0; round < PARSES_PER_ITERATION; round++) {
            JsonObject root = (JsonObject) new Parser(text).parse();
            JsonArray items = (JsonArray) root.get("items");
            long ids = 0;
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = (JsonObject) items.get(i);
                ids += ((JsonNumber) item.get("id")).digest();
                ids += ((JsonObject) item.get("dimensions")).get("w").digest();
                ids += ((JsonString) item.get("name")).value.length();
            }
            sum += root.digest() ^ ids;
        }
        return sum;
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String text = document();
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration(text);
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("Json " + text.length() + " " + checksum);
    }
}
