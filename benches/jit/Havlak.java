// Benchmark: Havlak's loop recognition on a synthetic control-flow graph (after Hundt's "Loop
// Recognition in C++/Java/Go/Scala"). Each iteration builds a graph of about 8,900 basic blocks
// made of nested loops and diamonds, finds its loop nesting forest several times with Havlak's
// algorithm (depth-first numbering, union-find with path compression, irreducible-loop
// detection) and checks the loop count: object graphs, growable collections, and int arrays.
public class Havlak {
    static final int OUTER_TREES = 10;
    static final int PARALLEL_LOOPS = 4;
    static final int INNER_LOOPS = 10;
    static final int FINDS_PER_ITERATION = 15;
    /**
     * The root, the three loops of the entry's base loop, and per parallel loop: itself and, per
     * inner loop, itself and two base loops of three loops each.
     */
    static final int EXPECTED_LOOPS = 1 + 3 + OUTER_TREES * PARALLEL_LOOPS * (1 + INNER_LOOPS * 7);

    /** A growable array. */
    static final class Vector<E> {
        private Object[] items = new Object[4];
        private int size;

        void add(E item) {
            if (size == items.length) {
                Object[] grown = new Object[size * 2];
                System.arraycopy(items, 0, grown, 0, size);
                items = grown;
            }
            items[size++] = item;
        }

        @SuppressWarnings("unchecked")
        E get(int index) {
            return (E) items[index];
        }

        int size() {
            return size;
        }

