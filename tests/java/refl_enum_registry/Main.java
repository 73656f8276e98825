// Enums seen through reflection, as option parsers and ORMs handle them: getEnumConstants of
// enum classes (and null for others), valueOf by class and by the generated static valueOf
// called reflectively, constants with bodies (their own anonymous classes: isEnum false,
// getDeclaringClass the enum), fields of constants (isEnumConstant), calling abstract methods
// implemented per constant through Method.invoke, EnumMap/EnumSet built from a Class, and the
// refusal to instantiate an enum reflectively.
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

public class Main {
    interface Described {
        String describe();
    }

    enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }

    enum Operation implements Described {
        ADD("+") {
            public long apply(long a, long b) {
                return a + b;
            }
        },
        SUBTRACT("-") {
            public long apply(long a, long b) {
                return a - b;
            }

            @Override
            public String describe() {
                return "minus";
            }
        },
        MULTIPLY("*") {
            public long apply(long a, long b) {
                return a * b;
            }
        },
        DIVIDE("/") {
            public long apply(long a, long b) {
                return a / b;
            }
        };

        private final String symbol;

        Operation(String symbol) {
            this.symbol = symbol;
        }

        public abstract long apply(long a, long b);

        public String describe() {
            return name().toLowerCase() + " (" + symbol + ")";
        }
    }

    enum Singleton {
        INSTANCE;

        int counter;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            System.out.println("  parse(" + type.getSimpleName() + ", \"" + text + "\"): " + e.getMessage());
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> c : new Class<?>[] {LogLevel.class, Operation.class, Singleton.class, Thread.State.class,
                String.class, Operation.ADD.getClass(), Operation.SUBTRACT.getClass()}) {
            Object[] constants = c.getEnumConstants();
            System.out.println(c.getName() + ": isEnum " + c.isEnum() + ", constants "
                    + (constants == null ? "null" : java.util.Arrays.toString(constants))
                    + ", abstract " + Modifier.isAbstract(c.getModifiers()) + ", final " + Modifier.isFinal(c.getModifiers()));
        }

        System.out.println("parsing:");
        System.out.println("  " + parse(LogLevel.class, " warn ") + " " + parse(Operation.class, "divide"));
        parse(LogLevel.class, "fatal");
        parse(LogLevel.class, "");
        try {
            Enum.valueOf(LogLevel.class, null);
        } catch (NullPointerException e) {
            System.out.println("  valueOf null: " + e.getMessage());
        }
        Method valueOf = LogLevel.class.getMethod("valueOf", String.class);
        System.out.println("  reflective valueOf: " + valueOf.invoke(null, "INFO") + ", modifiers " + Modifier.toString(valueOf.getModifiers()));
        try {
            valueOf.invoke(null, "Info");
        } catch (InvocationTargetException e) {
            System.out.println("  reflective valueOf failed: " + e.getCause());
        }
        Method values = LogLevel.class.getMethod("values");
        LogLevel[] v1 = (LogLevel[]) values.invoke(null);
        LogLevel[] v2 = (LogLevel[]) values.invoke(null);
        v1[0] = null;
        System.out.println("  values() copies: " + (v1 != v2) + " " + v2[0] + ", getEnumConstants copies: "
                + (LogLevel.class.getEnumConstants() != LogLevel.class.getEnumConstants()));

        System.out.println("constant bodies:");
        for (Operation op : Operation.values()) {
            Class<?> body = op.getClass();
            System.out.println("  " + op + " class " + body.getName() + " super " + body.getSuperclass().getSimpleName()
                    + " declaring " + op.getDeclaringClass().getSimpleName() + " anonymous " + body.isAnonymousClass()
                    + " enclosing " + body.getEnclosingClass().getSimpleName() + " -> " + op.describe()
                    + " apply(12,4)=" + body.getMethod("apply", long.class, long.class).invoke(op, 12L, 4L)
                    + " declares " + body.getDeclaredMethods().length + " methods");
        }
        Method apply = Operation.class.getMethod("apply", long.class, long.class);
        System.out.println("  abstract apply: " + Modifier.toString(apply.getModifiers()) + ", invoke on MULTIPLY "
                + apply.invoke(Operation.MULTIPLY, 6, 7));
        try {
            apply.invoke(Operation.DIVIDE, 1L, 0L);
        } catch (InvocationTargetException e) {
            System.out.println("  DIVIDE by zero: " + e.getCause());
        }
        Method describe = Described.class.getMethod("describe");
        for (Operation op : EnumSet.range(Operation.ADD, Operation.SUBTRACT)) {
            System.out.println("  through the interface: " + describe.invoke(op));
        }

        System.out.println("fields:");
        for (Field f : Operation.class.getDeclaredFields()) {
            System.out.println("  " + Modifier.toString(f.getModifiers()) + " " + f.getType().getSimpleName() + " " + f.getName()
                    + (f.isEnumConstant() ? " = constant of class " + f.get(null).getClass().getName() : "")
                    + (f.isSynthetic() ? " (synthetic)" : ""));
        }
        Field symbol = Operation.class.getDeclaredField("symbol");
        System.out.println("  symbol of MULTIPLY " + symbol.get(Operation.MULTIPLY));
        Field counter = Singleton.class.getDeclaredField("counter");
        counter.setInt(Singleton.INSTANCE, 41);
        counter.setInt(Singleton.INSTANCE, counter.getInt(Singleton.INSTANCE) + 1);
        System.out.println("  singleton counter " + Singleton.INSTANCE.counter);
        Field info = LogLevel.class.getField("INFO");
        try {
            info.set(null, LogLevel.ERROR);
        } catch (IllegalAccessException e) {
            System.out.println("  " + e.getMessage());
        }

        System.out.println("collections:");
        EnumSet<LogLevel> loud = EnumSet.noneOf(LogLevel.class);
        for (LogLevel l : LogLevel.class.getEnumConstants()) {
            if (l.compareTo(LogLevel.INFO) >= 0) {
                loud.add(l);
            }
        }
        System.out.println("  " + loud + " complement " + EnumSet.complementOf(loud));
        Map<Operation, Integer> uses = new EnumMap<>(Operation.class);
        uses.put(Operation.DIVIDE, 1);
        uses.put(Operation.ADD, 2);
        System.out.println("  " + uses + " keys ordinal-ordered");
        System.out.println("  compare: " + Operation.SUBTRACT.compareTo(Operation.DIVIDE) + " ordinal " + Operation.DIVIDE.ordinal()
                + " " + LogLevel.class.cast(LogLevel.DEBUG));

        System.out.println("instantiation:");
        Constructor<?> k = LogLevel.class.getDeclaredConstructors()[0];
        System.out.println("  constructor " + k + " params " + k.getParameterCount());
        k.setAccessible(true);
        try {
            k.newInstance("EXTRA", 5);
        } catch (IllegalArgumentException e) {
            System.out.println("  newInstance: " + e.getMessage());
        }
        try {
            LogLevel.class.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            System.out.println("  no-arg: NoSuchMethodException " + e.getMessage());
        }
    }
}
