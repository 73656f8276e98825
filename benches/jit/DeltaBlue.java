// Benchmark: the DeltaBlue incremental constraint solver (Freeman-Benson, Maloney and Borning).
// Each iteration builds a chain of equality constraints and a set of scale constraints, then
// re-plans and re-executes them as edits arrive: object graphs, an ordered collection,
// polymorphic calls through an abstract constraint class, and many small methods.
public class DeltaBlue {
    /** The length of the chain and the number of projected variables. */
    static final int SIZE = 15000;

    // Strengths, strongest first; a constraint overrides only weaker ones.
    static final int REQUIRED = 0;
    static final int STRONG_PREFERRED = 1;
    static final int PREFERRED = 2;
    static final int STRONG_DEFAULT = 3;
    static final int NORMAL = 4;
    static final int WEAK_DEFAULT = 5;
    static final int WEAKEST = 6;

    static boolean stronger(int a, int b) {
        return a < b;
    }

    static boolean weaker(int a, int b) {
        return a > b;
    }

    static int weakest(int a, int b) {
        return weaker(a, b) ? a : b;
    }

    /** A growable array that can also drop elements from its front in constant time. */
    static final class OrderedCollection<E> {
        private Object[] items = new Object[8];
        private int first;
        private int end;

        int size() {
            return end - first;
        }

        boolean isEmpty() {
            return end == first;
        }

        @SuppressWarnings("unchecked")
        E at(int index) {
            return (E) items[first + index];
        }

        void add(E item) {
            if (end == items.length) {
                Object[] grown = new Object[Math.max(8, size() * 2)];
                System.arraycopy(items, first, grown, 0, size());
                end = size();
                first = 0;
                items = grown;
            }
            items[end++] = item;
        }

        @SuppressWarnings("unchecked")
        E removeFirst() {
            E item = (E) items[first];
            items[first++] = null;
            return item;
        }

        void remove(E item) {
            int kept = first;
            for (int i = first; i < end; i++) {
                if (items[i] != item) {
                    items[kept++] = items[i];
                }
            }
            for (int i = kept; i < end; i++) {
                items[i] = null;
            }
            end = kept;
        }
    }

    static final class Variable {
        int value;
        final OrderedCollection<Constraint> constraints = new OrderedCollection<>();
        Constraint determinedBy;
        int mark;
        int walkStrength = WEAKEST;
        boolean stay = true;

        Variable(int value) {
            this.value = value;
        }

        void addConstraint(Constraint c) {
            constraints.add(c);
        }

        void removeConstraint(Constraint c) {
            constraints.remove(c);
            if (determinedBy == c) {
                determinedBy = null;
            }
        }
    }

    abstract static class Constraint {
        final Planner planner;
        final int strength;

        Constraint(Planner planner, int strength) {
            this.planner = planner;
            this.strength = strength;
        }

        abstract void addToGraph();

        abstract void removeFromGraph();

        abstract void chooseMethod(int mark);

        abstract boolean isSatisfied();

        abstract void markUnsatisfied();

        abstract void markInputs(int mark);

        abstract boolean inputsKnown(int mark);

        abstract Variable output();

        abstract void recalculate();

        abstract void execute();

        boolean isInput() {
            return false;
        }

        void addConstraint() {
            addToGraph();
            planner.incrementalAdd(this);
        }

        /**
         * Tries to satisfy this constraint with a method whose output is not marked; returns the
         * constraint that used to determine that output, now overridden, or null.
         */
        Constraint satisfy(int mark) {
            chooseMethod(mark);
            if (!isSatisfied()) {
                if (strength == REQUIRED) {
                    throw new IllegalStateException("could not satisfy a required constraint");
                }
                return null;
            }
            markInputs(mark);
            Variable out = output();
            Constraint overridden = out.determinedBy;
            if (overridden != null) {
                overridden.markUnsatisfied();
            }
            out.determinedBy = this;
            if (!planner.addPropagate(this, mark)) {
                throw new IllegalStateException("cycle encountered");
            }
            out.mark = mark;
            return overridden;
        }

