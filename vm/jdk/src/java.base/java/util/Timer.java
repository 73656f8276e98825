// Runs TimerTasks on one background thread, at given times or periodically.
package java.util;

public class Timer {
    private static final Object SERIAL_LOCK = new Object();
    private static int nextSerialNumber = 0;

    // Tasks ordered by next execution time; guarded by its own monitor, which the thread waits on.
    private final PriorityQueue<TimerTask> queue = new PriorityQueue<>(
            (a, b) -> Long.compare(a.nextExecutionTime, b.nextExecutionTime));
    private final TimerThread thread;
    private boolean newTasksMayBeScheduled = true;

    private static int serialNumber() {
        synchronized (SERIAL_LOCK) {
            return nextSerialNumber++;
        }
    }

    public Timer() {
        this("Timer-" + serialNumber());
    }

    public Timer(boolean isDaemon) {
        this("Timer-" + serialNumber(), isDaemon);
    }

    public Timer(String name) {
        this(name, false);
    }

    public Timer(String name, boolean isDaemon) {
        if (name == null) {
            throw new NullPointerException();
        }
        thread = new TimerThread(name);
        thread.setDaemon(isDaemon);
        thread.start();
    }

    public void schedule(TimerTask task, long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("Negative delay.");
        }
        sched(task, System.currentTimeMillis() + delay, 0);
    }

    public void schedule(TimerTask task, long delay, long period) {
        if (delay < 0) {
            throw new IllegalArgumentException("Negative delay.");
        }
        if (period <= 0) {
            throw new IllegalArgumentException("Non-positive period.");
        }
        sched(task, System.currentTimeMillis() + delay, -period);
    }

    public void scheduleAtFixedRate(TimerTask task, long delay, long period) {
        if (delay < 0) {
            throw new IllegalArgumentException("Negative delay.");
        }
        if (period <= 0) {
            throw new IllegalArgumentException("Non-positive period.");
        }
        sched(task, System.currentTimeMillis() + delay, period);
    }

    private void sched(TimerTask task, long time, long period) {
        if (time < 0) {
            throw new IllegalArgumentException("Illegal execution time.");
        }
        if (Math.abs(period) > (Long.MAX_VALUE >> 1)) {
            period >>= 1;
        }
        synchronized (queue) {
            if (!newTasksMayBeScheduled) {
                throw new IllegalStateException("Timer already cancelled.");
            }
            synchronized (task.lock) {
                if (task.state != TimerTask.VIRGIN) {
                    throw new IllegalStateException("Task already scheduled or cancelled");
                }
                task.nextExecutionTime = time;
                task.period = period;
                task.state = TimerTask.SCHEDULED;
            }
            queue.add(task);
            queue.notifyAll();
        }
    }

    public void cancel() {
        synchronized (queue) {
            newTasksMayBeScheduled = false;
            queue.clear();
            queue.notifyAll();
        }
    }

    public int purge() {
        int result = 0;
        synchronized (queue) {
            for (Iterator<TimerTask> it = queue.iterator(); it.hasNext();) {
                if (it.next().state == TimerTask.CANCELLED) {
                    it.remove();
                    result++;
                }
            }
        }
        return result;
    }

    private final class TimerThread extends Thread {
        TimerThread(String name) {
            super(name);
        }

        public void run() {
            try {
                mainLoop();
            } finally {
                synchronized (queue) {
                    newTasksMayBeScheduled = false;
                    queue.clear();
                }
            }
        }

        private void mainLoop() {
            while (true) {
                TimerTask task;
                boolean taskFired;
                synchronized (queue) {
                    while (queue.isEmpty() && newTasksMayBeScheduled) {
                        try {
                            queue.wait();
                        } catch (InterruptedException e) {
                            // Spurious wake-ups only; the loop rechecks.
                        }
                    }
                    if (queue.isEmpty()) {
                        break;
                    }
                    long currentTime;
                    long executionTime;
                    task = queue.peek();
                    synchronized (task.lock) {
                        if (task.state == TimerTask.CANCELLED) {
                            queue.poll();
                            continue;
                        }
                        currentTime = System.currentTimeMillis();
                        executionTime = task.nextExecutionTime;
                        if (taskFired = (executionTime <= currentTime)) {
                            queue.poll();
                            if (task.period == 0) {
                                task.state = TimerTask.EXECUTED;
                            } else {
                                task.nextExecutionTime = task.period < 0 ? currentTime - task.period
                                        : executionTime + task.period;
                                queue.add(task);
                            }
                        }
                    }
                    if (!taskFired) {
                        try {
                            queue.wait(executionTime - currentTime);
                        } catch (InterruptedException e) {
                            // The loop rechecks the queue.
                        }
                    }
                }
                if (taskFired) {
                    task.run();
                }
            }
        }
    }
}
