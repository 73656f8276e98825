// A task run by a ForkJoinPool that can fork subtasks and join their results.
package java.util.concurrent;

import java.util.Collection;
import java.util.List;

// A task is claimed once (by fork's worker, by join, or by invoke) and run by whoever claims it;
// join on an unclaimed task runs it in the joining thread, and waiting joiners in a pool run other
// queued tasks meanwhile, so joins never deadlock.
public abstract class ForkJoinTask<V> implements Future<V>, java.io.Serializable {
    private static final int NEW = 0;
    private static final int NORMAL = 1;
    private static final int EXCEPTIONAL = 2;
    private static final int CANCELLED = 3;

    private volatile int status;
    private boolean claimed;
    private Throwable exception;
    // The pool whose queue holds this task after fork, if any.
    transient ForkJoinPool queuedIn;

    public ForkJoinTask() {
    }

    public abstract V getRawResult();

    protected abstract void setRawResult(V value);

    protected abstract boolean exec();

    private synchronized boolean claim() {
        if (claimed || status != NEW) {
            return false;
        }
        claimed = true;
        return true;
    }

    // Runs the task if nobody has claimed it yet.
    final void doExec() {
        if (!claim()) {
            return;
        }
        boolean completed;
        try {
            completed = exec();
        } catch (Throwable ex) {
            setExceptional(ex);
            return;
        }
        if (completed) {
            setDone(NORMAL);
        } else {
            synchronized (this) {
                claimed = false;
            }
        }
    }

    private synchronized void setDone(int s) {
        if (status == NEW) {
            status = s;
        }
        notifyAll();
    }

    private synchronized void setExceptional(Throwable ex) {
        if (status == NEW) {
            exception = ex;
            status = EXCEPTIONAL;
        }
        notifyAll();
    }

    public final ForkJoinTask<V> fork() {
        Thread t = Thread.currentThread();
        ForkJoinPool p = (t instanceof ForkJoinWorkerThread) ? ((ForkJoinWorkerThread) t).pool : ForkJoinPool.commonPool();
        p.push(this);
        return this;
    }

