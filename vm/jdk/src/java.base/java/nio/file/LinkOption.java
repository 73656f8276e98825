/** Not following a symbolic link; phantom's file system shows no links, so this changes nothing. */
package java.nio.file;

public enum LinkOption implements OpenOption, CopyOption {
    NOFOLLOW_LINKS
}
