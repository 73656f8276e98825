/** A holder of a method handle, its target; {@link #dynamicInvoker} calls whatever the target is at the time. */
package java.lang.invoke;

public abstract class CallSite {
    MethodHandle target;

    CallSite(MethodType type) {
        this.target = new NoTarget(type);
    }

    CallSite(MethodHandle target) {
        if (target == null) {
            throw new NullPointerException();
        }
        this.target = target;
    }

    public MethodType type() {
        return target.type();
    }

    public abstract MethodHandle getTarget();

    public abstract void setTarget(MethodHandle newTarget);

    public abstract MethodHandle dynamicInvoker();

    final void checkTarget(MethodHandle newTarget) {
        if (newTarget == null) {
            throw new NullPointerException();
        }
        if (newTarget.type() != type()) {
            throw new WrongMethodTypeException("MethodHandle" + newTarget.type() + " should be of type " + type());
        }
    }

    final MethodHandle makeDynamicInvoker() {
        CallSite site = this;
        return new MethodHandle(type()) {
            @Override
            Object call(Object[] args) throws Throwable {
                return site.getTarget().call(args);
            }
        };
    }

    /** The target of a mutable site made with a type only: it throws IllegalStateException. */
    private static final class NoTarget extends MethodHandle {
        NoTarget(MethodType type) {
            super(type);
        }

        @Override
        Object call(Object[] args) {
            throw new IllegalStateException("uninitialized call site");
        }
    }
}
