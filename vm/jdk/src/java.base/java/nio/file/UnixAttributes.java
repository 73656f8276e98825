/** A file's basic attributes from one Fs.stat; Fs knows only the modification time, so it stands for all three times. */
package java.nio.file;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import jdk.internal.phantom.Fs;

final class UnixAttributes implements BasicFileAttributes {
    private final int kind;
    private final long size;
    private final long modified;

    private UnixAttributes(int kind, long size, long modified) {
        this.kind = kind;
        this.size = size;
        this.modified = modified;
    }

    static UnixAttributes read(Path path) throws IOException {
        long[] out = new long[3];
        int kind = Fs.stat(Files.abs(path), out);
        if (kind < 0) {
            throw Files.failure(kind, path.toString(), null);
        }
        return new UnixAttributes(kind, out[Fs.SIZE], out[Fs.MODIFIED]);
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.fromMillis(modified);
    }

    @Override
    public FileTime lastAccessTime() {
        return lastModifiedTime();
    }

    @Override
    public FileTime creationTime() {
        return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
        return kind == Fs.FILE;
    }

    @Override
    public boolean isDirectory() {
        return kind == Fs.DIRECTORY;
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return kind == Fs.OTHER;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Object fileKey() {
        return null;
    }
}
