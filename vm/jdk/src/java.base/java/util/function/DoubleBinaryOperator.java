// An operation on two double operands producing a double.
package java.util.function;

public interface DoubleBinaryOperator {
    double applyAsDouble(double left, double right);
}
