//! Who lives on the demo platform: the registry's genuine accounts, impostors of some of them
//! (lookalike handles found by permutation, the same handle on another platform, lookalike
//! channel names found by search, channels that copy only the picture under a topical name;
//! avatars copied, re-encoded, mirrored or cropped), and innocent accounts that share a place
//! name, a similar handle, or the national Hello Work logo that the registry's Hello Work
//! offices share, but imitate nobody. Deterministic for a seed.

use super::avatars::Copy;
use crate::discover::permutations::{permutations, valid_handle};
use crate::platform::Platform;
use crate::registry::{GenuineAccount, Registry};
use crate::synthetic::Rng;

/// What an account on the demo platform is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A registry account (its key).
    Genuine(String),
    /// An impostor of a registry account (its key), and how it was made.
    Impostor {
        /// The genuine account imitated.
        target: String,
        /// How.
        technique: &'static str,
    },
    /// An honest account that resembles nothing official (must stay clear).
    Innocent,
    /// An honest person whose handle is one slip from an office's: the handle alone gets it
    /// flagged for a person to look at and dismiss.
    HonestLookalike,
}

/// One account on the demo platform.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// Platform.
    pub platform: Platform,
    /// Handle (`@` kept for LINE basic ids).
    pub handle: Option<String>,
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Bio.
    pub bio: String,
    /// Avatar: emblem seed and copy kind.
    pub avatar: Option<(u64, Copy)>,
    /// Followers.
    pub followers: u64,
    /// What it is.
    pub role: Role,
}

impl DemoAccount {
    /// The avatar's file name on the demo server.
    pub fn avatar_file(&self) -> Option<String> {
        self.avatar.map(|(seed, copy)| {
            let ext = if copy == Copy::Reencoded { "jpg" } else { "png" };
            format!("{seed:x}-{copy:?}.{ext}").to_lowercase()
        })
    }
}

/// The emblem of the national Hello Work logo: the registry's Hello Work offices on X share it,
/// and so do honest offices that are not in the registry.
pub const HELLO_WORK_LOGO: u64 = 0x4E11_0000;

/// Honest Hello Work offices outside the registry, with the national logo.
const OTHER_OFFICES: &[&str] = &[
    "ハローワーク函館チャンネル",
    "ハローワーク旭川【公式】",
    "ハローワーク釧路 求人情報",
];

/// The picture of a genuine account: the national logo for the Hello Work offices on X, else
/// an emblem of its own.
fn logo_of(platform: Platform, name: &str, key: &str) -> u64 {
    let bare = name.trim_start_matches('@');
    if platform == Platform::X && bare.starts_with("ハローワーク") {
        HELLO_WORK_LOGO
    } else {
        stable_seed(key)
    }
}

/// A topical name for a channel that copies only an office's picture: the office's programme
/// and kind of body without its place (新卒応援ハローワーク求人速報 for 札幌新卒応援ハローワーク), so
/// that a search for the office finds it and its name imitates no one.
fn topical_name(name: &str) -> Option<String> {
    const KINDS: &[&str] = &["労働基準監督署", "ハローワーク", "労働局", "市役所", "区役所", "町役場"];
    const PROGRAMMES: &[&str] = &["新卒応援", "わかもの", "マザーズ"];
    let kind = KINDS.iter().find(|k| name.contains(*k))?;
    let programme = PROGRAMMES.iter().find(|p| name.contains(*p)).copied().unwrap_or("");
    Some(format!("{programme}{kind}求人速報"))
}

