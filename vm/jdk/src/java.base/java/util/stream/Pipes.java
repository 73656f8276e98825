// Shared machinery of the stream pipelines: close handlers, look-ahead iterators, concatenation.
package java.util.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

final class Pipes {
    private Pipes() {
    }

    static final String MSG_CONSUMED = "stream has already been operated upon or closed";

    // State shared by every stage of one pipeline.
    static final class Shared {
        boolean parallel;
        boolean closed;
        Runnable closeAction;

        Shared(boolean parallel) {
            this.parallel = parallel;
        }

        void onClose(Runnable r) {
            if (closed) {
                throw new IllegalStateException(MSG_CONSUMED);
            }
            Runnable existing = closeAction;
            closeAction = existing == null ? r : composeClose(existing, r);
        }

        void close() {
            closed = true;
            Runnable r = closeAction;
            if (r != null) {
                closeAction = null;
                r.run();
            }
        }
    }

    // Runs both, even if the first throws; a second exception is added as suppressed.
    static Runnable composeClose(Runnable a, Runnable b) {
        return () -> {
            try {
                a.run();
            } catch (Throwable e1) {
                try {
                    b.run();
                } catch (Throwable e2) {
                    try {
                        e1.addSuppressed(e2);
                    } catch (Throwable ignore) {
                        // addSuppressed only fails for the same exception object.
                    }
                }
                throw e1;
            }
            b.run();
        };
    }

    // An iterator computing one element ahead: advance() calls set() and returns true, or
    // returns false at the end.
    abstract static class Lookahead<T> implements Iterator<T> {
        private T next;
        private int state;

        protected abstract boolean advance();

        protected final void set(T t) {
            next = t;
        }

        public final boolean hasNext() {
            if (state == 0) {
                state = advance() ? 1 : 2;
            }
            return state == 1;
        }

        public final T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            state = 0;
            T t = next;
            next = null;
            return t;
        }
    }

    abstract static class IntLookahead implements PrimitiveIterator.OfInt {
        private int next;
        private int state;

        protected abstract boolean advance();

        protected final void set(int t) {
            next = t;
        }

        public final boolean hasNext() {
            if (state == 0) {
                state = advance() ? 1 : 2;
            }
            return state == 1;
        }

        public final int nextInt() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            state = 0;
            return next;
        }
    }

    abstract static class LongLookahead implements PrimitiveIterator.OfLong {
        private long next;
        private int state;

        protected abstract boolean advance();

        protected final void set(long t) {
            next = t;
        }

        public final boolean hasNext() {
            if (state == 0) {
                state = advance() ? 1 : 2;
            }
            return state == 1;
        }

        public final long nextLong() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            state = 0;
            return next;
        }
    }

    abstract static class DoubleLookahead implements PrimitiveIterator.OfDouble {
        private double next;
        private int state;

        protected abstract boolean advance();

        protected final void set(double t) {
            next = t;
        }

        public final boolean hasNext() {
            if (state == 0) {
                state = advance() ? 1 : 2;
            }
            return state == 1;
        }

        public final double nextDouble() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            state = 0;
            return next;
        }
    }

    static List<Object> listFromArray(Object[] array) {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(array)));
    }

    static LongSupplier sumSizes(LongSupplier a, LongSupplier b) {
        if (a == null || b == null) {
            return null;
        }
        return () -> {
            long s = a.getAsLong() + b.getAsLong();
            return s >= 0 ? s : Long.MAX_VALUE;
        };
    }

    static <T> Stream<T> concat(Stream<? extends T> a, Stream<? extends T> b) {
        RefPipe<T> pa = RefPipe.adopt(a);
        RefPipe<T> pb = RefPipe.adopt(b);
        Supplier<Iterator<T>> sa = pa.takeSource();
        Supplier<Iterator<T>> sb = pb.takeSource();
        Supplier<Iterator<T>> src = () -> new Lookahead<T>() {
            private Iterator<T> ia;
            private Iterator<T> ib;

            protected boolean advance() {
                if (ia == null) {
                    ia = sa.get();
                }
                if (ia.hasNext()) {
                    set(ia.next());
                    return true;
                }
                if (ib == null) {
                    ib = sb.get();
                }
                if (ib.hasNext()) {
                    set(ib.next());
                    return true;
                }
                return false;
            }
        };
        Shared sh = new Shared(a.isParallel() || b.isParallel());
        sh.onClose(composeClose(a::close, b::close));
        return new RefPipe<>(sh, src, sumSizes(pa.size, pb.size));
    }
}
