//! The vocabulary of public-body names, and the structure of a name read with it: which words
//! name a kind of body (ハローワーク, 労働局), a programme (新卒, マザーズ), generic service or
//! filler, and which are the distinctive words (a place, a section) that say *which* body.
//!
//! Two relations come from that structure:
//! - a candidate name that keeps every distinctive word of a genuine name, its kind of body and
//!   its programme, in any order and with any separators, dropped generic words or added marks,
//!   is a rearranged copy of it (「留萌 ハローワーク」 for 「ハローワーク留萌【公式】」);
//! - a candidate name with a kind of body and a distinctive word that the genuine account's
//!   organisation never uses names another body (「ハローワーク函館」 beside Hokkaido's offices):
//!   a shared template picture then proves nothing.

use std::collections::{HashMap, HashSet};

use crate::normalize::{FoldedName, fold_name};

/// What a word of the vocabulary says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// Names no one (公式, アカウント, チャンネル, まとめ, 速報).
    Filler,
    /// Generic service vocabulary (支援, 求人, 相談, センター).
    Generic,
    /// A kind of body (ハローワーク, 労働局, 市役所): changing it changes who is named.
    Body,
    /// A programme of a body (新卒, マザーズ, わかもの): offices of one place differ by it.
    Programme,
    /// A section suffix (課, 部, 係, 室).
    Section,
    /// A one-character administrative suffix (市, 区, 町, 県): generic in weight, but part of
    /// the place word it follows (札幌市 is another body than 札幌's Hello Work).
    Admin,
}

impl WordClass {
    /// Whether a character of this class belongs to the distinctive words of a name.
    fn distinctive(self) -> bool {
        self == WordClass::Admin
    }
}

/// The vocabulary, with the class of each word.
pub const VOCABULARY: &[(&str, WordClass)] = &[
    ("ハローワーク", WordClass::Body),
    ("公共職業安定所", WordClass::Body),
    ("職業安定所", WordClass::Body),
    ("安定所", WordClass::Body),
    ("労働局", WordClass::Body),
    ("労働基準監督署", WordClass::Body),
    ("監督署", WordClass::Body),
    ("市役所", WordClass::Body),
    ("区役所", WordClass::Body),
    ("町役場", WordClass::Body),
    ("村役場", WordClass::Body),
    ("役所", WordClass::Body),
    ("役場", WordClass::Body),
    ("県庁", WordClass::Body),
    ("都庁", WordClass::Body),
    ("道庁", WordClass::Body),
    ("府庁", WordClass::Body),
    ("新卒", WordClass::Programme),
    ("マザーズ", WordClass::Programme),
    ("わかもの", WordClass::Programme),
    ("高校生", WordClass::Programme),
    ("広報", WordClass::Generic),
    ("センター", WordClass::Generic),
    ("事務所", WordClass::Generic),
    ("支援", WordClass::Generic),
    ("応援", WordClass::Generic),
    ("就活", WordClass::Generic),
    ("就職", WordClass::Generic),
    ("求人", WordClass::Generic),
    ("採用", WordClass::Generic),
    ("相談", WordClass::Generic),
    ("サポート", WordClass::Generic),
    ("コーナー", WordClass::Generic),
    ("事業", WordClass::Generic),
    ("課", WordClass::Section),
    ("部", WordClass::Section),
    ("局", WordClass::Section),
    ("係", WordClass::Section),
    ("室", WordClass::Section),
    ("所", WordClass::Section),
    ("市", WordClass::Admin),
    ("区", WordClass::Admin),
    ("町", WordClass::Admin),
    ("村", WordClass::Admin),
    ("県", WordClass::Admin),
    ("都", WordClass::Admin),
    ("道", WordClass::Admin),
    ("府", WordClass::Admin),
    ("city", WordClass::Generic),
    ("town", WordClass::Generic),
    ("pref", WordClass::Generic),
    ("japan", WordClass::Generic),
    ("office", WordClass::Generic),
    ("center", WordClass::Generic),
    // Filler: names no one; aggregator words are filler, not disclaimers.
    ("公式アカウント", WordClass::Filler),
    ("アカウント", WordClass::Filler),
    ("チャンネル", WordClass::Filler),
    ("ページ", WordClass::Filler),
    ("公式", WordClass::Filler),
    ("youtube", WordClass::Filler),
    ("line", WordClass::Filler),
    ("instagram", WordClass::Filler),
    ("facebook", WordClass::Filler),
    ("twitter", WordClass::Filler),
    ("情報", WordClass::Filler),
    ("お知らせ", WordClass::Filler),
    ("動画", WordClass::Filler),
    ("配信", WordClass::Filler),
    ("窓口", WordClass::Filler),
    ("案内", WordClass::Filler),
    ("まとめ", WordClass::Filler),
    ("速報", WordClass::Filler),
    ("ナビ", WordClass::Filler),
    ("ニュース", WordClass::Filler),
    ("お仕事", WordClass::Filler),
    ("仕事", WordClass::Filler),
    ("新着", WordClass::Filler),
    ("しごと", WordClass::Filler),
    ("最新", WordClass::Filler),
    ("official", WordClass::Filler),
    ("account", WordClass::Filler),
    ("channel", WordClass::Filler),
    ("info", WordClass::Filler),
    ("news", WordClass::Filler),
];

