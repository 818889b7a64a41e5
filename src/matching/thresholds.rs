//! Every threshold and weight of the matcher, in one place, with why.
//!
//! The score of a candidate against a genuine account combines independent pieces of evidence
//! (handle, display name, avatar, bio) as a noisy-OR: `score = 1 − Π(1 − strengthᵢ)`, then
//! risk modifiers (claims of being official, fake check marks, mixed scripts, hidden
//! characters) shrink what is left, and a disclaimer (非公式, parody) scales the score down.
//! A strength is how sure one signal alone makes a reviewer that this account imitates that
//! one. The values were set from the impersonation policies of the platforms (X calls it
//! impersonation when two elements of an identity are copied, but a copied official name alone
//! is how the Koriyama and Miyoshi fakes started) and checked against the whole labelled corpus
//! in `tests/corpus/` (precision and recall per class: `cargo test --test corpus -- --nocapture`),
//! never against a single case.

/// Score at or above which a candidate is a `suspect`. Between the strength of one strong
/// signal (a copied name, a lookalike handle) and that of weak signals combined.
pub const SUSPECT_THRESHOLD: f64 = 0.60;

/// Display name identical to the genuine one after folding: the commonest impersonation.
pub const NAME_IDENTICAL: f64 = 0.85;
/// The genuine name appears whole inside the candidate's, plus descriptive words
/// (ハローワーク札幌 求人情報).
pub const NAME_CONTAINS: f64 = 0.72;
/// Added to `NAME_CONTAINS` in proportion to how much of the candidate's name (by weight) the
/// genuine name covers, so that the longest contained genuine name is the target.
pub const NAME_CONTAINS_COVERAGE_BONUS: f64 = 0.10;
/// Near names: strength rises linearly from 0 at `NAME_SIM_FLOOR` to `NAME_SIM_MAX` at 1.0
/// weighted similarity. Below the floor the names share words, not an identity.
pub const NAME_SIM_FLOOR: f64 = 0.70;
/// Strength of a near name at similarity 1 (never reached: 1 is `NAME_IDENTICAL`).
pub const NAME_SIM_MAX: f64 = 0.80;
/// Reordered names (same characters, other order) count as this fraction of their weighted
/// overlap: reordering is a slightly weaker sign than the same name in the same order.
pub const NAME_BAG_FACTOR: f64 = 0.92;
/// Shortest folded name (characters) for the order-free comparison; short names collide.
pub const NAME_BAG_MIN_CHARS: usize = 6;
/// A shortened form of a genuine name (文京区ダイバーシティ人材採用 for
/// 文京区中小企業ダイバーシティ人材採用促進事業): weak evidence that corroborates a copied picture
/// or handle but never flags on its own, since honest bodies share name parts too.
pub const NAME_SHORTENED: f64 = 0.35;
/// A rearranged copy: every distinctive word of the genuine name (place, section), its kind of
/// body and its programme, in another order, with separators, dropped generic words or added
/// marks (「留萌 ハローワーク」, 「訓練課｜鹿児島労働局」). Enough alone: it names the same office.
pub const NAME_REARRANGED: f64 = 0.68;
/// Added to `NAME_REARRANGED` in proportion to the share of the candidate's distinctive words
/// that come from the genuine name (a name with words of its own is a little less of a copy).
pub const NAME_REARRANGED_SHARE_BONUS: f64 = 0.12;
/// Share of the candidate's name weight that must come, in order, from the genuine name.
pub const NAME_SHORTENED_FROM_GENUINE: f64 = 0.90;
/// Share of the genuine name's weight the candidate must keep.
pub const NAME_SHORTENED_KEPT: f64 = 0.45;
/// Folded names shorter than this (in characters) only count when identical: two- and
/// three-character names collide by chance.
pub const NAME_MIN_CHARS_FOR_SIMILAR: usize = 4;
/// Extra text after a contained genuine name must be at least this many characters to count
/// as "copied name plus words" when it is not generic vocabulary; one or two characters more
/// usually make another office's name (札幌 → 札幌東).
pub const NAME_CONTAINS_MIN_EXTRA: usize = 3;

