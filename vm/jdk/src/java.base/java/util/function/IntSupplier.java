// A supplier of int results.
package java.util.function;

public interface IntSupplier {
    int getAsInt();
}
