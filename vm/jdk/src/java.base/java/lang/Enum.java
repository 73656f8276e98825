/** The common superclass of all enum classes. */
package java.lang;

public abstract class Enum<E extends Enum<E>> implements java.lang.constant.Constable, Comparable<E>, java.io.Serializable {
    private final String name;
    private final int ordinal;

    protected Enum(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public final String name() {
        return name;
    }

    public final int ordinal() {
        return ordinal;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return super.hashCode();
    }

    @Override
    protected final Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException();
    }

    @Override
    public final int compareTo(E o) {
        Enum<?> other = o;
        if (getClass() != other.getClass() && getDeclaringClass() != other.getDeclaringClass()) {
            throw new ClassCastException();
        }
        return ordinal - other.ordinal;
    }

    @SuppressWarnings("unchecked")
    public final Class<E> getDeclaringClass() {
        Class<?> clazz = getClass();
        Class<?> zuper = clazz.getSuperclass();
        // Constants with bodies are anonymous subclasses of the enum class.
        return (zuper == Enum.class) ? (Class<E>) clazz : (Class<E>) zuper;
    }

    public static <T extends Enum<T>> T valueOf(Class<T> enumClass, String name) {
        T[] constants = enumClass.getEnumConstantsShared();
        if (constants == null) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum class");
        }
        if (name == null) {
            throw new NullPointerException("Name is null");
        }
        for (T c : constants) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No enum constant " + enumClass.getCanonicalName() + "." + name);
    }

    @Deprecated(since = "18")
    @SuppressWarnings("deprecation")
    protected final void finalize() {}

    @Override
    public final java.util.Optional<EnumDesc<E>> describeConstable() {
        return java.util.Optional.of(new EnumDesc<>(getDeclaringClass(), name()));
    }

    /**
     * A nominal descriptor of an enum constant: its enum class and name. (HotSpot's extends
     * DynamicConstantDesc and names the class by a ClassDesc, which phantom's library lacks.)
     */
    public static final class EnumDesc<E extends Enum<E>> implements java.lang.constant.ConstantDesc {
        private final Class<E> enumClass;
        private final String constantName;

        EnumDesc(Class<E> enumClass, String constantName) {
            this.enumClass = enumClass;
            this.constantName = constantName;
        }

        public String constantName() {
            return constantName;
        }

        @Override
        public E resolveConstantDesc(java.lang.invoke.MethodHandles.Lookup lookup) {
            return Enum.valueOf(enumClass, constantName);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EnumDesc && ((EnumDesc<?>) o).enumClass == enumClass
                    && ((EnumDesc<?>) o).constantName.equals(constantName);
        }

        @Override
        public int hashCode() {
            return enumClass.getName().hashCode() * 31 + constantName.hashCode();
        }

        @Override
        public String toString() {
            String n = enumClass.getName();
            return "EnumDesc[" + n.substring(n.lastIndexOf('.') + 1) + "." + constantName + "]";
        }
    }
}
