// Helpful NullPointerException messages raised inside the class library name the library's
// locals and parameters (it is compiled with local variable tables, as OpenJDK is), while the
// program's own (compiled without them) stay <localN> and <parameterN>. A native method's
// NullPointerException has no helpful message. Only the messages print: the frames would be
// the library's.
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.TreeMap;

public class Main {
    interface Body {
        void run() throws Exception;
    }

    static void check(String label, Body body) {
        try {
            body.run();
            System.out.println(label + ": no exception");
        } catch (Exception e) {
            System.out.println(label + ": " + e);
        }
    }

    static int length(String text) {
        return text.length();
    }

    public static void main(String[] args) {
        check("compareTo", () -> "abc".compareTo(null));
        check("compareToIgnoreCase", () -> "abc".compareToIgnoreCase(null));
        check("concat", () -> "abc".concat(null));
        check("contains", () -> "abc".contains(null));
        check("startsWith", () -> "abc".startsWith(null));
        check("endsWith", () -> "abc".endsWith(null));
        check("lastIndexOf", () -> "abc".lastIndexOf((String) null));
        check("replace", () -> "abc".replace(null, "x"));
        check("contentEquals", () -> "abc".contentEquals((CharSequence) null));
        check("regionMatches", () -> "abc".regionMatches(0, null, 0, 1));
        check("new String(char[])", () -> new String((char[]) null));
        check("new String(String)", () -> new String((String) null));
        check("String.valueOf(char[])", () -> String.valueOf((char[]) null));
        check("String.join delimiter", () -> String.join(null, "a"));
        check("String.join elements", () -> String.join(",", (String[]) null));
        check("String.format", () -> String.format(null));
        check("StringBuilder(String)", () -> new StringBuilder((String) null));
        check("StringBuilder.append(char[])", () -> new StringBuilder().append((char[]) null));
        check("StringBuilder.insert(char[])", () -> new StringBuilder().insert(0, (char[]) null));
        check("Integer.compareTo", () -> Integer.valueOf(1).compareTo(null));
        check("Double.parseDouble", () -> Double.parseDouble(null));
        check("Float.parseFloat", () -> Float.parseFloat(null));
        check("new ArrayList(null)", () -> new ArrayList<>((Collection<String>) null));
        check("ArrayList.addAll", () -> new ArrayList<String>().addAll(null));
        check("new LinkedList(null)", () -> new LinkedList<>((Collection<String>) null));
        check("new HashSet(null)", () -> new HashSet<>((Collection<String>) null));
        check("new HashMap(null)", () -> new HashMap<>((Map<String, String>) null));
        check("HashMap.putAll", () -> new HashMap<String, String>().putAll(null));
        check("TreeMap.put", () -> new TreeMap<String, String>().put(null, "x"));
        check("List.copyOf", () -> List.copyOf(null));
        check("Collections.sort", () -> Collections.sort((List<String>) null));
        check("Arrays.sort", () -> Arrays.sort((int[]) null));
        check("Arrays.fill", () -> Arrays.fill((int[]) null, 1));
        check("Arrays.copyOf", () -> Arrays.copyOf((int[]) null, 1));
        check("ArrayDeque.add", () -> new ArrayDeque<String>().add(null));
        check("new Scanner(null)", () -> new Scanner((String) null));
        check("Throwable.setStackTrace", () -> new Throwable().setStackTrace(null));
        check("System.arraycopy", () -> System.arraycopy(null, 0, new int[1], 0, 1));
        check("program parameter", () -> length(null));
        check("program local", () -> {
            String local = args.length > 5 ? "x" : null;
            System.out.println(local.length());
        });
    }
}
