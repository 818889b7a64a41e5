//! Synthetic registries for benchmarks, scale tests and the demo: thousands of plausible
//! public-body accounts (Hello Work offices, city halls, labour bureaus and their sections),
//! generated deterministically from a seed. Never used to judge real accounts.

use crate::matching::Genuine;
use crate::platform::Platform;

/// Place names with their romanisation, from all over Japan.
pub const PLACES: &[(&str, &str)] = &[
    ("函館", "hakodate"),
    ("旭川", "asahikawa"),
    ("釧路", "kushiro"),
    ("北見", "kitami"),
    ("室蘭", "muroran"),
    ("苫小牧", "tomakomai"),
    ("岩見沢", "iwamizawa"),
    ("稚内", "wakkanai"),
    ("網走", "abashiri"),
    ("小樽", "otaru"),
    ("青森", "aomori"),
    ("八戸", "hachinohe"),
    ("弘前", "hirosaki"),
    ("盛岡", "morioka"),
    ("仙台", "sendai"),
    ("石巻", "ishinomaki"),
    ("秋田", "akita"),
    ("山形", "yamagata"),
    ("福島", "fukushima"),
    ("郡山", "koriyama"),
    ("いわき", "iwaki"),
    ("水戸", "mito"),
    ("日立", "hitachi"),
    ("宇都宮", "utsunomiya"),
    ("前橋", "maebashi"),
    ("高崎", "takasaki"),
    ("さいたま", "saitama"),
    ("川越", "kawagoe"),
    ("千葉", "chiba"),
    ("船橋", "funabashi"),
    ("新宿", "shinjuku"),
    ("渋谷", "shibuya"),
    ("品川", "shinagawa"),
    ("池袋", "ikebukuro"),
    ("八王子", "hachioji"),
    ("横浜", "yokohama"),
    ("川崎", "kawasaki"),
    ("相模原", "sagamihara"),
    ("新潟", "niigata"),
    ("長岡", "nagaoka"),
    ("富山", "toyama"),
    ("高岡", "takaoka"),
    ("金沢", "kanazawa"),
    ("七尾", "nanao"),
    ("福井", "fukui"),
    ("甲府", "kofu"),
    ("長野", "nagano"),
    ("松本", "matsumoto"),
    ("岐阜", "gifu"),
    ("大垣", "ogaki"),
    ("静岡", "shizuoka"),
    ("浜松", "hamamatsu"),
    ("沼津", "numazu"),
    ("名古屋", "nagoya"),
    ("豊橋", "toyohashi"),
    ("岡崎", "okazaki"),
    ("津", "tsu"),
    ("四日市", "yokkaichi"),
    ("大津", "otsu"),
    ("京都", "kyoto"),
    ("舞鶴", "maizuru"),
    ("大阪", "osaka"),
    ("堺", "sakai"),
    ("梅田", "umeda"),
    ("神戸", "kobe"),
    ("姫路", "himeji"),
    ("奈良", "nara"),
    ("和歌山", "wakayama"),
    ("田辺", "tanabe"),
    ("鳥取", "tottori"),
    ("米子", "yonago"),
    ("松江", "matsue"),
    ("出雲", "izumo"),
    ("岡山", "okayama"),
    ("倉敷", "kurashiki"),
    ("広島", "hiroshima"),
    ("福山", "fukuyama"),
    ("三次", "miyoshi"),
    ("山口", "yamaguchi"),
    ("下関", "shimonoseki"),
    ("徳島", "tokushima"),
    ("高松", "takamatsu"),
    ("松山", "matsuyama"),
    ("高知", "kochi"),
    ("福岡", "fukuoka"),
    ("北九州", "kitakyushu"),
    ("久留米", "kurume"),
    ("佐賀", "saga"),
    ("長崎", "nagasaki"),
    ("佐世保", "sasebo"),
    ("諫早", "isahaya"),
    ("熊本", "kumamoto"),
    ("大分", "oita"),
    ("別府", "beppu"),
    ("宮崎", "miyazaki"),
    ("都城", "miyakonojo"),
    ("延岡", "nobeoka"),
    ("那覇", "naha"),
    ("沖縄", "okinawa"),
    ("名護", "nago"),
];

/// Account kinds: (display name template, handle template); `{p}` is the place, `{r}` its romaji.
const KINDS: &[(&str, &str)] = &[
    ("ハローワーク{p}【公式】", "hw_{r}"),
    ("{p}市役所", "{r}_city"),
    ("{p}労働基準監督署", "{r}_roukisho"),
    ("マザーズハローワーク{p}", "{r}_mothershw"),
    ("{p}新卒応援ハローワーク", "{r}_shinsotsu"),
    ("{p}わかものハローワーク", "{r}_wakamono"),
    ("{p}市 広報", "{r}_koho"),
    ("{p}市 防災情報", "{r}_bousai"),
    ("{p}市 子育て支援", "{r}_kosodate"),
    ("{p}観光協会", "{r}_kanko"),
];

/// Sections that multiply each kind into many accounts.
const SECTIONS: &[(&str, &str)] = &[
    ("", ""),
    ("総務課", "soumu"),
    ("企画課", "kikaku"),
    ("経済課", "keizai"),
    ("福祉課", "fukushi"),
    ("教育委員会", "kyoiku"),
    ("環境課", "kankyo"),
    ("税務課", "zeimu"),
    ("農政課", "nosei"),
    ("国際課", "kokusai"),
    ("商工課", "shoko"),
    ("保健所", "hokenjo"),
];

