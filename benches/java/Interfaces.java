// Benchmark: interface calls. One call site sees four implementations (megamorphic), another
// always sees the same one (monomorphic), so both kinds of dispatch are measured.
public class Interfaces {
    interface Op {
        int apply(int x);
    }

    interface Named {
        int tag();
    }

    static final class Add implements Op, Named {
        final int k;

        Add(int k) {
            this.k = k;
        }

        public int apply(int x) {
            return x + k;
        }

        public int tag() {
            return 1;
        }
    }

    static final class Mul implements Op, Named {
        public int apply(int x) {
            return x * 3;
        }

        public int tag() {
            return 2;
        }
    }

    static final class Xor implements Named, Op {
        public int apply(int x) {
            return x ^ 0x5bd1e995;
        }

        public int tag() {
            return 3;
        }
    }

    static final class Rot implements Op {
        public int apply(int x) {
            return (x << 5) | (x >>> 27);
        }
    }

    static int megamorphic(Op[] ops, int rounds) {
        int x = 1;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < ops.length; i++) {
                x = ops[i].apply(x);
            }
        }
        return x;
    }

    static int monomorphic(Op op, int rounds) {
        int x = 7;
        for (int r = 0; r < rounds; r++) {
            x = op.apply(x);
        }
        return x;
    }

    static int tags(Named[] named, int rounds) {
        int sum = 0;
        for (int r = 0; r < rounds; r++) {
            sum += named[r & 7].tag();
        }
        return sum;
    }

    public static void main(String[] args) {
        Op[] ops = {new Add(1), new Mul(), new Xor(), new Rot(), new Add(7), new Rot(), new Mul(), new Xor()};
        Named[] named = {new Add(1), new Mul(), new Xor(), new Add(2), new Add(3), new Mul(), new Xor(), new Xor()};
        long checksum = megamorphic(ops, 1_000_000);
        checksum = checksum * 31 + monomorphic(new Add(3), 6_000_000);
        checksum = checksum * 31 + tags(named, 5_000_000);
        System.out.println("Interfaces " + checksum);
    }
}
