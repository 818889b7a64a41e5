//! The matcher: judges a candidate profile against the genuine accounts and says whether it
//! *is* one (`Genuine`), imitates one (`Suspect`, with the target and readable reasons) or
//! neither (`Clear`).
//!
//! Pure and synchronous: it takes decoded values (names, handles, avatar fingerprints) and
//! returns values. It never reads files, fetches URLs or touches a database. All thresholds
//! and weights live in [`thresholds`].

pub mod avatar;
pub mod handles;
mod index;
mod model;
pub mod pictures;
mod prepare;
pub mod reason;
mod romaji;
pub mod text;
pub mod thresholds;
pub mod words;

use std::collections::{HashMap, HashSet};

use crate::normalize::{Claim, FoldedHandle, fold_handle, fold_name};
use crate::parallel::on_every_core;
use crate::platform::{Platform, is_youtube_channel_id};
pub use avatar::{AvatarError, AvatarHash, AvatarLimits, hash_avatar};
use handles::local_part;
use index::{Index, IndexKeys};
pub use model::{AvatarEvidence, Candidate, Genuine, Judgement, Verdict};
use pictures::{PictureMatch, Pictures};
use prepare::{Prepared, identity_keys, offices, prepare};
pub use reason::{Absorbed, Copied, Edit, HandleRelation, IdentityKey, Reason};
use text::{CharWeights, NameMatch, PreparedName, View};
use thresholds as t;
use words::{Vocabulary, names_other_body};

struct PreparedGenuine {
    names: Vec<PreparedName>,
    handle: Option<(FoldedHandle, String)>,
    bio: Option<HashSet<(char, char)>>,
    /// Index of the organisation's vocabulary (of the account's own, when not known).
    vocabulary: usize,
}

/// Judges candidates against one set of genuine accounts.
pub struct Matcher {
    genuine: Vec<Genuine>,
    prepared: Vec<PreparedGenuine>,
    weights: CharWeights,
    index: Index,
    identity: HashMap<String, Vec<usize>>,
    pictures: Pictures,
    vocabularies: Vec<Vocabulary>,
    readings: romaji::Readings,
}

/// Handles that are assigned by the platform, not chosen: nobody picks a lookalike of them.
/// (LINE's basic ids are assigned too, but a premium id can be chosen to look like one.)
fn handle_is_assigned(platform: Platform, handle: &str) -> bool {
    let bare = handle.trim_start_matches('@');
    match platform {
        Platform::Youtube => is_youtube_channel_id(bare),
        Platform::Facebook => bare.bytes().all(|b| b.is_ascii_digit()) || bare.contains(|c: char| !c.is_ascii()),
        _ => false,
    }
}

/// A handle folded for comparison, with its platform key (lower case, no `@`); for the
/// federated platforms, the part a person picks (`name` of `name.bsky.social`).
fn prepared_handle(platform: Platform, handle: &str) -> Option<(FoldedHandle, String)> {
    let own = match platform {
        Platform::Bluesky | Platform::Mastodon => local_part(handle),
        _ => handle,
    };
    Some((fold_handle(own), platform.handle_key(own))).filter(|(f, _)| !f.squashed.is_empty())
}

fn bio_grams(bio: &str) -> Option<HashSet<(char, char)>> {
    let key: Vec<char> = fold_name(bio).visual.chars().take(2000).collect();
    (key.len() >= t::BIO_MIN_CHARS).then(|| key.windows(2).map(|w| (w[0], w[1])).collect())
}

/// What one genuine account's picture says about a candidate.
#[derive(Debug, Clone, Copy)]
struct PictureEvidence {
    m: PictureMatch,
}

