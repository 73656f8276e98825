/**
 * A component of a record class: its name, type and accessor. Generic types and annotations of
 * components are not read yet (the queries are absent rather than wrong).
 */
package java.lang.reflect;

public final class RecordComponent {
    private final Class<?> declaringRecord;
    private final String name;
    private final Class<?> type;

    RecordComponent(Class<?> declaringRecord, String name, Class<?> type) {
        this.declaringRecord = declaringRecord;
        this.name = name;
        this.type = type;
    }

    /** Made by Class for each component of a record. */
    public static RecordComponent[] of(Class<?> record, String[] names, Class<?>[] types) {
        RecordComponent[] out = new RecordComponent[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new RecordComponent(record, names[i], types[i]);
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
}
