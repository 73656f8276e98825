public class Main {
    static class ConfigException extends Exception {
        ConfigException(String message) { super(message); }
    }

    static void readConfig(String key) throws ConfigException {
        if (key.startsWith("missing")) {
            throw new ConfigException("no value for key '" + key + "'");
        }
        System.out.println(key + " = ok");
    }

    public static void main(String[] args) throws ConfigException {
        readConfig("port");
        readConfig("host");
        readConfig("missing.timeout");
        System.out.println("not reached");
    }
}
