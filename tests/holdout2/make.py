#!/usr/bin/env python3
"""Generate tests/holdout2: genuine.jsonl, candidates.jsonl and img/.

Deterministic: fixed seeds, img/ is cleared first. Run from anywhere:

    python3 tests/holdout2/make.py

Needs Pillow and numpy. Reads only seeds/*.toml (the registry) and the DejaVu fonts.
"""

import json
import math
import os
import random
import shutil
import sys
import tomllib
from collections import Counter, OrderedDict

import numpy as np
from PIL import Image, ImageDraw, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from draw import (FONT_SANS_B, default_avatar, emblem, font, hexc, mascot, own_picture,  # noqa: E402
                  scene, seal, typo)

SEEDS = os.path.normpath(os.path.join(HERE, "..", "..", "seeds"))
IMG = os.path.join(HERE, "img")
G = 240  # genuine picture size

# ============================================================================ registry

# Short keys for the seed accounts, by their published URL.
KEY_BY_URL = {
    "https://x.com/b_diverjinzai": "BK",
    "https://twitter.com/HKDMHLWitter": "HB_X",
    "https://www.facebook.com/mhlw.hokkaido/": "HB_FB",
    "https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w": "HB_YT",
    "https://twitter.com/S_shinsotu_yell": "SS_X1",
    "https://twitter.com/wnfS2dleh0GTpA5": "SS_X2",
    "https://twitter.com/s_wakaharo": "WK",
    "https://twitter.com/s_mothersHW": "MS_X",
    "https://twitter.com/hw_obihiro": "OB",
    "https://twitter.com/HW_Rumoi": "RU",
    "https://twitter.com/HWsa_higashi": "SH",
    "https://twitter.com/HW_Sapporo": "SP",
    "https://twitter.com/HW_Chitose": "CH_X",
    "https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/": "SS_FB",
    "https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d": "SS_LINE",
    "https://line.me/R/ti/p/@tkh1850j?from=page": "MS_LINE",
    "https://kin.ee/T7nMfHh": "CH_LINE",
    "https://www.instagram.com/sapporo.sinsotu.hw/": "SS_IG",
    "https://www.instagram.com/mhw.sapporo/": "MS_IG",
    "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber": "KY1",
    "https://www.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg": "KY2",
    "https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g": "KO_YT",
    "https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg": "KA_YT",
    "https://www.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ": "IB_YT",
    "https://www.instagram.com/kagoshimakunren/": "KK_IG",
    "http://www.instagram.com/k.taisaku46/?hl=ja": "KT_IG",
    "https://www.instagram.com/kagoshima_shinsotsu_hw": "KS_IG",
    "https://www.instagram.com/hw_kanoya": "KN_IG",
    "http://x.com/46Kunrenka": "KK_X",
    "https://lin.ee/popg0eo": "KG_LINE",
    "https://lin.ee/dFysG1l": "KM_LINE",
    "https://lin.ee/3wF416C": "SD_LINE",
    "https://lin.ee/PsiFTnC": "KN_LINE",
    "https://lin.ee/3eXoBRU": "KO_LINE",
    "https://www.facebook.com/profile.php?id=61578961199265": "KK_FB",
}

# Office of each account (accounts of one office share one picture).
OFFICE = {
    "BK": "bunkyo-diver",
    "HB_X": "hokkaido-bureau", "HB_FB": "hokkaido-bureau", "HB_YT": "hokkaido-bureau",
    "SS_X1": "sapporo-shinsotsu", "SS_X2": "sapporo-shinsotsu", "SS_FB": "sapporo-shinsotsu",
    "SS_LINE": "sapporo-shinsotsu", "SS_IG": "sapporo-shinsotsu",
    "WK": "sapporo-wakamono",
    "MS_X": "sapporo-mothers", "MS_LINE": "sapporo-mothers", "MS_IG": "sapporo-mothers",
    "OB": "obihiro", "RU": "rumoi", "SH": "sapporo-higashi", "SP": "sapporo",
    "CH_X": "chitose", "CH_LINE": "chitose",
    "KY1": "kagoshima-antei", "KY2": "kagoshima-antei",
    "KO_YT": "kokubu", "KO_LINE": "kokubu", "KA_YT": "kaseda", "IB_YT": "ibusuki",
    "KK_IG": "kagoshima-kunren", "KK_X": "kagoshima-kunren", "KK_FB": "kagoshima-kunren",
    "KT_IG": "kagoshima-taisaku", "KS_IG": "kagoshima-shinsotsu",
    "KN_IG": "kanoya", "KN_LINE": "kanoya",
    "KG_LINE": "kagoshima", "KM_LINE": "kagoshima-mothers", "SD_LINE": "sendai",
}

# Picture of each office. "hw", "kyt" and "mothers" are templates shared by several offices.
PICTURE_OF_OFFICE = {
    "bunkyo-diver": "bk", "hokkaido-bureau": "hb", "sapporo-shinsotsu": "ss", "sapporo-wakamono": "wk",
    "sapporo-mothers": "mothers", "kagoshima-mothers": "mothers",
    "obihiro": "hw", "rumoi": "hw", "chitose": "hw",
    "sapporo-higashi": "sh", "sapporo": "sp", "kagoshima-antei": "ka",
    "kokubu": "kyt", "kaseda": "kyt", "ibusuki": "kyt",
    "kagoshima-kunren": "kk", "kagoshima-taisaku": "kt", "kagoshima-shinsotsu": "ks",
    "kanoya": "kn", "kagoshima": "kg", "sendai": "sd",
}
TEMPLATES = {"hw", "kyt", "mothers"}
SCENES = {"ss", "sp", "kyt", "sd"}  # photo-like: stored as JPEG
FLAT_BG = {"bk": "#ffffff", "hb": "#f4f1e8", "wk": "#bfe8d6", "mothers": "#f9d5e0", "hw": "#ffffff",
           "sh": "#fff8ee", "ka": "#0c4a4a", "kk": "#ffd166", "kt": "#ffffff", "ks": "#ff7a3d",
           "kn": "#e8f4ff", "kg": "#e9fbf8"}

PICTURES = {
    "bk": lambda: typo(G, "#ffffff", "DIVER", None, sub="BUNKYO JINZAI", subcol="#333333", deco="dotsring",
                       letter_cols=["#e63946", "#f4a261", "#2a9d8f", "#457b9d", "#8e44ad"], fontpath=FONT_SANS_B,
                       scale=0.22, ty=0.44, subty=0.64, subsize=0.07),
    "hb": lambda: seal(G, "#f4f1e8", "#1d3a6e", "HOKKAIDO LABOUR BUREAU * ", "star7", "#1d3a6e", "#c8102e"),
    "ss": lambda: scene(G, 11, "#f7a35c", "#bfe3f5", [(0.62, 0.05, 0.5, "#7d8fa6"), (0.72, 0.03, 0.5, "#5f6f85")],
                        (0.78, "#f4f7fb"), structure=("tower", 0.38, "#3b4250"), sun=(0.72, 0.35, 0.05, "#fff1b8"),
                        logo=("band", "YELL!", "SAPPORO SHINSOTSU", "#2e9e5b", "#ffffff")),
    "wk": lambda: mascot(G, "#bfe8d6", "#ffe0c2", "#2e8b57", "youth", pattern="dots", pattern_col="#9fd8bf"),
    "mothers": lambda: mascot(G, "#f9d5e0", "#fff4e6", "#d62d5b", "mother", pattern="hearts", pattern_col="#f4b3c8"),
    "hw": lambda: typo(G, "#ffffff", "HW", "#ffffff", sub="HELLO WORK", subcol="#1f5fa8", deco="roundsq",
                       deco_col="#1f5fa8", fontpath=FONT_SANS_B, scale=0.36, ty=0.42),
    "sh": lambda: seal(G, "#fff8ee", "#2f5d3a", "SAPPORO HIGASHI EMPLOYMENT OFFICE * ", "sunrise", "#e8772e", "#f2b134"),
    "sp": lambda: scene(G, 23, "#27345c", "#8b9cc9", [(0.58, 0.06, 0.55, "#4a5676")], (0.8, "#e9eef7"),
                        structure=("clock", 0.58, "#6b3b2a"), logo=("badge", "HW", 0.22, 0.2, "#1f5fa8", "#ffffff"),
                        grain=9),
    "ka": lambda: typo(G, "#0c4a4a", "K", "#d8b25a", sub="KAGOSHIMA LABOUR", subcol="#d8b25a", deco="volcline",
                       deco_col="#d8b25a", scale=0.5, ty=0.36, subsize=0.06, subty=0.89),
    "kyt": lambda: scene(G, 5, "#3d8fd1", "#d6ecfa", [(0.66, 0.01, 0.4, "#8aa6bb")], (0.72, "#2a6f9c"),
                         structure=("sakurajima", 0.52, "#5a6b5e"), water=True,
                         logo=("band", "HW CHANNEL", "KAGOSHIMA  >  WATCH", "#c62828", "#ffffff")),
    "kk": lambda: mascot(G, "#ffd166", "#ffe8d1", "#f77f00", "helmet", pattern="stripes", pattern_col="#ffc54d"),
    "kt": lambda: seal(G, "#ffffff", "#5b3a8c", "KAGOSHIMA JOB MEASURES DIVISION * ", "rings", "#5b3a8c", "#e0a100"),
    "ks": lambda: typo(G, "#ff7a3d", "46", "#ffffff", sub="SHINSOTSU", subcol="#ffffff", deco="gradcap",
                       deco_col="#1b1b1b", fontpath=FONT_SANS_B, scale=0.5, ty=0.53),
    "kn": lambda: mascot(G, "#e8f4ff", "#fff3e8", "#e75a8d", "flower", pattern="dots", pattern_col="#cfe6fb"),
    "kg": lambda: seal(G, "#e9fbf8", "#138a7e", "HELLO WORK KAGOSHIMA * ", "volcano", "#138a7e", "#9aa5a4"),
    "sd": lambda: scene(G, 37, "#9fd3f0", "#f3fbff", [(0.5, 0.08, 0.55, "#4f8a4b"), (0.6, 0.05, 0.5, "#3b6e3a")],
                        (0.7, "#4f8fb0"), structure=("bridge", 0.5, "#7a5c3e"), water=True,
                        logo=("box", "SENDAI", "HELLO WORK", "#0d3b66", "#ffffff")),
}


def load_registry():
    accounts = OrderedDict()
    for fn in sorted(os.listdir(SEEDS)):
        if not fn.endswith(".toml"):
            continue
        with open(os.path.join(SEEDS, fn), "rb") as f:
            data = tomllib.load(f)
        for a in data.get("accounts", []):
            key = KEY_BY_URL[a["url"]]
            rec = OrderedDict(platform=a["platform"])
            if "handle" in a:
                rec["handle"] = a["handle"]
            if "id" in a:
                rec["id"] = a["id"]
            rec["url"] = a["url"]
            rec["display_name"] = a["display_name"]
            accounts[key] = rec
    assert set(accounts) == set(KEY_BY_URL.values()) and len(accounts) == 35, set(KEY_BY_URL.values()) ^ set(accounts)
    return accounts


GEN = load_registry()
PIC_OF = {k: PICTURE_OF_OFFICE[OFFICE[k]] for k in GEN}
PIC_USERS = {}
for _k, _p in PIC_OF.items():
    PIC_USERS.setdefault(_p, []).append(_k)
OFFICE_USERS = {}
for _k, _o in OFFICE.items():
    OFFICE_USERS.setdefault(_o, []).append(_k)


def ref(key):
    a = GEN[key]
    r = OrderedDict(platform=a["platform"])
    if "handle" in a:
        r["handle"] = a["handle"]
    else:
        r["url"] = a["url"]
    return r


