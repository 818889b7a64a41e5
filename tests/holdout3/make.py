#!/usr/bin/env python3
"""Build the holdout3 evaluation set (genuine.jsonl, candidates.jsonl, img/).

Deterministic: fixed seeds, img/ cleared first. Run from anywhere:
    python3 tests/holdout3/make.py
Labels are written by hand in this file (see README.md for the policy); nothing here calls
or reads the detector.
"""
import io
import json
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
import numpy as np
from PIL import Image, ImageDraw, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import draw  # noqa: E402

IMG = os.path.join(HERE, "img")

# ----------------------------------------------------------------------------- registry
# (key, body, platform, handle, id, url, display_name, picture) transcribed from seeds/*.toml.
REG = [
    ("bk_x", "bunkyo-ward", "x", "b_diverjinzai", None, "https://x.com/b_diverjinzai",
     "文京区中小企業ダイバーシティ人材採用促進事業", "bunkyo"),
    ("hk_x", "hokkaido", "x", "HKDMHLWitter", None, "https://twitter.com/HKDMHLWitter", "北海道労働局", "hokkaido"),
    ("hk_fb", "hokkaido", "facebook", "mhlw.hokkaido", None, "https://www.facebook.com/mhlw.hokkaido/",
     "北海道労働局", "hokkaido"),
    ("hk_yt", "hokkaido", "youtube", None, "UCU37RXEEsFqGdyxu1FBkK6w",
     "https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w", "北海道労働局", "bureau"),
    ("ss_x1", "hokkaido", "x", "S_shinsotu_yell", None, "https://twitter.com/S_shinsotu_yell",
     "札幌新卒応援ハローワーク【公式】(23卒・24卒・既卒者の就活支援) 北海道札幌市", "ss_mascot"),
    ("ss_x2", "hokkaido", "x", "wnfS2dleh0GTpA5", None, "https://twitter.com/wnfS2dleh0GTpA5",
     "【高校生支援用】札幌新卒応援ハローワーク", "ss_high"),
    ("wk_x", "hokkaido", "x", "s_wakaharo", None, "https://twitter.com/s_wakaharo", "札幌わかものハローワーク【公式】",
     "wakamono"),
    ("ms_x", "hokkaido", "x", "s_mothersHW", None, "https://twitter.com/s_mothersHW", "マザーズハローワーク札幌",
     "ms_flower"),
    ("ob_x", "hokkaido", "x", "hw_obihiro", None, "https://twitter.com/hw_obihiro",
     "ハローワーク帯広(帯広公共職業安定所)【公式】", "obihiro"),
    ("ru_x", "hokkaido", "x", "HW_Rumoi", None, "https://twitter.com/HW_Rumoi", "ハローワーク留萌【公式】", "hellowork"),
    ("sh_x", "hokkaido", "x", "HWsa_higashi", None, "https://twitter.com/HWsa_higashi", "@ハローワーク札幌東【公式】",
     "hellowork"),
    ("sa_x", "hokkaido", "x", "HW_Sapporo", None, "https://twitter.com/HW_Sapporo", "ハローワーク札幌【公式】", "hellowork"),
    ("ch_x", "hokkaido", "x", "HW_Chitose", None, "https://twitter.com/HW_Chitose", "ハローワーク千歳【公式】", "chitose"),
    ("ss_fb", "hokkaido", "facebook", "札幌新卒応援ハローワーク-149635718569446", "149635718569446",
     "https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/", "札幌新卒応援ハローワーク", "shinsotsu"),
    ("ss_line", "hokkaido", "line", "@ogz4781d", None, "https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d",
     "札幌新卒応援ハローワーク", "shinsotsu"),
    ("ms_line", "hokkaido", "line", "@tkh1850j", None, "https://line.me/R/ti/p/@tkh1850j?from=page",
     "マザーズハローワーク札幌", "mothers"),
    ("ch_line", "hokkaido", "line", None, None, "https://kin.ee/T7nMfHh", "ハローワーク千歳", "chitose"),
    ("ss_ig", "hokkaido", "instagram", "sapporo.sinsotu.hw", None, "https://www.instagram.com/sapporo.sinsotu.hw/",
     "札幌新卒応援ハローワーク【公式】就活支援/北海道", "ss_mascot"),
    ("ms_ig", "hokkaido", "instagram", "mhw.sapporo", None, "https://www.instagram.com/mhw.sapporo/",
     "マザーズハローワーク札幌", "ms_flower"),
    ("kg_yt1", "kagoshima", "youtube", None, "UCVS03516GOKUFplfW0T9Bfg",
     "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber",
     "鹿児島労働局新卒応援・ハロトレ情報YouTubeチャンネル", "sakurajima"),
    ("kg_yt2", "kagoshima", "youtube", None, "UC1jhFwBGB1B8F7VXlx0Vypg",
     "https://www.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg", "鹿児島労働局企業PR動画YouTubeチャンネル", "bureau"),
    ("ko_yt", "kagoshima", "youtube", None, "UCKxOV1MV1McuSb0IPDoS2-g",
     "https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g", "ハローワーク国分YouTubeチャンネル【公式】", "kokubu"),
    ("ks_yt", "kagoshima", "youtube", None, "UCjrV6BWU7cc1PrVRxvMZGBg",
     "https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg", "ハローワーク加世田YouTubeチャンネル【公式】", "hellowork"),
    ("ib_yt", "kagoshima", "youtube", None, "UCDGE9Yq32sIviNmjBHcx0uQ",
     "https://www.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ", "ハローワーク指宿YouTubeチャンネル【公式】", "hellowork"),
    ("kr_ig", "kagoshima", "instagram", "kagoshimakunren", None, "https://www.instagram.com/kagoshimakunren/",
     "鹿児島労働局訓練課", "kunren"),
    ("kt_ig", "kagoshima", "instagram", "k.taisaku46", None, "http://www.instagram.com/k.taisaku46/?hl=ja",
     "鹿児島労働局職業対策課 人材確保対策等公式アカウント", "taisaku"),
    ("kss_ig", "kagoshima", "instagram", "kagoshima_shinsotsu_hw", None,
     "https://www.instagram.com/kagoshima_shinsotsu_hw", "鹿児島新卒応援ハローワーク【公式】", "shinsotsu"),
    ("ka_ig", "kagoshima", "instagram", "hw_kanoya", None, "https://www.instagram.com/hw_kanoya",
     "ハローワークかのや【公式】", "kanoya"),
    ("kr_x", "kagoshima", "x", "46Kunrenka", None, "http://x.com/46Kunrenka", "【公式】鹿児島労働局 ミドルシニア世代活躍支援",
     "kunren"),
    ("kh_line", "kagoshima", "line", None, None, "https://lin.ee/popg0eo", "ハローワークかごしま LINE 公式アカウント",
     "kagoshima_hw"),
    ("km_line", "kagoshima", "line", None, None, "https://lin.ee/dFysG1l", "マザーズハローワークかごしま", "mothers"),
    ("se_line", "kagoshima", "line", None, None, "https://lin.ee/3wF416C", "ハローワーク川内（マザーズコーナー）", "mothers"),
    ("ka_line", "kagoshima", "line", None, None, "https://lin.ee/PsiFTnC", "ハローワークかのや（マザーズコーナー）", "mothers"),
    ("ko_line", "kagoshima", "line", None, None, "https://lin.ee/3eXoBRU", "ハローワーク国分（マザーズコーナー）", "mothers"),
    ("kr_fb", "kagoshima", "facebook", None, "61578961199265", "https://www.facebook.com/profile.php?id=61578961199265",
     "鹿児島労働局訓練課", "kunren"),
]
A = {r[0]: dict(key=r[0], body=r[1], platform=r[2], handle=r[3], id=r[4], url=r[5], name=r[6], pic=r[7]) for r in REG}
KEYS = [r[0] for r in REG]

# Accounts of one office that carry the same name (alt targets when a name is copied).
NAME_GROUPS = [
    ["hk_x", "hk_fb", "hk_yt"],
    ["ss_x1", "ss_x2", "ss_fb", "ss_line", "ss_ig"],
    ["ms_x", "ms_line", "ms_ig"],
    ["ch_x", "ch_line"],
    ["kr_ig", "kr_fb"],
    ["ko_yt", "ko_line"],
    ["ka_ig", "ka_line"],
]
TEMPLATES = ["hellowork", "shinsotsu", "mothers", "bureau"]
DISTINCT = ["hokkaido", "ss_mascot", "ss_high", "wakamono", "ms_flower", "obihiro", "chitose", "sakurajima",
            "kokubu", "kunren", "taisaku", "kanoya", "kagoshima_hw", "bunkyo"]
PIC_HOLDERS = {}
for k in KEYS:
    PIC_HOLDERS.setdefault(A[k]["pic"], []).append(k)


def tref(k):
    a = A[k]
    d = {"platform": a["platform"]}
    if a["handle"]:
        d["handle"] = a["handle"]
    else:
        d["url"] = a["url"]
    return d


def name_alts(k):
    for g in NAME_GROUPS:
        if k in g:
            return [x for x in g if x != k]
    return []


# ----------------------------------------------------------------------------- pictures

GEN_IMG = {}      # picture name -> relative path
PIL_CACHE = {}    # picture name -> PIL image


def rel(p):
    return os.path.relpath(p, HERE).replace(os.sep, "/")


def save(im, name, fmt="png", q=None):
    path = os.path.join(IMG, name + "." + ("jpg" if fmt == "jpeg" else fmt))
    assert not os.path.exists(path), path
    if fmt == "jpeg":
        im.convert("RGB").save(path, "JPEG", quality=q or 85, optimize=False, subsampling=2)
    else:
        im.save(path, "PNG", optimize=False, compress_level=6)
    return rel(path)


def build_genuine_pictures():
    for i, (name, fn) in enumerate(draw.GENUINE_PICTURES.items()):
        im = fn(np.random.default_rng(1000 + i))
        assert 200 <= im.size[0] <= 400
        PIL_CACHE[name] = im
        GEN_IMG[name] = save(im, "g_" + name)


# transformations ---------------------------------------------------------------

def t_crop(im, l, t, r, b, zoom=False):
    w, h = im.size
    c = im.crop((int(w * l), int(h * t), int(w * (1 - r)), int(h * (1 - b))))
    return c.resize((w, h), Image.LANCZOS) if zoom else c


def t_hue(im, deg):
    hsv = np.asarray(im.convert("HSV")).copy()
    hsv[:, :, 0] = (hsv[:, :, 0].astype(int) + int(deg / 360 * 256)) % 256
    return Image.fromarray(hsv, "HSV").convert("RGB")


