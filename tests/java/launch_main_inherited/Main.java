// The launcher finds a public static main inherited from a superclass, as Class.getMethod does,
// and initializes the main class (so its superclass first) before calling it; the trace of
// main shows the superclass's method, with no frame below it.
class Base {
    static {
        System.out.println("Base initialized");
    }

    public static void main(String[] args) {
        System.out.println("Base.main runs, " + args.length + " arguments");
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            System.out.println("  " + e);
        }
        long frames = StackWalker.getInstance().walk(s -> s.count());
        System.out.println(frames + " frame seen by a stack walker");
    }
}

public class Main extends Base {
    static {
        System.out.println("Main initialized");
    }
}
