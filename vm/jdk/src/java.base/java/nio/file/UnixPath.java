/** A path of the Unix-like default file system, held as its string with "//" collapsed and no trailing "/". */
package java.nio.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.internal.phantom.Fs;

final class UnixPath implements Path {
    private final UnixFileSystem fs;
    private final String path;
    /** Where each name starts in path; the empty path has one empty name. Made on first use. */
    private int[] offsets;
    /** The path's bytes as the OS sees them (UTF-8), which hashCode and compareTo work on. */
    private byte[] bytes;

    UnixPath(UnixFileSystem fs, String input) {
        this.fs = fs;
        this.path = clean(input);
    }

    private UnixPath(UnixFileSystem fs, String cleaned, boolean unused) {
        this.fs = fs;
        this.path = cleaned;
    }

    private UnixPath make(String cleaned) {
        return new UnixPath(fs, cleaned, true);
    }

    /** Rejects NUL, collapses repeated slashes and drops a trailing one. */
    private static String clean(String input) {
        int n = input.length();
        boolean plain = true;
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            if (c == '\u0000') {
                throw new InvalidPathException(input, "Nul character not allowed");
            }
            if (c == '/' && prev == '/') {
                plain = false;
            }
            prev = c;
        }
        if (plain && (n <= 1 || prev != '/')) {
            return input;
        }
        StringBuilder sb = new StringBuilder(n);
        prev = 0;
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            if (c != '/' || prev != '/') {
                sb.append(c);
            }
            prev = c;
        }
        if (sb.length() > 1 && sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private int[] offsets() {
        int[] o = offsets;
        if (o == null) {
            int n = path.length();
            if (n == 0) {
                o = new int[] {0};
            } else {
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (path.charAt(i) != '/' && (i == 0 || path.charAt(i - 1) == '/')) {
                        count++;
                    }
                }
                o = new int[count];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (path.charAt(i) != '/' && (i == 0 || path.charAt(i - 1) == '/')) {
                        o[k++] = i;
                    }
                }
            }
            offsets = o;
        }
        return o;
    }

    private String name(int i) {
        int[] o = offsets();
        int end = i + 1 < o.length ? o[i + 1] - 1 : path.length();
        return path.substring(o[i], end);
    }

    private boolean isEmpty() {
        return path.isEmpty();
    }

    private byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            b = path.getBytes(StandardCharsets.UTF_8);
            bytes = b;
        }
        return b;
    }

    private static UnixPath check(Path p) {
        if (p == null) {
            throw new NullPointerException();
        }
        return (UnixPath) p;
    }

    @Override
    public FileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return path.startsWith("/");
    }

    @Override
    public Path getRoot() {
        return isAbsolute() ? fs.root() : null;
    }

    @Override
    public Path getFileName() {
        int n = offsets().length;
        if (n == 0) {
            return null;
        }
        if (n == 1 && !isAbsolute()) {
            return this;
        }
        return make(name(n - 1));
    }

    @Override
    public Path getParent() {
        int[] o = offsets();
        int n = o.length;
        if (n == 0) {
            return null;
        }
        int end = o[n - 1] - 1;
        if (end < 0) {
            return null;
        }
        return end == 0 ? fs.root() : make(path.substring(0, end));
    }

    @Override
    public int getNameCount() {
        return offsets().length;
    }

    @Override
    public Path getName(int index) {
        if (index < 0 || index >= offsets().length) {
            throw new IllegalArgumentException();
        }
        return make(name(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        int[] o = offsets();
        if (beginIndex < 0 || beginIndex >= o.length || endIndex > o.length || beginIndex >= endIndex) {
            throw new IllegalArgumentException();
        }
        int end = endIndex < o.length ? o[endIndex] - 1 : path.length();
        return make(path.substring(o[beginIndex], end));
    }

    @Override
    public boolean startsWith(Path other) {
        UnixPath p = check(other);
        if (p.isAbsolute() != isAbsolute()) {
            return false;
        }
        if (p.isEmpty()) {
            return isEmpty();
        }
        int n = p.getNameCount();
        if (n > getNameCount()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!name(i).equals(p.name(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean endsWith(Path other) {
        UnixPath p = check(other);
        if (p.isAbsolute()) {
            return p.path.equals(path);
        }
        if (p.isEmpty()) {
            return isEmpty();
        }
        int n = p.getNameCount();
        int m = getNameCount();
        if (n > m) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!name(m - n + i).equals(p.name(i))) {
                return false;
            }
        }
        return true;
    }

    /** The names of the normalized path: "." and empty names dropped, ".." taking the name before it. */
    private List<String> normalNames() {
        List<String> kept = new ArrayList<>();
        int n = getNameCount();
        for (int i = 0; i < n; i++) {
            String s = name(i);
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                int last = kept.size() - 1;
                if (last >= 0 && !kept.get(last).equals("..")) {
                    kept.remove(last);
                    continue;
                }
                // ".." at the root is the root.
                if (isAbsolute()) {
                    continue;
                }
            }
            kept.add(s);
        }
        return kept;
    }

    private String join(List<String> names, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < names.size(); i++) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(names.get(i));
        }
        return sb.toString();
    }

    @Override
    public Path normalize() {
        String s = join(normalNames(), 0);
        if (isAbsolute()) {
            s = "/" + s;
        }
        return s.equals(path) ? this : make(s);
    }

    @Override
    public Path resolve(Path other) {
        UnixPath p = check(other);
        if (p.isAbsolute() || isEmpty()) {
            return p;
        }
        if (p.isEmpty()) {
            return this;
        }
        return make(path.equals("/") ? "/" + p.path : path + "/" + p.path);
    }

    /**
     * The path from this one to other, on both normalized: ".." for each name of this past their
     * common start, then other's remaining names. A ".." among those names of this would need the
     * name of the directory it leaves, which a path alone does not give.
     */
    @Override
    public Path relativize(Path other) {
        UnixPath p = check(other);
        if (p.path.equals(path)) {
            return make("");
        }
        if (p.isAbsolute() != isAbsolute()) {
            throw new IllegalArgumentException("'other' is different type of Path");
        }
        if (isEmpty()) {
            return p;
        }
        List<String> from = normalNames();
        List<String> to = p.normalNames();
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.size(); i++) {
            if (from.get(i).equals("..")) {
                throw new IllegalArgumentException("Unable to compute relative  path from " + this + " to " + other);
            }
            sb.append(sb.length() == 0 ? ".." : "/..");
        }
        String rest = join(to, common);
        if (!rest.isEmpty()) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(rest);
        }
        return make(sb.toString());
    }

    @Override
    public Path toAbsolutePath() {
        if (isAbsolute()) {
            return this;
        }
        return new UnixPath(fs, Fs.cwd()).resolve(this);
    }

    /** Without symbolic links, the real path is the absolute normalized one, if the file exists. */
    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        for (LinkOption o : options) {
            if (o == null) {
                throw new NullPointerException();
            }
        }
        String abs = Fs.resolve(path);
        int kind = Fs.stat(abs, new long[3]);
        if (kind < 0) {
            throw Files.failure(kind, path, null);
        }
        return make(abs);
    }

    @Override
    public int compareTo(Path other) {
        byte[] a = bytes();
        byte[] b = ((UnixPath) other).bytes();
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = (a[i] & 0xff) - (b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return a.length - b.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnixPath && ((UnixPath) other).path.equals(path);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (byte b : bytes()) {
            h = 31 * h + (b & 0xff);
        }
        return h;
    }

    @Override
    public String toString() {
        return path;
    }
}
