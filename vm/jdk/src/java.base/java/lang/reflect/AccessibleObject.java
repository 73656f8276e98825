/** The common base of fields, methods and constructors: the flag that suppresses access checks. */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public class AccessibleObject implements AnnotatedElement {
    boolean override;

    protected AccessibleObject() {}

    public void setAccessible(boolean flag) {
        if (flag) {
            checkCanSetAccessible(Reflect.callerClass());
        }
        override = flag;
    }

    /**
     * The class library is module java.base, which opens none of its packages to applications:
     * only its public members of public classes in exported packages (java.*) may be made
     * accessible from outside it, as on HotSpot.
     */
    private void checkCanSetAccessible(Class<?> caller) {
        Member m = (Member) this;
        Class<?> declaring = m.getDeclaringClass();
        if (caller == null || !Reflect.inJavaBase(declaring) || Reflect.inJavaBase(caller)) {
            return;
        }
        String pkg = declaring.getPackageName();
        boolean exported = !pkg.startsWith("jdk.internal") && !pkg.startsWith("sun.");
        if (exported && Modifier.isPublic(Reflect.classAccessFlags(declaring)) && Modifier.isPublic(m.getModifiers())) {
            return;
        }
        throw new InaccessibleObjectException("Unable to make " + this + " accessible: module java.base does not \"opens "
                + pkg + "\" to unnamed module");
    }

    public static void setAccessible(AccessibleObject[] array, boolean flag) {
        Class<?> caller = Reflect.callerClass();
        for (AccessibleObject a : array) {
            if (flag) {
                a.checkCanSetAccessible(caller);
            }
            a.override = flag;
        }
    }

    public final boolean trySetAccessible() {
        try {
            checkCanSetAccessible(Reflect.callerClass());
        } catch (InaccessibleObjectException e) {
            return false;
        }
        override = true;
        return true;
    }

    @Deprecated
    public boolean isAccessible() {
        return override;
    }

    /** Whether the caller may use this member on {@code obj} (null for static members and constructors). */
    public final boolean canAccess(Object obj) {
        if (override) {
            return true;
        }
        Member m = (Member) this;
        Class<?> caller = Reflect.callerClass();
        Class<?> target = (obj == null) ? m.getDeclaringClass() : obj.getClass();
        return Reflect.verifyAccess(caller, m.getDeclaringClass(), target, m.getModifiers());
    }

    /** Throws IllegalAccessException as HotSpot does when {@code caller} may not use the member. */
    final void checkAccess(Class<?> caller, Class<?> declaring, Class<?> target, int modifiers)
            throws IllegalAccessException {
        if (!override && !Reflect.verifyAccess(caller, declaring, target, modifiers)) {
            throw new IllegalAccessException(caller + " cannot access a member of " + Reflect.describeClass(declaring)
                    + " with modifiers \"" + Modifier.toString(modifiers) + "\"");
        }
    }

    public <T extends java.lang.annotation.Annotation> T getAnnotation(Class<T> annotationClass) {
        throw new AssertionError("All subclasses should override this method");
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends java.lang.annotation.Annotation> annotationClass) {
        return AnnotatedElement.super.isAnnotationPresent(annotationClass);
    }

    @Override
    public <T extends java.lang.annotation.Annotation> T[] getAnnotationsByType(Class<T> annotationClass) {
        throw new AssertionError("All subclasses should override this method");
    }

    public java.lang.annotation.Annotation[] getAnnotations() {
        return getDeclaredAnnotations();
    }

    public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
        throw new AssertionError("All subclasses should override this method");
    }
}
