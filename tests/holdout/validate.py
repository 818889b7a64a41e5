#!/usr/bin/env python3
"""Sanity check for candidates.jsonl (holdout set). Exit 1 on any problem.

Checks: every line is a JSON object; required fields present; platform and label valid;
suspects and genuine records name a target that exists in the registry (as derived from
the seed policies); clear records name none; no duplicate platform+handle; no suspect or
clear record *is* a registry account; handles are syntactically possible on their
platform; genuine records really point at their target (handle, id or URL).
Prints counts per label and class.
"""
import collections
import json
import re
import sys
import unicodedata
from urllib.parse import unquote

PATH = sys.argv[1] if len(sys.argv) > 1 else __file__.rsplit("/", 1)[0] + "/candidates.jsonl"

REGISTRY = {  # (platform, handle or URL) from seeds 000, 001, 002
    ("x", "hkdmhlwitter"), ("facebook", "mhlw.hokkaido"), ("youtube", "UCU37RXEEsFqGdyxu1FBkK6w"),
    ("x", "s_shinsotu_yell"), ("x", "wnfs2dleh0gtpa5"), ("x", "s_wakaharo"), ("x", "s_mothershw"),
    ("x", "hw_obihiro"), ("x", "hw_rumoi"), ("x", "hwsa_higashi"), ("x", "hw_sapporo"), ("x", "hw_chitose"),
    ("facebook", "札幌新卒応援ハローワーク-149635718569446"), ("line", "ogz4781d"), ("line", "tkh1850j"),
    ("line", "https://kin.ee/t7nmfhh"),
    ("instagram", "sapporo.sinsotu.hw"), ("instagram", "mhw.sapporo"),
    ("youtube", "UCVS03516GOKUFplfW0T9Bfg"), ("youtube", "UC1jhFwBGB1B8F7VXlx0Vypg"),
    ("youtube", "UCKxOV1MV1McuSb0IPDoS2-g"), ("youtube", "UCjrV6BWU7cc1PrVRxvMZGBg"),
    ("youtube", "UCDGE9Yq32sIviNmjBHcx0uQ"),
    ("instagram", "kagoshimakunren"), ("instagram", "k.taisaku46"), ("instagram", "kagoshima_shinsotsu_hw"),
    ("instagram", "hw_kanoya"), ("x", "46kunrenka"),
    ("line", "https://lin.ee/popg0eo"), ("line", "https://lin.ee/dfysg1l"), ("line", "https://lin.ee/3wf416c"),
    ("line", "https://lin.ee/psiftnc"), ("line", "https://lin.ee/3exobru"),
    ("facebook", "https://www.facebook.com/profile.php?id=61578961199265"),
    ("x", "b_diverjinzai"),
}
CASE_SENSITIVE = {"youtube"}  # channel ids are case-sensitive
PLATFORMS = {"x", "twitter", "instagram", "facebook", "youtube", "line", "bluesky", "mastodon"}
LABELS = {"suspect", "clear", "genuine"}
REQUIRED = ["platform", "display_name", "label", "class", "target_handle", "target_url", "note"]

HANDLE_RE = {
    "x": re.compile(r"^@?[A-Za-z0-9_]{1,15}$"),
    "instagram": re.compile(r"^@?[a-z0-9._]{1,30}$"),
    "facebook": re.compile(r"^[\w.\-]{5,}$"),
    "youtube": re.compile(r"^(@[A-Za-z0-9._\-]{3,30}|UC[A-Za-z0-9_\-]{22})$"),
    "line": re.compile(r"^@?[a-z0-9._\-]{4,18}$"),
    "bluesky": re.compile(r"^@?([a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$"),
    "mastodon": re.compile(r"^@?[A-Za-z0-9_]{1,30}@([a-z0-9\-]+\.)+[a-z]{2,}$"),
}


def key(platform, value):
    if platform == "twitter":
        platform = "x"
    if value.startswith("http"):
        return (platform, value.lower())
    v = value.lstrip("@")
    return (platform, v if platform in CASE_SENSITIVE else v.lower())


def main():
    errors = []
    seen = {}
    counts = collections.Counter()
    per_class = collections.Counter()
    with open(PATH, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for n, line in enumerate(lines, 1):
        def err(msg):
            errors.append("line %d: %s" % (n, msg))
        try:
            r = json.loads(line)
        except Exception as e:
            err("not JSON: %s" % e)
            continue
        if not isinstance(r, dict):
            err("not an object")
            continue
        missing = [k for k in REQUIRED if k not in r]
        if missing:
            err("missing %s" % missing)
            continue
        p, label = r["platform"], r["label"]
        if p not in PLATFORMS:
            err("bad platform %r" % p)
        if label not in LABELS:
            err("bad label %r" % label)
        if not r["class"] or not r["note"]:
            err("empty class or note")
        counts[label] += 1
        per_class[(label, r["class"])] += 1
        h = r.get("handle")
        url = r.get("url", "")
        if h is not None:
            if not HANDLE_RE[p].match(h) and not (p == "facebook" and "-" in h):
                err("handle %r impossible on %s" % (h, p))
        elif not url:
            err("neither handle nor url")
        ident = key(p, h) if h else key(p, url)
        if ident in seen:
            err("duplicate %s (first at line %d)" % (ident, seen[ident]))
        seen[ident] = n
        th, tu = r["target_handle"], r["target_url"]
        if label in ("suspect", "genuine"):
            if not (th or tu):
                err("no target")
            if th.startswith("@"):
                err("target_handle has @")
            tp = r.get("target_platform") or p
            tkey = key(tp, th) if th else key(tp, tu)
            if tkey not in REGISTRY:
                err("target %s not in registry" % (tkey,))
        else:
            if th or tu:
                err("clear record with a target")
        # is the candidate itself a registry account?
        own = set()
        if h:
            own.add(key(p, h))
        if r.get("id"):
            own.add(key(p, r["id"]))
        if url:
            own.add(key(p, unquote(url).split("?")[0].rstrip("/")) if "profile.php" not in url else key(p, url))
            m = re.search(r"/channel/(UC[\w-]{22})", url)
            if m:
                own.add(("youtube", m.group(1)))
            m = re.search(r"line\.me/R/ti/p/@?([\w.\-]+)", url)
            if m:
                own.add(("line", m.group(1).lower()))
            m = re.search(r"(?:x|twitter|instagram|facebook)\.com/([^/?]+)/?(?:\?|$)", unquote(url))
            if m and p in ("x", "twitter", "instagram", "facebook"):
                own.add(key(p, m.group(1)))
        hit = own & REGISTRY
        if label == "genuine":
            tp = r.get("target_platform") or p
            if (key(tp, th) if th else key(tp, tu)) not in hit:
                err("genuine record does not point at its target (%s)" % own)
        elif hit:
            err("%s record is a registry account: %s" % (label, hit))
        for fld in ("display_name", "bio"):
            if any(unicodedata.category(c) == "Cc" for c in r.get(fld, "")):
                err("control character in %s" % fld)
    for e in errors:
        print(e)
    print("records:", len(lines))
    for lab in ("suspect", "clear", "genuine"):
        print("  %-8s %d" % (lab, counts[lab]))
        for (l, c), k in sorted(per_class.items()):
            if l == lab:
                print("      %-26s %d" % (c, k))
    platforms = collections.Counter()
    for x in lines:
        try:
            o = json.loads(x)
            platforms[(o.get("label"), o.get("platform"))] += 1
        except Exception:
            pass
    print("per label/platform:", dict(sorted(platforms.items())))
    if errors:
        print("FAILED: %d problem(s)" % len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
