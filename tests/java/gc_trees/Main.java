public class Main {
    static final class Tree {
        final Tree left, right;
        final int item;

        Tree(Tree left, Tree right, int item) {
            this.left = left;
            this.right = right;
            this.item = item;
        }

        int check() {
            return left == null ? item : item + left.check() - right.check();
        }

        int count() {
            return left == null ? 1 : 1 + left.count() + right.count();
        }
    }

    static Tree bottomUp(int item, int depth) {
        if (depth > 0) {
            return new Tree(bottomUp(2 * item - 1, depth - 1), bottomUp(2 * item, depth - 1), item);
        }
        return new Tree(null, null, item);
    }

    static final class BstNode {
        int key;
        BstNode left, right;
        BstNode(int key) { this.key = key; }
    }

    static BstNode insert(BstNode root, int key) {
        if (root == null) {
            return new BstNode(key);
        }
        BstNode cur = root;
        while (true) {
            if (key < cur.key) {
                if (cur.left == null) {
                    cur.left = new BstNode(key);
                    return root;
                }
                cur = cur.left;
            } else if (key > cur.key) {
                if (cur.right == null) {
                    cur.right = new BstNode(key);
                    return root;
                }
                cur = cur.right;
            } else {
                return root;
            }
        }
    }

    static int height(BstNode n) {
        return n == null ? 0 : 1 + Math.max(height(n.left), height(n.right));
    }

    static long inorderSum(BstNode n, int[] counter) {
        if (n == null) {
            return 0;
        }
        long left = inorderSum(n.left, counter);
        counter[0]++;
        return left + (long) n.key * counter[0] + inorderSum(n.right, counter);
    }

    public static void main(String[] args) {
        int maxDepth = 12;
        Tree longLived = bottomUp(0, maxDepth);
        for (int depth = 4; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + 3);
            long check = 0;
            for (int i = 1; i <= iterations; i++) {
                check += bottomUp(i, depth).check();
                check += bottomUp(-i, depth).check();
            }
            System.out.println((iterations * 2) + " trees of depth " + depth + " check " + check);
        }
        System.out.println("long lived tree of depth " + maxDepth + " check " + longLived.check() + " nodes " + longLived.count());
        int seed = 99991;
        for (int round = 0; round < 3; round++) {
            BstNode root = null;
            for (int i = 0; i < 10000; i++) {
                seed = seed * 1103515245 + 12345;
                root = insert(root, (seed >>> 1) % 100000);
            }
            int[] counter = new int[1];
            long s = inorderSum(root, counter);
            System.out.println("bst round " + round + " distinct " + counter[0] + " height " + height(root) + " weighted sum " + s);
        }
    }
}
