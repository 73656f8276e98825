// Edge cases of calls through reflection and method handles: a method with 60 long
// parameters (more argument slots than the caller's operand stack), a synchronized method
// whose monitor another thread holds (the call waits for it, then runs once), and
// Thread.yield with the interrupt flag set (no exception, the flag stays).
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

public class Main {
    static long sixty(long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9, long a10, long a11, long a12, long a13, long a14, long a15, long a16, long a17, long a18, long a19, long a20, long a21, long a22, long a23, long a24, long a25, long a26, long a27, long a28, long a29, long a30, long a31, long a32, long a33, long a34, long a35, long a36, long a37, long a38, long a39, long a40, long a41, long a42, long a43, long a44, long a45, long a46, long a47, long a48, long a49, long a50, long a51, long a52, long a53, long a54, long a55, long a56, long a57, long a58, long a59) {
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15 + a16 + a17 + a18 + a19 + a20 + a21 + a22 + a23 + a24 + a25 + a26 + a27 + a28 + a29 + a30 + a31 + a32 + a33 + a34 + a35 + a36 + a37 + a38 + a39 + a40 + a41 + a42 + a43 + a44 + a45 + a46 + a47 + a48 + a49 + a50 + a51 + a52 + a53 + a54 + a55 + a56 + a57 + a58 + a59;
    }

    static final Main shared = new Main();
    static volatile boolean holding;
    int calls;

    synchronized int locked(int x) {
        calls++;
        return x * 2 + calls;
    }

    public static void main(String[] args) throws Throwable {
        Class<?>[] types = new Class<?>[60];
        Object[] values = new Object[60];
        for (int i = 0; i < 60; i++) {
            types[i] = long.class;
            values[i] = (long) i;
        }
        Method m = Main.class.getDeclaredMethod("sixty", types);
        System.out.println("reflective: " + m.invoke(null, values));
        MethodHandle h = MethodHandles.lookup().unreflect(m);
        System.out.println("handle: " + h.invokeWithArguments(values));

        Method locked = Main.class.getDeclaredMethod("locked", int.class);
        Object[] result = new Object[1];
        Thread caller;
        synchronized (shared) {
            caller = new Thread(() -> {
                try {
                    result[0] = locked.invoke(shared, 20);
                } catch (Exception e) {
                    result[0] = e;
                }
            });
            caller.start();
            while (caller.getState() != Thread.State.BLOCKED) {
                Thread.yield();
            }
            System.out.println("caller waits for the monitor: " + caller.getState() + ", calls " + shared.calls);
        }
        caller.join();
        System.out.println("then runs once: " + result[0] + ", calls " + shared.calls);
        MethodHandle lh = MethodHandles.lookup().unreflect(locked);
        synchronized (shared) {
            caller = new Thread(() -> {
                try {
                    result[0] = (int) lh.invokeExact(shared, 5);
                } catch (Throwable e) {
                    result[0] = e;
                }
            });
            caller.start();
            while (caller.getState() != Thread.State.BLOCKED) {
                Thread.yield();
            }
        }
        caller.join();
        System.out.println("through a handle: " + result[0] + ", calls " + shared.calls);

        Thread.currentThread().interrupt();
        Thread.yield();
        System.out.println("yield kept the flag: " + Thread.currentThread().isInterrupted());
        System.out.println("and cleared it: " + Thread.interrupted() + " " + Thread.interrupted());
    }
}
