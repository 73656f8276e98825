// Benchmark: Martin Richards' operating-system simulation. A scheduler switches between an
// idle task, a worker, two handlers and two devices that pass packets to each other: small
// objects, linked lists, field updates and virtual calls at a megamorphic site (Task.run).
public class Richards {
    static final int IDLE = 0;
    static final int WORKER = 1;
    static final int HANDLER_A = 2;
    static final int HANDLER_B = 3;
    static final int DEVICE_A = 4;
    static final int DEVICE_B = 5;
    static final int TASK_COUNT = 6;

    static final int KIND_DEVICE = 0;
    static final int KIND_WORK = 1;
    static final int DATA_SIZE = 4;

    /** The idle task's countdown; 10000 gives the classic 23246 queued packets and 9297 holds. */
    static final int IDLE_COUNT = 10000;
    /** How many complete simulations make one iteration. */
    static final int RUNS = 32;

    static final class Packet {
        Packet link;
        int identity;
        final int kind;
        int datum;
        final int[] data = new int[DATA_SIZE];

        Packet(Packet link, int identity, int kind) {
            this.link = link;
            this.identity = identity;
            this.kind = kind;
        }

        /** Appends this packet to the end of the queue and returns the queue's head. */
        Packet addTo(Packet queue) {
            link = null;
            if (queue == null) {
                return this;
            }
            Packet last = queue;
            while (last.link != null) {
                last = last.link;
            }
            last.link = this;
            return queue;
        }
    }

    abstract static class Task {
        final Scheduler scheduler;

        Task(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        abstract TaskControlBlock run(Packet packet);
    }

    static final class TaskControlBlock {
        static final int RUNNING = 0;
        static final int RUNNABLE = 1;
        static final int SUSPENDED = 2;
        static final int HELD = 4;
        static final int SUSPENDED_RUNNABLE = SUSPENDED | RUNNABLE;

        final TaskControlBlock link;
        final int identity;
        final int priority;
        Packet input;
        int state;
        final Task task;

        TaskControlBlock(TaskControlBlock link, int identity, int priority, Packet input, Task task) {
            this.link = link;
            this.identity = identity;
            this.priority = priority;
            this.input = input;
            this.task = task;
            this.state = input == null ? SUSPENDED : SUSPENDED_RUNNABLE;
        }

        boolean isHeldOrSuspended() {
            return (state & HELD) != 0 || state == SUSPENDED;
        }

        TaskControlBlock run() {
            Packet packet = null;
            if (state == SUSPENDED_RUNNABLE) {
                packet = input;
                input = packet.link;
                state = input == null ? RUNNING : RUNNABLE;
            }
            return task.run(packet);
        }

        /** Queues a packet for this task; returns the task that runs next. */
        TaskControlBlock addPacket(Packet packet, TaskControlBlock current) {
            if (input == null) {
                input = packet;
                state |= RUNNABLE;
                if (priority > current.priority) {
                    return this;
                }
            } else {
                input = packet.addTo(input);
            }
            return current;
        }
    }

    static final class Scheduler {
        final TaskControlBlock[] table = new TaskControlBlock[TASK_COUNT];
        TaskControlBlock list;
        TaskControlBlock current;
        int currentIdentity;
        int queueCount;
        int holdCount;

        void addTask(int identity, int priority, Packet queue, Task task) {
            current = new TaskControlBlock(list, identity, priority, queue, task);
            list = current;
            table[identity] = current;
        }

        void schedule() {
            current = list;
            while (current != null) {
                if (current.isHeldOrSuspended()) {
                    current = current.link;
                } else {
                    currentIdentity = current.identity;
                    current = current.run();
                }
            }
        }

        TaskControlBlock release(int identity) {
            TaskControlBlock task = table[identity];
            task.state &= ~TaskControlBlock.HELD;
            return task.priority > current.priority ? task : current;
        }

        TaskControlBlock holdCurrent() {
            holdCount++;
            current.state |= TaskControlBlock.HELD;
            return current.link;
        }

        TaskControlBlock suspendCurrent() {
            current.state |= TaskControlBlock.SUSPENDED;
            return current;
        }

        TaskControlBlock queue(Packet packet) {
            TaskControlBlock target = table[packet.identity];
            queueCount++;
            packet.link = null;
            packet.identity = currentIdentity;
            return target.addPacket(packet, current);
        }
    }

