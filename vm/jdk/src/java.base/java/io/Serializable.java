/** Marks classes whose instances may be serialized (serialization itself is not provided). */
package java.io;

public interface Serializable {}
