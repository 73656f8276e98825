// Call sites as switchable behaviour, the way feature-flag and hot-swap libraries use them: a
// MutableCallSite whose dynamicInvoker is captured once and keeps following setTarget, a
// VolatileCallSite flipped from another thread (joined before printing), a ConstantCallSite
// that refuses setTarget, targets of the wrong type refused, invokers kept in fields and
// records and called from lambdas, and MutableCallSite.syncAll.
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.VolatileCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

public class Main {
    static final MethodHandles.Lookup L = MethodHandles.lookup();
    static final MethodType PRICE = MethodType.methodType(long.class, long.class, int.class);

    static long standardPrice(long cents, int qty) {
        return cents * qty;
    }

    static long discountPrice(long cents, int qty) {
        return qty >= 10 ? cents * qty * 9 / 10 : cents * qty;
    }

    static long freePrice(long cents, int qty) {
        return 0;
    }

    static String render(String s) {
        return "<p>" + s + "</p>";
    }

    static String renderV2(String s) {
        return "<section>" + s + "</section>";
    }

    record Feature(String name, CallSite site, MethodHandle invoker) {
        Feature(String name, CallSite site) {
            this(name, site, site.dynamicInvoker());
        }
    }

    static final MutableCallSite PRICING;
    static final MethodHandle PRICE_INVOKER;

    static {
        try {
            PRICING = new MutableCallSite(L.findStatic(Main.class, "standardPrice", PRICE));
            PRICE_INVOKER = PRICING.dynamicInvoker();
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static long checkout(long cents, int qty) throws Throwable {
        return (long) PRICE_INVOKER.invokeExact(cents, qty);
    }

    public static void main(String[] args) throws Throwable {
        System.out.println("site type " + PRICING.type() + ", invoker type " + PRICE_INVOKER.type());
        System.out.println("standard: " + checkout(250, 4) + " " + checkout(250, 12));
        PRICING.setTarget(L.findStatic(Main.class, "discountPrice", PRICE));
        System.out.println("discount: " + checkout(250, 4) + " " + checkout(250, 12));
        PRICING.setTarget(MethodHandles.dropArguments(MethodHandles.constant(long.class, 99L), 0, long.class, int.class));
        System.out.println("flat: " + checkout(250, 4) + " " + checkout(1, 1000));
        MutableCallSite.syncAll(new MutableCallSite[] {PRICING});
        PRICING.setTarget(L.findStatic(Main.class, "standardPrice", PRICE));
        System.out.println("standard again: " + checkout(3, 3));

        try {
            PRICING.setTarget(L.findStatic(Main.class, "render", MethodType.methodType(String.class, String.class)));
        } catch (Exception e) {
            System.out.println("wrong target type: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            PRICING.setTarget(null);
        } catch (NullPointerException e) {
            System.out.println("null target: NullPointerException");
        }
        MutableCallSite fresh = new MutableCallSite(PRICE);
        try {
            long r = (long) fresh.dynamicInvoker().invokeExact(1L, 1);
            System.out.println("unset site returned " + r);
        } catch (IllegalStateException e) {
            System.out.println("unset site: IllegalStateException: " + e.getMessage());
        }

        MethodHandle renderH = L.findStatic(Main.class, "render", MethodType.methodType(String.class, String.class));
        List<Feature> features = new ArrayList<>();
        features.add(new Feature("renderer", new VolatileCallSite(renderH)));
        features.add(new Feature("footer", new ConstantCallSite(MethodHandles.constant(String.class, "(c) 2024")
                .asType(MethodType.methodType(String.class)))));
        ConstantCallSite constant = (ConstantCallSite) features.get(1).site();
        try {
            constant.setTarget(MethodHandles.constant(String.class, "(c) 2025"));
        } catch (UnsupportedOperationException e) {
            System.out.println("constant setTarget: UnsupportedOperationException " + e.getMessage());
        }
        System.out.println("constant invoker is target: " + (constant.dynamicInvoker() == constant.getTarget()));
        MethodHandle renderInvoker = features.get(0).invoker();
        IntUnaryOperator lengthOfPage = n -> {
            try {
                return ((String) renderInvoker.invokeExact("page " + n)).length();
            } catch (Throwable t) {
                throw new RuntimeException(t);
            }
        };
        System.out.println("v1 lengths " + lengthOfPage.applyAsInt(1) + " " + lengthOfPage.applyAsInt(22));

        CallSite volatileSite = features.get(0).site();
        MethodHandle v2 = L.findStatic(Main.class, "renderV2", MethodType.methodType(String.class, String.class));
        String[] seenByWorker = new String[2];
        Thread flipper = new Thread(() -> volatileSite.setTarget(v2));
        Thread reader = new Thread(() -> {
            try {
                seenByWorker[0] = (String) renderInvoker.invokeExact("after flip");
            } catch (Throwable t) {
                seenByWorker[0] = t.toString();
            }
        });
        flipper.start();
        flipper.join();
        reader.start();
        reader.join();
        System.out.println("worker saw " + seenByWorker[0] + ", lengths now " + lengthOfPage.applyAsInt(1));
        for (Feature f : features) {
            List<Object> callArgs = f.invoker().type().parameterCount() == 0 ? List.of() : List.of("x");
            System.out.println(f.name() + " " + f.site().getClass().getSimpleName() + " -> " + f.invoker().invokeWithArguments(callArgs));
        }
        System.out.println("footer " + (String) features.get(1).invoker().invokeExact());
    }
}
