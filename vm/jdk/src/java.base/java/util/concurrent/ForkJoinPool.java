// A pool of daemon worker threads running ForkJoinTasks from one shared queue.
package java.util.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

// Forked tasks go on a shared deque: workers take the oldest, and a joining thread takes back the
// task it forked if nobody started it. Workers start on demand up to the parallelism and, like the
// JDK's, are daemon threads.
public class ForkJoinPool extends AbstractExecutorService {
    private static final Object POOL_IDS = new Object();
    private static int poolIds;

    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;
    private static final int TERMINATED = 3;

    private final Object lock = new Object();
    private final ArrayDeque<ForkJoinTask<?>> queue = new ArrayDeque<>();
    private final ArrayList<ForkJoinWorkerThread> workers = new ArrayList<>();
    private final int parallelism;
    private final boolean isCommon;
    private int runState = RUNNING;
    private int idle;
    private int workerIndex;
    final String workerNamePrefix;

    private static ForkJoinPool common;

    public ForkJoinPool() {
        this(Math.min(0x7fff, Runtime.getRuntime().availableProcessors()));
    }

    public ForkJoinPool(int parallelism) {
        this(parallelism, false);
    }

    private ForkJoinPool(int parallelism, boolean isCommon) {
        if (parallelism <= 0 || parallelism > 0x7fff) {
            throw new IllegalArgumentException();
        }
        this.parallelism = parallelism;
        this.isCommon = isCommon;
        if (isCommon) {
            workerNamePrefix = "ForkJoinPool.commonPool-worker-";
        } else {
            int id;
            synchronized (POOL_IDS) {
                id = ++poolIds;
            }
            workerNamePrefix = "ForkJoinPool-" + id + "-worker-";
        }
    }

