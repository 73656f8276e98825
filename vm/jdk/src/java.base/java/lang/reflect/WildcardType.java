/** A wildcard type argument, such as {@code ? extends Number}. */
package java.lang.reflect;

public interface WildcardType extends Type {
    Type[] getUpperBounds();

    Type[] getLowerBounds();
}
