// A function from double to int.
package java.util.function;

public interface DoubleToIntFunction {
    int applyAsInt(double value);
}