/// A small deterministic generator (SplitMix64), so figures are repeatable.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// [`registry`] with a distinct drawn emblem (the demo platform's) fingerprinted as each
/// account's avatar: for benchmarks of picture matching at scale.
pub fn registry_with_avatars(n: usize, seed: u64) -> Vec<Genuine> {
    let mut out = registry(n, seed);
    for (i, g) in out.iter_mut().enumerate() {
        let picture = image::DynamicImage::ImageRgb8(crate::demo::avatars::emblem(seed ^ (i as u64 + 1)));
        g.avatar = Some(crate::matching::avatar::fingerprint(&picture));
    }
    out
}

/// `n` distinct genuine accounts across platforms (names and handles; no avatars).
pub fn registry(n: usize, seed: u64) -> Vec<Genuine> {
    let mut rng = Rng::new(seed);
    let platforms = [Platform::X, Platform::Instagram, Platform::Facebook, Platform::Youtube];
    let mut out = Vec::with_capacity(n);
    'outer: for (si, (section, section_r)) in SECTIONS.iter().enumerate() {
        for (kind, handle_t) in KINDS {
            for (place, romaji) in PLACES {
                if out.len() == n {
                    break 'outer;
                }
                let mut name = kind.replace("{p}", place);
                let mut handle = handle_t.replace("{r}", romaji);
                if si > 0 {
                    name = format!("{name} {section}");
                    handle = format!("{handle}_{section_r}");
                }
                let platform = platforms[rng.below(platforms.len())];
                out.push(Genuine {
                    platform: Some(platform),
                    handle: Some(handle),
                    id: None,
                    url: None,
                    display_name: name,
                    aliases: Vec::new(),
                    bio: None,
                    avatar: None,
                    org_id: Some(format!("synthetic-{}", out.len() % 97)),
                    department: None,
                });
            }
        }
    }
    // Beyond the templates' product, number the accounts.
    let mut i = 0;
    while out.len() < n {
        let (place, romaji) = PLACES[rng.below(PLACES.len())];
        out.push(Genuine {
            platform: Some(Platform::X),
            handle: Some(format!("{romaji}_office{i}")),
            display_name: format!("{place}第{i}事務所"),
            ..Default::default()
        });
        i += 1;
    }
    out
}

/// A synthetic registry of `n` accounts as registry files (file name, TOML text): the accounts
/// of [`registry`] grouped into organisations of about ten, each with a procedure, with handles
/// made valid for the platform they are on (X's 15 characters, Facebook's dots), for scale
/// tests and the scan benchmark.
pub fn registry_files(n: usize, seed: u64) -> Vec<(String, String)> {
    use std::fmt::Write as _;
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut orgs: Vec<(String, Vec<Genuine>)> = Vec::new();
    for (i, g) in registry(n, seed).into_iter().enumerate() {
        let org = i / 10;
        if orgs.len() <= org {
            orgs.push((format!("synthetic-{org:04}"), Vec::new()));
        }
        orgs[org].1.push(g);
    }
    orgs.into_iter()
        .map(|(id, accounts)| {
            let place = accounts
                .first()
                .map(|g| g.display_name.chars().take(4).collect::<String>())
                .unwrap_or_default();
            let mut text = format!(
                "id = {id}\nname = {name}\nkind = \"municipality\"\nhomepage = {home}\n\
                 policy = \"合成データ\"\nadministrator = \"総務課\"\n\n[procedure]\n\
                 report_to = \"総務課\"\nsteps = [\"internal_report\", \"platform_takedown\", \"homepage_notice\"]\n\
                 contact = {contact}\nwriting_style = \"desumasu\"\n",
                id = q(&id),
                name = q(&format!("合成団体{place}{}", &id[10..])),
                home = q(&format!("https://{id}.example.lg.jp/")),
                contact = q(&format!("合成団体 総務課 ({id})")),
            );
            for g in accounts {
                let mut platform = g.platform.unwrap_or(Platform::X);
                let mut handle = g.handle.unwrap_or_default();
                if platform == Platform::X && handle.chars().count() > 15 {
                    platform = Platform::Instagram;
                }
                if platform == Platform::Facebook {
                    handle = handle.replace('_', ".");
                }
                let url = match platform {
                    Platform::X => format!("https://x.com/{handle}"),
                    Platform::Instagram => format!("https://www.instagram.com/{handle}/"),
                    Platform::Facebook => format!("https://www.facebook.com/{handle}"),
                    _ => format!("https://www.youtube.com/@{handle}"),
                };
                let _ = write!(
                    text,
                    "\n[[accounts]]\nplatform = {p}\nurl = {u}\nhandle = {h}\ndisplay_name = {d}\ndepartment = \"総務課\"\n",
                    p = q(platform.as_str()),
                    u = q(&url),
                    h = q(&handle),
                    d = q(&g.display_name),
                );
            }
            (format!("{id}.toml"), text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn registry_files_load_as_a_registry() {
        let files = super::registry_files(250, 3);
        assert_eq!(files.len(), 25);
        let r = crate::registry::Registry::from_sources("synthetic", files).expect("loads");
        assert_eq!(r.accounts().count(), 250);
        let serious: Vec<_> = crate::registry::check::check(&r)
            .into_iter()
            .filter(|f| f.severity == crate::registry::check::Severity::Error)
            .collect();
        assert!(serious.is_empty(), "{serious:?}");
    }

    #[test]
    fn registry_is_deterministic_and_distinct() {
        let a = super::registry(2_000, 7);
        let b = super::registry(2_000, 7);
        assert_eq!(a.len(), 2_000);
        assert_eq!(
            a.iter().map(|g| &g.handle).collect::<Vec<_>>(),
            b.iter().map(|g| &g.handle).collect::<Vec<_>>()
        );
        let mut handles: Vec<_> = a.iter().filter_map(|g| g.handle.as_deref()).collect();
        handles.sort_unstable();
        handles.dedup();
        assert_eq!(handles.len(), 2_000);
    }
}
