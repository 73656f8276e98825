// A thread pool running tasks on worker threads fed from a blocking queue.
package java.util.concurrent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

public class ThreadPoolExecutor extends AbstractExecutorService {
    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;
    private static final int TERMINATED = 3;

    // Guards the fields below; worker threads and shutdown callers wait on it.
    private final Object mainLock = new Object();
    private int runState = RUNNING;
    private final HashSet<Worker> workers = new HashSet<>();
    private int largestPoolSize;
    private long completedTaskCount;

    private final BlockingQueue<Runnable> workQueue;
    private volatile ThreadFactory threadFactory;
    private volatile RejectedExecutionHandler handler;
    private volatile long keepAliveTime;
    private volatile boolean allowCoreThreadTimeOut;
    private volatile int corePoolSize;
    private volatile int maximumPoolSize;

    private static final RejectedExecutionHandler defaultHandler = new AbortPolicy();

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(),
                defaultHandler);
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, threadFactory, defaultHandler);
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue, RejectedExecutionHandler handler) {
        this(corePoolSize, maximumPoolSize, keepAliveTime, unit, workQueue, Executors.defaultThreadFactory(),
                handler);
    }

    public ThreadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAliveTime, TimeUnit unit,
            BlockingQueue<Runnable> workQueue, ThreadFactory threadFactory, RejectedExecutionHandler handler) {
        if (corePoolSize < 0 || maximumPoolSize <= 0 || maximumPoolSize < corePoolSize || keepAliveTime < 0) {
            throw new IllegalArgumentException();
        }
        if (workQueue == null || threadFactory == null || handler == null) {
            throw new NullPointerException();
        }
        this.corePoolSize = corePoolSize;
        this.maximumPoolSize = maximumPoolSize;
        this.workQueue = workQueue;
        this.keepAliveTime = unit.toNanos(keepAliveTime);
        this.threadFactory = threadFactory;
        this.handler = handler;
    }

    private final class Worker implements Runnable {
        final Thread thread;
        Runnable firstTask;
        volatile long completedTasks;
        // True while running a task; shutdown interrupts only idle workers.
        boolean busy;

        Worker(Runnable firstTask) {
            this.firstTask = firstTask;
            this.thread = getThreadFactory().newThread(this);
        }

        public void run() {
            runWorker(this);
        }
    }

    public void execute(Runnable command) {
        if (command == null) {
            throw new NullPointerException();
        }
        boolean rejected = false;
        synchronized (mainLock) {
            if (runState != RUNNING) {
                rejected = true;
            } else if (workers.size() < corePoolSize) {
                rejected = !addWorker(command);
            } else if (workQueue.offer(command)) {
                if (workers.isEmpty()) {
                    addWorker(null);
                }
            } else if (workers.size() < maximumPoolSize) {
                rejected = !addWorker(command);
            } else {
                rejected = true;
            }
        }
        if (rejected) {
            reject(command);
        }
    }

    // Called with mainLock held. A shut-down pool only adds workers to drain a non-empty queue.
    private boolean addWorker(Runnable firstTask) {
        if (runState >= SHUTDOWN && (runState >= STOP || firstTask != null || workQueue.isEmpty())) {
            return false;
        }
        Worker w = new Worker(firstTask);
        Thread t = w.thread;
        if (t == null) {
            return false;
        }
        workers.add(w);
        if (workers.size() > largestPoolSize) {
            largestPoolSize = workers.size();
        }
        t.start();
        return true;
    }

    final void reject(Runnable command) {
        handler.rejectedExecution(command, this);
    }

    final void runWorker(Worker w) {
        Runnable task = w.firstTask;
        w.firstTask = null;
        boolean completedAbruptly = true;
        try {
            while (task != null || (task = getTask()) != null) {
                synchronized (w) {
                    w.busy = true;
                }
                // A worker interrupted while idle must not pass the interrupt on to its next task.
                if (runStateAtLeast(STOP)) {
                    w.thread.interrupt();
                } else {
                    Thread.interrupted();
                }
                try {
                    beforeExecute(w.thread, task);
                    try {
                        task.run();
                        afterExecute(task, null);
                    } catch (Throwable ex) {
                        afterExecute(task, ex);
                        throw ex;
                    }
                } finally {
                    task = null;
                    w.completedTasks++;
                    synchronized (w) {
                        w.busy = false;
                    }
                }
            }
            completedAbruptly = false;
        } finally {
            processWorkerExit(w, completedAbruptly);
        }
    }

    private boolean runStateAtLeast(int s) {
        synchronized (mainLock) {
            return runState >= s;
        }
    }

    private Runnable getTask() {
        boolean timedOut = false;
        for (;;) {
            boolean timed;
            synchronized (mainLock) {
                if (runState >= STOP || (runState >= SHUTDOWN && workQueue.isEmpty())) {
                    return null;
                }
                int wc = workers.size();
                timed = allowCoreThreadTimeOut || wc > corePoolSize;
                if ((wc > maximumPoolSize || (timed && timedOut)) && (wc > 1 || workQueue.isEmpty())) {
                    return null;
                }
            }
            try {
                Runnable r = timed ? workQueue.poll(keepAliveTime, TimeUnit.NANOSECONDS) : workQueue.take();
                if (r != null) {
                    return r;
                }
                timedOut = true;
            } catch (InterruptedException retry) {
                timedOut = false;
            }
        }
    }

    private void processWorkerExit(Worker w, boolean completedAbruptly) {
        synchronized (mainLock) {
            completedTaskCount += w.completedTasks;
            workers.remove(w);
            if (runState < STOP) {
                if (completedAbruptly) {
                    addWorker(null);
                } else {
                    int min = allowCoreThreadTimeOut ? 0 : corePoolSize;
                    if (min == 0 && !workQueue.isEmpty()) {
                        min = 1;
                    }
                    if (workers.size() < min) {
                        addWorker(null);
                    }
                }
            }
            tryTerminate();
        }
    }

    // Called with mainLock held.
    private void tryTerminate() {
        if (runState == RUNNING || runState == TERMINATED) {
            return;
        }
        if (runState == SHUTDOWN && !workQueue.isEmpty()) {
            return;
        }
        if (!workers.isEmpty()) {
            interruptIdleWorkers();
            return;
        }
        runState = TERMINATED;
        try {
            terminated();
        } finally {
            mainLock.notifyAll();
        }
    }

    private void interruptIdleWorkers() {
        for (Worker w : workers) {
            synchronized (w) {
                if (!w.busy) {
                    w.thread.interrupt();
                }
            }
        }
    }

    public void shutdown() {
        synchronized (mainLock) {
            if (runState < SHUTDOWN) {
                runState = SHUTDOWN;
            }
            interruptIdleWorkers();
            onShutdown();
            tryTerminate();
        }
    }

    void onShutdown() {
    }

    // Whether a task may still run in the current state; ScheduledThreadPoolExecutor refines it.
    boolean canRunInCurrentRunState(Runnable task) {
        synchronized (mainLock) {
            return runState == RUNNING || (runState == SHUTDOWN && !workQueue.isEmpty());
        }
    }

    // Starts a core worker (or one worker if there are no core threads) if fewer are running.
    void ensurePrestart() {
        synchronized (mainLock) {
            int wc = workers.size();
            if (wc < corePoolSize) {
                addWorker(null);
            } else if (wc == 0) {
                addWorker(null);
            }
        }
    }

    // Re-evaluates termination after tasks were removed from the queue.
    void tryTerminateLocked() {
        synchronized (mainLock) {
            tryTerminate();
        }
    }

    public List<Runnable> shutdownNow() {
        List<Runnable> tasks;
        synchronized (mainLock) {
            if (runState < STOP) {
                runState = STOP;
            }
            for (Worker w : workers) {
                w.thread.interrupt();
            }
            tasks = new ArrayList<>();
            workQueue.drainTo(tasks);
            tryTerminate();
        }
        return tasks;
    }

    public boolean isShutdown() {
        synchronized (mainLock) {
            return runState != RUNNING;
        }
    }

    public boolean isTerminating() {
        synchronized (mainLock) {
            return runState != RUNNING && runState != TERMINATED;
        }
    }

    public boolean isTerminated() {
        synchronized (mainLock) {
            return runState == TERMINATED;
        }
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (mainLock) {
            while (runState != TERMINATED) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(mainLock, remaining);
            }
            return true;
        }
    }

    public void setThreadFactory(ThreadFactory threadFactory) {
        if (threadFactory == null) {
            throw new NullPointerException();
        }
        this.threadFactory = threadFactory;
    }

    public ThreadFactory getThreadFactory() {
        return threadFactory;
    }

    public void setRejectedExecutionHandler(RejectedExecutionHandler handler) {
        if (handler == null) {
            throw new NullPointerException();
        }
        this.handler = handler;
    }

    public RejectedExecutionHandler getRejectedExecutionHandler() {
        return handler;
    }

    public void setCorePoolSize(int corePoolSize) {
        if (corePoolSize < 0 || maximumPoolSize < corePoolSize) {
            throw new IllegalArgumentException();
        }
        this.corePoolSize = corePoolSize;
    }

    public int getCorePoolSize() {
        return corePoolSize;
    }

    public boolean prestartCoreThread() {
        synchronized (mainLock) {
            return runState == RUNNING && workers.size() < corePoolSize && addWorker(null);
        }
    }

    public int prestartAllCoreThreads() {
        int n = 0;
        while (prestartCoreThread()) {
            ++n;
        }
        return n;
    }

    public boolean allowsCoreThreadTimeOut() {
        return allowCoreThreadTimeOut;
    }

    public void allowCoreThreadTimeOut(boolean value) {
        if (value && keepAliveTime <= 0) {
            throw new IllegalArgumentException("Core threads must have nonzero keep alive times");
        }
        allowCoreThreadTimeOut = value;
    }

    public void setMaximumPoolSize(int maximumPoolSize) {
        if (maximumPoolSize <= 0 || maximumPoolSize < corePoolSize) {
            throw new IllegalArgumentException();
        }
        this.maximumPoolSize = maximumPoolSize;
    }

    public int getMaximumPoolSize() {
        return maximumPoolSize;
    }

    public void setKeepAliveTime(long time, TimeUnit unit) {
        if (time < 0) {
            throw new IllegalArgumentException();
        }
        if (time == 0 && allowsCoreThreadTimeOut()) {
            throw new IllegalArgumentException("Core threads must have nonzero keep alive times");
        }
        this.keepAliveTime = unit.toNanos(time);
    }

    public long getKeepAliveTime(TimeUnit unit) {
        return unit.convert(keepAliveTime, TimeUnit.NANOSECONDS);
    }

    public BlockingQueue<Runnable> getQueue() {
        return workQueue;
    }

    public boolean remove(Runnable task) {
        boolean removed = workQueue.remove(task);
        synchronized (mainLock) {
            tryTerminate();
        }
        return removed;
    }

    public int getPoolSize() {
        synchronized (mainLock) {
            return runState == TERMINATED ? 0 : workers.size();
        }
    }

    public int getActiveCount() {
        synchronized (mainLock) {
            int n = 0;
            for (Worker w : workers) {
                synchronized (w) {
                    if (w.busy) {
                        ++n;
                    }
                }
            }
            return n;
        }
    }

    public int getLargestPoolSize() {
        synchronized (mainLock) {
            return largestPoolSize;
        }
    }

    public long getTaskCount() {
        synchronized (mainLock) {
            long n = completedTaskCount;
            for (Worker w : workers) {
                n += w.completedTasks;
                synchronized (w) {
                    if (w.busy) {
                        ++n;
                    }
                }
            }
            return n + workQueue.size();
        }
    }

    public long getCompletedTaskCount() {
        synchronized (mainLock) {
            long n = completedTaskCount;
            for (Worker w : workers) {
                n += w.completedTasks;
            }
            return n;
        }
    }

    public String toString() {
        long ncompleted;
        int nworkers;
        int nactive;
        String state;
        synchronized (mainLock) {
            ncompleted = completedTaskCount;
            nactive = 0;
            nworkers = workers.size();
            for (Worker w : workers) {
                ncompleted += w.completedTasks;
                synchronized (w) {
                    if (w.busy) {
                        ++nactive;
                    }
                }
            }
            state = runState == RUNNING ? "Running" : runState == TERMINATED ? "Terminated" : "Shutting down";
        }
        return super.toString() + "[" + state + ", pool size = " + nworkers + ", active threads = " + nactive
                + ", queued tasks = " + workQueue.size() + ", completed tasks = " + ncompleted + "]";
    }

    protected void beforeExecute(Thread t, Runnable r) {
    }

    protected void afterExecute(Runnable r, Throwable t) {
    }

    protected void terminated() {
    }

    public static class CallerRunsPolicy implements RejectedExecutionHandler {
        public CallerRunsPolicy() {
        }

        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
            if (!e.isShutdown()) {
                r.run();
            }
        }
    }

    public static class AbortPolicy implements RejectedExecutionHandler {
        public AbortPolicy() {
        }

        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
            throw new RejectedExecutionException("Task " + r.toString() + " rejected from " + e.toString());
        }
    }

    public static class DiscardPolicy implements RejectedExecutionHandler {
        public DiscardPolicy() {
        }

        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
        }
    }

    public static class DiscardOldestPolicy implements RejectedExecutionHandler {
        public DiscardOldestPolicy() {
        }

        public void rejectedExecution(Runnable r, ThreadPoolExecutor e) {
            if (!e.isShutdown()) {
                e.getQueue().poll();
                e.execute(r);
            }
        }
    }
}
