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
# Classes added with the labelling policy (README.md, top): at least 20 lines each.
POLICY_SUSPECT_CLASSES = """name_reordered name_separator name_trailing_mark name_dropped_word aggregator_words
handle_confusable_edit handle_only handle_federated disclaimer_lookalike_handle""".split()
POLICY_CLEAR_CLASSES = "disclaimer_name_only other_office_reordered place_service_words honest_similar_handle_far".split()
TEXT_CLASS_LABEL = {c: "suspect" for c in SUSPECT_TEXT_CLASSES + POLICY_SUSPECT_CLASSES}
TEXT_CLASS_LABEL.update({c: "clear" for c in CLEAR_TEXT_CLASSES + POLICY_CLEAR_CLASSES})
TEXT_CLASS_LABEL["genuine_as_returned"] = "genuine"

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
        for c, least in min_per_class.items():
            if classes[c] < least:
                err(rel, f"class {c} has only {classes[c]} lines (< {least})")
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
    least = {c: 8 for c in SUSPECT_TEXT_CLASSES + CLEAR_TEXT_CLASSES + ["genuine_as_returned"]}
    least.update({c: 20 for c in POLICY_SUSPECT_CLASSES + POLICY_CLEAR_CLASSES})
    text_rows = check(os.path.join(HERE, "candidates.jsonl"), reg, min_per_class=least)
    # every text class is a known one, with its one label; suspects name their organisation
    for n, r in text_rows:
        want = TEXT_CLASS_LABEL.get(r.get("class"))
        if want is None:
            err(f"candidates.jsonl:{n}", f"unknown class {r.get('class')}")
        elif r.get("label") != want:
            err(f"candidates.jsonl:{n}", f"class {r['class']} is {want}, line says {r.get('label')}")
        if r.get("label") == "suspect" and r.get("org") not in ("hokkaido", "kagoshima", "bunkyo"):
            err(f"candidates.jsonl:{n}", "suspect without org")
        if r.get("label") == "clear" and any(k.startswith("target") for k in r):
            err(f"candidates.jsonl:{n}", "clear line with a target")
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

    check_avatars()

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nall checks passed")


# ---------------------------------------------------------------------------
# avatar corpus (avatars/genuine.jsonl = the whole seed registry, avatars/candidates.jsonl)
# ---------------------------------------------------------------------------
AVATAR_PICTURE_CLASSES = """avatar_exact avatar_recompressed avatar_downsized avatar_cropped avatar_mirrored
avatar_recoloured avatar_overlay avatar_circle_mask avatar_border_padding avatar_combined""".split()
AVATAR_CLEAR_CLASSES = """template_other_office same_colours_other_logo job_info_own_picture avatar_default
avatar_unrelated_photo""".split()
AVATAR_CLASS_LABEL = {c: "suspect" for c in AVATAR_PICTURE_CLASSES + ["avatar_disclaimer"]}
AVATAR_CLASS_LABEL.update({c: "clear" for c in AVATAR_CLEAR_CLASSES})
AVATAR_CLASS_LABEL["genuine_as_returned"] = "genuine"
AVATAR_IMG_BUDGET = 8 * 1024 * 1024


def avatar_ref(platform, handle=None, url=None):
    """How the avatar corpus names a registry account: handle (YouTube: channel id), else URL."""
    if handle:
        return (norm_platform(platform), handle.lstrip("@").lower())
    return (norm_platform(platform), (url or "").lower())


