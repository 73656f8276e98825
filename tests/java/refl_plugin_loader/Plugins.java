import java.io.IOException;

class HelloPlugin implements Plugin {
    public String name() {
        return "hello";
    }
}

class ContextPlugin implements Plugin {
    private final Context ctx;

    public ContextPlugin() {
        this(new Context("default"));
    }

    public ContextPlugin(Context ctx) {
        this.ctx = ctx;
    }

    public String name() {
        return "context:" + ctx;
    }

    @Override
    public int version() {
        return 3;
    }

    @Override
    public String run(String input) {
        return input.toUpperCase() + " in " + ctx;
    }

    class Inner implements Plugin {
        public String name() {
            return "inner of " + ContextPlugin.this.name();
        }

        @Override
        public String toString() {
            return name();
        }
    }
}

class PrivatePlugin implements Plugin {
    private PrivatePlugin() {
    }

    public String name() {
        return "private";
    }
}

class PackagePlugin implements Plugin {
    PackagePlugin() {
    }

    public String name() {
        return "package";
    }
}

abstract class AbstractPlugin implements Plugin {
    public AbstractPlugin() {
    }
}

class ThrowingPlugin implements Plugin {
    public ThrowingPlugin() {
        throw new IllegalStateException("license expired", new RuntimeException("date check"));
    }

    public String name() {
        return "throwing";
    }
}

class CheckedPlugin implements Plugin {
    public CheckedPlugin() throws IOException {
        throw new IOException("cannot read plugin.xml");
    }

    public String name() {
        return "checked";
    }
}

class ErrorPlugin implements Plugin {
    public ErrorPlugin() {
        throw new AssertionError("invariant broken");
    }

    public String name() {
        return "error";
    }
}

class BrokenStaticPlugin implements Plugin {
    static final int LIMIT = Integer.parseInt("ten");

    public String name() {
        return "broken";
    }
}

class NotAPlugin {
    public NotAPlugin() {
    }
}

class ArgsPlugin implements Plugin {
    private final String label;

    public ArgsPlugin(String label, int n, boolean flag) {
        this.label = label + n + flag;
    }

    public String name() {
        return "args:" + label;
    }
}