/// A word as names are folded: its visual, reading and plain keys, the empty ones left out.
fn folded_forms(word: &str) -> impl Iterator<Item = Vec<char>> {
    let f = fold_name(word);
    [f.visual, f.reading, f.plain]
        .into_iter()
        .map(|k| k.chars().collect::<Vec<char>>())
        .filter(|k| !k.is_empty())
}

/// The vocabulary folded like names (visual and reading keys), longest first, so that
/// ハローワーク is found before its parts.
pub fn folded_vocabulary() -> &'static [(Vec<char>, WordClass)] {
    static V: std::sync::LazyLock<Vec<(Vec<char>, WordClass)>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<(Vec<char>, WordClass)> = Vec::new();
        for (w, class) in VOCABULARY {
            for chars in folded_forms(w) {
                if !v.iter().any(|(g, _)| *g == chars) {
                    v.push((chars, *class));
                }
            }
        }
        v.sort_by_key(|g| std::cmp::Reverse(g.0.len()));
        v
    });
    &V
}

/// Where the vocabulary's words occur in a key: (word, start) pairs in the vocabulary's order
/// (longest word first), then by position. Words are looked up by their first character, so
/// a key costs its length, not the vocabulary's size.
pub fn vocabulary_matches(chars: &[char]) -> Vec<(usize, usize)> {
    static BY_FIRST: std::sync::LazyLock<HashMap<char, Vec<usize>>> = std::sync::LazyLock::new(|| {
        let mut m: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, (g, _)) in folded_vocabulary().iter().enumerate() {
            m.entry(g[0]).or_default().push(i);
        }
        m
    });
    let vocabulary = folded_vocabulary();
    let mut out = Vec::new();
    for (start, c) in chars.iter().enumerate() {
        for &i in BY_FIRST.get(c).map_or(&[][..], Vec::as_slice) {
            let g = &vocabulary[i].0;
            if chars[start..].starts_with(g) {
                out.push((i, start));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The class of each character of a key (None: distinctive), longest vocabulary word first.
pub fn classify(chars: &[char]) -> Vec<Option<WordClass>> {
    let mut out: Vec<Option<WordClass>> = vec![None; chars.len()];
    let vocabulary = folded_vocabulary();
    for (i, start) in vocabulary_matches(chars) {
        let (g, class) = &vocabulary[i];
        let span = &mut out[start..start + g.len()];
        if span.iter().any(Option::is_none) {
            for c in span {
                c.get_or_insert(*class);
            }
        }
    }
    out
}

/// A name read with the vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameParts {
    /// Distinctive words: runs of distinctive characters within a written word.
    pub words: Vec<Vec<char>>,
    /// Whether each word stands beside a body word, or is parted from it only by programme and
    /// service words within one written word (函館 in ハローワーク函館, 福岡 in
    /// 福岡新卒応援ハローワーク).
    beside_body: Vec<bool>,
    /// Kinds of body named (multi-character body words), folded.
    pub bodies: Vec<Vec<char>>,
    /// Programmes named, folded.
    pub programmes: Vec<Vec<char>>,
    /// Whether the name carries job-information words (求人, 速報, まとめ …; see `TOPICAL`).
    pub topical: bool,
}

/// Words of job-information and news accounts. A place beside them is the region the account
/// writes about (北海道求人速報), not a body's name (鹿屋市【公式】).
const TOPICAL: &[&str] = &[
    "求人",
    "就活",
    "就職",
    "採用",
    "情報",
    "速報",
    "まとめ",
    "ナビ",
    "ニュース",
    "新着",
    "最新",
    "お仕事",
    "仕事",
    "しごと",
    "news",
    "info",
    "jobs",
    "job",
];

/// `TOPICAL`, folded like names.
fn topical_words() -> &'static [Vec<char>] {
    static T: std::sync::LazyLock<Vec<Vec<char>>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<Vec<char>> = Vec::new();
        for chars in TOPICAL.iter().flat_map(|w| folded_forms(w)) {
            if !v.contains(&chars) {
                v.push(chars);
            }
        }
        v
    });
    &T
}

