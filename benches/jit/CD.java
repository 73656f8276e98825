// Benchmark: collision detection for simulated aircraft (after Titzer and Vitek's CD, in the
// "Are We Fast Yet" suite's object-oriented form). Each frame moves the aircraft, hashes every
// motion into the 2D voxels it sweeps (a red-black tree keyed by voxel), and tests the motions
// that share a voxel for a close approach in 3D: double arithmetic on small immutable vector
// objects, comparisons through an interface, tree rotations and recursion.
public class CD {
    static final int AIRCRAFT = 200;
    static final int FRAMES = 120;

    static final double MIN_X = 0;
    static final double MIN_Y = 0;
    static final double MAX_X = 1000;
    static final double MAX_Y = 1000;
    static final double MIN_Z = 0;
    static final double MAX_Z = 10;
    static final double PROXIMITY_RADIUS = 1;
    static final double VOXEL_SIZE = 2 * PROXIMITY_RADIUS;

    interface Key<K> {
        int compareTo(K other);
    }

    static final class Vector2D implements Key<Vector2D> {
        final double x;
        final double y;

        Vector2D(double x, double y) {
            this.x = x;
            this.y = y;
        }

        Vector2D plus(double dx, double dy) {
            return new Vector2D(x + dx, y + dy);
        }

        public int compareTo(Vector2D other) {
            int c = compareNumbers(x, other.x);
            return c != 0 ? c : compareNumbers(y, other.y);
        }

        private static int compareNumbers(double a, double b) {
            return a < b ? -1 : a > b ? 1 : 0;
        }
    }

    static final class Vector3D {
        final double x;
        final double y;
        final double z;

        Vector3D(double x, double y, double z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        Vector3D plus(Vector3D o) {
            return new Vector3D(x + o.x, y + o.y, z + o.z);
        }

        Vector3D minus(Vector3D o) {
            return new Vector3D(x - o.x, y - o.y, z - o.z);
        }

        Vector3D times(double s) {
            return new Vector3D(x * s, y * s, z * s);
        }

        double dot(Vector3D o) {
            return x * o.x + y * o.y + z * o.z;
        }

        double squaredMagnitude() {
            return dot(this);
        }
    }

    static final class CallSign implements Key<CallSign> {
        final int value;

        CallSign(int value) {
            this.value = value;
        }

        public int compareTo(CallSign other) {
            return Integer.compare(value, other.value);
        }
    }

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
    }

    interface Visitor<K, V> {
        void visit(K key, V value);
    }

    /** A left-leaning red-black tree (insertion and lookup only, which is all CD needs). */
    static final class RedBlackTree<K extends Key<K>, V> {
        static final class Node<K, V> {
            final K key;
            V value;
            Node<K, V> left;
            Node<K, V> right;
            boolean red = true;

            Node(K key, V value) {
                this.key = key;
                this.value = value;
            }
        }

        private Node<K, V> root;
        private V previous;

        V get(K key) {
            Node<K, V> node = root;
            while (node != null) {
                int c = key.compareTo(node.key);
                if (c == 0) {
                    return node.value;
                }
                node = c < 0 ? node.left : node.right;
            }
            return null;
        }

        /** Stores value under key; returns the value it replaced, or null. */
        V put(K key, V value) {
            previous = null;
            root = put(root, key, value);
            root.red = false;
            return previous;
        }

        private Node<K, V> put(Node<K, V> node, K key, V value) {
            if (node == null) {
                return new Node<>(key, value);
            }
            int c = key.compareTo(node.key);
            if (c < 0) {
                node.left = put(node.left, key, value);
            } else if (c > 0) {
                node.right = put(node.right, key, value);
            } else {
                previous = node.value;
                node.value = value;
            }
            if (isRed(node.right) && !isRed(node.left)) {
                node = rotateLeft(node);
            }
            if (isRed(node.left) && isRed(node.left.left)) {
                node = rotateRight(node);
            }
            if (isRed(node.left) && isRed(node.right)) {
                node.red = !node.red;
                node.left.red = !node.left.red;
                node.right.red = !node.right.red;
            }
            return node;
        }

        private static boolean isRed(Node<?, ?> node) {
            return node != null && node.red;
        }

        private static <K, V> Node<K, V> rotateLeft(Node<K, V> h) {
            Node<K, V> x = h.right;
            h.right = x.left;
            x.left = h;
            x.red = h.red;
            h.red = true;
            return x;
        }

        private static <K, V> Node<K, V> rotateRight(Node<K, V> h) {
            Node<K, V> x = h.left;
            h.left = x.right;
            x.right = h;
            x.red = h.red;
            h.red = true;
            return x;
        }

