// Method handle combinators composed into a small request pipeline, the way language runtimes
// build call paths: guardWithTest picks a fast or a slow path, catchException turns a failure
// into a fallback value, filterArguments normalizes input, foldArguments computes an extra
// leading argument, permuteArguments reorders, collectArguments pre-processes, throwException
// raises, identity/constant/empty/zero fill gaps, arrayLength/arrayConstructor handle arrays.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

public class Main {
    static final MethodHandles.Lookup L = MethodHandles.lookup();

    static boolean isCached(String key) {
        return key.startsWith("c:");
    }

    static String fromCache(String key) {
        return "cache(" + key.substring(2) + ")";
    }

    static String fromDatabase(String key) {
        if (key.contains("!")) {
            throw new IllegalStateException("database down for " + key);
        }
        return "db(" + key + ")";
    }

    static String fallback(IllegalStateException e, String key) {
        return "fallback(" + key + ": " + e.getMessage() + ")";
    }

    static String normalize(String key) {
        return key.trim().toLowerCase();
    }

    static String checksum(String payload) {
        return Integer.toHexString(payload.length() * 31 + payload.charAt(0));
    }

    static String envelope(String checksum, String payload) {
        return "{" + checksum + "|" + payload + "}";
    }

    static String describe(String name, int age, boolean admin) {
        return name + "/" + age + (admin ? "/admin" : "");
    }

    static int total(int[] parts) {
        int s = 0;
        for (int p : parts) {
            s += p;
        }
        return s;
    }

    static MethodHandle find(String name, Class<?> ret, Class<?>... params) throws ReflectiveOperationException {
        return L.findStatic(Main.class, name, MethodType.methodType(ret, params));
    }

    public static void main(String[] args) throws Throwable {
        MethodHandle lookupKey = MethodHandles.guardWithTest(find("isCached", boolean.class, String.class),
                find("fromCache", String.class, String.class), find("fromDatabase", String.class, String.class));
        MethodHandle safe = MethodHandles.catchException(lookupKey, IllegalStateException.class,
                find("fallback", String.class, IllegalStateException.class, String.class));
        MethodHandle pipeline = MethodHandles.filterArguments(safe, 0, find("normalize", String.class, String.class));
        System.out.println("pipeline " + pipeline.type());
        for (String key : new String[] {"c:Users", "  ORDERS ", "C:Mixed", "broken!", "c:"}) {
            System.out.println("  [" + key + "] -> " + (String) pipeline.invokeExact(key));
        }
        try {
            String r = (String) lookupKey.invokeExact("x!");
        } catch (IllegalStateException e) {
            System.out.println("  unguarded: " + e.getMessage());
        }

        MethodHandle sealed = MethodHandles.foldArguments(find("envelope", String.class, String.class, String.class),
                find("checksum", String.class, String.class));
        System.out.println("fold " + sealed.type() + " " + (String) sealed.invokeExact("hello"));

        MethodHandle describe = find("describe", String.class, String.class, int.class, boolean.class);
        MethodHandle reordered = MethodHandles.permuteArguments(describe,
                MethodType.methodType(String.class, boolean.class, int.class, String.class), 2, 1, 0);
        MethodHandle duplicated = MethodHandles.permuteArguments(
                find("envelope", String.class, String.class, String.class), MethodType.methodType(String.class, String.class), 0, 0);
        System.out.println("permute " + reordered.type() + " " + (String) reordered.invokeExact(true, 36, "ada")
                + " dup " + (String) duplicated.invokeExact("x"));
        try {
            MethodHandles.permuteArguments(describe, MethodType.methodType(String.class, String.class, int.class), 0, 1, 1);
        } catch (IllegalArgumentException e) {
            System.out.println("bad permutation: " + e.getMessage());
        }

        MethodHandle lengthOf = L.findVirtual(String.class, "length", MethodType.methodType(int.class));
        MethodHandle ageFromText = MethodHandles.collectArguments(describe, 1, lengthOf);
        System.out.println("collect " + ageFromText.type() + " " + (String) ageFromText.invokeExact("bob", "123456789", false));

        MethodHandle thrower = MethodHandles.throwException(String.class, UnsupportedOperationException.class);
        try {
            String s = (String) thrower.invokeExact(new UnsupportedOperationException("read-only"));
        } catch (UnsupportedOperationException e) {
            System.out.println("throwException " + thrower.type() + ": " + e.getMessage());
        }

        MethodHandle id = MethodHandles.identity(String.class);
        MethodHandle answer = MethodHandles.constant(int.class, 42);
        MethodHandle zero = MethodHandles.zero(double.class);
        MethodHandle empty = MethodHandles.empty(MethodType.methodType(long.class, String.class, int.class));
        System.out.println("identity " + (String) id.invokeExact("same") + " constant " + (int) answer.invokeExact()
                + " zero " + (double) zero.invokeExact() + " empty " + (long) empty.invokeExact("x", 1) + " " + empty.type());
        try {
            MethodHandles.constant(int.class, "not an int");
        } catch (ClassCastException e) {
            System.out.println("constant with wrong value: ClassCastException");
        }

        MethodHandle newInts = MethodHandles.arrayConstructor(int[].class);
        MethodHandle len = MethodHandles.arrayLength(int[].class);
        int[] parts = (int[]) newInts.invokeExact(4);
        parts[0] = 5;
        parts[3] = 7;
        MethodHandle sum = find("total", int.class, int[].class);
        System.out.println("array ctor " + newInts.type() + " length " + (int) len.invokeExact(parts) + " total " + (int) sum.invokeExact(parts));
        MethodHandle sumOfNew = MethodHandles.filterArguments(sum, 0, newInts);
        System.out.println("total of a fresh array " + (int) sumOfNew.invokeExact(10));
        try {
            int n = (int) len.invokeExact((int[]) null);
        } catch (NullPointerException e) {
            System.out.println("arrayLength(null): NullPointerException");
        }

        MethodHandle count = MethodHandles.countedLoop(MethodHandles.constant(int.class, 5),
                MethodHandles.constant(int.class, 1),
                MethodHandles.dropArguments(MethodHandles.insertArguments(
                        L.findStatic(Math.class, "multiplyExact", MethodType.methodType(int.class, int.class, int.class)), 1, 2),
                        1, int.class));
        System.out.println("countedLoop " + count.type() + " " + (int) count.invokeExact());
    }
}
