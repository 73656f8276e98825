/** Prints text as bytes in one charset (UTF-8 by default), swallowing I/O errors into checkError; System.out and System.err are PrintStreams. */
package java.io;

import java.nio.charset.Charset;

public class PrintStream extends FilterOutputStream implements Appendable, Closeable {
    private final boolean autoFlush;
    private final TextEncoder encoder;
    private boolean trouble;
    private boolean closing;

    public PrintStream(OutputStream out) {
        this(out, false);
    }

    public PrintStream(OutputStream out, boolean autoFlush) {
        this(requireNonNull(out), autoFlush, Charset.defaultCharset());
    }

    public PrintStream(OutputStream out, boolean autoFlush, String encoding) throws UnsupportedEncodingException {
        this(requireNonNull(out), autoFlush, TextEncoder.toCharset(encoding));
    }

    /** HotSpot 17 does not reject a null stream here: printing to it then only sets the error flag. */
    public PrintStream(OutputStream out, boolean autoFlush, Charset charset) {
        super(out);
        this.autoFlush = autoFlush;
        this.encoder = new TextEncoder(TextEncoder.requireCharset(charset));
    }

    public PrintStream(String fileName) throws FileNotFoundException {
        this(new FileOutputStream(fileName), false);
    }

    public PrintStream(String fileName, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        this(new FileOutputStream(fileName), false, csn);
    }

    public PrintStream(String fileName, Charset charset) throws IOException {
        this(new FileOutputStream(fileName), false, charset);
    }

    public PrintStream(File file) throws FileNotFoundException {
        this(new FileOutputStream(file), false);
    }

    public PrintStream(File file, String csn) throws FileNotFoundException, UnsupportedEncodingException {
        this(new FileOutputStream(file), false, csn);
    }

    public PrintStream(File file, Charset charset) throws IOException {
        this(new FileOutputStream(file), false, charset);
    }

    private static OutputStream requireNonNull(OutputStream out) {
        if (out == null) {
            throw new NullPointerException("Null output stream");
        }
        return out;
    }

    private void ensureOpen() throws IOException {
        if (out == null) {
            throw new IOException("Stream closed");
        }
    }

    @Override
    public void flush() {
        synchronized (this) {
            try {
                ensureOpen();
                out.flush();
            } catch (IOException x) {
                trouble = true;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (!closing) {
                closing = true;
                try {
                    // A high surrogate still waiting for its low half is written as the
                    // charset's replacement, as closing the JDK's encoder does.
                    byte[] rest = encoder.finish();
                    if (rest.length > 0 && out != null) {
                        out.write(rest, 0, rest.length);
                    }
                    out.close();
                } catch (IOException x) {
                    trouble = true;
                }
                out = null;
            }
        }
    }

    public boolean checkError() {
        if (out != null) {
            flush();
        }
        return trouble;
    }

    protected void setError() {
        trouble = true;
    }

    protected void clearError() {
        trouble = false;
    }

    @Override
    public void write(int b) {
        try {
            synchronized (this) {
                ensureOpen();
                out.write(b);
                if ((b == '\n') && autoFlush) {
                    out.flush();
                }
            }
        } catch (IOException x) {
            trouble = true;
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        try {
            synchronized (this) {
                ensureOpen();
                out.write(buf, off, len);
                if (autoFlush) {
                    out.flush();
                }
            }
        } catch (IOException x) {
            trouble = true;
        }
    }

    @Override
    public void write(byte[] buf) throws IOException {
        this.write(buf, 0, buf.length);
    }

    public void writeBytes(byte[] buf) {
        this.write(buf, 0, buf.length);
    }

    /** Encodes and writes text, adding the line separator when newline is set, in one write. */
    private void writeText(String s, boolean newline) {
        char[] chars = s.toCharArray();
        writeText(chars, newline);
    }

    private void writeText(char[] chars, boolean newline) {
        try {
            synchronized (this) {
                ensureOpen();
                // Encoded under the lock: the encoder carries a high surrogate from one print to the next.
                byte[] bytes = encoder.encode(chars, 0, chars.length, newline);
                out.write(bytes, 0, bytes.length);
                // Flushing a plain FileOutputStream does nothing, so skip the search for a newline.
                if (autoFlush && (newline || (out.getClass() != FileOutputStream.class && containsNewline(chars)))) {
                    out.flush();
                }
            }
        } catch (IOException x) {
            trouble = true;
        }
    }

    private static boolean containsNewline(char[] chars) {
        for (char c : chars) {
            if (c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void newLine() {
        writeText(EMPTY, true);
    }

    private static final char[] EMPTY = new char[0];

    /** Subclasses may override print; println then goes through it as the JDK's does. */
    private boolean exact() {
        return getClass() == PrintStream.class;
    }

    public void print(boolean b) {
        writeText(b ? "true" : "false", false);
    }

    public void print(char c) {
        writeText(String.valueOf(c), false);
    }

    public void print(int i) {
        writeText(String.valueOf(i), false);
    }

    public void print(long l) {
        writeText(String.valueOf(l), false);
    }

    public void print(float f) {
        writeText(String.valueOf(f), false);
    }

    public void print(double d) {
        writeText(String.valueOf(d), false);
    }

    public void print(char[] s) {
        writeText(s, false);
    }

    public void print(String s) {
        writeText(String.valueOf(s), false);
    }

    public void print(Object obj) {
        writeText(String.valueOf(obj), false);
    }

    public void println() {
        newLine();
    }

    public void println(boolean x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(char x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(int x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(long x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(float x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(double x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(char[] x) {
        if (exact()) {
            writeText(x, true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(String x) {
        if (exact()) {
            writeText(String.valueOf(x), true);
        } else {
            synchronized (this) {
                print(x);
                newLine();
            }
        }
    }

    public void println(Object x) {
        String s = String.valueOf(x);
        if (exact()) {
            writeText(s, true);
        } else {
            synchronized (this) {
                print(s);
                newLine();
            }
        }
    }

    public PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    public PrintStream format(String format, Object... args) {
        String text = new java.util.Formatter().format(format, args).toString();
        synchronized (this) {
            writeText(text, false);
        }
        return this;
    }

    public PrintStream printf(java.util.Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    public PrintStream format(java.util.Locale l, String format, Object... args) {
        String text = new java.util.Formatter(l).format(format, args).toString();
        synchronized (this) {
            writeText(text, false);
        }
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        if (csq == null) {
            csq = "null";
        }
        return append(csq.subSequence(start, end));
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }
}
