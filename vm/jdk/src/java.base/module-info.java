/** phantom's own java.base: the Java 17 public API that javac-compiled programs link against. */
module java.base {
    exports java.io;
    exports java.lang;
    exports java.lang.invoke;
    exports java.lang.reflect;
    exports java.math;
    exports java.util;
    exports java.util.function;
    exports java.util.stream;
    exports java.util.concurrent;
    exports java.util.concurrent.atomic;
    exports java.util.concurrent.locks;
    exports java.nio.charset;
    exports java.text;
    exports java.time;
}
