/** A parameterized type, such as {@code java.util.List<java.lang.String>}. */
package java.lang.reflect;

public interface ParameterizedType extends Type {
    Type[] getActualTypeArguments();

    Type getRawType();

    Type getOwnerType();
}
