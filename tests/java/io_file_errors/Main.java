import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

// The exceptions and messages of failing file operations, on relative paths (so no message holds
// an absolute path), and try-with-resources around files.
public class Main {
    interface Action {
        void run() throws Exception;
    }

    static void attempt(String what, Action action) {
        try {
            action.run();
            System.out.println(what + ": ok");
        } catch (Exception e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    static class Noisy implements AutoCloseable {
        final String name;
        final boolean failOnClose;

        Noisy(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            System.out.println("open " + name);
        }

        @Override
        public void close() throws IOException {
            System.out.println("close " + name);
            if (failOnClose) throw new IOException("close of " + name + " failed");
        }
    }

    public static void main(String[] args) throws Exception {
        attempt("FileInputStream missing", () -> new FileInputStream("missing.txt"));
        attempt("FileInputStream directory", () -> new FileInputStream("adir"));
        attempt("FileReader missing in subdir", () -> new FileReader("adir/missing.txt"));
        attempt("FileOutputStream into missing dir", () -> new FileOutputStream("nodir/out.txt"));
        attempt("FileOutputStream onto directory", () -> new FileOutputStream("adir"));
        attempt("FileWriter onto directory", () -> new FileWriter(new File("adir")));
        attempt("RandomAccessFile missing, r", () -> new RandomAccessFile("missing.txt", "r"));
        attempt("RandomAccessFile bad mode", () -> new RandomAccessFile("exists.txt", "x"));
        System.out.println("missing: exists " + new File("missing.txt").exists() + ", length " + new File("missing.txt").length() + ", delete " + new File("missing.txt").delete());

        Path missing = Paths.get("missing.txt");
        attempt("readAllLines missing", () -> Files.readAllLines(missing));
        attempt("size missing", () -> Files.size(missing));
        attempt("delete missing", () -> Files.delete(Paths.get("adir", "missing.txt")));
        attempt("newInputStream missing", () -> Files.newInputStream(missing));
        attempt("createFile existing", () -> Files.createFile(Paths.get("exists.txt")));
        attempt("createDirectory existing", () -> Files.createDirectory(Paths.get("adir")));
        attempt("createDirectory below a file", () -> Files.createDirectory(Paths.get("exists.txt/sub")));
        attempt("delete non-empty directory", () -> Files.delete(Paths.get("adir")));
        attempt("move onto existing", () -> Files.move(Paths.get("adir/inner.txt"), Paths.get("exists.txt")));
        attempt("copy onto existing", () -> Files.copy(Paths.get("adir/inner.txt"), Paths.get("exists.txt")));
        attempt("copy missing", () -> Files.copy(missing, Paths.get("copy.txt")));
        attempt("readString of a directory", () -> Files.readString(Paths.get("adir")));
        attempt("readAllLines malformed UTF-8", () -> Files.readAllLines(Paths.get("bad-utf8.txt")));
        try (BufferedReader r = new BufferedReader(new FileReader("bad-utf8.txt"))) {
            r.readLine();
            String bad = r.readLine();
            System.out.println("FileReader replaces malformed bytes: length " + bad.length() + ", char 4 is U+" + Integer.toHexString(bad.charAt(4)));
        }

        // Closed streams.
        FileInputStream in = new FileInputStream("exists.txt");
        System.out.println("first byte " + (char) in.read());
        in.close();
        in.close();
        attempt("read closed FileInputStream", () -> in.read());
        attempt("available on closed FileInputStream", () -> in.available());
        BufferedReader br = new BufferedReader(new FileReader("exists.txt"));
        br.close();
        attempt("readLine on closed BufferedReader", () -> br.readLine());
        FileOutputStream out = new FileOutputStream("scratch.txt");
        out.write('x');
        out.close();
        attempt("write closed FileOutputStream", () -> out.write('y'));
        FileWriter fw = new FileWriter("scratch.txt", true);
        fw.close();
        attempt("write closed FileWriter", () -> fw.write("z"));
        RandomAccessFile raf = new RandomAccessFile("scratch.txt", "rw");
        raf.close();
        attempt("seek closed RandomAccessFile", () -> raf.seek(0));
        System.out.println("scratch.txt holds " + new String(Files.readAllBytes(Paths.get("scratch.txt"))));
        Files.delete(Paths.get("scratch.txt"));

        // try-with-resources: close in reverse order, suppressed exceptions.
        try (Noisy a = new Noisy("a", false); FileInputStream f = new FileInputStream("exists.txt"); Noisy b = new Noisy("b", true)) {
            System.out.println("body reads " + f.read());
            throw new IllegalStateException("body failed");
        } catch (IllegalStateException e) {
            System.out.println("caught " + e.getMessage() + " with " + e.getSuppressed().length + " suppressed: " + e.getSuppressed()[0].getMessage());
        }
        try (Noisy a = new Noisy("c", true)) {
            System.out.println("body of c");
        } catch (IOException e) {
            System.out.println("caught " + e.getMessage());
        }
        try (FileInputStream f = new FileInputStream("missing.txt"); Noisy n = new Noisy("never", false)) {
            System.out.println("not reached");
        } catch (IOException e) {
            System.out.println("resource failed to open: " + e.getMessage());
        }
        System.out.println("done; adir still holds " + new File("adir").list().length + " file");
    }
}
