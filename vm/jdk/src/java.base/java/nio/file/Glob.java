/** A glob pattern of the default file system: *, **, ?, [...] classes, {a,b} groups and \ escapes, matched against a path's whole string. */
package java.nio.file;

import java.util.ArrayList;
import java.util.List;

// Groups cannot nest, so a pattern is compiled to the list of its group-free alternatives,
// each a sequence of nodes matched by backtracking. Syntax errors are IllegalArgumentException
// with the message layout of the JDK's PatternSyntaxException, which java.util.regex would
// provide.
final class Glob implements PathMatcher {
    private static final int LITERAL = 0;
    /** ? : one char other than '/'. */
    private static final int ONE = 1;
    /** * : any chars other than '/'. */
    private static final int STAR = 2;
    /** ** : any chars. */
    private static final int ANY = 3;
    /** [...] : one char other than '/' in (or, negated, not in) the ranges. */
    private static final int CLASS = 4;

    private static final class Node {
        final int kind;
        final char c;
        final boolean negate;
        /** Pairs of inclusive bounds. */
        final char[] ranges;

        Node(int kind, char c, boolean negate, char[] ranges) {
            this.kind = kind;
            this.c = c;
            this.negate = negate;
            this.ranges = ranges;
        }

        boolean inClass(char x) {
            if (x == '/') {
                return false;
            }
            boolean in = false;
            for (int k = 0; k < ranges.length && !in; k += 2) {
                in = x >= ranges[k] && x <= ranges[k + 1];
            }
            return in != negate;
        }
    }

    private final String glob;
    private final List<List<Node>> alternatives;
    private int i;

    Glob(String glob) {
        this.glob = glob;
        this.alternatives = parse();
    }

    private IllegalArgumentException error(String desc, int index) {
        StringBuilder sb = new StringBuilder(desc).append(" near index ").append(index).append('\n').append(glob);
        if (index < glob.length()) {
            sb.append('\n');
            for (int k = 0; k < index; k++) {
                sb.append(' ');
            }
            sb.append('^');
        }
        return new IllegalArgumentException(sb.toString());
    }

    private List<List<Node>> parse() {
        List<List<Node>> seqs = new ArrayList<>();
        seqs.add(new ArrayList<>());
        List<List<Node>> group = null;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            Node node;
            if (c == '\\') {
                if (i == n) {
                    throw error("No character to escape", i - 1);
                }
                node = new Node(LITERAL, glob.charAt(i++), false, null);
            } else if (c == '*') {
                boolean two = i < n && glob.charAt(i) == '*';
                if (two) {
                    i++;
                }
                node = new Node(two ? ANY : STAR, c, false, null);
            } else if (c == '?') {
                node = new Node(ONE, c, false, null);
            } else if (c == '[') {
                node = parseClass();
            } else if (c == '{') {
                if (group != null) {
                    throw error("Cannot nest groups", i - 1);
                }
                group = new ArrayList<>();
                group.add(new ArrayList<>());
                continue;
            } else if (c == '}' && group != null) {
                List<List<Node>> crossed = new ArrayList<>();
                for (List<Node> s : seqs) {
                    for (List<Node> alt : group) {
                        List<Node> both = new ArrayList<>(s);
                        both.addAll(alt);
                        crossed.add(both);
                    }
                }
                seqs = crossed;
                group = null;
                continue;
            } else if (c == ',' && group != null) {
                group.add(new ArrayList<>());
                continue;
            } else {
                node = new Node(LITERAL, c, false, null);
            }
            if (group != null) {
                group.get(group.size() - 1).add(node);
            } else {
                for (List<Node> s : seqs) {
                    s.add(node);
                }
            }
        }
        if (group != null) {
            throw error("Missing '}", n - 1);
        }
        return seqs;
    }

    /** A bracket expression after its '['; within it *, ? and \ are plain chars. */
    private Node parseClass() {
        int n = glob.length();
        boolean negate = i < n && glob.charAt(i) == '!';
        if (negate) {
            i++;
        }
        StringBuilder ranges = new StringBuilder();
        boolean canRange = false;
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == ']') {
                if (ranges.length() == 0) {
                    throw error("Unclosed character class", i - 1);
                }
                char[] r = new char[ranges.length()];
                ranges.getChars(0, r.length, r, 0);
                return new Node(CLASS, c, negate, r);
            }
            if (c == '/') {
                throw error("Explicit 'name separator' in class", i - 1);
            }
            if (c == '-' && canRange && (i == n || glob.charAt(i) != ']')) {
                if (i == n) {
                    // The JDK's parser has taken the missing upper bound too by now.
                    throw error("Missing ']", n);
                }
                char lo = ranges.charAt(ranges.length() - 1);
                char hi = glob.charAt(i++);
                if (hi == '/') {
                    throw error("Explicit 'name separator' in class", i - 1);
                }
                if (hi < lo) {
                    throw error("Invalid range", i - 3);
                }
                ranges.setCharAt(ranges.length() - 1, hi);
                canRange = false;
                continue;
            }
            ranges.append(c).append(c);
            canRange = true;
        }
        throw error("Missing ']", n - 1);
    }

    @Override
    public boolean matches(Path path) {
        String s = path.toString();
        for (List<Node> alt : alternatives) {
            if (match(alt, 0, s, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean match(List<Node> nodes, int ni, String s, int si) {
        int len = s.length();
        while (ni < nodes.size()) {
            Node node = nodes.get(ni);
            switch (node.kind) {
                case LITERAL:
                    if (si == len || s.charAt(si) != node.c) {
                        return false;
                    }
                    break;
                case ONE:
                    if (si == len || s.charAt(si) == '/') {
                        return false;
                    }
                    break;
                case CLASS:
                    if (si == len || !node.inClass(s.charAt(si))) {
                        return false;
                    }
                    break;
                default:
                    // * and **: try every end of the run, shortest first.
                    for (int k = si; ; k++) {
                        if (match(nodes, ni + 1, s, k)) {
                            return true;
                        }
                        if (k == len || (node.kind == STAR && s.charAt(k) == '/')) {
                            return false;
                        }
                    }
            }
            ni++;
            si++;
        }
        return si == len;
    }
}