fn stable_seed(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// A place word of a name: the leading kanji after 「ハローワーク」 and decorations.
fn place_word(name: &str) -> String {
    let mut s = name.to_string();
    for d in ["【公式】", "【高校生支援用】", "@", "ハローワーク", "マザーズ"] {
        s = s.replace(d, "");
    }
    let word: String = s
        .chars()
        .skip_while(|c| !is_kanji(*c))
        .take_while(|c| is_kanji(*c))
        .take(3)
        .collect();
    if word.chars().count() >= 2 {
        word
    } else {
        "北海道".into()
    }
}

fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

const PEOPLE: &[&str] = &[
    "山田花子",
    "佐藤 健",
    "すずき ゆう",
    "たなかの日常",
    "Ken Ito",
    "mika_photo",
    "高橋ゆかり",
    "渡辺拓也",
    "小林さん",
    "Sato Aya",
    "中村 翔",
    "加藤ファーム",
];
const INNOCENT_CHANNELS: &[&str] = &[
    "{place}グルメ探訪",
    "{place}の風景チャンネル",
    "{place}ラーメン日記",
    "{place}少年野球クラブ",
    "{place}の鉄道写真",
    "{place}観光ガイド非公式ファン",
];

/// Numeric ids like a platform's.
fn numeric_id(rng: &mut Rng, digits: usize) -> String {
    let mut s = String::from("1");
    for _ in 1..digits {
        s.push(char::from(b'0' + (rng.next_u64() % 10) as u8));
    }
    s
}

fn channel_id(rng: &mut Rng) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut s = String::from("UC");
    for _ in 0..22 {
        s.push(char::from(A[rng.below(A.len())]));
    }
    s
}

fn id_for(platform: Platform, rng: &mut Rng) -> String {
    match platform {
        Platform::Youtube => channel_id(rng),
        Platform::X => numeric_id(rng, 18),
        _ => numeric_id(rng, 15),
    }
}

/// A LINE basic id (`@123abcde`) derived from the account's key, so that the population's
/// random draws stay as they were.
fn basic_id_for(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let digits = format!("{:03}", h % 1000);
    let letters: String = (0..5)
        .map(|i| char::from(b'a' + ((h >> (10 + 5 * i)) % 26) as u8))
        .collect();
    format!("@{digits}{letters}")
}

/// Lookalike name: the genuine name with one of the tricks impostors use.
fn lookalike_name(name: &str, variant: usize) -> String {
    let core = name.replace("【公式】", "");
    match variant % 4 {
        0 => format!("【公式】{core}"),
        1 => core.replace('ー', "一").replace('ワ', "ヮ"),
        2 => format!("{core}✅"),
        _ => core.replace("ハローワーク", "ﾊﾛｰﾜｰｸ"),
    }
}

/// The demo population for a registry: genuine accounts, impostors and innocents.
pub fn population(registry: &Registry, seed: u64) -> Vec<DemoAccount> {
    let mut rng = Rng::new(seed);
    let mut out: Vec<DemoAccount> = Vec::new();
    let mut taken = std::collections::HashSet::new();
    let mut push = |a: DemoAccount, out: &mut Vec<DemoAccount>| {
        let key = (
            a.platform,
            a.handle.as_deref().map(|h| a.platform.handle_key(h)),
            a.id.clone(),
        );
        if taken.insert((key.0, key.1.clone())) || key.1.is_none() {
            out.push(a);
        }
    };
    let genuine = crate::matching::Genuine::from_registry(registry);
    for (i, (org, acc)) in registry.accounts().enumerate() {
        let key = org.account_key(acc);
        // What a search for this account finds (the scan searches YouTube by these).
        let queries: Vec<Vec<(char, char)>> = crate::discover::queries(&genuine[i])
            .iter()
            .map(|q| super::server::bigrams(q))
            .collect();
        let found_by_search = |name: &str| {
            queries
                .iter()
                .any(|q| super::server::relevance(q, &super::server::bigrams(name)).is_some())
        };
        let logo = logo_of(acc.platform, &acc.display_name, &key);
        let id = acc.id.clone().unwrap_or_else(|| id_for(acc.platform, &mut rng));
        let handle = acc
            .handle
            .clone()
            .or_else(|| (acc.platform == Platform::Youtube).then(|| id.clone()));
        // An account the registry names by a LINE short link alone has a basic id on the
        // platform; the demo's short link redirects to it.
        let short_handle = acc
            .parsed_url
            .as_ref()
            .filter(|p| p.short_link && acc.handle.is_none())
            .map(|_| basic_id_for(&key));
        if acc.handle.is_none() && acc.id.is_none() && short_handle.is_none() {
            // Not addressable (e.g. a misprinted URL): nobody can find it, on the demo either.
            continue;
        }
        push(
            DemoAccount {
                platform: acc.platform,
                handle: acc.handle.clone().or(short_handle),
                id: id.clone(),
                name: acc.display_name.trim_start_matches('@').to_string(),
                bio: format!("{}の公式アカウントです。{}", org.name, acc.department),
                avatar: Some((logo, Copy::Exact)),
                followers: 1_000 + rng.below(20_000) as u64,
                role: Role::Genuine(key.clone()),
            },
            &mut out,
        );
        let bare = handle.as_deref().unwrap_or("").trim_start_matches('@').to_string();
        let place = place_word(&acc.display_name);
        let beside = Beside {
            account: acc,
            org_name: &org.name,
            key: &key,
            logo,
            bare: &bare,
        };
        if let Some(a) = impostor_of(i, &beside, found_by_search, &mut rng) {
            push(a, &mut out);
        }
        for a in innocents_of(i, &beside, &place, &mut rng) {
            push(a, &mut out);
        }
    }
    for a in other_offices(registry, &mut rng) {
        push(a, &mut out);
    }
    out
}