        void forEach(Visitor<K, V> visitor) {
            forEach(root, visitor);
        }

        private void forEach(Node<K, V> node, Visitor<K, V> visitor) {
            if (node != null) {
                forEach(node.left, visitor);
                visitor.visit(node.key, node.value);
                forEach(node.right, visitor);
            }
        }
    }

    static final class Aircraft {
        final CallSign callSign;
        final Vector3D position;

        Aircraft(CallSign callSign, Vector3D position) {
            this.callSign = callSign;
            this.position = position;
        }
    }

    static final class Motion {
        final CallSign callSign;
        final Vector3D from;
        final Vector3D to;

        Motion(CallSign callSign, Vector3D from, Vector3D to) {
            this.callSign = callSign;
            this.from = from;
            this.to = to;
        }

        Vector3D delta() {
            return to.minus(from);
        }

        /** Where the two aircraft come within PROXIMITY_RADIUS during the frame, or null. */
        Vector3D findIntersection(Motion other) {
            Vector3D init1 = from;
            Vector3D init2 = other.from;
            Vector3D vec1 = delta();
            Vector3D vec2 = other.delta();
            double radius = PROXIMITY_RADIUS;
            double a = vec2.minus(vec1).squaredMagnitude();
            if (a != 0) {
                // Solve |init2 + t vec2 - init1 - t vec1| = radius for t, and keep overlaps with [0, 1].
                double b = 2 * init1.minus(init2).dot(vec1.minus(vec2));
                double c = -radius * radius + init2.minus(init1).squaredMagnitude();
                double discriminant = b * b - 4 * a * c;
                if (discriminant < 0) {
                    return null;
                }
                double root = Math.sqrt(discriminant);
                double v1 = (-b - root) / (2 * a);
                double v2 = (-b + root) / (2 * a);
                if (v1 <= v2 && ((v1 <= 1 && 1 <= v2) || (v1 <= 0 && 0 <= v2) || (0 <= v1 && v2 <= 1))) {
                    Vector3D result1 = init1.plus(vec1.times(v1));
                    Vector3D result2 = init2.plus(vec2.times(v2));
                    Vector3D result = result1.plus(result2).times(0.5);
                    if (result.x >= MIN_X && result.x <= MAX_X && result.y >= MIN_Y && result.y <= MAX_Y
                            && result.z >= MIN_Z && result.z <= MAX_Z) {
                        return result;
                    }
                }
                return null;
            }
            Vector3D gap = init2.minus(init1);
            if (Math.sqrt(gap.squaredMagnitude()) <= radius) {
                return init1.plus(init2).times(0.5);
            }
            return null;
        }
    }

    static final class Collision {
        final CallSign a;
        final CallSign b;
        final Vector3D position;

        Collision(CallSign a, CallSign b, Vector3D position) {
            this.a = a;
            this.b = b;
            this.position = position;
        }
    }

    static final class CollisionDetector {
        private final RedBlackTree<CallSign, Vector3D> state = new RedBlackTree<>();

        /** Every aircraft appears in every frame, so the state never has to forget one. */
        Vector<Collision> handleNewFrame(Vector<Aircraft> frame) {
            Vector<Motion> motions = new Vector<>();
            for (int i = 0; i < frame.size(); i++) {
                Aircraft aircraft = frame.get(i);
                Vector3D old = state.put(aircraft.callSign, aircraft.position);
                motions.add(new Motion(aircraft.callSign, old == null ? aircraft.position : old, aircraft.position));
            }
            Vector<Collision> collisions = new Vector<>();
            RedBlackTree<Vector2D, Vector<Motion>> voxels = new RedBlackTree<>();
            for (int i = 0; i < motions.size(); i++) {
                Motion motion = motions.get(i);
                draw(voxels, new RedBlackTree<>(), voxelHash(motion.from), motion);
            }
            voxels.forEach((voxel, inVoxel) -> {
                for (int i = 0; i < inVoxel.size(); i++) {
                    Motion one = inVoxel.get(i);
                    for (int j = i + 1; j < inVoxel.size(); j++) {
                        Motion two = inVoxel.get(j);
                        Vector3D where = one.findIntersection(two);
                        if (where != null) {
                            collisions.add(new Collision(one.callSign, two.callSign, where));
                        }
                    }
                }
            });
            return collisions;
        }

        private static Vector2D voxelHash(Vector3D position) {
            double x = VOXEL_SIZE * Math.floor(position.x / VOXEL_SIZE);
            double y = VOXEL_SIZE * Math.floor(position.y / VOXEL_SIZE);
            return new Vector2D(x, y);
        }