# ============================================================================ images

RNG = random.Random(20240921)
NPR = np.random.default_rng(20240921)
_counter = [0]
_original = {}


def img_path(name):
    return os.path.join(IMG, name)


def save(im, stem, fmt, quality=88):
    fmt = fmt.lower()
    if fmt in ("png", "png-fast"):
        name = stem + ".png"
        if fmt == "png":
            im.save(img_path(name), "PNG", optimize=True)
        else:
            im.save(img_path(name), "PNG", compress_level=1)
    else:
        name = stem + ".jpg"
        im.convert("RGB").save(img_path(name), "JPEG", quality=quality)
    return "img/" + name


def new_stem():
    _counter[0] += 1
    return "c%03d" % _counter[0]


def original(pic):
    if pic not in _original:
        _original[pic] = Image.open(img_path(GEN_FILE[pic])).convert("RGB")
    return _original[pic].copy()


def natural_fmt(pic):
    return "jpg" if pic in SCENES else "png"


# ---- transforms. Each returns (image, description).

def t_resize(im, s, resample=Image.LANCZOS):
    return im.resize((s, s), resample)


def t_crop(im, l, t, r, b):
    w, h = im.size
    return im.crop((round(w * l), round(h * t), round(w * (1 - r)), round(h * (1 - b))))


def t_hue(im, deg):
    hsv = np.asarray(im.convert("HSV")).copy()
    hsv[..., 0] = ((hsv[..., 0].astype(int) + int(round(deg / 360 * 255))) % 256).astype(np.uint8)
    return Image.fromarray(hsv, "HSV").convert("RGB")


def t_grey(im):
    return ImageOps.grayscale(im).convert("RGB")


def t_bgswap(im, bg, new):
    a = np.asarray(im).astype(int)
    dist = np.abs(a - np.array(hexc(bg))).sum(axis=2)
    mask = dist < 18
    out = a.copy()
    out[mask] = hexc(new)
    return Image.fromarray(out.astype(np.uint8))


def t_overlay(im, kind, frac, text=None, col="#1d9bf0", pos="br"):
    im = im.copy()
    w, h = im.size
    d = ImageDraw.Draw(im)
    if kind == "band":
        bh = round(h * frac)  # area fraction == frac
        y0 = h - bh if pos == "b" else 0
        d.rectangle([0, y0, w, y0 + bh], fill=hexc(col))
        d.text((w / 2, y0 + bh / 2), text, font=font(FONT_SANS_B, bh * 0.6), fill=(255, 255, 255), anchor="mm")
    elif kind in ("badge", "check"):
        r = (frac * w * h / 3.1416) ** 0.5
        cx = w - r - w * 0.03 if "r" in pos else r + w * 0.03
        cy = h - r - h * 0.03 if "b" in pos else r + h * 0.03
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=hexc(col), outline=(255, 255, 255), width=max(1, w // 60))
        if kind == "check":
            d.line([(cx - r * 0.45, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.5, cy - r * 0.4)],
                   fill=(255, 255, 255), width=max(2, int(r * 0.22)))
        else:
            d.text((cx, cy), text, font=font(FONT_SANS_B, r * 0.9), fill=(255, 255, 255), anchor="mm")
    elif kind == "sticker":
        r = (frac * w * h / 2.2) ** 0.5
        cx = w - r - w * 0.02 if "r" in pos else r + w * 0.02
        cy = r + h * 0.02 if "t" in pos else h - r - h * 0.02
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.5
            a = math.radians(-90 + 36 * i)
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        d.polygon(pts, fill=hexc(col))
    return im


def t_circle(im, corner):
    w, h = im.size
    S = 4
    mask = Image.new("L", (w * S, h * S), 0)
    ImageDraw.Draw(mask).ellipse([0, 0, w * S - 1, h * S - 1], fill=255)
    mask = mask.resize((w, h), Image.LANCZOS)
    if corner is None:
        out = im.convert("RGBA")
        out.putalpha(mask)
        return out
    bg = Image.new("RGB", (w, h), hexc(corner))
    return Image.composite(im, bg, mask)


def t_pad(im, frac, col):
    w, h = im.size
    p = round(w * frac)
    return ImageOps.expand(im, border=p, fill=hexc(col))


def t_frame(im, px, col):
    im = im.copy()
    d = ImageDraw.Draw(im)
    w, h = im.size
    d.rectangle([0, 0, w - 1, h - 1], outline=hexc(col), width=px)
    return im


# ============================================================================ candidates

CANDS = []
PLATFORMS = ["x", "instagram", "facebook", "youtube", "line", "bluesky", "mastodon"]
MASTO = ["mstdn.jp", "fedibird.com", "mastodon-japan.net", "mastodon.social"]
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def rand_ytid():
    return "UC" + "".join(RNG.choice(B64) for _ in range(22))


def rand_line_id():
    return "@" + "".join(RNG.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3)) + \
        "".join(RNG.choice("0123456789") for _ in range(4)) + RNG.choice("abcdefghijklmnopqrstuvwxyz")


def url_for(platform, handle, id_=None):
    if platform == "x":
        return "https://x.com/" + handle.lstrip("@")
    if platform == "instagram":
        return "https://www.instagram.com/%s/" % handle.lstrip("@")
    if platform == "facebook":
        return "https://www.facebook.com/" + handle if handle else "https://www.facebook.com/profile.php?id=" + id_
    if platform == "youtube":
        return "https://www.youtube.com/" + handle if handle else "https://www.youtube.com/channel/" + id_
    if platform == "line":
        return "https://line.me/R/ti/p/" + handle
    if platform == "bluesky":
        return "https://bsky.app/profile/" + handle
    if platform == "mastodon":
        user, inst = handle.lstrip("@").split("@")
        return "https://%s/@%s" % (inst, user)
    raise ValueError(platform)


HANDLE_WORDS = ["job", "shigoto", "kyujin", "career", "work", "support", "navi", "lab", "desk", "center", "hiroba",
                "pocket", "daily", "memo", "life", "note", "room", "base", "plus", "link", "guide", "station", "news",
                "help", "soudan", "madoguchi", "tenshoku", "baito", "fukugyo", "machi", "tsunagu", "hataraku",
                "mirai", "next", "smile", "green", "blue", "step"]
PERSONS = ["misaki", "yuto", "haruka", "kenta", "aoi", "sora", "riku", "mei", "daichi", "nana", "takumi", "yui",
           "hina", "sota", "mio", "ren", "koharu", "itsuki", "saki", "kaito"]
FORBIDDEN = ["hw", "hello", "haro", "sapporo", "kagoshima", "mhlw", "kunren", "shinsot", "sinsot", "wakaharo",
             "mother", "diver", "jinzai", "taisaku", "obihiro", "rumoi", "chitose", "kanoya", "kokubu", "kaseda",
             "ibusuki", "sendai", "higashi", "hokkaido", "yell", "hkd", "46"]
_used_handles = set()


def rand_handle(platform):
    for _ in range(1000):
        if RNG.random() < 0.5:
            base = RNG.choice(HANDLE_WORDS) + RNG.choice(["_", "", "."]) + RNG.choice(HANDLE_WORDS)
        else:
            base = RNG.choice(PERSONS) + RNG.choice(["_", "", "."]) + str(RNG.randint(1, 9999))
        if RNG.random() < 0.3:
            base += str(RNG.randint(1, 99))
        if any(f in base.lower() for f in FORBIDDEN):
            continue
        if platform in ("x", "mastodon"):
            base = base.replace(".", "_")[:15]
        elif platform == "facebook":
            base = base.replace("_", ".")
        elif platform == "youtube":
            base = base.replace("_", "-")
        elif platform == "bluesky":
            base = base.replace("_", "-").replace(".", "-")
        if base.endswith((".", "-", "_")):
            continue
        if platform == "line":
            h = rand_line_id()
        elif platform == "youtube":
            h = "@" + base
        elif platform == "bluesky":
            h = base + ".bsky.social"
        elif platform == "mastodon":
            h = "@%s@%s" % (base, RNG.choice(MASTO))
        else:
            h = base
        if (platform, h.lower()) in _used_handles:
            continue
        _used_handles.add((platform, h.lower()))
        return h
    raise RuntimeError("no handle")


def add(cls, label, platform, handle, name, target=None, alts=(), avatar=None, note="", grey=False, bio=None,
        url=None, id_=None, tplatform=None):
    rec = OrderedDict(platform=platform)
    if handle is not None:
        rec["handle"] = handle
    rec["display_name"] = name
    if url is None and (handle or id_):
        url = url_for(platform if platform != "twitter" else "x", handle, id_)
    if url:
        rec["url"] = url
    if id_ is not None:
        rec["id"] = id_
    if avatar is not None:
        rec["avatar"] = avatar
    if bio is not None:
        rec["bio"] = bio
    rec["label"] = label
    rec["class"] = cls
    if target:
        t = ref(target)
        rec["target_platform"] = t["platform"]
        if "handle" in t:
            rec["target_handle"] = t["handle"]
        else:
            rec["target_url"] = t["url"]
        if "id" in GEN[target]:
            rec["target_id"] = GEN[target]["id"]
    else:
        rec["target_platform"] = None
        rec["target_handle"] = None
    rec["alt_targets"] = [ref(a) for a in alts if a != target]
    rec["note"] = note
    rec["grey"] = grey
    CANDS.append(rec)
    return rec


def office_alts(key):
    return OFFICE_USERS[OFFICE[key]]


def picture_alts(key):
    return PIC_USERS[PIC_OF[key]]


def pick_target_for_picture(pic, platform):
    users = PIC_USERS[pic]
    same = [u for u in users if GEN[u]["platform"] == platform]
    return RNG.choice(same) if same else users[0]


LURE_BIOS = [
    "求人・給付金の最新情報をお届けします。お問い合わせはDMへ。",
    "就職支援金の受付中です。下のリンクから申請してください。",
    "フォローとリポストで抽選。当選者にはDMでご連絡します。",
    "お仕事探しの相談はお気軽にメッセージください。",
    "登録だけで在宅ワークを紹介します。詳しくはプロフィールのリンクから。",
    None, None, None,
]


def avatar_default_for(platform):
    return {"x": "x_default", "instagram": "ig_default", "line": "line_default", "facebook": "x_default",
            "youtube": "letter:%s:%s" % (RNG.choice("ABKMSTY"), RNG.choice(["#5c6bc0", "#26a69a", "#ef6c00"])),
            "bluesky": "grad:#0560ff:#8fb5ff", "mastodon": "plain:#6364ff"}[platform]


def unrelated_avatar(platform):
    """None, a platform default picture or an own picture (for name and handle attacks)."""
    r = RNG.random()
    if r < 0.35:
        return None, "no picture"
    if r < 0.65:
        kind = avatar_default_for(platform)
        return save(default_avatar(RNG.choice([96, 128, 200]), kind), new_stem(), "png"), "default picture"
    kind = RNG.choice(["landscape", "initial", "pet", "food", "abstract"])
    im = own_picture(RNG.choice([128, 160, 200]), RNG.randint(0, 10000), kind)
    return save(im, new_stem(), "jpg" if kind in ("landscape", "food") else "png", 85), "own picture (%s)" % kind


# ---------------------------------------------------------------------------- picture attacks

