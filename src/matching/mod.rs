//! The matcher: judges a candidate profile against the genuine accounts and says whether it
//! *is* one (`Genuine`), imitates one (`Suspect`, with the target and readable reasons) or
//! neither (`Clear`).
//!
//! Pure and synchronous: it takes decoded values (names, handles, avatar fingerprints) and
//! returns values. It never reads files, fetches URLs or touches a database. All thresholds
//! and weights live in [`thresholds`].

pub mod avatar;
mod index;
pub mod text;
pub mod thresholds;

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::normalize::{Claim, FoldedHandle, fold_handle, fold_name};
use crate::platform::{Platform, is_youtube_channel_id};
use crate::registry::{Registry, parse_profile_url};
pub use avatar::{AvatarError, AvatarHash, AvatarLimits, hash_avatar};
use index::{Index, IndexKeys};
use text::{CharWeights, HandleMatch, NameMatch, PreparedName, View};
use thresholds as t;

/// A genuine account as the matcher knows it.
#[derive(Debug, Clone, Default)]
pub struct Genuine {
    /// Platform (None only in `Default`).
    pub platform: Option<Platform>,
    /// Handle as published.
    pub handle: Option<String>,
    /// Stable platform id.
    pub id: Option<String>,
    /// Profile URL.
    pub url: Option<String>,
    /// Display name.
    pub display_name: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Profile text, when a snapshot has it.
    pub bio: Option<String>,
    /// Avatar fingerprint, when a snapshot has it.
    pub avatar: Option<AvatarHash>,
    /// The organisation's id, when from the registry.
    pub org_id: Option<String>,
}

impl Genuine {
    /// Every account of a registry.
    pub fn from_registry(registry: &Registry) -> Vec<Genuine> {
        registry
            .accounts()
            .map(|(org, a)| Genuine {
                platform: Some(a.platform),
                handle: a.handle.clone(),
                id: a.id.clone(),
                url: Some(a.canonical_url.clone().unwrap_or_else(|| a.url.clone())),
                display_name: a.display_name.clone(),
                aliases: a.aliases.iter().cloned().chain(org.reading_variants(a)).collect(),
                bio: None,
                avatar: None,
                org_id: Some(org.id.clone()),
            })
            .collect()
    }

    /// `@handle`, id or URL: how to name the account to a person.
    pub fn label(&self) -> String {
        crate::registry::account_label(self.handle.as_deref(), self.id.as_deref(), self.url.as_deref())
            .unwrap_or_else(|| self.display_name.clone())
    }
}

/// What is known of a candidate's avatar.
#[derive(Debug, Clone, Default)]
pub enum AvatarEvidence {
    /// The profile has no avatar.
    #[default]
    None,
    /// Fingerprinted.
    Hash(AvatarHash),
    /// There is one, but it could not be used; the reason is shown to the reviewer.
    Unavailable(String),
}

/// A profile to judge.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Platform.
    pub platform: Platform,
    /// Handle as shown.
    pub handle: Option<String>,
    /// Stable platform id.
    pub id: Option<String>,
    /// Profile URL.
    pub url: Option<String>,
    /// Display name.
    pub display_name: String,
    /// Profile text.
    pub bio: Option<String>,
    /// Avatar.
    pub avatar: AvatarEvidence,
}

/// The verdict on a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// It is a registered genuine account.
    Genuine,
    /// It imitates a genuine account.
    Suspect,
    /// Neither.
    Clear,
}

