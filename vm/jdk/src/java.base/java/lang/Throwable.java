/** The superclass of everything that can be thrown; holds the message, cause, stack trace and suppressed exceptions. */
package java.lang;

import java.io.PrintStream;
import java.io.PrintWriter;

public class Throwable implements java.io.Serializable {
    private static final StackTraceElement[] EMPTY_TRACE = new StackTraceElement[0];
    private static final Throwable[] EMPTY_SUPPRESSED = new Throwable[0];

    private String detailMessage;
    /** {@code this} until the cause is set; the VM sets it so when it raises an exception itself. */
    private Throwable cause = this;
    private StackTraceElement[] stackTrace;
    private Throwable[] suppressed;
    /** Inverted flags, so that an exception the VM builds without a constructor has the defaults. */
    private boolean stackTraceNotWritable;
    private boolean suppressionDisabled;

    public Throwable() {
        fillInStackTrace();
    }

    public Throwable(String message) {
        fillInStackTrace();
        detailMessage = message;
    }

    public Throwable(String message, Throwable cause) {
        fillInStackTrace();
        detailMessage = message;
        this.cause = cause;
    }

    public Throwable(Throwable cause) {
        fillInStackTrace();
        detailMessage = (cause == null ? null : cause.toString());
        this.cause = cause;
    }

    protected Throwable(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        if (writableStackTrace) {
            fillInStackTrace();
        } else {
            stackTraceNotWritable = true;
        }
        detailMessage = message;
        this.cause = cause;
        suppressionDisabled = !enableSuppression;
    }

    public String getMessage() {
        return detailMessage;
    }

    public String getLocalizedMessage() {
        return getMessage();
    }

    public synchronized Throwable getCause() {
        return (cause == this ? null : cause);
    }

    public synchronized Throwable initCause(Throwable cause) {
        if (this.cause != this) {
            throw new IllegalStateException("Can't overwrite cause with " + (cause == null ? "a null" : cause.toString()), this);
        }
        if (cause == this) {
            throw new IllegalArgumentException("Self-causation not permitted", this);
        }
        this.cause = cause;
        return this;
    }

    @Override
    public String toString() {
        String s = getClass().getName();
        String message = getLocalizedMessage();
        return (message != null) ? (s + ": " + message) : s;
    }

    public void printStackTrace() {
        printStackTrace(System.err);
    }

    public void printStackTrace(PrintStream s) {
        synchronized (s) {
            printTrace(new Sink(s, null));
        }
    }

    public void printStackTrace(PrintWriter s) {
        synchronized (s) {
            printTrace(new Sink(null, s));
        }
    }

    /** One of the two kinds of destination printStackTrace accepts. */
    private static final class Sink {
        private final PrintStream stream;
        private final PrintWriter writer;

        Sink(PrintStream stream, PrintWriter writer) {
            this.stream = stream;
            this.writer = writer;
        }

        void println(String line) {
            if (stream != null) {
                stream.println(line);
            } else {
                writer.println(line);
            }
        }
    }

    /** The exceptions already printed in one report, compared by identity, to cut cycles. */
    private static final class Seen {
        private Throwable[] items = new Throwable[4];
        private int n;

        boolean contains(Throwable t) {
            for (int i = 0; i < n; i++) {
                if (items[i] == t) {
                    return true;
                }
            }
            return false;
        }

        void add(Throwable t) {
            if (n == items.length) {
                Throwable[] bigger = new Throwable[n * 2];
                System.arraycopy(items, 0, bigger, 0, n);
                items = bigger;
            }
            items[n++] = t;
        }
    }

    private void printTrace(Sink s) {
        Seen seen = new Seen();
        seen.add(this);
        s.println(String.valueOf(this));
        StackTraceElement[] trace = ourStackTrace();
        for (StackTraceElement e : trace) {
            s.println("\tat " + e);
        }
        for (Throwable t : getSuppressed()) {
            t.printEnclosedTrace(s, trace, "Suppressed: ", "\t", seen);
        }
        Throwable ourCause = getCause();
        if (ourCause != null) {
            ourCause.printEnclosedTrace(s, trace, "Caused by: ", "", seen);
        }
    }

    private void printEnclosedTrace(Sink s, StackTraceElement[] enclosing, String caption, String prefix, Seen seen) {
        if (seen.contains(this)) {
            s.println(prefix + caption + "[CIRCULAR REFERENCE: " + this + "]");
            return;
        }
        seen.add(this);
        StackTraceElement[] trace = ourStackTrace();
        // Frames shared with the enclosing trace are printed once, as "... N more".
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        s.println(prefix + caption + this);
        for (int i = 0; i <= m; i++) {
            s.println(prefix + "\tat " + trace[i]);
        }
        if (inCommon != 0) {
            s.println(prefix + "\t... " + inCommon + " more");
        }
        for (Throwable t : getSuppressed()) {
            t.printEnclosedTrace(s, trace, "Suppressed: ", prefix + "\t", seen);
        }
        Throwable ourCause = getCause();
        if (ourCause != null) {
            ourCause.printEnclosedTrace(s, trace, "Caused by: ", prefix, seen);
        }
    }

    public synchronized Throwable fillInStackTrace() {
        if (!stackTraceNotWritable) {
            stackTrace = fillInStackTrace0();
        }
        return this;
    }

    private native StackTraceElement[] fillInStackTrace0();

    public StackTraceElement[] getStackTrace() {
        return ourStackTrace().clone();
    }

    private synchronized StackTraceElement[] ourStackTrace() {
        StackTraceElement[] trace = stackTrace;
        return trace == null ? EMPTY_TRACE : trace;
    }

    public void setStackTrace(StackTraceElement[] stackTrace) {
        StackTraceElement[] copy = stackTrace.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException("stackTrace[" + i + "]");
            }
        }
        synchronized (this) {
            if (stackTraceNotWritable) {
                return;
            }
            this.stackTrace = copy;
        }
    }

    public final synchronized void addSuppressed(Throwable exception) {
        if (exception == this) {
            throw new IllegalArgumentException("Self-suppression not permitted", exception);
        }
        if (exception == null) {
            throw new NullPointerException("Cannot suppress a null exception.");
        }
        if (suppressionDisabled) {
            return;
        }
        Throwable[] old = suppressed;
        int n = (old == null ? 0 : old.length);
        Throwable[] grown = new Throwable[n + 1];
        if (n > 0) {
            System.arraycopy(old, 0, grown, 0, n);
        }
        grown[n] = exception;
        suppressed = grown;
    }

    public final synchronized Throwable[] getSuppressed() {
        Throwable[] s = suppressed;
        return (s == null || s.length == 0) ? EMPTY_SUPPRESSED : s.clone();
    }
}
