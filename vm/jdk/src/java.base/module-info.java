/** phantom's own java.base: the Java 17 public API that javac-compiled programs link against. */
module java.base {
    exports java.io;
    exports java.lang;
    exports java.lang.annotation;
    exports java.lang.invoke;
    exports java.lang.reflect;
    exports java.lang.runtime;
    exports java.math;
    exports java.nio.charset;
    exports java.nio.file;
    exports java.nio.file.attribute;
    exports java.util;
    exports java.util.function;
    exports java.util.stream;
    exports java.util.concurrent;
    exports java.util.concurrent.atomic;
    exports java.util.concurrent.locks;
}
