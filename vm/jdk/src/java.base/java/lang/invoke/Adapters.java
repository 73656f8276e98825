/**
 * The method handle combinators of {@link MethodHandles} and the arity adapters of
 * {@link MethodHandle} (spreaders, collectors, variable-arity collectors). Each is a handle whose
 * {@code call} rearranges its boxed arguments and calls its targets' {@code call}: plain Java, so a
 * chain of adapters runs as ordinary frames and can be captured anywhere, like any handle.
 */
package java.lang.invoke;

import java.lang.reflect.Array;

final class Adapters {
    private Adapters() {}

    static IllegalArgumentException newIllegalArgumentException(String message, Object a, Object b) {
        return new IllegalArgumentException(message + ": " + a + ", " + b);
    }

    /** HotSpot's text for two types that must be equal. */
    static IllegalArgumentException misMatchedTypes(String what, Object a, Object b) {
        return new IllegalArgumentException(what + " must match: " + a + " != " + b);
    }

    // ---- arity: spreaders and collectors

    static MethodHandle asSpreader(MethodHandle target, int pos, Class<?> arrayType, int arrayLength) {
        MethodType t = target.type();
        if (arrayType == null || !arrayType.isArray()) {
            throw new IllegalArgumentException("not an array type: " + arrayType);
        }
        if (arrayLength < 0 || arrayLength > 255) {
            throw new IllegalArgumentException("bad spread array length");
        }
        if (pos < 0 || pos + arrayLength > t.parameterCount()) {
            throw new IllegalArgumentException("bad spread position");
        }
        Class<?> component = arrayType.getComponentType();
        for (int i = pos; i < pos + arrayLength; i++) {
            if (!Conversions.convertible(component, t.parameterType(i))) {
                throw new WrongMethodTypeException("cannot convert " + target + " to " + arrayType.getName());
            }
        }
        MethodType nt = t.dropParameterTypes(pos, pos + arrayLength).insertParameterTypes(pos, arrayType);
        return new Spreader(target, nt, pos, arrayLength);
    }

    static final class Spreader extends MethodHandle {
        private final MethodHandle target;
        private final int pos;
        private final int length;

        Spreader(MethodHandle target, MethodType type, int pos, int length) {
            super(type);
            this.target = target;
            this.pos = pos;
            this.length = length;
        }

        @Override
        Object call(Object[] args) throws Throwable {
            Object array = args[pos];
            if (array == null && length > 0) {
                throw new NullPointerException();
            }
            int n = array == null ? 0 : Array.getLength(array);
            if (n != length) {
                if (array == null && length == 0) {
                    n = 0;
                } else {
                    throw new IllegalArgumentException("array is not of length " + length);
                }
            }
            Object[] a = new Object[args.length - 1 + length];
            System.arraycopy(args, 0, a, 0, pos);
            Class<?> component = type().parameterType(pos).getComponentType();
            MethodType t = target.type();
            for (int i = 0; i < length; i++) {
                a[pos + i] = Conversions.convert(Array.get(array, i), MethodType.wrapper(component),
                        t.parameterType(pos + i));
            }
            System.arraycopy(args, pos + 1, a, pos + length, args.length - pos - 1);
            return target.call(a);
        }
    }

    static MethodHandle asCollector(MethodHandle target, int pos, Class<?> arrayType, int arrayLength) {
        MethodType t = target.type();
        if (arrayType == null || !arrayType.isArray()) {
            throw new IllegalArgumentException("not an array type: " + arrayType);
        }
        if (pos < 0 || pos >= t.parameterCount() || !t.parameterType(pos).isAssignableFrom(arrayType)) {
            throw new IllegalArgumentException("array type not assignable to argument: " + target + ", "
                    + arrayType.getName());
        }
        if (arrayLength < 0 || arrayLength > 254) {
            throw new IllegalArgumentException("bad collect array length");
        }
        Class<?>[] collected = new Class<?>[arrayLength];
        java.util.Arrays.fill(collected, arrayType.getComponentType());
        MethodType nt = t.dropParameterTypes(pos, pos + 1).insertParameterTypes(pos, collected);
        return new Collector(target, nt, pos, arrayType.getComponentType(), arrayLength);
    }

