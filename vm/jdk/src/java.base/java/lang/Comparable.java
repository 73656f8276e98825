/** A type with a natural ordering. */
package java.lang;

public interface Comparable<T> {
    int compareTo(T o);
}