PIC_NAMES = [
    "就活応援ステーション", "しごと相談窓口", "求人キャンペーン事務局", "雇用支援センター", "給付金サポート窓口",
    "Job Support Japan", "キャリア相談室", "未経験OK求人ナビ", "副業・在宅ワーク相談", "職業訓練のご案内",
    "再就職サポートデスク", "ワークライフ相談所", "就職フェア実行委員会", "人材マッチング事務局", "地域しごと情報局",
    "雇用保険手続きサポート", "転職ガイド", "シニアお仕事応援団", "ママの働き方応援室", "学生就活ラボ",
    "公的支援金のお知らせ", "助成金申請サポート", "お仕事紹介センター", "Recruit Info JP", "Career Lab",
    "仕事探しの窓口", "補助金案内所", "WORK NAVI", "はたらくサポート", "就職支援事務局【公式】",
    "求職者支援センター", "雇用相談ダイヤル", "労働相談センター", "就労支援プロジェクト", "若者しごと応援団",
    "佐藤 美咲", "たかはし ゆうと", "Kenji Watanabe", "山田 太郎", "鈴木 花子", "中村 さくら", "採用担当 木村",
    "あおい", "mika", "いとう けんた", "Haruka Mori", "小林 大地", "はるな🌷", "Sora", "吉田 めい",
    "職業相談センター公式", "キャリア支援室【公式】", "就職応援チャンネル", "在宅ワーク事務局", "給付金受付センター",
    "求人情報ステーション", "お仕事マッチング", "就活ニュース", "働き方改革サポート", "奨励金のご案内",
]


def pic_name():
    return RNG.choice(PIC_NAMES)


def plan_targets(n):
    """n picture targets, cycling through a shuffled list of all pictures (templates included)."""
    pics = sorted(PIC_USERS)
    RNG.shuffle(pics)
    return [pics[i % len(pics)] for i in range(n)]


def picture_attack(cls, pic, im, fmt, desc, platform=None, quality=88, exact_file=False, extra_note=""):
    platform = platform or (RNG.choice([GEN[u]["platform"] for u in PIC_USERS[pic]]) if RNG.random() < 0.5
                            else RNG.choice(PLATFORMS))
    target = pick_target_for_picture(pic, platform)
    if exact_file:
        stem = new_stem()
        ext = os.path.splitext(GEN_FILE[pic])[1]
        shutil.copyfile(img_path(GEN_FILE[pic]), img_path(stem + ext))
        av = "img/" + stem + ext
    else:
        av = save(im, new_stem(), fmt, quality)
    note = "picture of %s: %s; name and handle unrelated" % (pic, desc)
    grey = False
    if pic in TEMPLATES:
        note += ("; template picture shared by %d accounts of different offices, but the name identifies no "
                 "other office, so the copied picture stands" % len(PIC_USERS[pic]))
        grey = True
    if extra_note:
        note += "; " + extra_note
    handle = rand_handle(platform)
    id_ = rand_ytid() if platform == "youtube" else None
    add(cls, "suspect", platform, handle, pic_name(), target=target, alts=PIC_USERS[pic], avatar=av, note=note,
        grey=grey, bio=RNG.choice(LURE_BIOS), id_=id_)


def out_size(lo=120, hi=240):
    return RNG.randint(lo, hi)


def build_picture_attacks():
    # exact copy
    for i, pic in enumerate(plan_targets(17)):
        if i % 3 == 2:
            picture_attack("pic_exact", pic, original(pic), "png-fast", "pixel-identical, saved again as PNG")
        else:
            picture_attack("pic_exact", pic, None, None, "byte-identical copy", exact_file=True)
    # JPEG quality 30-50
    for pic in plan_targets(16):
        q = RNG.randint(30, 50)
        s = RNG.choice([240, 240, 200, 160])
        im = original(pic)
        if s != 240:
            im = t_resize(im, s)
        picture_attack("pic_jpeg", pic, im, "jpg", "JPEG quality %d at %d px" % (q, s), quality=q)
    # downsized to 48-80 px
    for pic in plan_targets(16):
        s = RNG.randint(48, 80)
        rs = RNG.choice([(Image.LANCZOS, "lanczos"), (Image.BILINEAR, "bilinear"), (Image.BICUBIC, "bicubic"),
                         (Image.BOX, "box"), (Image.NEAREST, "nearest")])
        im = t_resize(original(pic), s, rs[0])
        picture_attack("pic_downsize", pic, im, "png", "downsized to %d px (%s)" % (s, rs[1]))
    # crop / zoom 10-25 % per side, also asymmetric
    for i, pic in enumerate(plan_targets(17)):
        sides = [RNG.uniform(0.10, 0.25) for _ in range(4)]
        if i % 3 == 1:  # asymmetric: only some sides
            for j in RNG.sample(range(4), 2):
                sides[j] = 0.0
        im = t_crop(original(pic), *sides)
        s = out_size(128, 240)
        k = s / max(im.size)
        im = im.resize((round(im.size[0] * k), round(im.size[1] * k)), Image.LANCZOS)
        desc = "cropped l/t/r/b %.0f/%.0f/%.0f %% and %.0f %%, scaled to %dx%d" % (
            sides[0] * 100, sides[1] * 100, sides[2] * 100, sides[3] * 100, im.size[0], im.size[1])
        picture_attack("pic_crop", pic, im, natural_fmt(pic), desc)
    # mirrored
    for i, pic in enumerate(plan_targets(16)):
        im = ImageOps.mirror(original(pic))
        s = out_size(140, 240)
        if s != 240:
            im = t_resize(im, s)
        picture_attack("pic_mirror", pic, im, natural_fmt(pic), "mirrored left-right, %d px" % s)
    # recoloured
    flat = sorted(FLAT_BG)
    for i, pic in enumerate(plan_targets(18)):
        kind = ["hue", "grey", "bg"][i % 3]
        if kind == "bg" and pic not in FLAT_BG:
            kind = "hue"
        im = original(pic)
        if kind == "hue":
            deg = RNG.choice([1, -1]) * RNG.randint(30, 180)
            im = t_hue(im, deg)
            desc = "hue shifted by %d degrees" % deg
        elif kind == "grey":
            im = t_grey(im)
            desc = "greyscale"
        else:
            new = RNG.choice(["#202020", "#ffe066", "#a0c4ff", "#caffbf", "#ffadad", "#ffffff", "#3a0ca3"])
            if new.lower() == FLAT_BG[pic].lower():
                new = "#202020"
            im = t_bgswap(im, FLAT_BG[pic], new)
            desc = "flat background %s replaced by %s" % (FLAT_BG[pic], new)
        s = out_size(140, 240)
        if s != 240:
            im = t_resize(im, s)
        picture_attack("pic_recolour", pic, im, natural_fmt(pic), desc + ", %d px" % s)
    # overlay of a badge / sticker / text band, up to a fifth of the picture
    texts = ["OFFICIAL", "INFO", "NEW", "2026", "PR", "JOB"]
    for i, pic in enumerate(plan_targets(17)):
        kind = ["band", "badge", "check", "sticker"][i % 4]
        frac = RNG.uniform(0.08, 0.20)
        col = RNG.choice(["#1d9bf0", "#e63946", "#2a9d8f", "#f4a261", "#111111"])
        pos = RNG.choice(["br", "bl", "tr", "tl"]) if kind != "band" else RNG.choice(["b", "t"])
        text = RNG.choice(texts) if kind == "band" else RNG.choice(["!", "i"])
        im = t_overlay(original(pic), kind, frac, text=text, col=col, pos=pos)
        s = out_size(160, 240)
        if s != 240:
            im = t_resize(im, s)
        desc = "%s overlay covering %.0f %% (%s, %s)" % (kind, frac * 100, col, text if kind == "band" else pos)
        picture_attack("pic_overlay", pic, im, natural_fmt(pic), desc)
    # circular mask
    for i, pic in enumerate(plan_targets(16)):
        corner = [None, "#ffffff", "#000000", None][i % 4]
        im = t_circle(original(pic), corner)
        s = out_size(128, 240)
        if s != 240:
            im = t_resize(im, s)
        picture_attack("pic_circle", pic, im, "png" if corner is None else natural_fmt(pic),
                       "circular mask, corners %s, %d px" % (corner or "transparent", s))
    # border or padding
    for i, pic in enumerate(plan_targets(16)):
        im = original(pic)
        col = RNG.choice(["#ffffff", "#000000", "#d4af37", "#1d9bf0", "#e63946"])
        if i % 2 == 0:
            frac = RNG.uniform(0.05, 0.15)
            im = t_pad(im, frac, col)
            desc = "padded by %.0f %% per side with %s" % (frac * 100, col)
        else:
            px = RNG.randint(4, 14)
            im = t_frame(im, px, col)
            desc = "%d px frame in %s" % (px, col)
        s = out_size(128, 240)
        im = t_resize(im, s)
        picture_attack("pic_border", pic, im, natural_fmt(pic), desc + ", %d px" % s)
    # combinations of picture changes
    ops_all = ["crop", "jpeg", "mirror", "hue", "small", "band", "pad", "circle", "grey"]
    for i, pic in enumerate(plan_targets(18)):
        ops = RNG.sample(ops_all, RNG.choice([2, 2, 3]))
        if "hue" in ops and "grey" in ops:
            ops.remove("grey")
        order = [o for o in ["crop", "mirror", "hue", "grey", "band", "pad", "circle", "small", "jpeg"] if o in ops]
        im = original(pic)
        descs = []
        fmt = natural_fmt(pic)
        q = 88
        for o in order:
            if o == "crop":
                sides = [RNG.uniform(0.05, 0.15) for _ in range(4)]
                im = t_crop(im, *sides)
                descs.append("crop %.0f/%.0f/%.0f/%.0f %%" % tuple(x * 100 for x in sides))
            elif o == "mirror":
                im = ImageOps.mirror(im)
                descs.append("mirror")
            elif o == "hue":
                deg = RNG.randint(20, 90)
                im = t_hue(im, deg)
                descs.append("hue %+d" % deg)
            elif o == "grey":
                im = t_grey(im)
                descs.append("greyscale")
            elif o == "band":
                frac = RNG.uniform(0.08, 0.15)
                im = t_overlay(im, "band", frac, text=RNG.choice(texts), col="#e63946", pos="b")
                descs.append("text band %.0f %%" % (frac * 100))
            elif o == "pad":
                frac = RNG.uniform(0.04, 0.10)
                im = t_pad(im, frac, "#ffffff")
                descs.append("white padding %.0f %%" % (frac * 100))
            elif o == "circle":
                im = t_circle(im, "#ffffff")
                descs.append("circle mask")
            elif o == "small":
                s = RNG.randint(64, 100)
                im = im.resize((s, round(s * im.size[1] / im.size[0])), Image.LANCZOS)
                descs.append("%d px" % s)
            elif o == "jpeg":
                q = RNG.randint(35, 70)
                fmt = "jpg"
                descs.append("JPEG q%d" % q)
        if max(im.size) > 240:
            im = im.resize((240, round(240 * im.size[1] / im.size[0])), Image.LANCZOS)
        picture_attack("pic_combo", pic, im, fmt, " + ".join(descs), quality=q)


# ---------------------------------------------------------------------------- name attacks

