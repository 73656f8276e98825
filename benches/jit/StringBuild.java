// Benchmark: building and taking apart text. Each iteration formats records into one large
// StringBuilder (ints, longs, chars, substrings), splits the result back into lines and fields
// with indexOf and substring, parses the numbers, compares and hashes the strings, and builds
// a reversed copy: String and StringBuilder methods of the class library, and char loops.
public class StringBuild {
    static final int RECORDS = 45000;

    static final String[] WORDS = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        "india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa",
    };

    static String format() {
        StringBuilder sb = new StringBuilder();
        int seed = 42;
        for (int i = 0; i < RECORDS; i++) {
            seed = seed * 1664525 + 1013904223;
            String word = WORDS[(seed >>> 28) & 15];
            sb.append(i).append(';');
            sb.append(word).append('-').append(word, 1, 3).append(';');
            sb.append((long) seed * 1000003L).append(';');
            sb.append((seed & 1) == 0 ? "even" : "odd").append('\n');
        }
        return sb.toString();
    }

    static long parse(String text) {
        long sum = 0;
        int lineStart = 0;
        int lines = 0;
        String previousWord = "";
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, lineEnd);
            int a = line.indexOf(';');
            int b = line.indexOf(';', a + 1);
            int c = line.indexOf(';', b + 1);
            int index = Integer.parseInt(line.substring(0, a));
            String word = line.substring(a + 1, b);
            long number = Long.parseLong(line.substring(b + 1, c));
            String parity = line.substring(c + 1);
            if (index != lines) {
                throw new IllegalStateException("line " + lines + " has index " + index);
            }
            sum += number % 1000 + word.hashCode() + (parity.equals("even") ? 1 : 2);
            if (word.compareTo(previousWord) > 0 && word.startsWith("d")) {
                sum += word.length();
            }
            previousWord = word;
            lines++;
            lineStart = lineEnd + 1;
        }
        return sum * 31 + lines;
    }

    /** Reverses the text line by line into a new builder, one char at a time. */
    static long reverse(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = text.length() - 1; i >= 0; i--) {
            char ch = text.charAt(i);
            if (ch >= 'a' && ch <= 'z') {
                sb.append((char) (ch - 'a' + 'A'));
            } else {
                sb.append(ch);
            }
        }
        String reversed = sb.toString();
        return reversed.hashCode() + reversed.lastIndexOf("ATLED") + reversed.indexOf("OHCE");
    }

    static long iteration() {
        String text = format();
        return text.length() * 1000003L + parse(text) * 7 + reverse(text);
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration();
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("StringBuild " + checksum);
    }
}
