// Sorting a staff directory with composed comparators, as reporting code does:
// Comparator.comparing with key extractors and key comparators, thenComparing chains (by key,
// by comparator, by int/long/double), reversed() applied to the whole chain versus to one key,
// nullsFirst/nullsLast for missing departments, naturalOrder/reverseOrder, Map.Entry's
// comparingByKey/comparingByValue, String.CASE_INSENSITIVE_ORDER, stability of List.sort for
// equal elements, and min/max through Collections with the same comparators.
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    record Employee(String name, String dept, int level, long salary, double rating, int hiredYear) {
        @Override
        public String toString() {
            return name;
        }
    }

    static void show(String label, List<Employee> staff, Comparator<Employee> order) {
        List<Employee> copy = new ArrayList<>(staff);
        copy.sort(order);
        System.out.println(label + ": " + copy);
    }

    public static void main(String[] args) {
        List<Employee> staff = List.of(
                new Employee("Mia", "eng", 3, 95_000, 4.5, 2019),
                new Employee("liam", "eng", 2, 80_000, 4.1, 2021),
                new Employee("Zoe", "ops", 3, 70_000, 3.9, 2015),
                new Employee("adam", null, 1, 50_000, 4.8, 2023),
                new Employee("Omar", "eng", 3, 95_000, 4.7, 2017),
                new Employee("eva", "ops", 1, 52_000, 4.1, 2022),
                new Employee("Ian", "sales", 2, 61_000, 3.2, 2020),
                new Employee("bea", null, 2, 64_000, 4.1, 2018));

        show("by name", staff, Comparator.comparing(Employee::name));
        show("by name, case-insensitive", staff, Comparator.comparing(Employee::name, String.CASE_INSENSITIVE_ORDER));
        show("by name reversed", staff, Comparator.comparing(Employee::name, Comparator.reverseOrder()));
        show("dept (nulls first), then name", staff,
                Comparator.comparing(Employee::dept, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Employee::name));
        show("dept (nulls last), then salary desc", staff,
                Comparator.comparing(Employee::dept, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                        .thenComparing(Employee::salary, Comparator.reverseOrder()));
        Comparator<Employee> seniority = Comparator.comparingInt(Employee::level).thenComparingLong(Employee::salary)
                .thenComparingDouble(Employee::rating);
        show("level, salary, rating", staff, seniority);
        show("whole chain reversed", staff, seniority.reversed());
        show("level desc, then salary asc", staff,
                Comparator.comparingInt(Employee::level).reversed().thenComparingLong(Employee::salary));
        show("rating desc, hired asc", staff,
                Comparator.comparingDouble(Employee::rating).reversed().thenComparingInt(Employee::hiredYear));
        show("stable: rating only (equal ratings keep input order)", staff, Comparator.comparingDouble(Employee::rating));
        show("thenComparing(comparator)", staff, Comparator.comparing((Employee e) -> e.name().length())
                .thenComparing(Comparator.comparing(Employee::name, String.CASE_INSENSITIVE_ORDER).reversed()));
        show("nullsLast(reversed) on whole elements", new ArrayList<>(staff), Comparator.nullsLast(seniority.reversed()));
        List<Employee> withNull = new ArrayList<>(staff);
        withNull.add(2, null);
        withNull.sort(Comparator.nullsFirst(Comparator.comparing(Employee::hiredYear)));
        System.out.println("null element first: " + withNull);
        withNull.sort(Comparator.nullsLast(Comparator.comparing(Employee::hiredYear).reversed()));
        System.out.println("null element last: " + withNull);

        System.out.println("min salary " + Collections.min(staff, Comparator.comparingLong(Employee::salary))
                + ", max rating " + Collections.max(staff, Comparator.comparingDouble(Employee::rating))
                + ", max of ties (first wins?) " + Collections.max(staff, Comparator.comparingInt(Employee::level)));

        Map<String, Long> payroll = new TreeMap<>();
        for (Employee e : staff) {
            payroll.merge(String.valueOf(e.dept()), e.salary(), Long::sum);
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(payroll.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        System.out.println("payroll by value: " + entries);
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.println("payroll by value desc: " + entries);
        entries.sort(Map.Entry.comparingByKey(Comparator.reverseOrder()));
        System.out.println("payroll by key desc: " + entries);

        Map<String, List<String>> grouped = new LinkedHashMap<>();
        List<Employee> sorted = new ArrayList<>(staff);
        sorted.sort(Comparator.comparing(Employee::dept, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Employee::level, Comparator.reverseOrder()).thenComparing(Employee::name));
        for (Employee e : sorted) {
            grouped.computeIfAbsent(e.dept() == null ? "(none)" : e.dept(), k -> new ArrayList<>()).add(e.name() + "/L" + e.level());
        }
        System.out.println("grouped: " + grouped);

        Comparator<String> natural = Comparator.naturalOrder();
        Comparator<String> reverse = Comparator.reverseOrder();
        System.out.println("natural.reversed() is reverseOrder: " + (natural.reversed() == reverse)
                + ", reverse.reversed() is naturalOrder: " + (reverse.reversed() == natural)
                + ", compare: " + natural.compare("a", "b") + " " + reverse.compare("a", "b") + " "
                + String.CASE_INSENSITIVE_ORDER.compare("ABC", "abd"));
        try {
            new ArrayList<>(withNull).sort(Comparator.comparing(Employee::name));
        } catch (NullPointerException e) {
            System.out.println("sorting a null without nullsFirst: NullPointerException");
        }
        try {
            List<Employee> noDept = new ArrayList<>(staff);
            noDept.sort(Comparator.comparing(Employee::dept));
        } catch (NullPointerException e) {
            System.out.println("null key without nullsFirst: NullPointerException");
        }
    }
}
