// A thread-safe hash map laid out like the JDK's, so that its iteration order matches HotSpot.
package java.util.concurrent;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

// One lock guards the whole table: the VM's threads are preempted between instructions, so this is
// correct, and throughput under contention is not a goal. The table follows the JDK's sizing,
// resize thresholds and bin splitting. The JDK turns long bins of big tables into trees; only their
// effect on order is modelled here: such a bin (flagged in treeBin) takes new nodes at its front and
// keeps its order when split. Unlike the JDK, a tree bin shrunk by removals stays one until the next
// resize.
public class ConcurrentHashMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V>, java.io.Serializable {
    private static final int MAXIMUM_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 16;
    private static final float LOAD_FACTOR = 0.75f;
    private static final int TREEIFY_THRESHOLD = 8;
    private static final int MIN_TREEIFY_CAPACITY = 64;
    private static final int HASH_BITS = 0x7fffffff;

    static class Node<K, V> implements Map.Entry<K, V> {
        final int hash;
        final K key;
        volatile V val;
        volatile Node<K, V> next;

        Node(int hash, K key, V val, Node<K, V> next) {
            this.hash = hash;
            this.key = key;
            this.val = val;
            this.next = next;
        }

        public final K getKey() {
            return key;
        }

        public final V getValue() {
            return val;
        }

        public final int hashCode() {
            return key.hashCode() ^ val.hashCode();
        }

        public final String toString() {
            return key + "=" + val;
        }

        public final V setValue(V value) {
            throw new UnsupportedOperationException();
        }

