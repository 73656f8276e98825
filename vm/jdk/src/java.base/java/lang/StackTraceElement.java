/** One frame of a stack trace; the VM builds these without running a constructor. */
package java.lang;

public final class StackTraceElement implements java.io.Serializable {
    /** {@link #format}: the class loader's name is left out of {@link #toString}. */
    private static final byte BUILTIN_CLASS_LOADER = 0x1;
    /** {@link #format}: the module's version is left out of {@link #toString}. */
    private static final byte JDK_NON_UPGRADEABLE_MODULE = 0x2;

    /** {@code "app"} for classes of the class path, null for the class library's. */
    private String classLoaderName;
    private String moduleName;
    private String moduleVersion;
    private String declaringClass;
    private String methodName;
    private String fileName;
    /** -1 when unknown, -2 for a native method. */
    private int lineNumber;
    /**
     * What toString leaves out, as HotSpot decides it: both bits for the elements of throwables
     * and stack walkers, none for those of {@code Thread.getStackTrace} of another thread,
     * {@code Thread.getAllStackTraces} and the constructors.
     */
    private transient byte format;

    public StackTraceElement(String declaringClass, String methodName, String fileName, int lineNumber) {
        this(null, null, null, declaringClass, methodName, fileName, lineNumber);
    }

    public StackTraceElement(String classLoaderName, String moduleName, String moduleVersion,
            String declaringClass, String methodName, String fileName, int lineNumber) {
        if (declaringClass == null) {
            throw new NullPointerException("Declaring class is null");
        }
        if (methodName == null) {
            throw new NullPointerException("Method name is null");
        }
        this.classLoaderName = classLoaderName;
        this.moduleName = moduleName;
        this.moduleVersion = moduleVersion;
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
    }

    public String getFileName() {
        return fileName;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public String getModuleName() {
        return moduleName;
    }

    public String getModuleVersion() {
        return moduleVersion;
    }

    public String getClassLoaderName() {
        return classLoaderName;
    }

    public String getClassName() {
        return declaringClass;
    }

    public String getMethodName() {
        return methodName;
    }

    public boolean isNativeMethod() {
        return lineNumber == -2;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        int prefix = 0;
        if ((format & BUILTIN_CLASS_LOADER) == 0 && classLoaderName != null && !classLoaderName.isEmpty()) {
            sb.append(classLoaderName).append('/');
            prefix++;
        }
        if (moduleName != null && !moduleName.isEmpty()) {
            sb.append(moduleName);
            if ((format & JDK_NON_UPGRADEABLE_MODULE) == 0 && moduleVersion != null && !moduleVersion.isEmpty()) {
                sb.append('@').append(moduleVersion);
            }
            prefix++;
        }
        if (prefix > 0) {
            sb.append('/');
        }
        sb.append(declaringClass).append('.').append(methodName).append('(');
        if (lineNumber == -2) {
            sb.append("Native Method");
        } else if (fileName == null) {
            sb.append("Unknown Source");
        } else {
            sb.append(fileName);
            if (lineNumber >= 0) {
                sb.append(':').append(lineNumber);
            }
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof StackTraceElement)) {
            return false;
        }
        StackTraceElement e = (StackTraceElement) obj;
        return same(classLoaderName, e.classLoaderName)
                && same(moduleName, e.moduleName)
                && same(moduleVersion, e.moduleVersion)
                && e.declaringClass.equals(declaringClass)
                && e.lineNumber == lineNumber
                && same(methodName, e.methodName)
                && same(fileName, e.fileName);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static int hash(String s) {
        return s == null ? 0 : s.hashCode();
    }

    @Override
    public int hashCode() {
        int result = 31 * declaringClass.hashCode() + methodName.hashCode();
        result = 31 * result + hash(classLoaderName);
        result = 31 * result + hash(moduleName);
        result = 31 * result + hash(moduleVersion);
        result = 31 * result + hash(fileName);
        return 31 * result + lineNumber;
    }
}
