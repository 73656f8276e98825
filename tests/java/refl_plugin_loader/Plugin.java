public interface Plugin {
    String name();

    default int version() {
        return 1;
    }

    default String run(String input) {
        return name() + "(" + input + ")";
    }
}
