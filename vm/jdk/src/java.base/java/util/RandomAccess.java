// Marker for lists with fast (constant-time) positional access.
package java.util;

public interface RandomAccess {
}
