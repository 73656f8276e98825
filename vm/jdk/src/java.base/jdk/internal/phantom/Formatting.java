/** Decimal rendering of doubles for java.util.Formatter, done by the VM from Java's exact decimal digits. */
package jdk.internal.phantom;

public final class Formatting {
    private Formatting() {}

    /** Like {@code %.<precision>f}: HALF_UP rounding, no grouping. */
    public static native String fixed(double v, int precision);

    /** Like {@code %.<precision>e}. */
    public static native String scientific(double v, int precision);

    /** Like {@code %.<precision>g}. */
    public static native String general(double v, int precision);
}
