/** The running VM: exit, shutdown hooks, processors and memory. */
package java.lang;

public class Runtime {
    private static final Runtime CURRENT = new Runtime();

    private Runtime() {}

    public static Runtime getRuntime() {
        return CURRENT;
    }

    public void exit(int status) {
        Shutdown.exit(status);
    }

    public void halt(int status) {
        halt0(status);
    }

    public void addShutdownHook(Thread hook) {
        Shutdown.add(hook);
    }

    public boolean removeShutdownHook(Thread hook) {
        return Shutdown.remove(hook);
    }

    static native void halt0(int status);

    public native int availableProcessors();

    public native long freeMemory();

    public native long totalMemory();

    public native long maxMemory();

    public native void gc();

    private static Version version;

    /** The version of the Java SE this library implements: 17, in the update HotSpot's here is. */
    public static Version version() {
        if (version == null) {
            version = Version.parse("17.0.15+6");
        }
        return version;
    }

    /** A version string as JEP 322 defines it: $VNUM(-$PRE)?(+$BUILD)?(-$OPT)?. */
    public static final class Version implements Comparable<Version> {
        private final java.util.List<Integer> version;
        private final java.util.Optional<String> pre;
        private final java.util.Optional<Integer> build;
        private final java.util.Optional<String> optional;

        private Version(java.util.List<Integer> version, java.util.Optional<String> pre,
                java.util.Optional<Integer> build, java.util.Optional<String> optional) {
            this.version = version;
            this.pre = pre;
            this.build = build;
            this.optional = optional;
        }

        public static Version parse(String s) {
            if (s == null) {
                throw new NullPointerException();
            }
            String rest = s;
            String opt = null;
            Integer b = null;
            String p = null;
            int plus = rest.indexOf('+');
            if (plus >= 0) {
                String after = rest.substring(plus + 1);
                rest = rest.substring(0, plus);
                int dash = after.indexOf('-');
                String num = dash >= 0 ? after.substring(0, dash) : after;
                if (dash >= 0) {
                    opt = after.substring(dash + 1);
                }
                if (!num.isEmpty()) {
                    b = Integer.valueOf(parseNumber(num, s));
                }
            }
            int dash = rest.indexOf('-');
            if (dash >= 0) {
                p = rest.substring(dash + 1);
                rest = rest.substring(0, dash);
            }
            String[] parts = rest.split("\\.", -1);
            java.util.ArrayList<Integer> v = new java.util.ArrayList<>();
            for (String part : parts) {
                v.add(parseNumber(part, s));
            }
            if (v.isEmpty() || v.get(0) == 0) {
                throw new IllegalArgumentException("Invalid version string: '" + s + "'");
            }
            return new Version(java.util.Collections.unmodifiableList(v), java.util.Optional.ofNullable(p),
                    java.util.Optional.ofNullable(b), java.util.Optional.ofNullable(opt));
        }

        private static int parseNumber(String n, String whole) {
            if (n.isEmpty() || (n.length() > 1 && n.charAt(0) == '0')) {
                throw new IllegalArgumentException("Invalid version string: '" + whole + "'");
            }
            for (int i = 0; i < n.length(); i++) {
                if (n.charAt(i) < '0' || n.charAt(i) > '9') {
                    throw new IllegalArgumentException("Invalid version string: '" + whole + "'");
                }
            }
            return Integer.parseInt(n);
        }

        private int at(int i) {
            return i < version.size() ? version.get(i) : 0;
        }

        public int feature() {
            return at(0);
        }

        public int interim() {
            return at(1);
        }

        public int update() {
            return at(2);
        }

        public int patch() {
            return at(3);
        }

        @Deprecated
        public int major() {
            return feature();
        }

        @Deprecated
        public int minor() {
            return interim();
        }

        @Deprecated
        public int security() {
            return update();
        }

        public java.util.List<Integer> version() {
            return version;
        }

        public java.util.Optional<String> pre() {
            return pre;
        }

        public java.util.Optional<Integer> build() {
            return build;
        }

        public java.util.Optional<String> optional() {
            return optional;
        }

        @Override
        public int compareTo(Version o) {
            int n = Math.max(version.size(), o.version.size());
            for (int i = 0; i < n; i++) {
                int c = Integer.compare(at(i), o.at(i));
                if (c != 0) {
                    return c;
                }
            }
            if (pre.isPresent() != o.pre.isPresent()) {
                return pre.isPresent() ? -1 : 1;
            }
            if (pre.isPresent()) {
                int c = pre.get().compareTo(o.pre.get());
                if (c != 0) {
                    return c;
                }
            }
            int c = Integer.compare(build.orElse(0), o.build.orElse(0));
            if (c != 0) {
                return c;
            }
            return optional.orElse("").compareTo(o.optional.orElse(""));
        }

        @Override
        public boolean equals(Object obj) {
            if (!(obj instanceof Version)) {
                return false;
            }
            Version o = (Version) obj;
            return version.equals(o.version) && pre.equals(o.pre) && build.equals(o.build) && optional.equals(o.optional);
        }

        @Override
        public int hashCode() {
            return ((version.hashCode() * 31 + pre.hashCode()) * 31 + build.hashCode()) * 31 + optional.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < version.size(); i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(version.get(i));
            }
            pre.ifPresent(x -> sb.append('-').append(x));
            if (build.isPresent()) {
                sb.append('+').append(build.get());
                optional.ifPresent(x -> sb.append('-').append(x));
            } else {
                optional.ifPresent(x -> sb.append("+-").append(x));
            }
            return sb.toString();
        }
    }
}
