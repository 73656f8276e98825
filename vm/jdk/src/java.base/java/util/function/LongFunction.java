// A function of one long argument.
package java.util.function;

public interface LongFunction<R> {
    R apply(long value);
}