        void destroyConstraint() {
            if (isSatisfied()) {
                planner.incrementalRemove(this);
            } else {
                removeFromGraph();
            }
        }
    }

    abstract static class UnaryConstraint extends Constraint {
        final Variable myOutput;
        boolean satisfied;

        UnaryConstraint(Planner planner, Variable v, int strength) {
            super(planner, strength);
            myOutput = v;
        }

        void addToGraph() {
            myOutput.addConstraint(this);
            satisfied = false;
        }

        void removeFromGraph() {
            myOutput.removeConstraint(this);
            satisfied = false;
        }

        void chooseMethod(int mark) {
            satisfied = myOutput.mark != mark && stronger(strength, myOutput.walkStrength);
        }

        boolean isSatisfied() {
            return satisfied;
        }

        void markUnsatisfied() {
            satisfied = false;
        }

        void markInputs(int mark) {
        }

        boolean inputsKnown(int mark) {
            return true;
        }

        Variable output() {
            return myOutput;
        }

        void recalculate() {
            myOutput.walkStrength = strength;
            myOutput.stay = !isInput();
            if (myOutput.stay) {
                execute();
            }
        }
    }

    /** Keeps a variable at its value unless something stronger changes it. */
    static final class StayConstraint extends UnaryConstraint {
        StayConstraint(Planner planner, Variable v, int strength) {
            super(planner, v, strength);
            addConstraint();
        }

        void execute() {
        }
    }

    /** Marks a variable that the user is about to change. */
    static final class EditConstraint extends UnaryConstraint {
        EditConstraint(Planner planner, Variable v, int strength) {
            super(planner, v, strength);
            addConstraint();
        }

        boolean isInput() {
            return true;
        }

        void execute() {
        }
    }

    static final int NONE = 0;
    static final int FORWARD = 1;
    static final int BACKWARD = 2;

    abstract static class BinaryConstraint extends Constraint {
        final Variable v1;
        final Variable v2;
        int direction = NONE;

        BinaryConstraint(Planner planner, Variable v1, Variable v2, int strength) {
            super(planner, strength);
            this.v1 = v1;
            this.v2 = v2;
        }

        void addToGraph() {
            v1.addConstraint(this);
            v2.addConstraint(this);
            direction = NONE;
        }

        void removeFromGraph() {
            v1.removeConstraint(this);
            v2.removeConstraint(this);
            direction = NONE;
        }

        void chooseMethod(int mark) {
            if (v1.mark == mark) {
                direction = v2.mark != mark && stronger(strength, v2.walkStrength) ? FORWARD : NONE;
            } else if (v2.mark == mark) {
                direction = stronger(strength, v1.walkStrength) ? BACKWARD : NONE;
            } else if (weaker(v1.walkStrength, v2.walkStrength)) {
                // Neither end is marked: write the weaker one, if this constraint is stronger.
                direction = stronger(strength, v1.walkStrength) ? BACKWARD : NONE;
            } else {
                direction = stronger(strength, v2.walkStrength) ? FORWARD : NONE;
            }
        }

        boolean isSatisfied() {
            return direction != NONE;
        }

        void markUnsatisfied() {
            direction = NONE;
        }

        Variable input() {
            return direction == FORWARD ? v1 : v2;
        }

        Variable output() {
            return direction == FORWARD ? v2 : v1;
        }

        void markInputs(int mark) {
            input().mark = mark;
        }

        boolean inputsKnown(int mark) {
            Variable in = input();
            return in.mark == mark || in.stay || in.determinedBy == null;
        }

        void recalculate() {
            Variable in = input();
            Variable out = output();
            out.walkStrength = weakest(strength, in.walkStrength);
            out.stay = in.stay;
            if (out.stay) {
                execute();
            }
        }
    }

    /** v1 == v2. */
    static final class EqualityConstraint extends BinaryConstraint {
        EqualityConstraint(Planner planner, Variable v1, Variable v2, int strength) {
            super(planner, v1, v2, strength);
            addConstraint();
        }

        void execute() {
            output().value = input().value;
        }
    }