impl NameParts {
    /// Reads a key (`visual` or `reading` of a folded name) with its word breaks.
    pub fn new(key: &str, breaks: &[usize]) -> NameParts {
        let chars: Vec<char> = key.chars().collect();
        let mut classes = classify(&chars);
        // A one-character section word (課, 室) ends a distinctive word (訓練課); at the start of
        // a word it is part of it (室蘭).
        for i in 0..chars.len() {
            if classes[i] == Some(WordClass::Section) {
                let starts = i == 0 || breaks.contains(&i) || !classes[i - 1].is_none_or(WordClass::distinctive);
                if starts {
                    classes[i] = None;
                }
            }
        }
        let distinctive: Vec<bool> = classes.iter().map(|c| c.is_none_or(WordClass::distinctive)).collect();
        let mut words = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut run: Vec<char> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            // Words end at a written break, at vocabulary, at a change of script (ダイバーシティ
            // 人材) and at hiragana, which in names are particles (札幌の) or readings.
            let particle = is_particle(&chars, &classes, i);
            let script_change = run.last().is_some_and(|&p| script(p) != script(c));
            if (breaks.contains(&i) || !distinctive[i] || particle || script_change) && !run.is_empty() {
                spans.push((i - run.len(), i));
                words.push(std::mem::take(&mut run));
            }
            if distinctive[i] && !particle {
                run.push(c);
            }
        }
        if !run.is_empty() {
            spans.push((chars.len() - run.len(), chars.len()));
            words.push(run);
        }
        let class_at = |i: usize| classes.get(i).copied().flatten();
        let between = |i: usize| matches!(class_at(i), Some(WordClass::Programme | WordClass::Generic));
        // A body word reached from a word's edge over programme and service words only, without
        // crossing a written break.
        let body_after = |mut i: usize| {
            while i < chars.len() && !breaks.contains(&i) {
                if class_at(i) == Some(WordClass::Body) {
                    return true;
                }
                if !between(i) {
                    return false;
                }
                i += 1;
            }
            false
        };
        let body_before = |a: usize| {
            let mut i = a;
            while i > 0 && !breaks.contains(&i) {
                i -= 1;
                if class_at(i) == Some(WordClass::Body) {
                    return true;
                }
                if !between(i) {
                    return false;
                }
            }
            false
        };
        let mut beside_body: Vec<bool> = spans.iter().map(|&(a, b)| body_before(a) || body_after(b)).collect();
        // A lone administrative suffix (文京区 written 文京 区) belongs to no word of its own.
        let lone = |w: &Vec<char>| w.len() == 1 && classify(w)[0] == Some(WordClass::Admin);
        let keep: Vec<bool> = words.iter().map(|w| !lone(w)).collect();
        let mut k = keep.iter();
        beside_body.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        words.retain(|_| *k.next().unwrap_or(&true));
        let mut bodies: Vec<Vec<char>> = Vec::new();
        let mut programmes: Vec<Vec<char>> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let class = classes[i];
            let mut j = i + 1;
            while j < chars.len() && classes[j] == class && !breaks.contains(&j) {
                j += 1;
            }
            let word = chars[i..j].to_vec();
            match class {
                Some(WordClass::Body) if word.len() >= 2 && !bodies.contains(&word) => bodies.push(word),
                Some(WordClass::Programme) if !programmes.contains(&word) => programmes.push(word),
                _ => {}
            }
            i = j;
        }
        NameParts {
            words,
            beside_body,
            bodies,
            programmes,
            topical: topical_words().iter().any(|t| contains(&chars, t)),
        }
    }

    /// The structure of a folded name, read on its plain key (scripts as written).
    pub fn of(f: &FoldedName) -> NameParts {
        NameParts::new(&f.plain, &f.plain_breaks)
    }
}

