/** Reads and writes a file at any position, with the DataInput and DataOutput encodings. */
package java.io;

import jdk.internal.phantom.Fs;

public class RandomAccessFile implements DataOutput, DataInput, Closeable {
    private final FileDescriptor fd;
    private final int n;
    private volatile boolean closed;
    private final byte[] scratch = new byte[8];

    public RandomAccessFile(String name, String mode) throws FileNotFoundException {
        this(name != null ? new File(name) : null, mode);
    }

    public RandomAccessFile(File file, String mode) throws FileNotFoundException {
        String name = (file != null ? file.getPath() : null);
        int flags;
        if (mode.equals("r")) {
            flags = Fs.READ;
        } else if (mode.equals("rw") || mode.equals("rws") || mode.equals("rwd")) {
            flags = Fs.READ | Fs.WRITE | Fs.CREATE;
        } else {
            throw new IllegalArgumentException(
                    "Illegal mode \"" + mode + "\" must be one of \"r\", \"rw\", \"rws\", or \"rwd\"");
        }
        if (name == null) {
            throw new NullPointerException();
        }
        if (file.isInvalid()) {
            throw new FileNotFoundException("Invalid file path");
        }
        String p = file.fsPath();
        int d = p == null ? Fs.ENOENT : Fs.open(p, flags);
        if (d < 0) {
            throw new FileNotFoundException(name + " (" + Fs.message(d) + ")");
        }
        this.n = d;
        this.fd = new FileDescriptor(d);
    }

    public final FileDescriptor getFD() throws IOException {
        return fd;
    }

    private int fd() throws IOException {
        if (closed) {
            throw new IOException("Stream Closed");
        }
        return n;
    }

    public int read() throws IOException {
        int r = Fs.read(fd(), scratch, 0, 1);
        return r <= 0 ? -1 : (scratch[0] & 0xff);
    }

    public int read(byte[] b, int off, int len) throws IOException {
        OutputStream.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        return Fs.read(fd(), b, off, len);
    }

    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }

    public final void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    public final void readFully(byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int r = read(b, off + done, len - done);
            if (r < 0) {
                throw new EOFException();
            }
            done += r;
        }
    }

    public int skipBytes(int k) throws IOException {
        if (k <= 0) {
            return 0;
        }
        long pos = getFilePointer();
        long len = length();
        long to = Math.min(pos + k, len);
        if (to <= pos) {
            return 0;
        }
        seek(to);
        return (int) (to - pos);
    }

    public void write(int b) throws IOException {
        scratch[0] = (byte) b;
        Fs.write(fd(), scratch, 0, 1);
    }

    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        OutputStream.checkFromIndexSize(off, len, b.length);
        Fs.write(fd(), b, off, len);
    }

    public long getFilePointer() throws IOException {
        return Fs.position(fd());
    }

    public void seek(long pos) throws IOException {
        if (pos < 0) {
            throw new IOException("Negative seek offset");
        }
        Fs.seek(fd(), pos);
    }

    public long length() throws IOException {
        return Fs.size(fd());
    }

    public void setLength(long newLength) throws IOException {
        Fs.truncate(fd(), newLength);
    }

    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        fd.close();
    }

    private void readInto(int len) throws IOException {
        readFully(scratch, 0, len);
    }

    public final boolean readBoolean() throws IOException {
        int ch = read();
        if (ch < 0) {
            throw new EOFException();
        }
        return ch != 0;
    }

    public final byte readByte() throws IOException {
        int ch = read();
        if (ch < 0) {
            throw new EOFException();
        }
        return (byte) ch;
    }

    public final int readUnsignedByte() throws IOException {
        int ch = read();
        if (ch < 0) {
            throw new EOFException();
        }
        return ch;
    }

    public final short readShort() throws IOException {
        readInto(2);
        return (short) (((scratch[0] & 0xff) << 8) | (scratch[1] & 0xff));
    }

    public final int readUnsignedShort() throws IOException {
        readInto(2);
        return ((scratch[0] & 0xff) << 8) | (scratch[1] & 0xff);
    }

    public final char readChar() throws IOException {
        return (char) readUnsignedShort();
    }

    public final int readInt() throws IOException {
        readInto(4);
        return ((scratch[0] & 0xff) << 24) | ((scratch[1] & 0xff) << 16)
                | ((scratch[2] & 0xff) << 8) | (scratch[3] & 0xff);
    }

    public final long readLong() throws IOException {
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    public final float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    public final double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    public final String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c = -1;
        boolean eol = false;
        while (!eol) {
            switch (c = read()) {
                case -1:
                case '\n':
                    eol = true;
                    break;
                case '\r':
                    eol = true;
                    long cur = getFilePointer();
                    if (read() != '\n') {
                        seek(cur);
                    }
                    break;
                default:
                    sb.append((char) c);
                    break;
            }
        }
        if (c == -1 && sb.length() == 0) {
            return null;
        }
        return sb.toString();
    }

    public final String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }

    public final void writeBoolean(boolean v) throws IOException {
        write(v ? 1 : 0);
    }

    public final void writeByte(int v) throws IOException {
        write(v);
    }

    public final void writeShort(int v) throws IOException {
        byte[] b = {(byte) (v >>> 8), (byte) v};
        write(b, 0, 2);
    }

    public final void writeChar(int v) throws IOException {
        writeShort(v);
    }

    public final void writeInt(int v) throws IOException {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        write(b, 0, 4);
    }

    public final void writeLong(long v) throws IOException {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        write(b, 0, 8);
    }

    public final void writeFloat(float v) throws IOException {
        writeInt(Float.floatToIntBits(v));
    }

    public final void writeDouble(double v) throws IOException {
        writeLong(Double.doubleToLongBits(v));
    }

    public final void writeBytes(String s) throws IOException {
        int len = s.length();
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) s.charAt(i);
        }
        write(b, 0, len);
    }

    public final void writeChars(String s) throws IOException {
        int len = s.length();
        byte[] b = new byte[len * 2];
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            b[2 * i] = (byte) (c >>> 8);
            b[2 * i + 1] = (byte) c;
        }
        write(b, 0, b.length);
    }

    public final void writeUTF(String str) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF(str);
        write(bytes.toByteArray());
    }
}
