import java.math.BigInteger;

// Benchmark: big-number arithmetic. 3^140863 (pow: squarings of up to 7,000 words) and its
// decimal string (67,209 digits), then a loop of 20,000-digit products and quotients.
public class BigNum {
    public static void main(String[] args) {
        BigInteger p = BigInteger.valueOf(3).pow(140863);
        String s = p.toString();
        long checksum = s.length();
        checksum = checksum * 31 + s.charAt(s.length() / 2);
        checksum = checksum * 31 + p.hashCode();

        BigInteger a = BigInteger.valueOf(7).pow(23666).add(BigInteger.valueOf(12345)); // 20,000 digits
        BigInteger b = BigInteger.valueOf(11).pow(19205).subtract(BigInteger.ONE); // 20,000 digits
        for (int i = 0; i < 6; i++) {
            BigInteger prod = a.multiply(b);
            BigInteger[] qr = prod.add(BigInteger.valueOf(i)).divideAndRemainder(b.add(BigInteger.valueOf(i)));
            checksum = checksum * 31 + prod.hashCode();
            checksum = checksum * 31 + qr[0].hashCode() + qr[1].hashCode();
            a = qr[0].add(qr[1]);
        }
        System.out.println("BigNum " + checksum + " " + a.bitLength());
    }
}
