/** A declaration that may declare type variables: a class, a method or a constructor. */
package java.lang.reflect;

public interface GenericDeclaration extends AnnotatedElement {
    TypeVariable<?>[] getTypeParameters();
}