    static final class Collector extends MethodHandle {
        private final MethodHandle target;
        private final int pos;
        private final Class<?> component;
        private final int length;

        Collector(MethodHandle target, MethodType type, int pos, Class<?> component, int length) {
            super(type);
            this.target = target;
            this.pos = pos;
            this.component = component;
            this.length = length;
        }

        @Override
        Object call(Object[] args) throws Throwable {
            Object array = Array.newInstance(component, length);
            for (int i = 0; i < length; i++) {
                Array.set(array, i, args[pos + i]);
            }
            Object[] a = new Object[args.length - length + 1];
            System.arraycopy(args, 0, a, 0, pos);
            a[pos] = array;
            System.arraycopy(args, pos + length, a, pos + 1, args.length - pos - length);
            return target.call(a);
        }
    }

    static MethodHandle asVarargsCollector(MethodHandle target, Class<?> arrayType) {
        MethodType t = target.type();
        int last = t.parameterCount() - 1;
        if (arrayType == null || !arrayType.isArray()) {
            throw new IllegalArgumentException("not an array type: " + arrayType);
        }
        if (last < 0 || !t.parameterType(last).isAssignableFrom(arrayType)) {
            throw new IllegalArgumentException("array type not assignable to argument: " + target + ", " + arrayType);
        }
        return new Varargs(target, arrayType);
    }

    /** A variable-arity handle: {@code invoke} and {@code asType} collect trailing arguments into an array. */
    static final class Varargs extends MethodHandle {
        final MethodHandle target;
        private final Class<?> arrayType;

        Varargs(MethodHandle target, Class<?> arrayType) {
            super(target.type());
            this.target = target;
            this.arrayType = arrayType;
        }

        @Override
        Object call(Object[] args) throws Throwable {
            return target.call(args);
        }

        @Override
        public boolean isVarargsCollector() {
            return true;
        }

        @Override
        public MethodHandle asFixedArity() {
            return target;
        }

        @Override
        public MethodHandle asType(MethodType newType) {
            MethodType t = type();
            int last = t.parameterCount() - 1;
            if (newType.parameterCount() == t.parameterCount()
                    && arrayType.isAssignableFrom(newType.parameterType(last))) {
                return target.asType(newType);
            }
            int collected = newType.parameterCount() - last;
            if (collected < 0) {
                throw new WrongMethodTypeException("cannot convert " + this + " to " + newType);
            }
            return Adapters.asCollector(target, last, arrayType, collected).asType(newType);
        }
    }

    // ---- combinators

