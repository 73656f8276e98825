// A function from int to double.
package java.util.function;

public interface IntToDoubleFunction {
    double applyAsDouble(int value);
}
