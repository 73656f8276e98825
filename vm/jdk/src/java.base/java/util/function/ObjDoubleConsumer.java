// An operation on an object and a double that returns nothing.
package java.util.function;

public interface ObjDoubleConsumer<T> {
    void accept(T t, double value);
}
