// Allocates about 5 GB in total while keeping only a few MB live, to exercise the garbage collector.
public class Main {
    static final class Cell {
        final long value;
        final Cell prev;

        Cell(long value, Cell prev) {
            this.value = value;
            this.prev = prev;
        }
    }

    static final int SMALL_OBJECTS = 50_000_000;
    static final int ARRAY_EVERY = 12;
    static final int RING = 4096;

    public static void main(String[] args) {
        byte[][] ring = new byte[RING][];
        Cell chain = null;
        long checksum = 0;
        long bytesAllocated = 0;
        int arrays = 0;
        for (int i = 0; i < SMALL_OBJECTS; i++) {
            chain = new Cell(i, (i & 63) == 0 ? null : chain);
            bytesAllocated += 24;
            if (i % ARRAY_EVERY == 0) {
                byte[] block = new byte[1024];
                block[i & 1023] = (byte) i;
                block[1023] = (byte) (i >>> 8);
                int slot = arrays % RING;
                byte[] old = ring[slot];
                if (old != null) {
                    checksum += old[1023] + old[(i - RING * ARRAY_EVERY) & 1023];
                }
                ring[slot] = block;
                arrays++;
                bytesAllocated += 1040;
            }
            if ((i & 63) == 63) {
                checksum += chain.value + chain.prev.value;
            }
            if (i % 10_000_000 == 0) {
                System.out.println("progress " + i / 1_000_000 + "M objects, checksum " + checksum);
            }
        }
        long live = 0;
        for (byte[] b : ring) {
            live += b[1023];
        }
        System.out.println("small objects " + SMALL_OBJECTS + ", arrays " + arrays);
        System.out.println("approximate bytes allocated " + bytesAllocated / (1024 * 1024) + " MB");
        System.out.println("checksum " + checksum + " live " + live);
    }
}
