/** An operation on one or two files failed; the message names them and, when known, why. */
package java.nio.file;

import java.io.IOException;

public class FileSystemException extends IOException {
    private final String file;
    private final String other;

    public FileSystemException(String file) {
        super((String) null);
        this.file = file;
        this.other = null;
    }

    public FileSystemException(String file, String other, String reason) {
        super(reason);
        this.file = file;
        this.other = other;
    }

    public String getFile() {
        return file;
    }

    public String getOtherFile() {
        return other;
    }

    public String getReason() {
        return super.getMessage();
    }

    /** "file", "file: reason", "file -> other" or "file -> other: reason"; the bare reason without files. */
    @Override
    public String getMessage() {
        String reason = getReason();
        if (file == null && other == null) {
            return reason;
        }
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (other != null) {
            sb.append(" -> ").append(other);
        }
        if (reason != null) {
            sb.append(": ").append(reason);
        }
        return sb.toString();
    }
}