/// One piece of evidence, in words a reviewer can check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The candidate is the genuine account, recognised by this key.
    IsGenuine {
        /// `id`, `handle` or `URL`.
        by: &'static str,
    },
    /// Same handle as a genuine account, but a different account id: re-registered or reused.
    HandleReused {
        /// The genuine account.
        genuine: String,
    },
    /// Handle relation.
    Handle {
        /// The genuine account's label.
        genuine: String,
        /// The genuine account's platform.
        platform: Platform,
        /// How they relate.
        detail: String,
    },
    /// Display name identical after folding.
    NameIdentical {
        /// The genuine name it equals.
        genuine_name: String,
        /// Which differences folding absorbed.
        absorbed: Vec<&'static str>,
    },
    /// Display name contains the genuine name.
    NameContains {
        /// The genuine name.
        genuine_name: String,
        /// The candidate's name as written.
        candidate_name: String,
    },
    /// Display name similar.
    NameSimilar {
        /// The genuine name.
        genuine_name: String,
        /// Weighted similarity in [0, 1].
        similarity: f64,
    },
    /// Display name is a shortened form of the genuine name.
    NameShortened {
        /// The genuine name.
        genuine_name: String,
        /// Share of the genuine name (by weight) kept.
        kept: f64,
    },
    /// Avatar close to the genuine one.
    Avatar {
        /// Mean Hamming distance over two 64-bit hashes.
        distance: f64,
    },
    /// The candidate's or the genuine avatar is plain and was not compared.
    AvatarPlain,
    /// The avatar could not be used.
    AvatarUnavailable {
        /// Why.
        why: String,
    },
    /// The bio copies the genuine bio.
    BioCopied {
        /// Share of character bigrams in common.
        share: f64,
    },
    /// Claims to be official.
    ClaimsOfficial {
        /// The decoration.
        text: String,
    },
    /// A check-mark emoji posing as a verification badge.
    CheckMark {
        /// The emoji.
        mark: char,
    },
    /// Latin letters mixed with Cyrillic or Greek in one word.
    MixedScript,
    /// Invisible characters in the name.
    Invisible {
        /// The characters, as U+XXXX.
        chars: Vec<String>,
    },
    /// Says it is unofficial.
    Disclaimer {
        /// The words.
        text: String,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::IsGenuine { by } => write!(f, "registered genuine account (same {by})"),
            Reason::HandleReused { genuine } => write!(
                f,
                "uses the handle of genuine account {genuine} but is a different account (different id)"
            ),
            Reason::Handle {
                genuine,
                platform,
                detail,
            } => write!(f, "handle {detail} {genuine} on {}", platform.label()),
            Reason::NameIdentical { genuine_name, absorbed } if absorbed.is_empty() => {
                write!(f, "display name identical to 「{genuine_name}」 after normalisation")
            }
            Reason::NameIdentical { genuine_name, absorbed } => write!(
                f,
                "display name identical to 「{genuine_name}」 after normalisation ({})",
                absorbed.join(", ")
            ),
            Reason::NameContains {
                genuine_name,
                candidate_name,
            } => write!(
                f,
                "display name 「{candidate_name}」 contains 「{genuine_name}」 with other words"
            ),
            Reason::NameSimilar {
                genuine_name,
                similarity,
            } => write!(f, "display name similar to 「{genuine_name}」 ({similarity:.2})"),
            Reason::NameShortened { genuine_name, kept } => write!(
                f,
                "display name is a shortened form of 「{genuine_name}」 ({:.0}% kept)",
                kept * 100.0
            ),
            Reason::Avatar { distance } => write!(f, "avatar Hamming distance {distance:.0}/64"),
            Reason::AvatarPlain => write!(f, "avatar is plain (one colour or a default picture); not compared"),
            Reason::AvatarUnavailable { why } => write!(f, "judged without the avatar: {why}"),
            Reason::BioCopied { share } => write!(f, "bio copies the genuine bio ({:.0}% shared)", share * 100.0),
            Reason::ClaimsOfficial { text } => write!(f, "claims to be official ({})", text.trim()),
            Reason::CheckMark { mark } => write!(f, "fake verification mark {mark} in the name"),
            Reason::MixedScript => write!(f, "name mixes Latin with Cyrillic or Greek letters"),
            Reason::Invisible { chars } => write!(f, "name hides invisible characters ({})", chars.join(" ")),
            Reason::Disclaimer { text } => write!(f, "says it is unofficial ({})", text.trim()),
        }
    }
}

