import java.io.File;
import java.nio.file.Paths;
import java.util.Map;

// The environment (variables from the `env` file), system properties, and a shutdown hook that
// prints after main has returned. Only host-independent facts are printed: booleans, not paths.
public class Main {
    static String describe(String s) {
        return s == null ? "null" : "[" + s + "]";
    }

    public static void main(String[] args) {
        System.out.println("getenv PHANTOM_TEST_VAR " + describe(System.getenv("PHANTOM_TEST_VAR")));
        System.out.println("getenv PHANTOM_TEST_EMPTY " + describe(System.getenv("PHANTOM_TEST_EMPTY")));
        System.out.println("getenv PHANTOM_TEST_UNSET " + describe(System.getenv("PHANTOM_TEST_UNSET")));
        Map<String, String> env = System.getenv();
        System.out.println("getenv().get " + describe(env.get("PHANTOM_TEST_VAR")));
        System.out.println("getenv() containsKey set " + env.containsKey("PHANTOM_TEST_VAR") + ", empty " + env.containsKey("PHANTOM_TEST_EMPTY") + ", unset " + env.containsKey("PHANTOM_TEST_UNSET"));
        System.out.println("getenv().getOrDefault unset " + env.getOrDefault("PHANTOM_TEST_UNSET", "fallback"));
        System.out.println("getenv() is not empty " + !env.isEmpty() + ", PATH is set " + (System.getenv("PATH") != null));
        try {
            env.put("PHANTOM_TEST_VAR", "changed");
            System.out.println("getenv() is modifiable?");
        } catch (UnsupportedOperationException e) {
            System.out.println("getenv().put throws " + e.getClass().getName());
        }
        try {
            System.getenv(null);
            System.out.println("getenv(null) returned");
        } catch (NullPointerException e) {
            System.out.println("getenv(null) throws NullPointerException");
        }

        String userDir = System.getProperty("user.dir");
        System.out.println("user.dir is set " + (userDir != null) + ", absolute " + new File(userDir).isAbsolute());
        System.out.println("user.dir equals new File(\".\").getAbsoluteFile().getParent() " + userDir.equals(new File(".").getAbsoluteFile().getParent()));
        System.out.println("user.dir equals Paths.get(\"\").toAbsolutePath() " + userDir.equals(Paths.get("").toAbsolutePath().toString()));
        System.out.println("user.dir equals new File(\"\").getAbsolutePath() " + userDir.equals(new File("").getAbsolutePath()));
        System.out.println("user.dir is a directory " + new File(userDir).isDirectory());
        System.out.println("new File(\"x\").getAbsolutePath() is user.dir + /x " + new File("x").getAbsolutePath().equals(userDir + File.separator + "x"));
        System.out.println("line.separator length " + System.getProperty("line.separator").length() + ", lineSeparator() equal " + System.lineSeparator().equals(System.getProperty("line.separator")));
        System.out.println("file.separator " + System.getProperty("file.separator") + " = File.separator " + File.separator + ", separatorChar " + File.separatorChar);
        System.out.println("path.separator " + System.getProperty("path.separator") + " = File.pathSeparator " + File.pathSeparator);
        String version = System.getProperty("java.version");
        int dot = version.indexOf('.');
        System.out.println("java.version first component " + (dot < 0 ? version : version.substring(0, dot)));
        System.out.println("java.specification.version " + System.getProperty("java.specification.version"));
        System.out.println("Runtime.version().feature() " + Runtime.version().feature());
        for (String p : new String[] {"user.home", "user.name", "java.io.tmpdir", "java.home", "os.name", "java.class.path"}) {
            System.out.println(p + " is set " + (System.getProperty(p) != null));
        }
        System.out.println("unknown property " + System.getProperty("phantom.no.such.property"));
        System.out.println("with default " + System.getProperty("phantom.no.such.property", "dflt"));
        System.out.println("setProperty returns old " + System.setProperty("phantom.test", "one") + ", then " + System.setProperty("phantom.test", "two"));
        System.out.println("getProperty after set " + System.getProperty("phantom.test") + ", in getProperties " + System.getProperties().getProperty("phantom.test"));
        System.out.println("clearProperty returns " + System.clearProperty("phantom.test") + ", then " + System.getProperty("phantom.test"));
        System.setProperty("phantom.int", "42");
        System.out.println("Integer.getInteger " + Integer.getInteger("phantom.int") + ", Boolean.getBoolean " + Boolean.getBoolean("phantom.int"));
        System.out.println("availableProcessors >= 1 " + (Runtime.getRuntime().availableProcessors() >= 1));

        Thread hook = new Thread(() -> System.out.println("shutdown hook runs after main, in thread " + Thread.currentThread().getName()), "goodbye");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread removed = new Thread(() -> System.out.println("removed hook must not run"));
        Runtime.getRuntime().addShutdownHook(removed);
        System.out.println("removeShutdownHook " + Runtime.getRuntime().removeShutdownHook(removed) + ", again " + Runtime.getRuntime().removeShutdownHook(removed));
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalArgumentException e) {
            System.out.println("adding a hook twice: " + e.getMessage());
        }
        System.out.println("main returns");
    }
}
