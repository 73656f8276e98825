// A supplier of double results.
package java.util.function;

public interface DoubleSupplier {
    double getAsDouble();
}