    static MethodHandle filterReturnValue(MethodHandle target, MethodHandle filter) {
        MethodType t = target.type();
        MethodType f = filter.type();
        Class<?> r = t.returnType();
        boolean ok = r == void.class ? f.parameterCount() == 0
                : f.parameterCount() == 1 && f.parameterType(0) == r;
        if (!ok) {
            throw newIllegalArgumentException("target and filter types do not match", t, f);
        }
        return new MethodHandle(t.changeReturnType(f.returnType())) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object v = target.call(args);
                return filter.call(r == void.class ? new Object[0] : new Object[] { v });
            }
        };
    }

    static MethodHandle filterArguments(MethodHandle target, int pos, MethodHandle... filters) {
        MethodType t = target.type();
        if (pos < 0 || pos + filters.length > t.parameterCount()) {
            throw new IllegalArgumentException("too many filters");
        }
        MethodType nt = t;
        for (int i = 0; i < filters.length; i++) {
            MethodHandle f = filters[i];
            if (f == null) {
                continue;
            }
            MethodType ft = f.type();
            if (ft.parameterCount() != 1 || ft.returnType() != t.parameterType(pos + i)) {
                throw newIllegalArgumentException("target and filter types do not match", t.changeReturnType(void.class), ft);
            }
            nt = nt.changeParameterType(pos + i, ft.parameterType(0));
        }
        MethodHandle[] fs = filters.clone();
        return new MethodHandle(nt) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object[] a = args.clone();
                for (int i = 0; i < fs.length; i++) {
                    if (fs[i] != null) {
                        a[pos + i] = fs[i].call(new Object[] { args[pos + i] });
                    }
                }
                return target.call(a);
            }
        };
    }

    static MethodHandle collectArguments(MethodHandle target, int pos, MethodHandle filter) {
        MethodType t = target.type();
        MethodType f = filter.type();
        Class<?> r = f.returnType();
        if (pos < 0 || (r != void.class && (pos >= t.parameterCount() || t.parameterType(pos) != r))
                || (r == void.class && pos > t.parameterCount())) {
            throw newIllegalArgumentException("target and filter types do not match", t, f);
        }
        MethodType nt = r == void.class ? t : t.dropParameterTypes(pos, pos + 1);
        nt = nt.insertParameterTypes(pos, f.parameterArray());
        int n = f.parameterCount();
        return new MethodHandle(nt) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object[] fa = new Object[n];
                System.arraycopy(args, pos, fa, 0, n);
                Object v = filter.call(fa);
                int keep = r == void.class ? 0 : 1;
                Object[] a = new Object[args.length - n + keep];
                System.arraycopy(args, 0, a, 0, pos);
                if (keep == 1) {
                    a[pos] = v;
                }
                System.arraycopy(args, pos + n, a, pos + keep, args.length - pos - n);
                return target.call(a);
            }
        };
    }

    static MethodHandle foldArguments(MethodHandle target, int pos, MethodHandle combiner) {
        MethodType t = target.type();
        MethodType c = combiner.type();
        Class<?> r = c.returnType();
        int folded = r == void.class ? 0 : 1;
        int n = c.parameterCount();
        boolean ok = pos >= 0 && pos + folded + n <= t.parameterCount()
                && (folded == 0 || t.parameterType(pos) == r);
        for (int i = 0; ok && i < n; i++) {
            ok = t.parameterType(pos + folded + i) == c.parameterType(i);
        }
        if (!ok) {
            throw newIllegalArgumentException("target and combiner types do not match", t, c);
        }
        MethodType nt = folded == 0 ? t : t.dropParameterTypes(pos, pos + 1);
        return new MethodHandle(nt) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object[] ca = new Object[n];
                System.arraycopy(args, pos, ca, 0, n);
                Object v = combiner.call(ca);
                if (folded == 0) {
                    return target.call(args);
                }
                Object[] a = new Object[args.length + 1];
                System.arraycopy(args, 0, a, 0, pos);
                a[pos] = v;
                System.arraycopy(args, pos, a, pos + 1, args.length - pos);
                return target.call(a);
            }
        };
    }

    static MethodHandle permuteArguments(MethodHandle target, MethodType newType, int... reorder) {
        MethodType t = target.type();
        if (reorder.length != t.parameterCount()) {
            throw new IllegalArgumentException("bad reorder array: " + java.util.Arrays.toString(reorder));
        }
        if (newType.returnType() != t.returnType()) {
            throw newIllegalArgumentException("return types do not match", t, newType);
        }
        for (int i = 0; i < reorder.length; i++) {
            int j = reorder[i];
            if (j < 0 || j >= newType.parameterCount()) {
                throw new IllegalArgumentException("index is out of bounds for new type: " + j + " " + newType);
            }
            if (newType.parameterType(j) != t.parameterType(i)) {
                throw newIllegalArgumentException("parameter types do not match after reorder", t, newType);
            }
        }
        int[] order = reorder.clone();
        return new MethodHandle(newType) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object[] a = new Object[order.length];
                for (int i = 0; i < order.length; i++) {
                    a[i] = args[order[i]];
                }
                return target.call(a);
            }
        };
    }

    /** Whether {@code prefix}'s parameters are the leading parameters of {@code full}. */
    private static boolean leading(MethodType prefix, MethodType full, int skip) {
        if (prefix.parameterCount() - skip > full.parameterCount()) {
            return false;
        }
        for (int i = skip; i < prefix.parameterCount(); i++) {
            if (prefix.parameterType(i) != full.parameterType(i - skip)) {
                return false;
            }
        }
        return true;
    }

    static MethodHandle guardWithTest(MethodHandle test, MethodHandle target, MethodHandle fallback) {
        MethodType gt = test.type();
        MethodType tt = target.type();
        MethodType ft = fallback.type();
        if (tt != ft) {
            throw misMatchedTypes("target and fallback types", tt, ft);
        }
        if (gt.returnType() != boolean.class || gt.parameterCount() > tt.parameterCount()) {
            throw new IllegalArgumentException("guard type is not a predicate " + gt);
        }
        if (!leading(gt, tt, 0)) {
            throw misMatchedTypes("target and test types", tt, gt);
        }
        int n = gt.parameterCount();
        return new MethodHandle(tt) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object[] ta = new Object[n];
                System.arraycopy(args, 0, ta, 0, n);
                return ((Boolean) test.call(ta)).booleanValue() ? target.call(args) : fallback.call(args);
            }
        };
    }

    static MethodHandle catchException(MethodHandle target, Class<? extends Throwable> exType, MethodHandle handler) {
        MethodType tt = target.type();
        MethodType ht = handler.type();
        if (!Throwable.class.isAssignableFrom(exType)) {
            throw new ClassCastException(exType.getName());
        }
        if (ht.returnType() != tt.returnType() || ht.parameterCount() < 1
                || !ht.parameterType(0).isAssignableFrom(exType) || !leading(ht, tt, 1)) {
            throw misMatchedTypes("target and handler types", tt, ht);
        }
        int n = ht.parameterCount() - 1;
        return new MethodHandle(tt) {
            @Override
            Object call(Object[] args) throws Throwable {
                try {
                    return target.call(args);
                } catch (Throwable e) {
                    if (!exType.isInstance(e)) {
                        throw e;
                    }
                    Object[] ha = new Object[n + 1];
                    ha[0] = e;
                    System.arraycopy(args, 0, ha, 1, n);
                    return handler.call(ha);
                }
            }
        };
    }

    static MethodHandle tryFinally(MethodHandle target, MethodHandle cleanup) {
        MethodType tt = target.type();
        MethodType ct = cleanup.type();
        Class<?> r = tt.returnType();
        int skip = r == void.class ? 1 : 2;
        boolean ok = ct.returnType() == r && ct.parameterCount() >= skip
                && Throwable.class.isAssignableFrom(ct.parameterType(0))
                && (r == void.class || ct.parameterType(1) == r) && leading(ct, tt, skip);
        if (!ok) {
            throw misMatchedTypes("target and cleanup types", tt, ct);
        }
        int n = ct.parameterCount() - skip;
        return new MethodHandle(tt) {
            @Override
            Object call(Object[] args) throws Throwable {
                Throwable thrown = null;
                Object result = null;
                try {
                    result = target.call(args);
                } catch (Throwable e) {
                    thrown = e;
                }
                Object[] ca = new Object[n + skip];
                ca[0] = thrown;
                if (skip == 2) {
                    ca[1] = thrown == null ? result : Conversions.zero(r);
                }
                System.arraycopy(args, 0, ca, skip, n);
                Object cleaned = cleanup.call(ca);
                if (thrown != null) {
                    throw thrown;
                }
                return cleaned;
            }
        };
    }

    static MethodHandle dropReturn(MethodHandle target) {
        MethodType t = target.type();
        if (t.returnType() == void.class) {
            return target;
        }
        return new MethodHandle(t.changeReturnType(void.class)) {
            @Override
            Object call(Object[] args) throws Throwable {
                target.call(args);
                return null;
            }
        };
    }

    static MethodHandle empty(MethodType type) {
        Object zero = Conversions.zero(type.returnType());
        return new MethodHandle(type) {
            @Override
            Object call(Object[] args) {
                return zero;
            }
        };
    }

    static MethodHandle throwException(Class<?> returnType, Class<? extends Throwable> exType) {
        if (!Throwable.class.isAssignableFrom(exType)) {
            throw new ClassCastException(exType.getName());
        }
        return new MethodHandle(MethodType.methodType(returnType, exType)) {
            @Override
            Object call(Object[] args) throws Throwable {
                Throwable t = (Throwable) args[0];
                if (t == null) {
                    throw new NullPointerException();
                }
                throw t;
            }
        };
    }

    /** {@code invoker} and {@code exactInvoker}: (MethodHandle, A...)R calling its first argument. */
    static MethodHandle invoker(MethodType type, boolean exact) {
        MethodType it = type.insertParameterTypes(0, MethodHandle.class);
        return new MethodHandle(it) {
            @Override
            Object call(Object[] args) throws Throwable {
                MethodHandle mh = (MethodHandle) args[0];
                if (mh == null) {
                    throw new NullPointerException();
                }
                Object[] a = new Object[args.length - 1];
                System.arraycopy(args, 1, a, 0, a.length);
                if (exact) {
                    if (mh.type() != type) {
                        throw new WrongMethodTypeException("expected " + mh.type() + " but found " + type);
                    }
                    return mh.call(a);
                }
                return mh.asType(type).call(a);
            }
        };
    }

    static MethodHandle spreadInvoker(MethodType type, int leadingArgCount) {
        if (leadingArgCount < 0 || leadingArgCount > type.parameterCount()) {
            throw new IllegalArgumentException("bad argument count " + leadingArgCount);
        }
        int spread = type.parameterCount() - leadingArgCount;
        return asSpreader(invoker(type, false), leadingArgCount + 1, Object[].class, spread);
    }

    static MethodHandle arrayElementGetter(Class<?> arrayClass) {
        Class<?> c = checkArray(arrayClass);
        return new MethodHandle(MethodType.methodType(c, arrayClass, int.class)) {
            @Override
            Object call(Object[] args) {
                Object array = nonNull(args[0]);
                return Array.get(array, index(array, ((Integer) args[1]).intValue()));
            }
        };
    }

    static MethodHandle arrayElementSetter(Class<?> arrayClass) {
        Class<?> c = checkArray(arrayClass);
        return new MethodHandle(MethodType.methodType(void.class, arrayClass, int.class, c)) {
            @Override
            Object call(Object[] args) {
                Object array = nonNull(args[0]);
                if (!c.isPrimitive() && args[2] != null && !c.isInstance(args[2])) {
                    throw new ArrayStoreException(args[2].getClass().getName());
                }
                Array.set(array, index(array, ((Integer) args[1]).intValue()), args[2]);
                return null;
            }
        };
    }

    static MethodHandle arrayConstructor(Class<?> arrayClass) {
        Class<?> c = checkArray(arrayClass);
        return new MethodHandle(MethodType.methodType(arrayClass, int.class)) {
            @Override
            Object call(Object[] args) {
                return Array.newInstance(c, ((Integer) args[0]).intValue());
            }
        };
    }

    static MethodHandle arrayLength(Class<?> arrayClass) {
        checkArray(arrayClass);
        return new MethodHandle(MethodType.methodType(int.class, arrayClass)) {
            @Override
            Object call(Object[] args) {
                return Array.getLength(nonNull(args[0]));
            }
        };
    }

    private static Class<?> checkArray(Class<?> arrayClass) {
        if (!arrayClass.isArray()) {
            throw new IllegalArgumentException("not an array class: " + arrayClass.getName());
        }
        return arrayClass.getComponentType();
    }

    /** An element index, checked as the array instructions check it. */
    private static int index(Object array, int i) {
        int n = Array.getLength(array);
        if (i < 0 || i >= n) {
            throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + n);
        }
        return i;
    }

    private static Object nonNull(Object o) {
        if (o == null) {
            throw new NullPointerException();
        }
        return o;
    }

    static MethodHandle explicitCastArguments(MethodHandle target, MethodType newType) {
        MethodType t = target.type();
        if (newType.parameterCount() != t.parameterCount()) {
            throw new WrongMethodTypeException("cannot explicitly cast " + target + " to " + newType);
        }
        return new MethodHandle(newType) {
            @Override
            Object call(Object[] args) throws Throwable {
                Object[] a = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    a[i] = cast(args[i], newType.parameterType(i), t.parameterType(i));
                }
                return cast(target.call(a), t.returnType(), newType.returnType());
            }
        };
    }

    /** A cast as explicitCastArguments does it: primitive narrowing, and booleans as the low bit. */
    private static Object cast(Object v, Class<?> from, Class<?> to) {
        if (from == to || to == void.class) {
            return to == void.class ? null : v;
        }
        if (to.isPrimitive() && (from.isPrimitive() || MethodType.primitive(from) != from)) {
            if (v == null) {
                return Conversions.zero(to);
            }
            long bits;
            double d;
            if (v instanceof Boolean) {
                bits = ((Boolean) v).booleanValue() ? 1 : 0;
                d = bits;
            } else if (v instanceof Character) {
                bits = ((Character) v).charValue();
                d = bits;
            } else {
                Number n = (Number) v;
                bits = n.longValue();
                d = n.doubleValue();
                if (v instanceof Float || v instanceof Double) {
                    bits = (long) d;
                }
            }
            if (to == int.class) return Integer.valueOf(v instanceof Float || v instanceof Double ? (int) d : (int) bits);
            if (to == long.class) return Long.valueOf(bits);
            if (to == short.class) return Short.valueOf((short) (v instanceof Float || v instanceof Double ? (int) d : bits));
            if (to == byte.class) return Byte.valueOf((byte) (v instanceof Float || v instanceof Double ? (int) d : bits));
            if (to == char.class) return Character.valueOf((char) (v instanceof Float || v instanceof Double ? (int) d : bits));
            if (to == boolean.class) return Boolean.valueOf((bits & 1) != 0);
            if (to == float.class) return Float.valueOf(v instanceof Float || v instanceof Double ? (float) d : (float) bits);
            return Double.valueOf(v instanceof Float || v instanceof Double ? d : (double) bits);
        }
        return Conversions.convert(v, from, to);
    }

    /** {@code countedLoop}: {@code v = init(a...); for (i = start(a...); i < end(a...); i++) v = body(v, i, a...)}. */
    static MethodHandle countedLoop(MethodHandle start, MethodHandle end, MethodHandle init, MethodHandle body) {
        MethodType bt = body.type();
        Class<?> v = bt.returnType();
        int skip = v == void.class ? 1 : 2;
        if (bt.parameterCount() < skip - 1 || (skip == 2 && bt.parameterType(0) != v)
                || bt.parameterType(skip - 1) != int.class) {
            throw new IllegalArgumentException("body has wrong parameter types: " + bt);
        }
        MethodType outer = end.type().changeReturnType(v);
        if (end.type().returnType() != int.class || (start != null && start.type().returnType() != int.class)) {
            throw new IllegalArgumentException("iteration limits must return int");
        }
        int n = outer.parameterCount();
        return new MethodHandle(outer) {
            @Override
            Object call(Object[] args) throws Throwable {
                int from = start == null ? 0 : ((Integer) start.call(prefix(args, start))).intValue();
                int to = ((Integer) end.call(prefix(args, end))).intValue();
                Object value = init == null ? Conversions.zero(v) : init.call(prefix(args, init));
                for (int i = from; i < to; i++) {
                    Object[] ba = new Object[bt.parameterCount()];
                    int k = 0;
                    if (skip == 2) {
                        ba[k++] = value;
                    }
                    ba[k++] = i;
                    for (int j = 0; k < ba.length && j < n; j++) {
                        ba[k++] = args[j];
                    }
                    Object r = body.call(ba);
                    if (skip == 2) {
                        value = r;
                    }
                }
                return skip == 2 ? value : null;
            }
        };
    }

    /** The leading arguments {@code h} takes. */
    private static Object[] prefix(Object[] args, MethodHandle h) {
        Object[] a = new Object[h.type().parameterCount()];
        System.arraycopy(args, 0, a, 0, a.length);
        return a;
    }
}
