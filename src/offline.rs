//! The offline `match` job (`../shared/profile-format.md`): reads profile records from JSON
//! Lines files, fingerprints local avatars, runs the matcher and writes one verdict line per
//! candidate, in input order.
//!
//! Owns file reading for `match`: capped line reads (a 10 MB line costs 1 MiB of memory and
//! an `error` line), avatar files (regular files only, size-capped, decoded with limits), and
//! the output format. A bad line never stops the run.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::matching::{AvatarEvidence, AvatarLimits, Candidate, Genuine, Judgement, Matcher, Verdict, hash_avatar};
use crate::platform::Platform;
use crate::profile::ProfileRecord;

/// Longest line read from a profile file. Real records are under 10 kB.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Why the job could not run at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    /// An input file could not be opened or read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// Output could not be written.
    #[error("cannot write output: {0}")]
    Write(#[from] io::Error),
}

/// Counts of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MatchSummary {
    /// Candidate lines read (blank lines excluded).
    pub lines: usize,
    /// Lines judged `genuine`.
    pub genuine: usize,
    /// Lines judged `suspect`.
    pub suspect: usize,
    /// Lines judged `clear`.
    pub clear: usize,
    /// Lines that could not be read.
    pub errors: usize,
}

/// One line of a profile file: the record, or why it is not one.
#[derive(Debug)]
pub struct ReadLine {
    /// 1-based physical line number.
    pub line: usize,
    /// The record or the error message.
    pub record: Result<ProfileRecord, String>,
}

/// Reads profile records from a JSONL file: one entry per non-blank line, errors included.
pub fn read_profiles(path: &Path) -> Result<Vec<ReadLine>, MatchError> {
    let file = File::open(path).map_err(|source| MatchError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader = BufReader::new(file);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        let read = read_line_capped(&mut reader, &mut buf, MAX_LINE_BYTES).map_err(|source| MatchError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let Some(total) = read else { break };
        line += 1;
        if total > MAX_LINE_BYTES {
            out.push(ReadLine {
                line,
                record: Err(format!(
                    "line {line}: line is {total} bytes long; the limit is {MAX_LINE_BYTES} bytes"
                )),
            });
            continue;
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let record = ProfileRecord::from_json_line(trim_ascii(&buf)).map_err(|e| format!("line {line}: {e}"));
        out.push(ReadLine { line, record });
    }
    Ok(out)
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    b.trim_ascii()
}

/// Reads one line into `buf`, keeping at most `cap` bytes; returns the line's full length, or
/// `None` at end of file. An over-long line is consumed to its end, not split.
fn read_line_capped<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, cap: usize) -> io::Result<Option<usize>> {
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        total += chunk.len();
        if total <= cap {
            buf.extend_from_slice(chunk);
        }
        let used = done.unwrap_or(available.len());
        r.consume(used);
        if done.is_some() {
            return Ok(Some(total));
        }
    }
}

/// Fetches an avatar URL and fingerprints it (the crawler's client, supplied by the caller).
pub type UrlFetch<'a> = Box<dyn FnMut(&str) -> Result<crate::matching::AvatarHash, String> + 'a>;

/// Fingerprints avatars named in profile files, each file or URL once per run.
pub struct AvatarLoader<'a> {
    limits: AvatarLimits,
    cache: HashMap<PathBuf, Result<crate::matching::AvatarHash, String>>,
    url_fetch: Option<UrlFetch<'a>>,
    url_cache: HashMap<String, Result<crate::matching::AvatarHash, String>>,
}