def t_grey(im):
    return im.convert("L").convert("RGB")


def t_bgswap(im, colour, thresh=48):
    out = im.copy()
    w, h = out.size
    for xy in [(1, 1), (w - 2, 1), (1, h - 2), (w - 2, h - 2)]:
        if out.getpixel(xy) != colour:
            ImageDraw.floodfill(out, xy, colour, thresh=thresh)
    return out


def t_sepia(im):
    g = np.asarray(im.convert("L"), float)
    a = np.stack([g * 1.07, g * 0.89, g * 0.68], axis=2)
    return draw.arr2img(a + np.array([20, 10, 0]))


def t_band(im, text, frac, colour=(220, 30, 30), where="bottom"):
    out = im.copy()
    w, h = out.size
    bh = int(h * frac)
    d = ImageDraw.Draw(out)
    y0 = h - bh if where == "bottom" else 0
    d.rectangle([0, y0, w, y0 + bh], fill=colour)
    draw.text_c(d, (w / 2, y0 + bh / 2), text, "sansb", bh * 0.62, (255, 255, 255), maxw=w - 10)
    return out


def t_sticker(im, text, frac, colour=(255, 200, 0), corner="tr"):
    """Round sticker covering about `frac` of the area."""
    out = im.copy()
    w, h = out.size
    r = int((frac * w * h / 3.1416) ** 0.5)
    cx = w - r - 4 if corner[1] == "r" else r + 4
    cy = r + 4 if corner[0] == "t" else h - r - 4
    d = ImageDraw.Draw(out)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour, outline=(255, 255, 255), width=3)
    draw.text_c(d, (cx, cy), text, "sansb", r * 0.7, (40, 40, 40), maxw=r * 1.6)
    return out


def t_circle(im, outside=(255, 255, 255), transparent=False):
    w, h = im.size
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).ellipse([0, 0, w - 1, h - 1], fill=255)
    if transparent:
        out = im.convert("RGBA")
        out.putalpha(m)
        return out
    bg = Image.new("RGB", (w, h), outside)
    bg.paste(im, (0, 0), m)
    return bg


def t_border(im, frac, colour, inner=None):
    w, h = im.size
    p = int(w * frac)
    out = ImageOps.expand(im.convert("RGB"), border=p, fill=colour)
    if inner:
        d = ImageDraw.Draw(out)
        d.rectangle([p - 4, p - 4, p + w + 3, p + h + 3], outline=inner, width=3)
    return out


def t_mirror(im):
    return ImageOps.mirror(im)


def t_down(im, px):
    return im.resize((px, px), Image.LANCZOS)


# ----------------------------------------------------------------------------- handles

RNG_H = np.random.default_rng(4242)
GIVEN = ["haru", "yuki", "sora", "mika", "kenta", "aoi", "riku", "nana", "shota", "emi", "taro", "hana", "ren",
         "mei", "kaito", "saki", "daiki", "yui", "koji", "ami", "tomo", "rina", "sho", "kei"]
FAMILY = ["tanaka", "suzuki", "ito", "kato", "yamada", "mori", "ikeda", "ogawa", "hayashi", "kimura", "nishi",
          "matsui", "fujii", "okada", "ueno"]
TOPIC = ["jobnews", "kyujin", "worklife", "career", "shigoto", "tenshoku", "baito", "shukatsu", "koyo",
         "jobinfo", "recruit", "workfeed"]
USED_HANDLES = set()


def _uniq(h):
    if h.lower() in USED_HANDLES:
        return None
    USED_HANDLES.add(h.lower())
    return h


def gen_handle(platform, style="person"):
    while True:
        r = RNG_H
        if style == "person":
            base = [GIVEN[r.integers(len(GIVEN))], FAMILY[r.integers(len(FAMILY))]]
        else:
            base = [TOPIC[r.integers(len(TOPIC))], ["2025", "jp", "now", "daily", "plus", "hub"][r.integers(6)]]
        num = str(r.integers(10, 999))
        if platform in ("x", "twitter"):
            h = (base[0] + "_" + base[1])[:11] + num
            h = h[:15]
        elif platform == "instagram":
            h = base[0] + "." + base[1] + num
        elif platform == "facebook":
            h = base[0] + "." + base[1] + "." + num
        elif platform == "youtube":
            h = "@" + base[0] + "-" + base[1] + num
        elif platform == "line":
            letters = "abcdefghijkmnpqrstuvwxyz"
            h = "@" + "".join(letters[r.integers(len(letters))] for _ in range(3)) + \
                "".join(str(r.integers(10)) for _ in range(4)) + letters[r.integers(len(letters))]
        elif platform == "bluesky":
            h = base[0] + "-" + base[1] + num + ".bsky.social"
        elif platform == "mastodon":
            h = base[0] + "_" + base[1] + num + "@" + ["mstdn.jp", "fedibird.com", "mastodon.social"][r.integers(3)]
        else:
            raise ValueError(platform)
        h = _uniq(h)
        if h:
            return h


def url_for(platform, handle):
    h = handle.lstrip("@") if handle else None
    if not h:
        return None
    if platform == "x":
        return "https://x.com/" + h
    if platform == "instagram":
        return "https://www.instagram.com/" + h + "/"
    if platform == "facebook":
        return "https://www.facebook.com/" + h
    if platform == "youtube":
        return "https://www.youtube.com/@" + h
    if platform == "line":
        return "https://page.line.me/" + h
    if platform == "bluesky":
        return "https://bsky.app/profile/" + h
    if platform == "mastodon":
        user, inst = h.split("@")
        return "https://" + inst + "/@" + user
    return None


# ----------------------------------------------------------------------------- records

CANDS = []
_n = [0]


def new_img_name():
    _n[0] += 1
    return "c_%03d" % _n[0]


def add(cls, label, platform, name, handle=None, avatar=None, target=None, alts=None, note="", grey=False,
        bio=None, url=None, id_=None, target_override=None):
    rec = {"platform": platform}
    if handle is not None:
        rec["handle"] = handle
    if id_ is not None:
        rec["id"] = id_
    rec["display_name"] = name
    u = url if url is not None else url_for(platform, handle)
    if u:
        rec["url"] = u
    if avatar:
        rec["avatar"] = avatar
    if bio:
        rec["bio"] = bio
    rec["label"] = label
    rec["class"] = cls
    if target:
        t = tref(target)
        rec["target_platform"] = t["platform"]
        if "handle" in t:
            rec["target_handle"] = t["handle"]
        else:
            rec["target_url"] = t["url"]
        if A[target]["id"]:
            rec["target_id"] = A[target]["id"]
        rec["target_display_name"] = A[target]["name"]
    else:
        rec["target_platform"] = None
        rec["target_handle"] = None
    rec["alt_targets"] = [tref(k) for k in (alts or [])]
    rec["note"] = note
    rec["grey"] = bool(grey)
    CANDS.append(rec)


# ----------------------------------------------------------------------------- picture attacks

PIC_NAMES_TOPICAL = ["北海道求人速報", "札幌しごと情報", "道東バイトナビ", "鹿児島求人まとめ", "九州就活ニュース",
                     "南九州しごと速報", "東京23区企業ナビ", "求人ピックアップ", "転職ナビ北海道", "鹿児島くらしと仕事",
                     "空港バイト情報", "十勝のお仕事", "大隅しごと通信", "就活ニュース速報", "地元で働こう"]
PIC_NAMES_OFFICIAL = ["就職支援センター", "若者しごとサポート窓口", "雇用相談デスク", "キャリア支援室", "職業訓練案内所",
                      "人材確保推進室", "子育て就職相談室", "就労サポート事務局", "地域雇用推進協議会", "再就職支援プラザ"]
PIC_NAMES_PERSON = ["田中ゆうき", "さくら🌸", "Kenji Sato", "みほママ", "たろう＠就活中", "Aya", "山口まこと", "ひろ",
                    "ゆい🍓", "mori kei", "しょうた", "えみ"]
PLATS = ["x", "instagram", "facebook", "youtube", "line"]
RNG_P = np.random.default_rng(777)


def pick(lst, rng):
    return lst[int(rng.integers(len(lst)))]


def pic_target(pic, platform):
    holders = PIC_HOLDERS[pic]
    same = [k for k in holders if A[k]["platform"] == platform]
    t = same[0] if same else holders[0]
    return t, [k for k in holders if k != t]


def pic_class(cls, maker, describe):
    """16 lines: 15 distinctive pictures (rotating) + 1 shared template (grey)."""
    ci = PIC_CLASSES.index(cls)
    rng = np.random.default_rng(500 + ci)
    order = DISTINCT[ci % 14:] + DISTINCT[:ci % 14]
    pics = order + [order[0]] + [TEMPLATES[ci % 4]]
    for i, pic in enumerate(pics):
        platform = PLATS[(i + ci) % 5]
        is_tpl = pic in TEMPLATES
        kind = ["topical", "official", "person"][(i + ci) % 3] if not is_tpl else ["topical", "official"][ci % 2]
        if kind == "topical":
            nm, hs = pick(PIC_NAMES_TOPICAL, rng), "topic"
        elif kind == "official":
            nm, hs = pick(PIC_NAMES_OFFICIAL, rng), "topic"
        else:
            nm, hs = pick(PIC_NAMES_PERSON, rng), "person"
        src = PIL_CACHE[pic]
        res = maker(src, rng, i, pic)
        name = new_img_name()
        if res == "copy":
            path = os.path.join(IMG, name + ".png")
            shutil.copyfile(os.path.join(HERE, GEN_IMG[pic]), path)
            av, how = rel(path), "byte-identical copy"
        else:
            im, fmt, q, how = res
            if fmt == "png" and im.mode == "RGB" and i % 2 == 1:
                fmt, q, how = "jpeg", 92, how + ", saved as JPEG q92"
            av = save(im, name, fmt, q)
        t, alts = pic_target(pic, platform)
        note = "picture of %s (%s) %s; name '%s' and handle copy nothing" % (
            pic, "/".join(PIC_HOLDERS[pic]), how, nm)
        grey = False
        if is_tpl:
            grey = True
            note += ("; GREY: shared template picture held by several offices, copied under a %s name that names "
                     "no other body, so a citizen could take it for one of them (policy: template under topical "
                     "name = suspect)" % kind)
        add(cls, "suspect", platform, nm, gen_handle(platform, hs), av, t, alts, note, grey)


def mk_exact(src, rng, i, pic):
    return "copy"


