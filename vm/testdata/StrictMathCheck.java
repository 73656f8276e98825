import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.function.DoubleBinaryOperator;

/**
 * Evaluates StrictMath (or Math) on inputs written by phantom's strict_math tests.
 *
 * Usage: java StrictMathCheck INPUT_FILE strict|math
 *
 * The input is a sequence of sections, each a function name (DataOutput.writeUTF),
 * a record count (int), and that many records of two doubles (the second is
 * ignored by one-argument functions). For every record the helper writes
 * Double.doubleToRawLongBits of the result to standard output as an 8-byte
 * big-endian long. The format is binary because formatting and parsing two
 * million lines of text took most of the test's time in a debug build under qemu.
 */
public final class StrictMathCheck {
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[1].equals("strict") || args[1].equals("math"))) {
            throw new IllegalArgumentException("usage: StrictMathCheck INPUT_FILE strict|math");
        }
        boolean strict = args[1].equals("strict");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(args[0]), 1 << 16));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16))) {
            while (true) {
                String name;
                try {
                    name = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                DoubleBinaryOperator f = strict ? strictFunction(name) : mathFunction(name);
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    double x = in.readDouble();
                    double y = in.readDouble();
                    out.writeLong(Double.doubleToRawLongBits(f.applyAsDouble(x, y)));
                }
            }
        }
    }

    private static DoubleBinaryOperator strictFunction(String name) {
        switch (name) {
            case "sin": return (x, y) -> StrictMath.sin(x);
            case "cos": return (x, y) -> StrictMath.cos(x);
            case "tan": return (x, y) -> StrictMath.tan(x);
            case "asin": return (x, y) -> StrictMath.asin(x);
            case "acos": return (x, y) -> StrictMath.acos(x);
            case "atan": return (x, y) -> StrictMath.atan(x);
            case "atan2": return StrictMath::atan2;
            case "exp": return (x, y) -> StrictMath.exp(x);
            case "log": return (x, y) -> StrictMath.log(x);
            case "log10": return (x, y) -> StrictMath.log10(x);
            case "sqrt": return (x, y) -> StrictMath.sqrt(x);
            case "cbrt": return (x, y) -> StrictMath.cbrt(x);
            case "pow": return StrictMath::pow;
            case "sinh": return (x, y) -> StrictMath.sinh(x);
            case "cosh": return (x, y) -> StrictMath.cosh(x);
            case "tanh": return (x, y) -> StrictMath.tanh(x);
            case "hypot": return StrictMath::hypot;
            case "expm1": return (x, y) -> StrictMath.expm1(x);
            case "log1p": return (x, y) -> StrictMath.log1p(x);
            case "ieee_remainder": return StrictMath::IEEEremainder;
            default: throw new IllegalArgumentException("unknown function " + name);
        }
    }

    private static DoubleBinaryOperator mathFunction(String name) {
        switch (name) {
            case "sin": return (x, y) -> Math.sin(x);
            case "cos": return (x, y) -> Math.cos(x);
            case "tan": return (x, y) -> Math.tan(x);
            case "asin": return (x, y) -> Math.asin(x);
            case "acos": return (x, y) -> Math.acos(x);
            case "atan": return (x, y) -> Math.atan(x);
            case "atan2": return Math::atan2;
            case "exp": return (x, y) -> Math.exp(x);
            case "log": return (x, y) -> Math.log(x);
            case "log10": return (x, y) -> Math.log10(x);
            case "sqrt": return (x, y) -> Math.sqrt(x);
            case "cbrt": return (x, y) -> Math.cbrt(x);
            case "pow": return Math::pow;
            case "sinh": return (x, y) -> Math.sinh(x);
            case "cosh": return (x, y) -> Math.cosh(x);
            case "tanh": return (x, y) -> Math.tanh(x);
            case "hypot": return Math::hypot;
            case "expm1": return (x, y) -> Math.expm1(x);
            case "log1p": return (x, y) -> Math.log1p(x);
            case "ieee_remainder": return Math::IEEEremainder;
            default: throw new IllegalArgumentException("unknown function " + name);
        }
    }
}
