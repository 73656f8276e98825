import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

public class Main {
    public static void main(String[] args) {
        Map<String, Integer> hm = new HashMap<>();
        String[] keys = {"banana", "apple", "cherry", "date", "elderberry", "fig", "grape", "Aa", "BB", "kiwi", "lemon", "mango", "nectarine", "orange", "papaya", "quince", "raspberry"};
        for (int i = 0; i < keys.length; i++) {
            hm.put(keys[i], i);
        }
        System.out.println(hm);
        System.out.println(hm.keySet());
        System.out.println(hm.values());
        Map<Integer, String> im = new HashMap<>();
        int[] ikeys = {100, -5, 17, 3, 65536, 1 << 20, -1000000, 42, 0, 31, 1023, 999999};
        for (int k : ikeys) {
            im.put(k, "v" + k);
        }
        System.out.println(im);
        for (Map.Entry<Integer, String> e : im.entrySet()) {
            System.out.print(e.getKey() + "=" + e.getValue() + ";");
        }
        System.out.println();
        System.out.println(hm.get("fig") + " " + hm.get("none") + " " + hm.getOrDefault("none", -1) + " " + hm.containsKey("Aa") + " " + hm.containsValue(3) + " " + hm.size());
        System.out.println(hm.put("fig", 55) + " " + hm.putIfAbsent("fig", 66) + " " + hm.putIfAbsent("new", 77) + " " + hm.remove("date") + " " + hm.remove("date"));
        Map<String, Integer> counts = new HashMap<>();
        for (String w : "the cat and the hat and the bat".split(" ")) {
            counts.merge(w, 1, Integer::sum);
        }
        System.out.println(counts);
        Map<Character, java.util.List<String>> groups = new TreeMap<>();
        for (String k : keys) {
            groups.computeIfAbsent(Character.toLowerCase(k.charAt(0)), c -> new java.util.ArrayList<>()).add(k);
        }
        System.out.println(groups);
        counts.computeIfPresent("the", (k, v) -> v * 100);
        counts.compute("zebra", (k, v) -> v == null ? 1 : v + 1);
        counts.compute("and", (k, v) -> null);
        System.out.println(counts);
        Map<String, Integer> lhm = new LinkedHashMap<>();
        for (String k : keys) {
            lhm.put(k, k.length());
        }
        lhm.put("apple", 0);
        lhm.remove("cherry");
        lhm.put("cherry", 6);
        System.out.println(lhm);
        LinkedHashMap<Integer, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) { return size() > 3; }
        };
        for (int i = 0; i < 5; i++) {
            lru.put(i, i * i);
            lru.get(i - 1 < 0 ? 0 : i - 1);
        }
        System.out.println("lru " + lru);
        TreeMap<String, Integer> tm = new TreeMap<>(hm);
        System.out.println(tm);
        System.out.println(tm.firstKey() + " " + tm.lastKey() + " " + tm.floorKey("c") + " " + tm.ceilingKey("c") + " " + tm.higherKey("fig") + " " + tm.lowerKey("Aa")
                + " " + tm.headMap("cherry") + " " + tm.tailMap("p") + " " + tm.subMap("b", "e"));
        System.out.println(tm.firstEntry() + " " + tm.pollFirstEntry() + " " + tm.pollLastEntry() + " " + tm.size());
        NavigableMap<String, Integer> desc = tm.descendingMap();
        System.out.println(desc.firstKey() + " " + desc.keySet());
        TreeMap<Integer, String> nums = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (int k : ikeys) {
            nums.put(k, Integer.toHexString(k));
        }
        System.out.println(nums + " " + nums.floorKey(50) + " " + nums.ceilingKey(50));
        Iterator<Map.Entry<String, Integer>> it = hm.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Integer> e = it.next();
            if (e.getValue() % 2 == 0) {
                it.remove();
            } else {
                e.setValue(e.getValue() * 1000);
            }
        }
        System.out.println(hm);
        try {
            for (String k : hm.keySet()) {
                hm.put(k + "x", 1);
            }
        } catch (java.util.ConcurrentModificationException e) {
            System.out.println("CME in map");
        }
        Map<String, Integer> fixed = Map.of("one", 1, "two", 2, "three", 3);
        System.out.println(fixed.get("two") + " " + fixed.get("four") + " " + fixed.containsKey("one") + " " + fixed.size() + " " + new TreeMap<>(fixed));
        try {
            fixed.put("four", 4);
        } catch (UnsupportedOperationException e) {
            System.out.println("UOE Map.of");
        }
        try {
            Map.of("k", 1, "k", 2);
        } catch (IllegalArgumentException e) {
            System.out.println("IAE " + e.getMessage());
        }
        Map<String, String> nullable = new HashMap<>();
        nullable.put(null, "null key");
        nullable.put("k", null);
        System.out.println(nullable + " " + nullable.get(null) + " " + nullable.containsKey("k") + " " + nullable.getOrDefault("k", "dflt"));
        try {
            new TreeMap<String, Integer>().put(null, 1);
        } catch (NullPointerException e) {
            System.out.println("TreeMap null key NPE");
        }
        HashMap<Integer, Integer> big = new HashMap<>();
        for (int i = 0; i < 50000; i++) {
            big.put(i * 7919 % 100003, i);
        }
        long sum = 0;
        int idx = 0;
        for (Map.Entry<Integer, Integer> e : big.entrySet()) {
            sum += (long) e.getKey() * (idx++ % 13) + e.getValue();
        }
        System.out.println("big " + big.size() + " order-sensitive sum " + sum + " hash " + big.hashCode());
        Map<String, Integer> eq1 = new HashMap<>(Map.of("a", 1, "b", 2));
        Map<String, Integer> eq2 = new TreeMap<>(Map.of("b", 2, "a", 1));
        System.out.println(eq1.equals(eq2) + " " + (eq1.hashCode() == eq2.hashCode()) + " " + eq1.hashCode());
        Map.Entry<String, Integer> entry = Map.entry("key", 9);
        System.out.println(entry + " " + entry.getKey() + " " + new java.util.AbstractMap.SimpleEntry<>("a", 1));
    }
}
