// A function from long to double.
package java.util.function;

public interface LongToDoubleFunction {
    double applyAsDouble(long value);
}
