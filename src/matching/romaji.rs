//! Names written in Latin letters: 「Hello Work Rumoi」 and 「HARO-WAKU IBUSUKI」 for
//! 「ハローワーク留萌」 and 「ハローワーク指宿」, 「Kagoshima Labour Bureau」 for 「鹿児島労働局」. A
//! citizen reads them as the office's name, so the matcher reads them back into Japanese and
//! compares that as it compares any name.
//!
//! Two tables do the reading:
//! - the words of public-body names in English and romaji (`WORDS`), and the prefectures;
//! - the places of the registry, learned from the registry itself: the Latin part of each
//!   genuine account's handle, beside the one place its name has (HW_Rumoi beside
//!   ハローワーク留萌 reads "rumoi" as 留萌), and places written in kana, in the names or in
//!   the registry's `[readings]` (かのや is "kanoya", 指宿 read いぶすき is "ibusuki"). A
//!   reading two places share is dropped.
//!
//! Latin spellings vary (Hepburn or Kunrei, long vowels written ou, oo, oh, ō or not at all):
//! both sides are brought to one spelling first (`spelling`).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::model::Genuine;
use super::text::PreparedName;

/// Words of public-body names in English or romaji, as sequences of Latin tokens, with the
/// Japanese word each stands for.
const WORDS: &[(&[&str], &str)] = &[
    (&["hello", "work"], "ハローワーク"),
    (&["hellowork"], "ハローワーク"),
    (&["harowaku"], "ハローワーク"),
    (&["haro", "waku"], "ハローワーク"),
    (&["public", "employment", "security", "office"], "公共職業安定所"),
    (&["labour", "bureau"], "労働局"),
    (&["labor", "bureau"], "労働局"),
    (&["rodokyoku"], "労働局"),
    (&["labour", "standards", "inspection", "office"], "労働基準監督署"),
    (&["labor", "standards", "inspection", "office"], "労働基準監督署"),
    (&["city", "hall"], "市役所"),
    (&["city", "office"], "市役所"),
    (&["ward", "office"], "区役所"),
    (&["town", "office"], "町役場"),
    (&["village", "office"], "村役場"),
    (&["prefectural", "government"], "県庁"),
    (&["mothers"], "マザーズ"),
    (&["mazazu"], "マザーズ"),
    (&["new", "graduates"], "新卒"),
    (&["new", "graduate"], "新卒"),
    (&["shinsotsu"], "新卒"),
    (&["oen"], "応援"),
    (&["support"], "応援"),
    (&["youth"], "わかもの"),
    (&["wakamono"], "わかもの"),
    (&["training", "division"], "訓練課"),
    (&["training", "section"], "訓練課"),
    (&["kunrenka"], "訓練課"),
    (&["official"], "公式"),
    (&["koshiki"], "公式"),
    (&["prefecture"], "県"),
    (&["city"], "市"),
    (&["ward"], "区"),
    (&["town"], "町"),
    (&["village"], "村"),
];

/// Latin tokens of handles that name no place (the kind of body, the ministry, filler).
const HANDLE_FILLER: &[&str] = &[
    "hellowork",
    "hw",
    "mhlw",
    "mothers",
    "shinsotsu",
    "official",
    "jp",
    "info",
    "kunren",
    "kunrenka",
    "roudou",
    "rodo",
    "kyoku",
    "channel",
    "tv",
    "pr",
];

