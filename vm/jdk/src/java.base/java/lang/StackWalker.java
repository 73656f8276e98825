/**
 * Walks the current thread's stack. The VM reads the frames as data when a walk starts (a native,
 * {@code frames0}), from the caller of {@code walk}/{@code forEach} down; the stream handed to the
 * function runs over that snapshot and is closed when the function returns, as HotSpot's is.
 */
package java.lang;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

public final class StackWalker {
    /** One frame a walk sees. */
    public interface StackFrame {
        String getClassName();

        String getMethodName();

        Class<?> getDeclaringClass();

        default java.lang.invoke.MethodType getMethodType() {
            throw new UnsupportedOperationException();
        }

        default String getDescriptor() {
            throw new UnsupportedOperationException();
        }

        int getByteCodeIndex();

        String getFileName();

        int getLineNumber();

        boolean isNativeMethod();

        StackTraceElement toStackTraceElement();
    }

    /** What a walker may see or keep. */
    public enum Option {
        RETAIN_CLASS_REFERENCE,
        SHOW_REFLECT_FRAMES,
        SHOW_HIDDEN_FRAMES;
    }

    private static final StackWalker DEFAULT_WALKER = new StackWalker(EnumSet.noneOf(Option.class));

    private final Set<Option> options;
    private final boolean retainClassRef;

    private StackWalker(EnumSet<Option> options) {
        this.options = options;
        this.retainClassRef = options.contains(Option.RETAIN_CLASS_REFERENCE);
    }

    public static StackWalker getInstance() {
        return DEFAULT_WALKER;
    }

    public static StackWalker getInstance(Option option) {
        return new StackWalker(EnumSet.of(Objects.requireNonNull(option)));
    }

    public static StackWalker getInstance(Set<Option> options) {
        if (options.isEmpty()) {
            return DEFAULT_WALKER;
        }
        return new StackWalker(toEnumSet(options));
    }

    public static StackWalker getInstance(Set<Option> options, int estimateDepth) {
        if (estimateDepth <= 0) {
            throw new IllegalArgumentException("estimateDepth must be > 0");
        }
        return new StackWalker(toEnumSet(options));
    }

    private static EnumSet<Option> toEnumSet(Set<Option> options) {
        Objects.requireNonNull(options);
        if (options.isEmpty()) {
            return EnumSet.noneOf(Option.class);
        }
        return EnumSet.copyOf(options);
    }

    public <T> T walk(Function<? super Stream<StackFrame>, ? extends T> function) {
        Objects.requireNonNull(function);
        Frames frames = new Frames(frames0(flags()));
        try {
            return function.apply(StreamSupport.stream(frames, false));
        } finally {
            frames.close();
        }
    }

    public void forEach(Consumer<? super StackFrame> action) {
        Objects.requireNonNull(action);
        Frames frames = new Frames(frames0(flags()));
        try {
            frames.forEachRemaining(action);
        } finally {
            frames.close();
        }
    }

    public Class<?> getCallerClass() {
        if (!retainClassRef) {
            throw new UnsupportedOperationException("This stack walker does not have RETAIN_CLASS_REFERENCE access");
        }
        return callerClass0(options.contains(Option.SHOW_HIDDEN_FRAMES));
    }

    private int flags() {
        int flags = 0;
        if (retainClassRef) {
            flags |= 1;
        }
        if (options.contains(Option.SHOW_REFLECT_FRAMES)) {
            flags |= 2;
        }
        if (options.contains(Option.SHOW_HIDDEN_FRAMES)) {
            flags |= 4;
        }
        return flags;
    }

    /**
     * The frames the walker shows, from the caller of the walker's method down (the walker's own
     * frames left out): bit 1 of flags keeps class references, bit 2 shows reflection frames, bit
     * 4 hidden ones (lambda proxies) too.
     */
    private static native StackFrameInfo[] frames0(int flags);

    /** The class of the caller of the method that called getCallerClass; IllegalCallerException if none. */
    private static native Class<?> callerClass0(boolean showHidden);

    /** A walk's frames, usable only while the walk lasts. */
    private static final class Frames implements Spliterator<StackFrame> {
        private final StackFrameInfo[] frames;
        private int next;
        private boolean closed;

        Frames(StackFrameInfo[] frames) {
            this.frames = frames;
        }

        void close() {
            closed = true;
        }

        private void checkState() {
            if (closed) {
                throw new IllegalStateException("This stack stream is not valid for walking.");
            }
        }

        @Override
        public boolean tryAdvance(Consumer<? super StackFrame> action) {
            checkState();
            Objects.requireNonNull(action);
            if (next < frames.length) {
                action.accept(frames[next++]);
                return true;
            }
            return false;
        }

        @Override
        public void forEachRemaining(Consumer<? super StackFrame> action) {
            checkState();
            Objects.requireNonNull(action);
            while (next < frames.length) {
                action.accept(frames[next++]);
            }
        }

        @Override
        public Spliterator<StackFrame> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return Spliterator.ORDERED | Spliterator.IMMUTABLE | Spliterator.NONNULL;
        }
    }
}
