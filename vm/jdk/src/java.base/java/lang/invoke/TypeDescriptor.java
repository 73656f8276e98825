/** Named by javac in the ObjectMethods bootstrap signature; the VM links record methods itself. */
package java.lang.invoke;

public interface TypeDescriptor {
    String descriptorString();
}