/// The impostor the demo sets beside the `i`th genuine account, one technique per account in
/// turn: a lookalike handle, the same handle on another platform, a lookalike channel name, or
/// a copied picture under a topical name that a search for the office finds.
fn impostor_of(i: usize, g: &Beside<'_>, found_by_search: impl Fn(&str) -> bool, rng: &mut Rng) -> Option<DemoAccount> {
    let acc = g.account;
    let impostor = |platform, handle, id, name, bio: &str, copy, followers, technique| DemoAccount {
        platform,
        handle,
        id,
        name,
        bio: bio.into(),
        avatar: Some((g.logo, copy)),
        followers,
        role: Role::Impostor {
            target: g.key.to_string(),
            technique,
        },
    };
    match i % 4 {
        // A lookalike handle on the same platform, found by probing permutations.
        0 if acc.handle.is_some() => {
            let perms = permutations(acc.platform, g.bare);
            if perms.is_empty() {
                return None;
            }
            let p = &perms[rng.below(perms.len().min(8))];
            let handle = if acc.platform == Platform::Line {
                format!("@{}", p.handle)
            } else {
                p.handle.clone()
            };
            let id = id_for(acc.platform, rng);
            Some(impostor(
                acc.platform,
                Some(handle),
                id,
                lookalike_name(&acc.display_name, i / 4),
                "公式アカウントです。お問い合わせはDMで。",
                Copy::Reencoded,
                rng.below(300) as u64,
                "lookalike handle",
            ))
        }
        // The same handle on another platform, where the body has no account.
        1 if acc.handle.is_some() => {
            let p = [Platform::Instagram, Platform::X]
                .into_iter()
                .find(|p| *p != acc.platform && valid_handle(*p, g.bare))?;
            let id = id_for(p, rng);
            Some(impostor(
                p,
                Some(g.bare.to_string()),
                id,
                acc.display_name.trim_start_matches('@').to_string(),
                &format!("{}の公式アカウントです。", g.org_name),
                Copy::Exact,
                rng.below(300) as u64,
                "same handle on another platform",
            ))
        }
        // A lookalike channel, found by searching the name.
        2 => {
            let id = id_for(Platform::Youtube, rng);
            Some(impostor(
                Platform::Youtube,
                None,
                id,
                lookalike_name(&acc.display_name, i / 4 + 1),
                "求人情報を配信しています。",
                if i % 8 == 2 { Copy::Mirrored } else { Copy::Cropped },
                rng.below(300) as u64,
                "lookalike channel name",
            ))
        }
        // Only the picture (the national logo is left out: it is not one office's).
        3 if g.logo != HELLO_WORK_LOGO => {
            let name = topical_name(&acc.display_name).filter(|n| found_by_search(n))?;
            let copy = [Copy::Exact, Copy::Reencoded, Copy::Mirrored, Copy::Cropped][(i / 4) % 4];
            let id = id_for(Platform::Youtube, rng);
            Some(impostor(
                Platform::Youtube,
                None,
                id,
                name,
                "最新の求人情報をお届けします。",
                copy,
                rng.below(300) as u64,
                "copied picture",
            ))
        }
        _ => None,
    }
}

