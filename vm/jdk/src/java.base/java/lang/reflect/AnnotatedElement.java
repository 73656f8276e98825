/** An element that may carry annotations: a class, a method, a constructor or a field. */
package java.lang.reflect;

import java.lang.annotation.Annotation;
import java.util.Objects;
import jdk.internal.phantom.Annotations;

public interface AnnotatedElement {
    default boolean isAnnotationPresent(Class<? extends Annotation> annotationClass) {
        return getAnnotation(annotationClass) != null;
    }

    <T extends Annotation> T getAnnotation(Class<T> annotationClass);

    Annotation[] getAnnotations();

    default <T extends Annotation> T[] getAnnotationsByType(Class<T> annotationClass) {
        T[] result = getDeclaredAnnotationsByType(annotationClass);
        if (result.length == 0 && this instanceof Class && Annotations.isInherited(annotationClass)) {
            Class<?> superClass = ((Class<?>) this).getSuperclass();
            if (superClass != null) {
                result = superClass.getAnnotationsByType(annotationClass);
            }
        }
        return result;
    }

    default <T extends Annotation> T getDeclaredAnnotation(Class<T> annotationClass) {
        Objects.requireNonNull(annotationClass);
        for (Annotation annotation : getDeclaredAnnotations()) {
            if (annotationClass.equals(annotation.annotationType())) {
                return annotationClass.cast(annotation);
            }
        }
        return null;
    }

    default <T extends Annotation> T[] getDeclaredAnnotationsByType(Class<T> annotationClass) {
        Objects.requireNonNull(annotationClass);
        java.util.Map<Class<? extends Annotation>, Annotation> map = new java.util.LinkedHashMap<>();
        for (Annotation a : getDeclaredAnnotations()) {
            map.putIfAbsent(a.annotationType(), a);
        }
        return Annotations.directlyAndIndirectly(map, annotationClass);
    }

    Annotation[] getDeclaredAnnotations();
}
