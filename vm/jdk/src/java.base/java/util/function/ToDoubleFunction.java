// A double-valued function of one argument.
package java.util.function;

public interface ToDoubleFunction<T> {
    double applyAsDouble(T value);
}