/// The prefectures, by their usual romanisation.
const PREFECTURES: &[(&str, &str)] = &[
    ("hokkaido", "北海道"),
    ("aomori", "青森"),
    ("iwate", "岩手"),
    ("miyagi", "宮城"),
    ("akita", "秋田"),
    ("yamagata", "山形"),
    ("fukushima", "福島"),
    ("ibaraki", "茨城"),
    ("tochigi", "栃木"),
    ("gunma", "群馬"),
    ("saitama", "埼玉"),
    ("chiba", "千葉"),
    ("tokyo", "東京"),
    ("kanagawa", "神奈川"),
    ("niigata", "新潟"),
    ("toyama", "富山"),
    ("ishikawa", "石川"),
    ("fukui", "福井"),
    ("yamanashi", "山梨"),
    ("nagano", "長野"),
    ("gifu", "岐阜"),
    ("shizuoka", "静岡"),
    ("aichi", "愛知"),
    ("mie", "三重"),
    ("shiga", "滋賀"),
    ("kyoto", "京都"),
    ("osaka", "大阪"),
    ("hyogo", "兵庫"),
    ("nara", "奈良"),
    ("wakayama", "和歌山"),
    ("tottori", "鳥取"),
    ("shimane", "島根"),
    ("okayama", "岡山"),
    ("hiroshima", "広島"),
    ("yamaguchi", "山口"),
    ("tokushima", "徳島"),
    ("kagawa", "香川"),
    ("ehime", "愛媛"),
    ("kochi", "高知"),
    ("fukuoka", "福岡"),
    ("saga", "佐賀"),
    ("nagasaki", "長崎"),
    ("kumamoto", "熊本"),
    ("oita", "大分"),
    ("miyazaki", "宮崎"),
    ("kagoshima", "鹿児島"),
    ("okinawa", "沖縄"),
];

