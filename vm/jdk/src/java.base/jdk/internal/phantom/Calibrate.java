package jdk.internal.phantom;

/**
 * The work a node times to learn its speed in bytecodes per second (the balancer's host speed):
 * integer arithmetic, array access, field access and calls, in a loop that never ends, so that
 * the node can run it for exactly the instructions it wants. Measured inside the VM, an
 * emulated host shows its real speed, which the operating system cannot tell.
 */
public final class Calibrate {
    private int state = 1;

    private Calibrate() {}

    private int step(int[] table, int i) {
        state = state * 1103515245 + 12345;
        int j = (state >>> 16) & (table.length - 1);
        table[j] += i ^ table[i & (table.length - 1)];
        return table[j];
    }

    public static void main(String[] args) {
        Calibrate c = new Calibrate();
        int[] table = new int[256];
        long sum = 0;
        for (int i = 0; ; i++) {
            sum += c.step(table, i);
            if (sum == Long.MIN_VALUE) {
                System.out.println(sum);
            }
        }
    }
}
