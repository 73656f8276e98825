// A supplier of long results.
package java.util.function;

public interface LongSupplier {
    long getAsLong();
}
