import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    static void write(Object v, StringBuilder out, int indent) {
        String pad = "  ".repeat(indent);
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            out.append(quote(s));
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(pad).append("  ").append(quote(String.valueOf(e.getKey()))).append(": ");
                write(e.getValue(), out, indent + 1);
                out.append(++i < m.size() ? ",\n" : "\n");
            }
            out.append(pad).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean simple = true;
            for (Object o : l) {
                simple &= !(o instanceof Map || o instanceof List);
            }
            if (simple) {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(l.get(i), out, indent);
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                out.append(pad).append("  ");
                write(l.get(i), out, indent + 1);
                out.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            out.append(pad).append(']');
        } else {
            out.append(quote(v.toString()));
        }
    }

    static Object build(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", depth);
        m.put("name", "level-" + depth);
        m.put("ratio", depth / 3.0);
        m.put("even", depth % 2 == 0);
        List<Object> kids = new ArrayList<>();
        if (depth > 0) {
            for (int i = 0; i < 2; i++) {
                kids.add(build(depth - 1));
            }
        }
        m.put("children", kids);
        return m;
    }

    public static void main(String[] args) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", "Report \"Q3\"\n\tdraft");
        doc.put("version", 3);
        doc.put("pi", 3.14159);
        doc.put("big", 1e21);
        doc.put("tiny", 1.0E-7);
        doc.put("long", Long.MIN_VALUE);
        doc.put("ok", true);
        doc.put("missing", null);
        doc.put("unicode", "caf\u00e9 \u65e5\u672c");
        doc.put("tags", List.of("a", "b", "c"));
        doc.put("empty list", List.of());
        doc.put("empty map", Map.of());
        Map<String, Object> sorted = new TreeMap<>();
        sorted.put("zeta", 26);
        sorted.put("alpha", List.of(1, 2.5, "three", false));
        sorted.put("mid", new TreeMap<>(Map.of("x", 1, "y", 2)));
        doc.put("sorted", sorted);
        doc.put("matrix", List.of(List.of(1, 0), List.of(0, 1)));
        doc.put("tree", build(2));
        StringBuilder out = new StringBuilder();
        write(doc, out, 0);
        System.out.println(out);
        System.out.println("length " + out.length() + " hash " + out.toString().hashCode());
    }
}
