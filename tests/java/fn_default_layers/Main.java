// A plugin-style functional API with layered default methods, as libraries grow them over
// versions: a functional interface whose subinterfaces override its defaults (the most
// specific default wins for lambdas of each type), a diamond of defaults resolved explicitly
// with X.super.m(), a class method beating any default, abstract re-declaration of a default,
// static interface helpers, generic functional interfaces with default combinators returning
// lambdas of the same interface, and serializable lambdas (checked with instanceof, their
// generated class names never printed) next to ordinary ones.
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

public class Main {
    @FunctionalInterface
    interface Handler {
        String handle(String request);

        default String name() {
            return "handler";
        }

        default String describe() {
            return name() + " v1";
        }

        default Handler then(Handler next) {
            return r -> next.handle(handle(r));
        }

        static Handler constant(String reply) {
            return r -> reply;
        }
    }

    @FunctionalInterface
    interface CachingHandler extends Handler {
        @Override
        default String name() {
            return "caching";
        }

        @Override
        default String describe() {
            return Handler.super.describe() + "+cache";
        }
    }

    @FunctionalInterface
    interface LoggingHandler extends Handler {
        @Override
        default String name() {
            return "logging";
        }
    }

    @FunctionalInterface
    interface SmartHandler extends CachingHandler, LoggingHandler {
        @Override
        default String name() {
            return CachingHandler.super.name() + "&" + LoggingHandler.super.name();
        }
    }

    interface Strict extends Handler {
        @Override
        String describe();
    }

    static class Named implements CachingHandler {
        public String handle(String r) {
            return "named(" + r + ")";
        }

        @Override
        public String name() {
            return "class-defined";
        }
    }

    static class StrictImpl implements Strict {
        public String handle(String r) {
            return r.toUpperCase();
        }

        public String describe() {
            return "strict, must describe itself; " + Strict.super.name();
        }
    }

    @FunctionalInterface
    interface Transformer<A, B> {
        B apply(A a);

        default <C> Transformer<A, C> pipe(Transformer<? super B, ? extends C> next) {
            return a -> next.apply(apply(a));
        }

        default Transformer<A, B> withFallback(B fallback) {
            return a -> {
                try {
                    return apply(a);
                } catch (RuntimeException e) {
                    return fallback;
                }
            };
        }

        static <T> Transformer<T, T> identity() {
            return t -> t;
        }
    }

    interface SerializableHandler extends Handler, Serializable {
    }

    public static void main(String[] args) {
        Handler plain = r -> "plain(" + r + ")";
        CachingHandler caching = r -> "cached(" + r + ")";
        LoggingHandler logging = r -> "logged(" + r + ")";
        SmartHandler smart = r -> "smart(" + r + ")";
        Handler named = new Named();
        Strict strict = new StrictImpl();
        List<Handler> all = List.of(plain, caching, logging, smart, named, strict, Handler.constant("fixed"));
        for (Handler h : all) {
            System.out.println(h.name() + " | " + h.describe() + " | " + h.handle("req"));
        }

        Handler chain = plain.then(caching).then(smart).then(r -> r + "!");
        System.out.println("chain: " + chain.handle("x") + " named " + chain.name());
        Handler fromMethodRef = String::trim;
        CachingHandler cachingRef = String::strip;
        System.out.println("method refs: [" + fromMethodRef.handle("  a  ") + "] " + fromMethodRef.name() + " [" + cachingRef.handle(" b ")
                + "] " + cachingRef.describe());

        Transformer<String, Integer> parse = Integer::parseInt;
        Transformer<String, String> pipeline = parse.withFallback(-1).pipe(n -> n * 2).pipe(n -> "=" + n);
        for (String in : new String[] {"21", "x", "-4"}) {
            System.out.println("transform " + in + " -> " + pipeline.apply(in));
        }
        Transformer<String, String> id = Transformer.identity();
        System.out.println("identity pipe: " + id.pipe(String::length).apply("four"));

        Handler ser = (Handler & Serializable) r -> "ser(" + r + ")";
        SerializableHandler ser2 = r -> "ser2(" + r + ")";
        Function<String, String> plainFn = s -> s;
        Function<String, String> serFn = (Function<String, String> & Serializable) s -> s;
        System.out.println("serializable: " + (ser instanceof Serializable) + " " + (ser2 instanceof Serializable) + " "
                + (plainFn instanceof Serializable) + " " + (serFn instanceof Serializable) + " " + (plain instanceof Serializable));
        System.out.println("serializable lambdas work: " + ser.handle("a") + " " + ser2.then(plain).handle("b") + " " + ser2.describe());
        System.out.println("lambda classes are synthetic? " + plain.getClass().isSynthetic() + ", interfaces of the smart lambda: "
                + interfacesOf(smart.getClass()) + ", of ser: " + interfacesOf(ser.getClass()));

        List<Runnable> tasks = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            int n = i;
            tasks.add(() -> out.append("task").append(n).append(' '));
        }
        tasks.add(out::reverse);
        for (Runnable t : tasks) {
            t.run();
        }
        System.out.println("runnables: [" + out + "]");
    }

    static List<String> interfacesOf(Class<?> c) {
        List<String> names = new ArrayList<>();
        for (Class<?> i : c.getInterfaces()) {
            names.add(i.getSimpleName());
        }
        return names;
    }
}
