//! One stable sort for the engine and the page. The standard library's sort
//! is fast but generic: every element type gets its own copy, about 4 KB of
//! WebAssembly each, and the app had nine of them (a seventh of its code
//! growth for the interview pages). Here one merge sort over indexes, with
//! the comparison behind a `dyn`, serves every type; the lists sorted are
//! short (branches, labels, files), so the indirection costs nothing seen.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<usize> = (0..v.len()).collect();
    merge_sort(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `v` stably by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Bottom-up merge sort of indexes: stable, O(n log n), one buffer.
fn merge_sort(idx: &mut Vec<usize>, cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = idx.len();
    let mut buf = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Equal elements keep their order: the left one goes first.
                if cmp(idx[j], idx[i]) == Ordering::Less {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + hi - j].copy_from_slice(&idx[j..hi]);
            lo = hi;
        }
        std::mem::swap(idx, &mut buf);
        width *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn sorts_as_std_does(mut v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            prop_assert_eq!(v, want);
        }
    }
}
