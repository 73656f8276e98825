import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Main {
    static final String TEXT = """
            It was the best of times, it was the worst of times, it was the age of wisdom,
            it was the age of foolishness, it was the epoch of belief, it was the epoch of
            incredulity, it was the season of Light, it was the season of Darkness, it was
            the spring of hope, it was the winter of despair, we had everything before us,
            we had nothing before us, we were all going direct to Heaven, we were all going
            direct the other way - in short, the period was so far like the present period,
            that some of its noisiest authorities insisted on its being received, for good
            or for evil, in the superlative degree of comparison only.
            There were a king with a large jaw and a queen with a plain face, on the throne
            of England; there were a king with a large jaw and a queen with a fair face, on
            the throne of France. In both countries it was clearer than crystal to the lords
            of the State preserves of loaves and fishes, that things in general were settled
            for ever.
            """;

    static List<String> tokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '\'') {
                cur.append(Character.toLowerCase(c));
            } else if (cur.length() > 0) {
                words.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }

    public static void main(String[] args) {
        List<String> words = tokenize(TEXT);
        System.out.println("words " + words.size());
        Map<String, Integer> freq = new HashMap<>();
        for (String w : words) {
            freq.merge(w, 1, Integer::sum);
        }
        System.out.println("distinct " + freq.size());
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(freq.entrySet());
        entries.sort((a, b) -> {
            int c = Integer.compare(b.getValue(), a.getValue());
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
        for (int i = 0; i < 25; i++) {
            Map.Entry<String, Integer> e = entries.get(i);
            System.out.printf("%2d. %-12s %3d %s%n", i + 1, e.getKey(), e.getValue(), "*".repeat(e.getValue()));
        }
        Map<Integer, List<String>> byLength = new java.util.TreeMap<>();
        for (String w : freq.keySet()) {
            byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        for (Map.Entry<Integer, List<String>> e : byLength.entrySet()) {
            List<String> ws = e.getValue();
            java.util.Collections.sort(ws);
            System.out.println(e.getKey() + ": " + ws.size() + " " + (ws.size() > 6 ? ws.subList(0, 6) + "..." : ws.toString()));
        }
        int[] letters = new int[26];
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    letters[c - 'a']++;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            sb.append((char) ('a' + i)).append(letters[i]).append(' ');
        }
        System.out.println(sb.toString().trim());
        System.out.println("hash of text " + TEXT.hashCode() + " keys order " + freq.keySet().toString().hashCode());
    }
}