/// Handle equal to the genuine one after confusable folding (0/o, 1/l, rn/m, Cyrillic).
pub const HANDLE_HOMOGLYPH: f64 = 0.90;
/// The genuine handle itself, reused on a platform where it is not the genuine account: above
/// one edit on the candidate's own platform, since nothing was changed.
pub const HANDLE_SAME_OTHER_PLATFORM: f64 = 0.80;
/// Handle equal apart from separators (`hw.sapporo`, `hwsapporo`).
pub const HANDLE_SEPARATOR: f64 = 0.85;
/// Handle equal apart from affixes (`_official`, `_jp`, digits).
pub const HANDLE_AFFIX: f64 = 0.85;
/// One edit (insertion, omission, transposition, doubling, substitution) on a handle of at
/// least `HANDLE_TYPO_MIN_LEN` characters, counted on what was typed (see `handles`).
pub const HANDLE_TYPO: f64 = 0.75;
/// The whole genuine handle with words of its own set apart by separators (`HW_Sapporo_bot`,
/// `kagoshimakunren.navi`): the handle a citizen knows, in plain sight.
pub const HANDLE_WORDS_ADDED: f64 = 0.75;
/// One lookalike substitution plus one edit (`s_rnotherssHW`) on a handle of at least
/// `HANDLE_LOOKALIKE_EDIT_MIN_LEN` characters: a reader sees one slip.
pub const HANDLE_LOOKALIKE_EDIT: f64 = 0.70;
/// See `HANDLE_LOOKALIKE_EDIT`.
pub const HANDLE_LOOKALIKE_EDIT_MIN_LEN: usize = 8;
/// Affixes plus one edit.
pub const HANDLE_AFFIX_TYPO: f64 = 0.65;
/// Two edits on a long handle (at least `HANDLE_TWO_EDITS_MIN_LEN`).
pub const HANDLE_TWO_EDITS: f64 = 0.45;
/// The genuine handle's core appears inside the candidate's (`hw_sapporo_kyujin`).
pub const HANDLE_CONTAINS: f64 = 0.40;
/// Shortest handle on which one edit is meaningful; shorter handles differ by chance.
pub const HANDLE_TYPO_MIN_LEN: usize = 5;
/// A token of a handle this short (an initial, `s_` for Sapporo) is an abbreviation: replacing
/// it names another body and is not a typo.
pub const HANDLE_SHORT_TOKEN: usize = 2;
/// Shortest handle on which two edits are meaningful.
pub const HANDLE_TWO_EDITS_MIN_LEN: usize = 9;
/// Shortest genuine handle core for `HANDLE_CONTAINS`.
pub const HANDLE_CONTAINS_MIN_LEN: usize = 6;

/// Pictures whose nearest views differ by more than this (see `ViewKey::distance`, of 64
/// bits) are not compared pixel by pixel. The keys only shortlist: on the labelled corpus every
/// copy's own picture is within 22, most within 17; unrelated pictures sit around 24 and above.
pub const AVATAR_INDEX_GATE: u32 = 24;
/// Genuine pictures compared pixel by pixel per candidate, nearest keys first. A copy's own
/// picture is nearly always the nearest by keys; the others are there for templates.
pub const AVATAR_VERIFIED: usize = 5;
/// Only pictures within this many bits of the nearest one are compared pixel by pixel.
pub const AVATAR_INDEX_SPREAD: u32 = 12;
/// Pixel agreement (see `avatar::align`) at or above which the candidate's picture is a copy of
/// the genuine one: what survives JPEG at quality 30, downsizing to 48 px, crops and zooms of a
/// quarter per side, mirroring, recolouring, an overlay over a fifth, circular masks and borders.
/// Unrelated logos, even of the same layout or in the same colours, and photos stay below 0.80
/// on the labelled corpus (`tests/corpus/avatars`), copies above 0.84 but for the hardest crops.
pub const AVATAR_COPY_SIMILARITY: f64 = 0.82;
/// Agreement below which two pictures are unrelated; between this and
/// `AVATAR_COPY_SIMILARITY` the strength rises linearly to `AVATAR_COPY`.
pub const AVATAR_SIMILAR_FLOOR: f64 = 0.74;
/// Strength of a copied picture: enough on its own. A citizen who sees the body's picture takes
/// the account for the body's; shared templates are handled apart (below).
pub const AVATAR_COPY: f64 = 0.80;
/// When the candidate's name names another body, its picture counts only at this agreement or
/// above (a near-identical copy): offices of one network draw their pictures from one design,
/// so a merely similar picture under another office's name is that office's own.
pub const AVATAR_OTHER_BODY_SIMILARITY: f64 = 0.95;
/// Agreement at or above which two pictures are the same picture (a genuine account that kept
/// its avatar across a re-encoding; two registry accounts sharing one picture).
pub const AVATAR_SAME_PICTURE: f64 = 0.93;
/// Pictures whose 16×16 thumbnail has a standard deviation below this (of 255) in every colour
/// channel are plain (single colour, default silhouette) and prove nothing.
pub const AVATAR_PLAIN_STDDEV: f64 = 6.0;

