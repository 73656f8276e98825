public class Main {
    static final class Node {
        int value;
        Node next;
        String label;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    static Node build(int n, int seed) {
        Node head = null;
        for (int i = 0; i < n; i++) {
            head = new Node(i * seed % 1000, head);
            if (i % 100 == 0) {
                head.label = "n" + i;
            }
        }
        return head;
    }

    static Node reverse(Node head) {
        Node prev = null;
        while (head != null) {
            Node next = head.next;
            head.next = prev;
            prev = head;
            head = next;
        }
        return prev;
    }

    static Node filterCopy(Node head, int mod) {
        Node dummy = new Node(0, null);
        Node tail = dummy;
        for (Node n = head; n != null; n = n.next) {
            if (n.value % mod == 0) {
                tail.next = new Node(n.value, null);
                tail = tail.next;
            }
        }
        return dummy.next;
    }

    static long sum(Node head) {
        long s = 0;
        int idx = 0;
        for (Node n = head; n != null; n = n.next) {
            s += (long) n.value * (++idx % 7 + 1);
        }
        return s;
    }

    public static void main(String[] args) {
        Node keeper = null;
        long total = 0;
        for (int round = 0; round < 16; round++) {
            Node list = build(15000, round + 1);
            list = reverse(list);
            Node filtered = filterCopy(list, 3);
            long s = sum(list) + sum(filtered);
            total += s;
            if (round % 4 == 0) {
                keeper = new Node(round, keeper);
                keeper.label = "round " + round + " sum " + s;
                System.out.println(keeper.label);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Node n = keeper; n != null; n = n.next) {
            sb.append(n.value).append(' ');
        }
        System.out.println("kept " + sb);
        System.out.println("total " + total);
        Node cycleA = new Node(1, null);
        Node cycleB = new Node(2, cycleA);
        cycleA.next = cycleB;
        int hops = 0;
        Node cur = cycleA;
        for (int i = 0; i < 1001; i++) {
            cur = cur.next;
            hops += cur.value;
        }
        System.out.println("cycle hops " + hops);
        for (int i = 0; i < 200000; i++) {
            Node a = new Node(i, null);
            Node b = new Node(-i, a);
            a.next = b;
        }
        String[] strings = new String[1000];
        long len = 0;
        for (int i = 0; i < 60000; i++) {
            String s = "item-" + i + "-" + (i * 31 % 97);
            strings[i % strings.length] = s;
            len += s.length();
        }
        System.out.println("string churn length " + len + " last kept " + strings[999]);
    }
}