    /** v2 == v1 * scale + offset. */
    static final class ScaleConstraint extends BinaryConstraint {
        final Variable scale;
        final Variable offset;

        ScaleConstraint(Planner planner, Variable src, Variable scale, Variable offset, Variable dest, int strength) {
            super(planner, src, dest, strength);
            this.scale = scale;
            this.offset = offset;
            addConstraint();
        }

        void addToGraph() {
            super.addToGraph();
            scale.addConstraint(this);
            offset.addConstraint(this);
        }

        void removeFromGraph() {
            super.removeFromGraph();
            scale.removeConstraint(this);
            offset.removeConstraint(this);
        }

        void markInputs(int mark) {
            super.markInputs(mark);
            scale.mark = mark;
            offset.mark = mark;
        }

        void execute() {
            if (direction == FORWARD) {
                v2.value = v1.value * scale.value + offset.value;
            } else {
                v1.value = (v2.value - offset.value) / scale.value;
            }
        }

        void recalculate() {
            Variable in = input();
            Variable out = output();
            out.walkStrength = weakest(strength, in.walkStrength);
            out.stay = in.stay && scale.stay && offset.stay;
            if (out.stay) {
                execute();
            }
        }
    }

    /** A list of constraints to execute in order. */
    static final class Plan {
        final OrderedCollection<Constraint> constraints = new OrderedCollection<>();

        void execute() {
            for (int i = 0; i < constraints.size(); i++) {
                constraints.at(i).execute();
            }
        }
    }

    static final class Planner {
        int currentMark;

        int newMark() {
            return ++currentMark;
        }

        /** Adds c, overriding weaker constraints as needed, and re-satisfies what it displaced. */
        void incrementalAdd(Constraint c) {
            int mark = newMark();
            Constraint overridden = c.satisfy(mark);
            while (overridden != null) {
                overridden = overridden.satisfy(mark);
            }
        }

        /** Removes c and tries to satisfy the constraints that depended on it, strongest first. */
        void incrementalRemove(Constraint c) {
            Variable out = c.output();
            c.markUnsatisfied();
            c.removeFromGraph();
            OrderedCollection<Constraint> unsatisfied = removePropagateFrom(out);
            for (int strength = REQUIRED; strength < WEAKEST; strength++) {
                for (int i = 0; i < unsatisfied.size(); i++) {
                    Constraint u = unsatisfied.at(i);
                    if (u.strength == strength) {
                        incrementalAdd(u);
                    }
                }
            }
        }

        Plan makePlan(OrderedCollection<Constraint> sources) {
            int mark = newMark();
            Plan plan = new Plan();
            OrderedCollection<Constraint> todo = sources;
            while (!todo.isEmpty()) {
                Constraint c = todo.removeFirst();
                if (c.output().mark != mark && c.inputsKnown(mark)) {
                    plan.constraints.add(c);
                    c.output().mark = mark;
                    addConstraintsConsumingTo(c.output(), todo);
                }
            }
            return plan;
        }

        Plan extractPlanFromConstraints(OrderedCollection<Constraint> constraints) {
            OrderedCollection<Constraint> sources = new OrderedCollection<>();
            for (int i = 0; i < constraints.size(); i++) {
                Constraint c = constraints.at(i);
                if (c.isInput() && c.isSatisfied()) {
                    sources.add(c);
                }
            }
            return makePlan(sources);
        }

        /** Recomputes the walkabout strengths downstream of c; false if that meets a cycle. */
        boolean addPropagate(Constraint c, int mark) {
            OrderedCollection<Constraint> todo = new OrderedCollection<>();
            todo.add(c);
            while (!todo.isEmpty()) {
                Constraint d = todo.removeFirst();
                if (d.output().mark == mark) {
                    incrementalRemove(c);
                    return false;
                }
                d.recalculate();
                addConstraintsConsumingTo(d.output(), todo);
            }
            return true;
        }

