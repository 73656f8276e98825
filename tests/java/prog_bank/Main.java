import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Main {
    static class InsufficientFunds extends Exception {
        InsufficientFunds(String id, long need, long have) {
            super("account " + id + " needs " + need + " but has " + have);
        }
    }

    static class Account {
        final String id;
        final String owner;
        long balance;
        final List<String> history = new ArrayList<>();

        Account(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        void deposit(long amount) {
            if (amount <= 0) {
                throw new IllegalArgumentException("deposit must be positive: " + amount);
            }
            balance += amount;
            history.add("+" + amount);
        }

        void withdraw(long amount) throws InsufficientFunds {
            if (amount > balance) {
                throw new InsufficientFunds(id, amount, balance);
            }
            balance -= amount;
            history.add("-" + amount);
        }
    }

    static class Bank {
        final Map<String, Account> accounts = new HashMap<>();
        int nextId = 1000;
        int failed = 0;

        Account open(String owner, long initial) {
            Account a = new Account("AC" + nextId++, owner);
            if (initial > 0) {
                a.deposit(initial);
            }
            accounts.put(a.id, a);
            return a;
        }

        void transfer(String from, String to, long amount) {
            Account a = accounts.get(from), b = accounts.get(to);
            try {
                if (a == null || b == null) {
                    throw new IllegalArgumentException("no such account: " + (a == null ? from : to));
                }
                a.withdraw(amount);
                b.deposit(amount);
            } catch (InsufficientFunds e) {
                failed++;
                System.out.println("transfer failed: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                failed++;
                System.out.println("transfer rejected: " + e.getMessage());
            }
        }

        long total() {
            long t = 0;
            for (Account a : accounts.values()) {
                t += a.balance;
            }
            return t;
        }

        void applyInterest(int basisPoints) {
            for (Account a : new TreeMap<>(accounts).values()) {
                long interest = a.balance * basisPoints / 10000;
                if (interest > 0) {
                    a.deposit(interest);
                }
            }
        }
    }

    public static void main(String[] args) {
        Bank bank = new Bank();
        String[] owners = {"ana", "ben", "cho", "dev", "eli", "fay"};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < owners.length; i++) {
            ids.add(bank.open(owners[i], 1000L * (i + 1)).id);
        }
        System.out.println("opened " + ids + " total " + bank.total());
        long seed = 17;
        for (int step = 0; step < 200; step++) {
            seed = (seed * 6364136223846793005L + 1442695040888963407L);
            int from = (int) ((seed >>> 33) % ids.size());
            int to = (int) ((seed >>> 40) % ids.size());
            long amount = (seed >>> 50) % 1500 + 1;
            if (from != to) {
                bank.transfer(ids.get(from), ids.get(to), amount);
            }
        }
        bank.transfer("AC1000", "AC9999", 5);
        try {
            bank.accounts.get("AC1001").deposit(-3);
        } catch (IllegalArgumentException e) {
            System.out.println("rejected: " + e.getMessage());
        }
        System.out.println("after transfers total " + bank.total() + " failed " + bank.failed);
        bank.applyInterest(125);
        Map<String, Account> sorted = new TreeMap<>(bank.accounts);
        for (Account a : sorted.values()) {
            System.out.println(a.id + " " + a.owner + " balance " + a.balance + " ops " + a.history.size() + " last " + a.history.get(a.history.size() - 1));
        }
        Map<String, Long> byInitial = new TreeMap<>();
        for (Account a : bank.accounts.values()) {
            byInitial.merge(a.owner.substring(0, 1).toUpperCase(), a.balance, Long::sum);
        }
        System.out.println(byInitial + " total " + bank.total());
        Account richest = null;
        for (Account a : sorted.values()) {
            if (richest == null || a.balance > richest.balance) {
                richest = a;
            }
        }
        System.out.println("richest " + richest.owner + " with " + String.format("%,d", richest.balance));
    }
}
