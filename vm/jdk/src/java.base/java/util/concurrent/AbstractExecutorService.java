// A skeletal ExecutorService whose submit and invoke methods are built on execute.
package java.util.concurrent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

public abstract class AbstractExecutorService implements ExecutorService {
    public AbstractExecutorService() {
    }

    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new FutureTask<T>(runnable, value);
    }

    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new FutureTask<T>(callable);
    }

    public Future<?> submit(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        RunnableFuture<Void> ftask = newTaskFor(task, null);
        execute(ftask);
        return ftask;
    }

    public <T> Future<T> submit(Runnable task, T result) {
        if (task == null) {
            throw new NullPointerException();
        }
        RunnableFuture<T> ftask = newTaskFor(task, result);
        execute(ftask);
        return ftask;
    }

    public <T> Future<T> submit(Callable<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        RunnableFuture<T> ftask = newTaskFor(task);
        execute(ftask);
        return ftask;
    }

    // Runs the tasks and returns the first successful result; completions are signalled on
    // `done`, a shared monitor.
    private <T> T doInvokeAny(Collection<? extends Callable<T>> tasks, boolean timed, long nanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        int ntasks = tasks.size();
        if (ntasks == 0) {
            throw new IllegalArgumentException();
        }
        final Object done = new Object();
        final List<FutureTask<T>> futures = new ArrayList<>(ntasks);
        try {
            for (Callable<T> c : tasks) {
                FutureTask<T> f = new FutureTask<T>(c) {
                    protected void done() {
                        synchronized (done) {
                            done.notifyAll();
                        }
                    }
                };
                futures.add(f);
                execute(f);
            }
            long deadline = timed ? System.nanoTime() + nanos : 0L;
            ExecutionException ee = null;
            synchronized (done) {
                for (;;) {
                    int finished = 0;
                    for (FutureTask<T> f : futures) {
                        if (f.isDone()) {
                            finished++;
                            try {
                                return f.get();
                            } catch (ExecutionException eex) {
                                ee = eex;
                            } catch (CancellationException cex) {
                                ee = new ExecutionException(cex);
                            }
                        }
                    }
                    if (finished == ntasks) {
                        throw ee;
                    }
                    if (timed) {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0L) {
                            throw new TimeoutException();
                        }
                        TimeUnit.NANOSECONDS.timedWait(done, remaining);
                    } else {
                        done.wait();
                    }
                }
            }
        } finally {
            for (FutureTask<T> f : futures) {
                f.cancel(true);
            }
        }
    }

    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return doInvokeAny(tasks, false, 0);
        } catch (TimeoutException cannotHappen) {
            return null;
        }
    }

    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return doInvokeAny(tasks, true, unit.toNanos(timeout));
    }

    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        ArrayList<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> t : tasks) {
                RunnableFuture<T> f = newTaskFor(t);
                futures.add(f);
                execute(f);
            }
            for (int i = 0, size = futures.size(); i < size; i++) {
                Future<T> f = futures.get(i);
                if (!f.isDone()) {
                    try {
                        f.get();
                    } catch (CancellationException | ExecutionException ignore) {
                        // The outcome is reported through the returned future.
                    }
                }
            }
            return futures;
        } catch (Throwable t) {
            for (Future<T> f : futures) {
                f.cancel(true);
            }
            throw t;
        }
    }

    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        if (tasks == null) {
            throw new NullPointerException();
        }
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        ArrayList<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> t : tasks) {
                futures.add(newTaskFor(t));
            }
            for (Future<T> f : futures) {
                if (System.nanoTime() - deadline >= 0L) {
                    cancelAll(futures);
                    return futures;
                }
                execute((Runnable) f);
            }
            for (Future<T> f : futures) {
                if (!f.isDone()) {
                    try {
                        f.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } catch (CancellationException | ExecutionException ignore) {
                        // The outcome is reported through the returned future.
                    } catch (TimeoutException timedOut) {
                        cancelAll(futures);
                        return futures;
                    }
                }
            }
            return futures;
        } catch (Throwable t) {
            cancelAll(futures);
            throw t;
        }
    }

    private static <T> void cancelAll(ArrayList<Future<T>> futures) {
        for (Iterator<Future<T>> it = futures.iterator(); it.hasNext();) {
            it.next().cancel(true);
        }
    }
}
