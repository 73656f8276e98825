// An operation on two int operands producing a int.
package java.util.function;

public interface IntBinaryOperator {
    int applyAsInt(int left, int right);
}
