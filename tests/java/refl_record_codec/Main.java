// A reflective record codec like JSON libraries have for Java 16+ records: encoding reads
// each component through getRecordComponents and its accessor, decoding finds the canonical
// constructor from the component types and calls it (compact constructors validate and the
// InvocationTargetException is reported), nested records and enums are handled recursively,
// and records are told apart from ordinary classes (isRecord, getRecordComponents null).
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Main {
    enum Currency { EUR, USD, JPY }

    record Money(long cents, Currency currency) {
        Money {
            if (cents < 0) {
                throw new IllegalArgumentException("negative amount: " + cents);
            }
        }

        static Money zero() {
            return new Money(0, Currency.EUR);
        }
    }

    record Address(String street, String city, int zip) {
    }

    record Customer(String name, Address address, boolean vip, double score, char grade) {
        Customer(String name) {
            this(name, null, false, 0, 'C');
        }
    }

    record Order(int id, Customer customer, Money total, List<String> items) {
        public String summary() {
            return id + ":" + customer.name();
        }

        @Override
        public Money total() {
            return total == null ? Money.zero() : total;
        }
    }

    record Empty() {
    }

    static class NotARecord {
        int x = 1;
    }

    static Object encode(Object value) throws ReflectiveOperationException {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean
                || value instanceof Character) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(encode(o));
            }
            return out;
        }
        Class<?> c = value.getClass();
        if (!c.isRecord()) {
            throw new IllegalArgumentException("cannot encode " + c.getName());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent rc : c.getRecordComponents()) {
            map.put(rc.getName(), encode(rc.getAccessor().invoke(value)));
        }
        return map;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object decode(Class<?> type, Object data) throws ReflectiveOperationException {
        if (data == null) {
            return null;
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class) type, (String) data);
        }
        if (type == long.class) {
            return ((Number) data).longValue();
        }
        if (!type.isRecord()) {
            return data;
        }
        Map<String, Object> map = (Map<String, Object>) data;
        RecordComponent[] rcs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rcs.length];
        Object[] args = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            args[i] = decode(types[i], map.get(rcs[i].getName()));
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(args);
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> c : new Class<?>[] {Money.class, Address.class, Customer.class, Order.class, Empty.class}) {
            StringBuilder sb = new StringBuilder(c.getSimpleName() + " record=" + c.isRecord()
                    + " final=" + Modifier.isFinal(c.getModifiers()) + " super=" + c.getSuperclass().getName() + " (");
            for (RecordComponent rc : c.getRecordComponents()) {
                Method acc = rc.getAccessor();
                sb.append(rc.getType().getSimpleName()).append(' ').append(rc.getName())
                        .append(acc.getDeclaringClass() == c ? "" : "?")
                        .append(Modifier.toString(acc.getModifiers()).equals("public") ? "" : " accessor " + Modifier.toString(acc.getModifiers()))
                        .append("; ");
            }
            System.out.println(sb.append(")"));
            StringBuilder ks = new StringBuilder("  constructors:");
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                ks.append(" ").append(k.getParameterCount());
            }
            System.out.println(ks);
        }
        System.out.println("NotARecord: " + NotARecord.class.isRecord() + " " + NotARecord.class.getRecordComponents()
                + "; Record itself: " + Record.class.isRecord() + "; enum: " + Currency.class.isRecord());

        Order order = new Order(17, new Customer("Grace", new Address("1 Loop St", "Arlington", 22201), true, 9.5, 'A'),
                new Money(123456, Currency.USD), List.of("keyboard", "mouse"));
        Object encoded = encode(order);
        System.out.println("encoded: " + encoded);
        Order back = (Order) decode(Order.class, encoded);
        System.out.println("decoded: " + back);
        System.out.println("equal: " + back.equals(order) + ", hash equal: " + (back.hashCode() == order.hashCode())
                + ", summary " + back.summary());

        Order noTotal = new Order(18, new Customer("Linus"), null, List.of());
        System.out.println("overridden accessor: " + encode(noTotal));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("cents", -5L);
        bad.put("currency", "JPY");
        try {
            decode(Money.class, bad);
        } catch (InvocationTargetException e) {
            System.out.println("compact constructor rejected: " + e.getCause());
        }
        bad.put("cents", 5L);
        bad.put("currency", "GBP");
        try {
            decode(Money.class, bad);
        } catch (IllegalArgumentException e) {
            System.out.println("unknown constant: " + e.getMessage());
        }
        try {
            encode(new NotARecord());
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Map<String, Object> wrongType = new LinkedHashMap<>();
        wrongType.put("street", "x");
        wrongType.put("city", 12);
        wrongType.put("zip", 1);
        try {
            decode(Address.class, wrongType);
        } catch (IllegalArgumentException e) {
            System.out.println("wrong component type: " + e.getMessage());
        }
        wrongType.put("city", "y");
        wrongType.remove("zip");
        try {
            decode(Address.class, wrongType);
        } catch (IllegalArgumentException e) {
            System.out.println("missing primitive component: " + e);
        }

        RecordComponent zip = Address.class.getRecordComponents()[2];
        Address a = new Address("s", "c", 7);
        System.out.println(zip + " | " + zip.getDeclaringRecord().getSimpleName() + " | " + zip.getAccessor()
                + " = " + zip.getAccessor().invoke(a));
        Method summary = Order.class.getMethod("summary");
        System.out.println("summary via reflection: " + summary.invoke(back));
        try {
            zip.getAccessor().invoke(order);
        } catch (IllegalArgumentException e) {
            System.out.println("accessor on the wrong record: " + e.getMessage());
        }
        System.out.println("empty: " + encode(new Empty()) + " " + decode(Empty.class, new LinkedHashMap<>()));
        java.lang.reflect.Field[] fields = Money.class.getDeclaredFields();
        System.out.print("fields of Money:");
        for (java.lang.reflect.Field f : fields) {
            System.out.print(" " + Modifier.toString(f.getModifiers()) + " " + f.getName());
        }
        System.out.println();
    }

}
