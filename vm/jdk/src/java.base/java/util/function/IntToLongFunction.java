// A function from int to long.
package java.util.function;

public interface IntToLongFunction {
    long applyAsLong(int value);
}