impl Matcher {
    /// Prepares the genuine accounts (folding, weights, indexes, pictures).
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
        // Every name's variants made and folded once, on every core: that is most of the cost
        // of a large registry.
        let (texts, mut folded): (Vec<Vec<String>>, Vec<Vec<crate::normalize::FoldedName>>) =
            on_every_core(&genuine, |g| {
                let names = name_texts(g);
                let folded = names.iter().map(|n| fold_name(n)).collect::<Vec<_>>();
                (names, folded)
            })
            .into_iter()
            .unzip();
        let weights = CharWeights::new(folded.iter().flatten().map(|f| f.visual.as_str()));
        let mut index = Index::default();
        let mut identity: HashMap<String, Vec<usize>> = HashMap::new();
        let mut prepared = Vec::with_capacity(genuine.len());
        let mut vocabularies: Vec<Vocabulary> = Vec::new();
        let mut org_vocabulary: HashMap<String, usize> = HashMap::new();
        // Names weighed and read, handles folded, bios cut into pairs: on every core as well.
        let work: Vec<(usize, Vec<crate::normalize::FoldedName>)> = (0..genuine.len())
            .map(|i| (i, std::mem::take(&mut folded[i])))
            .collect();
        let mut parts = on_every_core(&work, |(i, folded)| prepare(&genuine[*i], &texts[*i], folded, &weights));
        for (i, g) in genuine.iter().enumerate() {
            let Prepared {
                names,
                handle,
                bio,
                entry,
                ids,
            } = std::mem::take(&mut parts[i]);
            let vocabulary = match &g.org_id {
                Some(org) => *org_vocabulary.entry(org.clone()).or_insert_with(|| {
                    vocabularies.push(Vocabulary::default());
                    vocabularies.len() - 1
                }),
                None => {
                    vocabularies.push(Vocabulary::default());
                    vocabularies.len() - 1
                }
            };
            for n in &names {
                vocabularies[vocabulary].add(&n.parts);
            }
            let p = PreparedGenuine {
                bio,
                names,
                handle,
                vocabulary,
            };
            index.add(i as u32, &entry);
            for (k, _) in ids {
                identity.entry(k).or_default().push(i);
            }
            prepared.push(p);
        }
        index.finish();
        let office_of = offices(&genuine, &prepared);
        let pictures = Pictures::new(
            genuine
                .iter()
                .enumerate()
                .filter_map(|(i, g)| g.avatar.clone().map(|a| (i, a))),
            |i| office_of[i],
        );
        let readings = romaji::Readings::learn(genuine.iter().zip(prepared.iter().map(|p| p.names.as_slice())));
        Matcher {
            genuine,
            prepared,
            weights,
            index,
            identity,
            pictures,
            vocabularies,
            readings,
        }
    }

    /// The genuine accounts, in the order `Judgement::target` indexes.
    pub fn genuine(&self) -> &[Genuine] {
        &self.genuine
    }

    /// The genuine accounts' distinct pictures, with the matches worked out so far (shared
    /// between the processes of a run, see [`Pictures::gallery`]).
    pub fn pictures(&self) -> &Pictures {
        &self.pictures
    }

    /// Judges one candidate.
    pub fn judge(&self, c: &Candidate) -> Judgement {
        let mut unavailable = Vec::new();
        if let AvatarEvidence::Unavailable(why) = &c.avatar {
            unavailable.push(Reason::AvatarUnavailable { why: why.clone() });
        }
        // 1. Is it a genuine account? Same platform and the same id, handle or canonical URL,
        //    unless both carry ids and they differ (a handle re-registered by someone else).
        let reused = match self.identify(c) {
            Ok((gi, by)) => {
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
            Err(reused) => reused,
        };

        // 2. Score against the short list; a name in Latin letters is also read back into
        //    Japanese (「Hello Work Rumoi」), and the reading judged when it says more.
        let judged = self.judge_against_shortlist(c, reused, unavailable.clone());
        let Some(read) = self.readings.read(&c.display_name) else {
            return judged;
        };
        let mut as_read = c.clone();
        as_read.display_name = read;
        let r = self.judge_against_shortlist(&as_read, reused, unavailable);
        if r.score <= judged.score + 1e-9 {
            return judged;
        }
        Judgement {
            reasons: r
                .reasons
                .into_iter()
                .map(|reason| match reason {
                    Reason::NameIdentical {
                        genuine_name,
                        mut absorbed,
                    } => {
                        absorbed.push(Absorbed::LatinLetters);
                        Reason::NameIdentical { genuine_name, absorbed }
                    }
                    Reason::NameContains { genuine_name, .. } => Reason::NameContains {
                        genuine_name,
                        candidate_name: c.display_name.clone(),
                    },
                    Reason::NameRearranged { genuine_name, .. } => Reason::NameRearranged {
                        genuine_name,
                        candidate_name: c.display_name.clone(),
                    },
                    other => other,
                })
                .collect(),
            ..r
        }
    }

    /// Step 2 of [`Matcher::judge`]: the best of the short list by name and handle from the
    /// indexes, and by picture from the pictures the candidate's resembles.
    fn judge_against_shortlist(&self, c: &Candidate, reused: Option<usize>, unavailable: Vec<Reason>) -> Judgement {
        let cname = PreparedName::new(&c.display_name, &self.weights);
        let chandle = c.handle.as_deref().and_then(|h| prepared_handle(c.platform, h));
        let cavatar = match &c.avatar {
            AvatarEvidence::Hash(h) => Some(h),
            _ => None,
        };
        let (shortlist, pictures) = self.shortlist(&cname, chandle.as_ref(), cavatar, reused);
        let cbio = c.bio.as_deref().and_then(bio_grams);

        // Ties (a picture several accounts share, a name used on several platforms) go to the
        // closer picture, then to the account on the candidate's platform.
        let closeness = |gi: usize| pictures.get(&gi).map_or(0.0, |p| p.m.alignment.similarity);
        let mut best: Option<(f64, usize, Vec<Reason>)> = None;
        for &gi in &shortlist {
            let gi = gi as usize;
            let pair = Pair {
                c,
                name: &cname,
                handle: chandle.as_ref(),
                avatar: cavatar,
                picture: pictures.get(&gi).copied(),
                bio: cbio.as_ref(),
                reused: reused == Some(gi),
            };
            let (score, reasons) = self.score_pair(&pair, gi);
            let better = match &best {
                None => true,
                Some((s, bi, _)) => {
                    let tie = (score - *s).abs() <= 1e-9;
                    let (cg, cb) = (closeness(gi), closeness(*bi));
                    score > *s + 1e-9
                        || (tie && cg > cb + 1e-9)
                        || (tie
                            && (cg - cb).abs() <= 1e-9
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

    /// The genuine account a candidate is (its index, and by what), or else the one whose
    /// handle it holds under another id (a handle re-registered by someone else), if any.
    fn identify(&self, c: &Candidate) -> Result<(usize, IdentityKey), Option<usize>> {
        let mut reused = None;
        for (key, by) in identity_keys(c.platform, c.handle.as_deref(), c.id.as_deref(), c.url.as_deref()) {
            for &gi in self.identity.get(&key).into_iter().flatten() {
                let g = &self.genuine[gi];
                let ids_conflict = matches!((&g.id, &c.id), (Some(a), Some(b)) if a != b);
                if ids_conflict && by != IdentityKey::Id {
                    reused = Some(gi);
                    continue;
                }
                return Ok((gi, by));
            }
        }
        Err(reused)
    }

    /// The genuine accounts worth scoring a candidate against: near by name or handle in the
    /// indexes, the owners of pictures the candidate's resembles (with that evidence), and the
    /// account whose handle it reuses.
    fn shortlist(
        &self,
        cname: &PreparedName,
        chandle: Option<&(FoldedHandle, String)>,
        cavatar: Option<&AvatarHash>,
        reused: Option<usize>,
    ) -> (Vec<u32>, HashMap<usize, PictureEvidence>) {
        let mut keys = IndexKeys::default();
        keys.names.push(&cname.visual.chars);
        keys.names.push(&cname.reading.chars);
        if let Some((h, _)) = chandle {
            keys.handles.push(&h.squashed);
            keys.handles.push(&h.core);
        }
        let mut shortlist = self.index.shortlist(&keys);
        let mut pictures: HashMap<usize, PictureEvidence> = HashMap::new();
        for m in cavatar.map(|a| self.pictures.matches(a)).unwrap_or_default() {
            for &owner in &self.pictures.all()[m.picture].owners {
                pictures.entry(owner).or_insert(PictureEvidence { m });
                if !shortlist.contains(&(owner as u32)) {
                    shortlist.push(owner as u32);
                }
            }
        }
        if let Some(r) = reused.filter(|r| !shortlist.contains(&(*r as u32))) {
            shortlist.push(r as u32);
        }
        (shortlist, pictures)
    }

    fn handle_evidence(&self, pair: &Pair<'_>, gi: usize, reasons: &mut Vec<Reason>) -> f64 {
        let g = &self.genuine[gi];
        let gplatform = g.platform.unwrap_or(pair.c.platform);
        if pair.reused {
            reasons.push(Reason::HandleReused { genuine: g.label() });
            return t::HANDLE_HOMOGLYPH;
        }
        let (Some((ch, craw)), Some((gh, graw))) = (pair.handle, &self.prepared[gi].handle) else {
            return 0.0;
        };
        let Some((relation, s)) = handles::compare_handles(ch, craw, gh, graw, pair.c.platform == gplatform) else {
            return 0.0;
        };
        reasons.push(Reason::Handle {
            genuine: g.label(),
            platform: gplatform,
            relation,
        });
        s
    }

    fn name_evidence(&self, pair: &Pair<'_>, gi: usize, reasons: &mut Vec<Reason>) -> f64 {
        let p = &self.prepared[gi];
        let Some(n) = text::compare_names(pair.name, &p.names) else {
            return 0.0;
        };
        let variant = &p.names[n.variant];
        let genuine_name = variant.text.clone();
        let candidate_name = || -> String {
            pair.c
                .display_name
                .chars()
                .filter(|ch| !ch.is_control())
                .take(200)
                .collect()
        };
        reasons.push(match &n.relation {
            NameMatch::Identical => Reason::NameIdentical {
                absorbed: absorbed(pair.name, variant, n.view),
                genuine_name,
            },
            NameMatch::Contains => Reason::NameContains {
                genuine_name,
                candidate_name: candidate_name(),
            },
            NameMatch::Rearranged => Reason::NameRearranged {
                genuine_name,
                candidate_name: candidate_name(),
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
        n.strength
    }

    /// Strength of the picture evidence: a copy decides alone, unless the name names another
    /// body and the picture is a template, or only similar.
    fn picture_evidence(&self, pair: &Pair<'_>, gi: usize, reasons: &mut Vec<Reason>) -> f64 {
        let g = &self.genuine[gi];
        let Some(PictureEvidence { m }) = pair.picture else {
            if let (Some(ca), Some(ga)) = (pair.avatar, &g.avatar)
                && (ca.is_plain() || ga.is_plain())
            {
                reasons.push(Reason::AvatarPlain);
            }
            return 0.0;
        };
        let picture = &self.pictures.all()[m.picture];
        let al = m.alignment;
        let similarity = (al.similarity * 100.0).round() / 100.0;
        let other = names_other_body(&pair.name.parts, &self.vocabularies[self.prepared[gi].vocabulary]);
        if let Some(other_body) = other
            && (picture.template || al.similarity < t::AVATAR_OTHER_BODY_SIMILARITY)
        {
            reasons.push(Reason::AvatarOtherBody {
                genuine: g.label(),
                similarity,
                other_body,
                template: picture.template,
            });
            return 0.0;
        }
        let s = ((al.similarity - t::AVATAR_SIMILAR_FLOOR) / (t::AVATAR_COPY_SIMILARITY - t::AVATAR_SIMILAR_FLOOR))
            .clamp(0.0, 1.0)
            * t::AVATAR_COPY;
        if s > 0.0 {
            let (w, h) = al.region.size();
            reasons.push(Reason::Avatar {
                genuine: g.label(),
                similarity,
                mirrored: al.mirrored,
                cropped: w < 0.95 || h < 0.95,
            });
        }
        s
    }

    fn score_pair(&self, pair: &Pair<'_>, gi: usize) -> (f64, Vec<Reason>) {
        let p = &self.prepared[gi];
        let mut reasons = Vec::new();
        let handle_strength = self.handle_evidence(pair, gi, &mut reasons);
        let mut name_strength = self.name_evidence(pair, gi, &mut reasons);
        let picture_strength = self.picture_evidence(pair, gi, &mut reasons);
        // Evidence independent of the name and handle (picture, bio); name and handle are
        // combined with each other below.
        let mut independent: Vec<f64> = vec![picture_strength];

        if let (Some(cb), Some(gb)) = (pair.bio, &p.bio) {
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

        let folded = &pair.name.folded;
        // A disclaimer (非公式, parody, bot) lowers what the name says, never what a lookalike
        // handle or a copied picture says: staff decide those.
        if let Some(Claim::Disclaimer(words)) = folded.claims.iter().find(|c| matches!(c, Claim::Disclaimer(_)))
            && name_strength > 0.0
        {
            name_strength *= t::DISCLAIMER_FACTOR;
            reasons.push(Reason::Disclaimer { words: words.clone() });
        }

        // Handles are usually romanised names, so name and handle evidence are correlated:
        // the weaker one only adds a share of what it would add if independent.
        let (hi, lo) = (name_strength.max(handle_strength), name_strength.min(handle_strength));
        let identity = hi + t::NAME_HANDLE_DEPENDENCE * lo * (1.0 - hi);
        let mut residual: f64 = (1.0 - identity) * independent.iter().map(|s| 1.0 - s).product::<f64>();
        // Claims and tricks in the name strengthen an imitation already seen in the name, the
        // handle or the picture.
        if name_strength.max(handle_strength).max(picture_strength) >= t::MODIFIER_MIN_SIGNAL {
            if let Some(Claim::Official(words)) = folded.claims.iter().find(|c| matches!(c, Claim::Official(_))) {
                residual *= t::CLAIMS_OFFICIAL_FACTOR;
                reasons.push(Reason::ClaimsOfficial { words: words.clone() });
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
        ((1.0 - residual).clamp(0.0, 1.0), reasons)
    }
}

/// One candidate's side of a comparison with a genuine account.
struct Pair<'a> {
    c: &'a Candidate,
    name: &'a PreparedName,
    handle: Option<&'a (FoldedHandle, String)>,
    avatar: Option<&'a AvatarHash>,
    picture: Option<PictureEvidence>,
    bio: Option<&'a HashSet<(char, char)>>,
    reused: bool,
}

/// Whether a name has kanji that look like katakana (八 for ハ, 口 for ロ …).
fn has_kana_like_kanji(s: &str) -> bool {
    s.chars()
        .any(|ch| matches!(ch, '八' | '口' | '力' | '夕' | '工' | '卜' | '二' | '亻'))
}

/// Which differences between two names folding absorbed, for the reason text.
fn absorbed(candidate: &PreparedName, genuine: &PreparedName, view: View) -> Vec<Absorbed> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::new();
    let (c, g) = (&candidate.folded, &genuine.folded);
    let (candidate, genuine) = (candidate.text.as_str(), genuine.text.as_str());
    if c.invisible.iter().any(|ch| !matches!(ch, '\u{FE0F}' | '\u{FE0E}')) {
        out.push(Absorbed::InvisibleCharacters);
    }
    if candidate
        .chars()
        .any(|ch| matches!(ch, '\u{FF01}'..='\u{FF5E}' | '\u{FF66}'..='\u{FF9F}'))
    {
        out.push(Absorbed::CharacterWidth);
    }
    let dashes = |s: &str| {
        s.chars()
            .filter(|ch| matches!(ch, 'ｰ' | '―' | '‐' | '-' | '−' | '－' | '─' | '━' | '–' | '—' | '一'))
            .count()
    };
    if dashes(candidate) != dashes(genuine) {
        out.push(Absorbed::Dashes);
    }
    if view == View::Reading {
        out.push(Absorbed::Kana);
    }
    let nfkc: String = candidate.nfkc().collect();
    if nfkc.chars().any(|ch| crate::normalize::itaiji::fold(ch) != ch) {
        out.push(Absorbed::VariantKanji);
    }
    if c.mixed_script
        || candidate.chars().any(|ch| matches!(ch, '\u{0370}'..='\u{04FF}'))
        || has_kana_like_kanji(candidate) && !has_kana_like_kanji(genuine)
    {
        out.push(Absorbed::LookalikeLetters);
    }
    if c.claims != g.claims {
        out.push(Absorbed::Decorations);
    }
    out
}

#[cfg(test)]
mod tests;
