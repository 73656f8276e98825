import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles many programs in one JVM, for tests/java.rs: each line of the file named by the
 * argument is an output folder and that program's sources, separated by tabs. One javac warmed
 * up compiles a small program in tens of milliseconds; a javac process per program takes about
 * a second. The output folders of programs that failed to compile are printed, a line each (the
 * first test of such a program compiles it again on its own and reports why).
 */
public class JavacBatch {
    public static void main(String[] args) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] words = line.split("\t");
            List<String> options = new ArrayList<>(List.of("-nowarn", "-d", words[0]));
            options.addAll(Arrays.asList(words).subList(1, words.length));
            if (javac.run(null, null, null, options.toArray(new String[0])) != 0) {
                System.out.println(words[0]);
            }
        }
    }
}
