/** A frame of a StackWalker's walk; the VM builds these (without a constructor) when a walk starts. */
package java.lang;

final class StackFrameInfo implements StackWalker.StackFrame {
    private Class<?> declaringClass;
    private String methodName;
    private String descriptor;
    /** The bytecode offset of the frame's instruction (its call, for a caller); -1 for a native method. */
    private int bci;
    /** The frame as a stack trace element (class name, file, line). */
    private StackTraceElement element;
    /** Whether the walker has RETAIN_CLASS_REFERENCE. */
    private boolean retainClassRef;

    private StackFrameInfo() {}

    @Override
    public String getClassName() {
        return element.getClassName();
    }

    @Override
    public String getMethodName() {
        return methodName;
    }

    @Override
    public Class<?> getDeclaringClass() {
        ensureRetainClassRef();
        return declaringClass;
    }

    @Override
    public java.lang.invoke.MethodType getMethodType() {
        ensureRetainClassRef();
        return java.lang.invoke.MethodType.fromMethodDescriptorString(descriptor, declaringClass.getClassLoader());
    }

    @Override
    public String getDescriptor() {
        return descriptor;
    }

    @Override
    public int getByteCodeIndex() {
        return isNativeMethod() ? -1 : bci;
    }

    @Override
    public String getFileName() {
        return element.getFileName();
    }

    @Override
    public int getLineNumber() {
        return element.getLineNumber();
    }

    @Override
    public boolean isNativeMethod() {
        return element.isNativeMethod();
    }

    @Override
    public StackTraceElement toStackTraceElement() {
        return element;
    }

    @Override
    public String toString() {
        return element.toString();
    }

    private void ensureRetainClassRef() {
        if (!retainClassRef) {
            throw new UnsupportedOperationException("No access to RETAIN_CLASS_REFERENCE");
        }
    }
}
