public class Context {
    final String env;

    public Context(String env) {
        this.env = env;
    }

    @Override
    public String toString() {
        return "Context[" + env + "]";
    }
}
