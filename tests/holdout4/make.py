#!/usr/bin/env python3
"""Build holdout4: img/, genuine.jsonl, candidates.jsonl and README.md.

Deterministic: fixed seeds everywhere; img/ is cleared and rewritten; two runs give
byte-identical output. Needs Python 3.11+, Pillow, numpy and the Noto CJK fonts.

    python3 tests/holdout4/make.py
"""
import collections
import io
import json
import os
import random
import shutil
import sys

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

import art  # noqa: E402
import lines as L  # noqa: E402
import registry as R  # noqa: E402
import xform  # noqa: E402

IMG = os.path.join(HERE, "img")


def enc(img, fmt, q=88):
    buf = io.BytesIO()
    if fmt == "jpg":
        img.convert("RGB").save(buf, "JPEG", quality=q)
    else:
        img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return rel


class Pictures:
    def __init__(self):
        self.genuine = {}  # PIC -> (rel path, bytes, ext)
        self.cache = {}

    def make_genuine(self):
        for pic, (fn, fmt) in art.GENUINE_ART.items():
            img = fn()
            data = enc(img, fmt, 90)
            rel = write(f"img/genuine/{pic}.{fmt}", data)
            self.genuine[pic] = (rel, data, fmt)

    def decode(self, pic):
        return Image.open(io.BytesIO(self.genuine[pic][1])).convert("RGB")

    def pool(self, kind, idx):
        key = ("pool", kind, idx)
        if key not in self.cache:
            img = {"portrait": art.portrait, "landscape": art.landscape, "food": art.food,
                   "animal": art.animal, "abstract": art.abstract, "silhouette": art.silhouette}[kind](idx)
            fmt = "png" if kind in ("abstract", "silhouette") else "jpg"
            self.cache[key] = write(f"img/pool/{kind}{idx:02d}.{fmt}", enc(img, fmt, 84))
        return self.cache[key]

    def resolve(self, spec, n):
        kind = spec[0]
        if kind == "g":
            rel, data, ext = self.genuine[spec[1]]
            return write(f"img/cand/c{n:03d}.{ext}", data)
        if kind == "x":
            pic, ops = spec[1], spec[2]
            img = xform.apply(self.decode(pic), ops)
            data, ext = xform.encode(img, ops, self.genuine[pic][2])
            return write(f"img/cand/c{n:03d}.{ext}", data)
        if kind == "pool":
            return self.pool(spec[1], spec[2])
        if kind == "mark":
            key = ("mark", spec[1], spec[2])
            if key not in self.cache:
                self.cache[key] = write(f"img/logo/mark{n:03d}.png", enc(art.wordmark(spec[1], spec[2], spec[3]), "png"))
            return self.cache[key]
        if kind == "logo":
            key = ("logo", spec[1], spec[2], spec[3])
            if key not in self.cache:
                self.cache[key] = write(f"img/logo/logo{n:03d}.png", enc(art.emblem(spec[1], spec[2], spec[3]), "png"))
            return self.cache[key]
        if kind == "bad":
            what = spec[1]
            if what == "text":
                return write(f"img/bad/b{n:03d}.png", "これは画像ではありません。This is not an image.\n".encode("utf-8"))
            if what == "truncated_jpeg":
                data = enc(art.landscape(99), "jpg", 85)
                return write(f"img/bad/b{n:03d}.jpg", data[: len(data) * 2 // 5])
            if what == "random":
                rng = np.random.default_rng(77)
                return write(f"img/bad/b{n:03d}.png", rng.integers(0, 256, 3000, dtype=np.uint8).tobytes())
            if what == "html":
                return write(f"img/bad/b{n:03d}.jpg", b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                             b"<body><h1>Not Found</h1></body></html>\n")
            if what == "empty":
                return write(f"img/bad/b{n:03d}.png", b"")
        raise ValueError(spec)


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False, separators=(", ", ": "))


def main():
    if os.path.isdir(IMG):
        shutil.rmtree(IMG)
    os.makedirs(IMG)
    order, accounts = R.load()
    pics = Pictures()
    pics.make_genuine()

    # genuine.jsonl: one record per registry account, fields as in the seeds.
    gl = []
    for key in order:
        a = accounts[key]
        rec = {"platform": a["platform"]}
        if a.get("handle"):
            rec["handle"] = a["handle"]
        if a.get("id"):
            rec["id"] = a["id"]
        rec["url"] = a["url"]
        rec["display_name"] = a["display_name"]
        rec["avatar"] = pics.genuine[R.PICTURE[key]][0]
        gl.append(dumps(rec))
    with open(os.path.join(HERE, "genuine.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(gl) + "\n")

    recs = L.build(order, accounts)
    random.Random(20240607).shuffle(recs)
    out = []
    for n, rec in enumerate(recs):
        spec = rec.pop("_avatar")
        rec2 = {}
        for k, v in rec.items():
            rec2[k] = v
            if k == "url":
                rec2["avatar"] = pics.resolve(spec, n)
        out.append(rec2)
    with open(os.path.join(HERE, "candidates.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(dumps(r) for r in out) + "\n")

    write_readme(order, accounts, out)
    by_label = collections.Counter(r["label"] for r in out)
    print(f"{len(out)} candidates: " + ", ".join(f"{k}={v}" for k, v in sorted(by_label.items())))


def write_readme(order, accounts, recs):
    by_label = collections.Counter(r["label"] for r in recs)
    by_class = collections.OrderedDict()
    for r in recs:
        c = by_class.setdefault(r["class"], collections.Counter())
        c[r["label"]] += 1
        if r["grey"]:
            c["grey"] += 1
    greys = sum(1 for r in recs if r["grey"])
    plats = collections.Counter(r["platform"] for r in recs)
    size = 0
    nfiles = 0
    for root, _, files in os.walk(IMG):
        for fn in files:
            size += os.path.getsize(os.path.join(root, fn))
            nfiles += 1

    def holders(pic):
        return ", ".join(
            f"{accounts[k]['platform']}:{accounts[k].get('handle') or accounts[k]['url']}"
            for k in R.holders(pic, order))

    rows = []
    for cls in sorted(by_class):
        c = by_class[cls]
        rows.append(f"| `{cls}` | {c['suspect']} | {c['clear']} | {c['genuine']} | {c['grey']} |")
    tmpl_rows = []
    for pic, what in [("T_HW", "national Hello Work mark"), ("T_SHIN", "新卒応援 badge"),
                      ("T_MOTH", "マザーズ mark"), ("T_BUR", "labour-bureau emblem")]:
        tmpl_rows.append(f"| `{pic}` | {what} | {holders(pic)} |")
    dist_rows = []
    for pic in art.GENUINE_ART:
        if pic.startswith("D_"):
            dist_rows.append(f"| `{pic}` | {holders(pic)} |")

    policy = open(os.path.join(HERE, "POLICY.md"), encoding="utf-8").read().strip()
    policy = policy.replace("## Labelling policy", "### Labelling policy (verbatim, also in POLICY.md)", 1)
    text = README.format(
        n=len(recs), suspect=by_label["suspect"], clear=by_label["clear"], genuine=by_label["genuine"],
        greys=greys, nacc=len(order), class_rows="\n".join(rows), tmpl_rows="\n".join(tmpl_rows),
        dist_rows="\n".join(dist_rows), size=f"{size / 1024 / 1024:.2f}", nfiles=nfiles,
        plats=", ".join(f"{k} {v}" for k, v in sorted(plats.items())), policy=policy)
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


README = """# holdout4: independent hand-labelled evaluation set

An evaluation set for `narisumashi match`, written **without reading or running the detector**:
no file under `src/`, `tests/` (other than this folder), `benches/` or the project README was
read, neither cargo nor the `narisumashi` binary was run, and no git history was looked at.
The only inputs were the record format (`shared/profile-format.md`), the lookalike notes
(`shared/lookalikes-ja.md`), the platform notes (`shared/platform-formats.md`), the registry
(`seeds/*.toml`) and the labelling policy below. Every label was decided by hand, line by line,
in `lines.py`; nothing in this folder computes a label.

## Run it

```
narisumashi match --candidates tests/holdout4/candidates.jsonl --genuine tests/holdout4/genuine.jsonl
```

Rebuild (deterministic: fixed seeds, `img/` cleared and rewritten, byte-identical output):

```
python3 tests/holdout4/make.py
```

## Files

| file | what |
|---|---|
| `genuine.jsonl` | one record per `[[accounts]]` entry of `seeds/*.toml` ({nacc} accounts): `platform`, `handle`/`id`/`url` and `display_name` exactly as in the seeds, plus `avatar` |
| `candidates.jsonl` | {n} candidate records (`profile-format.md`) with label fields the matcher ignores |
| `img/` | all pictures ({nfiles} files, {size} MiB): `genuine/` the registry avatars, `cand/` per-line copies and altered copies, `pool/` unrelated pictures, `logo/` honest logos and shop marks, `bad/` deliberately broken files |
| `make.py` | builds everything; `art.py` draws, `xform.py` alters pictures, `registry.py` reads the seeds, `lines.py` holds every line and its label, `pools.py` unrelated names/handles/bios |
| `check.py` | structural checks of the built set (paths exist, handle shapes, no duplicate accounts, no leaked signal in single-signal classes); it never computes a label |
| `POLICY.md` | the labelling policy, verbatim |

### Label fields

- `label`: `suspect`, `clear` or `genuine`.
- `class`: the attack or negative class (table below).
- `target_platform`, `target_handle` (without `@`; null when the registry account has no handle),
  `target_url` (the registry URL, always given for a target), `target_id` (where the registry has
  an id). All null for `clear` lines. For `genuine` lines the target is the account itself.
- `alt_targets`: other equally right targets, as `{{platform, handle}}` or `{{platform, url}}` (plus
  `id` where known): for a copied picture every other holder of that picture (template holders
  included); for a copied name or handle, the other accounts of the same office that show the
  same name (the format's rule: when a body uses the same name on several platforms, any of those
  accounts is a right target).
- `note`: what was done to the line; for grey lines, why the label was chosen.
- `grey`: true for borderline lines ({greys} lines). They are labelled, not left out.

Lines are shuffled with a fixed seed, so classes are interleaved; avatars of attack lines are
separate files (`img/cand/cNNN.*`, NNN = line index), exact copies included.

Target choice: the account whose picture/handle/name was taken; for names and templates, the
office's account on the candidate's platform when there is one, else the holder of the copied
picture, else the office's first account.

## Counts

{n} lines: **{suspect} suspect, {clear} clear, {genuine} genuine**. Platforms: {plats}.

| class | suspect | clear | genuine | grey |
|---|---|---|---|---|
{class_rows}

Classes:

- `genuine`: each registry account as a platform would return it (some pictures re-encoded or at
  API sizes, some bios, x.com vs twitter.com, percent-encoded or page.line.me URLs, seasonal
  additions such as 【年末年始のお知らせ】, one lower-case X handle, one YouTube channel found by an
  @handle with the registry id, one grey line for the kin.ee/lin.ee typo).
- `pic_*`: topical or person-like name and unrelated handle; only the picture decides:
  `pic_exact` byte copy, `pic_jpeg` JPEG q30–60, `pic_resize` 48–96 px, `pic_crop` crop/zoom up to
  25 % a side, `pic_mirror`, `pic_colour` hue shift/greyscale/inverted flat background,
  `pic_overlay` band or sticker covering at most a fifth, `pic_frame` circle masks (white, black,
  transparent PNG), borders, padding, `pic_combo` two of these.
- `pic_template_office`: a template picture under a (weak) name of a registry office that holds
  that template. `template_cross_office` (grey): a template under the name of a registry office
  that does not hold it (the name decides).
- `name_*`: unrelated handle and picture; only the name decides: `name_order`, `name_separator`,
  `name_dropword`, `name_decoration` (trailing marks, 【公式】［公式］＜公式＞, ★, bars, brackets,
  emoji), `name_width` (half-width kana, full-width Latin/digits), `name_kana`, `name_itaiji`
  (variant kanji), `name_homoglyph` (cross-script), `name_invisible` (ZWSP, ZWJ, ZWNJ, WJ, soft
  hyphen, BOM, variation selectors), `name_romaji`, `name_body` (grey: the name of a registered
  body with 【公式】 or an unlisted office).
- `handle_*`: person-like or topical name, unrelated picture; only the handle decides:
  `handle_homoglyph` (0/o, 1/l/I, rn/m, vv/w, cl/d), `handle_edit`, `handle_double`,
  `handle_transpose`, `handle_separator`, `handle_affix`, `handle_fediverse` (the genuine handle as
  a Bluesky/Mastodon local part, with `-` for `_`/`.` on Bluesky and `_` for `.` on Mastodon),
  `handle_xplatform` (the genuine handle taken on a mainstream platform where that account does
  not exist).
- `combo_pic_handle`, `combo_disclaimer_handle` (explicit disclaimer + lookalike handle: suspect),
  `combo_aggregator_handle` (まとめ/速報/情報 name + lookalike handle), `disclaimer_grey`.
- Clear: `clear_person`, `clear_shop`, `clear_other_body`, `clear_template_other` (a template
  picture under the own name of an office or body outside the registry), `clear_disclaimer`
  (explicit disclaimer + copied name + unrelated handle), `clear_default_pic`, `clear_aggregator`,
  `clear_shared_word`, `clear_generic_name` (grey: programme name without a place).
- `bad_image`: the avatar is a text file named .png, random bytes, an empty file, an HTML page
  named .jpg or a truncated JPEG; labelled by what the name and handle say.

## Pictures

Templates (byte-identical pictures held by accounts of different offices):

| picture | what | holders |
|---|---|---|
{tmpl_rows}

Pictures distinctive to one office:

| picture | holders |
|---|---|
{dist_rows}

All pictures are drawn by `art.py` (invented designs; no real emblem is reproduced): a teal tile
with a sunrise and a serif wordmark, a scalloped sakura badge, a low-contrast pastel mother-and-child
mark, a dark-mode gold emblem, a chalkboard, a gradient character illustration, photo-like
harbour/building/lake/lilac/beach/rose/volcano scenes with noise texture, thin line art on white,
a neon dark-mode ring and a pastel serif design. Sizes 240–400 px.

## Policy applied

{policy}

Judgement calls beyond the policy's text (each such line is `grey` and its `note` says why):

- A copied picture is enough on its own even next to an explicit disclaimer; a disclaimer that is
  only in the bio does not make a labelled fan account.
- A template picture under the own name of an office or body outside the registry is clear; under
  a name that imitates a registry office that does not hold it, the name decides (suspect).
- The name of a registered body presented as official (鹿児島労働局【公式】, 北海道労働局 + an
  office not in its published list) is suspect, targeting the body's account on that platform.
- Generic programme names without a place (わかものハローワーク, 新卒応援ハローワーク,
  マザーズハローワーク) are clear: they name no registry office.
- The Chitose LINE account at lin.ee/T7nMfHh is labelled genuine (the registry notes that its
  published kin.ee URL is almost certainly a typo).
"""


if __name__ == "__main__":
    main()
