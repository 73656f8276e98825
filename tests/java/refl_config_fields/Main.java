// A properties-file binder such as configuration libraries have: "key=value" lines are parsed
// and stored into the fields of settings objects by name through java.lang.reflect.Field
// (private fields made accessible, every primitive type, boxed types, enums, strings), with the
// typed setters (setInt on a long field widens, the reverse is refused), static and final
// fields, and the exception messages that a misconfigured key produces. Then the settings are
// dumped back through Field.get and the typed getters.
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

public class Main {
    enum Mode { DEVELOPMENT, PRODUCTION }

    static class ServerSettings {
        private String host = "localhost";
        private int port = 8080;
        private long maxUploadBytes = 1 << 20;
        private short backlog = 50;
        private byte retries = 3;
        private char separator = ';';
        private boolean tls;
        private float loadFactor = 0.75f;
        private double timeoutSeconds = 2.5;
        private Integer workers;
        private Boolean debug;
        private Mode mode = Mode.DEVELOPMENT;
        private final String name = "default";
        private final int generation;
        static int instances;
        static final String VERSION = "1.0";
        static final List<String> PLUGINS = new ArrayList<>();

        ServerSettings() {
            generation = ++instances;
        }
    }

    @SuppressWarnings("unchecked")
    static Object convert(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        } else if (type == int.class || type == Integer.class) {
            return Integer.valueOf(text);
        } else if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        } else if (type == short.class || type == Short.class) {
            return Short.valueOf(text);
        } else if (type == byte.class || type == Byte.class) {
            return Byte.valueOf(text);
        } else if (type == char.class || type == Character.class) {
            if (text.length() != 1) {
                throw new IllegalArgumentException("not a single character: \"" + text + "\"");
            }
            return text.charAt(0);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(text);
        } else if (type == float.class || type == Float.class) {
            return Float.valueOf(text);
        } else if (type == double.class || type == Double.class) {
            return Double.valueOf(text);
        } else if (type.isEnum()) {
            return Enum.valueOf(type.asSubclass(Enum.class), text.toUpperCase());
        }
        throw new IllegalArgumentException("unsupported type " + type.getName());
    }

    static void bind(Object target, String config) {
        for (String line : config.split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            try {
                Field f = target.getClass().getDeclaredField(key);
                f.setAccessible(true);
                Object converted = convert(f.getType(), value);
                f.set(Modifier.isStatic(f.getModifiers()) ? null : target, converted);
                System.out.println("  " + key + " <- " + converted);
            } catch (NoSuchFieldException e) {
                System.out.println("  unknown key: " + e.getMessage());
            } catch (NumberFormatException e) {
                System.out.println("  bad number for " + key + ": " + e.getMessage());
            } catch (IllegalArgumentException | IllegalAccessException e) {
                System.out.println("  cannot set " + key + ": " + e);
            }
        }
    }

    static void dump(Object target) throws IllegalAccessException {
        for (Field f : target.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            Object v = f.get(Modifier.isStatic(f.getModifiers()) ? null : target);
            System.out.println("  " + Modifier.toString(f.getModifiers()) + " " + f.getType().getSimpleName() + " "
                    + f.getName() + " = " + v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")"));
        }
    }

    interface FieldOp {
        String run(Field f, Object target) throws Exception;
    }

    static void typed(String what, String field, Object target, FieldOp op) {
        try {
            Field f = ServerSettings.class.getDeclaredField(field);
            f.setAccessible(true);
            System.out.println(what + " " + field + " -> " + op.run(f, target));
        } catch (NullPointerException e) {
            System.out.println(what + " " + field + " -> NullPointerException");
        } catch (Exception e) {
            System.out.println(what + " " + field + " -> " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        ServerSettings s = new ServerSettings();
        System.out.println("defaults:");
        dump(s);
        String config = String.join("\n",
                "# production settings",
                "host = example.org",
                "port = 443",
                "maxUploadBytes = 10737418240",
                "backlog = 200",
                "retries = 5",
                "separator = ,",
                "tls = true",
                "loadFactor = 0.9",
                "timeoutSeconds = 30",
                "workers = 16",
                "debug = false",
                "mode = production",
                "name = custom",
                "generation = 7",
                "instances = 100",
                "VERSION = 2.0",
                "retries = 300",
                "port = eighty",
                "separator = ::",
                "colour = blue",
                "PLUGINS = x");
        System.out.println("binding:");
        bind(s, config);
        System.out.println("after binding:");
        dump(s);

        System.out.println("typed accessors:");
        typed("getInt", "port", s, (f, t) -> "" + f.getInt(t));
        typed("getLong", "port", s, (f, t) -> "" + f.getLong(t));
        typed("getDouble", "port", s, (f, t) -> "" + f.getDouble(t));
        typed("getShort", "port", s, (f, t) -> "" + f.getShort(t));
        typed("getInt", "separator", s, (f, t) -> "" + f.getInt(t));
        typed("getChar", "retries", s, (f, t) -> "" + f.getChar(t));
        typed("getFloat", "maxUploadBytes", s, (f, t) -> "" + f.getFloat(t));
        typed("getBoolean", "tls", s, (f, t) -> "" + f.getBoolean(t));
        typed("getInt", "tls", s, (f, t) -> "" + f.getInt(t));
        typed("getInt", "workers", s, (f, t) -> "" + f.getInt(t));
        typed("getInt", "host", s, (f, t) -> "" + f.getInt(t));
        typed("setLong", "maxUploadBytes", s, (f, t) -> { f.setLong(t, -1L); return "" + f.get(t); });
        typed("setInt", "maxUploadBytes", s, (f, t) -> { f.setInt(t, 77); return "" + f.get(t); });
        typed("setChar", "port", s, (f, t) -> { f.setChar(t, 'P'); return "" + f.get(t); });
        typed("setByte", "backlog", s, (f, t) -> { f.setByte(t, (byte) -7); return "" + f.get(t); });
        typed("setShort", "separator", s, (f, t) -> { f.setShort(t, (short) 65); return "" + f.get(t); });
        typed("setLong", "port", s, (f, t) -> { f.setLong(t, 1L); return "" + f.get(t); });
        typed("setFloat", "timeoutSeconds", s, (f, t) -> { f.setFloat(t, 0.1f); return "" + f.get(t); });
        typed("setDouble", "loadFactor", s, (f, t) -> { f.setDouble(t, 0.5); return "" + f.get(t); });
        typed("setBoolean", "retries", s, (f, t) -> { f.setBoolean(t, true); return "" + f.get(t); });
        typed("setInt", "workers", s, (f, t) -> { f.setInt(t, 4); return "" + f.get(t); });
        typed("set", "port", s, (f, t) -> { f.set(t, (byte) 12); return "" + f.get(t); });
        typed("set", "port", s, (f, t) -> { f.set(t, 12L); return "" + f.get(t); });
        typed("set", "port", s, (f, t) -> { f.set(t, null); return "" + f.get(t); });
        typed("set", "workers", s, (f, t) -> { f.set(t, null); return "" + f.get(t); });
        typed("set", "workers", s, (f, t) -> { f.set(t, (short) 3); return "" + f.get(t); });
        typed("set", "mode", s, (f, t) -> { f.set(t, "DEVELOPMENT"); return "" + f.get(t); });
        typed("set", "host", s, (f, t) -> { f.set("a string", "x"); return "" + f.get(t); });
        typed("get", "host", null, (f, t) -> "" + f.get(t));
        typed("setInt", "generation", s, (f, t) -> { f.setInt(t, 99); return "" + f.get(t); });
        typed("set", "VERSION", null, (f, t) -> { f.set(t, "3.0"); return "" + f.get(t); });
        typed("setInt", "instances", null, (f, t) -> { f.setInt(t, 5); return "" + f.get(t) + " / " + ServerSettings.instances; });
        typed("get", "PLUGINS", null, (f, t) -> { ((List<Object>) f.get(t)).add("metrics"); return "" + f.get(t); });
        typed("set", "PLUGINS", null, (f, t) -> { f.set(t, new ArrayList<String>()); return "" + f.get(t); });

        Field name = ServerSettings.class.getDeclaredField("name");
        try {
            name.set(s, "unaccessible");
        } catch (IllegalAccessException e) {
            System.out.println("without setAccessible: " + e.getMessage());
        }
        Field port = ServerSettings.class.getDeclaredField("port");
        try {
            port.getInt(s);
            System.out.println("private field read from the nest host: allowed");
        } catch (IllegalAccessException e) {
            System.out.println("private field read: " + e.getMessage());
        }
        System.out.println("final field name through the object: " + s.name + "; generation " + s.generation);
    }
}
