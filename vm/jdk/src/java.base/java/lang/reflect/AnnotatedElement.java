/**
 * An element that may carry annotations. phantom's class library does not read annotations yet, so
 * the annotation queries are absent: a program that asks gets NoSuchMethodError naming the query,
 * never a wrong answer.
 */
package java.lang.reflect;

public interface AnnotatedElement {
}
