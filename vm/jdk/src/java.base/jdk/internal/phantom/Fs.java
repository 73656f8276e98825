/**
 * The process's files, as the VM's host serves them: every file operation of java.io and
 * java.nio.file ends here. Paths given to the natives are absolute and normalized (resolve
 * makes them so, against user.dir). An open file is a small number (3 and up) into the
 * process's table of open files, which keeps its path, mode and position as process state, so
 * that a checkpoint carries open files and a restored process reads and writes on at the same
 * offsets, wherever it runs.
 *
 * Operations on paths return a negative errno-style code on failure (see message); operations on
 * open files throw IOException with the OS's message.
 */
package jdk.internal.phantom;

public final class Fs {
    private Fs() {}

    /** Open flags. */
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int APPEND = 4;
    public static final int CREATE = 8;
    public static final int TRUNCATE = 16;
    public static final int CREATE_NEW = 32;

    /** Failure codes, Linux's errno numbers negated. */
    public static final int ENOENT = -2;
    public static final int EIO = -5;
    public static final int EACCES = -13;
    public static final int EEXIST = -17;
    public static final int ENOTDIR = -20;
    public static final int EISDIR = -21;
    public static final int EINVAL = -22;
    public static final int EMFILE = -24;
    public static final int ENOTEMPTY = -39;

    /** Kinds stat returns. */
    public static final int FILE = 1;
    public static final int DIRECTORY = 2;
    public static final int OTHER = 3;

    /** Indices into stat's out array. */
    public static final int SIZE = 0;
    public static final int MODIFIED = 1;
    /** Access bits for this process: 4 read, 2 write, 1 execute. */
    public static final int ACCESS = 2;

    /** Opens a file: its descriptor (3 or more), or a failure code. */
    public static native int open(String path, int flags);

    /** Reads up to len bytes at the file's position: how many, or -1 at the end. */
    public static native int read(int fd, byte[] b, int off, int len) throws java.io.IOException;

    /** Writes len bytes at the file's position (at its end when opened with APPEND). */
    public static native void write(int fd, byte[] b, int off, int len) throws java.io.IOException;

    /** The file's position. */
    public static native long position(int fd) throws java.io.IOException;

    /** Moves the file's position; past the end is allowed. */
    public static native void seek(int fd, long pos) throws java.io.IOException;

    /** The open file's size in bytes. */
    public static native long size(int fd) throws java.io.IOException;

    /** Sets the open file's size, shortening or extending it with zeros. */
    public static native void truncate(int fd, long length) throws java.io.IOException;

    /** Closes a descriptor; closing one twice is harmless. */
    public static native void close(int fd);

    /** The kind of what path names (FILE, DIRECTORY, OTHER) or a failure code; fills out. */
    public static native int stat(String path, long[] out);

    /** The names in a directory, sorted, or null when it cannot be listed. */
    public static native String[] list(String path);

    /** Deletes a file or an empty directory: 0 or a failure code. */
    public static native int delete(String path);

    /** Renames from to to, replacing an existing file when replace is set: 0 or a failure code. */
    public static native int rename(String from, String to, boolean replace);

    /** Creates one directory: 0 or a failure code. */
    public static native int mkdir(String path);

    /** Sets a file's modification time in milliseconds since the epoch: 0 or a failure code. */
    public static native int setModified(String path, long millis);

    /** The OS's message for a failure code, as strerror gives it. */
    public static String message(int code) {
        switch (code) {
            case ENOENT:
                return "No such file or directory";
            case EACCES:
                return "Permission denied";
            case EEXIST:
                return "File exists";
            case ENOTDIR:
                return "Not a directory";
            case EISDIR:
                return "Is a directory";
            case EINVAL:
                return "Invalid argument";
            case EMFILE:
                return "Too many open files";
            case ENOTEMPTY:
                return "Directory not empty";
            default:
                return "Input/output error";
        }
    }

    /** The working directory: the user.dir property. */
    public static String cwd() {
        String dir = System.getProperty("user.dir");
        return dir == null || dir.isEmpty() ? "/" : dir;
    }

    /**
     * path made absolute against the working directory and normalized: "." and empty names go,
     * ".." removes the name before it (and stays at the root), and the result has no trailing
     * slash except for the root itself.
     */
    public static String resolve(String path) {
        String full = path.startsWith("/") ? path : cwd() + "/" + path;
        String[] parts = full.split("/");
        String[] kept = new String[parts.length];
        int n = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (n > 0) {
                    n--;
                }
                continue;
            }
            kept[n++] = p;
        }
        if (n == 0) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append('/').append(kept[i]);
        }
        return sb.toString();
    }
}