/// One spelling for the ways a Japanese word is written in Latin letters: lower case, no
/// macrons, long vowels single (ou, oo, oh, uu, aa, ee, ii), Kunrei for Hepburn (shi → si, chi
/// → ti, tsu → tu, fu → hu, ji → zi), n for m before b, p and m.
pub fn spelling(token: &str) -> String {
    let plain: String = token
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let mut s = plain;
    for (from, to) in [
        ("tch", "tt"),
        ("sha", "sya"),
        ("shu", "syu"),
        ("sho", "syo"),
        ("shi", "si"),
        ("cha", "tya"),
        ("chu", "tyu"),
        ("cho", "tyo"),
        ("chi", "ti"),
        ("tsu", "tu"),
        ("fu", "hu"),
        ("ja", "zya"),
        ("ju", "zyu"),
        ("jo", "zyo"),
        ("ji", "zi"),
        ("mb", "nb"),
        ("mp", "np"),
        ("mm", "nm"),
    ] {
        s = s.replace(from, to);
    }
    // Long vowels, and oh before a consonant or at the end (Ohno, Kohchi).
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = out.chars().last();
        let vowel = |x: char| "aeiou".contains(x);
        if vowel(c) && prev == Some(c) {
            continue;
        }
        if c == 'u' && prev == Some('o') {
            continue;
        }
        if c == 'h' && prev == Some('o') && chars.get(i + 1).is_none_or(|&n| !vowel(n) && n != 'y') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Hiragana, by syllable (the two-kana ones first), in Hepburn.
const KANA_ROMAJI: &[(&str, &str)] = &[
    ("きゃ", "kya"),
    ("きゅ", "kyu"),
    ("きょ", "kyo"),
    ("しゃ", "sha"),
    ("しゅ", "shu"),
    ("しょ", "sho"),
    ("ちゃ", "cha"),
    ("ちゅ", "chu"),
    ("ちょ", "cho"),
    ("にゃ", "nya"),
    ("にゅ", "nyu"),
    ("にょ", "nyo"),
    ("ひゃ", "hya"),
    ("ひゅ", "hyu"),
    ("ひょ", "hyo"),
    ("みゃ", "mya"),
    ("みゅ", "myu"),
    ("みょ", "myo"),
    ("りゃ", "rya"),
    ("りゅ", "ryu"),
    ("りょ", "ryo"),
    ("ぎゃ", "gya"),
    ("ぎゅ", "gyu"),
    ("ぎょ", "gyo"),
    ("じゃ", "ja"),
    ("じゅ", "ju"),
    ("じょ", "jo"),
    ("びゃ", "bya"),
    ("びゅ", "byu"),
    ("びょ", "byo"),
    ("ぴゃ", "pya"),
    ("ぴゅ", "pyu"),
    ("ぴょ", "pyo"),
    ("あ", "a"),
    ("い", "i"),
    ("う", "u"),
    ("え", "e"),
    ("お", "o"),
    ("か", "ka"),
    ("き", "ki"),
    ("く", "ku"),
    ("け", "ke"),
    ("こ", "ko"),
    ("さ", "sa"),
    ("し", "shi"),
    ("す", "su"),
    ("せ", "se"),
    ("そ", "so"),
    ("た", "ta"),
    ("ち", "chi"),
    ("つ", "tsu"),
    ("て", "te"),
    ("と", "to"),
    ("な", "na"),
    ("に", "ni"),
    ("ぬ", "nu"),
    ("ね", "ne"),
    ("の", "no"),
    ("は", "ha"),
    ("ひ", "hi"),
    ("ふ", "fu"),
    ("へ", "he"),
    ("ほ", "ho"),
    ("ま", "ma"),
    ("み", "mi"),
    ("む", "mu"),
    ("め", "me"),
    ("も", "mo"),
    ("や", "ya"),
    ("ゆ", "yu"),
    ("よ", "yo"),
    ("ら", "ra"),
    ("り", "ri"),
    ("る", "ru"),
    ("れ", "re"),
    ("ろ", "ro"),
    ("わ", "wa"),
    ("を", "o"),
    ("ん", "n"),
    ("が", "ga"),
    ("ぎ", "gi"),
    ("ぐ", "gu"),
    ("げ", "ge"),
    ("ご", "go"),
    ("ざ", "za"),
    ("じ", "ji"),
    ("ず", "zu"),
    ("ぜ", "ze"),
    ("ぞ", "zo"),
    ("だ", "da"),
    ("ぢ", "ji"),
    ("づ", "zu"),
    ("で", "de"),
    ("ど", "do"),
    ("ば", "ba"),
    ("び", "bi"),
    ("ぶ", "bu"),
    ("べ", "be"),
    ("ぼ", "bo"),
    ("ぱ", "pa"),
    ("ぴ", "pi"),
    ("ぷ", "pu"),
    ("ぺ", "pe"),
    ("ぽ", "po"),
];

/// Kana to Latin letters (Hepburn; then brought to [`spelling`]).
fn romanise(kana: &str) -> Option<String> {
    // Katakana as hiragana; the long-vowel mark is dropped (spelling drops long vowels too).
    let hira: String = kana
        .chars()
        .filter(|&c| c != 'ー')
        .map(crate::normalize::katakana_to_hiragana)
        .collect();
    let chars: Vec<char> = hira.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut double = false;
    while i < chars.len() {
        if chars[i] == 'っ' {
            double = true;
            i += 1;
            continue;
        }
        let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
        let one: String = chars[i..i + 1].iter().collect();
        let (latin, used) = match KANA_ROMAJI
            .iter()
            .find(|(k, _)| *k == two)
            .or_else(|| KANA_ROMAJI.iter().find(|(k, _)| *k == one))
        {
            Some((k, v)) => (*v, k.chars().count()),
            None => return None,
        };
        if double {
            out.extend(latin.chars().next());
            double = false;
        }
        out.push_str(latin);
        i += used;
    }
    Some(spelling(&out))
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FF}')
}

/// Latin tokens of a text, lower case, split at anything not a letter or digit.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() || !c.is_ascii())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The places of a registry by their Latin readings, and the way back from Latin names.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    places: HashMap<String, String>,
}

