// An operation on two long operands producing a long.
package java.util.function;

public interface LongBinaryOperator {
    long applyAsLong(long left, long right);
}