/// The outcome of judging one candidate.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// Genuine, suspect or clear.
    pub verdict: Verdict,
    /// How strongly it imitates `target` (for clear: the best score seen), in [0, 1].
    pub score: f64,
    /// Index (into the matcher's genuine accounts) of the account imitated or matched.
    pub target: Option<usize>,
    /// The evidence.
    pub reasons: Vec<Reason>,
    /// How many genuine accounts were fully scored (the index's short list).
    pub compared: usize,
}

struct PreparedGenuine {
    names: Vec<PreparedName>,
    handle: Option<(FoldedHandle, String)>,
    bio: Option<HashSet<(char, char)>>,
}

/// Judges candidates against one set of genuine accounts.
pub struct Matcher {
    genuine: Vec<Genuine>,
    prepared: Vec<PreparedGenuine>,
    weights: CharWeights,
    index: Index,
    identity: HashMap<String, Vec<usize>>,
}

fn identity_keys(
    platform: Platform,
    handle: Option<&str>,
    id: Option<&str>,
    url: Option<&str>,
) -> Vec<(String, &'static str)> {
    let mut keys = Vec::new();
    let mut handle = handle.map(str::to_string);
    let mut id = id.map(str::to_string);
    if let Some(p) = url
        .and_then(|u| parse_profile_url(u).ok())
        .filter(|p| p.platform == platform)
    {
        keys.push((format!("{platform}|url|{}", p.canonical), "URL"));
        handle = handle.or(p.handle);
        id = id.or(p.id);
    }
    if let Some(h) = handle.as_deref().filter(|h| !h.trim_start_matches('@').is_empty()) {
        if platform == Platform::Youtube && is_youtube_channel_id(h.trim_start_matches('@')) {
            id = id.or_else(|| Some(h.trim_start_matches('@').to_string()));
        } else {
            keys.push((format!("{platform}|handle|{}", platform.handle_key(h)), "handle"));
        }
    }
    if let Some(i) = id.as_deref().filter(|i| !i.is_empty()) {
        keys.push((format!("{platform}|id|{i}"), "id"));
    }
    keys
}

/// Handles that are assigned by the platform, not chosen: nobody picks a lookalike of them.
fn handle_is_assigned(platform: Platform, handle: &str) -> bool {
    let bare = handle.trim_start_matches('@');
    match platform {
        Platform::Line => bare.len() == 8 && bare.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
        Platform::Youtube => is_youtube_channel_id(bare),
        Platform::Facebook => bare.bytes().all(|b| b.is_ascii_digit()) || bare.contains(|c: char| !c.is_ascii()),
        _ => false,
    }
}

fn bio_grams(bio: &str) -> Option<HashSet<(char, char)>> {
    let key: Vec<char> = fold_name(bio).visual.chars().take(2000).collect();
    (key.len() >= t::BIO_MIN_CHARS).then(|| key.windows(2).map(|w| (w[0], w[1])).collect())
}