        public final boolean equals(Object o) {
            Object k;
            Object v;
            Object u;
            Map.Entry<?, ?> e;
            return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                    && (v = e.getValue()) != null && (k == key || k.equals(key)) && (v == (u = val) || v.equals(u)));
        }
    }

    static final int spread(int h) {
        return (h ^ (h >>> 16)) & HASH_BITS;
    }

    private static final int tableSizeFor(int c) {
        int n = -1 >>> Integer.numberOfLeadingZeros(c - 1);
        return (n < 0) ? 1 : (n >= MAXIMUM_CAPACITY) ? MAXIMUM_CAPACITY : n + 1;
    }

    private static final int UNTREEIFY_THRESHOLD = 6;

    private transient volatile Node<K, V>[] table;
    private transient boolean[] treeBin;
    // Before the table exists: its initial size (0 = default); afterwards: the size to resize at.
    private transient int sizeCtl;
    private transient int count;

    private transient KeySetView<K, V> keySet;
    private transient ValuesView<K, V> values;
    private transient EntrySetView<K, V> entrySet;

    public ConcurrentHashMap() {
    }

    public ConcurrentHashMap(int initialCapacity) {
        this(initialCapacity, LOAD_FACTOR, 1);
    }

    public ConcurrentHashMap(Map<? extends K, ? extends V> m) {
        this.sizeCtl = DEFAULT_CAPACITY;
        putAll(m);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor) {
        this(initialCapacity, loadFactor, 1);
    }

    public ConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        if (!(loadFactor > 0.0f) || initialCapacity < 0 || concurrencyLevel <= 0) {
            throw new IllegalArgumentException();
        }
        if (initialCapacity < concurrencyLevel) {
            initialCapacity = concurrencyLevel;
        }
        long size = (long) (1.0 + (long) initialCapacity / loadFactor);
        int cap = (size >= (long) MAXIMUM_CAPACITY) ? MAXIMUM_CAPACITY : tableSizeFor((int) size);
        this.sizeCtl = cap;
    }

    public synchronized int size() {
        return count;
    }

    public synchronized boolean isEmpty() {
        return count == 0;
    }

    public long mappingCount() {
        return size();
    }

    private Node<K, V> find(Object key) {
        Node<K, V>[] tab = table;
        if (tab == null) {
            return null;
        }
        int h = spread(key.hashCode());
        for (Node<K, V> e = tab[(tab.length - 1) & h]; e != null; e = e.next) {
            K ek;
            if (e.hash == h && ((ek = e.key) == key || ek.equals(key))) {
                return e;
            }
        }
        return null;
    }

    public synchronized V get(Object key) {
        Node<K, V> e = find(key);
        return e == null ? null : e.val;
    }

    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    public synchronized boolean containsValue(Object value) {
        if (value == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] tab = table;
        if (tab != null) {
            for (Node<K, V> e : tab) {
                for (; e != null; e = e.next) {
                    V v = e.val;
                    if (v == value || value.equals(v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public V put(K key, V value) {
        return putVal(key, value, false);
    }

    private Node<K, V>[] initTable() {
        int n = (sizeCtl > 0) ? sizeCtl : DEFAULT_CAPACITY;
        Node<K, V>[] nt = (Node<K, V>[]) new Node<?, ?>[n];
        table = nt;
        treeBin = new boolean[n];
        sizeCtl = n - (n >>> 2);
        return nt;
    }

    final synchronized V putVal(K key, V value, boolean onlyIfAbsent) {
        if (key == null || value == null) {
            throw new NullPointerException();
        }
        int hash = spread(key.hashCode());
        Node<K, V>[] tab = table;
        if (tab == null || tab.length == 0) {
            tab = initTable();
        }
        int i = (tab.length - 1) & hash;
        Node<K, V> f = tab[i];
        int binCount = 0;
        V oldVal = null;
        if (f == null) {
            tab[i] = new Node<>(hash, key, value, null);
        } else if (treeBin[i]) {
            binCount = 2;
            Node<K, V> e = findInBin(f, hash, key);
            if (e != null) {
                oldVal = e.val;
                if (!onlyIfAbsent) {
                    e.val = value;
                }
            } else {
                tab[i] = new Node<>(hash, key, value, f);
            }
        } else {
            binCount = 1;
            for (Node<K, V> e = f;; ++binCount) {
                K ek;
                if (e.hash == hash && ((ek = e.key) == key || ek.equals(key))) {
                    oldVal = e.val;
                    if (!onlyIfAbsent) {
                        e.val = value;
                    }
                    break;
                }
                Node<K, V> pred = e;
                if ((e = e.next) == null) {
                    pred.next = new Node<>(hash, key, value, null);
                    break;
                }
            }
        }
        if (binCount >= TREEIFY_THRESHOLD) {
            treeifyBin(tab, i);
        }
        if (oldVal != null) {
            return oldVal;
        }
        addCount(1, binCount);
        return null;
    }

    private static <K, V> Node<K, V> findInBin(Node<K, V> f, int hash, Object key) {
        for (Node<K, V> e = f; e != null; e = e.next) {
            K ek;
            if (e.hash == hash && ((ek = e.key) == key || ek.equals(key))) {
                return e;
            }
        }
        return null;
    }

    // The JDK grows small tables rather than building a tree bin.
    private void treeifyBin(Node<K, V>[] tab, int index) {
        int n = tab.length;
        if (n < MIN_TREEIFY_CAPACITY) {
            tryPresize(n << 1);
        } else if (tab == table && tab[index] != null) {
            treeBin[index] = true;
        }
    }

    private void tryPresize(int size) {
        int c = (size >= (MAXIMUM_CAPACITY >>> 1)) ? MAXIMUM_CAPACITY : tableSizeFor(size + (size >>> 1) + 1);
        for (;;) {
            int sc = sizeCtl;
            Node<K, V>[] tab = table;
            if (tab == null || tab.length == 0) {
                int n = (sc > c) ? sc : c;
                table = (Node<K, V>[]) new Node<?, ?>[n];
                treeBin = new boolean[n];
                sizeCtl = n - (n >>> 2);
            } else if (c <= sc || tab.length >= MAXIMUM_CAPACITY) {
                break;
            } else {
                transfer(tab);
            }
        }
    }

    private void addCount(int x, int check) {
        count += x;
        if (check >= 0) {
            Node<K, V>[] tab;
            while (count >= sizeCtl && (tab = table) != null && tab.length < MAXIMUM_CAPACITY) {
                transfer(tab);
            }
        }
    }

    // Doubles the table. Each bin splits in two; the trailing run of nodes going to the same
    // half is reused, and the nodes before it are copied in reverse order, as the JDK does.
    private void transfer(Node<K, V>[] tab) {
        int n = tab.length;
        Node<K, V>[] nextTab = (Node<K, V>[]) new Node<?, ?>[n << 1];
        boolean[] nextTree = new boolean[n << 1];
        for (int i = n - 1; i >= 0; i--) {
            Node<K, V> f = tab[i];
            if (f == null) {
                continue;
            }
            if (treeBin[i]) {
                // Tree bins split into two lists in order, each staying a tree if long enough.
                Node<K, V> lo = null;
                Node<K, V> loTail = null;
                Node<K, V> hi = null;
                Node<K, V> hiTail = null;
                int lc = 0;
                int hc = 0;
                for (Node<K, V> e = f; e != null; e = e.next) {
                    Node<K, V> p = new Node<>(e.hash, e.key, e.val, null);
                    if ((e.hash & n) == 0) {
                        if (loTail == null) {
                            lo = p;
                        } else {
                            loTail.next = p;
                        }
                        loTail = p;
                        ++lc;
                    } else {
                        if (hiTail == null) {
                            hi = p;
                        } else {
                            hiTail.next = p;
                        }
                        hiTail = p;
                        ++hc;
                    }
                }
                nextTab[i] = lo;
                nextTab[i + n] = hi;
                nextTree[i] = lc > UNTREEIFY_THRESHOLD;
                nextTree[i + n] = hc > UNTREEIFY_THRESHOLD;
                continue;
            }
            int runBit = f.hash & n;
            Node<K, V> lastRun = f;
            for (Node<K, V> p = f.next; p != null; p = p.next) {
                int b = p.hash & n;
                if (b != runBit) {
                    runBit = b;
                    lastRun = p;
                }
            }
            Node<K, V> ln;
            Node<K, V> hn;
            if (runBit == 0) {
                ln = lastRun;
                hn = null;
            } else {
                hn = lastRun;
                ln = null;
            }
            for (Node<K, V> p = f; p != lastRun; p = p.next) {
                int ph = p.hash;
                K pk = p.key;
                V pv = p.val;
                if ((ph & n) == 0) {
                    ln = new Node<>(ph, pk, pv, ln);
                } else {
                    hn = new Node<>(ph, pk, pv, hn);
                }
            }
            nextTab[i] = ln;
            nextTab[i + n] = hn;
        }
        table = nextTab;
        treeBin = nextTree;
        sizeCtl = (n << 1) - (n >>> 1);
    }

    public synchronized void putAll(Map<? extends K, ? extends V> m) {
        tryPresize(m.size());
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            putVal(e.getKey(), e.getValue(), false);
        }
    }

    public V remove(Object key) {
        return replaceNode(key, null, null);
    }

    // Replaces the value of `key` by `value` (or removes it when value is null), if its current
    // value equals `cv` or cv is null.
    final synchronized V replaceNode(Object key, V value, Object cv) {
        int hash = spread(key.hashCode());
        Node<K, V>[] tab = table;
        if (tab == null) {
            return null;
        }
        int i = (tab.length - 1) & hash;
        Node<K, V> pred = null;
        for (Node<K, V> e = tab[i]; e != null; pred = e, e = e.next) {
            K ek;
            if (e.hash == hash && ((ek = e.key) == key || ek.equals(key))) {
                V ev = e.val;
                if (cv == null || cv == ev || cv.equals(ev)) {
                    if (value != null) {
                        e.val = value;
                    } else {
                        if (pred != null) {
                            pred.next = e.next;
                        } else {
                            tab[i] = e.next;
                        }
                        if (tab[i] == null) {
                            treeBin[i] = false;
                        }
                        addCount(-1, -1);
                    }
                    return ev;
                }
                return null;
            }
        }
        return null;
    }

    public synchronized void clear() {
        Node<K, V>[] tab = table;
        if (tab != null) {
            for (int i = 0; i < tab.length; i++) {
                tab[i] = null;
                treeBin[i] = false;
            }
        }
        count = 0;
    }

    public KeySetView<K, V> keySet() {
        KeySetView<K, V> ks = keySet;
        return (ks != null) ? ks : (keySet = new KeySetView<K, V>(this, null));
    }

    public Collection<V> values() {
        ValuesView<K, V> vs = values;
        return (vs != null) ? vs : (values = new ValuesView<K, V>(this));
    }

    public Set<Map.Entry<K, V>> entrySet() {
        EntrySetView<K, V> es = entrySet;
        return (es != null) ? es : (entrySet = new EntrySetView<K, V>(this));
    }

    public synchronized int hashCode() {
        int h = 0;
        Node<K, V>[] tab = table;
        if (tab != null) {
            for (Node<K, V> e : tab) {
                for (; e != null; e = e.next) {
                    h += e.key.hashCode() ^ e.val.hashCode();
                }
            }
        }
        return h;
    }

    public String toString() {
        Iterator<Node<K, V>> it = new NodeIterator<>(this);
        StringBuilder sb = new StringBuilder();
        sb.append('{');
        if (it.hasNext()) {
            for (;;) {
                Node<K, V> p = it.next();
                K k = p.key;
                V v = p.val;
                sb.append(k == this ? "(this Map)" : k);
                sb.append('=');
                sb.append(v == this ? "(this Map)" : v);
                if (!it.hasNext()) {
                    break;
                }
                sb.append(',').append(' ');
            }
        }
        return sb.append('}').toString();
    }

    public boolean equals(Object o) {
        if (o != this) {
            if (!(o instanceof Map)) {
                return false;
            }
            Map<?, ?> m = (Map<?, ?>) o;
            for (Iterator<Node<K, V>> it = new NodeIterator<>(this); it.hasNext();) {
                Node<K, V> p = it.next();
                V val = p.val;
                Object v = m.get(p.key);
                if (v == null || (v != val && !v.equals(val))) {
                    return false;
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object mk;
                Object mv;
                Object v;
                if ((mk = e.getKey()) == null || (mv = e.getValue()) == null || (v = get(mk)) == null
                        || (mv != v && !mv.equals(v))) {
                    return false;
                }
            }
        }
        return true;
    }

    public V putIfAbsent(K key, V value) {
        return putVal(key, value, true);
    }

    public boolean remove(Object key, Object value) {
        if (key == null) {
            throw new NullPointerException();
        }
        return value != null && replaceNode(key, null, value) != null;
    }

    public boolean replace(K key, V oldValue, V newValue) {
        if (key == null || oldValue == null || newValue == null) {
            throw new NullPointerException();
        }
        return replaceNode(key, newValue, oldValue) != null;
    }

    public V replace(K key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException();
        }
        return replaceNode(key, value, null);
    }

    public V getOrDefault(Object key, V defaultValue) {
        V v;
        return (v = get(key)) == null ? defaultValue : v;
    }

    public void forEach(BiConsumer<? super K, ? super V> action) {
        if (action == null) {
            throw new NullPointerException();
        }
        for (Iterator<Node<K, V>> it = new NodeIterator<>(this); it.hasNext();) {
            Node<K, V> p = it.next();
            action.accept(p.key, p.val);
        }
    }

    public synchronized void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        if (function == null) {
            throw new NullPointerException();
        }
        Node<K, V>[] tab = table;
        if (tab != null) {
            for (Node<K, V> e : tab) {
                for (; e != null; e = e.next) {
                    V newValue = function.apply(e.key, e.val);
                    if (newValue == null) {
                        throw new NullPointerException();
                    }
                    e.val = newValue;
                }
            }
        }
    }

    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        if (key == null || mappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table;
        if (tab == null || tab.length == 0) {
            tab = initTable();
        }
        int i = (tab.length - 1) & h;
        Node<K, V> f = tab[i];
        V val = null;
        int binCount = 0;
        boolean added = false;
        if (f == null) {
            binCount = 1;
            if ((val = mappingFunction.apply(key)) != null) {
                tab[i] = new Node<>(h, key, val, null);
                added = true;
            }
        } else if (treeBin[i]) {
            binCount = 2;
            Node<K, V> p = findInBin(f, h, key);
            if (p != null) {
                val = p.val;
            } else if ((val = mappingFunction.apply(key)) != null) {
                tab[i] = new Node<>(h, key, val, f);
                added = true;
            }
        } else {
            binCount = 1;
            for (Node<K, V> e = f;; ++binCount) {
                K ek;
                if (e.hash == h && ((ek = e.key) == key || ek.equals(key))) {
                    val = e.val;
                    break;
                }
                Node<K, V> pred = e;
                if ((e = e.next) == null) {
                    if ((val = mappingFunction.apply(key)) != null) {
                        pred.next = new Node<>(h, key, val, null);
                        added = true;
                    }
                    break;
                }
            }
        }
        if (binCount >= TREEIFY_THRESHOLD) {
            treeifyBin(tab, i);
        }
        if (added) {
            addCount(1, binCount);
        }
        return val;
    }

    public synchronized V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        Node<K, V> e = find(key);
        if (e == null) {
            return null;
        }
        V val = remappingFunction.apply(key, e.val);
        if (val != null) {
            e.val = val;
        } else {
            replaceNode(key, null, null);
        }
        return val;
    }

    public synchronized V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        if (key == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table;
        if (tab == null || tab.length == 0) {
            tab = initTable();
        }
        int i = (tab.length - 1) & h;
        Node<K, V> f = tab[i];
        V val;
        int binCount = 0;
        int delta = 0;
        if (f == null) {
            binCount = 1;
            if ((val = remappingFunction.apply(key, null)) != null) {
                delta = 1;
                tab[i] = new Node<>(h, key, val, null);
            }
        } else if (treeBin[i]) {
            binCount = 1;
            Node<K, V> p = findInBin(f, h, key);
            val = remappingFunction.apply(key, p == null ? null : p.val);
            if (val != null) {
                if (p != null) {
                    p.val = val;
                } else {
                    delta = 1;
                    tab[i] = new Node<>(h, key, val, f);
                }
            } else if (p != null) {
                delta = -1;
                unlink(tab, i, p);
            }
        } else {
            binCount = 1;
            Node<K, V> pred = null;
            for (Node<K, V> e = f;; ++binCount) {
                K ek;
                if (e.hash == h && ((ek = e.key) == key || ek.equals(key))) {
                    val = remappingFunction.apply(key, e.val);
                    if (val != null) {
                        e.val = val;
                    } else {
                        delta = -1;
                        Node<K, V> en = e.next;
                        if (pred != null) {
                            pred.next = en;
                        } else {
                            tab[i] = en;
                        }
                    }
                    break;
                }
                pred = e;
                if ((e = e.next) == null) {
                    val = remappingFunction.apply(key, null);
                    if (val != null) {
                        delta = 1;
                        pred.next = new Node<>(h, key, val, null);
                    }
                    break;
                }
            }
        }
        if (binCount >= TREEIFY_THRESHOLD) {
            treeifyBin(tab, i);
        }
        if (delta != 0) {
            addCount(delta, binCount);
        }
        return val;
    }

    public synchronized V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (key == null || value == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        int h = spread(key.hashCode());
        Node<K, V>[] tab = table;
        if (tab == null || tab.length == 0) {
            tab = initTable();
        }
        int i = (tab.length - 1) & h;
        Node<K, V> f = tab[i];
        V val;
        int binCount = 0;
        int delta = 0;
        if (f == null) {
            delta = 1;
            val = value;
            tab[i] = new Node<>(h, key, val, null);
        } else if (treeBin[i]) {
            binCount = 2;
            Node<K, V> p = findInBin(f, h, key);
            val = (p == null) ? value : remappingFunction.apply(p.val, value);
            if (val != null) {
                if (p != null) {
                    p.val = val;
                } else {
                    delta = 1;
                    tab[i] = new Node<>(h, key, val, f);
                }
            } else if (p != null) {
                delta = -1;
                unlink(tab, i, p);
            }
        } else {
            binCount = 1;
            Node<K, V> pred = null;
            for (Node<K, V> e = f;; ++binCount) {
                K ek;
                if (e.hash == h && ((ek = e.key) == key || ek.equals(key))) {
                    val = remappingFunction.apply(e.val, value);
                    if (val != null) {
                        e.val = val;
                    } else {
                        delta = -1;
                        Node<K, V> en = e.next;
                        if (pred != null) {
                            pred.next = en;
                        } else {
                            tab[i] = en;
                        }
                    }
                    break;
                }
                pred = e;
                if ((e = e.next) == null) {
                    delta = 1;
                    val = value;
                    pred.next = new Node<>(h, key, val, null);
                    break;
                }
            }
        }
        if (binCount >= TREEIFY_THRESHOLD) {
            treeifyBin(tab, i);
        }
        if (delta != 0) {
            addCount(delta, binCount);
        }
        return val;
    }

    private void unlink(Node<K, V>[] tab, int i, Node<K, V> p) {
        Node<K, V> pred = null;
        for (Node<K, V> e = tab[i]; e != null; pred = e, e = e.next) {
            if (e == p) {
                if (pred == null) {
                    tab[i] = e.next;
                } else {
                    pred.next = e.next;
                }
                break;
            }
        }
        if (tab[i] == null) {
            treeBin[i] = false;
        }
    }

    public boolean contains(Object value) {
        return containsValue(value);
    }

    public Enumeration<K> keys() {
        Iterator<K> it = keySet().iterator();
        return new Enumeration<K>() {
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            public K nextElement() {
                return it.next();
            }
        };
    }

    public Enumeration<V> elements() {
        Iterator<V> it = values().iterator();
        return new Enumeration<V>() {
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            public V nextElement() {
                return it.next();
            }
        };
    }

    public static <K> KeySetView<K, Boolean> newKeySet() {
        return new KeySetView<K, Boolean>(new ConcurrentHashMap<K, Boolean>(), Boolean.TRUE);
    }

    public static <K> KeySetView<K, Boolean> newKeySet(int initialCapacity) {
        return new KeySetView<K, Boolean>(new ConcurrentHashMap<K, Boolean>(initialCapacity), Boolean.TRUE);
    }

    public KeySetView<K, V> keySet(V mappedValue) {
        if (mappedValue == null) {
            throw new NullPointerException();
        }
        return new KeySetView<K, V>(this, mappedValue);
    }

    // Walks the table captured at creation, bin by bin; it never throws
    // ConcurrentModificationException, and may or may not see concurrent updates.
    static class NodeIterator<K, V> implements Iterator<Node<K, V>> {
        final ConcurrentHashMap<K, V> map;
        final Node<K, V>[] tab;
        int index;
        Node<K, V> next;
        Node<K, V> lastReturned;

        NodeIterator(ConcurrentHashMap<K, V> map) {
            this.map = map;
            synchronized (map) {
                this.tab = map.table;
            }
            advance();
        }

        private void advance() {
            Node<K, V> e = next;
            if (e != null) {
                e = e.next;
            }
            while (e == null && tab != null && index < tab.length) {
                e = tab[index++];
            }
            next = e;
        }

        public boolean hasNext() {
            return next != null;
        }

        public Node<K, V> next() {
            Node<K, V> e = next;
            if (e == null) {
                throw new NoSuchElementException();
            }
            lastReturned = e;
            advance();
            return e;
        }

        public void remove() {
            Node<K, V> p = lastReturned;
            if (p == null) {
                throw new IllegalStateException();
            }
            lastReturned = null;
            map.replaceNode(p.key, null, null);
        }
    }

    abstract static class CollectionView<K, V, E> implements Collection<E>, java.io.Serializable {
        final ConcurrentHashMap<K, V> map;

        CollectionView(ConcurrentHashMap<K, V> map) {
            this.map = map;
        }

        public ConcurrentHashMap<K, V> getMap() {
            return map;
        }

        public final void clear() {
            map.clear();
        }

        public final int size() {
            return map.size();
        }

        public final boolean isEmpty() {
            return map.isEmpty();
        }

        public abstract Iterator<E> iterator();

        public abstract boolean contains(Object o);

        public abstract boolean remove(Object o);

        public final Object[] toArray() {
            java.util.ArrayList<E> list = new java.util.ArrayList<>();
            for (E e : this) {
                list.add(e);
            }
            return list.toArray();
        }

        public final <T> T[] toArray(T[] a) {
            java.util.ArrayList<E> list = new java.util.ArrayList<>();
            for (E e : this) {
                list.add(e);
            }
            return list.toArray(a);
        }

        public final String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append('[');
            Iterator<E> it = iterator();
            if (it.hasNext()) {
                for (;;) {
                    Object e = it.next();
                    sb.append(e == this ? "(this Collection)" : e);
                    if (!it.hasNext()) {
                        break;
                    }
                    sb.append(',').append(' ');
                }
            }
            return sb.append(']').toString();
        }

        public final boolean containsAll(Collection<?> c) {
            if (c != this) {
                for (Object e : c) {
                    if (e == null || !contains(e)) {
                        return false;
                    }
                }
            }
            return true;
        }

        public boolean removeAll(Collection<?> c) {
            if (c == null) {
                throw new NullPointerException();
            }
            boolean modified = false;
            for (Iterator<E> it = iterator(); it.hasNext();) {
                if (c.contains(it.next())) {
                    it.remove();
                    modified = true;
                }
            }
            return modified;
        }

        public final boolean retainAll(Collection<?> c) {
            if (c == null) {
                throw new NullPointerException();
            }
            boolean modified = false;
            for (Iterator<E> it = iterator(); it.hasNext();) {
                if (!c.contains(it.next())) {
                    it.remove();
                    modified = true;
                }
            }
            return modified;
        }
    }

    public static final class KeySetView<K, V> extends CollectionView<K, V, K> implements Set<K>, java.io.Serializable {
        private final V value;

        KeySetView(ConcurrentHashMap<K, V> map, V value) {
            super(map);
            this.value = value;
        }

        public V getMappedValue() {
            return value;
        }

        public boolean contains(Object o) {
            return map.containsKey(o);
        }

        public boolean remove(Object o) {
            return map.remove(o) != null;
        }

        public Iterator<K> iterator() {
            NodeIterator<K, V> it = new NodeIterator<>(map);
            return new Iterator<K>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public K next() {
                    return it.next().key;
                }

                public void remove() {
                    it.remove();
                }
            };
        }

        public boolean add(K e) {
            V v;
            if ((v = value) == null) {
                throw new UnsupportedOperationException();
            }
            return map.putVal(e, v, true) == null;
        }

        public boolean addAll(Collection<? extends K> c) {
            boolean added = false;
            V v;
            if ((v = value) == null) {
                throw new UnsupportedOperationException();
            }
            for (K e : c) {
                if (map.putVal(e, v, true) == null) {
                    added = true;
                }
            }
            return added;
        }

        public int hashCode() {
            int h = 0;
            for (K e : this) {
                h += e.hashCode();
            }
            return h;
        }

        public boolean equals(Object o) {
            Set<?> c;
            return ((o instanceof Set) && ((c = (Set<?>) o) == this || (containsAll(c) && c.containsAll(this))));
        }

        public void forEach(Consumer<? super K> action) {
            if (action == null) {
                throw new NullPointerException();
            }
            for (Iterator<Node<K, V>> it = new NodeIterator<>(map); it.hasNext();) {
                action.accept(it.next().key);
            }
        }
    }

    static final class ValuesView<K, V> extends CollectionView<K, V, V> implements Collection<V>, java.io.Serializable {
        ValuesView(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        public boolean contains(Object o) {
            return map.containsValue(o);
        }

        public boolean remove(Object o) {
            if (o != null) {
                for (Iterator<V> it = iterator(); it.hasNext();) {
                    if (o.equals(it.next())) {
                        it.remove();
                        return true;
                    }
                }
            }
            return false;
        }

        public Iterator<V> iterator() {
            NodeIterator<K, V> it = new NodeIterator<>(map);
            return new Iterator<V>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public V next() {
                    return it.next().val;
                }

                public void remove() {
                    it.remove();
                }
            };
        }

        public boolean add(V e) {
            throw new UnsupportedOperationException();
        }

        public boolean addAll(Collection<? extends V> c) {
            throw new UnsupportedOperationException();
        }

        public void forEach(Consumer<? super V> action) {
            if (action == null) {
                throw new NullPointerException();
            }
            for (Iterator<Node<K, V>> it = new NodeIterator<>(map); it.hasNext();) {
                action.accept(it.next().val);
            }
        }
    }

    // Entries handed out by the entry set: setValue writes through to the map.
    static final class MapEntry<K, V> implements Map.Entry<K, V> {
        final K key;
        V val;
        final ConcurrentHashMap<K, V> map;

        MapEntry(K key, V val, ConcurrentHashMap<K, V> map) {
            this.key = key;
            this.val = val;
            this.map = map;
        }

        public K getKey() {
            return key;
        }

        public V getValue() {
            return val;
        }

        public int hashCode() {
            return key.hashCode() ^ val.hashCode();
        }

        public String toString() {
            return key + "=" + val;
        }

        public boolean equals(Object o) {
            Object k;
            Object v;
            Map.Entry<?, ?> e;
            return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                    && (v = e.getValue()) != null && (k == key || k.equals(key)) && (v == val || v.equals(val)));
        }

        public V setValue(V value) {
            if (value == null) {
                throw new NullPointerException();
            }
            V v = val;
            val = value;
            map.put(key, value);
            return v;
        }
    }

    static final class EntrySetView<K, V> extends CollectionView<K, V, Map.Entry<K, V>>
            implements Set<Map.Entry<K, V>>, java.io.Serializable {
        EntrySetView(ConcurrentHashMap<K, V> map) {
            super(map);
        }

        public boolean contains(Object o) {
            Object k;
            Object v;
            Object r;
            Map.Entry<?, ?> e;
            return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                    && (r = map.get(k)) != null && (v = e.getValue()) != null && (v == r || v.equals(r)));
        }

        public boolean remove(Object o) {
            Object k;
            Object v;
            Map.Entry<?, ?> e;
            return ((o instanceof Map.Entry) && (k = (e = (Map.Entry<?, ?>) o).getKey()) != null
                    && (v = e.getValue()) != null && map.remove(k, v));
        }

        public Iterator<Map.Entry<K, V>> iterator() {
            NodeIterator<K, V> it = new NodeIterator<>(map);
            return new Iterator<Map.Entry<K, V>>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public Map.Entry<K, V> next() {
                    Node<K, V> p = it.next();
                    return new MapEntry<>(p.key, p.val, map);
                }

                public void remove() {
                    it.remove();
                }
            };
        }

        public boolean add(Map.Entry<K, V> e) {
            return map.putVal(e.getKey(), e.getValue(), false) == null;
        }

        public boolean addAll(Collection<? extends Map.Entry<K, V>> c) {
            boolean added = false;
            for (Map.Entry<K, V> e : c) {
                if (add(e)) {
                    added = true;
                }
            }
            return added;
        }

        public boolean removeIf(java.util.function.Predicate<? super Map.Entry<K, V>> filter) {
            if (filter == null) {
                throw new NullPointerException();
            }
            boolean removed = false;
            for (Iterator<Map.Entry<K, V>> it = iterator(); it.hasNext();) {
                Map.Entry<K, V> e = it.next();
                if (filter.test(e) && map.remove(e.getKey(), e.getValue())) {
                    removed = true;
                }
            }
            return removed;
        }

        public int hashCode() {
            int h = 0;
            for (Iterator<Node<K, V>> it = new NodeIterator<>(map); it.hasNext();) {
                h += it.next().hashCode();
            }
            return h;
        }

        public boolean equals(Object o) {
            Set<?> c;
            return ((o instanceof Set) && ((c = (Set<?>) o) == this || (containsAll(c) && c.containsAll(this))));
        }
    }
}