    // Waits for completion, running this task or (inside a pool) other queued tasks meanwhile.
    private void awaitDone() {
        if (status != NEW) {
            return;
        }
        ForkJoinPool p = queuedIn;
        if (p != null) {
            p.tryUnpush(this);
        }
        doExec();
        Thread t = Thread.currentThread();
        ForkJoinPool helpPool = (t instanceof ForkJoinWorkerThread) ? ((ForkJoinWorkerThread) t).pool : null;
        boolean interrupted = false;
        while (status == NEW) {
            ForkJoinTask<?> other = helpPool == null ? null : helpPool.pollTask();
            if (other != null) {
                other.doExec();
                continue;
            }
            synchronized (this) {
                if (status == NEW) {
                    try {
                        wait(helpPool == null ? 0L : 1L);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private V reportResult() {
        int s = status;
        if (s == CANCELLED) {
            throw new CancellationException();
        }
        if (s == EXCEPTIONAL) {
            Throwable ex = exception;
            if (ex instanceof RuntimeException) {
                throw (RuntimeException) ex;
            }
            if (ex instanceof Error) {
                throw (Error) ex;
            }
            throw new RuntimeException(ex);
        }
        return getRawResult();
    }

    public final V join() {
        awaitDone();
        return reportResult();
    }

    public final V invoke() {
        doExec();
        awaitDone();
        return reportResult();
    }

    public static void invokeAll(ForkJoinTask<?> t1, ForkJoinTask<?> t2) {
        t2.fork();
        t1.invoke();
        t2.join();
    }

    public static void invokeAll(ForkJoinTask<?>... tasks) {
        Throwable ex = null;
        int last = tasks.length - 1;
        for (int i = last; i >= 0; --i) {
            ForkJoinTask<?> t = tasks[i];
            if (t == null) {
                throw new NullPointerException();
            }
            if (i == 0) {
                t.invokeQuietly();
            } else {
                t.fork();
            }
        }
        for (int i = 1; i <= last; ++i) {
            tasks[i].quietlyJoin();
        }
        for (ForkJoinTask<?> t : tasks) {
            if (ex == null && t.status == EXCEPTIONAL) {
                ex = t.exception;
            } else if (ex == null && t.status == CANCELLED) {
                ex = new CancellationException();
            }
        }
        if (ex instanceof RuntimeException) {
            throw (RuntimeException) ex;
        }
        if (ex instanceof Error) {
            throw (Error) ex;
        }
        if (ex != null) {
            throw new RuntimeException(ex);
        }
    }

    public static <T extends ForkJoinTask<?>> Collection<T> invokeAll(Collection<T> tasks) {
        ForkJoinTask<?>[] array = tasks.toArray(new ForkJoinTask<?>[0]);
        invokeAll(array);
        return tasks;
    }

    private void invokeQuietly() {
        doExec();
        awaitDone();
    }

    public final void quietlyJoin() {
        awaitDone();
    }

    public final void quietlyInvoke() {
        invokeQuietly();
    }

    public boolean cancel(boolean mayInterruptIfRunning) {
        synchronized (this) {
            if (status != NEW || claimed) {
                return status == CANCELLED;
            }
            status = CANCELLED;
            notifyAll();
            return true;
        }
    }

    public final boolean isDone() {
        return status != NEW;
    }

    public final boolean isCancelled() {
        return status == CANCELLED;
    }

    public final boolean isCompletedAbnormally() {
        return status == EXCEPTIONAL || status == CANCELLED;
    }

    public final boolean isCompletedNormally() {
        return status == NORMAL;
    }

    public final Throwable getException() {
        int s = status;
        return s == CANCELLED ? new CancellationException() : s == EXCEPTIONAL ? exception : null;
    }

    public void completeExceptionally(Throwable ex) {
        setExceptional((ex instanceof RuntimeException) || (ex instanceof Error) ? ex : new RuntimeException(ex));
    }

    public void complete(V value) {
        try {
            setRawResult(value);
        } catch (Throwable rex) {
            setExceptional(rex);
            return;
        }
        setDone(NORMAL);
    }

    public final void quietlyComplete() {
        setDone(NORMAL);
    }

    public final V get() throws InterruptedException, ExecutionException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        awaitDone();
        int s = status;
        if (s == CANCELLED) {
            throw new CancellationException();
        }
        if (s == EXCEPTIONAL) {
            throw new ExecutionException(exception);
        }
        return getRawResult();
    }

    public final V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (status == NEW) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    throw new TimeoutException();
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
        }
        return get();
    }

    public boolean tryUnfork() {
        ForkJoinPool p = queuedIn;
        return p != null && p.tryUnpush(this);
    }

    public static ForkJoinPool getPool() {
        Thread t = Thread.currentThread();
        return (t instanceof ForkJoinWorkerThread) ? ((ForkJoinWorkerThread) t).pool : null;
    }

    public static boolean inForkJoinPool() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread;
    }

    public void reinitialize() {
        synchronized (this) {
            status = NEW;
            claimed = false;
            exception = null;
        }
    }

    public static ForkJoinTask<?> adapt(Runnable runnable) {
        return new AdaptedCallable<Object>(Executors.callable(runnable, null));
    }

    public static <T> ForkJoinTask<T> adapt(Runnable runnable, T result) {
        return new AdaptedCallable<T>(Executors.callable(runnable, result));
    }

    public static <T> ForkJoinTask<T> adapt(Callable<? extends T> callable) {
        return new AdaptedCallable<T>(callable);
    }

    static final class AdaptedCallable<T> extends ForkJoinTask<T> implements RunnableFuture<T> {
        final Callable<? extends T> callable;
        T result;

        AdaptedCallable(Callable<? extends T> callable) {
            if (callable == null) {
                throw new NullPointerException();
            }
            this.callable = callable;
        }

        public T getRawResult() {
            return result;
        }

        protected void setRawResult(T v) {
            result = v;
        }

        protected boolean exec() {
            try {
                result = callable.call();
                return true;
            } catch (RuntimeException rex) {
                throw rex;
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        }

        public void run() {
            invoke();
        }

        public String toString() {
            return super.toString() + "[Wrapped task = " + callable + "]";
        }
    }
}
