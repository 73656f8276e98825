import java.util.ArrayList;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;

public class Main {
    public static void main(String[] args) {
        List<Integer> al = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            al.add(i * i);
        }
        al.add(0, -1);
        al.add(5, 555);
        al.remove(Integer.valueOf(81));
        al.remove(2);
        al.set(0, 1000);
        System.out.println(al + " size " + al.size() + " get(3) " + al.get(3) + " indexOf(555) " + al.indexOf(555) + " contains(49) " + al.contains(49));
        System.out.println(al.subList(2, 5) + " " + al.isEmpty() + " " + al.lastIndexOf(1000) + " hash " + al.hashCode() + " " + al.equals(new ArrayList<>(al)));
        List<String> ll = new LinkedList<>();
        ll.add("b");
        ll.add("c");
        ((LinkedList<String>) ll).addFirst("a");
        ((LinkedList<String>) ll).addLast("d");
        ll.add(2, "x");
        System.out.println(ll + " first " + ((LinkedList<String>) ll).getFirst() + " last " + ((LinkedList<String>) ll).peekLast() + " " + ll.equals(List.of("a", "b", "x", "c", "d")));
        ((LinkedList<String>) ll).removeFirst();
        ((LinkedList<String>) ll).pollLast();
        System.out.println(ll + " " + ll.hashCode());
        Iterator<Integer> it = al.iterator();
        while (it.hasNext()) {
            int v = it.next();
            if (v % 2 == 0) {
                it.remove();
            }
        }
        System.out.println("after iterator remove " + al);
        ListIterator<String> li = ll.listIterator();
        while (li.hasNext()) {
            String s = li.next();
            li.set(s.toUpperCase());
            if (s.equals("x")) {
                li.add("inserted");
            }
        }
        System.out.println(ll);
        while (li.hasPrevious()) {
            System.out.print(li.previous() + "<" + li.nextIndex() + " ");
        }
        System.out.println();
        try {
            for (Integer v : al) {
                if (v == 555) {
                    al.remove(v);
                }
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("CME caught: " + e.getMessage());
        }
        try {
            for (String s : ll) {
                ll.add(s);
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("CME on LinkedList caught");
        }
        List<Integer> nums = new ArrayList<>(List.of(5, 3, 8, 1, 9, 2));
        Collections.sort(nums);
        System.out.println("sorted " + nums);
        Collections.reverse(nums);
        System.out.println("reversed " + nums + " max " + Collections.max(nums) + " min " + Collections.min(nums));
        Collections.swap(nums, 0, 5);
        System.out.println("swapped " + nums + " freq " + Collections.frequency(List.of(1, 2, 1, 1), 1));
        Collections.rotate(nums, 2);
        System.out.println("rotated " + nums);
        Collections.shuffle(nums, new java.util.Random(42));
        System.out.println("shuffled(42) " + nums);
        List<Integer> unmod = Collections.unmodifiableList(nums);
        try {
            unmod.add(1);
        } catch (UnsupportedOperationException e) {
            System.out.println("UOE unmodifiable: " + e.getMessage());
        }
        List<String> fixed = List.of("p", "q");
        try {
            fixed.set(0, "z");
        } catch (UnsupportedOperationException e) {
            System.out.println("UOE List.of: " + e.getMessage());
        }
        try {
            List.of("a", null);
        } catch (NullPointerException e) {
            System.out.println("List.of null NPE");
        }
        System.out.println(fixed.get(1) + " " + fixed.contains("p") + " " + fixed.indexOf("q") + " " + fixed + " " + List.copyOf(nums).size() + " " + Collections.emptyList() + " " + Collections.singletonList(7) + " " + Collections.nCopies(3, "ab"));
        try {
            al.get(100);
        } catch (IndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            new LinkedList<String>().getFirst();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        try {
            new ArrayList<Integer>().iterator().next();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE " + e.getMessage());
        }
        ArrayList<Integer> big = new ArrayList<>();
        for (int i = 0; i < 100000; i++) {
            big.add(i);
        }
        long s = 0;
        for (int i = big.size() - 1; i >= 0; i -= 7) {
            s += big.get(i);
        }
        big.removeIf(x -> x % 3 != 0);
        System.out.println("big " + s + " " + big.size() + " " + big.get(big.size() - 1));
        Object[] arr = ll.toArray();
        String[] sarr = ll.toArray(new String[0]);
        System.out.println(arr.length + " " + sarr[0] + " " + String.join("/", ll));
        List<List<Integer>> nested = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nested.add(new ArrayList<>());
            for (int j = 0; j <= i; j++) {
                nested.get(i).add(j);
            }
        }
        System.out.println(nested);
        al.clear();
        System.out.println(al + " " + al.size());
        List<Integer> addAll = new ArrayList<>(List.of(1, 2));
        addAll.addAll(List.of(3, 4));
        addAll.addAll(1, List.of(9, 9));
        addAll.removeAll(List.of(9));
        addAll.retainAll(List.of(1, 3, 4, 7));
        System.out.println(addAll + " " + addAll.containsAll(List.of(1, 4)));
    }
}
