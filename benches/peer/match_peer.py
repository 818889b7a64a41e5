#!/usr/bin/env python3
"""The peer of `narisumashi match` for the speed comparison in README: the same job done the way
a team would do it in Python with the usual libraries, rapidfuzz for names and handles and
imagehash for pictures.

    python3 benches/peer/match_peer.py --candidates C.jsonl --genuine G.jsonl > out.jsonl

It reads the same profile records, folds names with NFKC and case folding, scores every
candidate against every genuine account (token-set ratio of names, ratio of handles, pHash and
dHash of the picture and of its mirror image), and writes one verdict line per candidate. It is
a fair peer for speed, not for quality: it knows nothing of Japanese lookalikes.

Needs: pip install rapidfuzz imagehash pillow
"""

import argparse
import json
import os
import sys
import unicodedata

import imagehash
from PIL import Image, ImageOps
from rapidfuzz import fuzz

THRESHOLD = 0.60


def fold(s):
    return unicodedata.normalize("NFKC", s or "").casefold().replace("【公式】", "").strip()


def picture(path, base):
    if not path:
        return None
    full = path if path.startswith("http") else os.path.join(base, path)
    try:
        with Image.open(full) as im:
            im = im.convert("RGB")
            mirror = ImageOps.mirror(im)
            return (imagehash.phash(im), imagehash.dhash(im), imagehash.phash(mirror), imagehash.dhash(mirror))
    except Exception:  # unreadable pictures are judged without them, as narisumashi does
        return None


def records(path):
    base = os.path.dirname(os.path.abspath(path))
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except ValueError:
                out.append(None)
                continue
            r["_pic"] = picture(r.get("avatar"), base)
            r["_name"] = fold(r.get("display_name"))
            r["_handle"] = fold(r.get("handle")).lstrip("@")
            out.append(r)
    return out


def score(c, g):
    name = fuzz.token_set_ratio(c["_name"], g["_name"]) / 100.0 if c["_name"] and g["_name"] else 0.0
    handle = fuzz.ratio(c["_handle"], g["_handle"]) / 100.0 if c["_handle"] and g["_handle"] else 0.0
    pic = 0.0
    if c["_pic"] and g["_pic"]:
        cp, cd, cpm, cdm = c["_pic"]
        gp, gd, _, _ = g["_pic"]
        dist = min((cp - gp) + (cd - gd), (cpm - gp) + (cdm - gd)) / 2.0
        pic = max(0.0, 1.0 - dist / 16.0)
    return max(name * 0.8, handle * 0.8, pic * 0.8, 1.0 - (1.0 - name * 0.5) * (1.0 - handle * 0.5) * (1.0 - pic * 0.5))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--candidates", required=True)
    ap.add_argument("--genuine", required=True)
    a = ap.parse_args()
    genuine = [g for g in records(a.genuine) if g]
    out = sys.stdout
    for i, c in enumerate(records(a.candidates)):
        if c is None:
            out.write(json.dumps({"index": i, "verdict": "error"}) + "\n")
            continue
        same = [g for g in genuine if g["platform"] == c["platform"] and g["_handle"] and g["_handle"] == c["_handle"]]
        if same:
            out.write(json.dumps({"index": i, "verdict": "genuine", "score": 1.0}) + "\n")
            continue
        best, target = 0.0, None
        for g in genuine:
            s = score(c, g)
            if s > best:
                best, target = s, g
        verdict = "suspect" if best >= THRESHOLD else "clear"
        tgt = {"platform": target["platform"], "handle": target.get("handle")} if verdict == "suspect" else None
        out.write(json.dumps({"index": i, "verdict": verdict, "score": round(best, 3), "target": tgt}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