def mk_jpeg(src, rng, i, pic):
    q = int(30 + (i * 2) % 31)
    im = src
    how = "re-encoded as JPEG q%d" % q
    if i % 3 == 1:
        im = src.resize((400, 400), Image.BICUBIC)
        how += " after upscaling to 400 px"
    return im, "jpeg", q, how


def mk_down(src, rng, i, pic):
    px = 48 + (i * 3) % 49
    fmt = "jpeg" if i % 2 else "png"
    return t_down(src, px), fmt, 85, "downsized to %d px (%s)" % (px, fmt)


def mk_crop(src, rng, i, pic):
    f = [round(float(rng.uniform(0.03, 0.25)), 3) for _ in range(4)]
    zoom = i % 2 == 0
    return t_crop(src, *f, zoom=zoom), "png", None, "cropped l/t/r/b %s%s" % (f, " and zoomed back" if zoom else "")


def mk_mirror(src, rng, i, pic):
    fmt = "jpeg" if i % 4 == 3 else "png"
    return t_mirror(src), fmt, 90, "mirrored left-right"


def mk_recolour(src, rng, i, pic):
    m = i % 4
    if m == 0:
        deg = int(rng.integers(40, 320))
        return t_hue(src, deg), "png", None, "hue shifted %d deg" % deg
    if m == 1:
        return t_grey(src), "png", None, "greyscale"
    if m == 2:
        col = [(30, 30, 30), (255, 255, 255), (250, 220, 0), (0, 160, 200)][int(rng.integers(4))]
        return t_bgswap(src, col), "png", None, "background flood-filled with %s" % (col,)
    return t_sepia(src), "png", None, "sepia toned"


def mk_overlay(src, rng, i, pic):
    m = i % 4
    if m == 0:
        fr = round(float(rng.uniform(0.12, 0.2)), 2)
        return t_band(src, "求人情報", fr), "png", None, "red text band over bottom %d%%" % (fr * 100)
    if m == 1:
        fr = round(float(rng.uniform(0.1, 0.18)), 2)
        return t_sticker(src, "NEW", fr), "png", None, "round sticker over %d%% of the area" % (fr * 100)
    if m == 2:
        fr = round(float(rng.uniform(0.12, 0.2)), 2)
        return t_band(src, "フォローしてね", fr, (20, 20, 20), "top"), "png", None, \
            "black text band over top %d%%" % (fr * 100)
    fr = round(float(rng.uniform(0.08, 0.15)), 2)
    return t_sticker(src, "★", fr, (60, 160, 255), "bl"), "jpeg", 80, \
        "blue star badge over %d%% (bottom-left), JPEG" % (fr * 100)


def mk_circle(src, rng, i, pic):
    m = i % 3
    if m == 0:
        return t_circle(src), "png", None, "circular mask on white"
    if m == 1:
        return t_circle(src, transparent=True), "png", None, "circular mask, transparent outside (RGBA)"
    return t_circle(src, (0, 0, 0)), "jpeg", 85, "circular mask on black, JPEG"


def mk_border(src, rng, i, pic):
    fr = round(float(rng.uniform(0.05, 0.18)), 2)
    col = [(255, 255, 255), (0, 0, 0), (230, 40, 40), (255, 215, 0), (40, 120, 220)][i % 5]
    inner = (255, 255, 255) if i % 3 == 0 and col != (255, 255, 255) else None
    return t_border(src, fr, col, inner), "png", None, "padded %d%% per side with %s%s" % (
        fr * 100, col, " and a frame line" if inner else "")


def mk_combo(src, rng, i, pic):
    m = i % 6
    if m == 0:
        im = t_mirror(t_crop(src, 0.1, 0.05, 0.08, 0.12, zoom=True))
        return im, "jpeg", 45, "crop+zoom, mirror, JPEG q45"
    if m == 1:
        im = t_down(t_circle(t_hue(src, 120)), 72)
        return im, "png", None, "hue 120, circle, 72 px"
    if m == 2:
        im = t_border(t_band(src, "速報", 0.15), 0.1, (0, 0, 0))
        return im, "jpeg", 55, "text band 15%, black border 10%, JPEG q55"
    if m == 3:
        im = t_down(t_grey(t_mirror(src)), 96)
        return im, "jpeg", 40, "mirror, greyscale, 96 px, JPEG q40"
    if m == 4:
        im = t_sticker(t_crop(src, 0.15, 0.15, 0.0, 0.0, zoom=False), "PR", 0.1)
        return im, "png", None, "crop 15% top-left, sticker 10%"
    im = t_circle(t_border(t_mirror(src), 0.08, (255, 230, 240)), transparent=True)
    return im, "png", None, "mirror, pink padding 8%, transparent circle"


PIC_CLASSES = ["pic_exact", "pic_jpeg", "pic_downsize", "pic_crop", "pic_mirror", "pic_recolour", "pic_overlay",
               "pic_circle", "pic_border", "pic_combo"]
PIC_MAKERS = [mk_exact, mk_jpeg, mk_down, mk_crop, mk_mirror, mk_recolour, mk_overlay, mk_circle, mk_border,
              mk_combo]


# ----------------------------------------------------------------------------- own (unrelated) pictures

OWN = {}


def own_picture(tag, fn):
    if tag not in OWN:
        OWN[tag] = save(fn(), "o_" + tag)
    return OWN[tag]


def build_own_pool():
    rng = np.random.default_rng(31337)
    specs = [
        ("job1", "JOB", "お仕事さがし", (255, 255, 255), (220, 220, 220), (255, 255, 255), (90, 90, 90), "square"),
        ("job2", "求人", "毎日更新", (255, 250, 230), (240, 210, 160), (255, 255, 255), (150, 90, 30), "circle"),
        ("job3", "NEWS", "ニュース", (230, 240, 255), (170, 190, 230), (255, 255, 255), (60, 60, 120), "diamond"),
        ("job4", "WORK", "はたらく", (240, 255, 240), (180, 220, 180), (255, 255, 255), (30, 110, 60), "star"),
        ("job5", "★", "info", (255, 235, 245), (230, 180, 200), (255, 255, 255), (160, 40, 90), "flag"),
    ]
    for tag, t, sub, b1, b2, fg, ring, shape in specs:
        own_picture(tag, lambda t=t, sub=sub, b1=b1, b2=b2, fg=fg, ring=ring, shape=shape:
                    draw.emblem(rng, t, sub, b1, b2, fg, ring, shape, kind="sansb"))
    own_picture("cat", lambda: draw.scene(rng, (250, 200, 160), (250, 240, 220), (120, 90, 60), (200, 150, 120),
                                          "にゃんこ日記"))
    own_picture("sea", lambda: draw.scene(rng, (120, 200, 250), (230, 245, 255), (20, 80, 160), (60, 140, 200), ""))
    own_picture("person1", lambda: draw.portrait(rng, (180, 200, 230), (250, 220, 195), (50, 40, 30),
                                                 (60, 90, 150)))


OWN_TAGS = ["job1", "job2", "job3", "job4", "job5", "cat", "sea", "person1"]


# ----------------------------------------------------------------------------- name attacks

def name_class(cls, rows):
    """rows: (target, candidate platform, display name, note[, grey, alts_override, picture])."""
    for j, row in enumerate(rows):
        t, platform, nm, note = row[:4]
        grey = row[4] if len(row) > 4 else False
        alts = row[5] if len(row) > 5 and row[5] is not None else name_alts(t)
        av = None
        if j % 3 == 1:
            av = OWN[OWN_TAGS[(j + len(cls)) % len(OWN_TAGS)]]
        style = "topic" if j % 2 else "person"
        add(cls, "suspect", platform, nm, gen_handle(platform, style), av, t, alts,
            note + ("; own unrelated picture" if av else "; no picture") + "; handle unrelated", grey)


