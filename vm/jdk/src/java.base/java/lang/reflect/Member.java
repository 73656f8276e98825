/** A member of a class or interface: a field, a method or a constructor. */
package java.lang.reflect;

public interface Member {
    int PUBLIC = 0;
    int DECLARED = 1;

    Class<?> getDeclaringClass();

    String getName();

    int getModifiers();

    boolean isSynthetic();
}
