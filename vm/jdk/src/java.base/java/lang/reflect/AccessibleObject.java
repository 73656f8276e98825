/** The common base of fields, methods and constructors: the flag that suppresses access checks. */
package java.lang.reflect;

import jdk.internal.phantom.Reflect;

public class AccessibleObject implements AnnotatedElement {
    boolean override;

    protected AccessibleObject() {}

    public void setAccessible(boolean flag) {
        override = flag;
    }

    public static void setAccessible(AccessibleObject[] array, boolean flag) {
        for (AccessibleObject a : array) {
            a.setAccessible(flag);
        }
    }

    public final boolean trySetAccessible() {
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
}