impl Matcher {
    /// Prepares the genuine accounts (folding, weights, indexes).
    pub fn new(genuine: Vec<Genuine>) -> Matcher {
        let name_texts = |g: &Genuine| -> Vec<String> {
            let mut v = crate::normalize::name_variants(&g.display_name);
            for a in &g.aliases {
                if !v.contains(a) {
                    v.push(a.clone());
                }
            }
            v
        };
        let folded_keys: Vec<String> = genuine
            .iter()
            .flat_map(|g| name_texts(g).into_iter().map(|n| fold_name(&n).visual))
            .collect();
        let weights = CharWeights::new(folded_keys.iter().map(String::as_str));
        let mut index = Index::default();
        let mut identity: HashMap<String, Vec<usize>> = HashMap::new();
        let mut prepared = Vec::with_capacity(genuine.len());
        for (i, g) in genuine.iter().enumerate() {
            // The display name always counts; a derived variant only when it names someone
            // (（マザーズコーナー） alone is generic vocabulary, not an identity).
            let names: Vec<PreparedName> = name_texts(g)
                .iter()
                .enumerate()
                .map(|(k, n)| (k, PreparedName::new(n, &weights)))
                .filter(|(k, p)| !p.visual.is_empty() && (*k == 0 || !p.visual.all_generic()))
                .map(|(_, p)| p)
                .collect();
            let platform = g.platform.unwrap_or(Platform::X);
            let handle = g
                .handle
                .as_deref()
                .filter(|h| !handle_is_assigned(platform, h))
                .map(|h| (fold_handle(h), platform.handle_key(h)))
                .filter(|(f, _)| !f.squashed.is_empty());
            let p = PreparedGenuine {
                bio: g.bio.as_deref().and_then(bio_grams),
                names,
                handle,
            };
            let mut keys = IndexKeys::default();
            for n in &p.names {
                keys.names.push(&n.visual.chars);
                keys.names.push(&n.reading.chars);
            }
            if let Some((h, _)) = &p.handle {
                keys.handles.push(&h.squashed);
                keys.handles.push(&h.core);
            }
            if let Some(a) = g.avatar.filter(|a| !a.plain) {
                keys.avatars.push(u128::from(a.gradient) << 64 | u128::from(a.dct));
            }
            index.add(i as u32, &keys);
            for (k, _) in identity_keys(platform, g.handle.as_deref(), g.id.as_deref(), g.url.as_deref()) {
                identity.entry(k).or_default().push(i);
            }
            prepared.push(p);
        }
        Matcher {
            genuine,
            prepared,
            weights,
            index,
            identity,
        }
    }

    /// The genuine accounts, in the order `Judgement::target` indexes.
    pub fn genuine(&self) -> &[Genuine] {
        &self.genuine
    }

