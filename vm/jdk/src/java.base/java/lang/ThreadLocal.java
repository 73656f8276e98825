/** A variable with an independent value in each thread, kept in a small hash table on the Thread. */
package java.lang;

import java.util.function.Supplier;

public class ThreadLocal<T> {
    private static int nextHash;

    /** Spreads consecutive ThreadLocals over the table. */
    private final int hash = nextHash();

    private static synchronized int nextHash() {
        int h = nextHash;
        nextHash = h + 0x61c88647;
        return h;
    }

    public ThreadLocal() {}

    protected T initialValue() {
        return null;
    }

    public static <S> ThreadLocal<S> withInitial(Supplier<? extends S> supplier) {
        if (supplier == null) {
            throw new NullPointerException();
        }
        return new SuppliedThreadLocal<>(supplier);
    }

    @SuppressWarnings("unchecked")
    public T get() {
        Values values = values(Thread.currentThread());
        int i = values.find(this);
        if (i >= 0) {
            return (T) values.vals[i];
        }
        T value = initialValue();
        values.put(this, value);
        return value;
    }

    public void set(T value) {
        values(Thread.currentThread()).put(this, value);
    }

    public void remove() {
        Values values = map(Thread.currentThread());
        if (values != null) {
            values.remove(this);
        }
    }

    private Values values(Thread t) {
        Values v = map(t);
        if (v == null) {
            v = new Values();
            setMap(t, v);
        }
        return v;
    }

    /** The thread's table this variable lives in (InheritableThreadLocal uses another). */
    Values map(Thread t) {
        return t.threadLocals;
    }

    void setMap(Thread t, Values v) {
        t.threadLocals = v;
    }

    /** For InheritableThreadLocal: the value a new thread starts with. */
    Object childValueOf(Object parentValue) {
        throw new UnsupportedOperationException();
    }

    /** One thread's values: open addressing with linear probing; only its own thread touches it. */
    static final class Values {
        ThreadLocal<?>[] keys = new ThreadLocal<?>[16];
        Object[] vals = new Object[16];
        int size;

        Values() {}

        /** A new thread's inheritable values: each parent value through its variable's childValue. */
        Values(Values parent) {
            for (int i = 0; i < parent.keys.length; i++) {
                ThreadLocal<?> k = parent.keys[i];
                if (k != null) {
                    put(k, k.childValueOf(parent.vals[i]));
                }
            }
        }

        int find(ThreadLocal<?> key) {
            ThreadLocal<?>[] k = keys;
            int mask = k.length - 1;
            for (int i = key.hash & mask;; i = (i + 1) & mask) {
                ThreadLocal<?> at = k[i];
                if (at == key) {
                    return i;
                }
                if (at == null) {
                    return -1;
                }
            }
        }

        void put(ThreadLocal<?> key, Object value) {
            int i = find(key);
            if (i >= 0) {
                vals[i] = value;
                return;
            }
            if (2 * (size + 1) > keys.length) {
                rehash(keys.length * 2);
            }
            insert(key, value);
            size++;
        }

        private void insert(ThreadLocal<?> key, Object value) {
            int mask = keys.length - 1;
            int i = key.hash & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            vals[i] = value;
        }

        private void rehash(int capacity) {
            ThreadLocal<?>[] oldKeys = keys;
            Object[] oldVals = vals;
            keys = new ThreadLocal<?>[capacity];
            vals = new Object[capacity];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldVals[i]);
                }
            }
        }

        void remove(ThreadLocal<?> key) {
            int i = find(key);
            if (i < 0) {
                return;
            }
            keys[i] = null;
            vals[i] = null;
            size--;
            // Reinsert the rest of the probe run so that later lookups do not stop at the hole.
            int mask = keys.length - 1;
            for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
                ThreadLocal<?> k = keys[j];
                Object v = vals[j];
                keys[j] = null;
                vals[j] = null;
                insert(k, v);
            }
        }
    }

    private static final class SuppliedThreadLocal<T> extends ThreadLocal<T> {
        private final Supplier<? extends T> supplier;

        SuppliedThreadLocal(Supplier<? extends T> supplier) {
            this.supplier = supplier;
        }

        @Override
        protected T initialValue() {
            return supplier.get();
        }
    }
}