/// A genuine account as the demo sets others beside it.
struct Beside<'a> {
    account: &'a GenuineAccount,
    org_name: &'a str,
    key: &'a str,
    logo: u64,
    /// Its handle (or a YouTube channel's id) without `@`.
    bare: &'a str,
}

/// Honest accounts beside the `i`th genuine account: a channel about the same place, and on X
/// a person whose handle resembles the office's by chance.
fn innocents_of(i: usize, g: &Beside<'_>, place: &str, rng: &mut Rng) -> Vec<DemoAccount> {
    let mut out = Vec::new();
    let channel = INNOCENT_CHANNELS[rng.below(INNOCENT_CHANNELS.len())].replace("{place}", place);
    out.push(DemoAccount {
        platform: Platform::Youtube,
        handle: None,
        id: id_for(Platform::Youtube, rng),
        name: channel,
        bio: format!("{place}が好きな個人のチャンネルです。"),
        avatar: Some((stable_seed(&format!("innocent-ch-{i}")), Copy::Exact)),
        followers: rng.below(5_000) as u64,
        role: Role::Innocent,
    });
    let platform = g.account.platform;
    if let Some(p) = permutations(platform, g.bare)
        .into_iter()
        .filter(|p| platform == Platform::X && valid_handle(Platform::X, &p.handle))
        .nth(20 + rng.below(20))
    {
        out.push(DemoAccount {
            platform: Platform::X,
            handle: Some(p.handle),
            id: id_for(Platform::X, rng),
            name: PEOPLE[rng.below(PEOPLE.len())].to_string(),
            bio: "日々のこと。写真とごはん。".into(),
            avatar: Some((stable_seed(&format!("innocent-x-{i}")), Copy::Exact)),
            followers: rng.below(2_000) as u64,
            role: Role::HonestLookalike,
        });
    }
    out
}

/// Honest Hello Work offices that are not in the registry: they use the national logo under
/// their own names, so the logo is a template and they must stay clear.
fn other_offices(registry: &Registry, rng: &mut Rng) -> Vec<DemoAccount> {
    let registry_names: Vec<&str> = registry.accounts().map(|(_, a)| a.display_name.as_str()).collect();
    let mut out = Vec::new();
    for (k, name) in OTHER_OFFICES.iter().enumerate() {
        // Only offices the registry does not hold (a synthetic registry may hold any).
        let place: String = name.trim_start_matches("ハローワーク").chars().take(2).collect();
        if registry_names.iter().any(|n| n.contains(&place)) {
            continue;
        }
        out.push(DemoAccount {
            platform: Platform::Youtube,
            handle: None,
            id: id_for(Platform::Youtube, rng),
            name: (*name).to_string(),
            bio: "ハローワークの求人・セミナー情報".into(),
            avatar: Some((HELLO_WORK_LOGO, if k % 2 == 0 { Copy::Exact } else { Copy::Reencoded })),
            followers: 500 + rng.below(3_000) as u64,
            role: Role::Innocent,
        });
    }
    out
}

/// Topics of honest channels named after a place and a service (a parent's diary about a
/// city's childcare, a walker's videos of a town).
const TOPICS: &[&str] = &["Diary", "Vlog", "Walks", "Photos", "Kitchen", "Notes", "Radio"];