    /// Judges one candidate.
    pub fn judge(&self, c: &Candidate) -> Judgement {
        let mut unavailable = Vec::new();
        if let AvatarEvidence::Unavailable(why) = &c.avatar {
            unavailable.push(Reason::AvatarUnavailable { why: why.clone() });
        }
        // 1. Is it a genuine account? Same platform and the same id, handle or canonical URL,
        //    unless both carry ids and they differ (a handle re-registered by someone else).
        let mut reused: Option<usize> = None;
        for (key, by) in identity_keys(c.platform, c.handle.as_deref(), c.id.as_deref(), c.url.as_deref()) {
            for &gi in self.identity.get(&key).into_iter().flatten() {
                let g = &self.genuine[gi];
                let ids_conflict = matches!((&g.id, &c.id), (Some(a), Some(b)) if a != b);
                if ids_conflict && by != "id" {
                    reused = Some(gi);
                    continue;
                }
                let mut reasons = vec![Reason::IsGenuine { by }];
                reasons.extend(unavailable);
                return Judgement {
                    verdict: Verdict::Genuine,
                    score: 1.0,
                    target: Some(gi),
                    reasons,
                    compared: 0,
                };
            }
        }

        // 2. Score against the short list.
        let cname = PreparedName::new(&c.display_name, &self.weights);
        let chandle = c
            .handle
            .as_deref()
            .map(|h| (fold_handle(h), c.platform.handle_key(h)))
            .filter(|(f, _)| !f.squashed.is_empty());
        let cavatar = match &c.avatar {
            AvatarEvidence::Hash(h) => Some(*h),
            _ => None,
        };
        let mut keys = IndexKeys::default();
        keys.names.push(&cname.visual.chars);
        keys.names.push(&cname.reading.chars);
        if let Some((h, _)) = &chandle {
            keys.handles.push(&h.squashed);
            keys.handles.push(&h.core);
        }
        if let Some(a) = cavatar.filter(|a| !a.plain) {
            keys.avatars.push(u128::from(a.gradient) << 64 | u128::from(a.dct));
            keys.avatars
                .push(u128::from(a.gradient_mirror) << 64 | u128::from(a.dct_mirror));
        }
        let mut shortlist = self.index.shortlist(&keys);
        if let Some(r) = reused.filter(|r| !shortlist.contains(&(*r as u32))) {
            shortlist.push(r as u32);
        }
        let cbio = c.bio.as_deref().and_then(bio_grams);

        let mut best: Option<(f64, usize, Vec<Reason>)> = None;
        for &gi in &shortlist {
            let gi = gi as usize;
            let (score, reasons) = self.score_pair(
                c,
                &cname,
                chandle.as_ref(),
                cavatar,
                cbio.as_ref(),
                gi,
                reused == Some(gi),
            );
            let better = match &best {
                None => true,
                Some((s, bi, _)) => {
                    score > *s + 1e-9
                        || ((score - *s).abs() <= 1e-9
                            && self.genuine[gi].platform == Some(c.platform)
                            && self.genuine[*bi].platform != Some(c.platform))
                }
            };
            if better {
                best = Some((score, gi, reasons));
            }
        }
        let compared = shortlist.len();
        match best {
            Some((score, gi, mut reasons)) => {
                reasons.extend(unavailable);
                let verdict = if score >= t::SUSPECT_THRESHOLD {
                    Verdict::Suspect
                } else {
                    Verdict::Clear
                };
                Judgement {
                    verdict,
                    score,
                    target: (verdict == Verdict::Suspect).then_some(gi),
                    reasons,
                    compared,
                }
            }
            None => Judgement {
                verdict: Verdict::Clear,
                score: 0.0,
                target: None,
                reasons: unavailable,
                compared,
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn score_pair(
        &self,
        c: &Candidate,
        cname: &PreparedName,
        chandle: Option<&(FoldedHandle, String)>,
        cavatar: Option<AvatarHash>,
        cbio: Option<&HashSet<(char, char)>>,
        gi: usize,
        reused: bool,
    ) -> (f64, Vec<Reason>) {
        let g = &self.genuine[gi];
        let p = &self.prepared[gi];
        let gplatform = g.platform.unwrap_or(c.platform);
        let mut reasons = Vec::new();
        // Evidence independent of the name and handle (picture, bio); name and handle are
        // combined with each other below.
        let mut independent: Vec<f64> = Vec::new();

        let mut handle_strength = 0.0;
        if reused {
            handle_strength = t::HANDLE_HOMOGLYPH;
            reasons.push(Reason::HandleReused { genuine: g.label() });
        } else if let (Some((ch, craw)), Some((gh, graw))) = (chandle, &p.handle)
            && let Some((rel, s)) = text::compare_handles(ch, craw, gh, graw, c.platform == gplatform)
        {
            handle_strength = s;
            let detail = match rel {
                HandleMatch::SameOnOtherPlatform => "is the same as".to_string(),
                HandleMatch::Homoglyph { detail } => format!("is a lookalike ({detail}) of"),
                HandleMatch::Separator => "differs only in separators from".to_string(),
                HandleMatch::Affix { added, removed } => {
                    let mut parts = Vec::new();
                    if !added.is_empty() {
                        parts.push(format!("adds {}", added.join(", ")));
                    }
                    if !removed.is_empty() {
                        parts.push(format!("drops {}", removed.join(", ")));
                    }
                    format!(
                        "{} to",
                        if parts.is_empty() {
                            "changes affixes".to_string()
                        } else {
                            parts.join(" and ")
                        }
                    )
                }
                HandleMatch::Typo { detail } => format!("is one edit ({detail}) from"),
                HandleMatch::AffixTypo => "adds affixes and one edit to".to_string(),
                HandleMatch::TwoEdits => "is two edits from".to_string(),
                HandleMatch::Contains => "contains".to_string(),
            };
            reasons.push(Reason::Handle {
                genuine: g.label(),
                platform: gplatform,
                detail,
            });
        }

        let name = text::compare_names(cname, &p.names);
        let name_strength = name.as_ref().map_or(0.0, |n| n.strength);
        if let Some(n) = &name {
            let variant = &p.names[n.variant];
            let genuine_name = variant.text.clone();
            reasons.push(match &n.relation {
                NameMatch::Identical => Reason::NameIdentical {
                    absorbed: absorbed(cname, variant, n.view),
                    genuine_name,
                },
                NameMatch::Contains => Reason::NameContains {
                    genuine_name,
                    candidate_name: c.display_name.chars().filter(|ch| !ch.is_control()).take(200).collect(),
                },
                NameMatch::Similar(sim) => Reason::NameSimilar {
                    genuine_name,
                    similarity: (sim * 100.0).round() / 100.0,
                },
                NameMatch::Shortened(kept) => Reason::NameShortened {
                    genuine_name,
                    kept: (kept * 100.0).round() / 100.0,
                },
            });
        }

        if let (Some(ca), Some(ga)) = (cavatar, g.avatar) {
            let (distance, s) = ca.strength(&ga);
            if ca.plain || ga.plain {
                reasons.push(Reason::AvatarPlain);
            } else if s > 0.0 {
                independent.push(s);
                reasons.push(Reason::Avatar {
                    distance: distance.round(),
                });
            }
        }

        if let (Some(cb), Some(gb)) = (cbio, &p.bio) {
            let inter = cb.intersection(gb).count() as f64;
            let union = cb.union(gb).count() as f64;
            let share = if union > 0.0 { inter / union } else { 0.0 };
            if share >= t::BIO_COPY_JACCARD {
                independent
                    .push(t::BIO_COPY * ((share - t::BIO_COPY_JACCARD) / (1.0 - t::BIO_COPY_JACCARD)).clamp(0.25, 1.0));
                reasons.push(Reason::BioCopied {
                    share: (share * 100.0).round() / 100.0,
                });
            }
        }

        // Handles are usually romanised names, so name and handle evidence are correlated:
        // the weaker one only adds a share of what it would add if independent.
        let (hi, lo) = (name_strength.max(handle_strength), name_strength.min(handle_strength));
        let identity = hi + t::NAME_HANDLE_DEPENDENCE * lo * (1.0 - hi);
        let mut residual: f64 = (1.0 - identity) * independent.iter().map(|s| 1.0 - s).product::<f64>();
        // Claims and tricks in the name strengthen an imitated identity (name or handle); a
        // shared picture alone may be a shared logo template, so they do not amplify it.
        if name_strength.max(handle_strength) >= t::MODIFIER_MIN_SIGNAL {
            let folded = &cname.folded;
            if let Some(Claim::Official(text)) = folded.claims.iter().find(|c| matches!(c, Claim::Official(_))) {
                residual *= t::CLAIMS_OFFICIAL_FACTOR;
                reasons.push(Reason::ClaimsOfficial { text: text.clone() });
            }
            if let Some(Claim::CheckMark(mark)) = folded.claims.iter().find(|c| matches!(c, Claim::CheckMark(_))) {
                residual *= t::CHECK_MARK_FACTOR;
                reasons.push(Reason::CheckMark { mark: *mark });
            }
            if name_strength >= t::MODIFIER_MIN_SIGNAL {
                if folded.mixed_script {
                    residual *= t::MIXED_SCRIPT_FACTOR;
                    reasons.push(Reason::MixedScript);
                }
                let hidden: Vec<String> = folded
                    .invisible
                    .iter()
                    .filter(|c| !matches!(c, '\u{FE0F}' | '\u{FE0E}'))
                    .map(|&c| format!("U+{:04X}", c as u32))
                    .collect();
                if !hidden.is_empty() {
                    residual *= t::INVISIBLE_FACTOR;
                    reasons.push(Reason::Invisible { chars: hidden });
                }
            }
        }
        let mut score = 1.0 - residual;
        if let Some(Claim::Disclaimer(text)) = cname.folded.claims.iter().find(|c| matches!(c, Claim::Disclaimer(_)))
            && score > 0.0
        {
            score *= t::DISCLAIMER_FACTOR;
            reasons.push(Reason::Disclaimer { text: text.clone() });
        }
        (score.clamp(0.0, 1.0), reasons)
    }
}

/// Whether a name has kanji that look like katakana (八 for ハ, 口 for ロ …).
fn has_kana_like_kanji(s: &str) -> bool {
    s.chars()
        .any(|ch| matches!(ch, '八' | '口' | '力' | '夕' | '工' | '卜' | '二' | '亻'))
}

/// Which differences between two names folding absorbed, for the reason text.
fn absorbed(candidate: &PreparedName, genuine: &PreparedName, view: View) -> Vec<&'static str> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::new();
    let (c, g) = (&candidate.folded, &genuine.folded);
    let (candidate, genuine) = (candidate.text.as_str(), genuine.text.as_str());
    if c.invisible.iter().any(|ch| !matches!(ch, '\u{FE0F}' | '\u{FE0E}')) {
        out.push("invisible characters");
    }
    if candidate
        .chars()
        .any(|ch| matches!(ch, '\u{FF01}'..='\u{FF5E}' | '\u{FF66}'..='\u{FF9F}'))
    {
        out.push("character width");
    }
    let dashes = |s: &str| {
        s.chars()
            .filter(|ch| matches!(ch, 'ｰ' | '―' | '‐' | '-' | '−' | '－' | '─' | '━' | '–' | '—' | '一'))
            .count()
    };
    if dashes(candidate) != dashes(genuine) {
        out.push("dashes");
    }
    if view == View::Reading {
        out.push("hiragana/katakana");
    }
    let nfkc: String = candidate.nfkc().collect();
    if nfkc.chars().any(|ch| crate::normalize::itaiji::fold(ch) != ch) {
        out.push("variant kanji");
    }
    if c.mixed_script
        || candidate.chars().any(|ch| matches!(ch, '\u{0370}'..='\u{04FF}'))
        || has_kana_like_kanji(candidate) && !has_kana_like_kanji(genuine)
    {
        out.push("lookalike letters");
    }
    if c.claims != g.claims {
        out.push("decorations");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(platform: Platform, handle: &str, name: &str) -> Genuine {
        Genuine {
            platform: Some(platform),
            handle: Some(handle.into()),
            display_name: name.into(),
            ..Default::default()
        }
    }

    fn cand(platform: Platform, handle: &str, name: &str) -> Candidate {
        Candidate {
            platform,
            handle: Some(handle.into()),
            id: None,
            url: None,
            display_name: name.into(),
            bio: None,
            avatar: AvatarEvidence::None,
        }
    }

    fn matcher() -> Matcher {
        Matcher::new(vec![
            g(Platform::X, "HW_Sapporo", "ハローワーク札幌【公式】"),
            g(Platform::X, "HW_Chitose", "ハローワーク千歳【公式】"),
            g(Platform::Instagram, "mhw.sapporo", "マザーズハローワーク札幌"),
        ])
    }

    #[test]
    fn genuine_is_recognised_by_handle_as_the_platform_compares() {
        let j = matcher().judge(&cand(Platform::X, "@hw_sapporo", "全然違う名前"));
        assert_eq!((j.verdict, j.target), (Verdict::Genuine, Some(0)));
    }

    #[test]
    fn lookalike_handle_and_copied_name_is_suspect() {
        let j = matcher().judge(&cand(Platform::X, "HW_Sapp0ro", "ハローワーク札幌【公式】"));
        assert_eq!((j.verdict, j.target), (Verdict::Suspect, Some(0)));
        let text: Vec<String> = j.reasons.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|r| r.contains("0→o")), "{text:?}");
        assert!(j.score > 0.95, "{}", j.score);
    }

    #[test]
    fn other_office_is_clear() {
        let j = matcher().judge(&cand(Platform::X, "hw_hakodate", "ハローワーク函館【公式】"));
        assert_eq!(j.verdict, Verdict::Clear, "{:?}", j.reasons);
    }

    #[test]
    fn same_handle_on_another_platform_imitates() {
        let j = matcher().judge(&cand(Platform::Bluesky, "hw_sapporo", "ハローワーク札幌"));
        assert_eq!((j.verdict, j.target), (Verdict::Suspect, Some(0)));
    }
}
