// Benchmark: word frequencies with the class library's collections. Each iteration generates a
// text of 150,000 pseudo-random words, counts them in a java.util.HashMap<String, Integer>
// (boxing, String.hashCode and equals), collects the entries into an ArrayList, sorts it with a
// Comparator lambda and sums a digest of the ranking: the code a JIT meets in ordinary
// programs, where most of the time is spent in library methods.
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class WordCount {
    static final int WORDS = 150000;

    static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "do", "fu",
    };

    static List<String> words() {
        List<String> words = new ArrayList<>();
        int seed = 7;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < WORDS; i++) {
            seed = seed * 1103515245 + 12345;
            int r = seed >>> 8;
            sb.setLength(0);
            // One to three syllables, with a skewed choice so that some words are frequent.
            int length = 1 + r % 3;
            for (int k = 0; k < length; k++) {
                int pick = (r >>> (4 + 4 * k)) & 15;
                sb.append(SYLLABLES[pick < 12 ? pick : pick - 12]);
            }
            words.add(sb.toString());
        }
        return words;
    }

    static long iteration() {
        List<String> words = words();
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            Integer count = counts.get(word);
            counts.put(word, count == null ? 1 : count + 1);
        }
        List<Map.Entry<String, Integer>> ranking = new ArrayList<>(counts.entrySet());
        Collections.sort(ranking, (a, b) -> {
            int byCount = Integer.compare(b.getValue(), a.getValue());
            return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
        long digest = ranking.size();
        for (int i = 0; i < ranking.size(); i++) {
            Map.Entry<String, Integer> e = ranking.get(i);
            digest = digest * 31 + e.getKey().hashCode() * (long) e.getValue() + i;
        }
        return digest;
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
        System.out.println("WordCount " + checksum);
    }
}
