// A reusable barrier with a varying number of parties, advancing through numbered phases.
package java.util.concurrent;

// One monitor guards the counts; waiters wait on it. Phase numbers wrap at Integer.MAX_VALUE and
// a terminated phaser reports negative phases. Tiered phasers (with a parent) are not supported.
public class Phaser {
    private final Object lock = new Object();
    private int phase;
    private int parties;
    private int unarrived;
    private boolean terminated;

    public Phaser() {
        this(0);
    }

    public Phaser(int parties) {
        if (parties < 0 || parties > 65535) {
            throw new IllegalArgumentException("Illegal number of parties");
        }
        this.parties = parties;
        this.unarrived = parties;
    }

    // Called with lock held.
    private int currentPhase() {
        return terminated ? (phase | Integer.MIN_VALUE) : phase;
    }

    private int doRegister(int registrations) {
        synchronized (lock) {
            if (terminated) {
                return currentPhase();
            }
            if (parties + registrations > 65535) {
                throw new IllegalStateException("Attempt to register more than 65535 parties for " + this);
            }
            parties += registrations;
            unarrived += registrations;
            return currentPhase();
        }
    }

    public int register() {
        return doRegister(1);
    }

    public int bulkRegister(int parties) {
        if (parties < 0) {
            throw new IllegalArgumentException();
        }
        if (parties == 0) {
            return getPhase();
        }
        return doRegister(parties);
    }

    // Called with lock held: records one arrival (and a deregistration if asked).
    private int doArrive(boolean deregister) {
        if (terminated) {
            return currentPhase();
        }
        if (unarrived <= 0) {
            throw new IllegalStateException("Attempted arrival of unregistered party for " + this);
        }
        int arrivedPhase = phase;
        unarrived--;
        if (deregister) {
            parties--;
        }
        if (unarrived == 0) {
            if (onAdvance(phase, parties)) {
                terminated = true;
            }
            phase = (phase + 1) & Integer.MAX_VALUE;
            unarrived = parties;
            lock.notifyAll();
        }
        return arrivedPhase;
    }

    public int arrive() {
        synchronized (lock) {
            return doArrive(false);
        }
    }

    public int arriveAndDeregister() {
        synchronized (lock) {
            return doArrive(true);
        }
    }

    public int arriveAndAwaitAdvance() {
        synchronized (lock) {
            int arrived = doArrive(false);
            if (arrived < 0) {
                return arrived;
            }
            return awaitLocked(arrived);
        }
    }

    public int awaitAdvance(int phase) {
        if (phase < 0) {
            return phase;
        }
        synchronized (lock) {
            return awaitLocked(phase);
        }
    }

    private int awaitLocked(int phase) {
        boolean interrupted = false;
        while (currentPhase() == phase) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return currentPhase();
    }

    public int awaitAdvanceInterruptibly(int phase) throws InterruptedException {
        if (phase < 0) {
            return phase;
        }
        synchronized (lock) {
            while (currentPhase() == phase) {
                lock.wait();
            }
            return currentPhase();
        }
    }

    public int awaitAdvanceInterruptibly(int phase, long timeout, TimeUnit unit)
            throws InterruptedException, TimeoutException {
        if (phase < 0) {
            return phase;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (currentPhase() == phase) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0L) {
                    throw new TimeoutException();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
            return currentPhase();
        }
    }

    public void forceTermination() {
        synchronized (lock) {
            terminated = true;
            lock.notifyAll();
        }
    }

    public final int getPhase() {
        synchronized (lock) {
            return currentPhase();
        }
    }

    public int getRegisteredParties() {
        synchronized (lock) {
            return parties;
        }
    }

    public int getArrivedParties() {
        synchronized (lock) {
            return parties - unarrived;
        }
    }

    public int getUnarrivedParties() {
        synchronized (lock) {
            return unarrived;
        }
    }

    public Phaser getParent() {
        return null;
    }

    public Phaser getRoot() {
        return this;
    }

    public boolean isTerminated() {
        synchronized (lock) {
            return terminated;
        }
    }

    protected boolean onAdvance(int phase, int registeredParties) {
        return registeredParties == 0;
    }

    public String toString() {
        synchronized (lock) {
            return super.toString() + "[phase = " + currentPhase() + " parties = " + parties + " arrived = "
                    + (parties - unarrived) + "]";
        }
    }
}
