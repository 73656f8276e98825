/**
 * A typed reference to a method, constructor or field, or an adaptation of another handle.
 *
 * {@code invokeExact} and {@code invoke} are signature polymorphic: the VM turns each call into a
 * call of {@link #invokeFromSite} with the call site's descriptor and the arguments boxed, pushed
 * as an ordinary frame whose boxed result the VM unboxes to the site's return type. So a handle
 * call is a chain of interpreter frames and a process can be captured in the middle of one.
 */
package java.lang.invoke;

import java.util.List;

public abstract class MethodHandle {
    private final MethodType type;

    MethodHandle(MethodType type) {
        this.type = type;
    }

    public MethodType type() {
        return type;
    }

    /** Calls with exactly this handle's type: the call site's descriptor must equal it. */
    public final native Object invokeExact(Object... args) throws Throwable;

    /** Calls with the call site's type, adapted to this handle's as {@link #asType} would. */
    public final native Object invoke(Object... args) throws Throwable;

    /** What the VM calls for {@code invokeExact} and {@code invoke}; the result is boxed. */
    final Object invokeFromSite(Object[] args, String siteDescriptor, boolean exact) throws Throwable {
        MethodType site = MethodType.fromMethodDescriptorString(siteDescriptor, null);
        if (exact) {
            if (site != type) {
                throw new WrongMethodTypeException("expected " + type + " but found " + site);
            }
            return call(args);
        }
        if (site == type) {
            return call(args);
        }
        return asType(site).call(args);
    }

    /** Calls the handle with arguments boxed as its type's parameters; the result boxed as its return type. */
    abstract Object call(Object[] args) throws Throwable;

    public Object invokeWithArguments(Object... arguments) throws Throwable {
        int n = arguments == null ? 0 : arguments.length;
        MethodType generic = MethodType.genericMethodType(n);
        if (n != type.parameterCount() && !isVarargsCollector()) {
            throw new WrongMethodTypeException("cannot convert " + this + " to " + generic);
        }
        return asType(generic).call(arguments == null ? new Object[0] : arguments.clone());
    }

    public Object invokeWithArguments(List<?> arguments) throws Throwable {
        return invokeWithArguments(arguments.toArray());
    }

    /** A handle of type {@code newType} that converts arguments and result as JLS method invocation conversion does. */
    public MethodHandle asType(MethodType newType) {
        if (newType == type) {
            return this;
        }
        if (newType.parameterCount() != type.parameterCount() || !Conversions.convertible(newType, type)) {
            throw new WrongMethodTypeException("cannot convert " + this + " to " + newType);
        }
        return new AsTypeHandle(this, newType);
    }

    /** A handle with its first argument fixed to {@code x}. */
    public MethodHandle bindTo(Object x) {
        if (type.parameterCount() == 0 || type.parameterType(0).isPrimitive()) {
            throw new IllegalArgumentException("no leading reference parameter");
        }
        Class<?> p = type.parameterType(0);
        if (x != null && !p.isInstance(x)) {
            throw new ClassCastException("Cannot cast " + x.getClass().getName() + " to " + p.getName());
        }
        return new BoundHandle(this, 0, new Object[] {x});
    }

    public boolean isVarargsCollector() {
        return false;
    }

    public MethodHandle asSpreader(Class<?> arrayType, int arrayLength) {
        return Adapters.asSpreader(this, type.parameterCount() - arrayLength, arrayType, arrayLength);
    }

    public MethodHandle asSpreader(int spreadArgPos, Class<?> arrayType, int arrayLength) {
        return Adapters.asSpreader(this, spreadArgPos, arrayType, arrayLength);
    }

    public MethodHandle asCollector(Class<?> arrayType, int arrayLength) {
        return Adapters.asCollector(this, type.parameterCount() - 1, arrayType, arrayLength);
    }

    public MethodHandle asCollector(int collectArgPos, Class<?> arrayType, int arrayLength) {
        return Adapters.asCollector(this, collectArgPos, arrayType, arrayLength);
    }

    public MethodHandle asVarargsCollector(Class<?> arrayType) {
        if (isVarargsCollector() && type.lastParameterType() == arrayType) {
            return this;
        }
        return Adapters.asVarargsCollector(asFixedArity(), arrayType);
    }

    public MethodHandle withVarargs(boolean makeVarargs) {
        if (makeVarargs == isVarargsCollector()) {
            return this;
        }
        if (!makeVarargs) {
            return asFixedArity();
        }
        if (type.parameterCount() == 0 || !type.lastParameterType().isArray()) {
            throw new IllegalArgumentException("not an array type: " + (type.parameterCount() == 0 ? "no parameters" : type.lastParameterType()));
        }
        return asVarargsCollector(type.lastParameterType());
    }

    public MethodHandle asFixedArity() {
        return this;
    }

    @Override
    public String toString() {
        return "MethodHandle" + type;
    }

    /** Adapts arguments and result between two types. */
    static final class AsTypeHandle extends MethodHandle {
        private final MethodHandle target;

        AsTypeHandle(MethodHandle target, MethodType newType) {
            super(newType);
            this.target = target;
        }

        @Override
        Object call(Object[] args) throws Throwable {
            MethodType from = type();
            MethodType to = target.type();
            Object[] a = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                a[i] = Conversions.convert(args[i], from.parameterType(i), to.parameterType(i));
            }
            Object r = target.call(a);
            return Conversions.convert(r, to.returnType(), from.returnType());
        }
    }

    /** Inserts fixed leading (or inner) arguments. */
    static final class BoundHandle extends MethodHandle {
        private final MethodHandle target;
        private final int pos;
        private final Object[] values;

        BoundHandle(MethodHandle target, int pos, Object[] values) {
            super(target.type().dropParameterTypes(pos, pos + values.length));
            this.target = target;
            this.pos = pos;
            this.values = values;
        }

        @Override
        Object call(Object[] args) throws Throwable {
            Object[] a = new Object[args.length + values.length];
            System.arraycopy(args, 0, a, 0, pos);
            System.arraycopy(values, 0, a, pos, values.length);
            System.arraycopy(args, pos, a, pos + values.length, args.length - pos);
            return target.call(a);
        }
    }
}
