import java.util.HashMap;
import java.util.Map;

public class Main {
    interface Node {
        double eval(Map<String, Double> env);
        String show();
    }

    record Num(double v) implements Node {
        public double eval(Map<String, Double> env) { return v; }
        public String show() { return v == Math.floor(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v); }
    }

    record Var(String name) implements Node {
        public double eval(Map<String, Double> env) {
            Double v = env.get(name);
            if (v == null) {
                throw new IllegalArgumentException("unknown variable " + name);
            }
            return v;
        }
        public String show() { return name; }
    }

    record Bin(char op, Node l, Node r) implements Node {
        public double eval(Map<String, Double> env) {
            double a = l.eval(env), b = r.eval(env);
            switch (op) {
                case '+': return a + b;
                case '-': return a - b;
                case '*': return a * b;
                case '/': return a / b;
                case '%': return a % b;
                case '^': return StrictMath.pow(a, b);
                default: throw new IllegalStateException("op " + op);
            }
        }
        public String show() { return "(" + l.show() + " " + op + " " + r.show() + ")"; }
    }

    record Neg(Node e) implements Node {
        public double eval(Map<String, Double> env) { return -e.eval(env); }
        public String show() { return "-" + e.show(); }
    }

    record Call(String fn, Node arg) implements Node {
        public double eval(Map<String, Double> env) {
            double x = arg.eval(env);
            switch (fn) {
                case "sqrt": return StrictMath.sqrt(x);
                case "abs": return Math.abs(x);
                case "sin": return StrictMath.sin(x);
                case "ln": return StrictMath.log(x);
                default: throw new IllegalArgumentException("unknown function " + fn);
            }
        }
        public String show() { return fn + "(" + arg.show() + ")"; }
    }

    static class ParseException extends Exception {
        ParseException(String msg, int pos) { super(msg + " at position " + pos); }
    }

    static class Parser {
        private final String src;
        private int pos;

        Parser(String src) { this.src = src; }

        Node parse() throws ParseException {
            Node n = expr();
            skip();
            if (pos < src.length()) {
                throw new ParseException("unexpected '" + src.charAt(pos) + "'", pos);
            }
            return n;
        }

        private void skip() {
            while (pos < src.length() && src.charAt(pos) == ' ') {
                pos++;
            }
        }

        private boolean eat(char c) {
            skip();
            if (pos < src.length() && src.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private Node expr() throws ParseException {
            Node n = term();
            while (true) {
                if (eat('+')) n = new Bin('+', n, term());
                else if (eat('-')) n = new Bin('-', n, term());
                else return n;
            }
        }

        private Node term() throws ParseException {
            Node n = factor();
            while (true) {
                if (eat('*')) n = new Bin('*', n, factor());
                else if (eat('/')) n = new Bin('/', n, factor());
                else if (eat('%')) n = new Bin('%', n, factor());
                else return n;
            }
        }

        private Node factor() throws ParseException {
            Node base = unary();
            if (eat('^')) {
                return new Bin('^', base, factor());
            }
            return base;
        }

        private Node unary() throws ParseException {
            if (eat('-')) {
                return new Neg(unary());
            }
            return primary();
        }

        private Node primary() throws ParseException {
            skip();
            if (eat('(')) {
                Node n = expr();
                if (!eat(')')) {
                    throw new ParseException("expected ')'", pos);
                }
                return n;
            }
            int start = pos;
            if (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Num(Double.parseDouble(src.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw new ParseException("bad number " + src.substring(start, pos), start);
                }
            }
            if (pos < src.length() && Character.isLetter(src.charAt(pos))) {
                while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
                    pos++;
                }
                String name = src.substring(start, pos);
                if (eat('(')) {
                    Node arg = expr();
                    if (!eat(')')) {
                        throw new ParseException("expected ')' after argument", pos);
                    }
                    return new Call(name, arg);
                }
                return new Var(name);
            }
            throw new ParseException(pos < src.length() ? "unexpected '" + src.charAt(pos) + "'" : "unexpected end", pos);
        }
    }

    public static void main(String[] args) {
        Map<String, Double> env = new HashMap<>();
        env.put("x", 3.0);
        env.put("y", -2.5);
        env.put("pi", Math.PI);
        String[] inputs = {
            "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 0.5", "x * x + y", "sqrt(x * x + 16)", "sin(pi / 2) + abs(y)",
            "1 / 0", "-1 / 0", "0 / 0", "ln(2.718281828459045)", "((((1))))", "1 - - 1", "2 * (3 + 4) * (5 - 1) / 7", "1.5.2 + 1", "(1 + 2", "1 + * 2",
            "z + 1", "foo(1)", "3 $ 4", "", "100000 * 100000 * 100000", "0.1 + 0.2"
        };
        for (String in : inputs) {
            try {
                Node n = new Parser(in).parse();
                double v = n.eval(env);
                System.out.println(in + " => " + n.show() + " = " + v);
            } catch (ParseException e) {
                System.out.println(in + " => parse error: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                System.out.println(in + " => eval error: " + e.getMessage());
            }
        }
        StringBuilder big = new StringBuilder("0");
        for (int i = 1; i <= 300; i++) {
            big.append(i % 3 == 0 ? " - " : " + ").append(i).append(i % 5 == 0 ? " * x" : "");
        }
        try {
            System.out.println("long expression = " + new Parser(big.toString()).parse().eval(env));
        } catch (ParseException e) {
            System.out.println("unexpected " + e);
        }
    }
}
