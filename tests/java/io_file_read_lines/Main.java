import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

// Reads input files from the working directory (files/) three ways, computes word counts and
// sums, and writes its results with PrintWriter, FileWriter (append) and Files.write.
public class Main {
    static final TreeMap<String, Integer> counts = new TreeMap<>();
    static long numberSum = 0;

    static void countWords(String line) {
        for (String w : line.split(" ")) {
            if (w.isEmpty()) continue;
            boolean number = true;
            try {
                numberSum += Long.parseLong(w);
            } catch (NumberFormatException e) {
                number = false;
            }
            if (!number) counts.merge(w, 1, Integer::sum);
        }
    }

    public static void main(String[] args) throws IOException {
        // 1. BufferedReader over a FileReader, line by line.
        int lines = 0, chars = 0, blank = 0;
        String longest = "";
        try (BufferedReader in = new BufferedReader(new FileReader("input.txt"))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                chars += line.length();
                if (line.trim().isEmpty()) blank++;
                if (line.length() > longest.length()) longest = line;
                countWords(line);
            }
            System.out.println("readLine after EOF: " + in.readLine());
        }
        System.out.println("BufferedReader: " + lines + " lines, " + chars + " chars, " + blank + " blank");
        System.out.println("longest line: [" + longest + "]");
        System.out.println("number sum " + numberSum + ", distinct words " + counts.size());

        // 2. Files.readAllLines: the same lines.
        List<String> all = Files.readAllLines(Paths.get("input.txt"));
        System.out.println("readAllLines: " + all.size() + " lines, last [" + all.get(all.size() - 1) + "]");
        System.out.println("line 7 has " + all.get(6).length() + " chars and " + all.get(6).getBytes(StandardCharsets.UTF_8).length + " UTF-8 bytes");
        System.out.println("file size " + new File("input.txt").length() + " = Files.size " + Files.size(Paths.get("input.txt")));

        // 3. Files.lines over a CSV in a subfolder: sum the columns.
        long intSum = 0;
        double doubleSum = 0;
        List<String> names = new ArrayList<>();
        try (Stream<String> rows = Files.lines(Paths.get("data", "table.csv"))) {
            Iterator<String> it = rows.iterator();
            while (it.hasNext()) {
                String[] cols = it.next().split(",");
                names.add(cols[0]);
                intSum += Integer.parseInt(cols[1]);
                doubleSum += Double.parseDouble(cols[2]);
            }
        }
        try (Stream<String> rows = Files.lines(Paths.get("data/table.csv"))) {
            System.out.println("Files.lines count " + rows.count());
        }
        System.out.println("csv: " + names + " int sum " + intSum + " double sum " + doubleSum);

        // Results: a report with PrintWriter(FileWriter), appended to with FileWriter(append),
        // and the sorted word counts with Files.write.
        try (PrintWriter out = new PrintWriter(new FileWriter("report.txt"))) {
            out.println("lines " + lines);
            out.printf("chars %d blank %d%n", chars, blank);
            out.print("numbers ");
            out.println(numberSum);
        }
        try (BufferedWriter out = new BufferedWriter(new FileWriter("report.txt", true))) {
            out.write("csv ints " + intSum);
            out.newLine();
            out.write("csv doubles " + doubleSum);
            out.newLine();
        }
        List<String> sorted = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            sorted.add(e.getKey() + " " + e.getValue());
        }
        Path wordsFile = Paths.get("words.txt");
        Files.write(wordsFile, sorted);
        Files.write(wordsFile, List.of("-- end --"), StandardOpenOption.APPEND);
        Files.writeString(Paths.get("data", "note.txt"), "written by Files.writeString: ünïcödé\n");

        // Read the results back.
        List<String> report = Files.readAllLines(Paths.get("report.txt"));
        System.out.println("report.txt:");
        for (String r : report) System.out.println("  " + r);
        List<String> words = Files.readAllLines(wordsFile);
        System.out.println("words.txt has " + words.size() + " lines; first " + words.get(0) + ", last " + words.get(words.size() - 1));
        System.out.println("'the' counted " + counts.get("the") + " times, 'fox' " + counts.get("fox"));
        String note = Files.readString(Paths.get("data/note.txt"));
        System.out.println("note: " + note.trim() + " (" + note.length() + " chars)");
    }
}
