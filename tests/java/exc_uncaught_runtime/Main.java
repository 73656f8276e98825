public class Main {
    static void validate(String input) {
        if (input.length() > 3) {
            throw new IllegalStateException("input too long: " + input);
        }
        System.out.println("valid: " + input);
    }

    static void process(String[] inputs) {
        for (String s : inputs) {
            validate(s);
        }
    }

    public static void main(String[] args) {
        System.out.println("starting");
        System.err.println("a line on stderr before the failure");
        process(new String[] {"ab", "abc", "abcd", "never"});
        System.out.println("not reached");
    }
}
