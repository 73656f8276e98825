/**
 * The bootstrap javac names for string concatenation. The VM links these call sites itself
 * (through jdk.internal.phantom.Linker.concat), so calling the bootstrap from Java is refused.
 */
package java.lang.invoke;

public final class StringConcatFactory {
    private StringConcatFactory() {}

    public static CallSite makeConcat(MethodHandles.Lookup lookup, String name, MethodType concatType) {
        throw new UnsupportedOperationException("string concatenation call sites are linked by the VM");
    }

    public static CallSite makeConcatWithConstants(MethodHandles.Lookup lookup, String name, MethodType concatType,
            String recipe, Object... constants) {
        throw new UnsupportedOperationException("string concatenation call sites are linked by the VM");
    }
}
