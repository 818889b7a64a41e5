//! CPU-bound work split over the machine's cores with scoped threads: folding a large
//! registry's names, parsing its files. Small inputs stay on the calling thread.

/// `f` over `items` on every core, results in input order. A panic in `f` is resumed on the
/// caller's thread.
pub fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len().div_ceil(MIN_ITEMS_PER_THREAD).max(1));
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers).max(1);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Below this many items per thread, starting a thread costs more than it saves (a seed
/// registry of 35 accounts is folded on one).
const MIN_ITEMS_PER_THREAD: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_small_and_large() {
        for n in [0, 1, 31, 32, 33, 1000] {
            let items: Vec<usize> = (0..n).collect();
            assert_eq!(
                on_every_core(&items, |i| i * 2),
                items.iter().map(|i| i * 2).collect::<Vec<_>>()
            );
        }
    }
}
