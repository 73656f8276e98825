/**
 * A nominal descriptor of a loadable constant. phantom's class library has the values that describe
 * themselves (String, Integer, Long, Float, Double) and enum constants; class and method
 * descriptors (ClassDesc, MethodTypeDesc) are not provided.
 */
package java.lang.constant;

import java.lang.invoke.MethodHandles;

public interface ConstantDesc {
    Object resolveConstantDesc(MethodHandles.Lookup lookup) throws ReflectiveOperationException;
}
