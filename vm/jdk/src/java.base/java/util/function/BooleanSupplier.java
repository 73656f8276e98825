// A supplier of boolean results.
package java.util.function;

public interface BooleanSupplier {
    boolean getAsBoolean();
}