def check_avatars():
    import hashlib
    av = os.path.join(HERE, "avatars")
    greg = []
    digest = {}          # registry ref -> sha256 of its avatar file
    for n, r in load(os.path.join(av, "genuine.jsonl")):
        h = r.get("handle") or r.get("id")
        greg.append(((r["platform"], (h or "").lstrip("@")), r["url"]))
        h = r.get("handle") or (r.get("id") if r["platform"] == "youtube" else None)
        ap = os.path.join(av, r.get("avatar", ""))
        if not os.path.isfile(ap):
            err(f"avatars/genuine.jsonl:{n}", f"avatar {r.get('avatar')} missing")
            continue
        with open(ap, "rb") as f:
            digest[avatar_ref(r["platform"], h, r["url"])] = hashlib.sha256(f.read()).hexdigest()
    # the avatar registry is the whole seed registry (the built-in one of the text corpus)
    have = set(digest)
    for p, h, u, _ in build_candidates.R.values():
        if avatar_ref(p, h, u) not in have:
            err("avatars/genuine.jsonl", f"registry account {p} {h or u} missing")
    shared = collections.Counter(digest.values())
    print(f"\n== avatars/genuine.jsonl: {len(greg)} genuine accounts, {len(set(digest.values()))} pictures "
          f"({sum(1 for v in shared.values() if v > 1)} shared by several accounts)")

    least = {c: 30 for c in AVATAR_PICTURE_CLASSES}
    least.update({c: 20 for c in AVATAR_CLEAR_CLASSES + ["avatar_disclaimer"]})
    least["genuine_as_returned"] = len(greg)
    rows = check(os.path.join(av, "candidates.jsonl"), greg, min_per_class=least, avatars=True)
    returned = set()
    for n, r in rows:
        w = f"avatars/candidates.jsonl:{n}"
        cls, lab = r.get("class"), r.get("label")
        if cls != "avatar_unreadable":
            want = AVATAR_CLASS_LABEL.get(cls)
            if want is None:
                err(w, f"unknown class {cls}")
            elif lab != want:
                err(w, f"class {cls} is {want}, line says {lab}")
        if lab in ("suspect", "genuine") and r.get("org") not in ("hokkaido", "kagoshima", "bunkyo"):
            err(w, f"{lab} without org")
        if lab == "clear" and any(k.startswith("target") or k == "alt_targets" for k in r):
            err(w, "clear line with a target")
        if lab == "suspect" or lab == "genuine":
            t = avatar_ref(r["target_platform"], r.get("target_handle"), r.get("target_url"))
            if t not in digest:
                err(w, f"target {t} not in avatars/genuine.jsonl")
                continue
            named = {t} | {avatar_ref(a["platform"], a.get("handle"), a.get("url")) for a in r.get("alt_targets", [])}
            if cls in AVATAR_PICTURE_CLASSES + ["avatar_disclaimer"]:
                owners = {k for k, d in digest.items() if d == digest[t]}
                if named != owners:
                    err(w, f"target + alt_targets {sorted(named)} != accounts with that picture {sorted(owners)}")
            if cls == "genuine_as_returned":
                returned.add(t)
    if returned != set(digest):
        err("avatars/candidates.jsonl", f"genuine_as_returned misses {sorted(set(digest) - returned)}")

    img = os.path.join(av, "img")
    total = sum(os.path.getsize(os.path.join(img, f)) for f in os.listdir(img))
    print(f"  images: {len(os.listdir(img))} files, {total / 1024:.0f} KiB")
    if total > AVATAR_IMG_BUDGET:
        err("avatars/img", f"larger than {AVATAR_IMG_BUDGET // 1024 // 1024} MiB")
    try:
        from PIL import Image
        sizes = collections.Counter()
        for f in sorted(os.listdir(img)):
            if f.startswith("broken_"):
                continue
            with Image.open(os.path.join(img, f)) as im:
                im.load()
                sizes[im.size[0]] += 1
                lo = 320 if f.startswith("g_") else 48
                if im.size[0] != im.size[1] or not lo <= im.size[0] <= 400:
                    err(f"avatars/img/{f}", f"size {im.size}")
        print("  image sides:", dict(sorted(sizes.items())))
    except ImportError:
        print("  (Pillow not installed: images not decoded)")


if __name__ == "__main__":
    main()
