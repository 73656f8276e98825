// A thread-safe sorted map; here a TreeMap under one lock, with snapshot iteration.
package java.util.concurrent;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

// Views (sub maps, descending map) share the lock and see the same TreeMap through its views.
// Iterators walk a snapshot taken when they are created, so they never throw
// ConcurrentModificationException; their remove() removes that key from the map.
public class ConcurrentSkipListMap<K, V> extends AbstractMap<K, V>
        implements ConcurrentNavigableMap<K, V>, Cloneable, java.io.Serializable {
    private final Object lock;
    private final NavigableMap<K, V> m;
    private final Comparator<? super K> comparator;

    public ConcurrentSkipListMap() {
        this.comparator = null;
        this.m = new TreeMap<>();
        this.lock = new Object();
    }

    public ConcurrentSkipListMap(Comparator<? super K> comparator) {
        this.comparator = comparator;
        this.m = new TreeMap<>(comparator);
        this.lock = new Object();
    }

    public ConcurrentSkipListMap(Map<? extends K, ? extends V> m) {
        this();
        putAll(m);
    }

    public ConcurrentSkipListMap(java.util.SortedMap<K, ? extends V> m) {
        this(m.comparator());
        putAll(m);
    }

    private ConcurrentSkipListMap(NavigableMap<K, V> view, Object lock, Comparator<? super K> comparator) {
        this.m = view;
        this.lock = lock;
        this.comparator = comparator;
    }

    private ConcurrentSkipListMap<K, V> view(NavigableMap<K, V> v) {
        return new ConcurrentSkipListMap<>(v, lock, v.comparator());
    }

    private static <T> T nonNull(T x) {
        if (x == null) {
            throw new NullPointerException();
        }
        return x;
    }

    public ConcurrentSkipListMap<K, V> clone() {
        synchronized (lock) {
            ConcurrentSkipListMap<K, V> c = new ConcurrentSkipListMap<>(comparator);
            c.putAll(m);
            return c;
        }
    }

    public boolean containsKey(Object key) {
        synchronized (lock) {
            return m.containsKey(nonNull(key));
        }
    }

    public V get(Object key) {
        synchronized (lock) {
            return m.get(nonNull(key));
        }
    }

    public V getOrDefault(Object key, V defaultValue) {
        V v;
        return (v = get(key)) == null ? defaultValue : v;
    }

    public V put(K key, V value) {
        nonNull(key);
        nonNull(value);
        synchronized (lock) {
            return m.put(key, value);
        }
    }

    public V remove(Object key) {
        synchronized (lock) {
            return m.remove(nonNull(key));
        }
    }

    public boolean containsValue(Object value) {
        nonNull(value);
        synchronized (lock) {
            return m.containsValue(value);
        }
    }

    public int size() {
        synchronized (lock) {
            return m.size();
        }
    }

    public boolean isEmpty() {
        synchronized (lock) {
            return m.isEmpty();
        }
    }

    public void clear() {
        synchronized (lock) {
            m.clear();
        }
    }

    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        nonNull(key);
        nonNull(mappingFunction);
        synchronized (lock) {
            V v = m.get(key);
            if (v == null) {
                V r = mappingFunction.apply(key);
                if (r != null) {
                    m.put(key, r);
                    v = r;
                }
            }
            return v;
        }
    }

    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        nonNull(key);
        nonNull(remappingFunction);
        synchronized (lock) {
            V v = m.get(key);
            if (v == null) {
                return null;
            }
            V r = remappingFunction.apply(key, v);
            if (r == null) {
                m.remove(key);
            } else {
                m.put(key, r);
            }
            return r;
        }
    }

    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        nonNull(key);
        nonNull(remappingFunction);
        synchronized (lock) {
            V v = m.get(key);
            V r = remappingFunction.apply(key, v);
            if (r == null) {
                if (v != null) {
                    m.remove(key);
                }
            } else {
                m.put(key, r);
            }
            return r;
        }
    }

    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        nonNull(key);
        nonNull(value);
        nonNull(remappingFunction);
        synchronized (lock) {
            V v = m.get(key);
            V r = (v == null) ? value : remappingFunction.apply(v, value);
            if (r == null) {
                m.remove(key);
            } else {
                m.put(key, r);
            }
            return r;
        }
    }

    public V putIfAbsent(K key, V value) {
        nonNull(key);
        nonNull(value);
        synchronized (lock) {
            V v = m.get(key);
            if (v == null) {
                m.put(key, value);
            }
            return v;
        }
    }

    public boolean remove(Object key, Object value) {
        nonNull(key);
        if (value == null) {
            return false;
        }
        synchronized (lock) {
            V v = m.get(key);
            if (v != null && v.equals(value)) {
                m.remove(key);
                return true;
            }
            return false;
        }
    }

    public boolean replace(K key, V oldValue, V newValue) {
        nonNull(key);
        nonNull(oldValue);
        nonNull(newValue);
        synchronized (lock) {
            V v = m.get(key);
            if (v != null && v.equals(oldValue)) {
                m.put(key, newValue);
                return true;
            }
            return false;
        }
    }

    public V replace(K key, V value) {
        nonNull(key);
        nonNull(value);
        synchronized (lock) {
            V v = m.get(key);
            if (v != null) {
                m.put(key, value);
            }
            return v;
        }
    }

    public Comparator<? super K> comparator() {
        return m.comparator();
    }

    public K firstKey() {
        synchronized (lock) {
            return m.firstKey();
        }
    }

    public K lastKey() {
        synchronized (lock) {
            return m.lastKey();
        }
    }

    public Map.Entry<K, V> lowerEntry(K key) {
        synchronized (lock) {
            return m.lowerEntry(nonNull(key));
        }
    }

    public K lowerKey(K key) {
        synchronized (lock) {
            return m.lowerKey(nonNull(key));
        }
    }

    public Map.Entry<K, V> floorEntry(K key) {
        synchronized (lock) {
            return m.floorEntry(nonNull(key));
        }
    }

    public K floorKey(K key) {
        synchronized (lock) {
            return m.floorKey(nonNull(key));
        }
    }

    public Map.Entry<K, V> ceilingEntry(K key) {
        synchronized (lock) {
            return m.ceilingEntry(nonNull(key));
        }
    }

    public K ceilingKey(K key) {
        synchronized (lock) {
            return m.ceilingKey(nonNull(key));
        }
    }

    public Map.Entry<K, V> higherEntry(K key) {
        synchronized (lock) {
            return m.higherEntry(nonNull(key));
        }
    }

    public K higherKey(K key) {
        synchronized (lock) {
            return m.higherKey(nonNull(key));
        }
    }

    public Map.Entry<K, V> firstEntry() {
        synchronized (lock) {
            return m.firstEntry();
        }
    }

    public Map.Entry<K, V> lastEntry() {
        synchronized (lock) {
            return m.lastEntry();
        }
    }

    public Map.Entry<K, V> pollFirstEntry() {
        synchronized (lock) {
            return m.pollFirstEntry();
        }
    }

    public Map.Entry<K, V> pollLastEntry() {
        synchronized (lock) {
            return m.pollLastEntry();
        }
    }

    public ConcurrentNavigableMap<K, V> subMap(K fromKey, boolean fromInclusive, K toKey, boolean toInclusive) {
        synchronized (lock) {
            return view(m.subMap(nonNull(fromKey), fromInclusive, nonNull(toKey), toInclusive));
        }
    }

    public ConcurrentNavigableMap<K, V> headMap(K toKey, boolean inclusive) {
        synchronized (lock) {
            return view(m.headMap(nonNull(toKey), inclusive));
        }
    }

    public ConcurrentNavigableMap<K, V> tailMap(K fromKey, boolean inclusive) {
        synchronized (lock) {
            return view(m.tailMap(nonNull(fromKey), inclusive));
        }
    }

    public ConcurrentNavigableMap<K, V> subMap(K fromKey, K toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    public ConcurrentNavigableMap<K, V> headMap(K toKey) {
        return headMap(toKey, false);
    }

    public ConcurrentNavigableMap<K, V> tailMap(K fromKey) {
        return tailMap(fromKey, true);
    }

    public ConcurrentNavigableMap<K, V> descendingMap() {
        synchronized (lock) {
            return view(m.descendingMap());
        }
    }

    public NavigableSet<K> navigableKeySet() {
        return new KeySet<>(this);
    }

    public NavigableSet<K> keySet() {
        return new KeySet<>(this);
    }

    public NavigableSet<K> descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    private ArrayList<Map.Entry<K, V>> snapshot() {
        synchronized (lock) {
            ArrayList<Map.Entry<K, V>> list = new ArrayList<>(m.size());
            for (Map.Entry<K, V> e : m.entrySet()) {
                list.add(new AbstractMap.SimpleImmutableEntry<>(e));
            }
            return list;
        }
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<K, V>> it = snapshot().iterator();
                return new Iterator<Map.Entry<K, V>>() {
                    private Map.Entry<K, V> last;

                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    public Map.Entry<K, V> next() {
                        return last = it.next();
                    }

                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        ConcurrentSkipListMap.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            public int size() {
                return ConcurrentSkipListMap.this.size();
            }

            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e)) {
                    return false;
                }
                V v = ConcurrentSkipListMap.this.get(e.getKey());
                return v != null && v.equals(e.getValue());
            }

            public boolean remove(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e)) {
                    return false;
                }
                return ConcurrentSkipListMap.this.remove(e.getKey(), e.getValue());
            }

            public void clear() {
                ConcurrentSkipListMap.this.clear();
            }
        };
    }

    public Collection<V> values() {
        return new java.util.AbstractCollection<V>() {
            public Iterator<V> iterator() {
                Iterator<Map.Entry<K, V>> it = entrySet().iterator();
                return new Iterator<V>() {
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    public V next() {
                        return it.next().getValue();
                    }

                    public void remove() {
                        it.remove();
                    }
                };
            }

            public int size() {
                return ConcurrentSkipListMap.this.size();
            }

            public boolean contains(Object o) {
                return ConcurrentSkipListMap.this.containsValue(o);
            }

            public void clear() {
                ConcurrentSkipListMap.this.clear();
            }
        };
    }

    static final class KeySet<K> extends AbstractSet<K> implements NavigableSet<K> {
        final ConcurrentNavigableMap<K, ?> m;

        KeySet(ConcurrentNavigableMap<K, ?> map) {
            m = map;
        }

        public int size() {
            return m.size();
        }

        public boolean isEmpty() {
            return m.isEmpty();
        }

        public boolean contains(Object o) {
            return m.containsKey(o);
        }

        public boolean remove(Object o) {
            return m.remove(o) != null;
        }

        public void clear() {
            m.clear();
        }

        public K lower(K e) {
            return m.lowerKey(e);
        }

        public K floor(K e) {
            return m.floorKey(e);
        }

        public K ceiling(K e) {
            return m.ceilingKey(e);
        }

        public K higher(K e) {
            return m.higherKey(e);
        }

        public Comparator<? super K> comparator() {
            return m.comparator();
        }

        public K first() {
            return m.firstKey();
        }

        public K last() {
            return m.lastKey();
        }

        public K pollFirst() {
            Map.Entry<K, ?> e = m.pollFirstEntry();
            return (e == null) ? null : e.getKey();
        }

        public K pollLast() {
            Map.Entry<K, ?> e = m.pollLastEntry();
            return (e == null) ? null : e.getKey();
        }

        public Iterator<K> iterator() {
            Iterator<? extends Map.Entry<K, ?>> it = m.entrySet().iterator();
            return new Iterator<K>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                public K next() {
                    return it.next().getKey();
                }

                public void remove() {
                    it.remove();
                }
            };
        }

        public Iterator<K> descendingIterator() {
            return descendingSet().iterator();
        }

        public NavigableSet<K> subSet(K fromElement, boolean fromInclusive, K toElement, boolean toInclusive) {
            return new KeySet<>(m.subMap(fromElement, fromInclusive, toElement, toInclusive));
        }

        public NavigableSet<K> headSet(K toElement, boolean inclusive) {
            return new KeySet<>(m.headMap(toElement, inclusive));
        }

        public NavigableSet<K> tailSet(K fromElement, boolean inclusive) {
            return new KeySet<>(m.tailMap(fromElement, inclusive));
        }

        public NavigableSet<K> subSet(K fromElement, K toElement) {
            return subSet(fromElement, true, toElement, false);
        }

        public NavigableSet<K> headSet(K toElement) {
            return headSet(toElement, false);
        }

        public NavigableSet<K> tailSet(K fromElement) {
            return tailSet(fromElement, true);
        }

        public NavigableSet<K> descendingSet() {
            return new KeySet<>(m.descendingMap());
        }
    }
}
