#!/usr/bin/env python3
"""Sanity checks for the labelled corpus (text and avatar parts).

    python3 tests/corpus/validate.py

Exits non-zero when a check fails; prints counts per label and class.
"""

import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the corpus folder free of __pycache__
sys.path.insert(0, HERE)
import build_candidates  # noqa: E402  (the registry as published in the seeds)

LABELS = {"suspect", "clear", "genuine"}
PLATFORMS = {"x", "twitter", "instagram", "facebook", "youtube", "line", "bluesky", "mastodon"}
HANDLE_RE = {
    "x": re.compile(r"^@?[A-Za-z0-9_]{1,15}$"),
    "instagram": re.compile(r"^@?[A-Za-z0-9._]{1,30}$"),
    "facebook": re.compile(r"^[\w.\-]{5,80}$"),
    "youtube": re.compile(r"^(UC[A-Za-z0-9_-]{22}|@[A-Za-z0-9._-]{3,30})$"),
    "line": re.compile(r"^@?[a-z0-9]{8}$"),
    "bluesky": re.compile(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$"),
    "mastodon": re.compile(r"^[A-Za-z0-9_]+(@[a-z0-9.-]+\.[a-z]{2,})?$"),
}
SUSPECT_TEXT_CLASSES = """name_exact_copy decoration_change fake_check_emoji handle_homoglyph_digit
handle_homoglyph_multi handle_affix handle_typo handle_separator handle_cross_platform name_width
name_kana_swap name_dash name_homoglyph_script name_invisible name_spacing_punct name_variant_kanji
name_suffix combined""".split()
CLEAR_TEXT_CLASSES = "shared_place_word other_office person business unrelated generic_word".split()

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def norm_platform(p):
    return "x" if p == "twitter" else p


def key_of(r):
    h = r.get("handle")
    if h:
        return (norm_platform(r["platform"]), h.lstrip("@").lower())
    return (norm_platform(r["platform"]), (r.get("url") or r.get("id") or "").lower())


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{path}:{n}", f"not JSON: {e}")
    return rows


def check(path, registry, min_per_class=None, avatars=False):
    rel = os.path.relpath(path, HERE)
    rows = load(path)
    reg_keys = {(p, h.lower()) for (p, h), _ in registry if h}
    seen = {}
    labels = collections.Counter()
    classes = collections.Counter()
    class_label = {}
    class_labels = collections.defaultdict(collections.Counter)
    for n, r in rows:
        w = f"{rel}:{n}"
        for f in ("platform", "display_name", "label", "class"):
            if f not in r:
                err(w, f"missing {f}")
        if r.get("label") not in LABELS:
            err(w, f"bad label {r.get('label')}")
        p = r.get("platform")
        if p not in PLATFORMS:
            err(w, f"bad platform {p}")
            continue
        h = r.get("handle")
        if h and not HANDLE_RE[norm_platform(p)].match(h) and not (p == "facebook" and r["label"] == "genuine"):
            if not (p == "facebook" and h.endswith("-149635718569446")):
                err(w, f"implausible {p} handle {h!r}")
        k = key_of(r)
        if k in seen:
            err(w, f"duplicate (platform, handle) {k} also on line {seen[k]}")
        seen[k] = n
        lab = r.get("label")
        if lab == "suspect" and not (r.get("target_handle") or r.get("target_url")):
            err(w, "suspect without target_handle/target_url")
        if lab in ("suspect", "genuine") and (r.get("target_handle") or r.get("target_url")):
            t = r.get("target_handle") or r.get("target_url")
            if not any(t.lower() in ((hh or "").lower(), (uu or "").lower()) for (_, hh), uu in registry):
                err(w, f"target {t} is not a registry account")
        if lab != "genuine" and h and (norm_platform(p), h.lstrip("@").lower()) in reg_keys:
            err(w, f"{lab} line uses the handle of a registry account on the same platform")
        if lab == "genuine":
            th = (r.get("target_handle") or "").lower()
            ok = (h and h.lstrip("@").lower() == th) or (r.get("id") and r["id"].lower() in (r.get("target_url") or th).lower()) \
                or (r.get("id") and r["id"].lower() == th) \
                or (r.get("url") and r.get("target_url") and r["target_url"].split("//")[1].rstrip("/").lower()
                    in r["url"].lower())
            if not ok:
                err(w, "genuine line does not resolve to its target by handle, id or url")
        if avatars:
            a = r.get("avatar")
            if not a:
                err(w, "no avatar")
            elif r["class"] != "avatar_unreadable":
                ap = os.path.join(os.path.dirname(path), a)
                if not os.path.isfile(ap):
                    err(w, f"avatar {a} missing")
        labels[lab] += 1
        classes[r.get("class")] += 1
        class_labels[r.get("class")][lab] += 1
        if class_label.setdefault(r.get("class"), lab) != lab and r.get("class") != "avatar_unreadable":
            err(w, f"class {r.get('class')} used with two labels")
    if min_per_class:
        for c in min_per_class:
            if classes[c] < 8:
                err(rel, f"class {c} has only {classes[c]} lines (< 8)")
    print(f"\n== {rel}: {len(rows)} lines")
    tot = sum(labels.values())
    for lab in ("suspect", "clear", "genuine"):
        print(f"  {lab:8} {labels[lab]:4}  ({labels[lab] / max(tot, 1):.0%})")
    for c, nn in sorted(classes.items(), key=lambda kv: (class_label.get(kv[0]), kv[0])):
        mix = class_labels[c]
        lab = next(iter(mix)) if len(mix) == 1 else "mixed"
        extra = "" if len(mix) == 1 else "  (" + ", ".join(f"{k} {v}" for k, v in sorted(mix.items())) + ")"
        print(f"    {lab:8} {c:32} {nn:3}{extra}")
    return rows


def main():
    reg = [((p, (h or "").lstrip("@")), u) for p, h, u, _ in build_candidates.R.values()]
    text_rows = check(os.path.join(HERE, "candidates.jsonl"), reg,
                      min_per_class=SUSPECT_TEXT_CLASSES + CLEAR_TEXT_CLASSES + ["genuine_as_returned"])
    # spread: each attack class over several registry accounts and organisations
    by_class = collections.defaultdict(set)
    orgs = collections.defaultdict(set)
    for _, r in text_rows:
        if r["label"] == "suspect":
            by_class[r["class"]].add(r.get("target_handle") or r.get("target_url"))
            orgs[r["class"]].add(r.get("org"))
    for c, t in by_class.items():
        if len(t) < 5:
            err("candidates.jsonl", f"class {c} targets only {len(t)} accounts")
    gen_orgs = {r.get("org") for _, r in text_rows if r["label"] == "genuine"}
    gen_plats = {r["platform"] for _, r in text_rows if r["label"] == "genuine"}
    print(f"  organisations per attack class: min {min(len(v) for v in orgs.values())}; "
          f"genuine lines cover orgs {sorted(gen_orgs)} and platforms {sorted(gen_plats)}")
    plat_count = collections.Counter(r["platform"] for _, r in text_rows)
    print("  platforms:", dict(sorted(plat_count.items())))

    av = os.path.join(HERE, "avatars")
    greg = []
    for n, r in load(os.path.join(av, "genuine.jsonl")):
        greg.append(((r["platform"], r["handle"].lstrip("@")), r["url"]))
        if not os.path.isfile(os.path.join(av, r["avatar"])):
            err(f"avatars/genuine.jsonl:{n}", f"avatar {r['avatar']} missing")
    print(f"\n== avatars/genuine.jsonl: {len(greg)} genuine accounts")
    check(os.path.join(av, "candidates.jsonl"), greg, avatars=True)
    img = os.path.join(av, "img")
    total = sum(os.path.getsize(os.path.join(img, f)) for f in os.listdir(img))
    print(f"  images: {len(os.listdir(img))} files, {total / 1024:.0f} KiB")
    if total > 2 * 1024 * 1024:
        err("avatars/img", "larger than 2 MB")
    try:
        from PIL import Image
        sizes = collections.Counter()
        for f in sorted(os.listdir(img)):
            if f.startswith("broken_"):
                continue
            with Image.open(os.path.join(img, f)) as im:
                im.load()
                sizes[im.size[0]] += 1
                if im.size[0] != im.size[1] or not 96 <= im.size[0] <= 400:
                    err(f"avatars/img/{f}", f"size {im.size}")
        print("  image sides:", dict(sorted(sizes.items())))
    except ImportError:
        print("  (Pillow not installed: images not decoded)")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