NAME_ATTACKS = {
    "name_exact": [
        ("x", "ハローワーク札幌【公式】", "SP", ""),
        ("instagram", "北海道労働局", "HB_X", ""),
        ("facebook", "札幌新卒応援ハローワーク", "SS_FB", ""),
        ("line", "マザーズハローワーク札幌", "MS_LINE", ""),
        ("x", "ハローワーク留萌【公式】", "RU", ""),
        ("youtube", "ハローワーク加世田YouTubeチャンネル【公式】", "KA_YT", ""),
        ("instagram", "鹿児島新卒応援ハローワーク【公式】", "KS_IG", ""),
        ("line", "ハローワークかのや（マザーズコーナー）", "KN_LINE", ""),
        ("x", "文京区中小企業ダイバーシティ人材採用促進事業", "BK", ""),
        ("facebook", "鹿児島労働局訓練課", "KK_FB", ""),
        ("instagram", "鹿児島労働局職業対策課 人材確保対策等公式アカウント", "KT_IG", ""),
        ("x", "札幌わかものハローワーク【公式】", "WK", ""),
        ("bluesky", "ハローワーク千歳【公式】", "CH_X", "same name on another platform"),
        ("line", "ハローワークかごしま LINE 公式アカウント", "KG_LINE", ""),
        ("youtube", "鹿児島労働局企業PR動画YouTubeチャンネル", "KY2", ""),
        ("mastodon", "ハローワーク帯広(帯広公共職業安定所)【公式】", "OB", ""),
    ],
    "name_decor": [
        ("x", "【公式】ハローワーク札幌", "SP", "decoration moved"),
        ("x", "ハローワーク留萌（公式）", "RU", "【】 replaced by （）"),
        ("facebook", "［公式］北海道労働局", "HB_FB", "decoration added"),
        ("x", "北海道労働局 公式", "HB_X", "decoration added"),
        ("instagram", "ハローワーク千歳 official", "CH_X", "【公式】 replaced by official"),
        ("instagram", "〈公式〉マザーズハローワーク札幌", "MS_IG", "decoration added"),
        ("instagram", "ハローワークかのや", "KN_IG", "【公式】 dropped"),
        ("x", "鹿児島新卒応援ハローワーク 公式アカウント", "KS_IG", "【公式】 replaced by 公式アカウント"),
        ("line", "【公式】札幌新卒応援ハローワーク", "SS_LINE", "decoration added"),
        ("x", "ハローワーク札幌東 ☑️公式", "SH", "@ dropped, check emoji and 公式"),
        ("youtube", "【公式】ハローワーク国分YouTubeチャンネル", "KO_YT", "decoration moved"),
        ("x", "鹿児島労働局 ミドルシニア世代活躍支援【公式】", "KK_X", "decoration moved to the end"),
        ("x", "≪公式≫ハローワーク帯広", "OB", "decoration changed, bracketed part dropped"),
        ("x", "【Official】札幌わかものハローワーク", "WK", "decoration in English, moved"),
        ("line", "マザーズハローワークかごしま【公式】", "KM_LINE", "decoration added"),
        ("youtube", "【公認】ハローワーク指宿", "IB_YT", "公式 replaced by 公認, YouTubeチャンネル dropped"),
    ],
    "name_width_kana": [
        ("x", "ﾊﾛｰﾜｰｸ札幌【公式】", "SP", "half-width katakana"),
        ("x", "はろーわーく留萌", "RU", "hiragana"),
        ("instagram", "ハローワークさっぽろ【公式】", "SP", "place name in kana"),
        ("line", "ﾊﾛｰﾜｰｸ千歳", "CH_LINE", "half-width katakana"),
        ("instagram", "マザーズハローワークサッポロ", "MS_IG", "place name in katakana"),
        ("instagram", "ハローワーク鹿屋【公式】", "KN_IG", "かのや written in kanji (an alias)"),
        ("line", "ハローワークカノヤ", "KN_LINE", "かのや in katakana"),
        ("line", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸかごしま", "KM_LINE", "half-width katakana"),
        ("youtube", "ハローワークこくぶ YouTubeチャンネル", "KO_YT", "国分 in hiragana"),
        ("x", "さっぽろ新卒応援ハローワーク", "SS_X1", "札幌 in hiragana"),
        ("facebook", "ほっかいどう労働局", "HB_FB", "北海道 in hiragana"),
        ("x", "ハローワークおびひろ", "OB", "帯広 in hiragana"),
        ("x", "札幌わかものﾊﾛｰﾜｰｸ", "WK", "half-width katakana"),
        ("line", "ハローワークカゴシマ", "KG_LINE", "かごしま in katakana"),
        ("x", "ハローワークちとせ【公式】", "CH_X", "千歳 in hiragana"),
        ("x", "文京区中小企業ﾀﾞｲﾊﾞｰｼﾃｨ人材採用促進事業", "BK", "half-width katakana"),
        ("line", "ハローワーク川内（まざーずこーなー）", "SD_LINE", "katakana part in hiragana"),
    ],
    "name_dash_homoglyph": [
        ("x", "ハロ一ワ一ク札幌【公式】", "SP", "ー written as kanji 一"),
        ("x", "ハロ－ワ－ク留萌", "RU", "ー written as full-width hyphen-minus U+FF0D"),
        ("x", "ハロ-ワ-ク千歳", "CH_X", "ー written as ASCII hyphen"),
        ("x", "ハロ―ワ―ク帯広【公式】", "OB", "ー written as horizontal bar U+2015"),
        ("x", "八口ーワーク札幌東", "SH", "ハ→八, ロ→口 (kanji)"),
        ("x", "マザ一ズハロ一ワ一ク札幌", "MS_X", "ー written as kanji 一"),
        ("instagram", "ハローワ一クかのや", "KN_IG", "one ー as kanji 一"),
        ("line", "ハロ−ワ−ク国分", "KO_LINE", "ー written as minus sign U+2212"),
        ("facebook", "札幌新卒応援ハ口ーワーク", "SS_FB", "ロ→口"),
        ("instagram", "鹿児島労動局訓練課", "KK_IG", "働→動 (near shape)"),
        ("x", "北海道労慟局", "HB_X", "働→慟 (near shape)"),
        ("line", "ハロｰワｰクかごしま LlNE 公式アカウント", "KG_LINE", "half-width ｰ and l for I"),
        ("x", "札幌わかものハロ━ワ━ク", "WK", "ー written as box-drawing ━"),
        ("youtube", "ハロ一ワ一ク指宿YоuTubeチャンネル", "IB_YT", "kanji 一 and Cyrillic о in YouTube"),
        ("youtube", "ハローワ─ク加世田", "KA_YT", "ー written as box-drawing ─"),
        ("line", "マザ－ズハロ－ワ－クかごしま", "KM_LINE", "full-width hyphen-minus"),
    ],
    "name_invisible": [
        ("x", "ハローワーク\u200b札幌【公式】", "SP", "zero-width space"),
        ("x", "ハローワーク\u3000留萌【公式】", "RU", "ideographic space"),
        ("facebook", "北\u200c海道\u200d労働局", "HB_FB", "ZWNJ and ZWJ"),
        ("instagram", "札幌新卒応援\u2060ハローワーク", "SS_IG", "word joiner"),
        ("line", "マザーズ\u00a0ハローワーク札幌", "MS_LINE", "no-break space"),
        ("x", "ハロー\u00adワーク千歳", "CH_X", "soft hyphen"),
        ("x", "ハローワーク帯広\ufeff【公式】", "OB", "zero-width no-break space (BOM)"),
        ("x", "鹿児島\u200b労働局\u200b訓練課", "KK_IG", "zero-width spaces; name of the IG/FB accounts of the office"),
        ("instagram", "ハローワーク\u3000かのや\u3000【公式】", "KN_IG", "ideographic spaces"),
        ("instagram", "鹿児島新卒応援ハローワーク\u200e", "KS_IG", "left-to-right mark"),
        ("x", "文京区\u200b中小企業ダイバーシティ人材採用促進事業", "BK", "zero-width space"),
        ("youtube", "ハローワーク国分\u180eYouTubeチャンネル", "KO_YT", "Mongolian vowel separator"),
        ("x", "ハ\u200bロ\u200bー\u200bワ\u200bー\u200bク札幌東", "SH", "zero-width spaces between every letter"),
        ("line", "マザーズハローワークかごしま\u3000\u3000", "KM_LINE", "trailing ideographic spaces"),
        ("x", "札幌わかもの\u200bハローワーク", "WK", "zero-width space"),
        ("youtube", "ハローワーク指\U000E0100宿", "IB_YT", "ideographic variation selector after 指"),
    ],
    "name_variant_kanji": [
        ("x", "北海道勞働局", "HB_X", "労→勞"),
        ("instagram", "鹿兒島新卒応援ハローワーク", "KS_IG", "児→兒"),
        ("x", "ハローワーク千嵗", "CH_X", "歳→嵗"),
        ("youtube", "ハローワーク國分YouTubeチャンネル", "KO_YT", "国→國"),
        ("facebook", "鹿児島勞働局訓練課", "KK_FB", "労→勞"),
        ("x", "ハローワーク留萠【公式】", "RU", "萌→萠 (old spelling of 留萌)"),
        ("x", "ハローワーク帶廣", "OB", "帯→帶, 広→廣"),
        ("instagram", "鹿兒島労働局職業對策課", "KT_IG", "児→兒, 対→對"),
        ("x", "文京區中小企業ダイバーシティ人材採用促進事業", "BK", "区→區"),
        ("line", "ハローワーク川內（マザーズコーナー）", "SD_LINE", "内→內"),
        ("x", "札幌新卒應援ハローワーク", "SS_X1", "応→應"),
        ("x", "鹿兒島勞働局 ミドルシニア世代活躍支援", "KK_X", "児→兒, 労→勞"),
        ("facebook", "北\ufa45道労働局", "HB_FB", "海 as CJK compatibility ideograph U+FA45"),
        ("youtube", "鹿兒島労働局企業PR動画YouTubeチャンネル", "KY2", "児→兒"),
        ("line", "ハローワーク鹿兒島", "KG_LINE", "alias ハローワーク鹿児島 with 児→兒"),
        ("youtube", "鹿兒島労働局新卒應援・ハロトレ情報YouTubeチャンネル", "KY1", "児→兒, 応→應"),
    ],
    "name_structure": [
        ("x", "札幌ハローワーク【公式】", "SP", "word order changed"),
        ("x", "留萌ハローワーク", "RU", "word order changed"),
        ("x", "ハローワーク｜千歳", "CH_X", "separator ｜ inserted"),
        ("instagram", "ハローワーク・帯広", "OB", "separator ・ inserted"),
        ("x", "労働局 北海道", "HB_X", "word order changed"),
        ("instagram", "札幌／新卒応援ハローワーク", "SS_IG", "separator ／ inserted"),
        ("facebook", "帯広公共職業安定所", "OB", "only the bracketed part kept (an alias)"),
        ("x", "文京区 ダイバーシティ人材採用", "BK", "generic words 中小企業 and 促進事業 dropped"),
        ("youtube", "鹿児島労働局 企業PR動画", "KY2", "YouTubeチャンネル dropped"),
        ("youtube", "ハローワーク国分", "KO_YT", "YouTubeチャンネル【公式】 dropped"),
        ("instagram", "鹿児島労働局職業対策課", "KT_IG", "人材確保対策等公式アカウント dropped"),
        ("line", "ハローワーク川内", "SD_LINE", "（マザーズコーナー） dropped"),
        ("instagram", "マザーズハローワーク｜札幌", "MS_IG", "separator ｜ inserted"),
        ("x", "札幌東・ハローワーク", "SH", "word order changed, separator ・"),
        ("instagram", "鹿児島 新卒応援ハローワーク", "KS_IG", "space inserted, 【公式】 dropped"),
        ("instagram", "訓練課（鹿児島労働局）", "KK_IG", "word order changed, brackets"),
        ("line", "ハローワーク かのや／マザーズコーナー", "KN_LINE", "separators changed"),
    ],
    "name_trailing_added": [
        ("x", "ハローワーク札幌【公式】✨", "SP", "trailing emoji"),
        ("x", "ハローワーク千歳【公式】!!", "CH_X", "trailing marks"),
        ("x", "北海道労働局🍀", "HB_X", "trailing emoji"),
        ("instagram", "マザーズハローワーク札幌🌸", "MS_IG", "trailing emoji"),
        ("x", "ハローワーク留萌【公式】。", "RU", "trailing 。"),
        ("instagram", "ハローワーク札幌 求人情報", "SP", "added 求人情報; aggregator words are no disclaimer"),
        ("x", "札幌新卒応援ハローワーク 就活速報", "SS_X1", "added 就活速報; aggregator words are no disclaimer"),
        ("facebook", "北海道労働局 お知らせ", "HB_FB", "added お知らせ"),
        ("x", "ハローワーク帯広 求人ナビ", "OB", "added 求人ナビ; aggregator words are no disclaimer"),
        ("youtube", "ハローワーク国分 まとめ", "KO_YT", "added まとめ; aggregator words are no disclaimer"),
        ("instagram", "鹿児島新卒応援ハローワーク 2026", "KS_IG", "added year"),
        ("line", "マザーズハローワークかごしま 相談窓口", "KM_LINE", "added 相談窓口"),
        ("instagram", "ハローワークかのや ★", "KN_IG", "trailing star"),
        ("x", "文京区中小企業ダイバーシティ人材採用促進事業 事務局", "BK", "added 事務局"),
        ("youtube", "ハローワーク指宿 サポートセンター", "IB_YT", "added サポートセンター"),
        ("facebook", "鹿児島労働局訓練課 受講案内", "KK_FB", "added 受講案内"),
        ("x", "ハローワーク札幌東【公式】📢", "SH", "@ dropped, trailing emoji"),
    ],
}

GREY_NAME = {
    ("name_trailing_added", "ハローワーク札幌 求人情報"): "could be an honest aggregator, but aggregator words are no disclaimer",
    ("name_trailing_added", "札幌新卒応援ハローワーク 就活速報"): "could be an honest aggregator, but aggregator words are no disclaimer",
    ("name_trailing_added", "ハローワーク帯広 求人ナビ"): "could be an honest aggregator, but aggregator words are no disclaimer",
    ("name_trailing_added", "ハローワーク国分 まとめ"): "could be an honest aggregator, but aggregator words are no disclaimer",
    ("name_structure", "労働局 北海道"): "reordered words of a short name; 北海道 + 労働局 still names the bureau",
    ("name_dash_homoglyph", "鹿児島労動局訓練課"): "near-shape kanji, not a Unicode confusable",
    ("name_dash_homoglyph", "北海道労慟局"): "near-shape kanji, not a Unicode confusable",
}


def build_name_attacks():
    for cls, rows in NAME_ATTACKS.items():
        for platform, name, target, how in rows:
            handle = rand_handle(platform)
            av, avdesc = unrelated_avatar(platform)
            note = "name of %s: %s; handle unrelated; %s" % (ref(target).get("handle") or ref(target)["url"], how, avdesc)
            grey = (cls, name) in GREY_NAME
            if grey:
                note += "; grey: " + GREY_NAME[(cls, name)]
            add(cls, "suspect", platform, handle, name, target=target, alts=office_alts(target), avatar=av,
                note=note, grey=grey, id_=rand_ytid() if platform == "youtube" else None,
                bio=RNG.choice(LURE_BIOS))


# ---------------------------------------------------------------------------- handle attacks

HANDLE_NAMES = ["ゆきんこ", "北のくらし", "Daily Memo", "たなか", "パン好き", "釣り部", "Photo Diary", "Riku",
                "ねこまる", "旅するOL", "さとう", "求人ウォッチ", "まいにち日記", "Kazu", "はなこ", "ランチ探検隊",
                "mio", "おさんぽ", "Travel Log", "こむぎ", "たろう", "カメラ好き", "あや", "K. Ito", "みどり",
                "うみ", "Yuki", "さくらんぼ", "おでかけメモ", "ひろし"]

HANDLE_ATTACKS = {
    "handle_homoglyph": [
        ("x", "HW_Sapp0ro", "SP", "o→0"),
        ("x", "HW_Rum0i", "RU", "o→0"),
        ("x", "HKDMHLVVitter", "HB_X", "W→VV"),
        ("x", "hw_0bihiro", "OB", "o→0"),
        ("instagram", "rnhw.sapporo", "MS_IG", "m→rn"),
        ("facebook", "mhlw.hokkaiclo", "HB_FB", "d→cl"),
        ("x", "HW_Chit0se", "CH_X", "o→0"),
        ("x", "s_wakahar0", "WK", "o→0"),
        ("instagram", "kagoshirnakunren", "KK_IG", "m→rn"),
        ("instagram", "hw_kan0ya", "KN_IG", "o→0"),
        ("x", "HWsa_hlgashi", "SH", "i→l"),
        ("x", "b_diverjlnzai", "BK", "i→l"),
        ("x", "4bKunrenka", "KK_X", "6→b"),
        ("x", "HW_S\u0430pporo", "SP", "Latin a→Cyrillic а"),
        ("instagram", "sapporo.sins\u043etu.hw", "SS_IG", "Latin o→Cyrillic о"),
        ("x", "S_shinsotu_yeII", "SS_X1", "ll→II"),
        ("instagram", "k.tai5aku46", "KT_IG", "s→5"),
        ("instagram", "kagoshima_shinsotsu_hvv", "KS_IG", "w→vv"),
    ],
    "handle_edit": [
        ("x", "HW_Saporo", "SP", "omitted p"),
        ("x", "HW_Ruomi", "RU", "swapped mo"),
        ("x", "hw_obihro", "OB", "omitted i"),
        ("x", "HW_Chitosse", "CH_X", "doubled s"),
        ("x", "HKDMHLWiter", "HB_X", "omitted t"),
        ("x", "s_wakaharou", "WK", "inserted u"),
        ("x", "s_mothrsHW", "MS_X", "omitted e"),
        ("x", "HWsa_higahsi", "SH", "swapped sh"),
        ("instagram", "sapporo.shinsotu.hw", "SS_IG", "inserted h"),
        ("instagram", "mhw.saporo", "MS_IG", "omitted p"),
        ("instagram", "kagoshimakunnren", "KK_IG", "doubled n"),
        ("instagram", "k.taisaku64", "KT_IG", "swapped digits"),
        ("instagram", "hw_kanoyaa", "KN_IG", "doubled a"),
        ("instagram", "kagoshima_shinsotu_hw", "KS_IG", "omitted s (shinsotsu→shinsotu)"),
        ("x", "b_diverjinzia", "BK", "swapped ai"),
        ("x", "46Kunrennka", "KK_X", "doubled n"),
        ("x", "S_shinsotu_yel", "SS_X1", "omitted l"),
    ],
    "handle_affix": [
        ("x", "HW_Sapporo_jp", "SP", "suffix _jp"),
        ("instagram", "hw_sapporo_official", "SP", "suffix _official (handle from X)"),
        ("x", "HW_Rumoi_bot", "RU", "suffix _bot: bot in a handle is no disclaimer"),
        ("instagram", "hw_kanoya.info", "KN_IG", "suffix .info"),
        ("x", "hw_obihiro_pr", "OB", "suffix _pr"),
        ("facebook", "mhlw.hokkaido.jp", "HB_FB", "suffix .jp"),
        ("x", "HKDMHLWitterJP", "HB_X", "suffix JP"),
        ("instagram", "mhw.sapporo.official", "MS_IG", "suffix .official"),
        ("instagram", "kagoshimakunren_official", "KK_IG", "suffix _official"),
        ("instagram", "k.taisaku46.info", "KT_IG", "suffix .info"),
        ("x", "HW_Chitose_info", "CH_X", "suffix _info"),
        ("x", "s_wakaharo_jp", "WK", "suffix _jp"),
        ("instagram", "kagoshima_shinsotsu_hw_jp", "KS_IG", "suffix _jp"),
        ("x", "b_diverjinzai2", "BK", "digit appended"),
        ("x", "HWsa_higashi2", "SH", "digit appended"),
        ("instagram", "sapporo.sinsotu.hw.official", "SS_IG", "suffix .official"),
        ("x", "46Kunrenka_pr", "KK_X", "suffix _pr"),
    ],
    "handle_separator": [
        ("instagram", "hw.kanoya", "KN_IG", "_ → ."),
        ("x", "HWSapporo", "SP", "_ removed"),
        ("instagram", "mhw_sapporo", "MS_IG", ". → _"),
        ("instagram", "sapporo_sinsotu_hw", "SS_IG", ". → _"),
        ("instagram", "k_taisaku46", "KT_IG", ". → _"),
        ("instagram", "kagoshima.shinsotsu.hw", "KS_IG", "_ → ."),
        ("facebook", "mhlwhokkaido", "HB_FB", ". removed"),
        ("x", "HW__Rumoi", "RU", "_ doubled"),
        ("x", "hwobihiro", "OB", "_ removed"),
        ("x", "HW_Chi_tose", "CH_X", "_ inserted"),
        ("x", "s_mothers_HW", "MS_X", "_ inserted"),
        ("x", "HW_sa_higashi", "SH", "_ inserted"),
        ("x", "Sshinsotu_yell", "SS_X1", "_ removed"),
        ("x", "b_diver_jinzai", "BK", "_ inserted"),
        ("instagram", "kagoshima.kunren", "KK_IG", ". inserted"),
        ("x", "s_waka_haro", "WK", "_ inserted"),
    ],
    "handle_cross_platform": [
        ("instagram", "hw_sapporo", "SP", "X handle reused on Instagram"),
        ("bluesky", "hw-sapporo.bsky.social", "SP", "X handle as Bluesky local part (_ → -)"),
        ("mastodon", "@HW_Sapporo@mstdn.jp", "SP", "X handle as Mastodon user"),
        ("instagram", "hkdmhlwitter", "HB_X", "X handle reused on Instagram"),
        ("x", "kagoshimakunren", "KK_IG", "Instagram handle reused on X"),
        ("instagram", "46kunrenka", "KK_X", "X handle reused on Instagram"),
        ("instagram", "s_wakaharo", "WK", "X handle reused on Instagram"),
        ("bluesky", "hw-obihiro.bsky.social", "OB", "X handle as Bluesky local part"),
        ("x", "hw_kanoya", "KN_IG", "Instagram handle reused on X"),
        ("mastodon", "@HW_Rumoi@mastodon.social", "RU", "X handle as Mastodon user"),
        ("bluesky", "mhw.sapporo.bsky.social", "MS_IG", "Instagram handle as Bluesky local part"),
        ("instagram", "hw_chitose", "CH_X", "X handle reused on Instagram"),
        ("youtube", "@hw_chitose", "CH_X", "X handle reused as YouTube handle"),
        ("bluesky", "b-diverjinzai.bsky.social", "BK", "X handle as Bluesky local part"),
        ("instagram", "b_diverjinzai", "BK", "X handle reused on Instagram"),
        ("mastodon", "@s_mothersHW@fedibird.com", "MS_X", "X handle as Mastodon user"),
        ("facebook", "kagoshima.shinsotsu.hw", "KS_IG", "Instagram handle on Facebook (_ → . as Facebook allows no _)"),
    ],
}


def build_handle_attacks():
    for cls, rows in HANDLE_ATTACKS.items():
        for platform, handle, target, how in rows:
            _used_handles.add((platform, handle.lower()))
            av, avdesc = unrelated_avatar(platform)
            name = RNG.choice(HANDLE_NAMES)
            note = "handle lookalike of %s (%s): %s; name unrelated; %s" % (
                ref(target).get("handle"), GEN[target]["platform"], how, avdesc)
            add(cls, "suspect", platform, handle, name, target=target, alts=office_alts(target), avatar=av,
                note=note, id_=rand_ytid() if platform == "youtube" else None)


# ---------------------------------------------------------------------------- combinations

def pic_variant(pic, ops):
    """Apply a short list of named operations to a genuine picture."""
    im = original(pic)
    fmt, q = natural_fmt(pic), 88
    for o in ops:
        k, _, arg = o.partition(":")
        if k == "jpeg":
            fmt, q = "jpg", int(arg)
        elif k == "crop":
            im = t_crop(im, *[float(x) for x in arg.split(",")])
        elif k == "mirror":
            im = ImageOps.mirror(im)
        elif k == "size":
            im = t_resize(im, int(arg))
        elif k == "hue":
            im = t_hue(im, int(arg))
        elif k == "grey":
            im = t_grey(im)
        elif k == "circle":
            im = t_circle(im, arg or None)
            if not arg:
                fmt = "png"
        elif k == "band":
            im = t_overlay(im, "band", 0.15, text=arg, col="#e63946", pos="b")
        elif k == "check":
            im = t_overlay(im, "check", 0.1, col="#1d9bf0", pos="br")
        elif k == "pad":
            im = t_pad(im, 0.08, arg)
        elif k == "frame":
            im = t_frame(im, 8, arg)
    return save(im, new_stem(), fmt, q)


COMBOS = [
    ("x", "HW_Sapp0ro", "ハローワーク札幌【公式】", "SP", "sp:exact", "exact name, o→0 handle, exact picture"),
    ("instagram", "mhw.sapporo_", "マザーズハローワーク札幌", "MS_IG", "mothers:jpeg:45", "exact name, trailing _ handle, template picture JPEG q45"),
    ("x", "HKDMHLWitter_jp", "北海道労働局【公式】", "HB_X", "hb:crop:0.12,0.1,0.12,0.14|size:200", "decorated name, _jp handle, cropped picture"),
    ("line", "@hwchitose", "ﾊﾛｰﾜｰｸ千歳", "CH_LINE", "hw:circle:", "half-width name, handle from the office name, template picture circular"),
    ("instagram", "hw.kanoya", "ハローワークかのや", "KN_IG", "kn:mirror|size:180", "alias name, separator handle, mirrored picture"),
    ("youtube", "@hw-kokubu", "ハローワーク国分 公式", "KO_YT", "kyt:size:88", "alias name, romanised handle, template picture small"),
    ("x", "S_shinsotu_yeII", "札幌新卒応援ハローワーク", "SS_X1", "ss:hue:40|size:200", "alias name, ll→II handle, hue-shifted picture"),
    ("instagram", "kagoshima_kunren", "鹿児島労働局訓練課✨", "KK_IG", "kk:band:INFO", "name with emoji, separator handle, picture with text band"),
    ("facebook", "mhlw.hokkaido.official", "北海道労働局", "HB_FB", "hb:jpeg:35", "exact name, .official handle, picture JPEG q35"),
    ("x", "HW_Rumoi_jp", "ハローワーク留萌", "RU", "hw:exact", "alias name, _jp handle, byte-identical template picture"),
    ("x", "b_diverjinzai_", "文京区 ダイバー人材", "BK", "bk:pad:#000000|size:160", "alias name, trailing _ handle, padded picture"),
    ("line", "@mothers-kago", "マザーズハローワークかごしま", "KM_LINE", "mothers:size:120", "exact name, LINE id from the name, template picture (also used by マザーズハローワーク札幌)"),
    ("instagram", "kagoshima_shinsotsu_hw.jp", "鹿児島新卒応援ハローワーク", "KS_IG", "ks:check", "name without 【公式】, .jp handle, picture with check badge"),
    ("x", "HWsa_higash1", "ハローワーク札幌東", "SH", "sh:crop:0.1,0.15,0.2,0.1|size:150", "alias name, i→1 handle, cropped picture"),
    ("x", "46Kunrenka_", "【公式】鹿児島労働局 ミドルシニア世代活躍支援", "KK_X", "kk:grey|size:200", "exact name, trailing _ handle, greyscale picture"),
    ("x", "spr_shukatsu", "さっぽろ就活YELL", "SS_X1", "ss:exact", "partial name (さっぽろ + YELL from the picture), unrelated handle, exact picture; the picture alone suffices"),
    ("instagram", "jinzai_kakuho_kg", "鹿児島労働局 人材確保", "KT_IG", "kt:jpeg:80", "part of the name (鹿児島労働局 … 人材確保), unrelated handle, re-encoded picture; the picture alone suffices"),
    ("x", "sapporo_job_fan", "ハローワーク札幌 非公式ファンアカウント", "SP", "sp:jpeg:60", "disclaimer in the name, but the picture is copied: disclaimers never clear a copied picture"),
    ("x", "HKDMHLWitterbot", "北海道労働局（非公式bot）", "HB_X", None, "disclaimer in the name, but the handle is a lookalike: disclaimers never clear a lookalike handle"),
]


def build_combos():
    for platform, handle, name, target, picspec, how in COMBOS:
        _used_handles.add((platform, handle.lower()))
        pic = PIC_OF[target]
        av = None
        alts = list(office_alts(target))
        if picspec:
            p, _, ops = picspec.partition(":")
            assert p == pic, (p, pic)
            if ops == "exact":
                stem = new_stem()
                ext = os.path.splitext(GEN_FILE[pic])[1]
                shutil.copyfile(img_path(GEN_FILE[pic]), img_path(stem + ext))
                av = "img/" + stem + ext
            else:
                av = pic_variant(pic, [o for o in ops.split("|") if o])
            alts += [a for a in PIC_USERS[pic] if a not in alts]
        grey = "partial name" in how or "part of the name" in how
        note = how
        if grey:
            note += "; grey: only the picture is a firm match, the name shares only part of the genuine name"
        add("combo", "suspect", platform, handle, name, target=target, alts=alts, avatar=av, note=note, grey=grey,
            id_=rand_ytid() if platform == "youtube" else None, bio=RNG.choice(LURE_BIOS))


# ---------------------------------------------------------------------------- hard negatives

def own_seal(text, ring, bg, emb, c1, c2, size=200):
    return seal(size, bg, ring, text, emb, c1, c2)


SIMILAR = {
    # same colours / layout as a genuine picture, but a shop's or club's own mark
    "ramen": lambda: seal(200, "#f4f1e8", "#1d3a6e", "RAMEN HONPO SAPPORO * ", "bowl", "#1d3a6e", "#c8102e"),
    "bakery": lambda: typo(200, "#ffffff", "HB", "#ffffff", sub="HAPPY BAKERY", subcol="#1f5fa8", deco="roundsq",
                           deco_col="#1f5fa8", fontpath=FONT_SANS_B, scale=0.36, ty=0.42),
    "united": lambda: seal(200, "#e9fbf8", "#138a7e", "KAGOSHIMA SUPPORTERS CLUB * ", "ball", "#138a7e", "#ffffff"),
    "mamacafe": lambda: mascot(200, "#f9d5e0", "#d9a066", "#7a4f2a", "bear", pattern="hearts", pattern_col="#f4b3c8"),
    "juku": lambda: mascot(200, "#bfe8d6", "#ffe0c2", "#1b5e20", "cap", pattern="dots", pattern_col="#9fd8bf"),
    "snowphoto": lambda: scene(200, 91, "#1f2b4d", "#95a6d0", [(0.6, 0.07, 0.55, "#44506e")], (0.82, "#eef2f8"),
                               structure=("tower", 0.7, "#2c2c34"), logo=("badge", "SP", 0.78, 0.2, "#6a1b9a", "#ffffff"),
                               grain=9),
    "tours": lambda: scene(200, 77, "#4aa3df", "#e4f3fc", [(0.68, 0.01, 0.4, "#93adbf")], (0.74, "#1f5f8b"),
                           structure=("sakurajima", 0.35, "#5b6a50"), water=True,
                           logo=("band", "SAKURAJIMA TOURS", "FERRY & ONSEN", "#ef6c00", "#ffffff")),
    "divers": lambda: typo(200, "#ffffff", "DIVE", None, sub="BUNKYO DIVERS", subcol="#333333", deco="dotsring",
                           letter_cols=["#0077b6", "#00b4d8", "#90e0ef", "#023e8a"], fontpath=FONT_SANS_B, scale=0.24,
                           ty=0.44, subty=0.64, subsize=0.07),
    "chitosefc": lambda: seal(200, "#f4f1e8", "#1d3a6e", "CHITOSE FOOTBALL CLUB * ", "star5", "#c8102e", "#1d3a6e"),
    "rosecafe": lambda: mascot(200, "#fff0f5", "#fff3e8", "#c9184a", "flower", pattern="none"),
    "canoe": lambda: scene(200, 63, "#a7d8f0", "#f3fbff", [(0.48, 0.07, 0.55, "#5c9a54"), (0.58, 0.05, 0.5, "#407a3d")],
                           (0.68, "#5a9bbd"), structure=("bridge", 0.5, "#555555"), water=True,
                           logo=("box", "CANOE", "SENDAI RIVER CLUB", "#2d6a4f", "#ffffff")),
    "ballers": lambda: typo(200, "#1d3557", "46", "#ffffff", sub="BALLERS", subcol="#ffffff", deco="gradcap",
                            deco_col="#e63946", fontpath=FONT_SANS_B, scale=0.5, ty=0.53),
    "golf": lambda: seal(200, "#ffffff", "#5b3a8c", "KOKUBU GOLF CLUB * ", "flag", "#5b3a8c", "#e0a100"),
    "robo": lambda: mascot(200, "#ffd166", "#cfd8dc", "#f77f00", "helmet", pattern="stripes", pattern_col="#ffc54d",
                           eye="#0d47a1", cheek="#90caf9"),
    "shotengai": lambda: seal(200, "#fff8ee", "#2f5d3a", "HIGASHI SAPPORO SHOPPING STREET * ", "leaf", "#2f5d3a", "#fff8ee"),
    "kmark": lambda: typo(200, "#0c4a4a", "M", "#d8b25a", sub="MINAMI SHOYU", subcol="#d8b25a", deco="volcline",
                         deco_col="#d8b25a", scale=0.5, ty=0.36, subsize=0.06, subty=0.89),
}


def neg(cls, platform, handle, name, av=None, note="", grey=False, bio=None, id_=None, url=None):
    if handle is not None:
        _used_handles.add((platform, handle.lower()))
    add(cls, "clear", platform, handle, name, avatar=av, note=note, grey=grey, bio=bio, id_=id_, url=url)


def own(kind, size=None):
    im = own_picture(size or RNG.choice([128, 160, 200]), RNG.randint(0, 10000), kind)
    return save(im, new_stem(), "jpg" if kind in ("landscape", "food") else "png", 85)


def template_copy(pic, reencode=False):
    stem = new_stem()
    if reencode:
        return save(original(pic).resize((200, 200), Image.LANCZOS), stem, "jpg", 90)
    ext = os.path.splitext(GEN_FILE[pic])[1]
    shutil.copyfile(img_path(GEN_FILE[pic]), img_path(stem + ext))
    return "img/" + stem + ext


def build_negatives():
    T = "template picture shared by registry accounts of different offices, under the name of another specific office not in the registry: clear by policy"
    c = "neg_other_body"
    neg(c, "x", "HW_Hakodate", "ハローワーク函館【公式】", template_copy("hw"), "another Hello Work office; " + T, True)
    neg(c, "x", "hw_asahikawa", "ハローワーク旭川【公式】", template_copy("hw", True), "another Hello Work office; " + T + " (re-encoded)", True)
    neg(c, "x", "HW_Kushiro", "ハローワーク釧路", save(seal(200, "#eef6ff", "#0b5394", "HELLO WORK KUSHIRO * ", "snow", "#0b5394", "#6fa8dc"), new_stem(), "png"),
        "another Hello Work office with its own seal")
    neg(c, "youtube", "@hw-izumi", "ハローワーク出水YouTubeチャンネル【公式】", template_copy("kyt"), "another Kagoshima office; " + T, True,
        id_=rand_ytid())
    neg(c, "youtube", "@hw-osumi", "ハローワーク大隅YouTubeチャンネル", template_copy("kyt", True), "another Kagoshima office; " + T + " (re-encoded)", True,
        id_=rand_ytid())
    neg(c, "line", "@tkm5521q", "マザーズハローワーク東京", template_copy("mothers"), "another Mothers Hello Work; " + T, True)
    neg(c, "x", "fukuoka_roudou", "福岡労働局", own("initial"), "another labour bureau")
    neg(c, "x", "aomori_rodo", "青森労働局", own("landscape"), "another labour bureau")
    neg(c, "x", "MHLWitter", "厚生労働省", save(seal(200, "#ffffff", "#00695c", "MINISTRY OF HEALTH LABOUR AND WELFARE * ", "leaf", "#00695c", "#ffffff"), new_stem(), "png"),
        "the ministry; its handle is contained in HKDMHLWitter, but it is a different body under its own name", True)
    neg(c, "x", "sapporo_city_pr", "札幌市広報", own("landscape"), "the city, not the Hello Work office")
    neg(c, "instagram", "kagoshima_city_official", "鹿児島市【公式】", own("landscape"), "the city")
    neg(c, "x", "obihiro_city", "帯広市", own("initial"), "the city")
    neg(c, "instagram", "kanoya_city", "鹿屋市 公式", own("abstract"), "the city")
    neg(c, "x", "tokyo_shinsotsu", "東京新卒応援ハローワーク【公式】", own("initial"), "another 新卒応援ハローワーク under its own place name")
    neg(c, "instagram", "fukuoka_shinsotsu_hw", "福岡新卒応援ハローワーク【公式】", own("abstract"),
        "another 新卒応援ハローワーク; handle built like kagoshima_shinsotsu_hw with another place name: another body, not a typo", True)
    neg(c, "x", "sendai_wakaharo", "仙台わかものハローワーク", own("pet"),
        "another わかものハローワーク; handle shares wakaharo with s_wakaharo but names 仙台", True)
    neg(c, "line", "@qzt4410f", "マザーズハローワーク福岡", own("pet"), "another Mothers Hello Work")
    neg(c, "x", "mlit_hokkaido", "北海道運輸局", own("landscape"), "another 北海道 bureau (transport)")
    neg(c, "x", "miyazaki_roudou", "宮崎労働局", own("initial"), "another labour bureau")
    neg(c, "facebook", "bunkyo.sjc", "文京区シルバー人材センター", own("initial"),
        "another body sharing 文京区 and 人材", True)
    neg(c, "x", "hw_sapporokita", "ハローワーク札幌北【公式】", own("abstract"),
        "another office (札幌北); the handle contains hw_sapporo + kita but names a real different office", True)
    neg(c, "youtube", "@kumamoto-roudou", "熊本労働局チャンネル", own("landscape"), "another labour bureau", id_=rand_ytid())

    c = "neg_similar_logo"
    rows = [
        ("x", "ramen_honpo", "らーめん本舗 札幌店", "ramen", "same navy seal layout as 北海道労働局, a ramen shop's mark"),
        ("instagram", "happy_bakery_obi", "ハッピーベーカリー 帯広", "bakery", "same blue rounded-square layout as the Hello Work template, letters HB"),
        ("x", "kago_supporters", "鹿児島サポーターズクラブ", "united", "same teal seal as ハローワークかごしま, a football supporters' club"),
        ("instagram", "mama_cafe_spr", "ママカフェ さっぽろ", "mamacafe", "same pink heart background as the Mothers template, a bear face"),
        ("x", "wakaba_juku", "わかば学習塾", "juku", "same mint dots background as わかものハローワーク, a capped face"),
        ("instagram", "snow_photo_works", "スノーフォト工房", "snowphoto", "night snow scene with a TV tower and a badge, like the ハローワーク札幌 picture"),
        ("youtube", "@sakurajima-tours", "桜島ツアーズ", "tours", "Sakurajima scene with a band, like the Kagoshima YouTube template"),
        ("x", "bunkyo_divers", "文京ダイバーズ（ダイビングクラブ）", "divers", "dot ring and coloured letters like the ダイバー人材 mark; a diving club"),
        ("x", "chitose_fc", "千歳フットボールクラブ", "chitosefc", "navy seal with a star like 北海道労働局; a football club"),
        ("instagram", "rose_cafe_kanoya", "ばらカフェ かのや", "rosecafe", "flower face like ハローワークかのや; a cafe"),
        ("instagram", "sendai_canoe", "川内川カヌークラブ", "canoe", "river and bridge scene with a box logo, like ハローワーク川内"),
        ("x", "ballers46", "46ers バスケットボール部", "ballers", "46 with a cap like 鹿児島新卒応援ハローワーク; a basketball club"),
        ("facebook", "kokubu.golf", "国分ゴルフクラブ", "golf", "purple seal like 職業対策課; a golf club"),
        ("instagram", "robo_koubou", "ROBO工房 鹿児島", "robo", "yellow striped helmet face like 訓練課; a robot workshop"),
        ("x", "higashi_shoten", "東札幌商店街", "shotengai", "green seal like ハローワーク札幌東; a shopping street"),
        ("instagram", "minami_shoyu", "南醤油店", "kmark", "dark teal framed letter with a volcano line like 鹿児島労働局 YouTube; a soy sauce shop"),
    ]
    for platform, handle, name, k, note in rows:
        av = save(SIMILAR[k](), new_stem(), "jpg" if k in ("snowphoto", "tours", "canoe") else "png")
        neg(c, platform, handle, name, av, note + "; own name and handle", k in ("bakery", "tours", "kmark"),
            id_=rand_ytid() if platform == "youtube" else None)
    # grey flags for the closest pairs
    for r in CANDS:
        if r["class"] == c and r["grey"]:
            r["note"] += "; grey: same layout and colours, only the letters or scene details differ"

    c = "neg_local"
    rows = [
        ("x", "spr_kyujin_mtm", "札幌の求人情報まとめ", "landscape", "shares place and service words only"),
        ("x", "hk_shigoto_navi", "北海道しごとナビ", "initial", "shares 北海道 only"),
        ("x", "kago_baito", "鹿児島バイト速報", "abstract", "shares 鹿児島 only"),
        ("instagram", "soba_komugi", "帯広 そば処 こむぎ", "food", "a shop with a place name"),
        ("instagram", "yuki_rumoi_photo", "留萌の写真家 ゆき", "landscape", "a person with a place name"),
        ("x", "chitose_gourmet", "千歳空港グルメ日記", "food", "a blog with a place name"),
        ("instagram", "kanoya_baraen", "かのや ばら園だより", "landscape", "a garden with a place name"),
        ("instagram", "pan_poppo", "札幌東区 パン屋 ぽっぽ", "food", "a shop with a place name (札幌東区)"),
        ("x", "minami_career", "鹿児島 転職エージェント ミナミ", "initial", "a private job agency with its own picture"),
        ("x", "kokubu_ojisan", "国分のおじさん", "pet", "a person"),
        ("instagram", "ibusuki_minato", "指宿温泉 旅館 みなと", "landscape", "an inn"),
        ("instagram", "kaseda_farm", "加世田 農園 さつま", "food", "a farm"),
        ("x", "bunkyo_mamakai", "文京区 子育てママ会", "pet", "a parents' group with a place name"),
        ("instagram", "sendai_champon", "川内 ちゃんぽん亭", "food", "a restaurant"),
        ("x", "shukatsu_note", "新卒応援 就活ノート", "initial", "service words only"),
        ("x", "mama_reshukatsu", "ママの再就職ブログ（札幌）", "pet", "a person's blog"),
        ("instagram", "kg_training_list", "鹿児島の職業訓練校まとめ", "abstract", "job-training aggregator with place word; no registry name"),
        ("x", "north_hw_watch", "北海道 ハローワーク求人ウォッチ", "landscape", "service word ハローワーク with a prefecture; names no registry office"),
        ("instagram", "chitose_sato", "佐藤 ちとせ", "pet", "a person whose given name is ちとせ"),
        ("x", "kago_wakamono", "かごしま わかもの会議", "abstract", "a youth group"),
    ]
    for platform, handle, name, kind, note in rows:
        grey = handle in ("north_hw_watch", "kg_training_list", "spr_kyujin_mtm")
        if grey:
            note += "; grey: service word plus place, but no registry name, handle or picture"
        neg(c, platform, handle, name, own(kind), note, grey)

    c = "neg_disclaimer"
    rows = [
        ("x", "job_pickup_spr", "ハローワーク札幌【非公式】求人ピックアップ", "SP"),
        ("x", "roudou_fan_hk", "北海道労働局 非公認ファンアカウント", "HB_X"),
        ("instagram", "parody_mama_work", "マザーズハローワーク札幌（パロディ）", "MS_IG"),
        ("x", "north_jobs_feed", "ハローワーク千歳 bot（非公式）", "CH_X"),
        ("x", "north_jobs_unof", "unofficial: ハローワーク留萌 求人", "RU"),
        ("instagram", "shukatsu_fan_kg", "鹿児島新卒応援ハローワーク fan", "KS_IG"),
        ("instagram", "rose_job_memo", "ハローワークかのや 非公式まとめ", "KN_IG"),
        ("x", "shukatsu_fan_sp", "札幌新卒応援ハローワーク（非公式）", "SS_X1"),
        ("youtube", "@jobfan-kirishima", "ハローワーク国分 ファンアカウント", "KO_YT"),
        ("x", "diver_parody", "文京区中小企業ダイバーシティ人材採用促進事業 parody", "BK"),
        ("instagram", "training_feed_kg", "鹿児島労働局訓練課 非公式bot", "KK_IG"),
        ("x", "tokachi_jobs", "ハローワーク帯広(帯広公共職業安定所) unofficial", "OB"),
        ("line", "@fan8834k", "マザーズハローワークかごしま 非公認", "KM_LINE"),
        ("x", "east_fan_acc", "ハローワーク札幌東 ファンアカウント", "SH"),
        ("bluesky", "rodo-news.bsky.social", "北海道労働局 bot (unofficial)", "HB_X"),
        ("youtube", "@onsen-parody-ch", "ハローワーク指宿 パロディ", "IB_YT"),
    ]
    for platform, handle, name, t in rows:
        r = RNG.random()
        av = None if r < 0.3 else (own(RNG.choice(["initial", "pet", "abstract", "landscape"])) if r < 0.75 else
                                   save(default_avatar(128, avatar_default_for(platform)), new_stem(), "png"))
        neg(c, platform, handle, name, av,
            "copies the name of %s but carries an explicit disclaimer; handle unrelated; picture not copied"
            % (ref(t).get("handle") or ref(t)["url"]), id_=rand_ytid() if platform == "youtube" else None)

    c = "neg_plain"
    rows = [
        ("x", "x_default", "たなか"), ("instagram", "ig_default", "mika"), ("line", "line_default", "お店の連絡用"),
        ("x", "plain:#1d9bf0", "ブルー"), ("instagram", "plain:#ffffff", "しろくま"), ("x", "plain:#000000", "Kuro"),
        ("facebook", "grad:#ff9a9e:#fad0c4", "佐々木 まゆ"), ("youtube", "letter:H:#5c6bc0", "Hiro Channel"),
        ("bluesky", "grad:#0560ff:#8fb5ff", "ねむい"), ("mastodon", "plain:#6364ff", "ぽんた"),
        ("x", "plain:#1f5fa8", "aoi"), ("instagram", "plain:#f9d5e0", "ピンク好き"),
        ("x", "x_default", "就職がんばる人"), ("line", "plain:#06c755", "町内会"), ("x", "letter:K:#26a69a", "けいすけ"),
    ]
    for platform, kind, name in rows:
        handle = rand_handle(platform)
        av = save(default_avatar(RNG.choice([96, 128, 200]), kind), new_stem(), "png")
        note = "default or plain picture (%s) under an unrelated name; plain pictures prove nothing" % kind
        grey = kind in ("plain:#1f5fa8", "plain:#f9d5e0")
        if grey:
            note += "; grey: the flat colour is the main colour of a genuine picture"
        neg(c, platform, handle, name, av, note, grey, id_=rand_ytid() if platform == "youtube" else None)


# ---------------------------------------------------------------------------- genuine forms

def gen_avatar(key, how):
    pic = PIC_OF[key]
    if how == "same":
        return GEN_FILE_REL[pic]
    if how == "none":
        return None
    kind, _, arg = how.partition(":")
    if kind == "jpeg":
        s, q = [int(v) for v in arg.split(",")]
        return save(original(pic).resize((s, s), Image.LANCZOS), new_stem(), "jpg", q)
    if kind == "png":
        return save(original(pic).resize((int(arg), int(arg)), Image.LANCZOS), new_stem(), "png")
    raise ValueError(how)


GENUINE_FORMS = [
    # key, platform, handle, url, id, display name (None: as in the registry), avatar, note
    ("BK", "twitter", "@b_diverjinzai", "https://twitter.com/b_diverjinzai", None, None, "jpeg:200,85", "platform alias twitter, handle with @"),
    ("HB_X", "x", "hkdmhlwitter", "https://x.com/hkdmhlwitter", None, None, "jpeg:200,90", "handle in lower case"),
    ("HB_FB", "facebook", "mhlw.hokkaido", "https://facebook.com/mhlw.hokkaido", None, None, "png:160", "URL without www and slash"),
    ("HB_YT", "youtube", None, "https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w/videos", "UCU37RXEEsFqGdyxu1FBkK6w", None, "jpeg:176,85", "channel URL with /videos"),
    ("SS_X1", "x", "S_shinsotu_yell", "https://x.com/S_shinsotu_yell?lang=ja", None,
     "札幌新卒応援ハローワーク【公式】(25卒・26卒・既卒者の就活支援) 北海道札幌市", "jpeg:200,85", "display name updated for a new year; same handle"),
    ("SS_X2", "x", "@wnfS2dleh0GTpA5", "https://mobile.twitter.com/wnfS2dleh0GTpA5", None, None, "jpeg:200,80", "mobile URL"),
    ("SS_FB", "facebook", None, "https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/",
     "149635718569446", None, "jpeg:160,85", "percent-encoded URL and page id"),
    ("SS_LINE", "line", "@ogz4781d", "https://page.line.me/ogz4781d", None, None, "jpeg:200,85", "LINE page URL instead of the LIFF link"),
    ("SS_IG", "instagram", "sapporo.sinsotu.hw", "https://instagram.com/sapporo.sinsotu.hw", None, None, "same", "URL without www"),
    ("WK", "x", "S_Wakaharo", "https://twitter.com/S_Wakaharo", None, None, "png:200", "handle in other letter case"),
    ("MS_X", "x", "s_mothershw", "https://x.com/s_mothershw", None, None, "jpeg:200,85", "handle in lower case"),
    ("MS_LINE", "line", "tkh1850j", "https://line.me/R/ti/p/%40tkh1850j", None, None, "jpeg:200,85", "basic id without @, @ percent-encoded"),
    ("MS_IG", "instagram", "mhw.sapporo", "https://www.instagram.com/mhw.sapporo/?hl=ja", None, None, "same", "URL with ?hl=ja"),
    ("OB", "x", "HW_Obihiro", "https://x.com/HW_Obihiro", None, None, "jpeg:200,85", "handle in other letter case; template picture"),
    ("RU", "x", "hw_rumoi", "https://twitter.com/hw_rumoi", None, None, "same", "handle in lower case; template picture"),
    ("SH", "x", "hwsa_higashi", "https://x.com/hwsa_higashi", None, "ハローワーク札幌東【公式】", "jpeg:200,88",
     "the platform shows the name without the @ published in the registry"),
    ("SP", "x", "@HW_Sapporo", "https://twitter.com/HW_Sapporo/", None, None, "same", "handle with @, URL with slash"),
    ("CH_X", "x", "hw_chitose", "https://x.com/hw_chitose", None, None, "jpeg:200,85", "handle in lower case; template picture"),
    ("CH_LINE", "line", None, "https://kin.ee/T7nMfHh", None, None, "jpeg:200,85", "as published (kin.ee)"),
    ("KY1", "youtube", None, "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg", "UCVS03516GOKUFplfW0T9Bfg", None, "jpeg:176,85", "URL without ?view_as"),
    ("KY2", "youtube", None, "https://m.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg", "UC1jhFwBGB1B8F7VXlx0Vypg", None, "jpeg:176,85", "mobile URL"),
    ("KO_YT", "youtube", None, "https://youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g?sub_confirmation=1", "UCKxOV1MV1McuSb0IPDoS2-g", None, "jpeg:176,85", "URL with query"),
    ("KA_YT", "youtube", None, "https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg/featured", None, None, "same", "URL with /featured, no id field"),
    ("IB_YT", "youtube", None, "", "UCDGE9Yq32sIviNmjBHcx0uQ", None, "jpeg:176,80", "id only"),
    ("KK_IG", "instagram", "@kagoshimakunren", "https://www.instagram.com/kagoshimakunren", None, None, "jpeg:200,85", "handle with @"),
    ("KT_IG", "instagram", "k.taisaku46", "https://www.instagram.com/k.taisaku46/", None, None, "png:200", "URL without ?hl"),
    ("KS_IG", "instagram", "kagoshima_shinsotsu_hw", "https://instagram.com/kagoshima_shinsotsu_hw/", None, None, "jpeg:200,85", "URL without www"),
    ("KN_IG", "instagram", "HW_Kanoya", "https://www.instagram.com/hw_kanoya/", None, None, "jpeg:200,85", "handle in other letter case"),
    ("KK_X", "x", "46kunrenka", "https://x.com/46kunrenka", None, None, "same", "handle in lower case"),
    ("KG_LINE", "line", None, "https://lin.ee/popg0eo", None, None, "jpeg:200,85", "short URL as published"),
    ("KM_LINE", "line", None, "http://lin.ee/dFysG1l", None, None, "same", "http instead of https; template picture"),
    ("SD_LINE", "line", None, "https://lin.ee/3wF416C/", None, None, "jpeg:200,85", "trailing slash"),
    ("KN_LINE", "line", None, "https://lin.ee/PsiFTnC", None, None, "none", "no picture returned"),
    ("KO_LINE", "line", None, "https://lin.ee/3eXoBRU", None, None, "jpeg:200,85", "as published; template picture"),
    ("KK_FB", "facebook", None, "https://m.facebook.com/profile.php?id=61578961199265", "61578961199265", None, "jpeg:200,85", "mobile URL with id"),
    ("CH_LINE", "line", None, "https://lin.ee/T7nMfHh", None, None, "jpeg:200,85",
     "grey: the registry publishes kin.ee/T7nMfHh (a typo for lin.ee per the seed note); a platform returns lin.ee. "
     "Strictly by canonical URL this is not the registered record; exclude it when scoring strictly"),
]


def build_genuine_forms():
    done = set()
    for key, platform, handle, url, id_, name, how, note in GENUINE_FORMS:
        done.add(key)
        av = gen_avatar(key, how)
        grey = note.startswith("grey")
        add("genuine", "genuine", platform, handle, name or GEN[key]["display_name"], target=key,
            alts=[], avatar=av, note=note, grey=grey, url=url, id_=id_)
    assert done == set(GEN), set(GEN) - done


# ============================================================================ main

GEN_FILE = {}
GEN_FILE_REL = {}


def main():
    if os.path.isdir(IMG):
        shutil.rmtree(IMG)
    os.makedirs(IMG)
    for pic, fn in sorted(PICTURES.items()):
        im = fn()
        if pic in SCENES:
            im.save(img_path("g_%s.jpg" % pic), "JPEG", quality=90)
            GEN_FILE[pic] = "g_%s.jpg" % pic
        else:
            im.save(img_path("g_%s.png" % pic), "PNG", optimize=True)
            GEN_FILE[pic] = "g_%s.png" % pic
        GEN_FILE_REL[pic] = "img/" + GEN_FILE[pic]
    genuine = []
    for key, rec in GEN.items():
        r = OrderedDict(rec)
        r["avatar"] = GEN_FILE_REL[PIC_OF[key]]
        genuine.append(r)
    for platform, h in [(a["platform"], a.get("handle")) for a in GEN.values()]:
        if h:
            _used_handles.add((platform, h.lower()))

    build_picture_attacks()
    build_name_attacks()
    build_handle_attacks()
    build_combos()
    build_negatives()
    build_genuine_forms()

    check(genuine)
    with open(os.path.join(HERE, "genuine.jsonl"), "w", encoding="utf-8") as f:
        for r in genuine:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "candidates.jsonl"), "w", encoding="utf-8") as f:
        for r in CANDS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for fn in ("genuine.jsonl", "candidates.jsonl"):  # re-read: valid JSON, one object a line
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            for line in f:
                assert isinstance(json.loads(line), dict)
    report(genuine)


