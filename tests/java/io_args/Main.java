public class Main {
    public static void main(String[] args) {
        System.out.println("argc " + args.length);
        int total = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            System.out.println(i + ": [" + a + "] length " + a.length());
            try {
                total += Integer.parseInt(a);
            } catch (NumberFormatException e) {
                System.out.println("   not a number: " + e.getMessage());
            }
        }
        System.out.println("sum of numeric args " + total);
        System.out.println("joined: " + String.join(",", args));
    }
}
