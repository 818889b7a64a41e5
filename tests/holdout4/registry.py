"""The registry of genuine accounts as holdout4 sees it: read from /work/main/seeds/*.toml.

Keys are short names given here by hand; every `[[accounts]]` entry must get one (checked).
PICTURE says which picture each genuine account shows (T_* = template shared by accounts
of different offices, D_* = distinctive to one office). OFFICE groups accounts of one
office that show the same name (used for alt_targets of copied names).
"""
import glob
import os
import tomllib

SEEDS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "seeds"))

KEY_BY_URL = {
    "https://twitter.com/HKDMHLWitter": "hkd_x",
    "https://www.facebook.com/mhlw.hokkaido/": "hkd_fb",
    "https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w": "hkd_yt",
    "https://twitter.com/S_shinsotu_yell": "sshin_x",
    "https://twitter.com/wnfS2dleh0GTpA5": "sshin_hs_x",
    "https://twitter.com/s_wakaharo": "waka_x",
    "https://twitter.com/s_mothersHW": "smoth_x",
    "https://twitter.com/hw_obihiro": "obihiro_x",
    "https://twitter.com/HW_Rumoi": "rumoi_x",
    "https://twitter.com/HWsa_higashi": "higashi_x",
    "https://twitter.com/HW_Sapporo": "sapporo_x",
    "https://twitter.com/HW_Chitose": "chitose_x",
    "https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/": "sshin_fb",
    "https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d": "sshin_line",
    "https://line.me/R/ti/p/@tkh1850j?from=page": "smoth_line",
    "https://kin.ee/T7nMfHh": "chitose_line",
    "https://www.instagram.com/sapporo.sinsotu.hw/": "sshin_ig",
    "https://www.instagram.com/mhw.sapporo/": "smoth_ig",
    "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber": "kyt_shin",
    "https://www.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg": "kyt_pr",
    "https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g": "kokubu_yt",
    "https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg": "kaseda_yt",
    "https://www.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ": "ibusuki_yt",
    "https://www.instagram.com/kagoshimakunren/": "kunren_ig",
    "http://www.instagram.com/k.taisaku46/?hl=ja": "taisaku_ig",
    "https://www.instagram.com/kagoshima_shinsotsu_hw": "kshin_ig",
    "https://www.instagram.com/hw_kanoya": "kanoya_ig",
    "http://x.com/46Kunrenka": "middle_x",
    "https://lin.ee/popg0eo": "khw_line",
    "https://lin.ee/dFysG1l": "kmoth_line",
    "https://lin.ee/3wF416C": "sendai_line",
    "https://lin.ee/PsiFTnC": "kanoya_line",
    "https://lin.ee/3eXoBRU": "kokubu_line",
    "https://www.facebook.com/profile.php?id=61578961199265": "kunren_fb",
    "https://x.com/b_diverjinzai": "bunkyo_x",
}

PICTURE = {
    "hkd_x": "T_BUR", "hkd_fb": "T_BUR", "hkd_yt": "T_BUR", "kyt_pr": "T_BUR",
    "sshin_x": "T_SHIN", "sshin_fb": "T_SHIN", "kyt_shin": "T_SHIN", "kshin_ig": "T_SHIN",
    "smoth_x": "T_MOTH", "smoth_line": "T_MOTH", "kmoth_line": "T_MOTH", "sendai_line": "T_MOTH",
    "kokubu_line": "T_MOTH",
    "obihiro_x": "T_HW", "higashi_x": "T_HW", "chitose_x": "T_HW", "kokubu_yt": "T_HW",
    "ibusuki_yt": "T_HW",
    "sshin_hs_x": "D_SHS",
    "waka_x": "D_WAKA",
    "rumoi_x": "D_RUMOI",
    "sapporo_x": "D_SAPPORO",
    "chitose_line": "D_CHITOSE",
    "sshin_ig": "D_MASCOT", "sshin_line": "D_MASCOT",
    "smoth_ig": "D_LILAC",
    "kaseda_yt": "D_KASEDA",
    "kunren_ig": "D_KUNREN", "kunren_fb": "D_KUNREN",
    "taisaku_ig": "D_TAISAKU",
    "kanoya_ig": "D_KANOYA", "kanoya_line": "D_KANOYA",
    "middle_x": "D_MIDDLE",
    "khw_line": "D_KHW",
    "bunkyo_x": "D_BUNKYO",
}

# Accounts of one office showing the same name (alias included).
OFFICE = {
    "hkd": ["hkd_x", "hkd_fb", "hkd_yt"],
    "sshin": ["sshin_x", "sshin_hs_x", "sshin_fb", "sshin_line", "sshin_ig"],
    "waka": ["waka_x"],
    "smoth": ["smoth_x", "smoth_line", "smoth_ig"],
    "obihiro": ["obihiro_x"],
    "rumoi": ["rumoi_x"],
    "higashi": ["higashi_x"],
    "sapporo": ["sapporo_x"],
    "chitose": ["chitose_x", "chitose_line"],
    "kyt_shin": ["kyt_shin"],
    "kyt_pr": ["kyt_pr"],
    "kokubu": ["kokubu_yt", "kokubu_line"],
    "kaseda": ["kaseda_yt"],
    "ibusuki": ["ibusuki_yt"],
    "kunren": ["kunren_ig", "kunren_fb"],
    "taisaku": ["taisaku_ig"],
    "kshin": ["kshin_ig"],
    "kanoya": ["kanoya_ig", "kanoya_line"],
    "middle": ["middle_x"],
    "khw": ["khw_line"],
    "kmoth": ["kmoth_line"],
    "sendai": ["sendai_line"],
    "bunkyo": ["bunkyo_x"],
    # The Kagoshima labour bureau itself (its name, 鹿児島労働局, is in the names of these accounts).
    "kgbureau": ["middle_x", "kunren_ig", "kunren_fb", "taisaku_ig", "kyt_shin", "kyt_pr"],
}

OFFICE_OF = {}
for _o, _ks in OFFICE.items():
    if _o == "kgbureau":
        continue
    for _k in _ks:
        OFFICE_OF[_k] = _o


def load():
    """Return (ordered list of keys, dict key -> seed entry)."""
    accounts = {}
    order = []
    for path in sorted(glob.glob(os.path.join(SEEDS, "*.toml"))):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for acc in data.get("accounts", []):
            key = KEY_BY_URL.get(acc["url"])
            if key is None:
                raise SystemExit(f"unmapped registry account in {path}: {acc['url']}")
            acc = dict(acc)
            acc["_org"] = data["id"]
            accounts[key] = acc
            order.append(key)
    missing = set(KEY_BY_URL.values()) - set(accounts)
    if missing:
        raise SystemExit(f"registry accounts gone from seeds: {sorted(missing)}")
    return order, accounts


def holders(pic, order):
    return [k for k in order if PICTURE.get(k) == pic]
