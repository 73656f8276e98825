// The order in which static initializers run in a component hierarchy such as a web framework
// has (JLS 12.4.2): superclasses first, then superinterfaces that declare default methods
// (their own superinterfaces with defaults first, in declaration order), never interfaces
// without defaults when a class initializes; an interface without defaults initializes only
// when one of its own non-constant fields is read. Each static initializer logs itself, and
// every interface has a non-constant field so that its initialization is visible.
import java.util.ArrayList;
import java.util.List;

public class Main {
    static final List<String> LOG = new ArrayList<>();

    static String log(String what) {
        LOG.add(what);
        return what;
    }

    interface Named {
        String TAG = log("Named");

        String name();
    }

    interface Lifecycle {
        String TAG = log("Lifecycle");

        default void start() {
            log("start " + getClass().getSimpleName());
        }
    }

    interface Disposable extends Lifecycle {
        String TAG = log("Disposable");

        default void dispose() {
            log("dispose");
        }
    }

    interface Routable extends Named {
        String TAG = log("Routable");

        String route();
    }

    interface Secured extends Routable, Disposable {
        String TAG = log("Secured");

        default boolean allowed(String user) {
            return !user.isEmpty();
        }
    }

    interface Constants {
        int PORT = 8080;
        String HOST = "localhost";
        Object MARKER = log("Constants");
    }

    abstract static class Component implements Named {
        static final String KIND = log("Component");

        static {
            log("Component static block");
        }
    }

    abstract static class Controller extends Component implements Disposable {
        static String mapping = log("Controller");
    }

    static class AdminController extends Controller implements Secured, Constants {
        static int instances;

        static {
            log("AdminController, port constant " + PORT + " " + HOST);
        }

        public String name() {
            return "admin";
        }

        public String route() {
            return "/admin";
        }
    }

    static class HealthController extends Controller {
        static {
            log("HealthController");
        }

        public String name() {
            return "health";
        }
    }

    static void step(String label, Runnable r) {
        LOG.clear();
        r.run();
        System.out.println(label + ": " + LOG);
    }

    public static void main(String[] args) {
        step("class literal", () -> log("got " + AdminController.class.getSimpleName()));
        step("constant of Constants", () -> log("port " + Constants.PORT + " host " + Constants.HOST));
        step("array of AdminController", () -> log("array " + new AdminController[2].length));
        step("new HealthController", () -> new HealthController().start());
        step("new AdminController", () -> {
            AdminController a = new AdminController();
            a.start();
            log("allowed " + a.allowed("root"));
        });
        step("second instance", () -> new AdminController().dispose());
        step("Named.TAG", () -> log("Named.TAG = " + Named.TAG));
        step("Routable.TAG", () -> log("Routable.TAG = " + Routable.TAG));
        step("Constants.MARKER", () -> log("marker " + Constants.MARKER));
        step("Secured.TAG again", () -> log("Secured.TAG = " + Secured.TAG));
        step("lambda of Named", () -> {
            Named n = () -> "anon";
            log("lambda name " + n.name());
        });
    }
}