        boolean contains(E item) {
            for (int i = 0; i < size; i++) {
                if (items[i] == item) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A growable array of ints; addIfAbsent makes it an insertion-ordered set. */
    static final class IntVector {
        private int[] items = new int[4];
        private int size;

        void add(int item) {
            if (size == items.length) {
                int[] grown = new int[size * 2];
                System.arraycopy(items, 0, grown, 0, size);
                items = grown;
            }
            items[size++] = item;
        }

        void addIfAbsent(int item) {
            for (int i = 0; i < size; i++) {
                if (items[i] == item) {
                    return;
                }
            }
            add(item);
        }

        int get(int index) {
            return items[index];
        }

        int size() {
            return size;
        }
    }

    static final class BasicBlock {
        final int name;
        final Vector<BasicBlock> in = new Vector<>();
        final Vector<BasicBlock> out = new Vector<>();

        BasicBlock(int name) {
            this.name = name;
        }
    }

    static final class ControlFlowGraph {
        final Vector<BasicBlock> blocks = new Vector<>();
        BasicBlock start;
        int edges;

        /** The block with that name, created (with all missing lower names) on first use. */
        BasicBlock node(int name) {
            while (blocks.size() <= name) {
                blocks.add(null);
            }
            BasicBlock block = blocks.get(name);
            if (block == null) {
                block = new BasicBlock(name);
                blocks.items[name] = block;
                if (start == null) {
                    start = block;
                }
            }
            return block;
        }

        void edge(int from, int to) {
            BasicBlock a = node(from);
            BasicBlock b = node(to);
            a.out.add(b);
            b.in.add(a);
            edges++;
        }
    }

    static final class SimpleLoop {
        final Vector<BasicBlock> blocks = new Vector<>();
        final Vector<SimpleLoop> children = new Vector<>();
        final BasicBlock header;
        final boolean reducible;
        SimpleLoop parent;
        boolean isRoot;
        int nestingLevel;
        int depthLevel;

        SimpleLoop(BasicBlock header, boolean reducible) {
            this.header = header;
            this.reducible = reducible;
            if (header != null) {
                blocks.add(header);
            }
        }

        void setParent(SimpleLoop parent) {
            this.parent = parent;
            parent.children.add(this);
        }
    }

    static final class LoopStructureGraph {
        final SimpleLoop root = new SimpleLoop(null, true);
        final Vector<SimpleLoop> loops = new Vector<>();

        LoopStructureGraph() {
            root.isRoot = true;
            loops.add(root);
        }

        SimpleLoop newLoop(BasicBlock header, boolean reducible) {
            SimpleLoop loop = new SimpleLoop(header, reducible);
            loops.add(loop);
            return loop;
        }

        /** Hangs top-level loops under the root and computes depths and nesting levels. */
        int calculateNestingLevel() {
            for (int i = 0; i < loops.size(); i++) {
                SimpleLoop loop = loops.get(i);
                if (!loop.isRoot && loop.parent == null) {
                    loop.setParent(root);
                }
            }
            return nest(root, 0);
        }

        private int nest(SimpleLoop loop, int depth) {
            loop.depthLevel = depth;
            int sum = depth;
            for (int i = 0; i < loop.children.size(); i++) {
                SimpleLoop child = loop.children.get(i);
                sum += nest(child, depth + 1);
                loop.nestingLevel = Math.max(loop.nestingLevel, child.nestingLevel + 1);
            }
            return sum;
        }
    }

    static final class UnionFindNode {
        UnionFindNode parent;
        BasicBlock block;
        SimpleLoop loop;
        int dfsNumber;

        void init(BasicBlock block, int dfsNumber) {
            this.parent = this;
            this.block = block;
            this.dfsNumber = dfsNumber;
            this.loop = null;
        }

        /** The set's representative; points every node on the way straight at it. */
        UnionFindNode find() {
            UnionFindNode top = this;
            while (top != top.parent) {
                top = top.parent;
            }
            UnionFindNode node = this;
            while (node != top) {
                UnionFindNode next = node.parent;
                node.parent = top;
                node = next;
            }
            return top;
        }
    }

    static final class LoopFinder {
        static final int UNVISITED = Integer.MAX_VALUE;
        static final int NONHEADER = 1;
        static final int REDUCIBLE = 2;
        static final int SELF = 3;
        static final int IRREDUCIBLE = 4;
        static final int DEAD = 5;

        final ControlFlowGraph cfg;
        final LoopStructureGraph lsg;
        int[] number;
        int[] last;
        int[] type;
        int[] header;
        UnionFindNode[] nodes;
        IntVector[] nonBackPreds;
        IntVector[] backPreds;

        LoopFinder(ControlFlowGraph cfg, LoopStructureGraph lsg) {
            this.cfg = cfg;
            this.lsg = lsg;
        }

        boolean isAncestor(int w, int v) {
            return w <= v && v <= last[w];
        }

        /** Numbers the blocks in depth-first preorder, iteratively so deep graphs do not overflow. */
        void depthFirst(BasicBlock start) {
            BasicBlock[] stack = new BasicBlock[nodes.length];
            int[] nextEdge = new int[nodes.length];
            int depth = 0;
            int counter = 0;
            stack[0] = start;
            nodes[0].init(start, 0);
            number[start.name] = counter++;
            while (depth >= 0) {
                BasicBlock block = stack[depth];
                if (nextEdge[depth] < block.out.size()) {
                    BasicBlock target = block.out.get(nextEdge[depth]++);
                    if (number[target.name] == UNVISITED) {
                        nodes[counter].init(target, counter);
                        number[target.name] = counter++;
                        depth++;
                        stack[depth] = target;
                        nextEdge[depth] = 0;
                    }
                } else {
                    last[number[block.name]] = counter - 1;
                    depth--;
                }
            }
        }

        void findLoops() {
            int size = cfg.blocks.size();
            number = new int[size];
            last = new int[size];
            type = new int[size];
            header = new int[size];
            nodes = new UnionFindNode[size];
            nonBackPreds = new IntVector[size];
            backPreds = new IntVector[size];
            for (int i = 0; i < size; i++) {
                number[i] = UNVISITED;
                nodes[i] = new UnionFindNode();
                nonBackPreds[i] = new IntVector();
                backPreds[i] = new IntVector();
            }
            depthFirst(cfg.start);

            // Split each block's incoming edges into back edges (from a descendant) and the rest.
            for (int w = 0; w < size; w++) {
                type[w] = NONHEADER;
                BasicBlock block = nodes[w].block;
                if (block == null) {
                    type[w] = DEAD;
                    continue;
                }
                for (int i = 0; i < block.in.size(); i++) {
                    int v = number[block.in.get(i).name];
                    if (v != UNVISITED) {
                        if (isAncestor(w, v)) {
                            backPreds[w].add(v);
                        } else {
                            nonBackPreds[w].addIfAbsent(v);
                        }
                    }
                }
            }

            // Visit the blocks bottom-up, collapsing each loop body into its header.
            for (int w = size - 1; w >= 0; w--) {
                BasicBlock block = nodes[w].block;
                if (block == null) {
                    continue;
                }
                Vector<UnionFindNode> pool = new Vector<>();
                for (int i = 0; i < backPreds[w].size(); i++) {
                    int v = backPreds[w].get(i);
                    if (v != w) {
                        UnionFindNode rep = nodes[v].find();
                        if (!pool.contains(rep)) {
                            pool.add(rep);
                        }
                    } else {
                        type[w] = SELF;
                    }
                }
                if (pool.size() > 0) {
                    type[w] = REDUCIBLE;
                }
                for (int next = 0; next < pool.size(); next++) {
                    UnionFindNode x = pool.get(next);
                    IntVector preds = nonBackPreds[x.dfsNumber];
                    for (int i = 0; i < preds.size(); i++) {
                        UnionFindNode ydash = nodes[preds.get(i)].find();
                        if (!isAncestor(w, ydash.dfsNumber)) {
                            type[w] = IRREDUCIBLE;
                            nonBackPreds[w].addIfAbsent(ydash.dfsNumber);
                        } else if (ydash.dfsNumber != w && !pool.contains(ydash)) {
                            pool.add(ydash);
                        }
                    }
                }
                if (pool.size() > 0 || type[w] == SELF) {
                    SimpleLoop loop = lsg.newLoop(block, type[w] != IRREDUCIBLE);
                    nodes[w].loop = loop;
                    for (int i = 0; i < pool.size(); i++) {
                        UnionFindNode node = pool.get(i);
                        header[node.dfsNumber] = w;
                        node.parent = nodes[w];
                        if (node.loop != null) {
                            node.loop.setParent(loop);
                        } else {
                            loop.blocks.add(node.block);
                        }
                    }
                }
            }
        }
    }

    /** Builds the graph from named pieces, returning the name of the last block of each. */
    static final class Builder {
        final ControlFlowGraph cfg = new ControlFlowGraph();

        int straight(int start, int n) {
            for (int i = 0; i < n; i++) {
                cfg.edge(start + i, start + i + 1);
            }
            return start + n;
        }

        int diamond(int start) {
            cfg.edge(start, start + 1);
            cfg.edge(start, start + 2);
            cfg.edge(start + 1, start + 3);
            cfg.edge(start + 2, start + 3);
            return start + 3;
        }

        /** A loop whose body is two diamonds, the second one looping on itself. */
        int baseLoop(int from) {
            int header = straight(from, 1);
            int diamond1 = diamond(header);
            int d11 = straight(diamond1, 1);
            int diamond2 = diamond(d11);
            int footer = straight(diamond2, 1);
            cfg.edge(diamond2, d11);
            cfg.edge(diamond1, header);
            cfg.edge(footer, from);
            return straight(footer, 1);
        }

        /**
         * Block 0 is the entry and block 1 the exit. A base loop follows the entry, then trees
         * of nested loops branch off its end, each leading to the exit.
         */
        ControlFlowGraph build() {
            cfg.node(0);
            cfg.node(1);
            cfg.edge(0, 2);
            int fork = baseLoop(2);
            int n = fork;
            for (int tree = 0; tree < OUTER_TREES; tree++) {
                cfg.edge(fork, n + 1);
                n = n + 1;
                for (int i = 0; i < PARALLEL_LOOPS; i++) {
                    int top = n;
                    n = straight(n, 1);
                    for (int j = 0; j < INNER_LOOPS; j++) {
                        int bottom = n;
                        n = straight(n, 1);
                        n = baseLoop(n);
                        n = baseLoop(n);
                        cfg.edge(n, bottom);
                        n = straight(n, 1);
                    }
                    cfg.edge(n, top);
                    n = straight(n, 1);
                }
                cfg.edge(n, 1);
            }
            return cfg;
        }
    }

    static long iteration() {
        ControlFlowGraph cfg = new Builder().build();
        long checksum = cfg.blocks.size() * 1000L + cfg.edges;
        for (int i = 0; i < FINDS_PER_ITERATION; i++) {
            LoopStructureGraph lsg = new LoopStructureGraph();
            new LoopFinder(cfg, lsg).findLoops();
            int depths = lsg.calculateNestingLevel();
            if (lsg.loops.size() != EXPECTED_LOOPS) {
                throw new IllegalStateException("found " + lsg.loops.size() + " loops, not " + EXPECTED_LOOPS);
            }
            int reducible = 0;
            for (int j = 0; j < lsg.loops.size(); j++) {
                if (lsg.loops.get(j).reducible) {
                    reducible++;
                }
            }
            checksum = checksum * 31 + lsg.loops.size() * 100000L + depths * 10L + lsg.root.nestingLevel + reducible;
        }
        return checksum;
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long checksum = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            long result = iteration();
            long elapsed = System.nanoTime() - start;
            System.err.println("iteration " + i + " " + elapsed + " ns");
            if (i > 0 && result != checksum) {
                throw new IllegalStateException("iteration " + i + " gave " + result + ", not " + checksum);
            }
            checksum = result;
        }
        System.out.println("Havlak " + checksum);
    }
}
