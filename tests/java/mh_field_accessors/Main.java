// A row mapper that fills plain objects from string rows through field method handles, as fast
// ORMs and CSV readers do: findGetter/findSetter for instance fields of each primitive type and
// of object types, findStaticGetter/findStaticSetter for a static counter, unreflectGetter and
// unreflectSetter for fields found by reflection, the handle types they have, and the errors
// for missing fields, wrong static-ness, final fields and wrongly typed values.
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Main {
    static class Trade {
        static int rowsMapped;
        static final String SCHEMA = "trades-v2";

        String symbol;
        int quantity;
        long orderId;
        double price;
        float fee;
        boolean buy;
        char venue;
        short lot;
        byte flags;
        Integer parent;
        final String source = "feed";

        @Override
        public String toString() {
            return (buy ? "BUY " : "SELL ") + quantity + " " + symbol + " @ " + price + " fee " + fee + " id " + orderId
                    + " venue " + venue + " lot " + lot + " flags " + flags + " parent " + parent;
        }
    }

    static final class Column {
        final String name;
        final Class<?> type;
        final MethodHandle setter;
        final MethodHandle getter;

        Column(String name, Class<?> type, MethodHandle setter, MethodHandle getter) {
            this.name = name;
            this.type = type;
            this.setter = setter;
            this.getter = getter;
        }
    }

    static Object parse(Class<?> type, String s) {
        return switch (type.getName()) {
            case "int" -> Integer.parseInt(s);
            case "long" -> Long.parseLong(s);
            case "double" -> Double.parseDouble(s);
            case "float" -> Float.parseFloat(s);
            case "boolean" -> s.equals("B");
            case "char" -> s.charAt(0);
            case "short" -> Short.parseShort(s);
            case "byte" -> Byte.parseByte(s);
            case "java.lang.Integer" -> s.isEmpty() ? null : Integer.valueOf(s);
            default -> s;
        };
    }

    public static void main(String[] args) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        String[] header = {"symbol", "quantity", "orderId", "price", "fee", "buy", "venue", "lot", "flags", "parent"};
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String name : header) {
            Field f = Trade.class.getDeclaredField(name);
            MethodHandle setter = lookup.findSetter(Trade.class, name, f.getType());
            MethodHandle getter = lookup.unreflectGetter(f);
            columns.put(name, new Column(name, f.getType(), setter, getter));
            System.out.println(name + ": setter " + setter.type() + ", getter " + getter.type());
        }
        MethodHandle counterGet = lookup.findStaticGetter(Trade.class, "rowsMapped", int.class);
        MethodHandle counterSet = lookup.findStaticSetter(Trade.class, "rowsMapped", int.class);
        System.out.println("static: " + counterGet.type() + " " + counterSet.type());

        String[] rows = {
            "ACME,100,9000000001,12.5,0.25,B,X,10,3,",
            "INIT,7,9000000002,101.75,1.5,S,N,1,0,1",
            "ZETA,-3,9000000003,0.001,0,B,L,100,-1,2",
        };
        List<Trade> trades = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            Trade t = new Trade();
            for (int i = 0; i < header.length; i++) {
                Column c = columns.get(header[i]);
                c.setter.invoke(t, parse(c.type, cells[i]));
            }
            counterSet.invokeExact((int) counterGet.invokeExact() + 1);
            trades.add(t);
        }
        for (Trade t : trades) {
            System.out.println(t);
        }
        System.out.println("rows mapped: " + (int) counterGet.invokeExact());

        MethodHandle qty = columns.get("quantity").getter;
        MethodHandle price = columns.get("price").getter;
        double notional = 0;
        for (Trade t : trades) {
            notional += (int) qty.invokeExact(t) * (double) price.invokeExact(t);
        }
        System.out.printf("notional %.4f%n", notional);
        StringBuilder sb = new StringBuilder();
        for (Column c : columns.values()) {
            sb.append(c.name).append('=').append(c.getter.invoke(trades.get(1))).append(' ');
        }
        System.out.println(sb.toString().trim());

        MethodHandle setQty = columns.get("quantity").setter;
        MethodHandle setParent = columns.get("parent").setter;
        Trade t = trades.get(0);
        String[] labels = {"short into int", "long into int", "Integer into int", "null into int", "String into int",
            "int into Integer", "Long into Integer", "exact with Object", "setter on null"};
        for (int i = 0; i < labels.length; i++) {
            try {
                switch (i) {
                    case 0 -> setQty.invoke(t, (short) 5);
                    case 1 -> setQty.invoke(t, 5L);
                    case 2 -> setQty.invoke(t, Integer.valueOf(6));
                    case 3 -> setQty.invoke(t, (Integer) null);
                    case 4 -> setQty.invoke(t, "7");
                    case 5 -> setParent.invoke(t, 8);
                    case 6 -> setParent.invoke(t, 9L);
                    case 7 -> setQty.invokeExact((Object) t, 10);
                    case 8 -> setQty.invoke((Trade) null, 11);
                    default -> throw new AssertionError();
                }
                System.out.println(labels[i] + ": quantity " + t.quantity + " parent " + t.parent);
            } catch (RuntimeException e) {
                System.out.println(labels[i] + ": " + e.getClass().getSimpleName()
                        + (e instanceof NullPointerException ? "" : ": " + e.getMessage()));
            }
        }

        System.out.println("lookup errors:");
        String[] cases = {"missing field", "wrong type", "static as instance", "instance as static", "final setter",
            "final getter", "static final setter", "static final getter", "unreflectSetter final"};
        for (int i = 0; i < cases.length; i++) {
            try {
                MethodHandle h = switch (i) {
                    case 0 -> lookup.findGetter(Trade.class, "volume", int.class);
                    case 1 -> lookup.findGetter(Trade.class, "quantity", long.class);
                    case 2 -> lookup.findGetter(Trade.class, "rowsMapped", int.class);
                    case 3 -> lookup.findStaticGetter(Trade.class, "quantity", int.class);
                    case 4 -> lookup.findSetter(Trade.class, "source", String.class);
                    case 5 -> lookup.findGetter(Trade.class, "source", String.class);
                    case 6 -> lookup.findStaticSetter(Trade.class, "SCHEMA", String.class);
                    case 7 -> lookup.findStaticGetter(Trade.class, "SCHEMA", String.class);
                    case 8 -> lookup.unreflectSetter(Trade.class.getDeclaredField("source"));
                    default -> throw new AssertionError();
                };
                System.out.println("  " + cases[i] + ": found " + h.type());
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // The message ends in ", from class Main (unnamed module @<identity hash>)": cut it there.
                String m = e.getMessage();
                int from = m.indexOf(", from ");
                System.out.println("  " + cases[i] + ": " + e.getClass().getSimpleName() + ": " + (from < 0 ? m : m.substring(0, from)));
            }
        }
        MethodHandle schema = lookup.findStaticGetter(Trade.class, "SCHEMA", String.class);
        System.out.println("schema " + (String) schema.invokeExact());
        Field src = Trade.class.getDeclaredField("source");
        src.setAccessible(true);
        MethodHandle srcSetter = lookup.unreflectSetter(src);
        srcSetter.invoke(t, "manual");
        System.out.println("final field via accessible unreflectSetter: " + src.get(t) + " type " + srcSetter.type());
        MethodHandle arrayGet = MethodHandles.arrayElementGetter(long[].class);
        MethodHandle arraySet = MethodHandles.arrayElementSetter(long[].class);
        long[] ids = new long[trades.size()];
        for (int i = 0; i < ids.length; i++) {
            arraySet.invokeExact(ids, i, (long) columns.get("orderId").getter.invokeExact(trades.get(i)));
        }
        System.out.println("ids " + java.util.Arrays.toString(ids) + " last " + (long) arrayGet.invokeExact(ids, 2) + " "
                + arrayGet.type() + " " + arraySet.type());
        try {
            arrayGet.invoke(ids, 3);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("element 3: " + e.getMessage());
        }
    }
}