/// Bios sharing at least this fraction of character bigrams are copies.
pub const BIO_COPY_JACCARD: f64 = 0.60;
/// Strength of a copied bio.
pub const BIO_COPY: f64 = 0.35;
/// Bios shorter than this (characters, folded) are not compared.
pub const BIO_MIN_CHARS: usize = 20;

/// Share of the weaker of name and handle evidence added on top of the stronger: handles are
/// usually romanised names, so the two are not independent (ハローワーク札幌北 @hw_sapporokita
/// echoes one fact twice). 1 would be a plain noisy-OR.
pub const NAME_HANDLE_DEPENDENCE: f64 = 0.5;
/// Risk modifiers multiply the residual `1 − score` when the name, handle or picture evidence is
/// at least this strong.
pub const MODIFIER_MIN_SIGNAL: f64 = 0.25;
/// Residual factor when the candidate claims to be official (【公式】, official).
pub const CLAIMS_OFFICIAL_FACTOR: f64 = 0.80;
/// Residual factor for a check-mark emoji posing as a verification badge.
pub const CHECK_MARK_FACTOR: f64 = 0.70;
/// Residual factor for a name mixing Latin with Cyrillic or Greek letters.
pub const MIXED_SCRIPT_FACTOR: f64 = 0.80;
/// Residual factor for invisible characters hidden in a name that matched.
pub const INVISIBLE_FACTOR: f64 = 0.85;
/// Factor on the *name* evidence when the name says it is unofficial (非公式, parody, bot):
/// such accounts follow the platforms' rules for fan accounts. A disclaimer never lowers the
/// evidence of a lookalike handle or a copied picture: staff decide those.
pub const DISCLAIMER_FACTOR: f64 = 0.60;

/// Weight of a character that belongs to generic vocabulary of public-body names
/// (ハローワーク, 労働局, 公共職業安定所, 市役所 …): sharing it says little.
pub const GENERIC_CHAR_WEIGHT: f64 = 0.25;
/// Weight of a character in filler that names no one (公式, アカウント, YouTubeチャンネル).
pub const FILLER_CHAR_WEIGHT: f64 = 0.08;
/// Lowest weight of any other character (frequent in the registry's names).
pub const MIN_CHAR_WEIGHT: f64 = 0.35;

/// Longest folded name compared, in characters (X allows 50, Bluesky 64); longer names are
/// cut, so that hostile 10 kB names cost no more than real ones.
pub const MAX_KEY_CHARS: usize = 128;
/// Genuine accounts shortlisted per index (names, handles, avatars) for full scoring.
pub const SHORTLIST_PER_INDEX: usize = 32;
/// An n-gram shared by more than this fraction of the registry (and more than
/// `STOP_GRAM_MIN_POSTINGS` accounts) does not shortlist: it is generic vocabulary.
pub const STOP_GRAM_FRACTION: f64 = 0.05;
/// See `STOP_GRAM_FRACTION`.
pub const STOP_GRAM_MIN_POSTINGS: usize = 64;
