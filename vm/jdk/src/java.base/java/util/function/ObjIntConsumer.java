// An operation on an object and a int that returns nothing.
package java.util.function;

public interface ObjIntConsumer<T> {
    void accept(T t, int value);
}
