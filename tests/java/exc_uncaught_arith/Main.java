public class Main {
    static int average(int[] values) {
        int sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static void report(int[] values) {
        System.out.println("average " + average(values));
    }

    public static void main(String[] args) {
        report(new int[] {1, 2, 3, 4});
        report(new int[] {10, -10});
        report(new int[0]);
        System.out.println("not reached");
    }
}
