//! Indexes over the genuine accounts, so that judging a candidate scores a short list instead
//! of the whole registry: name n-grams, handle deletion neighbourhoods and trigrams. Pictures
//! are shortlisted apart, by their keys (`super::pictures`).
//!
//! The indexes only shortlist; the scoring in `super` decides. They are built to over-include:
//! anything the scorer could call a suspect by name or handle shares a name bigram, a handle key
//! within one deletion, or a handle trigram.

use std::collections::HashMap;

use super::thresholds as t;

/// Posting lists keyed by `K`, with the rule that very common keys do not shortlist.
#[derive(Debug, Default)]
struct Postings<K: std::hash::Hash + Eq> {
    lists: HashMap<K, Vec<u32>>,
}

impl<K: std::hash::Hash + Eq> Postings<K> {
    fn add(&mut self, key: K, id: u32) {
        let list = self.lists.entry(key).or_default();
        if list.last() != Some(&id) {
            list.push(id);
        }
    }

    /// Adds one vote per distinct key to every account in its (not too common) list.
    fn vote<'a>(&self, keys: impl Iterator<Item = &'a K>, stop: usize, votes: &mut HashMap<u32, u32>)
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
    handle_deletes: Postings<String>,
    handle_trigrams: Postings<[char; 3]>,
}

fn bigrams(key: &[char]) -> impl Iterator<Item = (char, char)> + '_ {
    let single = (key.len() == 1).then(|| (key[0], '\0'));
    key.windows(2).map(|w| (w[0], w[1])).chain(single)
}

fn deletes(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = vec![s.to_string()];
    if chars.len() >= 3 && chars.len() <= 40 {
        for i in 0..chars.len() {
            out.push(chars[..i].iter().chain(&chars[i + 1..]).collect());
        }
    }
    out
}

fn trigrams(s: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

impl Index {
    /// Adds one genuine account (ids must be added in increasing order).
    pub fn add(&mut self, id: u32, keys: &IndexKeys<'_>) {
        self.len += 1;
        for name in &keys.names {
            for g in bigrams(name) {
                self.grams.add(g, id);
            }
        }
        for h in &keys.handles {
            for d in deletes(h) {
                self.handle_deletes.add(d, id);
            }
            for tri in trigrams(h) {
                self.handle_trigrams.add(tri, id);
            }
        }
    }

    /// Genuine accounts worth scoring against a candidate, best candidates of each index first.
    pub fn shortlist(&self, keys: &IndexKeys<'_>) -> Vec<u32> {
        let stop = t::STOP_GRAM_MIN_POSTINGS.max((self.len as f64 * t::STOP_GRAM_FRACTION) as usize);
        let mut out: Vec<u32> = Vec::new();

        let mut votes = HashMap::new();
        let mut grams: Vec<(char, char)> = keys.names.iter().flat_map(|n| bigrams(n)).collect();
        grams.sort_unstable();
        grams.dedup();
        self.grams.vote(grams.iter(), stop, &mut votes);
        out.extend(top(votes, t::SHORTLIST_PER_INDEX));

        let mut votes = HashMap::new();
        let mut dels: Vec<String> = keys.handles.iter().flat_map(|h| deletes(h)).collect();
        dels.sort_unstable();
        dels.dedup();
        // A shared deletion key means one edit apart: always worth scoring.
        self.handle_deletes.vote(dels.iter(), usize::MAX, &mut votes);
        out.extend(top(votes, t::SHORTLIST_PER_INDEX));
        let mut votes = HashMap::new();
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

fn top(votes: HashMap<u32, u32>, k: usize) -> impl Iterator<Item = u32> {
    let mut v: Vec<(u32, u32)> = votes.into_iter().collect();
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().take(k).map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletes_cover_one_edit() {
        let a: std::collections::HashSet<String> = deletes("hwsapporo").into_iter().collect();
        for b in ["hwsappporo", "hwsapproo", "hwsaporo", "hwsappor0"] {
            assert!(deletes(b).iter().any(|d| a.contains(d)), "{b}");
        }
    }
}
