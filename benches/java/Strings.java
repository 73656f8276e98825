// Benchmark: string building and scanning. StringBuilder.append of ints and chars builds long
// strings, then length() and charAt() scan them character by character.
public class Strings {
    static String build(int n, int seed) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i * seed - 5000);
            sb.append(',');
            sb.append((char) ('a' + (i % 26)));
            sb.append(' ');
        }
        return sb.toString();
    }

    static long scan(String s) {
        long digits = 0;
        long letters = 0;
        long hash = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits += c - '0';
            } else if (c >= 'a' && c <= 'z') {
                letters++;
            }
            hash = hash * 31 + c;
        }
        return hash ^ (digits << 20) ^ letters;
    }

    public static void main(String[] args) {
        long checksum = 0;
        for (int round = 0; round < 16; round++) {
            String s = build(20_000, round + 1);
            checksum = checksum * 31 + s.length();
            checksum ^= scan(s);
        }
        System.out.println("Strings " + checksum);
    }
}