/// Whether a hiragana character is a particle between words (札幌の求人, 文京区と): one of the
/// particles, after a kanji or katakana, and before a non-hiragana character, the end, or
/// vocabulary (札幌のお仕事). In かのや the の is part of the place.
fn is_particle(chars: &[char], classes: &[Option<WordClass>], i: usize) -> bool {
    const PARTICLES: &[char] = &['の', 'と', 'で', 'が', 'は', 'を', 'に', 'へ', 'や', 'も'];
    if !PARTICLES.contains(&chars[i]) || i == 0 || matches!(script(chars[i - 1]), Script::Hiragana | Script::Other) {
        return false;
    }
    match chars.get(i + 1) {
        None => true,
        Some(&n) => script(n) != Script::Hiragana || classes[i + 1].is_some(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Hiragana,
    Katakana,
    Latin,
    Other,
}

fn script(c: char) -> Script {
    match c {
        '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => Script::Kanji,
        '\u{3041}'..='\u{309F}' => Script::Hiragana,
        '\u{30A0}'..='\u{30FF}' => Script::Katakana,
        c if c.is_ascii_alphanumeric() => Script::Latin,
        _ => Script::Other,
    }
}

/// Whether a candidate name is a rearranged or shortened copy of a genuine name: every
/// distinctive word of the candidate comes from the genuine name (whole, or, from three
/// characters, as part of a longer word), the genuine name's first distinctive word (the place)
/// is kept, at least `KEPT_SHARE` of its distinctive characters are kept, it names the same
/// kinds of body, and its programmes are the genuine name's (at least one of them, and no
/// other). Returns the share of the genuine name's distinctive characters kept.
pub fn rearranged(candidate: &NameParts, genuine: &NameParts) -> Option<f64> {
    if genuine.words.is_empty() || (genuine.bodies.is_empty() && genuine.words.len() < 2) {
        return None;
    }
    if !genuine.bodies.iter().all(|b| candidate.bodies.contains(b)) {
        return None;
    }
    let foreign_programme = candidate.programmes.iter().any(|p| !genuine.programmes.contains(p));
    let kept_programme =
        genuine.programmes.is_empty() || genuine.programmes.iter().any(|p| candidate.programmes.contains(p));
    if foreign_programme || !kept_programme || candidate.words.is_empty() {
        return None;
    }
    // Which genuine word each candidate word comes from.
    let mut kept = vec![0usize; genuine.words.len()];
    for w in &candidate.words {
        let from = genuine.words.iter().position(|g| g == w).or_else(|| {
            (w.len() >= PART_MIN)
                .then(|| genuine.words.iter().position(|g| contains(g, w)))
                .flatten()
        })?;
        kept[from] = kept[from].max(w.len());
    }
    if kept[0] == 0 || (kept[0] < genuine.words[0].len() && genuine.words[0].len() < PART_MIN + 1) {
        return None;
    }
    let total: usize = genuine.words.iter().map(Vec::len).sum();
    let share = kept.iter().sum::<usize>() as f64 / total.max(1) as f64;
    (share >= KEPT_SHARE).then_some(share)
}

/// Shortest part of a genuine word that counts as kept from it (ミドルシニア of
/// ミドルシニア世代活躍); shorter words must be kept whole (札幌 is not 札幌東).
const PART_MIN: usize = 3;
/// Least share of a genuine name's distinctive characters a shortened copy keeps.
const KEPT_SHARE: f64 = 0.5;

fn contains(haystack: &[char], needle: &[char]) -> bool {
    needle.len() <= haystack.len() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn ends_in_admin(w: &[char]) -> bool {
    w.len() >= 3 && classify(&w[w.len() - 1..])[0] == Some(WordClass::Admin)
}

/// The kinds of body a name names: its body words, and the administrative suffixes of its
/// distinctive words (北海道 ends in 道, 札幌市 in 市).
fn kinds(parts: &NameParts) -> Vec<Vec<char>> {
    let mut out = parts.bodies.clone();
    for w in &parts.words {
        for i in 2..w.len() {
            let k = w[i..=i].to_vec();
            if classify(&k)[0] == Some(WordClass::Admin) && !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// The distinctive words and kinds of body of an organisation (or of one account when the
/// organisation is not known): what its names may contain without naming another body.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: HashSet<Vec<char>>,
    kinds: HashSet<Vec<char>>,
    text: String,
}

impl Vocabulary {
    /// Adds a name's distinctive words and kinds of body.
    pub fn add(&mut self, parts: &NameParts) {
        for w in &parts.words {
            self.words.insert(w.clone());
            self.text.extend(w.iter());
            self.text.push(' ');
        }
        self.kinds.extend(kinds(parts));
    }

    /// Whether a word is the organisation's: one of its words, part of one, or one of its
    /// words with more (北海道雇用 holds 北海道).
    fn knows(&self, word: &[char]) -> bool {
        let s: String = word.iter().collect();
        self.words.contains(word)
            || self.text.contains(&s)
            || self.words.iter().any(|w| w.len() >= 2 && contains(word, w))
    }
}

/// The words by which a candidate names a body other than the genuine account's organisation:
/// a kind of body the organisation is not (千歳市 beside Hello Work 千歳), or a place the
/// organisation's names never contain, right beside a kind of body or with an administrative
/// suffix (ハローワーク函館, 函館市 beside Hokkaido's offices).
pub fn names_other_body(candidate: &NameParts, org: &Vocabulary) -> Option<String> {
    let own = kinds(candidate);
    // Without a body word, a place among job-information words is a region, not a body.
    if own.is_empty() || (candidate.bodies.is_empty() && candidate.topical) {
        return None;
    }
    let text = |w: &[char]| w.iter().collect::<String>();
    // A kind is the organisation's when one of its kinds holds it or it holds one
    // (監督署 within 労働基準監督署).
    let known_kind = |k: &Vec<char>| org.kinds.iter().any(|o| contains(o, k) || contains(k, o));
    if let Some(k) = own.iter().find(|k| !known_kind(k)) {
        // Name the whole word the suffix ends, or the body word.
        let word = candidate.words.iter().find(|w| w.len() > k.len() && contains(w, k));
        return Some(text(word.map_or(k, |w| w)));
    }
    candidate
        .words
        .iter()
        .zip(&candidate.beside_body)
        .filter(|(w, beside)| w.len() >= 2 && (**beside || ends_in_admin(w)))
        .map(|(w, _)| w)
        .find(|w| {
            // A place with its administrative suffix (函館市) is known when the place is.
            let core = if w.len() >= 3 && classify(&w[w.len() - 1..])[0] == Some(WordClass::Admin) {
                &w[..w.len() - 1]
            } else {
                &w[..]
            };
            !org.knows(core)
        })
        .map(|w| text(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> NameParts {
        NameParts::of(&fold_name(s))
    }

    #[test]
    fn rearranged_names_keep_the_identity() {
        let g = parts("ハローワーク留萌【公式】");
        assert!(rearranged(&parts("留萌 ハローワーク"), &g).is_some());
        assert!(rearranged(&parts("留萌｜ハローワーク求人情報"), &g).is_some());
        assert!(rearranged(&parts("留萌市"), &g).is_none());
        let k = parts("鹿児島労働局訓練課");
        assert!(rearranged(&parts("訓練課｜鹿児島労働局"), &k).is_some());
        assert!(rearranged(&parts("熊本労働局訓練課"), &k).is_none());
        let s = parts("鹿児島新卒応援ハローワーク【公式】");
        assert!(rearranged(&parts("鹿児島新卒ハローワーク【公式】"), &s).is_some());
        assert!(rearranged(&parts("鹿児島わかものハローワーク"), &s).is_none());
        let sp = parts("ハローワーク札幌【公式】");
        assert!(rearranged(&parts("ハローワーク札幌東"), &sp).is_none());
        assert!(rearranged(&parts("ハローワーク札幌北【公式】"), &sp).is_none());
        assert!(rearranged(&parts("札幌のハローワーク"), &sp).is_some());
        let h = parts("北海道労働局");
        assert!(rearranged(&parts("北海道の求人ナビ"), &h).is_none());
        assert!(rearranged(&parts("北海道経済部労働政策局"), &h).is_none());
        let b = parts("文京区中小企業ダイバーシティ人材採用促進事業");
        assert!(rearranged(&parts("ダイバーシティ人材採用促進事業 文京区中小企業"), &b).is_some());
        assert!(rearranged(&parts("文京区ダイバーシティ人材採用促進事業"), &b).is_some());
        assert!(rearranged(&parts("文京区 中小企業の採用情報"), &b).is_none());
        assert!(rearranged(&parts("豊島区中小企業人材確保支援事業"), &b).is_none());
        let m = parts("【公式】鹿児島労働局 ミドルシニア世代活躍支援");
        assert!(rearranged(&parts("鹿児島労働局 ミドルシニア支援"), &m).is_some());
        assert!(rearranged(&parts("訓練課 熊本労働局"), &k).is_none());
    }

    #[test]
    fn other_bodies_are_named_by_foreign_places() {
        let mut org = Vocabulary::default();
        for n in [
            "ハローワーク札幌【公式】",
            "北海道労働局",
            "マザーズハローワーク札幌",
            "ハローワーク千歳",
        ] {
            org.add(&parts(n));
        }
        assert_eq!(
            names_other_body(&parts("ハローワーク函館【公式】"), &org).as_deref(),
            Some("函館")
        );
        assert_eq!(names_other_body(&parts("北海道求人速報【ハローワーク】"), &org), None);
        assert_eq!(names_other_body(&parts("札幌のお仕事情報"), &org), None);
        assert_eq!(
            names_other_body(&parts("鹿屋市【公式】"), &org).as_deref(),
            Some("鹿屋市")
        );
        assert_eq!(names_other_body(&parts("千歳市"), &org).as_deref(), Some("千歳市"));
        assert_eq!(
            names_other_body(&parts("ハローワーク室蘭【公式】"), &org).as_deref(),
            Some("室蘭")
        );
        assert_eq!(names_other_body(&parts("ハローワーク千歳 求人"), &org), None);
        assert_eq!(names_other_body(&parts("北海道雇用ニュース"), &org), None);
        // A place parted from the body word by a programme and service words still names it.
        assert_eq!(
            names_other_body(&parts("福岡新卒応援ハローワーク【公式】"), &org).as_deref(),
            Some("福岡")
        );
        assert_eq!(names_other_body(&parts("札幌新卒応援ハローワーク"), &org), None);
        // A place among job-information words is a region; with a body word it names a body.
        assert_eq!(names_other_body(&parts("鹿児島求人速報"), &org), None);
        assert_eq!(names_other_body(&parts("宮崎県の求人まとめ"), &org), None);
        assert_eq!(
            names_other_body(&parts("宮崎県庁 求人情報"), &org).as_deref(),
            Some("県庁")
        );
        assert_eq!(
            names_other_body(&parts("ハローワーク函館 求人情報"), &org).as_deref(),
            Some("函館")
        );
        assert_eq!(
            names_other_body(&parts("北海道雇用ニュース（非公式・個人運営）"), &org),
            None
        );
    }
}
