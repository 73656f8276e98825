import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        long numberSum = 0;
        int chars = 0;
        StringBuilder reversed = new StringBuilder();
        while ((line = in.readLine()) != null) {
            n++;
            chars += line.length();
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                System.out.println(n + ": (blank)");
                continue;
            }
            boolean numeric = true;
            try {
                numberSum += Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                numeric = false;
            }
            System.out.println(n + ": [" + line + "] len " + line.length() + (numeric ? " number" : " text") + " upper " + line.toUpperCase());
            reversed.insert(0, trimmed + " | ");
        }
        System.out.println("lines " + n + " chars " + chars + " number sum " + numberSum);
        System.out.println("reversed: " + reversed);
        System.out.println("readLine after EOF: " + in.readLine());
    }
}
