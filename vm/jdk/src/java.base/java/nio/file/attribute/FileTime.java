/** A file's timestamp: a count of some time unit since 1970-01-01T00:00:00Z, printed in ISO 8601. */
package java.nio.file.attribute;

import java.util.concurrent.TimeUnit;

public final class FileTime implements Comparable<FileTime> {
    // Instant's range in seconds: hashCode is Instant's, on the time clamped to that range.
    private static final long MIN_SECOND = -31557014167219200L;
    private static final long MAX_SECOND = 31556889864403199L;

    private final long value;
    private final TimeUnit unit;

    private FileTime(long value, TimeUnit unit) {
        this.value = value;
        this.unit = unit;
    }

    public static FileTime from(long value, TimeUnit unit) {
        if (unit == null) {
            throw new NullPointerException("'unit' is null");
        }
        return new FileTime(value, unit);
    }

    public static FileTime fromMillis(long value) {
        return new FileTime(value, TimeUnit.MILLISECONDS);
    }

    public long to(TimeUnit unit) {
        if (unit == null) {
            throw new NullPointerException("'unit' is null");
        }
        return unit.convert(value, this.unit);
    }

    public long toMillis() {
        return unit.toMillis(value);
    }

    /** Units per second when the unit is finer than a second, else 0. */
    private long perSecond() {
        if (unit == TimeUnit.NANOSECONDS) {
            return 1_000_000_000L;
        } else if (unit == TimeUnit.MICROSECONDS) {
            return 1_000_000L;
        } else if (unit == TimeUnit.MILLISECONDS) {
            return 1_000L;
        }
        return 0;
    }

    /** Whole seconds, rounded down (saturating for coarse units). */
    private long seconds() {
        long per = perSecond();
        return per == 0 ? unit.toSeconds(value) : Math.floorDiv(value, per);
    }

    /** Nanoseconds past seconds(). */
    private int nanos() {
        long per = perSecond();
        return per == 0 ? 0 : (int) (Math.floorMod(value, per) * (1_000_000_000L / per));
    }

    @Override
    public int compareTo(FileTime other) {
        if (unit == other.unit) {
            return Long.compare(value, other.value);
        }
        long s = seconds();
        long os = other.seconds();
        int c = Long.compare(s, os);
        if (c == 0) {
            c = Integer.compare(nanos(), other.nanos());
        }
        if (c == 0 && (s == Long.MAX_VALUE || s == Long.MIN_VALUE)) {
            // Both saturated in seconds: days still tell them apart.
            c = Long.compare(to(TimeUnit.DAYS), other.to(TimeUnit.DAYS));
        }
        return c;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof FileTime && compareTo((FileTime) obj) == 0;
    }

    @Override
    public int hashCode() {
        long s = seconds();
        int n = nanos();
        if (s > MAX_SECOND) {
            s = MAX_SECOND;
            n = 999_999_999;
        } else if (s < MIN_SECOND) {
            s = MIN_SECOND;
            n = 0;
        }
        return ((int) (s ^ (s >>> 32))) + 51 * n;
    }

    /** YYYY-MM-DDThh:mm:ss[.fraction]Z, the fraction without trailing zeros; years before 1 as -YYYY counted BCE-style (year 0 is -0001). */
    @Override
    public String toString() {
        long secs = seconds();
        int nanos = nanos();
        long days = Math.floorDiv(secs, 86400L);
        int secOfDay = (int) Math.floorMod(secs, 86400L);
        // Civil date from days since the epoch, in the proleptic Gregorian calendar (eras of 400 years).
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097L);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder sb = new StringBuilder(32);
        if (year <= 0) {
            year = year - 1;
            sb.append('-');
            year = -year;
        }
        String y = Long.toString(year);
        for (int i = y.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(y).append('-');
        two(sb, month).append('-');
        two(sb, day).append('T');
        two(sb, secOfDay / 3600).append(':');
        two(sb, secOfDay / 60 % 60).append(':');
        two(sb, secOfDay % 60);
        if (nanos != 0) {
            String f = Integer.toString(nanos + 1_000_000_000).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(f, 0, end);
        }
        return sb.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        if (n < 10) {
            sb.append('0');
        }
        return sb.append(n);
    }
}
