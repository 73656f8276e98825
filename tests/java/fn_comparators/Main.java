import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

public class Main {
    static class Employee implements Comparable<Employee> {
        final String name;
        final String dept;
        final int age;
        final double salary;

        Employee(String name, String dept, int age, double salary) {
            this.name = name;
            this.dept = dept;
            this.age = age;
            this.salary = salary;
        }

        String getName() { return name; }
        String getDept() { return dept; }
        int getAge() { return age; }
        double getSalary() { return salary; }

        @Override public int compareTo(Employee o) { return name.compareTo(o.name); }
        @Override public String toString() { return name + "(" + dept + "," + age + "," + salary + ")"; }
    }

    static List<Employee> staff() {
        List<Employee> l = new ArrayList<>();
        l.add(new Employee("Mia", "eng", 31, 120.5));
        l.add(new Employee("Bob", "ops", 45, 90.0));
        l.add(new Employee("Zoe", "eng", 25, 99.9));
        l.add(new Employee("Al", "sales", 31, 70.0));
        l.add(new Employee("Eve", "ops", 38, 90.0));
        l.add(new Employee("Dan", "eng", 31, 130.0));
        l.add(new Employee("Cy", "sales", 52, 88.8));
        return l;
    }

    public static void main(String[] args) {
        List<Employee> l = staff();
        Collections.sort(l);
        System.out.println("natural: " + l);
        l.sort(Comparator.comparing(Employee::getDept).thenComparing(Employee::getAge).thenComparing(Employee::getName));
        System.out.println("dept,age,name: " + l);
        l.sort(Comparator.comparingDouble(Employee::getSalary).reversed().thenComparing(Comparator.naturalOrder()));
        System.out.println("salary desc: " + l);
        l.sort(Comparator.comparingInt(Employee::getAge).thenComparing(Employee::getName, Comparator.reverseOrder()));
        System.out.println("age, name desc: " + l);
        l.sort(Comparator.comparing(e -> e.getName().length()));
        System.out.println("name length (stable): " + l);
        l.sort(Collections.reverseOrder());
        System.out.println("reverse natural: " + l);
        Employee[] arr = staff().toArray(new Employee[0]);
        Arrays.sort(arr, new Comparator<Employee>() {
            @Override public int compare(Employee a, Employee b) {
                int c = Double.compare(a.salary, b.salary);
                return c != 0 ? c : a.name.compareTo(b.name);
            }
        });
        System.out.println("anonymous comparator: " + Arrays.toString(arr));
        System.out.println("max age " + Collections.max(l, Comparator.comparingInt(Employee::getAge)) + " min name " + Collections.min(l));
        List<String> words = new ArrayList<>(List.of("delta", "Alpha", "charlie", "bravo", "Echo", "alpha", "b"));
        words.sort(null);
        System.out.println(words);
        words.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.reverseOrder()));
        System.out.println(words);
        words.sort(Comparator.comparing(String::length).thenComparing((String s) -> s.toLowerCase()));
        System.out.println(words);
        List<String> withNulls = new ArrayList<>(Arrays.asList("b", null, "a", null, "c"));
        withNulls.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
        System.out.println(withNulls);
        withNulls.sort(Comparator.nullsLast(Comparator.<String>naturalOrder().reversed()));
        System.out.println(withNulls);
        Comparator<Employee> byDept = Comparator.comparing(Employee::getDept);
        System.out.println(byDept.compare(l.get(0), l.get(1)) + " " + Comparator.<Integer>naturalOrder().compare(3, 7) + " " + Comparator.<Integer>reverseOrder().compare(3, 7));
        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            nums.add((i * 37) % 50 - 25);
        }
        nums.sort(Comparator.comparing(Math::abs));
        System.out.println(nums);
        Collections.sort(nums);
        System.out.println(Collections.binarySearch(nums, 7) + " " + Collections.binarySearch(nums, 100));
        try {
            List<Object> mixed = new ArrayList<>(List.of("a", 1));
            Collections.sort((List) mixed);
        } catch (ClassCastException e) {
            System.out.println("CCE: " + e.getMessage());
        }
    }
}
