import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;

// A file of 1 MiB written in chunks and read back in a loop, with several files open at once
// for most of the run (so that checkpoint round trips land while files are open), checked with
// a CRC-32 computed in Java.
public class Main {
    static final int SIZE = 1024 * 1024;
    static final int CHUNK = 64 * 1024;
    static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            TABLE[n] = c;
        }
    }

    /** Continues the (pre- and post-inverted) CRC-32 `crc` over b[off, off + len). */
    static int crc(int crc, byte[] b, int off, int len) {
        int c = ~crc;
        for (int i = off; i < off + len; i++) c = TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
        return ~c;
    }

    static int seed = 12345;

    static void fill(byte[] buf) {
        for (int i = 0; i < buf.length; i += 4) {
            seed = seed * 1103515245 + 12345;
            int v = seed ^ (seed >>> 15);
            buf[i] = (byte) v;
            buf[i + 1] = (byte) (v >>> 8);
            buf[i + 2] = (byte) (v >>> 16);
            buf[i + 3] = (byte) (v >>> 24);
        }
    }

    static String hex(int v) {
        return String.format("%08x", v);
    }

    public static void main(String[] args) throws IOException {
        // Write: big.bin in 64 KiB chunks, and a line per chunk into log.txt, both open throughout.
        int writeCrc = 0;
        byte[] chunk = new byte[CHUNK];
        try (FileOutputStream big = new FileOutputStream("big.bin");
                PrintWriter log = new PrintWriter(new BufferedWriter(new FileWriter("log.txt")))) {
            for (int n = 0; n < SIZE / CHUNK; n++) {
                fill(chunk);
                big.write(chunk);
                writeCrc = crc(writeCrc, chunk, 0, CHUNK);
                if (n % 8 == 7) log.println("chunk " + n + " crc so far " + hex(writeCrc));
            }
            // A last, partial chunk.
            fill(chunk);
            big.write(chunk, 0, 1000);
            writeCrc = crc(writeCrc, chunk, 0, 1000);
            log.println("total " + (SIZE + 1000) + " bytes, crc " + hex(writeCrc));
        }
        long length = new File("big.bin").length();
        System.out.println("wrote big.bin: " + length + " bytes, crc " + hex(writeCrc));

        // Read back in 5000-byte reads (not aligned with the chunks), copying to copy.bin, while a
        // RandomAccessFile on the same file reads ints at scattered places.
        int readCrc = 0;
        long total = 0, probes = 0;
        int reads = 0;
        byte[] buf = new byte[5000];
        try (FileInputStream in = new FileInputStream("big.bin");
                BufferedOutputStream copy = new BufferedOutputStream(new FileOutputStream("copy.bin"), 8192);
                RandomAccessFile raf = new RandomAccessFile("big.bin", "r")) {
            int n;
            int pos = 7;
            while ((n = in.read(buf)) > 0) {
                readCrc = crc(readCrc, buf, 0, n);
                copy.write(buf, 0, n);
                total += n;
                reads++;
                pos = (int) ((pos * 31L + n + reads) % (length - 4));
                raf.seek(pos);
                probes += raf.readInt();
            }
            System.out.println("read " + total + " bytes in " + reads + " reads (last " + (total - (reads - 1) * 5000L) + "), crc " + hex(readCrc));
            System.out.println("raf probes sum " + probes + ", raf pointer " + raf.getFilePointer());
        }
        System.out.println("crc matches: " + (readCrc == writeCrc));

        // Compare the copy with the original, both open, in differently sized blocks.
        boolean same = true;
        int copyCrc = 0;
        try (BufferedInputStream a = new BufferedInputStream(new FileInputStream("big.bin"), 16384);
                FileInputStream b = new FileInputStream("copy.bin")) {
            byte[] x = new byte[12345], y = new byte[12345];
            while (true) {
                int n = a.readNBytes(x, 0, x.length);
                int m = b.readNBytes(y, 0, y.length);
                if (n != m) same = false;
                for (int i = 0; i < n && same; i++) same = x[i] == y[i];
                copyCrc = crc(copyCrc, y, 0, m);
                if (n < x.length) break;
            }
            System.out.println("at end: original read " + a.read() + ", copy available " + b.available());
        }
        System.out.println("copy.bin length " + new File("copy.bin").length() + ", identical " + same + ", crc " + hex(copyCrc));

        // Keep only the log: delete the large files.
        System.out.println("delete big.bin " + new File("big.bin").delete() + ", copy.bin " + new File("copy.bin").delete());
        try (FileWriter w = new FileWriter("log.txt", true)) {
            w.write("verified " + same + "\n");
        }
        System.out.println("log.txt length " + new File("log.txt").length());
    }
}
