/** A thread-local variable whose values a new thread inherits from the thread that creates it. */
package java.lang;

public class InheritableThreadLocal<T> extends ThreadLocal<T> {
    public InheritableThreadLocal() {}

    protected T childValue(T parentValue) {
        return parentValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    Object childValueOf(Object parentValue) {
        return childValue((T) parentValue);
    }

    @Override
    ThreadLocal.Values map(Thread t) {
        return t.inheritableThreadLocals;
    }

    @Override
    void setMap(Thread t, ThreadLocal.Values v) {
        t.inheritableThreadLocals = v;
    }
}
