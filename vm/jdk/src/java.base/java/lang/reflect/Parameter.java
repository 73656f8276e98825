/** A parameter of a method or constructor: its name (from a MethodParameters attribute, else argN), type and annotations. */
package java.lang.reflect;

import java.lang.annotation.Annotation;
import java.util.Objects;

public final class Parameter implements AnnotatedElement {
    private final String name;
    private final int modifiers;
    private final Executable executable;
    private final int index;
    private final boolean namePresent;

    Parameter(String name, int modifiers, Executable executable, int index, boolean namePresent) {
        this.name = name;
        this.modifiers = modifiers;
        this.executable = executable;
        this.index = index;
        this.namePresent = namePresent;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Parameter && ((Parameter) obj).executable.equals(executable)
                && ((Parameter) obj).index == index;
    }

    @Override
    public int hashCode() {
        return executable.hashCode() ^ index;
    }

    public boolean isNamePresent() {
        return namePresent;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String typename = getParameterizedType().getTypeName();
        sb.append(Modifier.toString(getModifiers()));
        if (modifiers != 0) {
            sb.append(' ');
        }
        sb.append(isVarArgs() ? typename.replaceFirst("\\[\\]$", "...") : typename);
        return sb.append(' ').append(getName()).toString();
    }

    public Executable getDeclaringExecutable() {
        return executable;
    }

    public int getModifiers() {
        return modifiers;
    }

    public String getName() {
        return name;
    }

    public Type getParameterizedType() {
        Type[] generic = executable.getGenericParameterTypes();
        Class<?>[] plain = executable.getParameterTypes();
        return generic.length == plain.length ? generic[index] : plain[index];
    }

    public Class<?> getType() {
        return executable.getParameterTypes()[index];
    }

    public boolean isImplicit() {
        return (getModifiers() & Modifier.MANDATED) != 0;
    }

    public boolean isSynthetic() {
        return (getModifiers() & Modifier.SYNTHETIC) != 0;
    }

    public boolean isVarArgs() {
        return executable.isVarArgs() && index == executable.getParameterCount() - 1;
    }

    @Override
    public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
        Objects.requireNonNull(annotationClass);
        for (Annotation a : getDeclaredAnnotations()) {
            if (a.annotationType() == annotationClass) {
                return annotationClass.cast(a);
            }
        }
        return null;
    }

    @Override
    public Annotation[] getAnnotations() {
        return getDeclaredAnnotations();
    }

    @Override
    public Annotation[] getDeclaredAnnotations() {
        Annotation[][] all = executable.getParameterAnnotations();
        return index < all.length ? all[index] : new Annotation[0];
    }
}
