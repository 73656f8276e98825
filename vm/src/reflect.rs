//! The order in which reflection lists a class's declared methods, as HotSpot lists them.
//!
//! HotSpot sorts a class's methods when it parses the class, by the address of each method
//! name's symbol, with its own quicksort (median of three, not stable), and reflection lists them
//! in that order. Addresses are not portable, but their order follows two rules this module
//! models: names in the JDK's class-data-sharing archive come first, in archive order (the table
//! in `reflect_symbols.rs`, generated from HotSpot 17 by `scripts/gen-symbol-order`), and other
//! names follow in the order they were first created, which is the order the constant pools of
//! loaded classes first mention them. The same quicksort on those ranks then places overloads
//! (methods with equal names) where HotSpot places them.
//!
//! The order is recomputed from the loaded classes whenever asked; it is never part of a
//! process's state, so it is the same on every architecture and after a restore.

use crate::class::Program;
use crate::classfile::Const;
use crate::heap::ClassId;
use std::collections::HashMap;
use std::sync::Arc;

/// Where a name's symbol sorts: archived names by archive position, then created names by
/// creation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Archived(usize),
    Created(usize),
}

/// The indices into `class.methods` of its declared methods (constructors included, the static
/// initializer left out), in the order HotSpot's reflection lists them.
pub fn method_order(prog: &Program, class: ClassId) -> Vec<usize> {
    let c = prog.class(class);
    let names: Vec<Arc<str>> = c
        .methods
        .iter()
        .map(|&m| prog.method(m).name.clone())
        .collect();
    let ranks = ranks(prog, class, &names);
    let mut order: Vec<usize> = (0..names.len()).collect();
    let key = |i: &usize| ranks[&names[*i]];
    hotspot_quicksort(&mut order, &|a, b| key(a).cmp(&key(b)));
    order
        .into_iter()
        .filter(|&i| &*names[i] != "<clinit>")
        .collect()
}

/// Ranks of the given names: archived ones from the table, the others by their first mention
/// in the constant pools of the classes loaded so far, in load order, up to `class`.
fn ranks(prog: &Program, class: ClassId, names: &[Arc<str>]) -> HashMap<Arc<str>, Rank> {
    let archived = archived();
    let mut out: HashMap<Arc<str>, Rank> = HashMap::new();
    let mut missing = 0;
    for n in names {
        if out.contains_key(n) {
            continue;
        }
        match special_rank(n, archived).or_else(|| archived.get(&**n).map(|&i| 2 * i + 2)) {
            Some(i) => {
                out.insert(n.clone(), Rank::Archived(i));
            }
            None => {
                out.insert(n.clone(), Rank::Created(usize::MAX));
                missing += 1;
            }
        }
    }
    let mut seen = 0usize;
    'classes: for id in 0..=class {
        let Some(file) = prog.class(id).file.as_ref() else {
            continue;
        };
        for entry in &file.cp {
            if missing == 0 {
                break 'classes;
            }
            if let Const::Utf8(s) = entry {
                seen += 1;
                if let Some(r @ Rank::Created(usize::MAX)) = out.get_mut(s) {
                    *r = Rank::Created(seen);
                    missing -= 1;
                }
            }
        }
    }
    out
}

/// The archive table as a map from name to position, built once.
fn archived() -> &'static HashMap<&'static str, usize> {
    static MAP: std::sync::OnceLock<HashMap<&'static str, usize>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        crate::reflect_symbols::ARCHIVED_NAMES
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, i))
            .collect()
    })
}

/// Where the special method names sort among the archived ones (which take the even ranks):
/// `<init>` just before `println`. Measured on HotSpot 17 from the order it gives two
/// constructors beside one method of each archived name (its quicksort swaps them exactly when
/// `<init>` sorts after that name): they swap for every name up to `asPrimitive` and for none
/// from `println` on; this also keeps `Object`'s three `wait`s in HotSpot's order.
fn special_rank(name: &str, archived: &HashMap<&'static str, usize>) -> Option<usize> {
    match name {
        // Measured on HotSpot 17 with two constructors and one method of each archived name:
        // `<init>` sorts between `asPrimitive` and `println`.
        "<init>" | "<clinit>" => Some(archived.get("println").map_or(1, |&i| 2 * i + 1)),
        _ => None,
    }
}

/// HotSpot's quicksort: the pivot is the median of the first, middle and last elements (which
/// are put in order while choosing it), partitions swap equal elements too, and slices of
/// three or fewer are done once the pivot is chosen. Not stable: overloads end up where
/// HotSpot puts them only with this exact algorithm.
fn hotspot_quicksort<T: Copy>(a: &mut [T], cmp: &dyn Fn(&T, &T) -> std::cmp::Ordering) {
    use std::cmp::Ordering::{Greater, Less};
    let n = a.len();
    if n < 2 {
        return;
    }
    let mid = n / 2;
    let last = n - 1;
    if cmp(&a[0], &a[mid]) == Greater {
        a.swap(0, mid);
    }
    if cmp(&a[0], &a[last]) == Greater {
        a.swap(0, last);
    }
    if cmp(&a[mid], &a[last]) == Greater {
        a.swap(mid, last);
    }
    if n < 4 {
        return;
    }
    let pivot = a[mid];
    let (mut left, mut right) = (0usize, last);
    let split = loop {
        while cmp(&a[left], &pivot) == Less {
            left += 1;
        }
        while cmp(&a[right], &pivot) == Greater {
            right -= 1;
        }
        if left < right {
            a.swap(left, right);
            left += 1;
            right -= 1;
        } else {
            break right;
        }
    };
    let (first, second) = a.split_at_mut(split + 1);
    hotspot_quicksort(first, cmp);
    hotspot_quicksort(second, cmp);
}

#[cfg(test)]
mod tests {
    use super::hotspot_quicksort;

    #[test]
    fn the_symbol_table_comes_from_hotspot_17_and_holds_the_common_names() {
        assert!(crate::reflect_symbols::SOURCE_JDK.contains("\"17."));
        let names = crate::reflect_symbols::ARCHIVED_NAMES;
        for n in ["main", "toString", "equals", "hashCode", "wait", "getName"] {
            assert!(names.contains(&n), "{n} is archived");
        }
    }

    #[test]
    fn the_quicksort_sorts_and_keeps_its_unstable_order_of_equal_keys() {
        let mut v: Vec<(u32, u32)> = (0..50).map(|i| ((i * 37) % 11, i)).collect();
        hotspot_quicksort(&mut v, &|a, b| a.0.cmp(&b.0));
        assert!(v.windows(2).all(|w| w[0].0 <= w[1].0));
        // Two equal keys in a slice of two are swapped only if the first compares greater.
        let mut two = vec![(1, 0), (1, 1)];
        hotspot_quicksort(&mut two, &|a, b| a.0.cmp(&b.0));
        assert_eq!(two, vec![(1, 0), (1, 1)]);
        // Four equal keys: the partition swaps equal elements.
        let mut four = vec![(1, 0), (1, 1), (1, 2), (1, 3)];
        hotspot_quicksort(&mut four, &|a, b| a.0.cmp(&b.0));
        assert_eq!(four, vec![(1, 3), (1, 2), (1, 1), (1, 0)]);
    }
}
