import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

// Directories with java.io.File and java.nio.file.Files: create, list, walk, rename, move, copy
// and delete, leaving a known tree behind (expected.files).
public class Main {
    static void write(String name, String text) throws IOException {
        try (FileWriter w = new FileWriter(name)) {
            w.write(text);
        }
    }

    static List<String> sorted(String[] names) {
        List<String> l = new ArrayList<>(Arrays.asList(names));
        Collections.sort(l);
        return l;
    }

    static List<String> walk(String root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Paths.get(root))) {
            Iterator<Path> it = s.iterator();
            while (it.hasNext()) {
                Path p = it.next();
                out.add(p + (Files.isDirectory(p) ? "/" : " " + Files.size(p)));
            }
        }
        Collections.sort(out);
        return out;
    }

    public static void main(String[] args) throws IOException {
        System.out.println("working directory starts empty: " + sorted(new File(".").list()));

        // java.io.File
        File deep = new File("tree/a/b/c");
        System.out.println("mkdirs " + deep.mkdirs() + ", again " + deep.mkdirs() + ", isDirectory " + deep.isDirectory());
        System.out.println("mkdir with missing parent " + new File("nowhere/x").mkdir() + ", mkdir tree/d " + new File("tree/d").mkdir());
        write("tree/a/one.txt", "one\n");
        write("tree/a/b/two.txt", "two two\n");
        write("tree/a/b/c/three.txt", "three three three\n");
        write("tree/top.txt", "");
        File one = new File("tree/a/one.txt");
        System.out.println("getName " + one.getName() + ", getParent " + one.getParent() + ", getPath " + one.getPath());
        System.out.println("exists " + one.exists() + ", isFile " + one.isFile() + ", isDirectory " + one.isDirectory() + ", length " + one.length());
        System.out.println("tree lists " + sorted(new File("tree").list()));
        File[] children = new File("tree/a").listFiles();
        Arrays.sort(children);
        for (File f : children) {
            System.out.println("  " + f.getPath() + (f.isDirectory() ? " dir" : " file " + f.length()));
        }
        System.out.println("list of a file: " + one.list() + ", of a missing dir: " + new File("missing").list());
        File renamed = new File("tree/a/uno.txt");
        System.out.println("renameTo " + one.renameTo(renamed) + ": old exists " + one.exists() + ", new exists " + renamed.exists());
        System.out.println("move a dir: " + new File("tree/d").renameTo(new File("tree/a/d")));
        System.out.println("delete non-empty dir " + new File("tree/a/b").delete() + ", delete empty file " + new File("tree/top.txt").delete() + ", again " + new File("tree/top.txt").delete());
        File nested = new File(new File("tree", "a"), "b");
        System.out.println("File(File, String) " + nested.getPath() + " isDirectory " + nested.isDirectory());
        System.out.println("createNewFile " + new File("tree/new.txt").createNewFile() + ", again " + new File("tree/new.txt").createNewFile());

        // java.nio.file
        Path base = Paths.get("nio");
        Path docs = base.resolve("docs").resolve("2024");
        System.out.println("createDirectories returns a path named " + Files.createDirectories(docs).getFileName() + ", exists " + Files.exists(docs));
        Files.createDirectories(docs);
        Path readme = Files.writeString(base.resolve("readme.txt"), "hello from nio\n");
        Files.write(docs.resolve("a.txt"), "alpha\n".getBytes());
        Files.write(docs.resolve("b.txt"), "bravo bravo\n".getBytes());
        Files.createDirectory(base.resolve("empty"));
        System.out.println("readme " + readme + " size " + Files.size(readme) + ", parent " + readme.getParent() + ", file name " + readme.getFileName());
        List<String> listed = new ArrayList<>();
        try (Stream<Path> s = Files.list(base)) {
            Iterator<Path> it = s.iterator();
            while (it.hasNext()) listed.add(it.next().getFileName().toString());
        }
        Collections.sort(listed);
        System.out.println("Files.list(nio) " + listed);
        System.out.println("walk before:");
        for (String p : walk("nio")) System.out.println("  " + p);

        Path copy = Files.copy(docs.resolve("a.txt"), base.resolve("a-copy.txt"));
        System.out.println("copy " + copy + " size " + Files.size(copy));
        Files.copy(docs.resolve("b.txt"), copy, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("copy with REPLACE_EXISTING: " + Files.readString(copy).trim());
        Path moved = Files.move(docs.resolve("a.txt"), base.resolve("moved.txt"));
        System.out.println("move " + moved + ", source exists " + Files.exists(docs.resolve("a.txt")));
        Files.move(base.resolve("docs"), base.resolve("archive"));
        System.out.println("moved a directory: archive/2024 is a directory " + Files.isDirectory(base.resolve("archive/2024")));
        Files.delete(base.resolve("archive/2024/b.txt"));
        System.out.println("deleteIfExists existing " + Files.deleteIfExists(base.resolve("readme.txt")) + ", missing " + Files.deleteIfExists(base.resolve("readme.txt")));
        Files.delete(base.resolve("archive/2024"));
        System.out.println("isRegularFile " + Files.isRegularFile(moved) + ", notExists " + Files.notExists(base.resolve("archive/2024")));
        System.out.println("walk after:");
        for (String p : walk("nio")) System.out.println("  " + p);
        System.out.println("walk tree:");
        for (String p : walk("tree")) System.out.println("  " + p);
        System.out.println("working directory ends with " + sorted(new File(".").list()));
    }
}
