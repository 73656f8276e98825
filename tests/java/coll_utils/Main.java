import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

public class Main {
    static Optional<String> find(List<String> l, String prefix) {
        for (String s : l) {
            if (s.startsWith(prefix)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static void main(String[] args) {
        System.out.println(Objects.equals(null, null) + " " + Objects.equals("a", null) + " " + Objects.equals("a", "a") + " " + Objects.hash(1, "a", null) + " " + Objects.hash()
                + " " + Objects.hashCode(null) + " " + Objects.hashCode("x") + " " + Objects.toString(null) + " " + Objects.toString(null, "dflt") + " " + Objects.isNull(null)
                + " " + Objects.nonNull(1) + " " + Objects.requireNonNullElse(null, "else") + " " + Objects.compare("a", "b", String::compareTo));
        try {
            Objects.requireNonNull(null);
        } catch (NullPointerException e) {
            System.out.println("requireNonNull: " + e.getMessage());
        }
        try {
            Objects.requireNonNull(null, "param must not be null");
        } catch (NullPointerException e) {
            System.out.println("requireNonNull: " + e.getMessage());
        }
        try {
            Objects.requireNonNull(null, () -> "supplied message");
        } catch (NullPointerException e) {
            System.out.println("requireNonNull: " + e.getMessage());
        }
        try {
            Objects.checkIndex(5, 3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("checkIndex: " + e.getMessage());
        }
        List<String> names = List.of("alice", "bob", "carol");
        Optional<String> b = find(names, "b");
        Optional<String> z = find(names, "z");
        System.out.println(b + " " + z + " " + b.isPresent() + " " + z.isEmpty() + " " + b.get() + " " + z.orElse("none") + " " + z.orElseGet(() -> "computed"));
        System.out.println(b.map(String::toUpperCase) + " " + z.map(String::length) + " " + b.filter(s -> s.length() > 5) + " " + b.flatMap(s -> find(names, "c")) + " " + b.or(() -> Optional.of("x")).get());
        b.ifPresent(s -> System.out.println("present: " + s));
        z.ifPresentOrElse(s -> System.out.println("no"), () -> System.out.println("absent"));
        try {
            z.get();
        } catch (java.util.NoSuchElementException e) {
            System.out.println("NSEE: " + e.getMessage());
        }
        try {
            z.orElseThrow(() -> new IllegalStateException("custom missing"));
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(Optional.ofNullable(null) + " " + Optional.ofNullable("v") + " " + Optional.of(1).equals(Optional.of(1)) + " " + Optional.of("h").hashCode() + " " + Optional.empty().hashCode());
        OptionalInt oi = OptionalInt.of(5);
        System.out.println(oi + " " + OptionalInt.empty() + " " + oi.getAsInt() + " " + OptionalInt.empty().orElse(-1));
        StringJoiner sj = new StringJoiner(", ", "{", "}");
        System.out.println(sj + " " + sj.length());
        sj.setEmptyValue("EMPTY");
        System.out.println(sj);
        for (String n : names) {
            sj.add(n);
        }
        sj.add(null);
        System.out.println(sj + " " + sj.length());
        StringJoiner other = new StringJoiner("-");
        other.add("x").add("y");
        sj.merge(other);
        System.out.println(sj);
        StringJoiner plain = new StringJoiner("|");
        System.out.println("[" + plain + "] " + plain.add("only"));
        List<Integer> ints = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ints.add(i);
        }
        System.out.println(List.of(1, 2, 3).contains(2) + " " + List.of(1, 2, 3).indexOf(3) + " " + List.of() + " " + List.of(1, 2).equals(ints.subList(1, 3)) + " " + List.of(1, 2).equals(ints.subList(0, 2))
                + " " + java.util.Set.of(3).contains(3) + " " + java.util.Set.of("a", "b").size() + " " + java.util.Map.of("k", "v").get("k"));
        System.out.println(Integer.compare(3, 4) + " " + Boolean.logicalXor(true, false) + " " + Character.getNumericValue('7') + " " + String.valueOf((Object) null) + " " + Objects.requireNonNullElseGet(null, () -> 5));
    }
}
