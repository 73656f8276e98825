// java.lang.invoke.MethodType as code generators and RPC layers manipulate it: the
// methodType factories, toString, parameterCount/parameterType/parameterList/returnType,
// changeReturnType, changeParameterType, insert/append/dropParameterTypes, wrap/unwrap, erase,
// generic, genericMethodType, hasPrimitives/hasWrappers, descriptor strings both ways (and
// malformed ones), equality and interning (==), and the exceptions of bad arguments.
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;

public class Main {
    static void show(String label, MethodType t) {
        System.out.println(label + ": " + t + " | count " + t.parameterCount() + " | ret " + t.returnType().getSimpleName()
                + " | desc " + t.toMethodDescriptorString() + " | prims " + t.hasPrimitives() + " wrappers " + t.hasWrappers());
    }

    interface Op {
        Object run() throws Throwable;
    }

    static void attempt(String label, Op op) {
        try {
            Object r = op.run();
            System.out.println(label + " -> " + r);
        } catch (Throwable e) {
            // A NullPointerException's message names the library's own variables: print its class only.
            boolean npe = e instanceof NullPointerException;
            System.out.println(label + " -> " + e.getClass().getName() + (e.getMessage() == null || npe ? "" : ": " + e.getMessage()));
        }
    }

    public static void main(String[] args) throws Throwable {
        MethodType none = MethodType.methodType(void.class);
        MethodType get = MethodType.methodType(String.class, int.class);
        MethodType put = MethodType.methodType(Object.class, String.class, Object.class);
        MethodType many = MethodType.methodType(long.class, new Class<?>[] {byte.class, char.class, short.class, boolean.class, float.class, double.class});
        MethodType fromList = MethodType.methodType(Map.class, List.of(List.class, int[].class, String[][].class));
        MethodType withPrefix = MethodType.methodType(int.class, String.class, long.class, Integer.class);
        MethodType sameAs = MethodType.methodType(boolean.class, get);
        show("none", none);
        show("get", get);
        show("put", put);
        show("many", many);
        show("fromList", fromList);
        show("withPrefix", withPrefix);
        show("sameAs", sameAs);

        System.out.println("parameterType(1) of put " + put.parameterType(1).getName() + ", list " + many.parameterList()
                + ", array length " + withPrefix.parameterArray().length + ", last " + withPrefix.lastParameterType().getSimpleName()
                + ", last of none " + none.lastParameterType());

        show("changeReturnType", get.changeReturnType(void.class));
        show("changeParameterType", get.changeParameterType(0, long.class));
        show("insertParameterTypes", get.insertParameterTypes(0, Object.class, double.class));
        show("insert at end", get.insertParameterTypes(1, List.of(char.class)));
        show("appendParameterTypes", put.appendParameterTypes(int.class));
        show("dropParameterTypes(0,1)", put.dropParameterTypes(0, 1));
        show("dropParameterTypes all", many.dropParameterTypes(0, 6));
        show("wrap", many.wrap());
        show("unwrap", withPrefix.unwrap());
        show("wrap none", none.wrap());
        show("erase", fromList.erase());
        show("generic", many.generic());
        show("genericMethodType(3)", MethodType.genericMethodType(3));
        show("genericMethodType(1, varargs)", MethodType.genericMethodType(1, true));

        System.out.println("equality:");
        MethodType again = MethodType.methodType(String.class, int.class);
        System.out.println("  equals " + get.equals(again) + " same " + (get == again) + " hash " + (get.hashCode() == again.hashCode())
                + " differs from wrapped " + get.equals(get.wrap()) + " unwrap(wrap) equal " + get.wrap().unwrap().equals(get)
                + " changeReturnType back " + (get.changeReturnType(Object.class).changeReturnType(String.class) == get));
        MethodType parsed = MethodType.fromMethodDescriptorString("(Ljava/lang/String;[[IJ)V", Main.class.getClassLoader());
        System.out.println("  parsed " + parsed + " " + parsed.toMethodDescriptorString()
                + " same as built " + (parsed == MethodType.methodType(void.class, String.class, int[][].class, long.class)));
        MethodType handleType = MethodHandles.lookup().findVirtual(String.class, "indexOf",
                MethodType.methodType(int.class, String.class, int.class)).type();
        System.out.println("  handle type " + handleType + " descriptor " + handleType.toMethodDescriptorString()
                + " dropped receiver " + handleType.dropParameterTypes(0, 1));

        System.out.println("errors:");
        attempt("void parameter", () -> MethodType.methodType(int.class, void.class));
        attempt("null return", () -> MethodType.methodType(null));
        attempt("null parameter", () -> MethodType.methodType(int.class, String.class, null));
        attempt("parameterType(5)", () -> get.parameterType(5));
        attempt("dropParameterTypes(1,0)", () -> put.dropParameterTypes(1, 0));
        attempt("dropParameterTypes(0,3)", () -> put.dropParameterTypes(0, 3));
        attempt("insertParameterTypes(3)", () -> put.insertParameterTypes(3, int.class));
        attempt("changeParameterType void", () -> put.changeParameterType(0, void.class));
        attempt("insert void", () -> put.appendParameterTypes(void.class));
        attempt("256 slots", () -> MethodType.methodType(void.class, java.util.Collections.nCopies(128, long.class)));
        attempt("255 slots", () -> MethodType.methodType(void.class, java.util.Collections.nCopies(127, long.class)).parameterCount());
        attempt("genericMethodType(256)", () -> MethodType.genericMethodType(256));
        attempt("descriptor without parens", () -> MethodType.fromMethodDescriptorString("V", null));
        attempt("descriptor bad type", () -> MethodType.fromMethodDescriptorString("(Q)V", null));
        attempt("descriptor unknown class", () -> MethodType.fromMethodDescriptorString("(Lcom/acme/Nope;)V", Main.class.getClassLoader()));
        attempt("descriptor trailing", () -> MethodType.fromMethodDescriptorString("()VV", null));
        attempt("descriptor void param", () -> MethodType.fromMethodDescriptorString("(V)V", null));
        attempt("descriptor dots", () -> MethodType.fromMethodDescriptorString("(Ljava.lang.String;)V", null));
    }
}