ZW = "\u200b"
NAME_ROWS = {
    "name_exact": [
        ("hk_x", "x", "北海道労働局", "exact copy of the X name"),
        ("hk_fb", "facebook", "北海道労働局", "exact copy of the Facebook page name"),
        ("hk_yt", "youtube", "北海道労働局", "exact copy of the YouTube channel name"),
        ("sa_x", "instagram", "ハローワーク札幌【公式】", "X name copied onto Instagram"),
        ("ms_ig", "instagram", "マザーズハローワーク札幌", "exact copy"),
        ("ss_fb", "facebook", "札幌新卒応援ハローワーク", "exact copy of the Facebook name"),
        ("ch_line", "line", "ハローワーク千歳", "exact copy of the LINE name"),
        ("kr_fb", "facebook", "鹿児島労働局訓練課", "exact copy"),
        ("kss_ig", "x", "鹿児島新卒応援ハローワーク【公式】", "Instagram name copied onto X"),
        ("ka_ig", "facebook", "ハローワークかのや【公式】", "Instagram name copied onto Facebook"),
        ("kh_line", "line", "ハローワークかごしま LINE 公式アカウント", "exact copy of the LINE name"),
        ("km_line", "line", "マザーズハローワークかごしま", "exact copy of the LINE name"),
        ("bk_x", "x", "文京区中小企業ダイバーシティ人材採用促進事業", "exact copy"),
        ("ko_yt", "youtube", "ハローワーク国分YouTubeチャンネル【公式】", "exact copy of the channel name"),
        ("kg_yt2", "youtube", "鹿児島労働局企業PR動画YouTubeチャンネル", "exact copy of the channel name"),
        ("ob_x", "x", "帯広公共職業安定所", "exact registry alias (formal office name)"),
    ],
    "name_decor": [
        ("hk_x", "x", "【公式】北海道労働局", "【公式】 added in front"),
        ("sa_x", "x", "ハローワーク札幌（公式）", "【公式】 changed to （公式）"),
        ("ru_x", "x", "公式 ハローワーク留萌", "【公式】 moved to the front, brackets dropped"),
        ("ob_x", "x", "✅ハローワーク帯広【公式】", "check emoji, parenthesised office name dropped"),
        ("ch_x", "x", "［公式］ハローワーク千歳", "［公式］ in front"),
        ("ms_x", "x", "☑️マザーズハローワーク札幌", "fake check emoji"),
        ("wk_x", "instagram", "札幌わかものハローワーク 公認", "【公式】 changed to 公認"),
        ("kr_ig", "instagram", "鹿児島労働局訓練課【公式】", "【公式】 added"),
        ("ka_ig", "instagram", "〈公式〉ハローワークかのや", "〈公式〉 moved to the front"),
        ("bk_x", "x", "【公式】文京区中小企業ダイバーシティ人材採用促進事業", "【公式】 added"),
        ("ib_yt", "youtube", "【公式】ハローワーク指宿 YouTubeチャンネル", "【公式】 moved, space added"),
        ("ks_yt", "youtube", "🔵ハローワーク加世田YouTubeチャンネル 公式", "blue-dot emoji, brackets dropped"),
        ("kss_ig", "instagram", "鹿児島新卒応援ハローワーク official ✔️", "official + check mark"),
        ("se_line", "line", "【公式】ハローワーク川内（マザーズコーナー）", "【公式】 added"),
        ("kt_ig", "instagram", "【公認】鹿児島労働局職業対策課", "【公認】 + the distinctive part of the name"),
        ("ss_line", "line", "札幌新卒応援ハローワーク【公式】✅", "【公式】 and check emoji added"),
    ],
    "name_width_kana": [
        ("sa_x", "x", "ﾊﾛｰﾜｰｸ札幌【公式】", "half-width katakana"),
        ("ob_x", "x", "ハローワークおびひろ", "place written in hiragana"),
        ("ru_x", "x", "はろーわーく留萌", "katakana to hiragana"),
        ("ch_x", "x", "ハローワークちとせ【公式】", "place in hiragana"),
        ("ms_ig", "instagram", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸ札幌", "half-width katakana with dakuten"),
        ("hk_fb", "facebook", "ほっかいどう労働局", "place in hiragana"),
        ("ss_ig", "instagram", "さっぽろ新卒応援ハローワーク", "place in hiragana"),
        ("wk_x", "x", "札幌ワカモノハローワーク", "hiragana to katakana"),
        ("ka_ig", "instagram", "ハローワークカノヤ", "hiragana to katakana"),
        ("ko_line", "line", "ハローワークこくぶ（マザーズコーナー）", "place in hiragana"),
        ("ib_yt", "youtube", "ハローワークいぶすき", "place in hiragana"),
        ("ks_yt", "youtube", "ハローワークかせだ ＹｏｕＴｕｂｅ", "place in hiragana, full-width Latin"),
        ("km_line", "line", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸかごしま", "half-width katakana"),
        ("bk_x", "x", "文京区中小企業ﾀﾞｲﾊﾞｰｼﾃｨ人材採用促進事業", "half-width katakana"),
        ("kr_fb", "facebook", "かごしま労働局訓練課", "place in hiragana"),
        ("se_line", "line", "ハローワークせんだい（マザーズコーナー）",
         "place 川内 written by its reading せんだい. GREY: せんだい also reads 仙台 (another Hello Work), "
         "but with （マザーズコーナー） it reproduces the Satsumasendai LINE name; labelled suspect by the "
         "kana-reading rule", True),
    ],
    "name_dash_homoglyph": [
        ("sa_x", "x", "ハロ一ワ一ク札幌【公式】", "ー replaced by kanji 一 (U+4E00)"),
        ("ob_x", "x", "ハロ－ワ－ク帯広", "ー replaced by full-width hyphen U+FF0D"),
        ("ru_x", "x", "ハロ―ワ―ク留萌【公式】", "ー replaced by horizontal bar U+2015"),
        ("ch_x", "x", "八口一ワ一ク千歳", "ハ→八, ロ→口, ー→一 (kanji lookalikes)"),
        ("sh_x", "x", "ハロ-ワ-ク札幌東【公式】", "ー replaced by ASCII hyphen"),
        ("ka_ig", "instagram", "ハロ−ワ−クかのや", "ー replaced by minus sign U+2212"),
        ("ms_x", "x", "マザ一ズハロ一ワ一ク札幌", "every ー replaced by 一"),
        ("ss_x1", "x", "札幌新卒応援ハロ─ワ─ク", "ー replaced by box-drawing U+2500"),
        ("ko_yt", "youtube", "ハロ━ワ━ク国分", "ー replaced by heavy box-drawing U+2501"),
        ("ib_yt", "youtube", "ハロ‐ワ‐ク指宿【公式】", "ー replaced by hyphen U+2010"),
        ("ks_yt", "youtube", "ハロ–ワ–ク加世田", "ー replaced by en dash U+2013"),
        ("kr_x", "x", "【公式】鹿児島労働局 ミドルシ二ア世代活躍支援", "ニ replaced by kanji 二"),
        ("bk_x", "x", "文京区中小企業ダイバ一シティ人材採用促進事業", "ー replaced by 一"),
        ("kss_ig", "instagram", "鹿児島新卒応援ハロ―ワ―ク", "ー replaced by U+2015"),
        ("km_line", "line", "マザ一ズハロ一ワ一クかごしま", "ー replaced by 一"),
        ("wk_x", "x", "札幌わかものハロ—ワ—ク", "ー replaced by em dash U+2014"),
    ],
    "name_invisible": [
        ("sa_x", "x", "ハロー" + ZW + "ワーク札幌【公式】", "zero-width space inside"),
        ("hk_x", "x", "北海道\u3000労働局", "ideographic space U+3000 inside"),
        ("ob_x", "x", "ハローワーク\u2060帯広", "word joiner U+2060"),
        ("ru_x", "x", "ハローワーク留\u200d萌【公式】", "zero-width joiner"),
        ("ch_line", "line", "ハローワーク\ufeff千歳", "BOM / ZWNBSP U+FEFF"),
        ("ms_line", "line", "マザーズ\u00adハローワーク札幌", "soft hyphen U+00AD"),
        ("ss_ig", "instagram", "札幌新卒応援\u200cハローワーク【公式】", "zero-width non-joiner"),
        ("kr_ig", "instagram", "鹿児島労働局\u200e訓練課", "left-to-right mark U+200E"),
        ("ka_line", "line", "ハローワークかのや\u3164（マザーズコーナー）", "Hangul filler U+3164 (renders blank)"),
        ("kt_ig", "instagram", "鹿児島労働局\u034f職業対策課", "combining grapheme joiner U+034F"),
        ("bk_x", "x", "文京区" + ZW + "中小企業" + ZW + "ダイバーシティ人材採用促進事業", "two zero-width spaces"),
        ("hk_yt", "youtube", "北海道労働局" + ZW, "trailing zero-width space"),
        ("ko_yt", "youtube", "ハローワーク\u2061国分", "invisible function application U+2061"),
        ("kss_ig", "x", "鹿児島新卒応援\u3000ハローワーク", "ideographic space, copied onto X"),
        ("se_line", "line", "ハローワーク川内" + ZW + "（マザーズコーナー）", "zero-width space"),
        ("sh_x", "x", "ハローワーク札幌東\u200d【公式】", "zero-width joiner"),
    ],
    "name_variant_kanji": [
        ("hk_x", "x", "北海道勞働局", "労 → old form 勞"),
        ("hk_fb", "facebook", "北\ufa45道労働局", "海 → compatibility ideograph U+FA45"),
        ("ob_x", "x", "ハローワーク帶廣", "帯広 → old forms 帶廣"),
        ("ch_x", "x", "ハローワーク千歲【公式】", "歳 → variant 歲"),
        ("ko_yt", "youtube", "ハローワーク國分", "国 → old form 國"),
        ("kr_ig", "instagram", "鹿兒島労働局訓練課", "児 → old form 兒"),
        ("kss_ig", "instagram", "鹿児島新卒應援ハローワーク", "応 → old form 應"),
        ("ss_x1", "x", "札幌新卒應援ハローワーク", "応 → 應"),
        ("bk_x", "x", "文京區中小企業ダイバーシティ人材採用促進事業", "区 → old form 區"),
        ("kt_ig", "instagram", "鹿児嶋労働局職業對策課", "島 → 嶋, 対 → 對"),
        ("kr_fb", "facebook", "鹿児島勞働局訓練課", "労 → 勞"),
        ("ko_line", "line", "ハローワーク國分（マザーズコーナー）", "国 → 國"),
        ("kg_yt2", "youtube", "鹿兒島勞働局企業PR動画", "兒, 勞; YouTubeチャンネル dropped"),
        ("kr_x", "x", "鹿兒島労働局 ミドルシニア世代活躍支援", "児 → 兒, 【公式】 dropped"),
        ("ch_line", "line", "ハローワーク千嵗", "歳 → variant 嵗"),
        ("kg_yt1", "youtube", "鹿児嶋労働局新卒応援・ハロトレ情報", "島 → 嶋"),
    ],
    "name_structure": [
        ("sa_x", "x", "札幌ハローワーク", "order swapped"),
        ("ob_x", "x", "公共職業安定所 帯広", "formal office name, order swapped"),
        ("ru_x", "x", "留萌｜ハローワーク", "order swapped with ｜"),
        ("ch_x", "x", "ハローワーク・千歳", "・ separator"),
        ("hk_x", "x", "労働局 北海道", "order swapped"),
        ("kr_ig", "instagram", "訓練課／鹿児島労働局", "order swapped with ／"),
        ("ko_yt", "youtube", "国分ハローワーク公式チャンネル", "order swapped, generic words changed"),
        ("ib_yt", "youtube", "指宿公共職業安定所", "ハローワーク = 公共職業安定所"),
        ("ss_ig", "instagram", "新卒応援ハローワーク 札幌", "place moved to the end"),
        ("ms_ig", "instagram", "マザーズHW札幌",
         "ハローワーク abbreviated HW. GREY: abbreviation, but place+programme are kept", True),
        ("bk_x", "x", "文京区 ダイバーシティ人材採用", "generic words dropped (中小企業, 促進事業)"),
        ("kt_ig", "instagram", "鹿児島労働局 職業対策課", "suffix dropped, space added"),
        ("ka_ig", "instagram", "かのやハローワーク", "order swapped"),
        ("kr_x", "x", "ミドルシニア世代活躍支援｜鹿児島労働局", "order swapped with ｜"),
        ("wk_x", "x", "わかものハローワーク札幌", "place moved to the end"),
        ("kr_x", "x", "鹿児島労働局",
         "bare body name (registry alias). GREY: names the whole bureau rather than one account; target is "
         "the bureau's X account, any 鹿児島労働局… account is right", True,
         ["kg_yt1", "kg_yt2", "kr_ig", "kt_ig", "kr_fb"]),
    ],
    "name_trailing_added": [
        ("sa_x", "x", "ハローワーク札幌ー", "trailing long-vowel mark"),
        ("ob_x", "x", "ハローワーク帯広～", "trailing wave dash"),
        ("hk_x", "x", "北海道労働局・", "trailing middle dot"),
        ("ru_x", "x", "ハローワーク留萌✨", "trailing emoji"),
        ("ms_x", "x", "マザーズハローワーク札幌🌸", "trailing emoji"),
        ("ch_x", "x", "ハローワーク千歳！", "trailing full-width !"),
        ("kr_ig", "instagram", "鹿児島労働局訓練課。", "trailing 。"),
        ("ko_yt", "youtube", "ハローワーク国分 📢", "trailing emoji"),
        ("ka_ig", "instagram", "ハローワークかのや…", "trailing ellipsis"),
        ("wk_x", "x", "札幌わかものハローワーク★", "trailing star"),
        ("bk_x", "x", "文京区中小企業ダイバーシティ人材採用促進事業ー", "trailing ー"),
        ("kh_line", "x", "ハローワークかごしま 求人情報",
         "aggregator word 求人情報 added. GREY: 情報 is not a disclaimer (policy), so still suspect", True),
        ("ks_yt", "youtube", "ハローワーク加世田 速報", "aggregator word 速報 added. GREY: not a disclaimer", True),
        ("kss_ig", "instagram", "鹿児島新卒応援ハローワーク まとめ",
         "aggregator word まとめ added. GREY: not a disclaimer", True),
        ("km_line", "line", "マザーズハローワークかごしま 💐", "trailing emoji"),
        ("ss_x2", "x", "【高校生支援用】札幌新卒応援ハローワーク2025", "year added"),
    ],
}

# ----------------------------------------------------------------------------- handle attacks

HANDLE_NAMES = ["たかし", "Job Life", "ゆるっと日記", "みさき", "work&coffee", "だいすけ", "Nana", "のんびり暮らし",
                "ぴよ", "K.Mori", "まいにち晴れ", "りょう", "しごと好き", "Haruka", "つぶやき用", "ねこ好き",
                "あおい", "まる", "lulu", "日々のこと"]


def handle_class(cls, rows, base):
    for j, row in enumerate(rows):
        t, platform, h, note = row[:4]
        grey = row[4] if len(row) > 4 else False
        nm = HANDLE_NAMES[(j + base) % len(HANDLE_NAMES)]
        av = OWN[OWN_TAGS[(j + base) % len(OWN_TAGS)]] if j % 4 == 2 else None
        add(cls, "suspect", platform, nm, h, av, t, [], note + "; display name unrelated" +
            ("; own unrelated picture" if av else "; no picture"), grey)


HANDLE_ROWS = {
    "handle_homoglyph": [
        ("sa_x", "x", "HW_Sapp0ro", "o→0"),
        ("ru_x", "x", "HW_Rum0i", "o→0"),
        ("hk_x", "x", "HKDMHLVVitter", "W→VV"),
        ("ms_x", "x", "s_rnothersHW", "m→rn"),
        ("ob_x", "x", "hw_0bihiro", "o→0"),
        ("bk_x", "x", "b_cliverjinzai", "d→cl"),
        ("ss_x1", "x", "S_shinsotu_yeII", "ll→II"),
        ("wk_x", "x", "s_vvakaharo", "w→vv"),
        ("sh_x", "x", "HWsa_hlgashi", "i→l"),
        ("ss_x2", "x", "wnfS2dIeh0GTpA5", "l→I"),
        ("ms_ig", "instagram", "rnhw.sapporo", "m→rn"),
        ("ka_ig", "instagram", "hw_kan0ya", "o→0"),
        ("kss_ig", "instagram", "kag0shima_shinsotsu_hw", "o→0"),
        ("hk_fb", "facebook", "mhlw.hokkaid0", "o→0"),
        ("ss_line", "line", "@0gz4781d", "o→0 in the LINE basic id"),
        ("ms_line", "line", "@tkhl850j", "1→l in the LINE basic id"),
    ],
    "handle_edit": [
        ("ob_x", "x", "hw_obihiiro", "doubled letter"),
        ("ru_x", "x", "HW_Rumio", "transposition"),
        ("hk_x", "x", "HKDMHLWiter", "deletion"),
        ("wk_x", "x", "s_wakahro", "deletion"),
        ("ms_x", "x", "s_mothresHW", "transposition"),
        ("sh_x", "x", "HWsa_higasi", "deletion"),
        ("kr_x", "x", "46Kunrenkaa", "doubled letter"),
        ("bk_x", "x", "b_diverjinzia", "transposition"),
        ("ch_x", "x", "HW_Chitise", "substitution"),
        ("kr_ig", "instagram", "kagoshimakurnen", "transposition"),
        ("kt_ig", "instagram", "k.taisaku64", "transposition of digits"),
        ("ka_ig", "instagram", "hw_kanoyaa", "doubled letter"),
        ("kss_ig", "instagram", "kagoshima_shinsotu_hw", "deletion (shinsotsu → shinsotu)"),
        ("ss_ig", "instagram", "sapporo.sinsotsu.hw", "insertion (sinsotu → sinsotsu)"),
        ("hk_fb", "facebook", "mhlw.hokaido", "deletion"),
        ("ss_line", "line", "@ogz4871d", "transposition in the LINE basic id"),
    ],
    "handle_affix": [
        ("sa_x", "x", "HW_Sapporo_jp", "suffix _jp"),
        ("ob_x", "x", "hw_obihiro_info", "suffix _info"),
        ("ru_x", "x", "HW_Rumoi_PR", "suffix _PR"),
        ("sh_x", "x", "HWsa_higashi_jp", "suffix _jp"),
        ("ch_x", "x", "HW_Chitose2024", "digits appended"),
        ("ms_x", "x", "s_mothersHW_jp", "suffix _jp"),
        ("wk_x", "x", "s_wakaharo_info", "suffix _info"),
        ("kr_x", "x", "46Kunrenka_jp", "suffix _jp"),
        ("bk_x", "x", "b_diverjinzai1", "digit appended"),
        ("hk_x", "x", "HKDMHLWitter_jp", "suffix _jp"),
        ("ms_ig", "instagram", "mhw.sapporo_official", "suffix _official"),
        ("ka_ig", "instagram", "hw_kanoya_official", "suffix _official"),
        ("kt_ig", "instagram", "k.taisaku46_info", "suffix _info"),
        ("kr_ig", "instagram", "kagoshimakunren_jp", "suffix _jp"),
        ("ss_ig", "instagram", "official.sapporo.sinsotu.hw", "prefix official."),
        ("hk_fb", "facebook", "mhlw.hokkaido.official", "suffix .official"),
    ],
    "handle_separator": [
        ("sa_x", "x", "HWSapporo", "underscore removed"),
        ("ru_x", "x", "HW__Rumoi", "underscore doubled"),
        ("ob_x", "x", "hw_obi_hiro", "underscore inserted"),
        ("sh_x", "x", "HW_sa_higashi", "underscore inserted"),
        ("ms_x", "x", "s_mothers_HW", "underscore inserted"),
        ("wk_x", "x", "swakaharo", "underscore removed"),
        ("ss_x1", "x", "S_shinsotuyell", "underscore removed"),
        ("bk_x", "x", "b_diver_jinzai", "underscore inserted"),
        ("kr_x", "x", "46_Kunrenka", "underscore inserted"),
        ("ms_ig", "instagram", "mhw_sapporo", ". → _"),
        ("ss_ig", "instagram", "sapporo_sinsotu_hw", ". → _"),
        ("kt_ig", "instagram", "k_taisaku46", ". → _"),
        ("ka_ig", "instagram", "hw.kanoya", "_ → ."),
        ("kss_ig", "instagram", "kagoshima.shinsotsu.hw", "_ → ."),
        ("kr_ig", "instagram", "kagoshima.kunren", "separator inserted"),
        ("hk_fb", "facebook", "mhlwhokkaido", "dot removed"),
    ],
    "handle_cross_platform": [
        ("sa_x", "bluesky", "hw-sapporo.bsky.social", "X handle as Bluesky local part (_ → -)"),
        ("ob_x", "bluesky", "hw-obihiro.bsky.social", "X handle as Bluesky local part"),
        ("ms_ig", "bluesky", "mhw-sapporo.bsky.social", "Instagram handle as Bluesky local part (. → -)"),
        ("kr_ig", "bluesky", "kagoshimakunren.bsky.social", "Instagram handle on Bluesky"),
        ("kt_ig", "bluesky", "k-taisaku46.bsky.social", "Instagram handle on Bluesky (. → -)"),
        ("ka_ig", "bluesky", "hw-kanoya.bsky.social", "Instagram handle on Bluesky"),
        ("bk_x", "bluesky", "b-diverjinzai.bsky.social", "X handle on Bluesky"),
        ("kr_x", "bluesky", "46kunrenka.bsky.social", "X handle on Bluesky (lower case)"),
        ("ch_x", "mastodon", "HW_Chitose@mstdn.jp", "X handle on Mastodon"),
        ("wk_x", "mastodon", "@s_wakaharo@fedibird.com", "X handle on Mastodon (with @ prefix)"),
        ("sh_x", "mastodon", "HWsa_higashi@mastodon.social", "X handle on Mastodon"),
        ("hk_x", "mastodon", "HKDMHLWitter@mstdn.jp", "X handle on Mastodon"),
        ("kss_ig", "mastodon", "kagoshima_shinsotsu_hw@mastodon-japan.net", "Instagram handle on Mastodon"),
        ("ru_x", "mastodon", "HW_Rumoi@pawoo.net", "X handle on Mastodon"),
        ("sa_x", "instagram", "hw_sapporo",
         "X handle reused as Instagram user name. GREY: not Bluesky/Mastodon, but the genuine handle itself on "
         "a platform where the office has no registered account", True),
        ("ka_ig", "x", "hw_kanoya",
         "Instagram handle reused on X. GREY: same reasoning as the Instagram reuse of hw_sapporo", True),
    ],
}


# ----------------------------------------------------------------------------- combos

def combos():
    c = "combo"
    rng = np.random.default_rng(9001)

    def tp(pic, fn, fmt="png", q=None):
        return save(fn(PIL_CACHE[pic]), new_img_name(), fmt, q)

    add(c, "suspect", "x", "札幌新卒応援ハローワーク【公式】", "S_shinsotu_ye1l",
        tp("ss_mascot", lambda im: im, "jpeg", 50), "ss_x1", name_alts("ss_x1"),
        "alias name + handle l→1 + picture JPEG q50")
    add(c, "suspect", "x", "ハローワーク札幌", "HW_Sapporo_", tp("hellowork", lambda im: im), "sa_x", [],
        "name without 【公式】 + handle with trailing _ + exact template picture (template shared, but name and "
        "handle point at Sapporo)")
    add(c, "suspect", "facebook", "北海道労働局", "mhlw.hokkaido.jp",
        tp("hokkaido", lambda im: t_crop(im, 0.1, 0.1, 0.1, 0.1, True)), "hk_fb", ["hk_x", "hk_yt"],
        "exact name + handle suffix .jp + picture cropped 10%")
    add(c, "suspect", "instagram", "ハローワークかのや", "hw_kanoya.official", tp("kanoya", t_circle), "ka_ig",
        ["ka_line"], "name without 【公式】 + handle suffix + circular picture")
    add(c, "suspect", "x", "鹿児島労働局 ミドルシニア支援", "46Kunrenka_", tp("kunren", t_mirror), "kr_x", [],
        "shortened name + handle trailing _ + mirrored picture")
    add(c, "suspect", "x", "文京区 ダイバー人材", "b_diverjinzai_", tp("bunkyo", lambda im: t_down(im, 64)),
        "bk_x", [], "registry alias name + handle trailing _ + picture 64 px")
    add(c, "suspect", "instagram", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸ札幌", "mhw.sapp0ro", tp("ms_flower", lambda im: t_hue(im, 60)),
        "ms_ig", ["ms_x", "ms_line"], "half-width name + handle o→0 + hue-shifted picture")
    add(c, "suspect", "x", "ハローワーク帯広（非公式）", "hw_obihiro_", None, "ob_x", [],
        "GREY: explicit disclaimer 非公式, but the handle is a lookalike (trailing _); policy: a disclaimer "
        "never clears a lookalike handle", True)
    add(c, "suspect", "x", "ハローワーク千歳 ファンアカウント", gen_handle("x"),
        tp("chitose", lambda im: im, "jpeg", 40), "ch_x", ["ch_line"],
        "GREY: explicit disclaimer ファンアカウント and unrelated handle, but the picture is the genuine one "
        "(JPEG q40); a disclaimer never clears a copied picture", True)
    add(c, "suspect", "instagram", "鹿児島労働局職業対策課 bot", "k.taisaku46.bot", None, "kt_ig", [],
        "GREY: 'bot' disclaimer, but the handle is the genuine one plus .bot (affix lookalike)", True)
    add(c, "suspect", "instagram", "鹿児島新卒応援ハローワーク", "kagoshima_shinsotsu",
        tp("shinsotsu", lambda im: t_band(im, "就活", 0.16)), "kss_ig", [],
        "exact name (without 【公式】) + handle truncated (_hw dropped) + template picture with text band")
    add(c, "suspect", "line", "ハローワークかごしま", gen_handle("line"),
        tp("kagoshima_hw", lambda im: t_sticker(im, "友だち", 0.12, corner="br")), "kh_line", [],
        "registry alias name + picture with sticker")
    add(c, "suspect", "youtube", "ハローワーク国分", "@hw_kokubu",
        tp("kokubu", lambda im: t_border(im, 0.12, (255, 255, 255))), "ko_yt", ["ko_line"],
        "alias name + padded seal picture (handle is new, not a lookalike)")
    add(c, "suspect", "x", "札幌わかものハローワーク", "s_wakaharo_",
        tp("wakamono", lambda im: t_mirror(t_crop(im, 0.05, 0.1, 0.05, 0.0, True)), "jpeg", 60), "wk_x", [],
        "name without 【公式】 + handle trailing _ + cropped, mirrored JPEG picture")
    add(c, "suspect", "youtube", "北海道労働局 公式チャンネル", "@hokkaido-roudoukyoku",
        tp("bureau", lambda im: im, "jpeg", 50), "hk_yt", ["hk_x", "hk_fb", "kg_yt2"],
        "name + 公式 + bureau template picture (JPEG); the name decides the office")
    add(c, "suspect", "x", "ハローワーク留萌 parody", "HW_Rum0i_", None, "ru_x", [],
        "GREY: 'parody' disclaimer, but handle o→0 plus trailing _ is a lookalike", True)
    add(c, "suspect", "bluesky", "札幌新卒応援ハローワーク", "sinsotu-hw-sapporo.bsky.social",
        tp("ss_mascot", t_circle), "ss_ig", ["ss_x1", "ss_x2", "ss_fb", "ss_line"],
        "exact alias name on Bluesky + handle parts of sapporo.sinsotu.hw reordered + circular picture")


# ----------------------------------------------------------------------------- negatives

def negatives():
    rng = np.random.default_rng(2024)
    E = lambda *a, **k: draw.emblem(rng, *a, **k)  # noqa: E731

    def own(fn, fmt="jpeg"):
        return save(fn(), new_img_name(), fmt, 85)

    # neg_other_body ---------------------------------------------------------
    c = "neg_other_body"
    add(c, "clear", "x", "ハローワーク函館【公式】", "HW_Hakodate", GEN_IMG["hellowork"], note=
        "another Hello Work office under its own name with the national template picture (byte-identical). "
        "GREY: template under a name identifying another specific body = clear (policy); handle shares HW_ only",
        grey=True)
    add(c, "clear", "x", "ハローワーク旭川", "hw_asahikawa",
        own(lambda: E("旭川", "ハローワーク旭川", (230, 240, 250), (160, 190, 230), (255, 255, 255), (20, 80, 160),
                      "circle")),
        note="another office, own emblem; handle pattern hw_<place> like hw_obihiro but a different place")
    add(c, "clear", "x", "大阪労働局", "osaka_roudou",
        own(lambda: E("大阪", "大阪労働局", (240, 240, 250), (190, 190, 220), (255, 255, 255), (30, 50, 110),
                      "diamond")), note="another labour bureau, own emblem")
    add(c, "clear", "x", "新宿区", "shinjuku_city",
        own(lambda: E("新宿", "新宿区公式", (250, 245, 240), (220, 200, 190), (255, 255, 255), (0, 120, 90),
                      "star")), note="another ward, own emblem")
    add(c, "clear", "youtube", "東京労働局チャンネル", "@tokyo-roudoukyoku",
        own(lambda: E("東京", "東京労働局", (250, 250, 255), (200, 210, 240), (255, 255, 255), (180, 30, 40),
                      "square")), note="another labour bureau on YouTube, own picture")
    add(c, "clear", "instagram", "福岡新卒応援ハローワーク【公式】", "fukuoka_shinsotsu_hw", GEN_IMG["shinsotsu"],
        note="another 新卒応援ハローワーク with the shared template picture. GREY: template + name of another "
             "specific office = clear; handle shares _shinsotsu_hw with kagoshima_shinsotsu_hw but the place differs",
        grey=True)
    add(c, "clear", "line", "マザーズハローワーク東京", gen_handle("line"),
        save(PIL_CACHE["mothers"].convert("RGB"), new_img_name(), "jpeg", 85),
        note="another マザーズハローワーク with the template picture re-encoded. GREY: template + other body = clear",
        grey=True)
    add(c, "clear", "x", "鹿児島市", "kagoshima_city",
        own(lambda: E("鹿児島市", "かごしま市", (255, 250, 240), (240, 220, 190), (255, 255, 255), (200, 60, 20),
                      "circle")), note="the city, another body sharing the place name")
    add(c, "clear", "facebook", "札幌市", "city.sapporo",
        own(lambda: E("札幌市", "さっぽろ", (245, 250, 255), (200, 220, 240), (255, 255, 255), (0, 90, 60),
                      "star")), note="the city, shares the place 札幌 only")
    add(c, "clear", "x", "上富田町【公式】", "kamitonda_town",
        own(lambda: E("上富田", "上富田町", (250, 255, 245), (210, 230, 200), (255, 255, 255), (60, 120, 40),
                      "circle")), note="GREY: 上富田町 is a registered body but has no genuine accounts, so there is "
                                       "nothing to imitate: clear", grey=True)
    add(c, "clear", "youtube", "ハローワーク熊本", "@hw-kumamoto",
        own(lambda: E("熊本", "ハローワーク熊本", (255, 245, 240), (230, 200, 190), (255, 255, 255), (150, 20, 20),
                      "diamond")), note="another office, own picture")
    add(c, "clear", "instagram", "宮崎労働局", "miyazaki_roudoukyoku", GEN_IMG["bureau"],
        note="another labour bureau with the bureau emblem template (held by Hokkaido and Kagoshima YouTube). "
             "GREY: template + other body = clear", grey=True)
    add(c, "clear", "x", "豊島区", "toshima_city",
        own(lambda: E("豊島", "豊島区", (250, 240, 255), (220, 200, 240), (255, 255, 255), (90, 40, 140),
                      "square")), note="another ward, purple own emblem")
    add(c, "clear", "x", "北海道庁", "hokkaido_pref",
        own(lambda: draw.scene(rng, (60, 120, 200), (220, 235, 250), (90, 150, 60), (110, 130, 160), "北海道",
                               snow=True)), note="the prefectural government: shares 北海道 only; own landscape")
    add(c, "clear", "x", "文京区社会福祉協議会", "bunkyo_shakyo",
        own(lambda: E("社協", "文京区社会福祉協議会", (255, 250, 240), (240, 225, 200), (255, 255, 255), (200, 100, 40),
                      "circle")), note="GREY: another body whose name starts with 文京区 (the ward's alias), but it "
                                       "is a different organisation under its own name: clear", grey=True)

    # neg_similar_colours ---------------------------------------------------
    c = "neg_similar_colours"
    sim = [
        ("hellowork", "らーめん 青葉", "x", lambda: E("青葉", "らーめん", (255, 255, 255), (214, 232, 246),
                                                   (255, 255, 255), (0, 122, 195), "circle", kind="sansb")),
        ("shinsotsu", "パン工房ひまわり", "instagram", lambda: E("パン", "ひまわり工房", (255, 236, 150),
                                                           (247, 160, 40), (255, 255, 255), (214, 92, 20), "star")),
        ("mothers", "ネイルサロン Heart", "instagram", lambda: E("nail", "ネイル Heart", (255, 226, 236),
                                                             (255, 196, 214), (255, 255, 255), (232, 84, 120),
                                                             "circle", kind="sansb")),
        ("bureau", "しらかば歯科クリニック", "facebook", lambda: E("歯科", "しらかば", (40, 70, 140), (12, 24, 64),
                                                            (250, 250, 246), (200, 160, 60), "circle")),
        ("hokkaido", "ニセコスキースクール", "x", lambda: draw.scene(rng, (70, 130, 210), (200, 226, 246),
                                                               (240, 245, 250), (120, 140, 170), "SKI SCHOOL",
                                                               snow=True)),
        ("ss_mascot", "さっぽろ進学塾", "x", lambda: E("塾", "合格めざそう", (210, 240, 220), (160, 215, 190),
                                                  (255, 255, 255), (40, 60, 110), "square")),
        ("ss_high", "将棋クラブ 紫雲", "x", lambda: E("王", "将棋クラブ", (250, 246, 255), (214, 200, 240),
                                                 (255, 220, 120), (96, 52, 160), "diamond")),
        ("wakamono", "カフェ 夕焼け", "instagram", lambda: draw.scene(rng, (255, 120, 60), (255, 220, 120),
                                                                (30, 90, 160), (200, 90, 60), "Cafe 夕焼け")),
        ("ms_flower", "花屋フルール", "instagram", lambda: E("✿", "Fleur 花屋", (250, 200, 190), (240, 170, 200),
                                                        (255, 250, 252), (140, 40, 80), "flag")),
        ("obihiro", "十勝ファーム直売所", "facebook", lambda: draw.scene(rng, (90, 160, 230), (210, 235, 250),
                                                                 (210, 170, 70), (100, 130, 110), "十勝ファーム")),
        ("chitose", "そらの旅行社", "x", lambda: E("空", "そらの旅行社", (20, 90, 180), (150, 200, 240),
                                                (255, 255, 255), (20, 70, 150), "circle")),
        ("kokubu", "寿司 政", "instagram", lambda: E("政", "寿司処", (248, 242, 228), (236, 226, 204),
                                                 (248, 242, 228), (200, 40, 30), "square")),
        ("kunren", "山田建設", "facebook", lambda: E("山田", "YAMADA建設", (220, 240, 255), (120, 180, 230),
                                                  (255, 150, 0), (30, 90, 170), "diamond")),
        ("taisaku", "霧島ゴルフ倶楽部", "x", lambda: E("GC", "霧島ゴルフ", (20, 70, 50), (10, 40, 30),
                                                  (24, 90, 64), (230, 190, 80), "star", kind="sansb")),
        ("kanoya", "ローズカフェ薔薇園", "instagram", lambda: E("薔薇", "ROSE CAFE", (255, 246, 236), (236, 220, 206),
                                                          (255, 255, 255), (150, 10, 40), "circle")),
        ("kagoshima_hw", "グリーン八百屋", "line", lambda: E("八百", "やさい市場", (6, 199, 85), (0, 150, 70),
                                                       (255, 255, 255), (0, 110, 50), "square")),
    ]
    for pic, nm, plat, fn in sim:
        add(c, "clear", plat, nm, gen_handle(plat, "topic"), own(fn),
            note="own drawing in the colours of the genuine picture '%s' (not a copy); name and handle unrelated"
                 % pic)

    # neg_local ---------------------------------------------------------------
    c = "neg_local"
    loc = [
        ("x", "札幌の求人情報まとめ", "sapporo_jobs", "job1", "place + aggregator words, handle shares 'sapporo' only"),
        ("x", "帯広・十勝 バイト速報", "tokachi_baito", "job2", "place words only"),
        ("instagram", "鹿児島しごとナビ", "kagoshima.shigoto", "job3", "place + ナビ, own picture"),
        ("x", "北海道就活ナビ", "hkd_shukatsu", "job4", "place + 就活"),
        ("instagram", "千歳 空港のお仕事", "chitose.airport.jobs", "sea", "handle shares 'chitose' only"),
        ("x", "文京区 子育て・暮らし情報", "bunkyo_kurashi", "cat", "ward name as place, not the programme"),
        ("instagram", "留萌の暮らし", "rumoi_life", "sea", "handle shares 'rumoi' only"),
        ("x", "ハローワーク求人ピックアップ", "kyujin_pickup", "job5",
         "GREY: the service word ハローワーク without any place or office; no specific genuine account: clear"),
        ("x", "札幌 新卒 就活情報", "spr_shukatsu", "job1",
         "GREY: place + 新卒 but not the programme name 新卒応援ハローワーク: clear; handle shares words only"),
        ("instagram", "鹿屋 かのや求人ガイド", "kanoya_kyujin", "job2", "place in kana as in ハローワークかのや, but no "
                                                                 "office word; handle shares 'kanoya' only"),
        ("facebook", "国分・霧島しごと情報", "kirishima.shigoto", "job3", "place words only"),
        ("youtube", "指宿温泉 求人チャンネル", "@ibusuki-onsen-jobs", "sea", "place + channel"),
        ("x", "ママの就活応援ブログ", "mama_shukatsu", "cat", "mothers' job topic, no place, no office"),
        ("instagram", "職業訓練校ガイド", "kunrenko_guide", "job4", "training topic, own picture"),
        ("x", "北海道 労働ニュース", "rodo_news_hk", "job5",
         "GREY: 北海道 + 労働 comes close to 北海道労働局 but names no office (no 局) and adds ニュース; clear"),
    ]
    for plat, nm, h, tag, why in loc:
        add(c, "clear", plat, nm, h, OWN[tag], note="local job/information account: " + why,
            grey=why.startswith("GREY"))

    # neg_disclaimer ------------------------------------------------------------
    c = "neg_disclaimer"
    dis = [
        ("x", "ハローワーク札幌（非公式）ファンアカウント", None),
        ("x", "北海道労働局 bot（非公式）", "job3"),
        ("x", "【非公認】ハローワーク帯広 求人まとめ", None),
        ("x", "ハローワーク千歳 parody", "cat"),
        ("x", "文京区ダイバー人材 ファン（非公式）", None),
        ("instagram", "マザーズハローワーク札幌 非公式まとめ", "job5"),
        ("instagram", "鹿児島労働局訓練課 unofficial", None),
        ("instagram", "ハローワークかのや ファンアカウント", "sea"),
        ("youtube", "ハローワーク国分 非公式bot", None),
        ("instagram", "札幌新卒応援ハローワーク（非公式・個人運営）", "job1"),
        ("line", "ハローワークかごしま 非公式", None),
        ("x", "Unofficial: ハローワーク留萌 fan", "job2"),
        ("facebook", "鹿児島新卒応援ハローワーク【非公式】", None),
        ("youtube", "パロディ ハローワーク指宿", "cat"),
    ]
    for plat, nm, tag in dis:
        add(c, "clear", plat, nm, gen_handle(plat, "person"), OWN[tag] if tag else None,
            note="explicit disclaimer + copied name, unrelated handle, no copied picture: clear by policy")
    add(c, "clear", "youtube", "ハローワーク加世田 情報", gen_handle("youtube", "person"), None,
        bio="※非公式の個人アカウントです。ハローワーク・労働局とは関係ありません。",
        note="GREY: the name copies ハローワーク加世田 + 情報 (not a disclaimer), the explicit 非公式 disclaimer "
             "is in the bio only; unrelated handle, no picture: labelled clear (disclaimer is explicit and visible "
             "on the profile)", grey=True)

    # neg_plain -------------------------------------------------------------------
    c = "neg_plain"
    plain = [
        ("x", "x_default", "就職支援センター", "topic"), ("x", "x_default", "たなか", "person"),
        ("instagram", "ig_default", "yuki.job", "person"), ("instagram", "ig_default", "求人ウォッチ", "topic"),
        ("facebook", "fb_default", "佐々木 健", "person"), ("facebook", "fb_default", "キャリア相談室", "topic"),
        ("youtube", "yt_default", "ハロ", "person"), ("x", "solid:007ac3", "青い空", "person"),
        ("x", "solid:ffffff", "しろ", "person"), ("instagram", "solid:e85478", "pink days", "person"),
        ("line", "solid:06c755", "お知らせ配信", "topic"), ("x", "solid:0a285a", "navy", "person"),
        ("line", "letter:求:e0e0e0", "求人案内", "topic"), ("youtube", "letter:K:7a4ab0", "K channel", "person"),
        ("x", "letter:H:00a651", "H", "person"),
    ]
    for plat, kind, nm, style in plain:
        p = os.path.join(IMG, "p_" + kind.replace(":", "_") + ".png")
        if not os.path.exists(p):
            draw.default_avatar(kind).save(p, "PNG", optimize=False, compress_level=6)
        add(c, "clear", plat, nm, gen_handle(plat, style), rel(p),
            note="default/plain picture (%s) proves nothing; name and handle copy nothing" % kind)

    # neg_people ----------------------------------------------------------------
    c = "neg_people"
    people = [
        ("x", "佐藤 花子｜札幌のキャリアコンサルタント", (180, 200, 230), (250, 220, 195), (50, 40, 30), (60, 90, 150), 1, 0),
        ("x", "帯広の社労士 山本", (200, 230, 200), (240, 210, 185), (20, 20, 20), (40, 40, 40), 0, 1),
        ("instagram", "鹿児島で子育て中ママ👶", (250, 220, 230), (250, 225, 205), (90, 50, 30), (230, 120, 150), 1, 0),
        ("x", "文京区在住エンジニア", (220, 220, 240), (235, 205, 180), (30, 30, 30), (90, 90, 90), 0, 1),
        ("x", "ハローワーク通い中のたかし", (240, 230, 200), (240, 210, 185), (40, 30, 20), (30, 110, 60), 0, 0),
        ("instagram", "千歳の看護師 みき", (210, 235, 250), (250, 225, 205), (60, 40, 30), (255, 255, 255), 1, 0),
        ("facebook", "指宿 温泉旅館 女将 田村", (230, 210, 190), (245, 215, 190), (20, 20, 20), (120, 40, 60), 1, 0),
        ("x", "留萌の漁師 けんじ", (190, 220, 240), (220, 180, 150), (20, 20, 20), (30, 60, 120), 0, 0),
        ("youtube", "国分の農家 やまちゃん", (220, 240, 200), (230, 190, 160), (50, 40, 30), (100, 140, 60), 0, 0),
        ("instagram", "かのやのバラ好き主婦", (255, 235, 240), (250, 225, 205), (80, 50, 30), (200, 60, 90), 1, 1),
        ("x", "札幌東区の大学生", (230, 230, 230), (240, 215, 190), (20, 20, 20), (40, 80, 160), 0, 0),
        ("facebook", "加世田 ハローワーク勤務経験ありの相談員 OB", (240, 240, 220), (235, 205, 180), (120, 120, 120),
         (60, 60, 60), 0, 1),
        ("x", "マザーズ世代の転職コーチ 美穂", (250, 230, 220), (250, 225, 205), (70, 40, 20), (180, 90, 60), 1, 0),
        ("instagram", "川内の美容師 ゆう", (240, 220, 250), (245, 220, 200), (150, 80, 40), (30, 30, 30), 1, 0),
        ("x", "北海道 労働問題の弁護士 鈴木", (220, 225, 235), (235, 205, 180), (30, 30, 30), (20, 30, 60), 0, 1),
    ]
    for plat, nm, bg, skin, hair, shirt, lh, gl in people:
        add(c, "clear", plat, nm, gen_handle(plat, "person"),
            own(lambda: draw.portrait(rng, bg, skin, hair, shirt, bool(lh), bool(gl)), "jpeg"),
            note="a person under their own name with place or job words; own portrait")


# ----------------------------------------------------------------------------- genuine lines

def genuine_lines():
    c = "genuine"
    reenc = {}

    def re_encoded(pic):
        if pic not in reenc:
            im = PIL_CACHE[pic].convert("RGB").resize((200, 200), Image.LANCZOS)
            reenc[pic] = save(im, "r_" + pic, "jpeg", 82)
        return reenc[pic]

    forms = {
        "bk_x": dict(platform="x", handle="@B_DiverJinzai", url="https://twitter.com/b_diverjinzai"),
        "hk_x": dict(platform="x", handle="hkdmhlwitter", url="https://x.com/hkdmhlwitter/"),
        "hk_fb": dict(platform="facebook", handle="mhlw.hokkaido", url="https://m.facebook.com/mhlw.hokkaido"),
        "hk_yt": dict(platform="youtube", id="UCU37RXEEsFqGdyxu1FBkK6w",
                      url="https://m.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w/"),
        "ss_x1": dict(platform="x", handle="@S_shinsotu_yell", url="https://x.com/S_shinsotu_yell?lang=ja"),
        "ss_x2": dict(platform="x", handle="WNFS2DLEH0GTPA5"),
        "wk_x": dict(platform="x", url="https://twitter.com/S_WAKAHARO/"),
        "ms_x": dict(platform="x", handle="@s_mothershw"),
        "ob_x": dict(platform="x", handle="HW_OBIHIRO", url="https://x.com/HW_OBIHIRO"),
        "ru_x": dict(platform="x", handle="@hw_rumoi"),
        "sh_x": dict(platform="twitter", handle="HWsa_higashi", url="https://www.twitter.com/HWsa_higashi"),
        "sa_x": dict(platform="twitter", handle="hw_sapporo"),
        "ch_x": dict(platform="x", url="https://x.com/HW_Chitose/"),
        "ss_fb": dict(platform="facebook", id="149635718569446",
                      url="https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F"
                          "%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/"),
        "ss_line": dict(platform="line", handle="ogz4781d", url="https://page.line.me/ogz4781d"),
        "ms_line": dict(platform="line", handle="@tkh1850j", url="https://line.me/R/ti/p/@tkh1850j"),
        "ch_line": dict(platform="line", url="https://kin.ee/T7nMfHh"),
        "ss_ig": dict(platform="instagram", url="https://instagram.com/sapporo.sinsotu.hw"),
        "ms_ig": dict(platform="instagram", handle="@mhw.sapporo", url="https://www.instagram.com/mhw.sapporo/?hl=ja"),
        "kg_yt1": dict(platform="youtube", id="UCVS03516GOKUFplfW0T9Bfg",
                       url="https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg"),
        "kg_yt2": dict(platform="youtube", id="UC1jhFwBGB1B8F7VXlx0Vypg"),
        "ko_yt": dict(platform="youtube", url="https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g/"),
        "ks_yt": dict(platform="youtube", id="UCjrV6BWU7cc1PrVRxvMZGBg"),
        "ib_yt": dict(platform="youtube", url="https://m.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ"),
        "kr_ig": dict(platform="instagram", handle="KagoshimaKunren"),
        "kt_ig": dict(platform="instagram", handle="k.taisaku46", url="https://www.instagram.com/k.taisaku46/"),
        "kss_ig": dict(platform="instagram", handle="@kagoshima_shinsotsu_hw"),
        "ka_ig": dict(platform="instagram", url="https://instagram.com/HW_Kanoya/"),
        "kr_x": dict(platform="x", handle="46kunrenka", url="https://twitter.com/46kunrenka"),
        "kh_line": dict(platform="line", url="http://lin.ee/popg0eo"),
        "km_line": dict(platform="line", url="https://lin.ee/dFysG1l"),
        "se_line": dict(platform="line", url="https://lin.ee/3wF416C/"),
        "ka_line": dict(platform="line", url="https://lin.ee/PsiFTnC"),
        "ko_line": dict(platform="line", url="https://lin.ee/3eXoBRU"),
        "kr_fb": dict(platform="facebook", id="61578961199265",
                      url="https://m.facebook.com/profile.php?id=61578961199265"),
    }
    for i, k in enumerate(KEYS):
        f = forms[k]
        a = A[k]
        av = GEN_IMG[a["pic"]] if i % 3 == 0 else (re_encoded(a["pic"]) if i % 3 == 1 else None)
        note = "the registry account itself in the form a platform returns: " + ", ".join(
            "%s=%s" % (kk, vv) for kk, vv in f.items())
        grey = False
        if k == "ch_line":
            note += "; the published URL host kin.ee is kept exactly as in the registry"
        add(c, "genuine", f["platform"], a["name"], f.get("handle"), av, k, [], note + (
            "; picture re-encoded JPEG 200 px" if i % 3 == 1 else ("" if av else "; no picture")), grey,
            url=f.get("url", ""), id_=f.get("id"))
    # url "" means: no url field
    for r in CANDS:
        if r.get("url") == "":
            del r["url"]


# ----------------------------------------------------------------------------- main + checks

def genuine_records():
    out = []
    for k in KEYS:
        a = A[k]
        r = {"platform": a["platform"]}
        if a["handle"]:
            r["handle"] = a["handle"]
        if a["id"]:
            r["id"] = a["id"]
        r["url"] = a["url"]
        r["display_name"] = a["name"]
        r["avatar"] = GEN_IMG[a["pic"]]
        out.append(r)
    return out


def norm_handle(platform, h):
    h = (h or "").lstrip("@").lower()
    return h


def checks(genuine, cands):
    # JSON re-reads
    for fn in ("genuine.jsonl", "candidates.jsonl"):
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                obj = json.loads(line)
                assert isinstance(obj, dict) and "platform" in obj and "display_name" in obj, (fn, ln)
    # avatars exist and are readable pictures
    for r in genuine + cands:
        if r.get("avatar"):
            p = os.path.join(HERE, r["avatar"])
            assert os.path.isfile(p), p
            with Image.open(p) as im:
                im.load()
    # genuine pictures: sizes, templates shared by different offices
    sizes = {}
    for r in genuine:
        with Image.open(os.path.join(HERE, r["avatar"])) as im:
            sizes[r["avatar"]] = im.size
    assert 16 <= len(sizes) <= 20, len(sizes)
    assert all(200 <= w <= 400 and 200 <= h <= 400 for w, h in sizes.values())
    office_groups = [g + (["kr_x"] if "kr_ig" in g else []) for g in NAME_GROUPS]

    def office_of(k):
        for gi, g in enumerate(office_groups):
            if k in g:
                return "g%d" % gi
        return k
    multi_office = sum(1 for holders in PIC_HOLDERS.values() if len({office_of(k) for k in holders}) > 1)
    assert multi_office >= 3, multi_office
    # no attack reuses a registry handle on the same platform; X handle rules
    reg = {(("x" if a["platform"] == "twitter" else a["platform"]), norm_handle(a["platform"], a["handle"]))
           for a in A.values() if a["handle"]}
    for i, r in enumerate(cands):
        plat = "x" if r["platform"] == "twitter" else r["platform"]
        h = r.get("handle")
        if r["label"] != "genuine" and h:
            assert (plat, norm_handle(plat, h)) not in reg, (i, r)
        if plat == "x" and h:
            assert re.fullmatch(r"@?[A-Za-z0-9_]{1,15}", h), (i, h)
        if plat == "instagram" and h and r["label"] != "genuine":
            assert re.fullmatch(r"@?[a-z0-9._]{1,30}", h), (i, h)
        if r["label"] == "genuine":
            assert r["target_platform"] is not None
        if r["label"] in ("suspect", "genuine"):
            assert r.get("target_handle") or r.get("target_url"), i
        else:
            assert r["target_platform"] is None and r["alt_targets"] == [], i
    # unrelated handles really are far from every genuine handle (keeps single-signal lines pure)
    gh = [re.sub(r"[._\-]", "", a["handle"].lstrip("@").lower()) for a in A.values() if a["handle"]]
    pure = [c for c in PIC_CLASSES] + list(NAME_ROWS) + ["neg_plain", "neg_people", "neg_disclaimer",
                                                          "neg_similar_colours"]
    for i, r in enumerate(cands):
        if r["class"] in pure and r.get("handle"):
            h = re.sub(r"[._\-]", "", r["handle"].lstrip("@").split("@")[0].split(".bsky")[0].lower())
            for g in gh:
                assert g not in h and h not in g and lev(g, h) > 3, (i, r["handle"], g)
    # every registry account appears as a genuine line
    gk = {(r["target_platform"], r.get("target_handle") or r.get("target_url")) for r in cands
          if r["label"] == "genuine"}
    assert len(gk) == len(KEYS), len(gk)
    # class sizes
    counts = {}
    for r in cands:
        counts[r["class"]] = counts.get(r["class"], 0) + 1
    for cl, n in counts.items():
        need = 35 if cl == "genuine" else (15 if cl.startswith("neg_") else 16)
        assert n >= need, (cl, n)
    return counts


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    if os.path.isdir(IMG):
        shutil.rmtree(IMG)
    os.makedirs(IMG)
    build_genuine_pictures()
    build_own_pool()
    for cls, mk in zip(PIC_CLASSES, PIC_MAKERS):
        pic_class(cls, mk, None)
    for cls, rows in NAME_ROWS.items():
        name_class(cls, rows)
    for b, (cls, rows) in enumerate(HANDLE_ROWS.items()):
        handle_class(cls, rows, b * 3)
    combos()
    negatives()
    genuine_lines()
    genuine = genuine_records()
    with open(os.path.join(HERE, "genuine.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in genuine:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "candidates.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in CANDS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = checks(genuine, CANDS)
    total = sum(counts.values())
    print("genuine records: %d, candidates: %d" % (len(genuine), total))
    for cl in sorted(counts):
        print("  %-24s %d" % (cl, counts[cl]))
    print("grey lines: %d" % sum(1 for r in CANDS if r["grey"]))


if __name__ == "__main__":
    main()
