import java.util.Scanner;

public class Main {
    public static void main(String[] args) {
        Scanner sc = new Scanner(System.in);
        int n = sc.nextInt();
        int[] values = new int[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] = sc.nextInt();
            sum += values[i];
        }
        System.out.println("read " + n + " ints, sum " + sum);
        sc.nextLine();
        String title = sc.nextLine();
        System.out.println("title: [" + title + "]");
        long big = sc.nextLong();
        String word = sc.next();
        boolean flag = sc.nextBoolean();
        System.out.println("long " + big + " word " + word + " flag " + flag);
        System.out.println("hasNextInt " + sc.hasNextInt());
        String notInt = sc.next();
        System.out.println("skipped token " + notInt);
        int m = sc.nextInt();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m; i++) {
            sb.append(sc.next().toUpperCase()).append(' ');
        }
        System.out.println(sb.toString().trim());
        sc.nextLine();
        int lineNo = 0;
        while (sc.hasNextLine()) {
            String line = sc.nextLine();
            System.out.println("rest " + (++lineNo) + ": " + line);
        }
        System.out.println("hasNext at end " + sc.hasNext());
        try {
            sc.nextInt();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NoSuchElementException at end");
        }
        sc.close();
    }
}
