import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;

// Binary files: DataOutputStream/DataInputStream through buffered file streams, RandomAccessFile
// seek/read/write/length/setLength, and FileOutputStream in append mode.
public class Main {
    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(i % 16 == 0 ? "\n  " : " ");
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    static String hexFile(String name) throws IOException {
        try (FileInputStream in = new FileInputStream(name)) {
            byte[] buf = new byte[256];
            int n = in.read(buf);
            return n < 0 ? "(empty)" : hex(buf, n);
        }
    }

    public static void main(String[] args) throws IOException {
        int written;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream("data.bin")))) {
            out.writeInt(0x12345678);
            out.writeLong(-2L);
            out.writeDouble(Math.PI);
            out.writeFloat(-0.5f);
            out.writeShort(-12345);
            out.writeByte(200);
            out.writeBoolean(true);
            out.writeChar('\u20ac');
            out.writeUTF("héllo, wörld");
            for (int i = 0; i < 10; i++) out.writeInt(i * i * 1000 - 7);
            written = out.size();
        }
        System.out.println("DataOutputStream wrote " + written + " bytes; file length " + new File("data.bin").length());
        System.out.println("data.bin:\n  " + hexFile("data.bin"));

        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream("data.bin")))) {
            System.out.println("int " + Integer.toHexString(in.readInt()));
            System.out.println("long " + in.readLong());
            System.out.println("double " + in.readDouble());
            System.out.println("float " + in.readFloat());
            System.out.println("short " + in.readShort());
            System.out.println("unsigned byte " + in.readUnsignedByte());
            System.out.println("boolean " + in.readBoolean());
            System.out.println("char " + (int) in.readChar());
            System.out.println("utf " + in.readUTF());
            long sum = 0;
            System.out.println("skipped " + in.skipBytes(8));
            for (int i = 2; i < 10; i++) sum += in.readInt();
            System.out.println("sum of ints 2..9: " + sum);
            System.out.println("read at end: " + in.read());
            try {
                in.readInt();
                System.out.println("no EOFException");
            } catch (EOFException e) {
                System.out.println("EOFException at end, message " + e.getMessage());
            }
        }

        try (RandomAccessFile raf = new RandomAccessFile("data.bin", "rw")) {
            System.out.println("raf length " + raf.length() + " pointer " + raf.getFilePointer());
            raf.seek(4);
            System.out.println("long at 4: " + raf.readLong() + ", pointer now " + raf.getFilePointer());
            raf.seek(0);
            raf.writeInt(0xCAFEBABE);
            raf.seek(raf.length());
            raf.writeLong(0x0102030405060708L);
            raf.write(new byte[] {9, 10, 11});
            System.out.println("after appending: length " + raf.length() + " pointer " + raf.getFilePointer());
            raf.seek(0);
            System.out.println("first int now " + Integer.toHexString(raf.readInt()));
            raf.seek(raf.length() - 11);
            System.out.println("appended long " + Long.toHexString(raf.readLong()) + " then bytes " + raf.read() + " " + raf.read() + " " + raf.read());
            System.out.println("read past end: " + raf.read());
            raf.setLength(16);
            System.out.println("setLength(16): length " + raf.length() + " pointer " + raf.getFilePointer());
            raf.setLength(24);
            raf.seek(16);
            byte[] tail = new byte[8];
            raf.readFully(tail);
            System.out.println("setLength(24) pads with zeros: " + hex(tail, 8));
            raf.seek(20);
            raf.write(0xAB);
            raf.seek(100);
            System.out.println("seek beyond end keeps length " + raf.length());
            raf.writeByte(0x7F);
            System.out.println("a write at 100 extends it to " + raf.length());
            raf.setLength(32);
        }
        System.out.println("data.bin:\n  " + hexFile("data.bin"));

        try (RandomAccessFile ro = new RandomAccessFile("data.bin", "r")) {
            byte[] buf = new byte[40];
            int n = ro.read(buf);
            System.out.println("read-only raf read " + n + " of 40 bytes");
            try {
                ro.write(1);
                System.out.println("write succeeded?");
            } catch (IOException e) {
                System.out.println("write to read-only raf: " + e.getClass().getName());
            }
        }

        // Append mode: three opens, each adding to the end.
        for (int round = 1; round <= 3; round++) {
            try (FileOutputStream log = new FileOutputStream("log.txt", round > 1)) {
                log.write(("round " + round + "\n").getBytes());
                log.write(new byte[] {'a', 'b', 'c', 'd', '\n'}, 1, 3);
                log.write('\n');
            }
        }
        try (FileOutputStream again = new FileOutputStream(new File("log.txt"), true)) {
            again.write("appended through File\n".getBytes());
        }
        System.out.println("log.txt length " + new File("log.txt").length());
        try (FileInputStream in = new FileInputStream("log.txt")) {
            System.out.println("available " + in.available() + ", skip(6) " + in.skip(6));
            byte[] all = in.readAllBytes();
            System.out.println("rest: " + new String(all).replace("\n", "|"));
        }
        // Truncating open: a plain FileOutputStream empties an existing file.
        new FileOutputStream("empty.bin").close();
        try (FileOutputStream out = new FileOutputStream("truncated.bin")) {
            out.write(new byte[100]);
        }
        new FileOutputStream("truncated.bin").close();
        System.out.println("truncated.bin length " + new File("truncated.bin").length());
    }
}