def norm_handle(platform, h):
    if h is None:
        return None
    p = "x" if platform == "twitter" else platform
    return p, h.lstrip("@").lower()


def check(genuine):
    reg = {norm_handle(g["platform"], g.get("handle")) for g in genuine if g.get("handle")}
    for i, r in enumerate(CANDS):
        if r.get("avatar"):
            assert os.path.isfile(os.path.join(HERE, r["avatar"])), r
            with Image.open(os.path.join(HERE, r["avatar"])) as im:
                im.load()
                lo = 48 if r["class"] == "pic_downsize" else 64
                assert lo <= min(im.size) and max(im.size) <= 240, (r["avatar"], im.size)
        if r["label"] != "genuine" and r.get("handle"):
            assert norm_handle(r["platform"], r["handle"]) not in reg, ("collides with a registry handle", r)
        if r["label"] == "suspect":
            assert r["target_platform"], r
        if r["label"] == "clear":
            assert r["target_platform"] is None
        if r["platform"] == "x" and r.get("handle") and r["label"] != "genuine":
            h = r["handle"].lstrip("@")
            if h.isascii():
                assert len(h) <= 15, ("X handle too long", h)
    for g in genuine:
        assert os.path.isfile(os.path.join(HERE, g["avatar"]))
    # templates: byte-identical files used by accounts of different offices
    shared = [p for p in TEMPLATES if len({OFFICE[k] for k in PIC_USERS[p]}) > 1]
    assert len(shared) >= 2, shared


def report(genuine):
    size = sum(os.path.getsize(os.path.join(IMG, f)) for f in os.listdir(IMG))
    print("genuine.jsonl: %d accounts, %d pictures" % (len(genuine), len({g["avatar"] for g in genuine})))
    print("candidates.jsonl: %d lines" % len(CANDS))
    print("img/: %d files, %.2f MB" % (len(os.listdir(IMG)), size / 1e6))
    cnt = Counter((r["class"], r["label"]) for r in CANDS)
    grey = Counter(r["class"] for r in CANDS if r["grey"])
    print("%-24s %-8s %5s %5s" % ("class", "label", "lines", "grey"))
    for (cls, label), n in cnt.items():
        print("%-24s %-8s %5d %5d" % (cls, label, n, grey[cls]))
    lab = Counter(r["label"] for r in CANDS)
    print("labels:", dict(lab))


if __name__ == "__main__":
    main()
