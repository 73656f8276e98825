public class Main {
    static String dense(int x) {
        switch (x) {
            case 0: return "zero";
            case 1: return "one";
            case 2: return "two";
            case 3: return "three";
            case 4: return "four";
            case 5: return "five";
            default: return "dense-default";
        }
    }

    static String negativeDense(int x) {
        switch (x) {
            case -3: return "m3";
            case -2: return "m2";
            case -1: return "m1";
            case 0: return "z";
            case 1: return "p1";
            default: return "nd";
        }
    }

    static String sparse(int x) {
        switch (x) {
            case -1000000: return "minus million";
            case -5: return "minus five";
            case 7: return "seven";
            case 100: return "hundred";
            case 65536: return "2^16";
            case Integer.MAX_VALUE: return "max";
            case Integer.MIN_VALUE: return "min";
            default: return "sparse-default";
        }
    }

    static int fallthrough(int x) {
        int acc = 0;
        switch (x) {
            case 1:
                acc += 1;
            case 2:
                acc += 10;
            case 3:
                acc += 100;
                break;
            case 4:
                acc += 1000;
            default:
                acc += 10000;
        }
        return acc;
    }

    static String chars(char c) {
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u': return "vowel";
            case ' ': return "space";
            default:
                if (Character.isDigit(c)) {
                    return "digit";
                }
                return "consonant";
        }
    }

    static int expr(int day) {
        return switch (day) {
            case 1, 7 -> 0;
            case 2, 3, 4, 5, 6 -> {
                int hours = 8;
                if (day == 6) {
                    hours -= 2;
                }
                yield hours;
            }
            default -> throw new IllegalArgumentException("bad day " + day);
        };
    }

    static String oldStyleYield(long big) {
        int k = (int) (big % 4);
        String r = switch (k) {
            case 0:
                yield "zero";
            case 1:
            case -1:
                yield "odd-ish";
            default:
                String tmp = "k=" + k;
                yield tmp;
        };
        return r;
    }

    enum Suit { CLUBS, DIAMONDS, HEARTS, SPADES }

    static String color(Suit s) {
        return switch (s) {
            case CLUBS, SPADES -> "black";
            case DIAMONDS, HEARTS -> "red";
        };
    }

    static int byteSwitch(byte b) {
        switch (b) {
            case -128: return 1;
            case 127: return 2;
            case 0: return 3;
            default: return 4;
        }
    }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = -2; i <= 7; i++) {
            sb.append(i).append('=').append(dense(i)).append(' ');
        }
        System.out.println(sb);
        sb.setLength(0);
        for (int i = -5; i <= 3; i++) {
            sb.append(negativeDense(i)).append(' ');
        }
        System.out.println(sb);
        int[] probes = {-1000000, -5, 7, 100, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE, 8, 0, -999999, 99};
        for (int p : probes) {
            System.out.println(p + " -> " + sparse(p));
        }
        for (int i = 0; i <= 5; i++) {
            System.out.print(fallthrough(i) + " ");
        }
        System.out.println();
        for (char c : "hi 2u!".toCharArray()) {
            System.out.print(chars(c) + " ");
        }
        System.out.println();
        for (int d = 1; d <= 8; d++) {
            try {
                System.out.print(expr(d) + " ");
            } catch (IllegalArgumentException e) {
                System.out.print("[" + e.getMessage() + "] ");
            }
        }
        System.out.println();
        for (long v = -3; v <= 5; v++) {
            System.out.print(oldStyleYield(v) + " ");
        }
        System.out.println();
        for (Suit s : Suit.values()) {
            System.out.print(s + ":" + color(s) + " ");
        }
        System.out.println();
        System.out.println(byteSwitch((byte) -128) + " " + byteSwitch((byte) 127) + " " + byteSwitch((byte) 0) + " " + byteSwitch((byte) 5));
        int hits = 0;
        for (int i = -50000; i < 50000; i++) {
            if (!sparse(i).equals("sparse-default")) {
                hits++;
            }
            if (dense(i & 7).length() == 4) {
                hits += 1000;
            }
        }
        System.out.println("hits " + hits);
        Integer boxed = 3;
        switch (boxed) {
            case 3 -> System.out.println("boxed three");
            default -> System.out.println("boxed other");
        }
        Character ch = 'q';
        switch (ch) {
            case 'q' -> System.out.println("boxed q");
            default -> System.out.println("boxed other char");
        }
    }
}
