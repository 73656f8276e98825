// A small JavaBeans introspector of the kind web frameworks and mappers carry: properties found
// from public getX/isX/setX methods (getMethods, inherited ones included), values read and
// written through Method.invoke with boxing and unboxing, a copyProperties between beans of
// different classes, a toString built from the properties, and a setter that validates and
// throws (InvocationTargetException carrying the cause).
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    public static class Entity {
        private long id;
        private int version;

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }
    }

    public static class Customer extends Entity {
        private String name;
        private boolean active;
        private double balance;
        private char tier = 'B';
        private List<String> tags = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
            this.name = name;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public double getBalance() {
            return balance;
        }

        public void setBalance(double balance) {
            this.balance = balance;
        }

        public char getTier() {
            return tier;
        }

        public void setTier(char tier) {
            this.tier = tier;
        }

        public List<String> getTags() {
            return tags;
        }

        public String getDisplayName() {
            return name + (active ? "" : " (inactive)");
        }

        public void setNickname(String n) {
        }

        public static Customer create() {
            return new Customer();
        }

        public String get() {
            return "not a property";
        }

        public void setBalance(String s) {
            this.balance = Double.parseDouble(s);
        }
    }

    public static class CustomerDto {
        private String name;
        private Boolean active;
        private double balance;
        private Integer version;
        private String tier;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Boolean getActive() {
            return active;
        }

        public void setActive(Boolean active) {
            this.active = active;
        }

        public double getBalance() {
            return balance;
        }

        public void setBalance(double balance) {
            this.balance = balance;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }

        public String getTier() {
            return tier;
        }

        public void setTier(String tier) {
            this.tier = tier;
        }
    }

    static final class Property {
        final String name;
        Method getter;
        Method setter;

        Property(String name) {
            this.name = name;
        }

        Class<?> type() {
            return getter != null ? getter.getReturnType() : setter.getParameterTypes()[0];
        }
    }

    static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static Map<String, Property> introspect(Class<?> c) {
        Map<String, Property> props = new TreeMap<>();
        for (Method m : c.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            int pc = m.getParameterCount();
            if (n.startsWith("get") && n.length() > 3 && pc == 0 && m.getReturnType() != void.class) {
                props.computeIfAbsent(decapitalize(n.substring(3)), Property::new).getter = m;
            } else if (n.startsWith("is") && n.length() > 2 && pc == 0 && m.getReturnType() == boolean.class) {
                props.computeIfAbsent(decapitalize(n.substring(2)), Property::new).getter = m;
            }
        }
        for (Method m : c.getMethods()) {
            String n = m.getName();
            if (n.startsWith("set") && n.length() > 3 && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                Property p = props.computeIfAbsent(decapitalize(n.substring(3)), Property::new);
                if (p.getter == null || p.getter.getReturnType() == m.getParameterTypes()[0]) {
                    p.setter = m;
                }
            }
        }
        return props;
    }

    static String describe(Object bean) throws ReflectiveOperationException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Property p : introspect(bean.getClass()).values()) {
            if (p.getter != null) {
                values.put(p.name, p.getter.invoke(bean));
            }
        }
        return bean.getClass().getSimpleName() + values;
    }

    static List<String> copyProperties(Object from, Object to) throws ReflectiveOperationException {
        List<String> report = new ArrayList<>();
        Map<String, Property> src = introspect(from.getClass());
        Map<String, Property> dst = introspect(to.getClass());
        for (Property s : src.values()) {
            Property d = dst.get(s.name);
            if (s.getter == null || d == null || d.setter == null) {
                continue;
            }
            Object value = s.getter.invoke(from);
            try {
                d.setter.invoke(to, value);
                report.add(s.name + " copied");
            } catch (IllegalArgumentException e) {
                report.add(s.name + " skipped (" + s.type().getSimpleName() + " -> " + d.type().getSimpleName() + ")");
            } catch (InvocationTargetException e) {
                report.add(s.name + " rejected: " + e.getCause().getMessage());
            }
        }
        return report;
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> c : new Class<?>[] {Customer.class, CustomerDto.class, Entity.class}) {
            System.out.println(c.getSimpleName() + ":");
            for (Property p : introspect(c).values()) {
                System.out.println("  " + p.name + " : " + p.type().getName()
                        + (p.getter == null ? " write-only" : p.setter == null ? " read-only" : " read-write")
                        + (p.getter != null && p.getter.getDeclaringClass() != c ? " (getter from " + p.getter.getDeclaringClass().getSimpleName() + ")" : ""));
            }
        }

        Customer c = new Customer();
        Map<String, Property> props = introspect(Customer.class);
        props.get("id").setter.invoke(c, 42L);
        props.get("version").setter.invoke(c, 3);
        props.get("name").setter.invoke(c, "Ada");
        props.get("active").setter.invoke(c, true);
        props.get("balance").setter.invoke(c, 1250.5);
        props.get("tier").setter.invoke(c, 'A');
        c.getTags().add("vip");
        System.out.println(describe(c));

        CustomerDto dto = new CustomerDto();
        System.out.println(copyProperties(c, dto));
        System.out.println(describe(dto));

        CustomerDto incoming = new CustomerDto();
        incoming.setName("");
        incoming.setBalance(-5);
        incoming.setVersion(9);
        incoming.setActive(Boolean.FALSE);
        Customer target = new Customer();
        System.out.println(copyProperties(incoming, target));
        System.out.println(describe(target));

        Method setVersion = props.get("version").setter;
        Object[][] attempts = {{7}, {(short) 8}, {(byte) 9}, {'x'}, {10L}, {null}, {"11"}, {}, {1, 2}};
        for (Object[] a : attempts) {
            try {
                setVersion.invoke(target, a);
                System.out.println("setVersion" + java.util.Arrays.toString(a) + " -> version " + target.getVersion());
            } catch (IllegalArgumentException e) {
                System.out.println("setVersion" + java.util.Arrays.toString(a) + " -> " + e);
            }
        }
        try {
            setVersion.invoke(dto, 1);
        } catch (IllegalArgumentException e) {
            System.out.println("wrong receiver -> " + e.getMessage());
        }
        try {
            setVersion.invoke(null, 1);
        } catch (NullPointerException e) {
            System.out.println("null receiver -> NullPointerException");
        }
        List<String> names = new ArrayList<>(introspect(Customer.class).keySet());
        Collections.reverse(names);
        System.out.println(names);
    }
}
