/** How long an annotation is kept: source, class file, or run time. */
package java.lang.annotation;

public enum RetentionPolicy {
    SOURCE, CLASS, RUNTIME
}