    static final class IdleTask extends Task {
        int seed = 1;
        int count;

        IdleTask(Scheduler scheduler, int count) {
            super(scheduler);
            this.count = count;
        }

        TaskControlBlock run(Packet packet) {
            count--;
            if (count == 0) {
                return scheduler.holdCurrent();
            }
            if ((seed & 1) == 0) {
                seed >>= 1;
                return scheduler.release(DEVICE_A);
            }
            seed = (seed >> 1) ^ 0xD008;
            return scheduler.release(DEVICE_B);
        }
    }

    static final class DeviceTask extends Task {
        Packet pending;

        DeviceTask(Scheduler scheduler) {
            super(scheduler);
        }

        TaskControlBlock run(Packet packet) {
            if (packet == null) {
                if (pending == null) {
                    return scheduler.suspendCurrent();
                }
                Packet p = pending;
                pending = null;
                return scheduler.queue(p);
            }
            pending = packet;
            return scheduler.holdCurrent();
        }
    }

    static final class WorkerTask extends Task {
        int destination = HANDLER_A;
        int letter = 0;

        WorkerTask(Scheduler scheduler) {
            super(scheduler);
        }

        TaskControlBlock run(Packet packet) {
            if (packet == null) {
                return scheduler.suspendCurrent();
            }
            destination = destination == HANDLER_A ? HANDLER_B : HANDLER_A;
            packet.identity = destination;
            packet.datum = 0;
            for (int i = 0; i < DATA_SIZE; i++) {
                letter++;
                if (letter > 26) {
                    letter = 1;
                }
                packet.data[i] = letter;
            }
            return scheduler.queue(packet);
        }
    }

    static final class HandlerTask extends Task {
        Packet work;
        Packet devices;

        HandlerTask(Scheduler scheduler) {
            super(scheduler);
        }

        TaskControlBlock run(Packet packet) {
            if (packet != null) {
                if (packet.kind == KIND_WORK) {
                    work = packet.addTo(work);
                } else {
                    devices = packet.addTo(devices);
                }
            }
            if (work != null) {
                int count = work.datum;
                if (count < DATA_SIZE) {
                    if (devices != null) {
                        Packet device = devices;
                        devices = devices.link;
                        device.datum = work.data[count];
                        work.datum = count + 1;
                        return scheduler.queue(device);
                    }
                } else {
                    Packet done = work;
                    work = work.link;
                    return scheduler.queue(done);
                }
            }
            return scheduler.suspendCurrent();
        }
    }

    /** One complete simulation; returns its queue and hold counts combined. */
    static long simulate() {
        Scheduler s = new Scheduler();
        s.addTask(IDLE, 0, null, new IdleTask(s, IDLE_COUNT));
        s.current.state = TaskControlBlock.RUNNING;

        Packet queue = new Packet(null, WORKER, KIND_WORK);
        queue = new Packet(queue, WORKER, KIND_WORK);
        s.addTask(WORKER, 1000, queue, new WorkerTask(s));

        queue = new Packet(null, DEVICE_A, KIND_DEVICE);
        queue = new Packet(queue, DEVICE_A, KIND_DEVICE);
        queue = new Packet(queue, DEVICE_A, KIND_DEVICE);
        s.addTask(HANDLER_A, 2000, queue, new HandlerTask(s));

        queue = new Packet(null, DEVICE_B, KIND_DEVICE);
        queue = new Packet(queue, DEVICE_B, KIND_DEVICE);
        queue = new Packet(queue, DEVICE_B, KIND_DEVICE);
        s.addTask(HANDLER_B, 3000, queue, new HandlerTask(s));

        s.addTask(DEVICE_A, 4000, null, new DeviceTask(s));
        s.addTask(DEVICE_B, 5000, null, new DeviceTask(s));
        s.schedule();
        if (s.queueCount != 23246 || s.holdCount != 9297) {
            throw new IllegalStateException("wrong counts: " + s.queueCount + " " + s.holdCount);
        }
        return (long) s.queueCount * 100000 + s.holdCount;
    }

    static long iteration() {
        long sum = 0;
        for (int i = 0; i < RUNS; i++) {
            sum += simulate();
        }
        return sum;
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration();
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("Richards " + checksum);
    }
}
