import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;

public class Main {
    public static void main(String[] args) {
        Set<String> hs = new HashSet<>();
        for (String s : "to be or not to be that is the question whether tis nobler in the mind".split(" ")) {
            hs.add(s);
        }
        System.out.println(hs + " " + hs.size() + " " + hs.contains("be") + " " + hs.remove("to") + " " + hs.remove("to") + " " + hs.add("or"));
        Set<Integer> is = new HashSet<>();
        for (int i = -20; i < 100; i += 7) {
            is.add(i * i * i);
        }
        System.out.println(is);
        Set<Character> cs = new HashSet<>();
        for (char c : "hello world".toCharArray()) {
            cs.add(c);
        }
        System.out.println(cs);
        Set<Long> ls = new HashSet<>();
        for (long l = 1; l < 1L << 40; l *= 37) {
            ls.add(l);
            ls.add(-l);
        }
        System.out.println(ls);
        Set<Double> ds = new HashSet<>(java.util.List.of(1.5, -0.0, 0.0, 100.25, 3.0));
        System.out.println(ds);
        Set<String> lhs = new LinkedHashSet<>(java.util.List.of("z", "a", "m"));
        lhs.add("a");
        lhs.add("b");
        System.out.println(lhs);
        TreeSet<Integer> ts = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            ts.add((i * 37) % 23);
        }
        System.out.println(ts + " first " + ts.first() + " last " + ts.last() + " floor(10) " + ts.floor(10) + " ceiling(10) " + ts.ceiling(10) + " higher(21) " + ts.higher(21) + " lower(0) " + ts.lower(0));
        System.out.println(ts.headSet(5) + " " + ts.tailSet(18) + " " + ts.subSet(5, 10) + " " + ts.descendingSet() + " " + ts.pollFirst() + " " + ts.pollLast() + " " + ts.size());
        TreeSet<String> words = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        words.add("Beta");
        words.add("alpha");
        words.add("BETA");
        words.add("Gamma");
        System.out.println(words + " " + words.contains("GAMMA"));
        Set<String> a = new TreeSet<>(java.util.List.of("a", "b", "c", "d"));
        Set<String> b = new TreeSet<>(java.util.List.of("c", "d", "e"));
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        Set<String> inter = new TreeSet<>(a);
        inter.retainAll(b);
        Set<String> diff = new TreeSet<>(a);
        diff.removeAll(b);
        System.out.println(union + " " + inter + " " + diff + " " + a.equals(new HashSet<>(a)) + " " + a.hashCode());
        Deque<Integer> stack = new ArrayDeque<>();
        for (int i = 1; i <= 5; i++) {
            stack.push(i * 10);
        }
        System.out.println("stack " + stack + " peek " + stack.peek() + " pop " + stack.pop() + " pop " + stack.pop() + " " + stack);
        Queue<String> queue = new ArrayDeque<>();
        queue.offer("first");
        queue.offer("second");
        queue.add("third");
        System.out.println("queue " + queue + " poll " + queue.poll() + " peek " + queue.peek() + " " + queue.size());
        ArrayDeque<Integer> dq = new ArrayDeque<>();
        for (int i = 0; i < 40; i++) {
            if (i % 3 == 0) {
                dq.addFirst(i);
            } else {
                dq.addLast(i);
            }
            if (i % 5 == 4) {
                dq.pollFirst();
            }
        }
        System.out.println(dq + " " + dq.peekFirst() + " " + dq.peekLast());
        System.out.println(new ArrayDeque<Integer>().poll() + " " + new ArrayDeque<Integer>().peek());
        try {
            new ArrayDeque<Integer>().pop();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE pop " + e.getMessage());
        }
        try {
            new ArrayDeque<Integer>().add(null);
        } catch (NullPointerException e) {
            System.out.println("ArrayDeque null NPE");
        }
        PriorityQueue<Integer> pq = new PriorityQueue<>();
        int[] vals = {42, 7, 19, 3, 88, 3, 25, -1, 60, 11};
        for (int v : vals) {
            pq.add(v);
        }
        System.out.println("pq toString " + pq + " size " + pq.size() + " peek " + pq.peek());
        StringBuilder sb = new StringBuilder();
        while (!pq.isEmpty()) {
            sb.append(pq.poll()).append(' ');
        }
        System.out.println("poll order " + sb);
        PriorityQueue<String> maxq = new PriorityQueue<>(java.util.Comparator.reverseOrder());
        for (String s : new String[] {"pear", "apple", "zoo", "kiwi", "banana"}) {
            maxq.offer(s);
        }
        System.out.println(maxq);
        sb.setLength(0);
        while (!maxq.isEmpty()) {
            sb.append(maxq.poll()).append(' ');
        }
        System.out.println(sb);
        PriorityQueue<int[]> tasks = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        for (int i = 0; i < 12; i++) {
            tasks.add(new int[] {i % 4, i});
        }
        sb.setLength(0);
        while (!tasks.isEmpty()) {
            int[] t = tasks.poll();
            sb.append(t[0]).append(':').append(t[1]).append(' ');
        }
        System.out.println(sb);
        PriorityQueue<Integer> rm = new PriorityQueue<>(java.util.List.of(5, 1, 4, 2, 3));
        rm.remove(4);
        System.out.println(rm + " " + rm.contains(2));
        HashSet<Integer> big = new HashSet<>();
        for (int i = 0; i < 30000; i++) {
            big.add((i * 2654435761L % 1000003) > 0 ? (int) (i * 2654435761L % 1000003) : i);
        }
        long sum = 0;
        int k = 0;
        for (int v : big) {
            sum += (long) v * (k++ % 17);
        }
        System.out.println("big set " + big.size() + " order-sensitive sum " + sum);
    }
}