impl Readings {
    /// Learns the registry's places in Latin letters (see the module's comment).
    /// Takes each genuine account with its names as the matcher prepared them (folded and
    /// read once, at the matcher's start).
    pub fn learn<'a>(accounts: impl Iterator<Item = (&'a Genuine, &'a [PreparedName])>) -> Readings {
        let mut seen: HashMap<String, Option<String>> = HashMap::new();
        // A reading two places share is dropped, unless one of them is written in kana: that
        // one is the other's reading (こくぶ and 国分), and the kanji is kept.
        let mut add = |reading: String, place: String| {
            if reading.len() < 3 {
                return;
            }
            let kana = |p: &str| p.chars().all(is_kana);
            seen.entry(reading)
                .and_modify(|p| match p.as_deref() {
                    Some(q) if q == place => {}
                    Some(q) if kana(q) && !kana(&place) => *p = Some(place.clone()),
                    Some(q) if kana(&place) && !kana(q) => {}
                    _ => *p = None,
                })
                .or_insert(Some(place));
        };
        let filler: Vec<String> = HANDLE_FILLER.iter().map(|w| spelling(w)).collect();
        let words_of = |n: &PreparedName| -> Vec<String> { n.parts.words.iter().map(|w| w.iter().collect()).collect() };
        for (g, names) in accounts {
            let mut words: Vec<String> = names
                .iter()
                .find(|n| n.text == g.display_name)
                .map(words_of)
                .unwrap_or_default();
            // ハローワーク帯広(帯広公共職業安定所) names one place twice.
            words.sort();
            words.dedup();
            // Places written in kana, in the name or in the names the registry's readings give
            // (ハローワークこくぶ for ハローワーク国分).
            let alias_words = names.iter().filter(|n| g.aliases.contains(&n.text)).flat_map(words_of);
            for w in words.iter().cloned().chain(alias_words) {
                if w.chars().all(is_kana)
                    && let Some(r) = romanise(&w)
                {
                    add(r, w);
                }
            }
            let [place] = words.as_slice() else { continue };
            let Some(handle) = g.handle.as_deref() else { continue };
            let rest: Vec<String> = tokens(handle)
                .iter()
                .map(|t| strip_filler(&spelling(t), &filler))
                .filter(|t| t.len() >= 4 && !t.chars().all(|c| c.is_ascii_digit()))
                .collect();
            if let [only] = rest.as_slice() {
                add(only.clone(), place.clone());
            }
        }
        let mut places: HashMap<String, String> = seen.into_iter().filter_map(|(r, p)| Some((r, p?))).collect();
        for (latin, place) in PREFECTURES {
            places.entry(spelling(latin)).or_insert_with(|| (*place).to_string());
        }
        Readings { places }
    }

    /// A name written (mostly) in Latin letters, read back into Japanese with the words and
    /// places above; `None` when it has no Latin word the tables know, or when what it says
    /// beyond them is more than a word or two that are not known (a sentence, a person's name
    /// with a place in it is still read: the name rules decide what it means).
    pub fn read(&self, name: &str) -> Option<String> {
        let latin = name.chars().filter(char::is_ascii_alphabetic).count();
        if latin < 4 {
            return None;
        }
        let words = spelled_words();
        // Pieces of the name: Latin runs tokenised, anything else kept as written.
        let mut out = String::new();
        let mut known = 0;
        let mut unknown = 0;
        let mut placed = false;
        let mut run: Vec<String> = Vec::new();
        let mut flush = |run: &mut Vec<String>, out: &mut String| {
            let spelt: Vec<String> = run.iter().map(|t| spelling(t)).collect();
            let mut i = 0;
            while i < spelt.len() {
                let hit = words
                    .iter()
                    .filter(|(ts, _)| spelt[i..].starts_with(ts))
                    .max_by_key(|(ts, _)| ts.len());
                if let Some((ts, ja)) = hit {
                    out.push_str(ja);
                    known += 1;
                    i += ts.len();
                } else if let Some(place) = self.places.get(&spelt[i]) {
                    out.push_str(place);
                    known += 1;
                    placed = true;
                    i += 1;
                } else {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    out.push_str(&run[i]);
                    out.push(' ');
                    unknown += 1;
                    i += 1;
                }
            }
            run.clear();
        };
        let mut token = String::new();
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                token.push(c);
                continue;
            }
            if !token.is_empty() {
                run.push(std::mem::take(&mut token));
            }
            // A hyphen or apostrophe inside a romanised word (HARO-WAKU) joins it.
            if (c == '-' || c == '\'') && !run.is_empty() {
                continue;
            }
            if c.is_whitespace() || c.is_ascii_punctuation() {
                continue;
            }
            flush(&mut run, &mut out);
            out.push(c);
        }
        if !token.is_empty() {
            run.push(token);
        }
        flush(&mut run, &mut out);
        // Joined pieces of a hyphenated romanisation (haro + waku) were tried as words above.
        (placed && known >= 2 && unknown <= 2).then(|| out.trim().to_string())
    }
}