/// [`population`] grown to `total` accounts with the crowd a real platform has around
/// official accounts, all of it reachable by the scan's searches and probes: channels named
/// after the same place and service in romaji (found by searching the handle; innocent), and
/// people whose X or Instagram handle is a permutation of an office's (found by probing; the
/// handle alone gets them flagged, as [`Role::HonestLookalike`]). For the scan benchmark.
pub fn crowd(registry: &Registry, seed: u64, total: usize) -> Vec<DemoAccount> {
    let mut out = population(registry, seed);
    let mut rng = Rng::new(seed ^ 0x5eed);
    let mut taken: std::collections::HashSet<(Platform, String)> = out
        .iter()
        .filter_map(|a| Some((a.platform, a.platform.handle_key(a.handle.as_deref()?))))
        .collect();
    let accounts: Vec<_> = registry
        .accounts()
        .filter_map(|(_, a)| Some(a.handle.as_deref()?.trim_start_matches('@').to_string()))
        .filter(|h| !h.is_empty())
        .collect();
    if accounts.is_empty() {
        return out;
    }
    let mut round = 0usize;
    while out.len() < total {
        for (i, bare) in accounts.iter().enumerate() {
            if out.len() >= total {
                break;
            }
            let n = out.len();
            let kind = (round + i) % 6;
            let lookalike = match kind {
                1 => Some((Platform::X, 40 + round * 7 + rng.below(7))),
                4 => Some((Platform::Instagram, 10 + round % 15)),
                _ => None,
            };
            let account = match lookalike {
                Some((platform, nth)) => {
                    let Some(p) = permutations(platform, bare).into_iter().skip(nth).find(|p| {
                        valid_handle(platform, &p.handle)
                            && !taken.contains(&(platform, platform.handle_key(&p.handle)))
                    }) else {
                        continue;
                    };
                    taken.insert((platform, platform.handle_key(&p.handle)));
                    DemoAccount {
                        platform,
                        handle: Some(p.handle),
                        id: id_for(platform, &mut rng),
                        name: PEOPLE[rng.below(PEOPLE.len())].to_string(),
                        bio: "日々のこと。写真とごはん。".into(),
                        avatar: Some((stable_seed(&format!("crowd-{n}")), Copy::Exact)),
                        followers: rng.below(2_000) as u64,
                        role: Role::HonestLookalike,
                    }
                }
                None => {
                    let words: Vec<String> = bare
                        .split(['_', '.'])
                        .filter(|w| w.len() > 2)
                        .map(|w| {
                            let mut c = w.chars();
                            c.next()
                                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                                .unwrap_or_default()
                        })
                        .collect();
                    DemoAccount {
                        platform: Platform::Youtube,
                        handle: None,
                        id: id_for(Platform::Youtube, &mut rng),
                        name: format!("{} {}", words.join(" "), TOPICS[rng.below(TOPICS.len())]),
                        bio: "個人のチャンネルです。".into(),
                        avatar: Some((stable_seed(&format!("crowd-{n}")), Copy::Exact)),
                        followers: rng.below(5_000) as u64,
                        role: Role::Innocent,
                    }
                }
            };
            out.push(account);
        }
        round += 1;
        if round > 10_000 {
            break; // nothing more to add (a tiny registry)
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_is_deterministic_and_mixed() {
        let r = Registry::embedded().expect("embedded registry");
        let a = population(&r, 7);
        let b = population(&r, 7);
        assert_eq!(a.len(), b.len());
        assert!(a.iter().zip(&b).all(|(x, y)| x.name == y.name && x.handle == y.handle));
        let impostors = a.iter().filter(|x| matches!(x.role, Role::Impostor { .. })).count();
        let innocents = a.iter().filter(|x| x.role == Role::Innocent).count();
        assert!(impostors >= 15, "{impostors}");
        assert!(innocents >= 25, "{innocents}");
        assert!(a.iter().any(|x| x.role == Role::HonestLookalike));
        assert!(a.iter().any(|x| matches!(
            x.role,
            Role::Impostor {
                technique: "copied picture",
                ..
            }
        )));
        let template = a.iter().filter(|x| x.avatar.is_some_and(|(s, _)| s == HELLO_WORK_LOGO));
        assert!(template.filter(|x| x.role == Role::Innocent).count() >= 3);
        assert_eq!(place_word("ハローワーク帯広(帯広公共職業安定所)【公式】"), "帯広");
    }

    #[test]
    fn crowd_reaches_its_size_without_duplicate_handles() {
        let r = Registry::from_sources("synthetic", crate::synthetic::registry_files(200, 5)).expect("registry");
        let c = crowd(&r, 5, 2_000);
        assert_eq!(c.len(), 2_000);
        let keys: Vec<_> = c
            .iter()
            .filter_map(|a| Some((a.platform, a.platform.handle_key(a.handle.as_deref()?))))
            .collect();
        let distinct: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
    }
}
