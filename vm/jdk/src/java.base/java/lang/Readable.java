/** A source of characters that can fill a CharBuffer (not provided here, so no methods). */
package java.lang;

public interface Readable {}
