/** A component of a record class: its name, type, generic type, annotations and accessor. */
package java.lang.reflect;

public final class RecordComponent implements AnnotatedElement {
    private final Class<?> declaringRecord;
    private final String name;
    private final Class<?> type;
    private final int index;
    private java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations;

    RecordComponent(Class<?> declaringRecord, String name, Class<?> type, int index) {
        this.declaringRecord = declaringRecord;
        this.name = name;
        this.type = type;
        this.index = index;
    }

    /** Made by Class for each component of a record. */
    public static RecordComponent[] of(Class<?> record, String[] names, Class<?>[] types) {
        RecordComponent[] out = new RecordComponent[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new RecordComponent(record, names[i], types[i], i);
        }
        return out;
    }

    public String getName() {
        return name;
    }

    public Class<?> getType() {
        return type;
    }

    public Class<?> getDeclaringRecord() {
        return declaringRecord;
    }

    /** The public accessor method named after the component. */
    public Method getAccessor() {
        try {
            return declaringRecord.getDeclaredMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return type.getTypeName() + " " + name;
    }

    public String getGenericSignature() {
        return jdk.internal.phantom.Reflect.signature(declaringRecord, 3, index);
    }

    public Type getGenericType() {
        Type t = jdk.internal.phantom.Generics.recordComponentType(declaringRecord, index);
        return t == null ? type : t;
    }

    private java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> declaredAnnotations() {
        java.util.Map<Class<? extends java.lang.annotation.Annotation>, java.lang.annotation.Annotation> m = declaredAnnotations;
        if (m == null) {
            declaredAnnotations = m = jdk.internal.phantom.Annotations.ofRecordComponent(declaringRecord, index);
        }
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends java.lang.annotation.Annotation> T getAnnotation(Class<T> annotationClass) {
        java.util.Objects.requireNonNull(annotationClass);
        return (T) declaredAnnotations().get(annotationClass);
    }

    @Override
    public java.lang.annotation.Annotation[] getAnnotations() {
        return getDeclaredAnnotations();
    }

    @Override
    public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
        return jdk.internal.phantom.Annotations.toArray(declaredAnnotations());
    }
}
