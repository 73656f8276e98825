/**
 * A path name of the process's file system. Every query and change goes through
 * jdk.internal.phantom.Fs, so files are those the VM's host serves (the home node's, in a
 * cluster). Path names are kept as java.io.File keeps them on Unix: without repeated or
 * trailing slashes, relative ones resolved against user.dir when used.
 */
package java.io;

import java.util.ArrayList;
import jdk.internal.phantom.Fs;

public class File implements Serializable, Comparable<File> {
    public static final char separatorChar = '/';
    public static final String separator = "/";
    public static final char pathSeparatorChar = ':';
    public static final String pathSeparator = ":";

    private final String path;

    public File(String pathname) {
        if (pathname == null) {
            throw new NullPointerException();
        }
        this.path = normalize(pathname);
    }

    public File(String parent, String child) {
        if (child == null) {
            throw new NullPointerException();
        }
        if (parent == null) {
            this.path = normalize(child);
        } else if (parent.isEmpty()) {
            this.path = join("/", normalize(child));
        } else {
            this.path = join(normalize(parent), normalize(child));
        }
    }

    public File(File parent, String child) {
        this(parent == null ? null : parent.path, child);
    }

    private static String normalize(String p) {
        StringBuilder sb = new StringBuilder(p.length());
        char prev = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '/' && prev == '/') {
                continue;
            }
            sb.append(c);
            prev = c;
        }
        int n = sb.length();
        if (n > 1 && sb.charAt(n - 1) == '/') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    private static String join(String parent, String child) {
        if (child.isEmpty()) {
            return parent;
        }
        if (child.charAt(0) == '/') {
            return parent.equals("/") ? child : parent + child;
        }
        return parent.equals("/") ? "/" + child : parent + "/" + child;
    }

    /** The absolute, normalized path the natives take, or null for a path naming nothing. */
    String fsPath() {
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            return null;
        }
        return Fs.resolve(path);
    }

    boolean isInvalid() {
        return path.indexOf('\0') >= 0;
    }

    public String getName() {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    public String getParent() {
        int i = path.lastIndexOf('/');
        if (i < 0) {
            return null;
        }
        if (i == 0) {
            return path.length() > 1 ? "/" : null;
        }
        return path.substring(0, i);
    }

    public File getParentFile() {
        String p = getParent();
        return p == null ? null : new File(p);
    }

    public String getPath() {
        return path;
    }

    public boolean isAbsolute() {
        return path.startsWith("/");
    }

    public String getAbsolutePath() {
        if (isAbsolute()) {
            return path;
        }
        String cwd = Fs.cwd();
        return path.isEmpty() ? cwd : join(cwd, path);
    }

    public File getAbsoluteFile() {
        return new File(getAbsolutePath());
    }

    public String getCanonicalPath() throws IOException {
        if (isInvalid()) {
            throw new IOException("Invalid file path");
        }
        return Fs.resolve(getAbsolutePath());
    }

    public File getCanonicalFile() throws IOException {
        return new File(getCanonicalPath());
    }

    public java.nio.file.Path toPath() {
        return java.nio.file.Path.of(path);
    }

    /** Fs.stat of this path: its kind, or a negative code. */
    private int stat(long[] out) {
        String p = fsPath();
        return p == null ? Fs.ENOENT : Fs.stat(p, out);
    }

    public boolean exists() {
        return stat(null) > 0;
    }

    public boolean isDirectory() {
        return stat(null) == Fs.DIRECTORY;
    }

    public boolean isFile() {
        return stat(null) == Fs.FILE;
    }

    public boolean isHidden() {
        return getName().startsWith(".");
    }

    private boolean access(int bit) {
        long[] out = new long[3];
        return stat(out) > 0 && (out[Fs.ACCESS] & bit) != 0;
    }

    public boolean canRead() {
        return access(4);
    }

    public boolean canWrite() {
        return access(2);
    }

    public boolean canExecute() {
        return access(1);
    }

    public long lastModified() {
        long[] out = new long[3];
        return stat(out) > 0 ? out[Fs.MODIFIED] : 0L;
    }

    public long length() {
        long[] out = new long[3];
        return stat(out) > 0 ? out[Fs.SIZE] : 0L;
    }

    public boolean setLastModified(long time) {
        if (time < 0) {
            throw new IllegalArgumentException("Negative time");
        }
        String p = fsPath();
        return p != null && Fs.setModified(p, time) == 0;
    }

    public boolean createNewFile() throws IOException {
        String p = fsPath();
        if (p == null) {
            throw new IOException(isInvalid() ? "Invalid file path" : "No such file or directory");
        }
        int fd = Fs.open(p, Fs.WRITE | Fs.CREATE_NEW);
        if (fd >= 0) {
            Fs.close(fd);
            return true;
        }
        if (fd == Fs.EEXIST) {
            return false;
        }
        throw new IOException(Fs.message(fd));
    }

    public boolean delete() {
        String p = fsPath();
        return p != null && Fs.delete(p) == 0;
    }

    private static ArrayList<String> toDelete;

    public void deleteOnExit() {
        synchronized (File.class) {
            if (toDelete == null) {
                toDelete = new ArrayList<>();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    ArrayList<String> all;
                    synchronized (File.class) {
                        all = toDelete;
                    }
                    // Last registered, first deleted, as the JDK does.
                    for (int i = all.size() - 1; i >= 0; i--) {
                        Fs.delete(all.get(i));
                    }
                }));
            }
            String p = fsPath();
            if (p != null) {
                toDelete.add(p);
            }
        }
    }

    public String[] list() {
        String p = fsPath();
        return p == null ? null : Fs.list(p);
    }

    public String[] list(FilenameFilter filter) {
        String[] names = list();
        if (names == null || filter == null) {
            return names;
        }
        ArrayList<String> kept = new ArrayList<>();
        for (String n : names) {
            if (filter.accept(this, n)) {
                kept.add(n);
            }
        }
        return kept.toArray(new String[0]);
    }

    public File[] listFiles() {
        String[] names = list();
        if (names == null) {
            return null;
        }
        File[] files = new File[names.length];
        for (int i = 0; i < names.length; i++) {
            files[i] = new File(this, names[i]);
        }
        return files;
    }

    public File[] listFiles(FilenameFilter filter) {
        String[] names = list();
        if (names == null) {
            return null;
        }
        ArrayList<File> kept = new ArrayList<>();
        for (String n : names) {
            if (filter == null || filter.accept(this, n)) {
                kept.add(new File(this, n));
            }
        }
        return kept.toArray(new File[0]);
    }

    public File[] listFiles(FileFilter filter) {
        String[] names = list();
        if (names == null) {
            return null;
        }
        ArrayList<File> kept = new ArrayList<>();
        for (String n : names) {
            File f = new File(this, n);
            if (filter == null || filter.accept(f)) {
                kept.add(f);
            }
        }
        return kept.toArray(new File[0]);
    }

    public boolean mkdir() {
        String p = fsPath();
        return p != null && Fs.mkdir(p) == 0;
    }

    public boolean mkdirs() {
        if (exists()) {
            return false;
        }
        if (mkdir()) {
            return true;
        }
        File canon;
        try {
            canon = getCanonicalFile();
        } catch (IOException e) {
            return false;
        }
        File parent = canon.getParentFile();
        return parent != null && (parent.mkdirs() || parent.exists()) && canon.mkdir();
    }

    public boolean renameTo(File dest) {
        if (dest == null) {
            throw new NullPointerException();
        }
        String from = fsPath();
        String to = dest.fsPath();
        return from != null && to != null && Fs.rename(from, to, true) == 0;
    }

    public boolean setReadOnly() {
        return false;
    }

    public boolean setWritable(boolean writable, boolean ownerOnly) {
        return false;
    }

    public boolean setWritable(boolean writable) {
        return false;
    }

    public boolean setReadable(boolean readable, boolean ownerOnly) {
        return false;
    }

    public boolean setReadable(boolean readable) {
        return false;
    }

    public boolean setExecutable(boolean executable, boolean ownerOnly) {
        return false;
    }

    public boolean setExecutable(boolean executable) {
        return false;
    }

    public static File[] listRoots() {
        return new File[] {new File("/")};
    }

    public long getTotalSpace() {
        return 0L;
    }

    public long getFreeSpace() {
        return 0L;
    }

    public long getUsableSpace() {
        return 0L;
    }

    private static long tempCounter = System.nanoTime() & 0x7fffffffL;

    public static File createTempFile(String prefix, String suffix, File directory) throws IOException {
        if (prefix.length() < 3) {
            throw new IllegalArgumentException("Prefix string \"" + prefix + "\" too short: length must be at least 3");
        }
        String s = suffix == null ? ".tmp" : suffix;
        File dir = directory != null ? directory : new File(System.getProperty("java.io.tmpdir", "/tmp"));
        while (true) {
            long n;
            synchronized (File.class) {
                tempCounter = tempCounter * 6364136223846793005L + 1442695040888963407L;
                n = (tempCounter >>> 1) % 10000000000000000L;
            }
            File f = new File(dir, prefix + n + s);
            String p = f.fsPath();
            if (p == null) {
                throw new IOException("Unable to create temporary file");
            }
            int fd = Fs.open(p, Fs.WRITE | Fs.CREATE_NEW);
            if (fd >= 0) {
                Fs.close(fd);
                return f;
            }
            if (fd != Fs.EEXIST) {
                throw new IOException(Fs.message(fd));
            }
        }
    }

    public static File createTempFile(String prefix, String suffix) throws IOException {
        return createTempFile(prefix, suffix, null);
    }

    @Override
    public int compareTo(File other) {
        return path.compareTo(other.path);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof File && ((File) obj).path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode() ^ 1234321;
    }

    @Override
    public String toString() {
        return path;
    }
}
