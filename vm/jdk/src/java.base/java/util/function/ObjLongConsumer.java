// An operation on an object and a long that returns nothing.
package java.util.function;

public interface ObjLongConsumer<T> {
    void accept(T t, long value);
}
