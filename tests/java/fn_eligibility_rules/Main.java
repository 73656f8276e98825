// Eligibility rules for a loan application composed from predicates, as business-rule code
// does: Predicate.and/or/negate with the short-circuit order visible in a log, Predicate.not
// and isEqual (null-safe), BiPredicate.and/negate, IntPredicate/LongPredicate/DoublePredicate
// composition, BinaryOperator.minBy/maxBy with comparators (ties keep the first), reduce-style
// folding with BinaryOperator, and a rule table of named predicates evaluated per applicant.
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

public class Main {
    record Applicant(String name, int age, long income, double debtRatio, String country, String referrer) {
    }

    static final List<String> evaluated = new ArrayList<>();

    static Predicate<Applicant> rule(String name, Predicate<Applicant> p) {
        return a -> {
            boolean r = p.test(a);
            evaluated.add(name + "=" + r);
            return r;
        };
    }

    public static void main(String[] args) {
        List<Applicant> applicants = List.of(
                new Applicant("ann", 34, 72_000, 0.21, "DE", null),
                new Applicant("bob", 17, 5_000, 0.0, "DE", "ann"),
                new Applicant("cid", 52, 31_000, 0.55, "FR", "bob"),
                new Applicant("dee", 29, 120_000, 0.41, "US", null),
                new Applicant("eve", 45, 48_000, 0.35, "DE", "ann"));

        Predicate<Applicant> adult = rule("adult", a -> a.age() >= 18);
        Predicate<Applicant> earns = rule("earns", a -> a.income() >= 30_000);
        Predicate<Applicant> lowDebt = rule("lowDebt", a -> a.debtRatio() < 0.4);
        Predicate<Applicant> domestic = rule("domestic", a -> a.country().equals("DE"));
        Predicate<Applicant> referred = rule("referred", a -> a.referrer() != null);

        Predicate<Applicant> eligible = adult.and(earns).and(lowDebt.or(referred)).and(domestic.negate().negate());
        Predicate<Applicant> manualReview = adult.and(lowDebt.negate()).or(Predicate.not(domestic));
        for (Applicant a : applicants) {
            evaluated.clear();
            boolean e = eligible.test(a);
            List<String> first = new ArrayList<>(evaluated);
            evaluated.clear();
            boolean m = manualReview.test(a);
            System.out.println(a.name() + ": eligible " + e + " " + first + " | review " + m + " " + evaluated);
        }

        Predicate<String> isAnn = Predicate.isEqual("ann");
        Predicate<Object> isNull = Predicate.isEqual(null);
        System.out.println("isEqual: " + isAnn.test("ann") + " " + isAnn.test(null) + " " + isNull.test(null) + " " + isNull.test("x"));
        Predicate<String> notBlank = Predicate.not(String::isBlank);
        System.out.println("not(isBlank): " + notBlank.test(" ") + " " + notBlank.test(" a "));

        BiPredicate<Applicant, Applicant> sameCountry = (x, y) -> x.country().equals(y.country());
        BiPredicate<Applicant, Applicant> referredBy = (x, y) -> Objects.equals(x.referrer(), y.name());
        BiPredicate<Applicant, Applicant> trustedReferral = referredBy.and(sameCountry);
        StringBuilder pairs = new StringBuilder();
        for (Applicant x : applicants) {
            for (Applicant y : applicants) {
                if (trustedReferral.test(x, y)) {
                    pairs.append(x.name()).append("<-").append(y.name()).append(' ');
                }
                if (referredBy.and(sameCountry.negate()).test(x, y)) {
                    pairs.append(x.name()).append("<~").append(y.name()).append(' ');
                }
            }
        }
        System.out.println("referrals: " + pairs.toString().trim());

        BinaryOperator<Applicant> youngest = BinaryOperator.minBy(Comparator.comparingInt(Applicant::age));
        BinaryOperator<Applicant> richest = BinaryOperator.maxBy(Comparator.comparingLong(Applicant::income));
        BinaryOperator<Applicant> byCountry = BinaryOperator.minBy(Comparator.comparing(Applicant::country));
        Applicant y = applicants.get(0);
        Applicant r = applicants.get(0);
        Applicant c = applicants.get(0);
        for (Applicant a : applicants) {
            y = youngest.apply(y, a);
            r = richest.apply(r, a);
            c = byCountry.apply(c, a);
        }
        System.out.println("youngest " + y.name() + ", richest " + r.name() + ", first country (tie keeps first) " + c.name());
        Applicant tieMax = BinaryOperator.maxBy(Comparator.comparing(Applicant::country)).apply(applicants.get(0), applicants.get(1));
        System.out.println("maxBy tie keeps first: " + tieMax.name());

        IntPredicate even = n -> n % 2 == 0;
        IntPredicate positive = n -> n > 0;
        LongPredicate big = n -> n > 50_000;
        DoublePredicate risky = d -> d >= 0.4;
        StringBuilder ints = new StringBuilder();
        for (int n = -3; n <= 4; n++) {
            ints.append(n).append(even.and(positive).test(n) ? "E" : even.or(positive).test(n) ? "o" : even.negate().test(n) ? "n" : "?").append(' ');
        }
        System.out.println("ints: " + ints.toString().trim());
        System.out.println("big incomes: " + count(applicants, a -> big.test(a.income())) + ", risky: "
                + count(applicants, a -> risky.negate().negate().test(a.debtRatio())) + ", big or risky: "
                + count(applicants, a -> big.or(n -> false).test(a.income()) || risky.test(a.debtRatio())));

        LongBinaryOperator sum = Long::sum;
        long total = 0;
        for (Applicant a : applicants) {
            total = sum.applyAsLong(total, a.income());
        }
        BinaryOperator<String> joiner = (p, q) -> p.isEmpty() ? q : p + "," + q;
        String names = "";
        for (Applicant a : applicants) {
            if (eligible.test(a)) {
                names = joiner.apply(names, a.name());
            }
        }
        System.out.println("total income " + total + ", eligible " + names);

        Map<String, Predicate<Applicant>> table = new LinkedHashMap<>();
        table.put("senior", a -> a.age() >= 50);
        table.put("high earner", a -> a.income() > 100_000);
        table.put("referred domestic", referred.and(domestic));
        for (Map.Entry<String, Predicate<Applicant>> e : table.entrySet()) {
            List<String> hits = new ArrayList<>();
            for (Applicant a : applicants) {
                if (e.getValue().test(a)) {
                    hits.add(a.name());
                }
            }
            System.out.println(e.getKey() + ": " + hits);
        }
        try {
            adult.and(null);
        } catch (NullPointerException e) {
            System.out.println("and(null): NullPointerException");
        }
        try {
            BinaryOperator.minBy(null);
        } catch (NullPointerException e) {
            System.out.println("minBy(null): NullPointerException");
        }
    }

    static int count(List<Applicant> as, Predicate<Applicant> p) {
        int n = 0;
        for (Applicant a : as) {
            if (p.test(a)) {
                n++;
            }
        }
        return n;
    }
}
