// A thread of a ForkJoinPool; its tasks' forks go to the same pool.
package java.util.concurrent;

public class ForkJoinWorkerThread extends Thread {
    final ForkJoinPool pool;
    private final int index;

    protected ForkJoinWorkerThread(ForkJoinPool pool) {
        this(pool, pool.nextWorkerIndex());
    }

    private ForkJoinWorkerThread(ForkJoinPool pool, int index) {
        super(pool.workerNamePrefix + index);
        this.pool = pool;
        this.index = index;
        setDaemon(true);
    }

    public ForkJoinPool getPool() {
        return pool;
    }

    public int getPoolIndex() {
        return index;
    }

    protected void onStart() {
    }

    protected void onTermination(Throwable exception) {
    }

    public void run() {
        Throwable exception = null;
        try {
            onStart();
            pool.runWorker(this);
        } catch (Throwable ex) {
            exception = ex;
        } finally {
            try {
                onTermination(exception);
            } finally {
                pool.deregisterWorker(this);
            }
        }
    }
}
