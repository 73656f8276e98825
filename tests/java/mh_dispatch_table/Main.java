// A stack-machine interpreter whose opcodes are method handles kept in a map: static and
// virtual handles found with findStatic/findVirtual, called with invokeExact at exactly their
// type (casts and all) and with invoke where boxing or widening is needed; the
// WrongMethodTypeException messages that an inexact invokeExact or an impossible invoke give;
// exceptions thrown by the targets pass through unwrapped.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

public class Main {
    static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    static final Map<String, MethodHandle> BINARY = new LinkedHashMap<>();
    static final Map<String, MethodHandle> UNARY = new LinkedHashMap<>();

    static long add(long a, long b) {
        return a + b;
    }

    static long sub(long a, long b) {
        return a - b;
    }

    static long mul(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    static long div(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in program");
        }
        return a / b;
    }

    static long neg(long a) {
        return -a;
    }

    static {
        try {
            MethodType binary = MethodType.methodType(long.class, long.class, long.class);
            for (String name : new String[] {"add", "sub", "mul", "div"}) {
                BINARY.put(name, LOOKUP.findStatic(Main.class, name, binary));
            }
            BINARY.put("max", LOOKUP.findStatic(Math.class, "max", binary));
            BINARY.put("pow", LOOKUP.findStatic(Main.class, "pow", binary));
            UNARY.put("neg", LOOKUP.findStatic(Main.class, "neg", MethodType.methodType(long.class, long.class)));
            UNARY.put("abs", LOOKUP.findStatic(Math.class, "abs", MethodType.methodType(long.class, long.class)));
            UNARY.put("bits", LOOKUP.findStatic(Long.class, "bitCount", MethodType.methodType(int.class, long.class))
                    .asType(MethodType.methodType(long.class, long.class)));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static long pow(long base, long exp) {
        long r = 1;
        for (long i = 0; i < exp; i++) {
            r = Math.multiplyExact(r, base);
        }
        return r;
    }

    static String run(String program) {
        Deque<Long> stack = new ArrayDeque<>();
        try {
            for (String token : program.split(" ")) {
                MethodHandle op;
                if ((op = BINARY.get(token)) != null) {
                    long b = stack.pop();
                    long a = stack.pop();
                    stack.push((long) op.invokeExact(a, b));
                } else if ((op = UNARY.get(token)) != null) {
                    stack.push((long) op.invokeExact((long) stack.pop()));
                } else {
                    stack.push(Long.parseLong(token));
                }
            }
            return program + " => " + stack;
        } catch (Throwable t) {
            return program + " => " + t;
        }
    }

    static class Account {
        private long balance;
        final String owner;

        Account(String owner) {
            this.owner = owner;
        }

        public void deposit(long amount) {
            if (amount <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + amount);
            }
            balance += amount;
        }

        public long balance() {
            return balance;
        }

        public String statement(String prefix, int width) {
            return prefix + String.format("%" + width + "d", balance) + " (" + owner + ")";
        }
    }

    public static void main(String[] args) throws Throwable {
        System.out.println("opcodes: " + BINARY.keySet() + " " + UNARY.keySet());
        for (Map.Entry<String, MethodHandle> e : BINARY.entrySet()) {
            System.out.println("  " + e.getKey() + " : " + e.getValue().type());
        }
        String[] programs = {"2 3 add", "10 4 sub 3 mul", "7 neg abs 2 pow", "255 bits", "1 0 div", "3000000000 4000000000 mul",
            "5 add", "2 x add", "9 4 max 2 div neg"};
        for (String p : programs) {
            System.out.println(run(p));
        }

        MethodHandle deposit = LOOKUP.findVirtual(Account.class, "deposit", MethodType.methodType(void.class, long.class));
        MethodHandle balance = LOOKUP.findVirtual(Account.class, "balance", MethodType.methodType(long.class));
        MethodHandle statement = LOOKUP.findVirtual(Account.class, "statement",
                MethodType.methodType(String.class, String.class, int.class));
        Account acct = new Account("ada");
        deposit.invokeExact(acct, 100L);
        deposit.invoke(acct, 20);
        deposit.invoke(acct, (Object) Long.valueOf(3));
        System.out.println("balance " + (long) balance.invokeExact(acct) + " / " + balance.invoke(acct));
        System.out.println((String) statement.invokeExact(acct, "total:", 8));
        Object viaInvoke = statement.invoke(acct, "total:", (short) 5);
        System.out.println(viaInvoke);

        System.out.println("inexact calls:");
        String[] labels = {"int argument to invokeExact(long)", "result dropped", "result as Object", "result as int",
            "receiver as Object", "missing argument", "string for long", "boxed Long to invokeExact", "narrowing in invoke",
            "wrong receiver in invoke", "null receiver", "negative deposit"};
        for (int i = 0; i < labels.length; i++) {
            try {
                switch (i) {
                    case 0 -> deposit.invokeExact(acct, 5);
                    case 1 -> balance.invokeExact(acct);
                    case 2 -> {
                        Object o = balance.invokeExact(acct);
                    }
                    case 3 -> {
                        int x = (int) balance.invokeExact(acct);
                    }
                    case 4 -> {
                        long x = (long) balance.invokeExact((Object) acct);
                    }
                    case 5 -> deposit.invoke(acct);
                    case 6 -> deposit.invoke(acct, "5");
                    case 7 -> deposit.invokeExact(acct, Long.valueOf(5));
                    case 8 -> {
                        int x = (int) balance.invoke(acct);
                    }
                    case 9 -> balance.invoke((Object) "not an account");
                    case 10 -> balance.invoke((Account) null);
                    case 11 -> deposit.invoke(acct, -1L);
                    default -> throw new AssertionError();
                }
                System.out.println("  " + labels[i] + ": no exception");
            } catch (WrongMethodTypeException e) {
                System.out.println("  " + labels[i] + ": WrongMethodTypeException: " + e.getMessage());
            } catch (ClassCastException e) {
                System.out.println("  " + labels[i] + ": ClassCastException: " + e.getMessage());
            } catch (NullPointerException e) {
                System.out.println("  " + labels[i] + ": NullPointerException");
            } catch (IllegalArgumentException e) {
                System.out.println("  " + labels[i] + ": thrown by the target: " + e.getMessage());
            }
        }
        System.out.println("final balance " + acct.balance());
    }
}
