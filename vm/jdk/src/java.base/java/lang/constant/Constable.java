/** A type whose values can be described as constants (a nominal descriptor). */
package java.lang.constant;

import java.util.Optional;

public interface Constable {
    Optional<? extends ConstantDesc> describeConstable();
}