    public static ForkJoinPool commonPool() {
        synchronized (POOL_IDS) {
            if (common == null) {
                common = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);
            }
            return common;
        }
    }

    public static int getCommonPoolParallelism() {
        return commonPool().parallelism;
    }

    int nextWorkerIndex() {
        synchronized (lock) {
            return ++workerIndex;
        }
    }

    // Called with lock held: starts a worker if tasks may wait and the pool is not full.
    private void signalWork() {
        if (idle > 0) {
            lock.notifyAll();
        } else if (workers.size() < parallelism && runState == RUNNING) {
            ForkJoinWorkerThread w = new ForkJoinWorkerThread(this);
            workers.add(w);
            w.start();
        }
    }

    void push(ForkJoinTask<?> task) {
        synchronized (lock) {
            if (runState != RUNNING) {
                throw new RejectedExecutionException();
            }
            task.queuedIn = this;
            queue.addLast(task);
            signalWork();
        }
    }

    boolean tryUnpush(ForkJoinTask<?> task) {
        synchronized (lock) {
            return queue.removeLastOccurrence(task);
        }
    }

    ForkJoinTask<?> pollTask() {
        synchronized (lock) {
            return queue.pollFirst();
        }
    }

    final void runWorker(ForkJoinWorkerThread w) {
        for (;;) {
            ForkJoinTask<?> task;
            synchronized (lock) {
                while ((task = queue.pollFirst()) == null) {
                    if (runState != RUNNING) {
                        return;
                    }
                    idle++;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // Woken by shutdownNow; the loop rechecks the state.
                    } finally {
                        idle--;
                    }
                }
            }
            task.doExec();
        }
    }

    final void deregisterWorker(ForkJoinWorkerThread w) {
        synchronized (lock) {
            workers.remove(w);
            if (runState != RUNNING && workers.isEmpty() && queue.isEmpty()) {
                runState = TERMINATED;
            }
            lock.notifyAll();
        }
    }

    public <T> T invoke(ForkJoinTask<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task);
        return task.join();
    }

    public void execute(ForkJoinTask<?> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task);
    }

    public void execute(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        ForkJoinTask<?> job = (task instanceof ForkJoinTask<?>) ? (ForkJoinTask<?>) task
                : new ForkJoinTask.AdaptedCallable<Object>(Executors.callable(task, null));
        push(job);
    }

    public <T> ForkJoinTask<T> submit(ForkJoinTask<T> task) {
        if (task == null) {
            throw new NullPointerException();
        }
        push(task);
        return task;
    }

    public <T> ForkJoinTask<T> submit(Callable<T> task) {
        ForkJoinTask<T> job = new ForkJoinTask.AdaptedCallable<T>(task);
        push(job);
        return job;
    }

    public <T> ForkJoinTask<T> submit(Runnable task, T result) {
        ForkJoinTask<T> job = new ForkJoinTask.AdaptedCallable<T>(Executors.callable(task, result));
        push(job);
        return job;
    }

    public ForkJoinTask<?> submit(Runnable task) {
        if (task == null) {
            throw new NullPointerException();
        }
        ForkJoinTask<?> job = (task instanceof ForkJoinTask<?>) ? (ForkJoinTask<?>) task
                : new ForkJoinTask.AdaptedCallable<Object>(Executors.callable(task, null));
        push(job);
        return job;
    }

    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        ArrayList<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            ForkJoinTask<T> f = new ForkJoinTask.AdaptedCallable<T>(t);
            futures.add(f);
            push(f);
        }
        for (Future<T> f : futures) {
            ((ForkJoinTask<?>) f).quietlyJoin();
        }
        return futures;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getPoolSize() {
        synchronized (lock) {
            return workers.size();
        }
    }

    public int getActiveThreadCount() {
        synchronized (lock) {
            return workers.size() - idle;
        }
    }

    public long getQueuedTaskCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    public boolean hasQueuedSubmissions() {
        synchronized (lock) {
            return !queue.isEmpty();
        }
    }

    public boolean isQuiescent() {
        synchronized (lock) {
            return queue.isEmpty() && idle == workers.size();
        }
    }

    // The common pool ignores shutdown, as the JDK's does.
    public void shutdown() {
        if (isCommon) {
            return;
        }
        synchronized (lock) {
            if (runState == RUNNING) {
                runState = SHUTDOWN;
            }
            if (workers.isEmpty() && queue.isEmpty()) {
                runState = TERMINATED;
            }
            lock.notifyAll();
        }
    }

    public List<Runnable> shutdownNow() {
        if (!isCommon) {
            synchronized (lock) {
                if (runState < STOP) {
                    runState = STOP;
                }
                for (ForkJoinTask<?> t : queue) {
                    t.cancel(false);
                }
                queue.clear();
                for (ForkJoinWorkerThread w : workers) {
                    w.interrupt();
                }
                if (workers.isEmpty()) {
                    runState = TERMINATED;
                }
                lock.notifyAll();
            }
        }
        return new ArrayList<>();
    }

    public boolean isTerminated() {
        synchronized (lock) {
            return runState == TERMINATED;
        }
    }

    public boolean isTerminating() {
        synchronized (lock) {
            return runState == SHUTDOWN || runState == STOP;
        }
    }

    public boolean isShutdown() {
        synchronized (lock) {
            return runState != RUNNING;
        }
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (isCommon) {
            return awaitQuiescence(timeout, unit);
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (runState != TERMINATED) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return true;
        }
    }

    public boolean awaitQuiescence(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (;;) {
            ForkJoinTask<?> t = pollTask();
            if (t != null) {
                t.doExec();
                continue;
            }
            if (isQuiescent()) {
                return true;
            }
            if (deadline - System.nanoTime() <= 0L) {
                return false;
            }
            Thread.yield();
        }
    }

    public String toString() {
        int size;
        int active;
        long tasks;
        String level;
        synchronized (lock) {
            size = workers.size();
            active = size - idle;
            tasks = queue.size();
            level = runState == TERMINATED ? "Terminated" : runState == RUNNING ? "Running" : "Shutting down";
        }
        return super.toString() + "[" + level + ", parallelism = " + parallelism + ", size = " + size
                + ", active = " + active + ", running = " + active + ", steals = 0, tasks = " + tasks
                + ", submissions = 0]";
    }
}