        OrderedCollection<Constraint> removePropagateFrom(Variable out) {
            out.determinedBy = null;
            out.walkStrength = WEAKEST;
            out.stay = true;
            OrderedCollection<Constraint> unsatisfied = new OrderedCollection<>();
            OrderedCollection<Variable> todo = new OrderedCollection<>();
            todo.add(out);
            while (!todo.isEmpty()) {
                Variable v = todo.removeFirst();
                for (int i = 0; i < v.constraints.size(); i++) {
                    Constraint c = v.constraints.at(i);
                    if (!c.isSatisfied()) {
                        unsatisfied.add(c);
                    }
                }
                Constraint determining = v.determinedBy;
                for (int i = 0; i < v.constraints.size(); i++) {
                    Constraint next = v.constraints.at(i);
                    if (next != determining && next.isSatisfied()) {
                        next.recalculate();
                        todo.add(next.output());
                    }
                }
            }
            return unsatisfied;
        }

        void addConstraintsConsumingTo(Variable v, OrderedCollection<Constraint> into) {
            Constraint determining = v.determinedBy;
            for (int i = 0; i < v.constraints.size(); i++) {
                Constraint c = v.constraints.at(i);
                if (c != determining && c.isSatisfied()) {
                    into.add(c);
                }
            }
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " failed");
        }
    }

    /** A chain of equalities from first to last; editing first must propagate to last. */
    static long chainTest(int n) {
        Planner planner = new Planner();
        Variable first = null;
        Variable last = null;
        Variable previous = null;
        for (int i = 0; i <= n; i++) {
            Variable v = new Variable(0);
            if (previous != null) {
                new EqualityConstraint(planner, previous, v, REQUIRED);
            }
            if (i == 0) {
                first = v;
            }
            if (i == n) {
                last = v;
            }
            previous = v;
        }
        new StayConstraint(planner, last, STRONG_DEFAULT);
        EditConstraint edit = new EditConstraint(planner, first, PREFERRED);
        OrderedCollection<Constraint> edits = new OrderedCollection<>();
        edits.add(edit);
        Plan plan = planner.extractPlanFromConstraints(edits);
        long sum = 0;
        for (int i = 0; i < 100; i++) {
            first.value = i;
            plan.execute();
            check(last.value == i, "chain test");
            sum += last.value;
        }
        return sum + planner.currentMark;
    }

    /** Sets v to value through a temporary edit constraint, as a user interface would. */
    static void change(Planner planner, Variable v, int value) {
        EditConstraint edit = new EditConstraint(planner, v, PREFERRED);
        OrderedCollection<Constraint> edits = new OrderedCollection<>();
        edits.add(edit);
        Plan plan = planner.extractPlanFromConstraints(edits);
        for (int i = 0; i < 10; i++) {
            v.value = value;
            plan.execute();
        }
        edit.destroyConstraint();
    }

    /** n pairs dst = src * scale + offset; changing either side, the scale or the offset. */
    static long projectionTest(int n) {
        Planner planner = new Planner();
        Variable scale = new Variable(10);
        Variable offset = new Variable(1000);
        Variable src = null;
        Variable dst = null;
        OrderedCollection<Variable> dests = new OrderedCollection<>();
        for (int i = 0; i < n; i++) {
            src = new Variable(i);
            dst = new Variable(i);
            dests.add(dst);
            new StayConstraint(planner, src, NORMAL);
            new ScaleConstraint(planner, src, scale, offset, dst, REQUIRED);
        }
        change(planner, src, 17);
        check(dst.value == 1170, "projection 1");
        change(planner, dst, 1050);
        check(src.value == 5, "projection 2");
        change(planner, scale, 5);
        long sum = 0;
        for (int i = 0; i < n - 1; i++) {
            check(dests.at(i).value == i * 5 + 1000, "projection 3");
            sum += dests.at(i).value;
        }
        change(planner, offset, 2000);
        for (int i = 0; i < n - 1; i++) {
            check(dests.at(i).value == i * 5 + 2000, "projection 4");
            sum += dests.at(i).value;
        }
        return sum + planner.currentMark;
    }

    static long iteration() {
        return chainTest(SIZE) * 31 + projectionTest(SIZE);
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
        System.out.println("DeltaBlue " + checksum);
    }
}