impl<'a> AvatarLoader<'a> {
    /// A loader with the given limits that judges URL avatars without the picture.
    pub fn new(limits: AvatarLimits) -> AvatarLoader<'a> {
        AvatarLoader {
            limits,
            cache: HashMap::new(),
            url_fetch: None,
            url_cache: HashMap::new(),
        }
    }

    /// A loader that fetches URL avatars with `fetch`.
    pub fn with_url_fetch(limits: AvatarLimits, fetch: UrlFetch<'a>) -> AvatarLoader<'a> {
        AvatarLoader {
            url_fetch: Some(fetch),
            ..AvatarLoader::new(limits)
        }
    }

    /// Fingerprints the local avatar files that `records` of a file in `base` name, on every
    /// core: decoding is most of the work of a run, and each file is decoded once. URLs are
    /// left to [`AvatarLoader::evidence`], which fetches them one at a time.
    pub fn preload<'r>(&mut self, records: impl Iterator<Item = &'r ProfileRecord>, base: &Path) {
        let mut paths: Vec<PathBuf> = records
            .filter_map(|r| r.avatar.as_deref().map(str::trim).filter(|a| !a.is_empty()))
            .filter(|a| {
                let lower = a.to_ascii_lowercase();
                !lower.starts_with("http://") && !lower.starts_with("https://")
            })
            .map(|a| base.join(a))
            .filter(|p| !self.cache.contains_key(p))
            .collect();
        paths.sort();
        paths.dedup();
        let limits = self.limits;
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(paths.len().max(1));
        let results: Vec<(PathBuf, Result<crate::matching::AvatarHash, String>)> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..workers)
                .map(|w| {
                    let mine: Vec<PathBuf> = paths.iter().skip(w).step_by(workers).cloned().collect();
                    s.spawn(move || {
                        mine.into_iter()
                            .map(|p| {
                                let h = load_avatar(&p, &limits);
                                (p, h)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        self.cache.extend(results);
    }

    /// Evidence for the `avatar` field of a record in a file in `base`.
    pub fn evidence(&mut self, avatar: Option<&str>, base: &Path) -> AvatarEvidence {
        let Some(a) = avatar.map(str::trim).filter(|a| !a.is_empty()) else {
            return AvatarEvidence::None;
        };
        let lower = a.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let Some(fetch) = self.url_fetch.as_mut() else {
                return AvatarEvidence::Unavailable(format!("avatar URL {a} not fetched (offline run)"));
            };
            let result = match self.url_cache.get(a) {
                Some(r) => r.clone(),
                None => {
                    let r = fetch(a);
                    self.url_cache.insert(a.to_string(), r.clone());
                    r
                }
            };
            return match result {
                Ok(h) => AvatarEvidence::Hash(h),
                Err(why) => AvatarEvidence::Unavailable(why),
            };
        }
        let path = base.join(a);
        let limits = self.limits;
        let result = self
            .cache
            .entry(path.clone())
            .or_insert_with(|| load_avatar(&path, &limits))
            .clone();
        match result {
            Ok(h) => AvatarEvidence::Hash(h),
            Err(why) => AvatarEvidence::Unavailable(why),
        }
    }
}

fn load_avatar(path: &Path, limits: &AvatarLimits) -> Result<crate::matching::AvatarHash, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("avatar {} cannot be read: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("avatar {} is not a regular file", path.display()));
    }
    if meta.len() > limits.max_bytes as u64 {
        return Err(format!(
            "avatar {} is {} bytes; the limit is {} bytes",
            path.display(),
            meta.len(),
            limits.max_bytes
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    File::open(path)
        .and_then(|f| f.take(limits.max_bytes as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("avatar {} cannot be read: {e}", path.display()))?;
    hash_avatar(&bytes, limits).map_err(|e| format!("{} ({})", e, path.display()))
}

/// Turns a record into a candidate, fingerprinting its avatar.
pub fn candidate_from_record(r: &ProfileRecord, avatar: AvatarEvidence) -> Candidate {
    Candidate {
        platform: r.platform,
        handle: r.handle().map(str::to_string),
        id: r.id.clone().filter(|i| !i.trim().is_empty()),
        url: r.url.clone(),
        display_name: r.display_name.clone(),
        bio: r.bio.clone(),
        avatar,
    }
}

/// Reads a `--genuine` file into genuine accounts; unreadable lines are returned as warnings.
pub fn load_genuine_file(
    path: &Path,
    loader: &mut AvatarLoader<'_>,
) -> Result<(Vec<Genuine>, Vec<String>), MatchError> {
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut genuine = Vec::new();
    let mut warnings = Vec::new();
    let lines = read_profiles(path)?;
    loader.preload(lines.iter().filter_map(|l| l.record.as_ref().ok()), &base);
    for l in lines {
        match l.record {
            Ok(r) => {
                let avatar = match loader.evidence(r.avatar.as_deref(), &base) {
                    AvatarEvidence::Hash(h) => Some(h),
                    AvatarEvidence::Unavailable(why) => {
                        warnings.push(format!("{}: line {}: {why}", path.display(), l.line));
                        None
                    }
                    AvatarEvidence::None => None,
                };
                genuine.push(Genuine {
                    platform: Some(r.platform),
                    handle: r.handle().map(str::to_string),
                    id: r.id.clone(),
                    url: r.url.clone(),
                    display_name: r.display_name.clone(),
                    aliases: Vec::new(),
                    bio: r.bio.clone(),
                    avatar,
                    org_id: None,
                    department: None,
                });
            }
            Err(e) => warnings.push(format!("{}: {e}", path.display())),
        }
    }
    Ok((genuine, warnings))
}

/// The genuine account a verdict names, as written in the output.
#[derive(Debug, Serialize)]
pub struct TargetOut<'a> {
    /// Platform.
    pub platform: Option<Platform>,
    /// Handle.
    pub handle: Option<&'a str>,
    /// Display name.
    pub display_name: &'a str,
    /// Stable id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// Organisation id (registry runs only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<&'a str>,
}

/// One output line of `match`, exactly as profile-format.md describes it.
#[derive(Debug, Serialize)]
pub struct OutputLine<'a> {
    /// 0-based position among the candidate records.
    pub index: usize,
    /// The candidate's platform (null for unreadable lines).
    pub platform: Option<Platform>,
    /// The candidate's handle.
    pub handle: Option<&'a str>,
    /// `genuine`, `suspect`, `clear` or `error`.
    pub verdict: &'static str,
    /// Score in [0, 1].
    pub score: f64,
    /// The genuine account matched or imitated.
    pub target: Option<TargetOut<'a>>,
    /// The evidence in words.
    pub reasons: Vec<String>,
    /// Why the line could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The candidate's display name (not serialised; for human-readable output).
    #[serde(skip)]
    pub display_name: Option<&'a str>,
}

fn verdict_str(v: Verdict) -> &'static str {
    match v {
        Verdict::Genuine => "genuine",
        Verdict::Suspect => "suspect",
        Verdict::Clear => "clear",
    }
}

/// Judges every candidate of a file and writes one JSON line each to `out`.
pub fn run_match<W: Write>(
    candidates: &Path,
    matcher: &Matcher,
    loader: &mut AvatarLoader<'_>,
    mut out: W,
) -> Result<MatchSummary, MatchError> {
    let summary = judge_file(candidates, matcher, loader, |line| line.write(&mut out))?;
    out.flush()?;
    Ok(summary)
}

/// Judges every candidate of a file, handing each output line to `emit` in input order.
pub fn judge_file(
    candidates: &Path,
    matcher: &Matcher,
    loader: &mut AvatarLoader<'_>,
    mut emit: impl FnMut(&OutputLine<'_>) -> Result<(), MatchError>,
) -> Result<MatchSummary, MatchError> {
    let base = candidates.parent().map(Path::to_path_buf).unwrap_or_default();
    let lines = read_profiles(candidates)?;
    loader.preload(lines.iter().filter_map(|l| l.record.as_ref().ok()), &base);
    // Evidence in input order (URL avatars are fetched here, one at a time), then judgements on
    // every core, then output in input order.
    let candidates: Vec<Option<Candidate>> = lines
        .iter()
        .map(|l| {
            l.record
                .as_ref()
                .ok()
                .map(|r| candidate_from_record(r, loader.evidence(r.avatar.as_deref(), &base)))
        })
        .collect();
    let judgements = judge_all(matcher, &candidates);
    let mut summary = MatchSummary::default();
    for (index, (l, j)) in lines.into_iter().zip(judgements).enumerate() {
        summary.lines += 1;
        let (line, j) = match (l.record, j) {
            (Ok(r), Some(j)) => (r, j),
            (Err(error), _) => {
                summary.errors += 1;
                emit(&OutputLine {
                    index,
                    platform: None,
                    handle: None,
                    verdict: "error",
                    score: 0.0,
                    target: None,
                    reasons: Vec::new(),
                    error: Some(error),
                    display_name: None,
                })?;
                continue;
            }
            (Ok(_), None) => continue,
        };
        match j.verdict {
            Verdict::Genuine => summary.genuine += 1,
            Verdict::Suspect => summary.suspect += 1,
            Verdict::Clear => summary.clear += 1,
        }
        let target = j.target.map(|t| &matcher.genuine()[t]).map(|g| TargetOut {
            platform: g.platform,
            handle: g.handle.as_deref(),
            display_name: &g.display_name,
            id: g.id.as_deref(),
            url: g.url.as_deref(),
            organisation: g.org_id.as_deref(),
        });
        emit(&OutputLine {
            index,
            platform: Some(line.platform),
            handle: line.handle(),
            verdict: verdict_str(j.verdict),
            score: (j.score * 1000.0).round() / 1000.0,
            target,
            reasons: j.reasons.iter().map(ToString::to_string).collect(),
            error: None,
            display_name: Some(&line.display_name),
        })?;
    }
    Ok(summary)
}

/// Judges candidates on every core; `None` stays `None`.
fn judge_all(matcher: &Matcher, candidates: &[Option<Candidate>]) -> Vec<Option<Judgement>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(candidates.len().max(1));
    // Interleaved, so that a run of heavy lines (pictures) is shared out.
    let mut out: Vec<Option<Judgement>> = (0..candidates.len()).map(|_| None).collect();
    let parts: Vec<Vec<(usize, Judgement)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                s.spawn(move || {
                    candidates
                        .iter()
                        .enumerate()
                        .skip(w)
                        .step_by(workers)
                        .filter_map(|(i, c)| Some((i, matcher.judge(c.as_ref()?))))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (i, j) in parts.into_iter().flatten() {
        out[i] = Some(j);
    }
    out
}

impl OutputLine<'_> {
    /// Writes the line as one JSON object and a newline.
    pub fn write<W: Write>(&self, out: &mut W) -> Result<(), MatchError> {
        serde_json::to_writer(&mut *out, self).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reader_consumes_long_lines_whole() {
        let data = format!("short\n{}\nnext", "x".repeat(100));
        let mut r = io::Cursor::new(data.into_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).expect("read"), Some(5));
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).expect("read"), Some(100));
        assert!(buf.len() <= 10);
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).expect("read"), Some(4));
        assert_eq!(buf, b"next");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 10).expect("read"), None);
    }
}
