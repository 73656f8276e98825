// A function from double to long.
package java.util.function;

public interface DoubleToLongFunction {
    long applyAsLong(double value);
}
