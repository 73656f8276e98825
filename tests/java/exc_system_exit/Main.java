public class Main {
    static void work(int i) {
        System.out.println("work " + i);
        if (i == 3) {
            System.err.println("exiting with status 3");
            System.exit(3);
        }
    }

    public static void main(String[] args) {
        try {
            for (int i = 0; i < 10; i++) {
                work(i);
            }
        } finally {
            System.out.println("finally must not run after System.exit");
        }
        System.out.println("not reached");
    }
}
