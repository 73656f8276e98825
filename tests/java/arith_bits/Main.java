public class Main {
    public static void main(String[] args) {
        int[] ints = {0, 1, -1, 5, -5, 255, 0x80000000, 0x7FFFFFFF, 0x12345678, 0xF0F0F0F0, 1 << 20, 100000};
        for (int v : ints) {
            System.out.println(v + ": bitCount " + Integer.bitCount(v) + " reverse " + Integer.reverse(v) + " reverseBytes " + Integer.reverseBytes(v)
                    + " highest " + Integer.highestOneBit(v) + " lowest " + Integer.lowestOneBit(v) + " nlz " + Integer.numberOfLeadingZeros(v)
                    + " ntz " + Integer.numberOfTrailingZeros(v) + " rotl3 " + Integer.rotateLeft(v, 3) + " rotr3 " + Integer.rotateRight(v, 3)
                    + " rotl-1 " + Integer.rotateLeft(v, -1) + " rotl33 " + Integer.rotateLeft(v, 33));
            System.out.println("   hex " + Integer.toHexString(v) + " bin " + Integer.toBinaryString(v) + " oct " + Integer.toOctalString(v)
                    + " unsigned " + Integer.toUnsignedString(v) + " r36 " + Integer.toString(v, 36) + " r7 " + Integer.toString(v, 7)
                    + " ulong " + Integer.toUnsignedLong(v));
        }
        long[] longs = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789ABCDEF0L, -1000L, 1L << 40};
        for (long v : longs) {
            System.out.println(v + ": bitCount " + Long.bitCount(v) + " reverse " + Long.reverse(v) + " reverseBytes " + Long.reverseBytes(v)
                    + " highest " + Long.highestOneBit(v) + " lowest " + Long.lowestOneBit(v) + " nlz " + Long.numberOfLeadingZeros(v)
                    + " ntz " + Long.numberOfTrailingZeros(v) + " rotl7 " + Long.rotateLeft(v, 7) + " rotr70 " + Long.rotateRight(v, 70));
            System.out.println("   hex " + Long.toHexString(v) + " bin " + Long.toBinaryString(v) + " oct " + Long.toOctalString(v)
                    + " unsigned " + Long.toUnsignedString(v) + " r36 " + Long.toString(v, 36) + " ur36 " + Long.toUnsignedString(v, 36));
        }
        System.out.println(Integer.parseInt("ff", 16) + " " + Integer.parseInt("-1010", 2) + " " + Integer.parseInt("zz", 36) + " " + Integer.parseInt("+42")
                + " " + Integer.parseInt("-80000000", 16) + " " + Long.parseLong("7fffffffffffffff", 16) + " " + Integer.valueOf("777", 8)
                + " " + Integer.parseUnsignedInt("4294967295") + " " + Long.parseUnsignedLong("18446744073709551615") + " " + Integer.decode("0x1F")
                + " " + Integer.decode("-010") + " " + Integer.decode("#ff"));
        String[] bad = {"", "abc", "2147483648", "-2147483649", "12 ", "0x10", "+", "-", "1_000", null};
        for (String s : bad) {
            try {
                System.out.println(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                System.out.println("NFE " + e.getMessage());
            }
        }
        try {
            Integer.parseInt("99", 8);
        } catch (NumberFormatException e) {
            System.out.println("NFE " + e.getMessage());
        }
        try {
            Long.parseLong("9223372036854775808");
        } catch (NumberFormatException e) {
            System.out.println("NFE " + e.getMessage());
        }
        try {
            Double.parseDouble("1.2.3");
        } catch (NumberFormatException e) {
            System.out.println("NFE " + e.getMessage());
        }
        System.out.println("unsigned div " + Integer.divideUnsigned(-1, 3) + " rem " + Integer.remainderUnsigned(-1, 3) + " cmp " + Integer.compareUnsigned(-1, 1)
                + " " + Integer.compareUnsigned(1, 2) + " " + Long.divideUnsigned(-1L, 10L) + " " + Long.remainderUnsigned(-1L, 10L)
                + " " + Long.compareUnsigned(Long.MIN_VALUE, Long.MAX_VALUE) + " " + Integer.toUnsignedString(-123, 16));
        System.out.println(Integer.toString(Integer.MIN_VALUE, 2) + " " + Integer.toString(255, 16) + " " + Integer.toString(-255, 16)
                + " " + Integer.toString(35, 36) + " " + Integer.toString(10, 99) + " " + Long.toString(Long.MIN_VALUE, 36));
        System.out.println(Integer.toHexString(-1) + " " + Integer.toHexString(Integer.MIN_VALUE) + " " + Long.toHexString(-256L)
                + " " + Integer.toOctalString(-8) + " " + Integer.toBinaryString(-128) + " " + Integer.toHexString((byte) -1) + " " + Integer.toHexString(((byte) -1) & 0xFF));
        System.out.println(Character.forDigit(11, 16) + " " + Character.digit('f', 16) + " " + Character.digit('9', 8) + " " + Character.digit('Z', 36));
        System.out.println(Integer.signum(Integer.MIN_VALUE) + " " + Long.signum(5) + " " + Short.toUnsignedInt((short) -1) + " " + Byte.toUnsignedInt((byte) -1));
        System.out.println(Integer.hashCode(-7) + " " + Long.hashCode(-7L) + " " + Long.hashCode(0x1_0000_0001L));
    }
}
