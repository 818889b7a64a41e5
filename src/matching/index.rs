//! Indexes over the genuine accounts, so that judging a candidate scores a short list instead
//! of the whole registry: name n-grams, handle deletion neighbourhoods and trigrams. Pictures
//! are shortlisted apart, by their keys (`super::pictures`).
//!
//! The indexes only shortlist; the scoring in `super` decides. They are built to over-include:
//! anything the scorer could call a suspect by name or handle shares a name bigram, a handle key
//! within one deletion, or a handle trigram.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use rustc_hash::FxHasher;

use super::thresholds as t;

/// The index's keys are small (a pair of characters, a number), so a fast hash pays: the
/// registry's keys go in once, and a candidate's keys only look up, so a crafted handle cannot
/// grow a list.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Posting lists keyed by `K`, with the rule that very common keys do not shortlist.
#[derive(Debug, Default)]
struct Postings<K: Hash + Eq> {
    lists: FastMap<K, Vec<u32>>,
}

impl<K: Hash + Eq> Postings<K> {
    fn add(&mut self, key: K, id: u32) {
        let list = self.lists.entry(key).or_default();
        if list.last() != Some(&id) {
            list.push(id);
        }
    }

    /// Adds one vote per distinct key to every account in its (not too common) list.
    fn vote<'a>(&self, keys: impl Iterator<Item = &'a K>, stop: usize, votes: &mut FastMap<u32, u32>)
    where
        K: 'a,
    {
        for k in keys {
            if let Some(list) = self.lists.get(k).filter(|l| l.len() <= stop) {
                for &id in list {
                    *votes.entry(id).or_default() += 1;
                }
            }
        }
    }
}

/// Features of one account as the index sees them.
#[derive(Debug, Default)]
pub struct IndexKeys<'a> {
    /// Folded name keys (visual and reading, of every name variant).
    pub names: Vec<&'a [char]>,
    /// Folded handle forms: squashed and core.
    pub handles: Vec<&'a str>,
}

/// The shortlisting index over one registry.
#[derive(Debug, Default)]
pub struct Index {
    len: usize,
    grams: Postings<(char, char)>,
    /// The hash of each deletion form beside its account, sorted by `finish`: a collision only
    /// adds an account to a short list, never takes one away. Nearly every form is one
    /// account's, so a sorted list costs one allocation where a map of lists costs one a form.
    handle_deletes: Vec<(u64, u32)>,
    handle_trigrams: Postings<[char; 3]>,
}

fn bigrams(key: &[char]) -> impl Iterator<Item = (char, char)> + '_ {
    let single = (key.len() == 1).then(|| (key[0], '\0'));
    key.windows(2).map(|w| (w[0], w[1])).chain(single)
}

/// The handle and, for handles of 3 to 40 characters, each form with one character deleted,
/// as hashes (no string is built for a form).
fn deletes(s: &str) -> Vec<u64> {
    let chars: Vec<char> = s.chars().collect();
    let key = |skip: usize| {
        let mut h = FxHasher::default();
        for (i, c) in chars.iter().enumerate() {
            if i != skip {
                h.write_u32(*c as u32);
            }
        }
        h.write_usize(chars.len() - usize::from(skip < chars.len()));
        h.finish()
    };
    let mut out = vec![key(usize::MAX)];
    if chars.len() >= 3 && chars.len() <= 40 {
        out.extend((0..chars.len()).map(key));
    }
    out
}

fn trigrams(s: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// One account's postings, worked out apart from the index (on any thread) and then added.
#[derive(Debug, Default)]
pub struct Entry {
    grams: Vec<(char, char)>,
    deletes: Vec<u64>,
    trigrams: Vec<[char; 3]>,
}

impl Entry {
    /// The keys under which an account with these features is found.
    /// Each key once: an account's name variants share most of their pairs.
    pub fn of(keys: &IndexKeys<'_>) -> Entry {
        fn distinct<T: Ord>(mut v: Vec<T>) -> Vec<T> {
            v.sort_unstable();
            v.dedup();
            v
        }
        Entry {
            grams: distinct(keys.names.iter().flat_map(|n| bigrams(n)).collect()),
            deletes: distinct(keys.handles.iter().flat_map(|h| deletes(h)).collect()),
            trigrams: distinct(keys.handles.iter().flat_map(|h| trigrams(h)).collect()),
        }
    }
}

impl Index {
    /// Adds one genuine account (ids must be added in increasing order).
    pub fn add(&mut self, id: u32, entry: &Entry) {
        self.len += 1;
        for g in &entry.grams {
            self.grams.add(*g, id);
        }
        self.handle_deletes.extend(entry.deletes.iter().map(|d| (*d, id)));
        for tri in &entry.trigrams {
            self.handle_trigrams.add(*tri, id);
        }
    }

    /// Makes the index ready to shortlist, once every account is added.
    pub fn finish(&mut self) {
        self.handle_deletes.sort_unstable();
    }

    /// Genuine accounts worth scoring against a candidate, best candidates of each index first.
    pub fn shortlist(&self, keys: &IndexKeys<'_>) -> Vec<u32> {
        let stop = t::STOP_GRAM_MIN_POSTINGS.max((self.len as f64 * t::STOP_GRAM_FRACTION) as usize);
        let mut out: Vec<u32> = Vec::new();

        let mut votes = FastMap::default();
        let mut grams: Vec<(char, char)> = keys.names.iter().flat_map(|n| bigrams(n)).collect();
        grams.sort_unstable();
        grams.dedup();
        self.grams.vote(grams.iter(), stop, &mut votes);
        out.extend(top(votes, t::SHORTLIST_PER_INDEX));

        let mut votes = FastMap::default();
        let mut dels: Vec<u64> = keys.handles.iter().flat_map(|h| deletes(h)).collect();
        dels.sort_unstable();
        dels.dedup();
        // A shared deletion key means one edit apart: always worth scoring.
        for d in &dels {
            let start = self.handle_deletes.partition_point(|(k, _)| k < d);
            for (_, id) in self.handle_deletes[start..].iter().take_while(|(k, _)| k == d) {
                *votes.entry(*id).or_default() += 1;
            }
        }
        out.extend(top(votes, t::SHORTLIST_PER_INDEX));
        let mut votes = FastMap::default();
        let mut tris: Vec<[char; 3]> = keys.handles.iter().flat_map(|h| trigrams(h)).collect();
        tris.sort_unstable();
        tris.dedup();
        self.handle_trigrams.vote(tris.iter(), stop, &mut votes);
        out.extend(top(votes, t::SHORTLIST_PER_INDEX));

        out.sort_unstable();
        out.dedup();
        out
    }
}

fn top(votes: FastMap<u32, u32>, k: usize) -> impl Iterator<Item = u32> {
    let mut v: Vec<(u32, u32)> = votes.into_iter().collect();
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(k).map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletes_cover_one_edit() {
        let a: std::collections::HashSet<u64> = deletes("hwsapporo").into_iter().collect();
        for b in ["hwsappporo", "hwsapproo", "hwsaporo", "hwsappor0"] {
            assert!(deletes(b).iter().any(|d| a.contains(d)), "{b}");
        }
        // Deleting a different character that leaves the same form is the same key; unrelated
        // handles share none.
        assert_eq!(deletes("abc")[1], deletes("bac")[2]);
        assert!(!deletes("sapporo").iter().any(|d| a.contains(d)));
    }
}