        /** Flood-fills the voxels the motion passes through, starting from where it begins. */
        private static void draw(RedBlackTree<Vector2D, Vector<Motion>> voxels, RedBlackTree<Vector2D, Boolean> seen,
                Vector2D voxel, Motion motion) {
            if (!isInVoxel(voxel, motion) || seen.put(voxel, Boolean.TRUE) != null) {
                return;
            }
            Vector<Motion> inVoxel = voxels.get(voxel);
            if (inVoxel == null) {
                inVoxel = new Vector<>();
                voxels.put(voxel, inVoxel);
            }
            inVoxel.add(motion);
            draw(voxels, seen, voxel.plus(-VOXEL_SIZE, 0), motion);
            draw(voxels, seen, voxel.plus(VOXEL_SIZE, 0), motion);
            draw(voxels, seen, voxel.plus(0, -VOXEL_SIZE), motion);
            draw(voxels, seen, voxel.plus(0, VOXEL_SIZE), motion);
            draw(voxels, seen, voxel.plus(-VOXEL_SIZE, -VOXEL_SIZE), motion);
            draw(voxels, seen, voxel.plus(-VOXEL_SIZE, VOXEL_SIZE), motion);
            draw(voxels, seen, voxel.plus(VOXEL_SIZE, -VOXEL_SIZE), motion);
            draw(voxels, seen, voxel.plus(VOXEL_SIZE, VOXEL_SIZE), motion);
        }

        /** Whether the motion, widened by half the radius, touches the voxel's square. */
        private static boolean isInVoxel(Vector2D voxel, Motion motion) {
            if (voxel.x > MAX_X || voxel.x < MIN_X || voxel.y > MAX_Y || voxel.y < MIN_Y) {
                return false;
            }
            double r = PROXIMITY_RADIUS / 2;
            double x0 = motion.from.x;
            double xv = motion.to.x - x0;
            double y0 = motion.from.y;
            double yv = motion.to.y - y0;
            double lowX = (voxel.x - r - x0) / xv;
            double highX = (voxel.x + VOXEL_SIZE + r - x0) / xv;
            if (xv < 0) {
                double t = lowX;
                lowX = highX;
                highX = t;
            }
            double lowY = (voxel.y - r - y0) / yv;
            double highY = (voxel.y + VOXEL_SIZE + r - y0) / yv;
            if (yv < 0) {
                double t = lowY;
                lowY = highY;
                highY = t;
            }
            boolean inX = (xv == 0 && voxel.x <= x0 + r && x0 - r <= voxel.x + VOXEL_SIZE)
                || (lowX <= 1 && 1 <= highX) || (lowX <= 0 && 0 <= highX) || (0 <= lowX && highX <= 1);
            boolean inY = (yv == 0 && voxel.y <= y0 + r && y0 - r <= voxel.y + VOXEL_SIZE)
                || (lowY <= 1 && 1 <= highY) || (lowY <= 0 && 0 <= highY) || (0 <= lowY && highY <= 1);
            boolean overlap = xv == 0 || yv == 0
                || (lowY <= highX && highX <= highY) || (lowY <= lowX && lowX <= highY)
                || (lowX <= lowY && highY <= highX);
            return inX && inY && overlap;
        }
    }

    /** Pairs of aircraft fly side by side along wavy tracks, so that they keep nearly colliding. */
    static Vector<Aircraft> frame(CallSign[] callSigns, double time) {
        Vector<Aircraft> frame = new Vector<>();
        for (int i = 0; i < callSigns.length; i += 2) {
            frame.add(new Aircraft(callSigns[i], new Vector3D(time, StrictMath.cos(time) * 2 + i * 3, 10)));
            frame.add(new Aircraft(callSigns[i + 1], new Vector3D(time, StrictMath.sin(time) * 2 + i * 3, 10)));
        }
        return frame;
    }

    static long iteration() {
        CallSign[] callSigns = new CallSign[AIRCRAFT];
        for (int i = 0; i < AIRCRAFT; i++) {
            callSigns[i] = new CallSign(i);
        }
        CollisionDetector detector = new CollisionDetector();
        long checksum = 0;
        for (int i = 0; i < FRAMES; i++) {
            Vector<Collision> collisions = detector.handleNewFrame(frame(callSigns, i / 10.0));
            checksum = checksum * 7 + collisions.size();
            for (int j = 0; j < collisions.size(); j++) {
                Collision c = collisions.get(j);
                checksum += c.a.value * 3 + c.b.value + (long) (c.position.y * 1000);
            }
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
        System.out.println("CD " + checksum);
    }
}
