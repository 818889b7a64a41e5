#!/usr/bin/env python3
"""Sanity checks of the built set (structure only; labels are never computed here).

- every avatar path exists; genuine.jsonl covers every seed account;
- handles are well-formed for their platform; no (platform, handle) appears twice;
- targets and alt_targets are registry accounts;
- lines whose class says "only X decides" do not leak another signal:
  their handle is far from every registry handle, and pictures of such lines are far from
  every genuine picture (a simple 64-bit difference hash, for this check only);
- prints per-class counts and the size of img/.
"""
import collections
import io
import json
import os
import re
import sys

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import registry as R  # noqa: E402


def dhash(path):
    try:
        im = Image.open(path)
        im.load()
    except Exception:
        return None
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        bg.alpha_composite(im)
        im = bg
    g = np.asarray(im.convert("L").resize((9, 8), Image.LANCZOS)).astype(int)
    return (g[:, 1:] > g[:, :-1]).flatten()


def ham(a, b):
    return int((a != b).sum())


def norm_h(h):
    h = (h or "").lstrip("@").lower()
    h = h.split("@")[0]
    h = h.replace(".bsky.social", "")
    return re.sub(r"[._\-]", "", h)


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# Handles of clear lines near a registry handle that were reviewed by hand (see their notes).
REVIEWED = {"hw_sapporokita", "MHLWitter", "hw_izumi"}

VALID = {
    "x": re.compile(r"^[A-Za-z0-9_]{1,15}$"),
    "instagram": re.compile(r"^[a-z0-9._]{1,30}$"),
    "facebook": re.compile(r"^[A-Za-z0-9.]{5,50}$"),
    "youtube": re.compile(r"^@[A-Za-z0-9._\-]{3,30}$"),
    "line": re.compile(r"^@[a-z0-9]{8}$"),
    "bluesky": re.compile(r"^[a-z0-9\-]{3,18}\.bsky\.social$"),
    "mastodon": re.compile(r"^[A-Za-z0-9_]{1,30}@[a-z0-9.\-]+$"),
}


def main():
    order, acc = R.load()
    gen = [json.loads(l) for l in open(os.path.join(HERE, "genuine.jsonl"), encoding="utf-8")]
    cands = [json.loads(l) for l in open(os.path.join(HERE, "candidates.jsonl"), encoding="utf-8")]
    problems = []
    assert len(gen) == len(order), "genuine.jsonl does not cover the registry"
    gh = {}
    for g in gen:
        p = os.path.join(HERE, g["avatar"])
        assert os.path.exists(p), p
        gh.setdefault(g["avatar"], dhash(p))
    reg_handles = [(acc[k]["platform"], norm_h(acc[k].get("handle")), k) for k in order if acc[k].get("handle")]
    seen = collections.Counter()
    only_pic = lambda c: c.startswith("pic_") or c in ("template_cross_office",)
    for i, r in enumerate(cands):
        p = os.path.join(HERE, r["avatar"])
        if not os.path.exists(p):
            problems.append(f"{i}: missing avatar {r['avatar']}")
        h = r.get("handle")
        if h and r["label"] != "genuine" and r["platform"] not in ("facebook",) and not VALID[r["platform"]].match(h):
            problems.append(f"{i}: odd {r['platform']} handle {h!r}")
        if h and r["label"] != "genuine":
            key = (r["platform"], h.lower())
            seen[key] += 1
        if r["label"] == "clear":
            assert r["target_platform"] is None and not r["alt_targets"]
        else:
            assert r["target_platform"] and r["target_url"], i
        # leaks: handle near a registry handle where only picture/name should decide, or in clear lines
        c = r["class"]
        if h and r["label"] != "genuine" and (only_pic(c) or c.startswith("name_") or r["label"] == "clear"):
            nh = norm_h(h)
            for pf, rh, k in ([] if h in REVIEWED else reg_handles):
                d = lev(nh, rh)
                if d <= 3 or (len(rh) >= 6 and rh in nh):
                    problems.append(f"{i}: [{c}/{r['label']}] handle {h!r} is close to {k} ({acc[k]['handle']}), d={d}")
        # leaks: picture near a genuine picture where only name/handle should decide, or in clear lines
        if (c.startswith("name_") or c.startswith("handle_") or c in ("combo_disclaimer_handle", "combo_aggregator_handle")
                or (r["label"] == "clear" and c != "clear_template_other")):
            hv = dhash(p)
            if hv is not None:
                for gp, gv in gh.items():
                    if ham(hv, gv) <= 12:
                        problems.append(f"{i}: [{c}] picture {r['avatar']} near genuine {gp} ({ham(hv, gv)}/64)")
    for key, v in seen.items():
        if v > 1:
            problems.append(f"duplicate candidate account {key} x{v}")
    # how far the altered copies are from their source (information only)
    dist = collections.defaultdict(list)
    for r in cands:
        if r["class"].startswith("pic_") or r["class"] == "combo_pic_handle":
            hv = dhash(os.path.join(HERE, r["avatar"]))
            best = min(ham(hv, gv) for gv in gh.values())
            dist[r["class"]].append(best)
    by = collections.defaultdict(collections.Counter)
    for r in cands:
        by[r["class"]][r["label"]] += 1
    for c in sorted(by):
        extra = f"  dhash-to-nearest-genuine {sorted(dist[c])}" if c in dist else ""
        print(f"{c:28s} {dict(by[c])}{extra}")
    print(collections.Counter(r["label"] for r in cands), "grey:", sum(r["grey"] for r in cands))
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(HERE, "img")) for f in fs)
    print(f"img/: {total / 1024 / 1024:.2f} MiB")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