/// `WORDS` as [`spelling`] writes them, made once.
fn spelled_words() -> &'static [(Vec<String>, &'static str)] {
    static W: std::sync::LazyLock<Vec<(Vec<String>, &'static str)>> = std::sync::LazyLock::new(|| {
        WORDS
            .iter()
            .map(|(ts, ja)| (ts.iter().map(|t| spelling(t)).collect(), *ja))
            .collect()
    });
    &W
}

/// A handle token without the filler it starts or ends with (s_mothersHW → s, hw).
fn strip_filler(token: &str, filler: &[String]) -> String {
    let mut t = token.to_string();
    loop {
        let before = t.clone();
        for f in filler {
            if t.len() > f.len() {
                if let Some(rest) = t.strip_prefix(f.as_str()) {
                    t = rest.to_string();
                } else if let Some(rest) = t.strip_suffix(f.as_str()) {
                    t = rest.to_string();
                }
            } else if t == *f {
                t.clear();
            }
        }
        if t == before {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn genuine(handle: &str, name: &str) -> Genuine {
        Genuine {
            handle: Some(handle.into()),
            display_name: name.into(),
            ..Genuine::default()
        }
    }

    fn learn(genuine: &[Genuine]) -> Readings {
        let weights = super::super::text::CharWeights::default();
        let names: Vec<Vec<PreparedName>> = genuine
            .iter()
            .map(|g| vec![PreparedName::new(&g.display_name, &weights)])
            .collect();
        Readings::learn(genuine.iter().zip(names.iter().map(Vec::as_slice)))
    }

    #[test]
    fn spellings_meet() {
        for (a, b) in [
            ("Kōchi", "kochi"),
            ("Kouchi", "kochi"),
            ("Ohno", "ono"),
            ("Shinsotsu", "sinsotu"),
            ("Tōkyō", "tokyo"),
            ("Shimbashi", "sinbasi"),
        ] {
            assert_eq!(spelling(a), spelling(b), "{a} {b}");
        }
        assert_eq!(romanise("かのや").as_deref(), Some("kanoya"));
        assert_eq!(romanise("こくぶ").as_deref(), Some("kokubu"));
        assert_eq!(romanise("ハローワーク").as_deref(), Some(spelling("harowaku").as_str()));
    }

    #[test]
    fn latin_names_are_read_back_with_the_registrys_places() {
        let r = learn(&[
            genuine("HW_Rumoi", "ハローワーク留萌【公式】"),
            genuine("kagoshima_shinsotsu_hw", "鹿児島新卒応援ハローワーク"),
            genuine("hw_kanoya", "ハローワークかのや"),
        ]);
        assert_eq!(r.read("Hello Work Rumoi").as_deref(), Some("ハローワーク留萌"));
        assert_eq!(r.read("HARO-WAKU KANOYA").as_deref(), Some("ハローワークかのや"));
        assert_eq!(r.read("Kagoshima Labour Bureau").as_deref(), Some("鹿児島労働局"));
        assert_eq!(
            r.read("Kagoshima Shinsotsu Oen Hello Work").as_deref(),
            Some("鹿児島新卒応援ハローワーク")
        );
        // No place, or mostly words the tables do not know: not read.
        assert_eq!(r.read("Hello Work"), None);
        assert_eq!(r.read("I love hiking around Rumoi and the coast"), None);
        assert_eq!(r.read("ハローワーク留萌"), None);
    }
}
