#!/usr/bin/env python3
"""Build tests/corpus/candidates.jsonl, the labelled text corpus.

The corpus is hand-written data: every line below was chosen and labelled by
hand (see README.md for the rules).  This script only keeps the data in one
readable place, fills in URLs and target fields consistently, and writes the
JSON Lines file.  Re-running it rewrites candidates.jsonl byte-for-byte the same.

    python3 tests/corpus/build_candidates.py
"""

import base64
import hashlib
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "candidates.jsonl")

# ---------------------------------------------------------------------------
# The built-in registry (seeds 000, 001, 002), as published.
# key -> (platform, handle or None, url, display name)
# ---------------------------------------------------------------------------
R = {
    # 000 Hokkaido Labour Bureau (北海道労働局)
    "HK_X": ("x", "HKDMHLWitter", "https://twitter.com/HKDMHLWitter", "北海道労働局"),
    "HK_FB": ("facebook", "mhlw.hokkaido", "https://www.facebook.com/mhlw.hokkaido/", "北海道労働局"),
    "HK_YT": ("youtube", "UCU37RXEEsFqGdyxu1FBkK6w", "https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w", "北海道労働局"),
    "SS_X": ("x", "S_shinsotu_yell", "https://twitter.com/S_shinsotu_yell",
             "札幌新卒応援ハローワーク【公式】(23卒・24卒・既卒者の就活支援) 北海道札幌市"),
    "SSH_X": ("x", "wnfS2dleh0GTpA5", "https://twitter.com/wnfS2dleh0GTpA5", "【高校生支援用】札幌新卒応援ハローワーク"),
    "WAKA_X": ("x", "s_wakaharo", "https://twitter.com/s_wakaharo", "札幌わかものハローワーク【公式】"),
    "MOM_X": ("x", "s_mothersHW", "https://twitter.com/s_mothersHW", "マザーズハローワーク札幌"),
    "OBI_X": ("x", "hw_obihiro", "https://twitter.com/hw_obihiro", "ハローワーク帯広(帯広公共職業安定所)【公式】"),
    "RUM_X": ("x", "HW_Rumoi", "https://twitter.com/HW_Rumoi", "ハローワーク留萌【公式】"),
    # published as "@ハローワーク札幌東【公式】" (leading @ looks like a copy artefact)
    "HIG_X": ("x", "HWsa_higashi", "https://twitter.com/HWsa_higashi", "ハローワーク札幌東【公式】"),
    "SAP_X": ("x", "HW_Sapporo", "https://twitter.com/HW_Sapporo", "ハローワーク札幌【公式】"),
    "CHI_X": ("x", "HW_Chitose", "https://twitter.com/HW_Chitose", "ハローワーク千歳【公式】"),
    "SS_FB": ("facebook", "札幌新卒応援ハローワーク-149635718569446",
              "https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/", "札幌新卒応援ハローワーク"),
    "SS_LINE": ("line", "@ogz4781d", "https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d", "札幌新卒応援ハローワーク"),
    "MOM_LINE": ("line", "@tkh1850j", "https://line.me/R/ti/p/@tkh1850j?from=page", "マザーズハローワーク札幌"),
    "CHI_LINE": ("line", None, "https://kin.ee/T7nMfHh", "ハローワーク千歳"),
    "SS_IG": ("instagram", "sapporo.sinsotu.hw", "https://www.instagram.com/sapporo.sinsotu.hw/",
              "札幌新卒応援ハローワーク【公式】就活支援/北海道"),
    "MOM_IG": ("instagram", "mhw.sapporo", "https://www.instagram.com/mhw.sapporo/", "マザーズハローワーク札幌"),
    # 001 Kagoshima Labour Bureau (鹿児島労働局)
    "KSS_YT": ("youtube", "UCVS03516GOKUFplfW0T9Bfg",
               "https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber",
               "鹿児島労働局新卒応援・ハロトレ情報YouTubeチャンネル"),
    "KPR_YT": ("youtube", "UC1jhFwBGB1B8F7VXlx0Vypg", "https://www.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg",
               "鹿児島労働局企業PR動画YouTubeチャンネル"),
    "KOK_YT": ("youtube", "UCKxOV1MV1McuSb0IPDoS2-g", "https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g",
               "ハローワーク国分YouTubeチャンネル【公式】"),
    "KAS_YT": ("youtube", "UCjrV6BWU7cc1PrVRxvMZGBg", "https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg",
               "ハローワーク加世田YouTubeチャンネル【公式】"),
    "IBU_YT": ("youtube", "UCDGE9Yq32sIviNmjBHcx0uQ", "https://www.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ",
               "ハローワーク指宿YouTubeチャンネル【公式】"),
    "KK_IG": ("instagram", "kagoshimakunren", "https://www.instagram.com/kagoshimakunren/", "鹿児島労働局訓練課"),
    "KT_IG": ("instagram", "k.taisaku46", "http://www.instagram.com/k.taisaku46/?hl=ja",
              "鹿児島労働局職業対策課 人材確保対策等公式アカウント"),
    "KSS_IG": ("instagram", "kagoshima_shinsotsu_hw", "https://www.instagram.com/kagoshima_shinsotsu_hw",
               "鹿児島新卒応援ハローワーク【公式】"),
    "KAN_IG": ("instagram", "hw_kanoya", "https://www.instagram.com/hw_kanoya", "ハローワークかのや【公式】"),
    "KMS_X": ("x", "46Kunrenka", "http://x.com/46Kunrenka", "【公式】鹿児島労働局 ミドルシニア世代活躍支援"),
    "KG_LINE": ("line", None, "https://lin.ee/popg0eo", "ハローワークかごしま"),
    "KGM_LINE": ("line", None, "https://lin.ee/dFysG1l", "マザーズハローワークかごしま"),
    "SEN_LINE": ("line", None, "https://lin.ee/3wF416C", "ハローワーク川内（マザーズコーナー）"),
    "KANM_LINE": ("line", None, "https://lin.ee/PsiFTnC", "ハローワークかのや（マザーズコーナー）"),
    "KOKM_LINE": ("line", None, "https://lin.ee/3eXoBRU", "ハローワーク国分（マザーズコーナー）"),
    "KK_FB": ("facebook", None, "https://www.facebook.com/profile.php?id=61578961199265", "鹿児島労働局訓練課"),
    # 002 Bunkyo City (文京区)
    "BK_X": ("x", "b_diverjinzai", "https://x.com/b_diverjinzai", "文京区中小企業ダイバーシティ人材採用促進事業"),
}

ORG = {k: ("hokkaido" if i < 18 else "kagoshima" if i < 34 else "bunkyo") for i, k in enumerate(R)}
assert ORG["CHI_LINE"] == "hokkaido" and ORG["KSS_YT"] == "kagoshima" and ORG["KK_FB"] == "kagoshima"
assert ORG["BK_X"] == "bunkyo" and len(R) == 35

# Names shared by several registry accounts: any member is an acceptable target
# for a *name-only* imitation.  Listed as alt_targets on such lines.
FAMILY = {
    "hk": ["HK_X", "HK_FB", "HK_YT"],
    "mom": ["MOM_X", "MOM_IG", "MOM_LINE"],
    "ss": ["SS_X", "SSH_X", "SS_FB", "SS_LINE", "SS_IG"],
    "kk": ["KK_IG", "KK_FB"],
    "chi": ["CHI_X", "CHI_LINE"],
}

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def ytid(seed):
    """Deterministic, plausible YouTube channel id (UC + 22 chars, last in AQgw)."""
    d = hashlib.sha256(seed.encode()).digest()
    s = base64.urlsafe_b64encode(d).decode()[:21]
    return "UC" + s + "AQgw"[d[-1] % 4]


def fbid(seed):
    d = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return "6155" + str(d)[:10]


def url_for(platform, handle):
    h = handle.lstrip("@") if handle else handle
    if platform == "x":
        return f"https://x.com/{h}"
    if platform == "instagram":
        return f"https://www.instagram.com/{h}/"
    if platform == "facebook":
        return f"https://www.facebook.com/{h}"
    if platform == "youtube":
        if handle.startswith("UC") and len(handle) == 24:
            return f"https://www.youtube.com/channel/{handle}"
        return f"https://www.youtube.com/@{h}"
    if platform == "line":
        return f"https://line.me/R/ti/p/@{h}"
    if platform == "bluesky":
        return f"https://bsky.app/profile/{h}"
    if platform == "mastodon":
        user, inst = h.split("@")
        return f"https://{inst}/@{user}"
    raise ValueError(platform)


def target_fields(key):
    p, h, u, n = R[key]
    t = {"target_platform": p}
    if h:
        t["target_handle"] = h.lstrip("@")
    else:
        t["target_url"] = u
    t["target_name"] = n
    return t


def ref(key):
    p, h, u, _ = R[key]
    return {"platform": p, "handle": h.lstrip("@")} if h else {"platform": p, "url": u}


ROWS = []


def rec(platform, handle, name, label, cls, note, bio=None, url=None, id=None, target=None, alt=None):
    r = {"platform": platform}
    if handle is not None:
        r["handle"] = handle
    r["display_name"] = name
    if url is None and handle is not None:
        url = url_for(platform, handle)
    if url is not None:
        r["url"] = url
    if id is not None:
        r["id"] = id
    if bio is not None:
        r["bio"] = bio
    r["label"] = label
    r["class"] = cls
    if target:
        r.update(target_fields(target))
        if alt:
            fam = FAMILY[alt]
            r["alt_targets"] = [ref(k) for k in fam if k != target]
        r["org"] = ORG[target]
    r["note"] = note
    ROWS.append(r)


def S(cls, platform, handle, name, target, note, bio=None, url=None, id=None, alt=None):
    rec(platform, handle, name, "suspect", cls, note, bio, url, id, target, alt)


def C(cls, platform, handle, name, note, bio=None, url=None, id=None):
    rec(platform, handle, name, "clear", cls, note, bio, url, id)


def GEN(platform, handle, name, target, note, url=None, id=None, bio=None):
    rec(platform, handle, name, "genuine", "genuine_as_returned", note, bio, url, id, target)


def FBP(seed, platform="facebook"):
    """An anonymous Facebook profile.php account (no username): returns (handle, url, id)."""
    i = fbid(seed)
    return None, f"https://www.facebook.com/profile.php?id={i}", i


N = {k: v[3] for k, v in R.items()}

# typical bios --------------------------------------------------------------
B_SAP = "札幌公共職業安定所（ハローワーク札幌）の公式アカウントです。求人・セミナー・雇用保険に関するお知らせを発信します。個別のご相談は窓口へお越しください。"
B_OBI = "帯広公共職業安定所の公式アカウントです。十勝管内の求人情報やイベント情報をお知らせします。"
B_RUM = "留萌公共職業安定所の公式アカウントです。留萌管内の求人・就職支援情報を発信します。"
B_CHI = "千歳公共職業安定所の公式アカウントです。千歳市・恵庭市の求人情報やセミナー情報を発信します。"
B_HK = "北海道労働局の公式アカウントです。労働行政に関する情報をお届けします。コメントへの返信は行っておりません。"
B_MOM = "子育てをしながら就職を希望する方を支援するマザーズハローワーク札幌です。"
B_SS = "大学・短大・専門学校等の学生、既卒者の就職活動を応援します。"
B_WAKA = "おおむね35歳未満の方の就職を支援する札幌わかものハローワークです。"
B_BK = "文京区内中小企業のダイバーシティ経営と多様な人材の確保・定着を支援する事業の公式アカウントです（文京区区民部経済課）。"
B_KMS = "鹿児島労働局のミドルシニア世代の活躍支援に関する公式アカウントです。"
B_KK = "鹿児島労働局訓練課です。ハロートレーニング（公的職業訓練）の情報を発信します。"
B_KSS = "鹿児島新卒応援ハローワークの公式アカウントです。学生・既卒者の就職活動をサポートします。"
B_KAN = "ハローワークかのや（鹿屋公共職業安定所）の公式アカウントです。"
B_KT = "鹿児島労働局職業対策課の人材確保対策等に関する公式アカウントです。"

L_KYUFU = "【重要】未受給の給付金があります。期限内に下記リンクから申請してください👉 https://bit.ly/3kYh7Qx"
L_FUKU = "在宅ワーク・副業で月収30万円以上も可能！ご希望の方はDMまでご連絡ください📩"
L_TOSHI = "老後資金を投資で増やしませんか？無料の勉強会グループはこちら https://line.me/ti/g2/Zx81kQpaW"
L_KOYO = "雇用保険の未払い分を受け取れます。プロフィールのリンクから本人確認をお願いします。 https://hw-kyufu-check.com"
L_DM = "求人応募・ご相談はDMで受け付けています。登録手数料が必要です。"
L_PRIZE = "フォロー＆リポストで抽選10名様に5万円プレゼント🎁 当選者にはDMでご連絡します"

# ===========================================================================
# SUSPECT
# ===========================================================================

# name_exact_copy: same display name, unrelated / random handle ---------------
c = "name_exact_copy"
S(c, "x", "k9xq2_work", N["SAP_X"], "SAP_X", "exact name, random handle, copied bio", bio=B_SAP)
S(c, "x", "jobnews_77420", N["OBI_X"], "OBI_X", "exact name, unrelated handle", bio=L_KYUFU)
S(c, "x", "mk_0318_abc", N["BK_X"], "BK_X", "exact name, random handle, subsidy lure",
  bio="採用支援金の申請受付中です。申請はこちらから https://bit.ly/4bKz9Ww")
S(c, "instagram", "life.info.5521", N["MOM_IG"], "MOM_IG", "exact name, unrelated handle", bio=L_FUKU, alt="mom")
S(c, "instagram", "nanami_trip_03", N["KSS_IG"], "KSS_IG", "exact name on a repurposed personal handle")
h, u, i = FBP("exact-kk")
S(c, "facebook", h, N["KK_FB"], "KK_FB", "exact name, new profile.php account", url=u, id=i, bio=B_KK, alt="kk")
S(c, "youtube", ytid("exact-kas"), N["KAS_YT"], "KAS_YT", "exact name, other channel id")
S(c, "youtube", "@shigoto-channel-2291", N["HK_YT"], "HK_YT", "exact name, unrelated @handle", alt="hk")
S(c, "line", "@qrm5512k", N["SEN_LINE"], "SEN_LINE", "exact name, unverified LINE account", bio=L_DM)
S(c, "bluesky", "yuki-works.bsky.social", N["CHI_X"], "CHI_X", "exact name copied to Bluesky, where the body has no account", alt="chi")
S(c, "mastodon", "kyujin2025@mstdn.jp", N["RUM_X"], "RUM_X", "exact name copied to Mastodon", bio=B_RUM)
S(c, "facebook", "jinzai.support.page88", N["HK_FB"], "HK_FB", "exact name, unrelated page username", bio=L_TOSHI, alt="hk")
S(c, "x", "tnk_5931x", N["WAKA_X"], "WAKA_X", "exact name, random handle", bio=B_WAKA)

# decoration_change: 【公式】/［公式］/（公式）/公式/official added, removed or swapped
c = "decoration_change"
S(c, "x", "sp_kyujin_desk", "ハローワーク札幌 公式", "SAP_X", "【公式】 -> ' 公式'")
S(c, "x", "rm_work_0824", "ハローワーク留萌［公式］", "RUM_X", "【】 -> ［］", bio=L_KYUFU)
S(c, "x", "ctsjob_2291", "ハローワーク千歳（公式）", "CHI_X", "【】 -> （）", alt="chi")
S(c, "x", "div_koyou_tky", "【公式】文京区中小企業ダイバーシティ人材採用促進事業", "BK_X", "【公式】 prefix added", bio=B_BK)
S(c, "instagram", "shigoto.navi.k", "ハローワークかのや", "KAN_IG", "【公式】 removed")
S(c, "instagram", "mama.work.life7", "マザーズハローワーク札幌【公式】", "MOM_IG", "【公式】 added", alt="mom")
S(c, "youtube", ytid("deco-ibu"), "ハローワーク指宿YouTubeチャンネル（公式）", "IBU_YT", "【公式】 -> （公式）")
S(c, "facebook", "page.roudou.news", "【公式】北海道労働局", "HK_FB", "【公式】 prefix added", bio=B_HK, alt="hk")
S(c, "line", "@kgm2207w", "マザーズハローワークかごしま【公式】", "KGM_LINE", "【公式】 added", bio=L_KYUFU)
S(c, "x", "middlesenior_k", "鹿児島労働局 ミドルシニア世代活躍支援", "KMS_X", "【公式】 prefix removed")
S(c, "bluesky", "sapporo-wakamono.bsky.social", "札幌わかものハローワーク official", "WAKA_X", "【公式】 -> official, copied to Bluesky")
S(c, "x", "hgs_hw_info", "ハローワーク札幌東 official", "HIG_X", "【公式】 -> official")

# fake_check_emoji --------------------------------------------------------------
c = "fake_check_emoji"
S(c, "x", "hws_recruit01", "ハローワーク札幌【公式】✅", "SAP_X", "✅ appended", bio=L_PRIZE)
S(c, "x", "obh_kyujin", "✅ハローワーク帯広(帯広公共職業安定所)【公式】", "OBI_X", "✅ prepended")
S(c, "x", "nw_biz_support", "文京区中小企業ダイバーシティ人材採用促進事業☑️", "BK_X", "☑️ appended")
S(c, "instagram", "skill.up.daily", "鹿児島労働局訓練課✔", "KK_IG", "✔ appended", alt="kk")
S(c, "instagram", "kg.career.info22", N["KT_IG"] + "🔵", "KT_IG", "🔵 appended", bio=L_TOSHI)
h, u, i = FBP("check-hk")
S(c, "facebook", h, "北海道労働局 ✅", "HK_FB", "✅ appended", url=u, id=i, alt="hk")
S(c, "youtube", "@career-movie-lab", "鹿児島労働局企業PR動画YouTubeチャンネル✅", "KPR_YT", "✅ appended")
S(c, "line", "@pmw3381q", "✔札幌新卒応援ハローワーク", "SS_LINE", "✔ prepended", alt="ss")
S(c, "mastodon", "wakamono@fedibird.com", "札幌わかものハローワーク【公式】✅", "WAKA_X", "✅ appended, on Mastodon")
S(c, "bluesky", "rumoi-info.bsky.social", "☑️ハローワーク留萌【公式】", "RUM_X", "☑️ prepended, on Bluesky", bio=L_FUKU)

# handle_homoglyph_digit: 0/o, 1/l/i, 5/s (name copied) --------------------------
c = "handle_homoglyph_digit"
S(c, "x", "HW_Sapp0ro", N["SAP_X"], "SAP_X", "0 for o", bio=B_SAP)
S(c, "x", "HW_Chit0se", N["CHI_X"], "CHI_X", "0 for o")
S(c, "x", "hw_0bihir0", N["OBI_X"], "OBI_X", "0 for o twice", bio=L_KYUFU)
S(c, "x", "b_diverj1nzai", N["BK_X"], "BK_X", "1 for i")
S(c, "x", "HW_Rum0i", N["RUM_X"], "RUM_X", "0 for o")
S(c, "x", "5_wakaharo", N["WAKA_X"], "WAKA_X", "5 for s")
S(c, "x", "s_m0thersHW", N["MOM_X"], "MOM_X", "0 for o")
S(c, "x", "wnfS2dlehOGTpA5", N["SSH_X"], "SSH_X", "O for 0 (the genuine auto-generated handle contains a zero)")
S(c, "x", "HKDMHLW1tter", N["HK_X"], "HK_X", "1 for i", bio=B_HK)
S(c, "instagram", "kag0shimakunren", N["KK_IG"], "KK_IG", "0 for o")
S(c, "instagram", "hw_kan0ya", N["KAN_IG"], "KAN_IG", "0 for o", bio=B_KAN)
S(c, "instagram", "k.tai5aku46", N["KT_IG"], "KT_IG", "5 for s")
S(c, "line", "@0gz4781d", N["SS_LINE"], "SS_LINE", "0 for o in the LINE id")

# handle_homoglyph_multi: rn/m, vv/w, cl/d -------------------------------------
c = "handle_homoglyph_multi"
S(c, "x", "s_rnothersHW", N["MOM_X"], "MOM_X", "rn for m", bio=B_MOM)
S(c, "x", "HKDMHLVVitter", N["HK_X"], "HK_X", "VV for W")
S(c, "x", "wnfS2cleh0GTpA5", N["SSH_X"], "SSH_X", "cl for d")
S(c, "x", "b_cliverjinzai", N["BK_X"], "BK_X", "cl for d", bio=B_BK)
S(c, "x", "HW_Rurnoi", N["RUM_X"], "RUM_X", "rn for m")
S(c, "x", "HVVsa_higashi", N["HIG_X"], "HIG_X", "VV for W")
S(c, "instagram", "rnhw.sapporo", N["MOM_IG"], "MOM_IG", "rn for m")
S(c, "instagram", "kagoshima_shinsotsu_hvv", N["KSS_IG"], "KSS_IG", "vv for w", bio=B_KSS)
S(c, "instagram", "hvv_kanoya", N["KAN_IG"], "KAN_IG", "vv for w")
S(c, "instagram", "sapporo.sinsotu.hvv", N["SS_IG"], "SS_IG", "vv for w", bio=L_FUKU)
S(c, "facebook", "rnhlw.hokkaido", N["HK_FB"], "HK_FB", "rn for m")

# handle_affix: _official, _jp, official_, _pr, _koho, trailing digits --------------
c = "handle_affix"
S(c, "x", "HW_Sapporo_jp", N["SAP_X"], "SAP_X", "_jp suffix")
S(c, "x", "hw_obihiro_pr", N["OBI_X"], "OBI_X", "_pr suffix", bio=B_OBI)
S(c, "x", "HW_Rumoi_koho", N["RUM_X"], "RUM_X", "_koho suffix")
S(c, "x", "b_diverjinzai01", N["BK_X"], "BK_X", "trailing digits", bio=L_KYUFU)
S(c, "x", "46Kunrenka_jp", N["KMS_X"], "KMS_X", "_jp suffix")
S(c, "x", "s_wakaharo_pr", N["WAKA_X"], "WAKA_X", "_pr suffix")
S(c, "x", "HW_Chitose2025", N["CHI_X"], "CHI_X", "trailing year")
S(c, "instagram", "hw_kanoya_official", N["KAN_IG"], "KAN_IG", "_official suffix", bio=L_DM)
S(c, "instagram", "official_mhw.sapporo", N["MOM_IG"], "MOM_IG", "official_ prefix")
S(c, "instagram", "kagoshimakunren2", N["KK_IG"], "KK_IG", "trailing digit")
S(c, "facebook", "mhlw.hokkaido.official", N["HK_FB"], "HK_FB", ".official suffix", bio=B_HK)

# handle_typo: one insertion, deletion, transposition, doubled letter -------------
c = "handle_typo"
S(c, "x", "HW_Saporo", N["SAP_X"], "SAP_X", "deletion of p")
S(c, "x", "HW_Chitsoe", N["CHI_X"], "CHI_X", "transposition os->so")
S(c, "x", "hw_obihhiro", N["OBI_X"], "OBI_X", "doubled h")
S(c, "x", "s_wakkaharo", N["WAKA_X"], "WAKA_X", "doubled k", bio=L_FUKU)
S(c, "x", "S_shinsotu_yel", N["SS_X"], "SS_X", "deletion of final l", bio=B_SS)
S(c, "x", "46Kunrenak", N["KMS_X"], "KMS_X", "transposition ka->ak")
S(c, "x", "b_diverjinnzai", N["BK_X"], "BK_X", "doubled n")
S(c, "x", "HWsa_higahsi", N["HIG_X"], "HIG_X", "transposition sh->hs")
S(c, "instagram", "kagoshimakunrenn", N["KK_IG"], "KK_IG", "doubled n")
S(c, "instagram", "k.taisaku64", N["KT_IG"], "KT_IG", "transposition 46->64")
S(c, "instagram", "kagosima_shinsotsu_hw", N["KSS_IG"], "KSS_IG", "deletion of h")
S(c, "facebook", "mhlw.hokaido", N["HK_FB"], "HK_FB", "deletion of k")

# handle_separator: _ vs . vs - vs none --------------------------------------------
c = "handle_separator"
S(c, "x", "HWSapporo", N["SAP_X"], "SAP_X", "underscore removed", bio=L_KOYO)
S(c, "x", "hwobihiro", N["OBI_X"], "OBI_X", "underscore removed")
S(c, "x", "HWRumoi", N["RUM_X"], "RUM_X", "underscore removed")
S(c, "x", "HW_sa_higashi", N["HIG_X"], "HIG_X", "underscore inserted")
S(c, "x", "bdiverjinzai", N["BK_X"], "BK_X", "underscore removed")
S(c, "x", "S_shinsotuyell", N["SS_X"], "SS_X", "underscore removed")
S(c, "x", "s_mothers_HW", N["MOM_X"], "MOM_X", "underscore inserted")
S(c, "instagram", "hw.kanoya", N["KAN_IG"], "KAN_IG", "_ -> .")
S(c, "instagram", "mhw_sapporo", N["MOM_IG"], "MOM_IG", ". -> _", bio=B_MOM)
S(c, "instagram", "k_taisaku46", N["KT_IG"], "KT_IG", ". -> _")
S(c, "instagram", "sapporo_sinsotu_hw", N["SS_IG"], "SS_IG", ". -> _")
S(c, "instagram", "kagoshima.shinsotsu.hw", N["KSS_IG"], "KSS_IG", "_ -> .", bio=L_TOSHI)

# handle_cross_platform: the genuine handle reused where that account does not exist
c = "handle_cross_platform"
S(c, "instagram", "hw_sapporo", N["SAP_X"], "SAP_X", "X handle reused on Instagram, exact name", bio=B_SAP)
S(c, "instagram", "hw_obihiro", "ハローワーク帯広【公式】", "OBI_X", "X handle reused on Instagram, shortened name")
S(c, "instagram", "b_diverjinzai", N["BK_X"], "BK_X", "X handle reused on Instagram", bio=L_KYUFU)
S(c, "instagram", "s_wakaharo", N["WAKA_X"], "WAKA_X", "X handle reused on Instagram")
S(c, "facebook", "46kunrenka", "鹿児島労働局 ミドルシニア世代活躍支援", "KMS_X", "X handle reused as Facebook username")
S(c, "bluesky", "hkdmhlwitter.bsky.social", N["HK_X"], "HK_X", "X handle reused on Bluesky", bio=B_HK, alt="hk")
S(c, "bluesky", "kagoshimakunren.bsky.social", N["KK_IG"], "KK_IG", "Instagram handle reused on Bluesky", alt="kk")
S(c, "mastodon", "hw_rumoi@mstdn.jp", N["RUM_X"], "RUM_X", "X handle reused on Mastodon")
S(c, "mastodon", "s_mothersHW@fedibird.com", N["MOM_X"], "MOM_X", "X handle reused on Mastodon", alt="mom")
S(c, "x", "hw_kanoya", N["KAN_IG"], "KAN_IG", "Instagram handle reused on X", bio=B_KAN)
S(c, "youtube", "@HW_Chitose", N["CHI_X"], "CHI_X", "X handle reused as YouTube @handle", alt="chi")

# name_width: fullwidth Latin/digits, halfwidth katakana ----------------------------
c = "name_width"
S(c, "x", "pk20931_ab", "ﾊﾛｰﾜｰｸ札幌【公式】", "SAP_X", "halfwidth katakana")
S(c, "x", "rm_notice_bot", "ﾊﾛｰﾜｰｸ留萌【公式】", "RUM_X", "halfwidth katakana", bio=L_KYUFU)
S(c, "x", "ctse_info_88", "ﾊﾛｰﾜｰｸ千歳【公式】", "CHI_X", "halfwidth katakana", alt="chi")
S(c, "x", "kg_ms_support", "【公式】鹿児島労働局 ﾐﾄﾞﾙｼﾆｱ世代活躍支援", "KMS_X", "halfwidth katakana")
S(c, "youtube", ytid("width-kok"), "ハローワーク国分ＹｏｕＴｕｂｅチャンネル【公式】", "KOK_YT", "fullwidth Latin")
S(c, "youtube", ytid("width-kpr"), "鹿児島労働局企業ＰＲ動画ＹｏｕＴｕｂｅチャンネル", "KPR_YT", "fullwidth Latin")
S(c, "instagram", "daily.kyujin.k", "ﾊﾛｰﾜｰｸかのや【公式】", "KAN_IG", "halfwidth katakana")
S(c, "instagram", "wk.mama.navi", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸ札幌", "MOM_IG", "halfwidth katakana with separate dakuten", alt="mom")
S(c, "line", "@fzq6150e", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸ札幌", "MOM_LINE", "halfwidth katakana", bio=L_DM, alt="mom")
S(c, "bluesky", "worknews-tokyo.bsky.social", "文京区中小企業ﾀﾞｲﾊﾞｰｼﾃｨ人材採用促進事業", "BK_X", "halfwidth katakana")
h, u, i = FBP("width-kss")
S(c, "facebook", h, "鹿児島新卒応援ﾊﾛｰﾜｰｸ【公式】", "KSS_IG", "halfwidth katakana; the body has no Facebook page for this office", url=u, id=i)

# name_kana_swap: katakana <-> hiragana -------------------------------------------
c = "name_kana_swap"
S(c, "x", "lmn_5520", "はろーわーく札幌【公式】", "SAP_X", "katakana -> hiragana")
S(c, "x", "obi_jobs_info", "はろーわーく帯広(帯広公共職業安定所)【公式】", "OBI_X", "katakana -> hiragana", bio=B_OBI)
S(c, "x", "bk_biz_news", "文京区中小企業だいばーしてぃ人材採用促進事業", "BK_X", "katakana -> hiragana")
S(c, "instagram", "mama.jobs.sp", "まざーずはろーわーく札幌", "MOM_IG", "katakana -> hiragana", alt="mom")
S(c, "instagram", "kgs.newgrad.navi", "鹿児島新卒応援はろーわーく【公式】", "KSS_IG", "katakana -> hiragana", bio=L_FUKU)
S(c, "instagram", "shigoto.kyushu.07", "ハローワークカノヤ【公式】", "KAN_IG", "hiragana かのや -> katakana カノヤ")
S(c, "line", "@hzt4402m", "マザーズハローワークカゴシマ", "KGM_LINE", "hiragana かごしま -> katakana")
S(c, "youtube", ytid("kana-kas"), "はろーわーく加世田YouTubeちゃんねる【公式】", "KAS_YT", "katakana -> hiragana")
S(c, "mastodon", "wk2025@mastodon-japan.net", "札幌ワカモノハローワーク【公式】", "WAKA_X", "hiragana わかもの -> katakana")
h, u, i = FBP("kana-ssfb")
S(c, "facebook", h, "札幌新卒応援はろーわーく", "SS_FB", "katakana -> hiragana", url=u, id=i, alt="ss")

# name_dash: ー replaced by 一 ― - ‐ ｰ － ------------------------------------------
c = "name_dash"
S(c, "x", "q7_kyujin", "ハロ一ワ一ク札幌【公式】", "SAP_X", "ー -> 一 (U+4E00)", bio=L_KYUFU)
S(c, "x", "ct_koyou_99", "ハロ―ワ―ク千歳【公式】", "CHI_X", "ー -> ― (U+2015)", alt="chi")
S(c, "x", "rmi_notice", "ハロ-ワ-ク留萌【公式】", "RUM_X", "ー -> - (U+002D)")
S(c, "x", "skt_news_1", "札幌わかものハロ―ワ―ク【公式】", "WAKA_X", "ー -> ― (U+2015)")
S(c, "instagram", "kanoya.jobs.daily", "ハロ‐ワ‐クかのや【公式】", "KAN_IG", "ー -> ‐ (U+2010)")
S(c, "instagram", "mama.work.note", "マザ－ズハロ－ワ－ク札幌", "MOM_IG", "ー -> － (U+FF0D)", bio=B_MOM, alt="mom")
S(c, "line", "@bvd8391k", "ハロｰワｰクかごしま", "KG_LINE", "ー -> ｰ (U+FF70)")
S(c, "youtube", ytid("dash-ibu"), "ハロ一ワ一ク指宿YouTubeチャンネル【公式】", "IBU_YT", "ー -> 一 (U+4E00)")
S(c, "bluesky", "job-east.bsky.social", "ハロ－ワ－ク札幌東【公式】", "HIG_X", "ー -> － (U+FF0D)")
S(c, "x", "tky_smb_news", "文京区中小企業ダイバ一シティ人材採用促進事業", "BK_X", "ー -> 一 (U+4E00)", bio=L_KYUFU)
h, u, i = FBP("dash-ssfb")
S(c, "facebook", h, "札幌新卒応援ハロ一ワ一ク", "SS_FB", "ー -> 一 (U+4E00)", url=u, id=i, alt="ss")

# name_homoglyph_script: Cyrillic/Greek in Latin parts; katakana -> kanji lookalikes
c = "name_homoglyph_script"
S(c, "x", "z0k_tanaka", "八口一ワ一ク札幌【公式】", "SAP_X", "ハ->八, ロ->口, ー->一", bio=L_TOSHI)
S(c, "x", "obh_2291", "八ローワーク帯広(帯広公共職業安定所)【公式】", "OBI_X", "ハ->八")
S(c, "x", "hlwb_news", "文京区中小企業ダ亻バーシティ人材採用促進事業", "BK_X", "イ->亻")
S(c, "x", "ms_kago_cs", "【公式】鹿児島労働局 ミドルシ二ア世代活躍支援", "KMS_X", "ニ->二")
S(c, "youtube", ytid("glyph-kok"), "ハローワーク国分YоuTubeチャンネル【公式】", "KOK_YT", "Cyrillic о (U+043E) in YouTube")
S(c, "youtube", "@career-pr-ch", "鹿児島労働局企業РR動画YouTubeチャンネル", "KPR_YT", "Cyrillic Р (U+0420) in PR")
S(c, "youtube", ytid("glyph-kas"), "ハローワーク加世田YουTubeチャンネル【公式】", "KAS_YT", "Greek ο υ (U+03BF, U+03C5) in YouTube")
S(c, "youtube", ytid("glyph-kss"), "鹿児島労働局新卒応援・ハロ卜レ情報YouTubeチャンネル", "KSS_YT", "ト->卜")
S(c, "instagram", "mamawork.sp", "マザーズ八口ーワーク札幌", "MOM_IG", "ハ->八, ロ->口", alt="mom")
S(c, "instagram", "kgs.career.navi", "鹿児島新卒応援ハ口ーワーク【公式】", "KSS_IG", "ロ->口")
S(c, "line", "@wqe5502t", "札幌新卒応援八ローワーク", "SS_LINE", "ハ->八", alt="ss")
S(c, "mastodon", "kyujinbot@mstdn.jp", "ハ口ーワーク千歳【公式】", "CHI_X", "ロ->口", alt="chi")

# name_invisible: zero-width, word joiner, BOM, bidi controls, variation selector ------
c = "name_invisible"
S(c, "x", "xk_1190", "ハローワーク\u200b札幌【公式】", "SAP_X", "U+200B zero width space", bio=B_SAP)
S(c, "x", "obi_news_k", "ハローワーク帯広\u200d(帯広公共職業安定所)【公式】", "OBI_X", "U+200D zero width joiner")
S(c, "x", "bnk_info_22", "\u202d文京区中小企業ダイバーシティ人材採用促進事業\u202c", "BK_X", "U+202D/U+202C bidi override around the name")
S(c, "x", "rm_j_77", "ハローワーク留萌\ufe0f【公式】", "RUM_X", "U+FE0F variation selector", bio=L_PRIZE)
S(c, "x", "wk_ssp_3", "札幌わかもの\u202eハローワーク【公式】", "WAKA_X", "U+202E right-to-left override")
S(c, "instagram", "mama.daily.jp", "マザーズ\u2060ハローワーク札幌", "MOM_IG", "U+2060 word joiner", alt="mom")
S(c, "instagram", "skills.kgs.2025", "鹿児島労働局\ufeff訓練課", "KK_IG", "U+FEFF BOM", alt="kk")
h, u, i = FBP("invis-kk")
S(c, "facebook", h, "鹿児島労働局\u200c訓練課", "KK_FB", "U+200C zero width non-joiner", url=u, id=i, bio=L_KYUFU, alt="kk")
S(c, "youtube", ytid("invis-ibu"), "ハローワーク指宿\u200bYouTubeチャンネル【公式】", "IBU_YT", "U+200B")
S(c, "line", "@ajk2071v", "札幌新卒応援\u200dハローワーク", "SS_LINE", "U+200D", alt="ss")
S(c, "bluesky", "north-labour.bsky.social", "北海道\u200b労働局", "HK_X", "U+200B, on Bluesky", alt="hk")

# name_spacing_punct: spaces, U+3000, ・, dots inserted or removed --------------------
c = "name_spacing_punct"
S(c, "x", "tt_0422_job", "ハローワーク 札幌【公式】", "SAP_X", "ASCII space inserted")
S(c, "x", "ck_info_558", "ハローワーク\u3000千歳【公式】", "CHI_X", "U+3000 ideographic space inserted", alt="chi")
S(c, "x", "bnkj_biz", "文京区 中小企業 ダイバーシティ 人材採用促進事業", "BK_X", "spaces between words", bio=B_BK)
S(c, "x", "mss_support", "マザーズ・ハローワーク札幌", "MOM_X", "・ inserted", alt="mom")
S(c, "instagram", "job.kgs.daily", "鹿児島新卒応援・ハローワーク【公式】", "KSS_IG", "・ inserted")
S(c, "instagram", "k.job.support", "鹿児島労働局職業対策課人材確保対策等公式アカウント", "KT_IG", "space removed", bio=L_TOSHI)
S(c, "youtube", ytid("space-kss"), "鹿児島労働局 新卒応援・ハロトレ情報 YouTubeチャンネル", "KSS_YT", "spaces inserted")
S(c, "facebook", "news.page.4471", "北海道 労働局", "HK_FB", "space inserted", alt="hk")
S(c, "line", "@mmq6631p", "ハローワーク・かのや（マザーズコーナー）", "KANM_LINE", "・ inserted")
S(c, "mastodon", "obh@mastodon-japan.net", "ハローワーク．帯広(帯広公共職業安定所)【公式】", "OBI_X", "fullwidth full stop inserted")

# name_variant_kanji: 異体字 / 旧字体 ----------------------------------------------------
c = "name_variant_kanji"
S(c, "x", "obhr_kyujin", "ハローワーク帯廣(帯廣公共職業安定所)【公式】", "OBI_X", "廣 for 広")
S(c, "x", "hkd_lb_news", "北海道勞働局", "HK_X", "勞 for 労", bio=B_HK, alt="hk")
S(c, "x", "sp_grad_ok", "札幌新卒應援ハローワーク【公式】(23卒・24卒・既卒者の就活支援) 北海道札幌市", "SS_X", "應 for 応", alt="ss")
S(c, "x", "ms_k46_sp", "【公式】鹿兒島勞働局 ミドルシニア世代活躍支援", "KMS_X", "兒 for 児, 勞 for 労")
h, u, i = FBP("itaiji-kk")
S(c, "facebook", h, "鹿兒嶋労働局訓練課", "KK_FB", "兒 for 児, 嶋 for 島", url=u, id=i, alt="kk")
S(c, "youtube", ytid("itaiji-kok"), "ハローワーク國分YouTubeチャンネル【公式】", "KOK_YT", "國 for 国")
S(c, "youtube", "@hkd-movie", "北海道勞働局", "HK_YT", "勞 for 労", alt="hk")
S(c, "instagram", "newgrad.k.info", "鹿兒島新卒應援ハローワーク【公式】", "KSS_IG", "兒 for 児, 應 for 応", bio=B_KSS)
S(c, "instagram", "kunren.life.k", "鹿児嶋労働局訓練課", "KK_IG", "嶋 for 島", alt="kk")
S(c, "line", "@xrb4481q", "ハローワーク國分（マザーズコーナー）", "KOKM_LINE", "國 for 国")
S(c, "bluesky", "diversity-hire-news.bsky.social", "文京區中小企業ダイバーシティ人材採用促進事業", "BK_X", "區 for 区")

# name_suffix: copied name plus an appended word ------------------------------------
c = "name_suffix"
S(c, "x", "sp_job_a11", "ハローワーク札幌【公式】求人情報", "SAP_X", "求人情報 appended", bio=L_DM)
S(c, "x", "cht_kyujin7", "ハローワーク千歳【公式】就活相談", "CHI_X", "就活相談 appended", alt="chi")
S(c, "x", "bnk_divr_hr", "文京区中小企業ダイバーシティ人材採用促進事業 サポート窓口", "BK_X", "サポート窓口 appended")
S(c, "instagram", "mama.career.note", "マザーズハローワーク札幌 サポート窓口", "MOM_IG", "サポート窓口 appended", alt="mom")
S(c, "instagram", "kanoya.kyujin.net", "ハローワークかのや【公式】求人情報", "KAN_IG", "求人情報 appended", bio=L_FUKU)
S(c, "line", "@nrd9021p", "札幌新卒応援ハローワーク 公式アカウント", "SS_LINE", "公式アカウント appended", alt="ss")
S(c, "line", "@bhz3152e", "マザーズハローワークかごしま 給付金サポート窓口", "KGM_LINE", "給付金サポート窓口 appended", bio=L_KYUFU)
h, u, i = FBP("suffix-kk")
S(c, "facebook", h, "鹿児島労働局訓練課 公式アカウント", "KK_FB", "公式アカウント appended", url=u, id=i, alt="kk")
S(c, "youtube", ytid("suffix-hk"), "北海道労働局 就職支援チャンネル", "HK_YT", "就職支援チャンネル appended", alt="hk")
S(c, "mastodon", "wkhr_sp@mstdn.jp", "札幌わかものハローワーク【公式】就活相談", "WAKA_X", "就活相談 appended")

# combined: two or more techniques at once ------------------------------------------
c = "combined"
S(c, "x", "HW_Sapp0ro_jp", "ハローワーク札幌【公式】✅", "SAP_X", "digit homoglyph + _jp + fake check", bio=L_KYUFU)
S(c, "x", "hw_0bihiro", "ﾊﾛｰﾜｰｸ帯広(帯広公共職業安定所)【公式】", "OBI_X", "digit homoglyph + halfwidth katakana")
S(c, "x", "b_diverjlnzai", "文京区中小企業ダイバーシティ人材採用促進事業【公式】", "BK_X", "l for i + 【公式】 added")
S(c, "x", "HWsa_hlgashi", "ハローワーク札幌東\u200b【公式】", "HIG_X", "l for i + zero width space")
S(c, "instagram", "hvv.kanoya", "ハローワークかのや【公式】✅", "KAN_IG", "vv for w + separator + fake check", bio=L_TOSHI)
S(c, "instagram", "kagoshimakunren_official", "鹿兒島労働局訓練課", "KK_IG", "_official + 兒 for 児")
S(c, "facebook", "mhlw.hokkaid0", "北海道労働局 ✅", "HK_FB", "0 for o + fake check")
S(c, "line", "@tkh185oj", "マザーズハロ一ワ一ク札幌", "MOM_LINE", "o for 0 in LINE id + ー->一")
S(c, "bluesky", "hw-chitose.bsky.social", "ハローワーク千歳【公式】✅", "CHI_X", "handle reused (separator) on Bluesky + fake check", alt="chi")
S(c, "youtube", "@hw_kokubu_official", "ハローワーク国分YouTubeチャンネル【公式】✅", "KOK_YT", "official-sounding @handle + exact name + fake check")
S(c, "mastodon", "s_rnothershw@mstdn.jp", "マザーズハローワーク札幌✅", "MOM_X", "rn for m, on Mastodon + fake check", alt="mom")

# ===========================================================================
# CLEAR
# ===========================================================================

c = "shared_place_word"
C(c, "x", "sapporo_shi_pr", "札幌市【公式】", "the city of Sapporo, not the employment office",
  bio="札幌市の公式アカウントです。市政・イベント・防災情報をお知らせします。")
C(c, "x", "kgs_city_koho", "鹿児島市", "the city of Kagoshima", bio="鹿児島市役所広報課です。")
C(c, "x", "hokkaido_pref", "北海道庁", "the prefectural government of Hokkaido",
  bio="北海道庁の公式アカウントです。道政の情報をお届けします。")
C(c, "x", "bunkyo_city_pr", "文京区【公式】", "Bunkyo City's main account (same city, different account and name)")
C(c, "instagram", "sapporo.ramen.yokocho", "札幌ラーメン横丁", "shopping street", bio="すすきのの老舗ラーメン横丁。営業時間は各店舗にお問い合わせください。")
C(c, "instagram", "bunkyo.library.news", "文京区立図書館", "public library in Bunkyo")
C(c, "x", "obihiro_zoo_fan", "おびひろ動物園ファン", "fan account about the Obihiro zoo")
C(c, "facebook", "chitose.airport.fan", "新千歳空港ファンクラブ", "airport fan page")
C(c, "youtube", "@kagoshima-kanko", "鹿児島観光チャンネル", "tourism channel", bio="桜島・指宿・霧島など鹿児島の観光スポットを紹介します。")
C(c, "line", "@kcs5810m", "鹿児島中央駅前商店街", "shopping street")
C(c, "bluesky", "sapporo-snow.bsky.social", "札幌の雪まつり情報", "event info")
C(c, "mastodon", "rumoi_sunset@mstdn.jp", "留萌の夕日", "local photography", bio="黄金岬の夕日を撮っています。")
C(c, "instagram", "kanoya.rose.garden", "かのやばら園", "rose garden in Kanoya (shares かのや)")
C(c, "x", "kokubu_natsu", "国分夏祭り実行委員会", "festival committee (shares 国分)")
C(c, "youtube", ytid("place-ibu"), "指宿温泉ナビ", "hot-spring guide (shares 指宿)")
C(c, "instagram", "kaseda.beach.days", "加世田の海と暮らし", "personal-local blog (shares 加世田)")
C(c, "facebook", "sendai.ekimae.shotengai", "川内駅前商店街", "shopping street in Satsumasendai (shares 川内)")
C(c, "x", "hkd_news_now", "北海道ニュース速報", "news aggregator (shares 北海道)")
C(c, "mastodon", "bunkyo_walk@fedibird.com", "文京さんぽ", "walking blog (shares 文京)")
C(c, "x", "higashi_sp_cafe", "東札幌カフェ日和", "cafe blog (shares 札幌, 東)")
C(c, "line", "@rms7721a", "留萌市観光協会", "tourism association of Rumoi")

c = "other_office"
C(c, "x", "hakodate_koyou", "ハローワーク函館【公式】", "a different Hello Work office",
  bio="函館公共職業安定所の公式アカウントです。道南地域の求人情報を発信します。")
C(c, "x", "akw_employment", "ハローワーク旭川【公式】", "a different Hello Work office")
C(c, "x", "tokyo_roudou_pr", "東京労働局", "a different labour bureau", bio="東京労働局の公式アカウントです。")
C(c, "x", "fukuoka_rodo", "福岡労働局", "a different labour bureau")
C(c, "x", "osaka_newgrad", "大阪新卒応援ハローワーク", "a different new-graduate Hello Work",
  bio="大阪新卒応援ハローワークです。学生・既卒者の就職を支援します。")
C(c, "x", "kourou_news_jp", "厚生労働省", "the ministry itself (parent body, not a registry account)")
C(c, "x", "kamitonda_town", "上富田町", "a town (seed 004), unrelated to the registry", bio="和歌山県上富田町の公式アカウントです。")
C(c, "instagram", "kushiro.employment", "ハローワーク釧路【公式】", "a different Hello Work office")
C(c, "instagram", "fukuoka.newgrad.support", "福岡新卒応援ハローワーク【公式】", "a different new-graduate Hello Work")
C(c, "instagram", "mothers.tenjin", "マザーズハローワーク天神", "a different Mothers Hello Work")
C(c, "youtube", ytid("office-izumi"), "ハローワーク出水YouTubeチャンネル【公式】", "a different Kagoshima office (Izumi)")
C(c, "youtube", ytid("office-miyazaki"), "宮崎労働局企業PR動画チャンネル", "a different labour bureau")
C(c, "youtube", "@kumamoto-roudou", "熊本労働局", "a different labour bureau")
C(c, "line", "@tky6802w", "マザーズハローワーク東京", "a different Mothers Hello Work")
C(c, "line", "@nze3311c", "ハローワーク名瀬（マザーズコーナー）", "a different Kagoshima office (Naze)")
C(c, "facebook", "okinawa.roudoukyoku", "沖縄労働局", "a different labour bureau")
C(c, "facebook", "miyazaki.roudou", "宮崎労働局", "a different labour bureau", bio="宮崎労働局の公式Facebookページです。")
C(c, "x", "kmm_wakamono", "熊本わかものハローワーク【公式】", "a different youth Hello Work")
C(c, "x", "aomori_rodo_pr", "青森労働局", "a different labour bureau")
C(c, "bluesky", "digital.go.jp", "デジタル庁", "a ministry with its own .go.jp domain handle")
C(c, "mastodon", "kamitonda_koho@mstdn.jp", "上富田町 広報", "a town's PR account")

c = "person"
C(c, "x", "taro_sp_88", "札幌在住の会社員 たろう", "individual", bio="札幌で営業職。休日はサウナと野球観戦。")
C(c, "x", "hanako_obh", "帯広 花子", "individual whose family name is a place name")
C(c, "instagram", "mika.kagoshima", "鹿児島のみか🌋", "individual", bio="鹿児島で子育て中。カフェ巡りが好き。")
C(c, "x", "shukatsu_26_k", "就活中の大学生(26卒)", "individual job seeker", bio="北海道の大学に通う26卒。ES添削してくれる方募集中。")
C(c, "instagram", "daisuke.chitose", "千歳の大輔", "individual")
C(c, "facebook", "kenji.sato.5521", "佐藤健二（文京区在住）", "individual")
C(c, "youtube", "@yumi_vlog_kgs", "ゆみの鹿児島暮らしVlog", "individual vlogger")
C(c, "bluesky", "haruka.bsky.social", "はるか＠札幌", "individual")
C(c, "mastodon", "rumoi_fisher@mstdn.jp", "留萌の漁師", "individual")
C(c, "x", "wmama_life", "ワーママ＠札幌", "individual working mother", bio="2児の母。札幌で時短勤務中。")
C(c, "x", "kunren_student", "職業訓練に通う40代", "individual attending vocational training")
C(c, "instagram", "takumi.hokkaido", "北海道で働く拓海", "individual")
C(c, "x", "kanoya_runner", "鹿屋ランナー", "individual runner (Kanoya)")
C(c, "facebook", "miho.tanaka.ibusuki", "田中美穂", "individual", bio="指宿出身、福岡在住。")

c = "business"
C(c, "x", "hokkaido_kyujin", "北海道の求人ナビ", "job-listing media", bio="北海道のアルバイト・正社員求人を毎日更新！")
C(c, "x", "kgs_shushoku", "鹿児島就職情報", "job-listing media")
C(c, "instagram", "sapporo.baito.info", "札幌バイト情報", "job-listing media")
C(c, "facebook", "northjob.agency", "株式会社ノースジョブ（北海道の人材紹介）", "recruitment agency",
  bio="北海道に特化した人材紹介会社です。厚生労働大臣許可 01-ユ-300000")
C(c, "youtube", "@tenshoku-hokkaido", "北海道転職チャンネル", "career media channel")
C(c, "line", "@kqn7331j", "鹿児島求人ナビ", "job-listing media")
C(c, "x", "hkd_rokin", "北海道ろうきん", "labour bank (shares 北海道, ろう)")
C(c, "x", "bk_staff_agency", "ブンキョウスタッフ株式会社", "staffing company")
C(c, "instagram", "diversity.hr.lab", "ダイバーシティ採用ラボ（株式会社HRラボ）", "HR consultancy")
C(c, "x", "tokachi_jobmag", "十勝・帯広の求人情報誌 とかちワーク", "regional job magazine")
C(c, "instagram", "chitose.cafe.work", "千歳のカフェ｜スタッフ募集中", "cafe recruiting staff")
C(c, "youtube", ytid("biz-kgs"), "鹿児島の企業紹介TV", "media channel")
C(c, "facebook", "minamikyushu.jinzai", "南九州人材サービス", "staffing company")
C(c, "bluesky", "jobmatch-hokkaido.bsky.social", "北海道ジョブマッチ", "job-matching service")
C(c, "line", "@spr2205n", "札幌ラーメン 麺屋北斗", "restaurant")
C(c, "mastodon", "kagoshima_shoko@mastodon-japan.net", "鹿児島商工ニュース", "business news")

c = "unrelated"
C(c, "x", "neko_biyori22", "ねこ日和", "cat photos", bio="保護猫2匹と暮らしています。")
C(c, "x", "weekend_camp_k", "週末キャンプ部", "hobby")
C(c, "x", "techmemo_dev", "Tech memo", "programmer notes", bio="Rust / Go / k8s")
C(c, "instagram", "oshikatsu.diary", "推し活日記", "fan account")
C(c, "instagram", "kitchen.lab.aya", "料理研究家あやの台所", "cooking")
C(c, "facebook", "english.study.club", "英語学習クラブ", "study group")
C(c, "youtube", "@game-clips-daily", "ゲーム実況チャンネル", "gaming")
C(c, "youtube", ytid("unrel-music"), "Lo-fi Music Radio", "music")
C(c, "line", "@bkr4410t", "パン工房こむぎ", "bakery")
C(c, "bluesky", "sora-photo.bsky.social", "空の写真", "photography")
C(c, "mastodon", "bookworm@fedibird.com", "本の虫", "books")
C(c, "x", None, "", "account known by numeric id only, empty display name (edge case)",
  url="https://x.com/i/user/1790000000000000001", id="1790000000000000001")
C(c, "instagram", "tabi.no.kiroku", "旅の記録", "travel")
C(c, "x", "gardening_mm", "ベランダ菜園", "gardening")

c = "generic_word"
C(c, "x", "shukatsu_info", "就活", "generic word only")
C(c, "x", "kyujin_joho_bot", "求人情報", "generic word only")
C(c, "instagram", "tenshoku.matome", "転職情報まとめ", "generic words only")
C(c, "facebook", "shigoto.sagashi.page", "仕事探し", "generic word only")
C(c, "youtube", "@shokugyo-kunren", "職業訓練", "generic word only (vocational training)")
C(c, "line", "@kgt6103s", "子育てと仕事", "generic words only")
C(c, "bluesky", "career-soudan.bsky.social", "キャリア相談", "generic words only")
C(c, "mastodon", "shinsotsu@mstdn.jp", "新卒採用", "generic words only")
C(c, "x", "koyouhoken_memo", "雇用保険のはなし", "generic words only")
C(c, "instagram", "shikaku.skillup", "資格・スキルアップ", "generic words only")
C(c, "x", "diversity_keiei", "ダイバーシティ経営", "generic management term")

# more negatives ---------------------------------------------------------------
c = "shared_place_word"
C(c, "x", "chitose_shi_pr", "千歳市【公式】", "the city of Chitose (shares 千歳 and chitose in the handle)")
C(c, "instagram", "kagoshima.pref.official", "鹿児島県【公式】", "the prefecture of Kagoshima")
C(c, "facebook", "obihiro.city.pr", "帯広市", "the city of Obihiro", bio="帯広市の公式Facebookページです。")
C(c, "youtube", "@sapporo-city-ch", "札幌市公式チャンネル", "the city of Sapporo's video channel")
C(c, "line", "@spc4410k", "札幌市 子育て情報", "city child-care information")
C(c, "x", "rumoi_city_pr", "留萌市", "the city of Rumoi")
c = "other_office"
C(c, "instagram", "niigata.shinsotsu", "新潟新卒応援ハローワーク【公式】", "a different new-graduate Hello Work")
C(c, "youtube", "@miyazaki-hw-ch", "ハローワーク宮崎チャンネル", "a different Hello Work office")
C(c, "line", "@kmm2210h", "ハローワーク熊本（マザーズコーナー）", "a different office's Mothers corner")
C(c, "facebook", "kumamoto.roudou", "熊本労働局訓練課", "same section name in a different labour bureau")
c = "person"
C(c, "x", "kgs_taro_1985", "鹿児島太郎", "individual (nickname)")
C(c, "instagram", "sapporo.mama.yuki", "札幌ママ ゆき", "individual", bio="3歳と1歳の男の子ママ。札幌の公園情報を載せています。")
C(c, "youtube", "@chitose-daily", "千歳暮らしの日常", "individual vlogger")
C(c, "mastodon", "obihiro_farmer@mstdn.jp", "帯広の農家", "individual")
c = "business"
C(c, "x", "sapporo_haken", "札幌の派遣・求人 ミライワーク", "staffing company (contains ワーク, not ハローワーク)")
C(c, "instagram", "kagoshima.kyujin.navi", "鹿児島の求人ナビ", "job-listing media", bio="鹿児島県内の求人を毎日紹介！掲載のご相談はDMへ")
C(c, "line", "@ksk3321r", "かごしま転職サポート", "career agency (shares かごしま)")
C(c, "youtube", "@bunkyo-biz", "文京区の会社紹介チャンネル", "media channel (shares 文京区)")
c = "unrelated"
C(c, "youtube", "@cooking-mama-k", "簡単おうちごはん", "cooking")
C(c, "line", "@hnn5521p", "花屋 はなな", "flower shop")
C(c, "facebook", "running.club.tokyo", "東京ランニングクラブ", "sports club")
C(c, "mastodon", "astro_photo@mstdn.jp", "天体写真", "photography")
c = "generic_word"
C(c, "facebook", "kosodate.shien.info", "子育て支援情報", "generic words only")
C(c, "youtube", "@mensetsu-taisaku", "面接対策", "generic words only")
C(c, "bluesky", "tenshoku-news.bsky.social", "転職ニュース", "generic words only")
C(c, "line", "@skt8820m", "就職活動", "generic words only")

# ===========================================================================
# GENUINE, as a platform search / API would return them
# ===========================================================================
GEN("x", "@HW_Sapporo", N["SAP_X"], "SAP_X", "leading @, twitter.com URL", url="https://twitter.com/HW_Sapporo", bio=B_SAP)
GEN("x", "hkdmhlwitter", "北海道労働局", "HK_X", "lower case handle, x.com URL with ?lang=ja",
    url="https://x.com/hkdmhlwitter?lang=ja", bio=B_HK)
GEN("x", "S_shinsotu_yell", "札幌新卒応援ハローワーク【公式】(26卒・27卒・既卒者の就活支援) 北海道札幌市", "SS_X",
    "current display name has newer graduation years", url="https://mobile.twitter.com/S_shinsotu_yell")
GEN("x", "@wnfS2dleh0GTpA5", N["SSH_X"], "SSH_X", "auto-generated handle, leading @")
GEN("x", "S_WAKAHARO", N["WAKA_X"], "WAKA_X", "upper case handle")
GEN("x", "s_mothershw", N["MOM_X"], "MOM_X", "lower case handle", url="https://twitter.com/s_mothershw", bio=B_MOM)
GEN("x", "HW_Obihiro", N["OBI_X"], "OBI_X", "different case")
GEN("x", "hw_rumoi", "ハローワーク留萌 【公式】", "RUM_X", "lower case handle, space before 【公式】 in current name")
GEN("x", "HWsa_higashi", "ハローワーク札幌東【公式】", "HIG_X", "name without the stray @ of the published list")
GEN("x", "@hw_chitose", N["CHI_X"], "CHI_X", "leading @ and lower case", url="https://x.com/HW_Chitose/")
GEN("x", "46kunrenka", N["KMS_X"], "KMS_X", "lower case", url="https://twitter.com/46kunrenka", bio=B_KMS)
GEN("x", "B_DiverJinzai", N["BK_X"], "BK_X", "mixed case", url="https://x.com/B_DiverJinzai", bio=B_BK)
GEN("facebook", "mhlw.hokkaido", "北海道労働局", "HK_FB", "mobile URL", url="https://m.facebook.com/mhlw.hokkaido/")
GEN("facebook", "札幌新卒応援ハローワーク-149635718569446", N["SS_FB"], "SS_FB", "percent-encoded URL and page id",
    url="https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/",
    id="149635718569446")
GEN("facebook", None, N["KK_FB"], "KK_FB", "profile.php URL with extra query parameter, id field",
    url="https://www.facebook.com/profile.php?id=61578961199265&locale=ja_JP", id="61578961199265", bio=B_KK)
GEN("youtube", "UCU37RXEEsFqGdyxu1FBkK6w", "北海道労働局", "HK_YT", "channel id as handle, /videos URL",
    url="https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w/videos")
GEN("youtube", "UCVS03516GOKUFplfW0T9Bfg", N["KSS_YT"], "KSS_YT", "without ?view_as=subscriber",
    url="https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg")
GEN("youtube", None, N["KPR_YT"], "KPR_YT", "channel id in the id field only, m.youtube URL",
    url="https://m.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg", id="UC1jhFwBGB1B8F7VXlx0Vypg")
GEN("youtube", "UCKxOV1MV1McuSb0IPDoS2-g", "ハローワーク国分【公式】", "KOK_YT", "current name shorter than published")
GEN("youtube", "UCjrV6BWU7cc1PrVRxvMZGBg", N["KAS_YT"], "KAS_YT", "channel id as handle",
    url="https://youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg?si=Qx81")
GEN("youtube", None, N["IBU_YT"], "IBU_YT", "id only, no URL", id="UCDGE9Yq32sIviNmjBHcx0uQ")
GEN("instagram", "kagoshimakunren", N["KK_IG"], "KK_IG", "no www, ?hl=ja", url="https://instagram.com/kagoshimakunren?hl=ja", bio=B_KK)
GEN("instagram", "K.Taisaku46", N["KT_IG"], "KT_IG", "upper case as typed, published http URL", url="http://www.instagram.com/k.taisaku46/?hl=ja")
GEN("instagram", "kagoshima_shinsotsu_hw", N["KSS_IG"], "KSS_IG", "as published", bio=B_KSS)
GEN("instagram", "@hw_kanoya", N["KAN_IG"], "KAN_IG", "leading @", url="https://www.instagram.com/hw_kanoya/")
GEN("instagram", "sapporo.sinsotu.hw", "札幌新卒応援ハローワーク【公式】就活支援 / 北海道", "SS_IG", "slightly different spacing in current name")
GEN("instagram", "mhw.sapporo", N["MOM_IG"], "MOM_IG", "as published", url="https://www.instagram.com/mhw.sapporo/?igsh=MWQ1ZGUxMzBkMA%3D%3D")
GEN("line", "@ogz4781d", N["SS_LINE"], "SS_LINE", "LINE id with line.me URL", url="https://line.me/R/ti/p/@ogz4781d")
GEN("line", "tkh1850j", N["MOM_LINE"], "MOM_LINE", "LINE id without @, page.line.me URL", url="https://page.line.me/tkh1850j")
GEN("line", None, N["KG_LINE"], "KG_LINE", "known by its lin.ee URL only", url="https://lin.ee/popg0eo")
GEN("line", None, N["KGM_LINE"], "KGM_LINE", "known by its lin.ee URL only", url="https://lin.ee/dFysG1l")
GEN("line", None, N["SEN_LINE"], "SEN_LINE", "known by its lin.ee URL only, http", url="http://lin.ee/3wF416C")
GEN("line", None, N["KANM_LINE"], "KANM_LINE", "known by its lin.ee URL only", url="https://lin.ee/PsiFTnC")
GEN("line", None, N["KOKM_LINE"], "KOKM_LINE", "known by its lin.ee URL only, trailing slash", url="https://lin.ee/3eXoBRU/")


# ===========================================================================
# POLICY CLASSES (added with the labelling policy at the top of README.md)
# Appended after the genuine lines so that every earlier line keeps its number.
# ===========================================================================

# Same office, same name without the account-specific part: ハローワークかのや is the
# name of KAN_IG (【公式】) and KANM_LINE (マザーズコーナー), ハローワーク国分 of KOK_YT and KOKM_LINE.
FAMILY["kan"] = ["KAN_IG", "KANM_LINE"]
FAMILY["kok"] = ["KOK_YT", "KOKM_LINE"]


def lid(seed):
    """Deterministic LINE basic id for accounts the attacker could not name: 3 letters, 4 digits, 1 letter."""
    d = hashlib.sha256(seed.encode()).digest()
    a = "abcdefghijkmnpqrstuvwxyz"
    return "@" + a[d[0] % 24] + a[d[1] % 24] + a[d[2] % 24] + "%04d" % (int.from_bytes(d[3:5], "big") % 10000) + a[d[5] % 24]


L_MATOME = "毎日更新！最新の求人をまとめてお届けします。応募はプロフィールのリンクから👉 https://bit.ly/3hwJobz"
L_LINE = "LINE登録で非公開求人をご案内。登録後に本人確認（登録料1,000円）が必要です。"
L_KUNREN = "職業訓練の受講給付金（月10万円）の事前審査を受け付けています。DMで氏名・生年月日をお送りください。"
L_SEMINAR = "【参加無料】オンライン就活セミナー開催中。参加はLINEから → https://lin.ee/xQ8kTz2"

# name_reordered: the genuine name's words in another order, unrelated or topical handle --------
c = "name_reordered"
S(c, "x", "rm_kyujin_memo", "留萌 ハローワーク", "RUM_X", "ハローワーク留萌【公式】 -> 留萌 ハローワーク (order swapped, 【公式】 dropped)", bio=B_RUM)
S(c, "x", "north_work_news", "労働局 北海道", "HK_X", "北海道労働局 -> 労働局 北海道", alt="hk", bio=L_TOSHI)
S(c, "instagram", "kunren.days.kgs", "訓練課 鹿児島労働局", "KK_IG", "鹿児島労働局訓練課 -> 訓練課 鹿児島労働局", bio=L_KUNREN, alt="kk")
S(c, "x", "sp_mama_work", "札幌 マザーズハローワーク", "MOM_X", "place moved to the front", alt="mom", bio=B_MOM)
S(c, "instagram", "tokachi.job.days", "帯広ハローワーク【公式】", "OBI_X", "ハローワーク帯広 -> 帯広ハローワーク; the office has no Instagram account", bio=L_DM)
h, u, i = FBP("reorder-kk")
S(c, "facebook", h, "訓練課（鹿児島労働局）", "KK_FB", "section first, bureau in brackets", url=u, id=i, alt="kk")
S(c, "youtube", ytid("reorder-kok"), "国分ハローワーク YouTubeチャンネル【公式】", "KOK_YT", "ハローワーク国分 -> 国分ハローワーク")
S(c, "youtube", "@kigyo-pr-douga", "企業PR動画 鹿児島労働局 YouTubeチャンネル", "KPR_YT", "words reordered")
S(c, "line", lid("reorder-kg"), "かごしまハローワーク", "KG_LINE", "ハローワークかごしま -> かごしまハローワーク", bio=L_LINE)
S(c, "line", lid("reorder-ss"), "新卒応援ハローワーク札幌", "SS_LINE", "place moved to the end", alt="ss")
S(c, "bluesky", "sora-no-shigoto.bsky.social", "千歳 ハローワーク【公式】", "CHI_X", "order swapped, on Bluesky", alt="chi")
S(c, "mastodon", "shigoto_sagasu@mstdn.jp", "わかものハローワーク札幌【公式】", "WAKA_X", "place moved to the end, on Mastodon", bio=B_WAKA)
S(c, "x", "smb_hr_tokyo", "ダイバーシティ人材採用促進事業 文京区中小企業", "BK_X", "the two halves swapped", bio=L_KYUFU)
S(c, "instagram", "newgrad.life.k", "新卒応援ハローワーク鹿児島【公式】", "KSS_IG", "place moved behind 新卒応援ハローワーク")
S(c, "x", "east_kyujin_s", "札幌東ハローワーク【公式】", "HIG_X", "ハローワーク札幌東 -> 札幌東ハローワーク", bio=L_KYUFU)
S(c, "line", lid("reorder-sen"), "マザーズコーナー（ハローワーク川内）", "SEN_LINE", "bracketed part moved to the front", bio=L_DM)
S(c, "x", "mid_senior_kgs", "ミドルシニア世代活躍支援【公式】鹿児島労働局", "KMS_X", "programme before the bureau")
S(c, "instagram", "jinzai.kakuho.info", "人材確保対策等公式アカウント 鹿児島労働局職業対策課", "KT_IG", "the two halves swapped", bio=B_KT)
S(c, "facebook", "roudou.page.north", "労働局（北海道）", "HK_FB", "place in brackets after 労働局", alt="hk")
S(c, "youtube", "@kaseda-movie", "加世田ハローワーク YouTubeチャンネル", "KAS_YT", "place first, 【公式】 dropped")
S(c, "line", lid("reorder-mom"), "札幌マザーズハローワーク", "MOM_LINE", "place moved to the front", bio=L_LINE, alt="mom")
S(c, "line", lid("reorder-kanm"), "かのや ハローワーク（マザーズコーナー）", "KANM_LINE", "place moved to the front")
S(c, "bluesky", "shukatsu-note.bsky.social", "新卒応援ハローワーク（札幌）", "SS_X", "place in brackets at the end, on Bluesky", alt="ss")
S(c, "youtube", ytid("reorder-kss"), "ハロトレ情報・新卒応援 鹿児島労働局 YouTubeチャンネル", "KSS_YT", "parts reordered", bio=L_SEMINAR)
S(c, "instagram", "diversity.work.tokyo", "ダイバー人材 文京区", "BK_X", "alias 文京区 ダイバー人材 with the words swapped", bio=L_KYUFU)

# name_separator: words separated or swapped around ｜ ・ ／ / ： or spaces --------------------
c = "name_separator"
S(c, "instagram", "kunren.navi.days", "訓練課｜鹿児島労働局", "KK_IG", "swapped around ｜", alt="kk", bio=B_KK)
S(c, "x", "tokachi_news_d", "ハローワーク・帯広", "OBI_X", "・ between ハローワーク and place, brackets dropped", bio=L_KYUFU)
S(c, "instagram", "jinzai.news.kgs", "鹿児島労働局／職業対策課", "KT_IG", "／ between bureau and section")
S(c, "x", "sp_job_board", "ハローワーク｜札幌", "SAP_X", "｜ between ハローワーク and place", bio=L_DM)
S(c, "x", "mama_shigoto_s", "マザーズ／ハローワーク／札幌", "MOM_X", "／ between every word", alt="mom", bio=L_FUKU)
S(c, "facebook", "work.north.page", "北海道：労働局", "HK_FB", "： inserted", alt="hk")
S(c, "youtube", ytid("sep-kok"), "ハローワーク／国分｜YouTubeチャンネル", "KOK_YT", "／ and ｜ inserted, 【公式】 dropped")
S(c, "line", lid("sep-kanm"), "ハローワーク｜かのや｜マザーズコーナー", "KANM_LINE", "｜ instead of brackets", bio=L_LINE)
S(c, "bluesky", "young-jobs-sp.bsky.social", "札幌・わかもの・ハローワーク", "WAKA_X", "・ between every word")
S(c, "mastodon", "kaigan_job@mstdn.jp", "ハローワーク / 留萌【公式】", "RUM_X", "ASCII slash with spaces", bio=B_RUM)
S(c, "x", "smb_diversity", "文京区｜中小企業ダイバーシティ人材採用促進事業", "BK_X", "｜ after the ward name", bio=B_BK)
S(c, "x", "senior_work_k", "鹿児島労働局｜ミドルシニア世代活躍支援", "KMS_X", "｜ instead of the space, 【公式】 dropped")
S(c, "instagram", "shinsotsu.support.k", "鹿児島・新卒応援・ハローワーク", "KSS_IG", "・ between every part", bio=L_FUKU)
S(c, "line", lid("sep-kgm"), "マザーズハローワーク・かごしま", "KGM_LINE", "・ before the place")
h, u, i = FBP("sep-kk")
S(c, "facebook", h, "鹿児島労働局 / 訓練課", "KK_FB", "ASCII slash between bureau and section", url=u, id=i, bio=B_KK, alt="kk")
S(c, "youtube", "@pr-movie-kgs", "鹿児島労働局：企業PR動画", "KPR_YT", "： inserted, YouTubeチャンネル dropped")
S(c, "x", "higashi_kyujin", "札幌東｜ハローワーク", "HIG_X", "swapped around ｜", bio=L_DM)
S(c, "line", lid("sep-ss"), "札幌新卒応援／ハローワーク", "SS_LINE", "／ inserted", alt="ss")
S(c, "bluesky", "airport-town.bsky.social", "千歳｜ハローワーク", "CHI_X", "swapped around ｜, on Bluesky", alt="chi")
S(c, "mastodon", "minami_work@fedibird.com", "ハローワーク・加世田", "KAS_YT", "・ inserted, YouTubeチャンネル dropped, on Mastodon")
S(c, "youtube", ytid("sep-ibu"), "指宿／ハローワーク", "IBU_YT", "swapped around ／", bio=L_SEMINAR)
S(c, "instagram", "mama.shigoto.diary", "マザーズハローワーク｜札幌", "MOM_IG", "｜ before the place", alt="mom")
S(c, "line", lid("sep-sen"), "ハローワーク：川内（マザーズコーナー）", "SEN_LINE", "： inserted")
S(c, "line", lid("sep-bk"), "文京区・中小企業・ダイバーシティ人材採用促進事業", "BK_X", "・ between the parts; the programme has no LINE account", bio=L_LINE)

# name_trailing_mark: trailing, leading or inserted marks and emoji ------------------------
c = "name_trailing_mark"
S(c, "x", "hk_work_topics", "北海道労働局ー", "HK_X", "trailing ー", alt="hk", bio=B_HK)
S(c, "x", "chitose_daily7", "ハローワーク千歳～", "CHI_X", "trailing ～, 【公式】 dropped", bio=L_PRIZE, alt="chi")
S(c, "instagram", "mama.navi.days", "マザーズハローワーク札幌・", "MOM_IG", "trailing ・", alt="mom")
S(c, "x", "rumoi_minato_j", "ハローワーク留萌！", "RUM_X", "trailing ！, 【公式】 dropped", bio=L_KYUFU)
S(c, "instagram", "osumi.kyujin.days", "ハローワークかのや♪", "KAN_IG", "trailing ♪", bio=L_FUKU, alt="kan")
S(c, "x", "sp_info_daily", "📢ハローワーク札幌", "SAP_X", "leading 📢, 【公式】 dropped", bio=L_KOYO)
S(c, "line", lid("mark-kg"), "ハローワークかごしま✨", "KG_LINE", "trailing ✨")
S(c, "instagram", "kgs.shukatsu.days", "鹿児島新卒応援ハローワーク🌸", "KSS_IG", "🌸 instead of 【公式】")
h, u, i = FBP("mark-kk")
S(c, "facebook", h, "鹿児島労働局訓練課〜", "KK_FB", "trailing 〜 (U+301C)", url=u, id=i, bio=L_KUNREN, alt="kk")
S(c, "youtube", ytid("mark-ibu"), "ハローワーク指宿YouTubeチャンネル【公式】♪", "IBU_YT", "trailing ♪")
S(c, "bluesky", "wakamono-job.bsky.social", "札幌わかものハローワーク！！", "WAKA_X", "！！ instead of 【公式】")
S(c, "mastodon", "mama_work_info@pawoo.net", "マザーズハローワーク札幌📢", "MOM_X", "trailing 📢", bio=B_MOM, alt="mom")
S(c, "x", "tokyo_biz_hr", "文京区中小企業ダイバーシティ人材採用促進事業。", "BK_X", "trailing 。")
S(c, "line", lid("mark-ss"), "札幌新卒応援ハローワーク✨", "SS_LINE", "trailing ✨", bio=L_SEMINAR, alt="ss")
S(c, "x", "obi_kyujin_bz", "ハローワーク帯広ー！", "OBI_X", "trailing ー！, rest of the name dropped")
S(c, "youtube", "@north-labour-ch", "★北海道労働局★", "HK_YT", "★ on both sides", alt="hk")
S(c, "line", lid("mark-kgm"), "🌸マザーズハローワークかごしま🌸", "KGM_LINE", "🌸 on both sides", bio=L_KYUFU)
S(c, "instagram", "jinzai.taisaku.k", "鹿児島労働局職業対策課…", "KT_IG", "trailing …, rest of the name dropped")
S(c, "x", "east_sp_info", "ハローワーク札幌東☆", "HIG_X", "☆ instead of 【公式】", bio=L_DM)
h, u, i = FBP("mark-ssfb")
S(c, "facebook", h, "札幌新卒応援ハローワーク♪", "SS_FB", "trailing ♪", url=u, id=i, alt="ss")
S(c, "x", "senior_katsu_k", "【公式】鹿児島労働局 ミドルシニア世代活躍支援 ✨", "KMS_X", "trailing space and ✨", bio=B_KMS)
S(c, "bluesky", "kunren-note.bsky.social", "鹿児島労働局訓練課ー", "KK_IG", "trailing ー, on Bluesky", alt="kk")
S(c, "mastodon", "kokubu_info@mstdn.jp", "ハローワーク国分～", "KOK_YT", "trailing ～, on Mastodon", alt="kok")
S(c, "youtube", ytid("mark-kas"), "ハローワーク加世田‼", "KAS_YT", "‼ instead of YouTubeチャンネル【公式】")
S(c, "line", lid("mark-mom"), "マザーズ♡ハローワーク札幌", "MOM_LINE", "♡ inserted between the words", alt="mom")
S(c, "facebook", "tokyo.smb.hr.page", "📢文京区中小企業ダイバーシティ人材採用促進事業", "BK_X", "leading 📢", bio=B_BK)

# name_dropped_word: a generic word dropped, the distinctive part kept -----------------------
c = "name_dropped_word"
S(c, "instagram", "kgs.newgrad.life", "鹿児島新卒ハローワーク【公式】", "KSS_IG", "応援 dropped", bio=B_KSS)
S(c, "x", "sp_grad_navi", "札幌新卒ハローワーク", "SS_X", "応援 and the bracketed part dropped", alt="ss", bio=B_SS)
S(c, "instagram", "kgs.jinzai.note", "鹿児島労働局 人材確保対策", "KT_IG", "職業対策課 and 等公式アカウント dropped")
S(c, "youtube", "@kgs-kigyo-pr", "鹿児島労働局 企業PR動画", "KPR_YT", "YouTubeチャンネル dropped", bio=L_SEMINAR)
S(c, "youtube", ytid("drop-kss"), "鹿児島労働局 新卒応援・ハロトレ", "KSS_YT", "情報YouTubeチャンネル dropped")
S(c, "youtube", "@kokubu-channel", "ハローワーク国分チャンネル", "KOK_YT", "YouTube and 【公式】 dropped", alt="kok")
S(c, "youtube", ytid("drop-kas"), "ハローワーク加世田 YouTube", "KAS_YT", "チャンネル【公式】 dropped")
S(c, "x", "senior_shien_k", "鹿児島労働局 ミドルシニア支援", "KMS_X", "世代活躍 and 【公式】 dropped", bio=L_TOSHI)
S(c, "x", "div_jinzai_news", "文京区ダイバーシティ人材採用促進事業", "BK_X", "中小企業 dropped", bio=L_KYUFU)
S(c, "facebook", "bunkyo.saiyo.page", "文京区 ダイバーシティ人材採用", "BK_X", "中小企業 and 促進事業 dropped", bio=L_KYUFU)
S(c, "x", "tokachi_shigoto", "ハローワーク帯広(帯広職業安定所)", "OBI_X", "公共 and 【公式】 dropped", bio=B_OBI)
S(c, "line", lid("drop-sen"), "ハローワーク川内 マザーズ", "SEN_LINE", "コーナー and brackets dropped", bio=L_LINE)
S(c, "line", lid("drop-kokm"), "ハローワーク国分（マザーズ）", "KOKM_LINE", "コーナー dropped")
h, u, i = FBP("drop-kk")
S(c, "facebook", h, "鹿児島労働局 訓練", "KK_FB", "課 dropped", url=u, id=i, alt="kk")
S(c, "instagram", "kgs.taisaku.info", "鹿児島労働局 職業対策課", "KT_IG", "人材確保対策等公式アカウント dropped", bio=L_TOSHI)
S(c, "x", "kisotsu_shien", "札幌新卒応援ハローワーク(既卒者の就活支援)", "SS_X", "【公式】, years and 北海道札幌市 dropped", alt="ss")
S(c, "x", "hs_job_sapporo", "【高校生支援】札幌新卒応援ハローワーク", "SSH_X", "用 dropped", bio=L_SEMINAR, alt="ss")
S(c, "instagram", "shukatsu.hokkaido.days", "札幌新卒ハローワーク 就活支援/北海道", "SS_IG", "応援 and 【公式】 dropped", alt="ss")
S(c, "bluesky", "tokachi-work.bsky.social", "ハローワーク帯広 公共職業安定所", "OBI_X", "second 帯広, brackets and 【公式】 dropped")
S(c, "mastodon", "ibusuki_onsen_w@mstdn.jp", "ハローワーク指宿チャンネル", "IBU_YT", "YouTube and 【公式】 dropped")
S(c, "mastodon", "kgs_shukatsu@pawoo.net", "鹿児島 新卒 ハローワーク", "KSS_IG", "応援 and 【公式】 dropped, spaces between the parts", bio=L_FUKU)
S(c, "line", lid("drop-ssline"), "札幌新卒ハローワーク【公式】", "SS_LINE", "応援 dropped", alt="ss")
S(c, "facebook", "kgs.kigyo.pr", "鹿児島労働局 企業PR", "KPR_YT", "動画YouTubeチャンネル dropped; the bureau has no Facebook page for it")

# aggregator_words: lookalike handle or copied/disguised name plus まとめ/速報/情報/ナビ ------------
# Aggregator words are not disclaimers: they do not make a copy unofficial.
c = "aggregator_words"
S(c, "x", "s_wakahar0", "お仕事情報まとめ", "WAKA_X", "lookalike handle (0 for o) + aggregator name", bio=L_MATOME)
S(c, "x", "kyujin_sokuho_s", "ハローワーク札幌 求人速報", "SAP_X", "copied office name + 求人速報", bio=L_MATOME)
S(c, "instagram", "osumi.jobs.matome", "ハローワークかのや 求人まとめ", "KAN_IG", "copied office name + 求人まとめ", bio=L_MATOME, alt="kan")
S(c, "line", lid("agg-mom"), "マザーズハローワーク札幌 お仕事情報", "MOM_LINE", "copied name + お仕事情報", bio=L_LINE, alt="mom")
S(c, "x", "HW_Obihlro", "十勝の求人速報", "OBI_X", "lookalike handle (l for i) + aggregator name", bio=L_DM)
S(c, "facebook", "roudou.matome.page", "北海道労働局 情報まとめ", "HK_FB", "copied name + 情報まとめ", alt="hk")
S(c, "youtube", ytid("agg-kok"), "ハローワーク国分 求人情報チャンネル", "KOK_YT", "copied office name + 求人情報", alt="kok")
S(c, "bluesky", "shinsotsu-sokuho.bsky.social", "札幌新卒応援ハローワーク 就活速報", "SS_X", "copied name + 就活速報", bio=L_SEMINAR, alt="ss")
S(c, "mastodon", "kyujin_navi@mastodon-japan.net", "ハローワーク留萌 求人ナビ", "RUM_X", "copied office name + 求人ナビ")
S(c, "x", "46Kunrenka_info", "鹿児島 職業訓練まとめ", "KMS_X", "lookalike handle (_info suffix) + aggregator name", bio=L_KUNREN)
S(c, "instagram", "kagoshimakunren.navi", "ハロトレ情報ナビ", "KK_IG", "lookalike handle (.navi suffix) + aggregator name")
S(c, "instagram", "kgs.newgrad.matome", "鹿児島新卒応援ハローワーク 就活情報まとめ", "KSS_IG", "copied name + 就活情報まとめ", bio=L_FUKU)
S(c, "line", lid("agg-kg"), "ハローワークかごしま 求人速報", "KG_LINE", "copied name + 求人速報")
S(c, "x", "b_diverjinzal", "文京区 採用支援まとめ", "BK_X", "lookalike handle (l for i) + aggregator name", bio=L_KYUFU)
S(c, "x", "HKDMHLWitter_jp", "労働ニュース速報", "HK_X", "lookalike handle (_jp suffix) + aggregator name", bio=L_TOSHI)
S(c, "youtube", "@kigyo-pr-matome", "鹿児島労働局企業PR動画まとめ", "KPR_YT", "YouTubeチャンネル replaced by まとめ")
h, u, i = FBP("agg-kk")
S(c, "facebook", h, "鹿児島労働局訓練課 ハロトレ情報", "KK_FB", "copied name + ハロトレ情報", url=u, id=i, bio=L_KUNREN, alt="kk")
S(c, "mastodon", "mama_work_matome@pawoo.net", "マザーズハローワーク札幌まとめ", "MOM_X",
  "copied name + まとめ, no disclaimer (contrast: the same name with bot is disclaimer_name_only)", alt="mom")
S(c, "bluesky", "chitose-sokuho.bsky.social", "ハローワーク千歳 求人速報", "CHI_X", "copied office name + 求人速報", alt="chi")
S(c, "x", "HWsa_higash1", "札幌の求人情報まとめ", "HIG_X", "lookalike handle (1 for i) + aggregator name", bio=L_MATOME)
S(c, "instagram", "k.taisaku46.info", "鹿児島の人材確保 情報ナビ", "KT_IG", "lookalike handle (.info suffix) + aggregator name")
S(c, "line", lid("agg-sen"), "ハローワーク川内 お仕事情報", "SEN_LINE", "copied office name + お仕事情報", bio=L_DM)
S(c, "youtube", ytid("agg-ibu"), "ハローワーク指宿 求人速報", "IBU_YT", "copied office name + 求人速報")
S(c, "instagram", "bunkyo.kyujin.matome", "文京区中小企業ダイバーシティ人材採用促進事業 求人まとめ", "BK_X", "copied name + 求人まとめ", bio=L_MATOME)
S(c, "x", "sp_hw_matome", "札幌ハローワーク求人まとめ", "SAP_X",
  "grey: 札幌 + ハローワーク is the distinctive part of ハローワーク札幌 (a registry office), so suspect, "
  "unlike 北海道ハローワーク求人速報 (no office ハローワーク北海道)")

# handle_confusable_edit: m/w/d touched, rn/vv/cl forms, doubled letters, 0/O and 1/l/I + doubling --
# Names are unrelated or topical: the handle alone is the imitation.
c = "handle_confusable_edit"
S(c, "x", "HKDMHLWitterm", "労働ニュース", "HK_X", "m inserted at the end")
S(c, "x", "s_omthershw", "ママの仕事さがし", "MOM_X", "transposition mo -> om", bio=L_FUKU)
S(c, "instagram", "kagoshiamkunren", "職業訓練の記録", "KK_IG", "transposition ma -> am")
S(c, "x", "s_mmothersHW", "さとみ", "MOM_X", "doubled m")
S(c, "x", "HW_Chitosse", "千歳グルメ", "CHI_X", "doubled s", bio="千歳・恵庭のおいしいお店を紹介します。")
S(c, "x", "b_cliverjinzal", "人材採用ニュース", "BK_X", "cl for d + l for i")
S(c, "x", "HKDMHLVVittr", "北の労働ニュース", "HK_X", "VV for W + e deleted", bio=L_TOSHI)
S(c, "instagram", "rnhw.saporo", "mama life", "MOM_IG", "rn for m + p deleted")
S(c, "x", "hw_0bihirro", "とかち暮らし", "OBI_X", "0 for o + doubled r")
S(c, "x", "HW_Rurnoii", "留萌の海", "RUM_X", "rn for m + doubled i", bio=L_PRIZE)
S(c, "x", "S_shinsotu_yeII", "就活がんばる", "SS_X", "II (capital i) for ll", bio="26卒の就活記録。")
S(c, "instagram", "sapporo.sinsotu.wh", "就活ノート", "SS_IG", "transposition hw -> wh")
S(c, "instagram", "wh_kanoya", "大隅のごはん", "KAN_IG", "transposition hw -> wh", bio="大隅半島のおいしいごはん記録。")
S(c, "instagram", "kagoshima_shinsotsu_hww", "新卒の就活日記", "KSS_IG", "doubled w")
S(c, "instagram", "k.ta1sakku46", "人材確保ニュース", "KT_IG", "1 for i + doubled k", bio=L_DM)
S(c, "facebook", "rnhlw.hokkaid0", "北海道の仕事", "HK_FB", "rn for m + 0 for o")
S(c, "facebook", "mhlvv.hokaido", "ほっかいどう便り", "HK_FB", "vv for w + k deleted")
S(c, "line", "@tkhl85oj", "ママの求人LINE", "MOM_LINE", "l for 1 + o for 0 in the LINE id", bio=L_LINE)
S(c, "line", "@ogz478ld", "就活LINE", "SS_LINE", "l for 1 in the LINE id (next to d)")
S(c, "bluesky", "hkdmhlvvitter.bsky.social", "労働の話題", "HK_X", "vv for w, as a Bluesky handle")
S(c, "mastodon", "s_rnothersHVV@pawoo.net", "子育てと仕事", "MOM_X", "rn for m + VV for W, on Mastodon", bio=L_KYUFU)
S(c, "youtube", "@hw_chit0sse", "千歳の空", "CHI_X", "0 for o + doubled s, as a YouTube @handle")
S(c, "x", "46Kurnenka", "鹿児島の職業訓練", "KMS_X", "transposition nr -> rn (Kunrenka -> Kurnenka)", bio=L_KUNREN)
S(c, "x", "wnfS2cleh0GTpA", "たかし", "SSH_X", "cl for d + final 5 deleted")
S(c, "x", "s_vvakahar0", "若者の就職応援", "WAKA_X", "vv for w + 0 for o", bio=L_SEMINAR)
S(c, "x", "HVVsa_higashii", "東区の暮らし", "HIG_X", "VV for W + doubled i")
S(c, "x", "HVV_Sapp0ro", "札幌ラーメン部", "SAP_X", "VV for W + 0 for o")
S(c, "x", "b_dlverjinzaii", "ダイバー日記", "BK_X", "l for i next to d + doubled final i")
S(c, "mastodon", "b_cliverjinzai@mstdn.jp", "採用のはなし", "BK_X", "cl for d, on Mastodon", bio=L_DM)
S(c, "instagram", "kagoshimakumren", "鹿児島の訓練日記", "KK_IG", "n -> m (kunren -> kumren)", bio=L_KUNREN)
S(c, "instagram", "hw_kanooya", "鹿屋のパン屋", "KAN_IG", "doubled o", bio="鹿屋市のパン屋です。毎朝7時開店。")

# handle_only: a lookalike handle under an unrelated name (person, hobby, company) ------------
c = "handle_only"
S(c, "x", "HW_Sapporo_pr", "佐藤 健一", "SAP_X", "_pr suffix; person name", bio="札幌在住。転職活動中です。")
S(c, "x", "hw_obihiro_jp", "十勝の山歩き", "OBI_X", "_jp suffix; hobby name")
S(c, "x", "HW_Rumio", "釣りキチ", "RUM_X", "transposition oi -> io; hobby name", bio=L_FUKU)
S(c, "x", "HWsahigashi", "東 さやか", "HIG_X", "underscore removed; person name")
S(c, "x", "HW_Chitose_jp", "株式会社ちとせ不動産", "CHI_X", "_jp suffix; company name", bio="千歳市の賃貸・売買物件をご紹介します。")
S(c, "x", "S_shinsotu_yel1", "けんた", "SS_X", "1 for final l; person name", bio=L_SEMINAR)
S(c, "x", "s_wakaharo_jp", "ゲーム好きの大学生", "WAKA_X", "_jp suffix; hobby name")
S(c, "x", "smothersHW", "ハンドメイド雑貨 mimi", "MOM_X", "underscore removed; shop name", bio="ハンドメイドのアクセサリーを販売しています。")
S(c, "x", "b_diverjinza1", "ダイビングショップ青", "BK_X", "1 for final i; company name")
S(c, "x", "46Kunrenka_pr", "山田 太郎", "KMS_X", "_pr suffix; person name", bio=L_TOSHI)
S(c, "x", "HKDMHLWltter", "ねこ好き", "HK_X", "l for i; hobby name")
S(c, "x", "wnfS2dleh0GTpA", "はなこ", "SSH_X", "final 5 deleted from the auto-generated handle; person name")
S(c, "instagram", "hw_kanoya.jp", "ゆかり", "KAN_IG", ".jp suffix; person name", bio=L_FUKU)
S(c, "instagram", "kagoshima.kunren", "手芸教室 かのん", "KK_IG", "dot inserted; company name")
S(c, "instagram", "k.taisaku46_pr", "カメラ日記", "KT_IG", "_pr suffix; hobby name")
S(c, "instagram", "kagoshima_shinsotsu.hw", "みさきのネイル", "KSS_IG", "last _ -> .; shop name", bio="ネイルサロン（予約制）。ご予約はDMへ。")
S(c, "instagram", "sapporo.sinsotsu.hw", "大学生のひとりごと", "SS_IG", "s inserted (sinsotu -> sinsotsu); person")
S(c, "instagram", "mhw.sapporo.jp", "北のパン屋", "MOM_IG", ".jp suffix; shop name")
S(c, "facebook", "mhlw.hokkaido.jp", "高橋 誠", "HK_FB", ".jp suffix; person name", bio=L_TOSHI)
S(c, "facebook", "mhlwhokkaido", "さっぽろ釣りクラブ", "HK_FB", "dot removed; club name")
S(c, "line", "@ogz4782d", "ヘアサロン mint", "SS_LINE", "one digit changed in the LINE id; shop name", bio=L_LINE)
S(c, "line", "@tkh1860j", "英会話スクール", "MOM_LINE", "one digit changed in the LINE id; company name")
S(c, "youtube", "@hw_obihiro_ch", "料理チャンネル", "OBI_X", "X handle + _ch, as a YouTube @handle; hobby name")
S(c, "youtube", "@kagoshima-kunren", "釣り動画", "KK_IG", "Instagram handle with a hyphen, as a YouTube @handle")
S(c, "bluesky", "hkdmhlwiter.bsky.social", "ゆうき", "HK_X", "t deleted, as a Bluesky handle; person name", bio=L_PRIZE)
S(c, "mastodon", "HW_Sapp0ro@mstdn.jp", "鉄道ファン", "SAP_X", "0 for o, on Mastodon; hobby name", bio="鉄道写真を撮っています。")
S(c, "instagram", "b.diverjinzai", "フラワーショップ花", "BK_X", "X handle with . for _, on Instagram; shop name", bio="文京区のお花屋さん。")
S(c, "instagram", "kagoshimakunren_jp", "ゆい", "KK_IG", "_jp suffix; person name")
S(c, "x", "k_taisaku46", "たいさく", "KT_IG", "Instagram handle with _ for ., on X; person name", bio=L_FUKU)

# handle_federated: the genuine handle reused as the local part on Bluesky / Mastodon ------------
# Bluesky handles allow no _ or . in a label: such handles are written with a hyphen there.
c = "handle_federated"
S(c, "bluesky", "46kunrenka.bsky.social", "ミドルシニアの仕事探し", "KMS_X", "X handle reused on Bluesky; topical name", bio=L_KUNREN)
S(c, "bluesky", "wnfs2dleh0gtpa5.bsky.social", "はると", "SSH_X", "grey: auto-generated X handle reused on Bluesky under an unrelated name; few would recognise it, but an exact copy of a random 15-character id is no coincidence, so suspect by the federated rule")
S(c, "bluesky", "ogz4781d.bsky.social", "札幌新卒応援ハローワーク", "SS_LINE", "LINE id reused on Bluesky; name copied", alt="ss")
S(c, "bluesky", "tkh1850j.bsky.social", "ママの求人", "MOM_LINE", "grey: LINE basic id reused on Bluesky with a topical name; the id is shown on the genuine LINE profile, so suspect by the federated rule")
S(c, "bluesky", "hw-sapporo.bsky.social", "ハローワーク札幌", "SAP_X", "X handle reused on Bluesky (_ -> -); name copied", bio=B_SAP)
S(c, "bluesky", "hw-obihiro.bsky.social", "とかち情報", "OBI_X", "X handle reused on Bluesky (_ -> -); topical name", bio=L_KYUFU)
S(c, "bluesky", "s-wakaharo.bsky.social", "若者の仕事", "WAKA_X", "X handle reused on Bluesky (_ -> -); topical name", bio=L_SEMINAR)
S(c, "bluesky", "b-diverjinzai.bsky.social", "ダイバーシティ採用", "BK_X", "X handle reused on Bluesky (_ -> -); topical name")
S(c, "bluesky", "mhw-sapporo.bsky.social", "マザーズハローワーク札幌", "MOM_IG", "Instagram handle reused on Bluesky (. -> -); name copied", alt="mom")
S(c, "bluesky", "hw-kanoya.bsky.social", "かのや日和", "KAN_IG", "Instagram handle reused on Bluesky (_ -> -); topical name")
S(c, "bluesky", "k-taisaku46.bsky.social", "人材確保のお知らせ", "KT_IG", "Instagram handle reused on Bluesky (. -> -); topical name", bio=L_DM)
S(c, "bluesky", "mhlw-hokkaido.bsky.social", "北海道労働局", "HK_FB", "Facebook username reused on Bluesky (. -> -); name copied", bio=B_HK, alt="hk")
S(c, "bluesky", "kagoshima-shinsotsu-hw.bsky.social", "鹿児島新卒応援ハローワーク【公式】", "KSS_IG", "Instagram handle reused on Bluesky (_ -> -); name copied")
S(c, "mastodon", "s_mothersHW@pawoo.net", "ゆかり", "MOM_X", "X handle reused on pawoo.net; unrelated name", bio=L_FUKU)
S(c, "mastodon", "HW_Sapporo@pawoo.net", "ハローワーク札幌【公式】", "SAP_X", "X handle reused on pawoo.net; name copied", bio=B_SAP)
S(c, "mastodon", "HKDMHLWitter@fedibird.com", "北海道労働局", "HK_X", "X handle reused on fedibird.com; name copied", alt="hk")
S(c, "mastodon", "hw_obihiro@mstdn.jp", "帯広のおしごと", "OBI_X", "X handle reused on mstdn.jp; topical name", bio=L_KYUFU)
S(c, "mastodon", "46Kunrenka@pawoo.net", "くんれん", "KMS_X", "X handle reused on pawoo.net; unrelated name", bio=L_KUNREN)
S(c, "mastodon", "b_diverjinzai@mstdn.jp", N["BK_X"], "BK_X", "X handle reused on mstdn.jp; name copied", bio=B_BK)
S(c, "mastodon", "kagoshimakunren@fedibird.com", "鹿児島労働局訓練課", "KK_IG", "Instagram handle reused on fedibird.com; name copied", alt="kk")
S(c, "mastodon", "hw_kanoya@pawoo.net", "アニメ垢", "KAN_IG", "Instagram handle reused on pawoo.net; unrelated name")
S(c, "mastodon", "s_wakaharo@fedibird.com", "わかもの", "WAKA_X", "X handle reused on fedibird.com; unrelated name")
S(c, "mastodon", "HW_Chitose@mstdn.jp", "新千歳の飛行機", "CHI_X", "X handle reused on mstdn.jp; topical name", bio="飛行機の写真を載せています。")
S(c, "mastodon", "k_taisaku46@mstdn.jp", "人材確保対策", "KT_IG", "Instagram handle reused on mstdn.jp (. -> _, Mastodon allows no dot); topical name")
S(c, "mastodon", "S_shinsotu_yell@pawoo.net", "就活生", "SS_X", "X handle reused on pawoo.net; unrelated name", bio=L_SEMINAR)
S(c, "mastodon", "HWsa_higashi@fedibird.com", "ひがし", "HIG_X", "X handle reused on fedibird.com; unrelated name")
S(c, "mastodon", "kagoshima_shinsotsu_hw@mstdn.jp", "新卒就活", "KSS_IG", "Instagram handle reused on mstdn.jp; topical name")
S(c, "mastodon", "HW_Rumoi@pawoo.net", "ハローワーク留萌【公式】", "RUM_X", "X handle reused on pawoo.net; name copied", bio=B_RUM)

# disclaimer_lookalike_handle: explicit disclaimer in the name + lookalike handle ----------------
# A disclaimer never clears a lookalike handle.
c = "disclaimer_lookalike_handle"
S(c, "x", "HW_Sapporo_bot", "ハローワーク札幌 求人bot（非公式）", "SAP_X", "_bot suffix; 非公式 and bot in the name", bio=L_MATOME)
S(c, "x", "hw_0bihiro_fan", "ハローワーク帯広 ファンアカウント", "OBI_X", "0 for o + _fan; ファンアカウント")
S(c, "x", "HW_Rumoi_fan", "留萌の求人bot", "RUM_X", "_fan suffix; bot", bio=L_MATOME)
S(c, "x", "HKDMHLWittr", "北海道労働局（非公式）", "HK_X", "e deleted; 非公式", bio=L_TOSHI, alt="hk")
S(c, "x", "s_wakaharo_bot", "札幌わかものハローワーク非公式bot", "WAKA_X", "_bot suffix; 非公式bot")
S(c, "x", "s_mothersHW_", "マザーズハローワーク札幌 parody", "MOM_X", "trailing underscore; parody", alt="mom")
S(c, "x", "b_diver_jinzai", "文京区ダイバー人材（非公認）", "BK_X", "underscore inserted; 非公認", bio=L_KYUFU)
S(c, "x", "46Kunrenka_bot", "鹿児島労働局 ミドルシニア bot", "KMS_X", "_bot suffix; bot")
S(c, "x", "HW_Chitose_fan", "千歳ハローワーク ファンアカウント", "CHI_X", "_fan suffix; ファンアカウント")
S(c, "x", "HWsa_higashi_b", "ハローワーク札幌東 非公式まとめ", "HIG_X", "_b suffix; 非公式", bio=L_MATOME)
S(c, "x", "S_shinsotu_ye11", "札幌新卒応援ハローワーク非公式bot", "SS_X", "11 for ll; 非公式bot", alt="ss")
S(c, "instagram", "hw_kanoya_fan", "ハローワークかのや ファンアカウント", "KAN_IG", "_fan suffix; ファンアカウント", alt="kan")
S(c, "instagram", "kagoshimakunren.bot", "訓練課bot（非公式）", "KK_IG", ".bot suffix; 非公式", bio=L_KUNREN)
S(c, "instagram", "k.taisaku46_unofficial", "人材確保対策 unofficial", "KT_IG", "_unofficial suffix; unofficial")
S(c, "instagram", "mhw.sapporo.fan", "マザーズハローワーク札幌（ファンアカウント）", "MOM_IG", ".fan suffix; ファンアカウント", alt="mom", bio=L_FUKU)
S(c, "instagram", "sapporo.sinsotu.hw.bot", "札幌新卒応援bot", "SS_IG", ".bot suffix; bot", bio=L_SEMINAR)
S(c, "instagram", "kagoshima_shinsotsu_hw.parody", "鹿児島新卒応援ハローワーク（パロディ）", "KSS_IG", ".parody suffix; パロディ")
S(c, "facebook", "mhlw.hokkaido.fan", "北海道労働局ファンページ（非公式）", "HK_FB", ".fan suffix; 非公式", alt="hk")
S(c, "line", "@ogz4781b", "札幌新卒応援ハローワーク（非公式）", "SS_LINE", "last letter changed in the LINE id; 非公式", bio=L_LINE, alt="ss")
S(c, "line", "@tkh1850i", "マザーズ求人bot", "MOM_LINE", "last letter changed in the LINE id; bot", bio=L_LINE)
S(c, "bluesky", "hw-sapporo-bot.bsky.social", "ハローワーク札幌 非公式bot", "SAP_X", "X handle (_ -> -) + -bot on Bluesky; 非公式bot")
S(c, "mastodon", "HKDMHLWitter_bot@mstdn.jp", "北海道労働局 bot (unofficial)", "HK_X", "X handle + _bot on Mastodon; bot, unofficial", alt="hk")
S(c, "mastodon", "s_mothershw_bot@pawoo.net", "ママ求人bot（非公式）", "MOM_X", "X handle + _bot on Mastodon; 非公式", bio=L_FUKU)
S(c, "youtube", "@HW_Chitose_fan", "ハローワーク千歳 ファンチャンネル", "CHI_X", "X handle + _fan as a YouTube @handle; ファン", alt="chi")
S(c, "instagram", "b_diverjinzai_fan", "文京区ダイバーシティ採用 ファンアカウント", "BK_X", "X handle + _fan on Instagram; ファンアカウント")
S(c, "instagram", "hw_kan0ya_bot", "かのや求人bot（非公式）", "KAN_IG", "0 for o + _bot; 非公式 bot", bio=L_MATOME)

# ------------------------------------------------------------------------------------------
# CLEAR, policy classes
# ------------------------------------------------------------------------------------------

# disclaimer_name_only: copied or contained genuine name + explicit disclaimer + unrelated handle.
# Grey by construction: clear because the platforms allow labelled fan/parody/bot accounts and
# nothing else (handle, official claim) copies the body.
c = "disclaimer_name_only"
G = "grey: copied name, but 非公式/ファン/bot/parody is explicit and the handle is unrelated"
C(c, "x", "kyujin_memo_sp", "ハローワーク札幌（非公式）", G + " (非公式)", bio="ハローワーク札幌の公開求人を個人でメモしている非公式アカウントです。公式は @HW_Sapporo")
C(c, "x", "roudou_fan_hk", "北海道労働局 ファンアカウント", G + " (ファンアカウント)", bio="北海道労働局の発信を応援する非公式ファンアカウントです。")
C(c, "x", "mama_job_bot", "マザーズハローワーク札幌まとめbot", G + " (bot; まとめ alone would not clear it)",
  bio="マザーズハローワーク札幌の公式投稿を自動で転載するbotです（非公式）。")
C(c, "instagram", "kunren.fan.kgs", "鹿児島労働局訓練課 ファンアカウント", G + " (ファンアカウント)")
C(c, "x", "rumoi_jobs_bot", "ハローワーク留萌 求人bot", G + " (bot); rumoi_jobs_bot shares only rumoi with HW_Rumoi")
C(c, "x", "tokachi_parody", "ハローワーク帯広 parody", G + " (parody)", bio="パロディアカウントです。実在の機関とは関係ありません。")
C(c, "line", lid("disc-ss"), "札幌新卒応援ハローワーク（非公式）", G + " (非公式); a LINE id the owner could not choose")
C(c, "facebook", "north.labour.fans", "北海道労働局 非公式ファンページ", G + " (非公式ファン)")
C(c, "youtube", "@kgs-pr-fan", "鹿児島労働局企業PR動画 非公式まとめ", G + " (非公式)", bio="公式チャンネルの動画を紹介する非公式のまとめです。")
C(c, "youtube", ytid("disc-kok"), "ハローワーク国分 ファンチャンネル（非公式）", G + " (非公式, ファン)")
C(c, "bluesky", "wakamono-fan.bsky.social", "札幌わかものハローワーク ファンアカウント", G + " (ファンアカウント)", bio="非公式のファンアカウントです。公式は X の @s_wakaharo")
C(c, "mastodon", "bot_kyujin@mstdn.jp", "ハローワーク千歳 求人bot", G + " (bot)", bio="公開求人を自動投稿するbotです。非公式。")
C(c, "instagram", "newgrad.kgs.fan", "鹿児島新卒応援ハローワーク（非公認）", G + " (非公認)", bio="鹿児島で就活する学生が運営する非公認アカウントです。")
C(c, "x", "divers_unoff", "文京区中小企業ダイバーシティ人材採用促進事業（非公式）", G + " (非公式)")
C(c, "line", lid("disc-kgm"), "マザーズハローワークかごしま 非公式", G + " (非公式)", bio="個人が運営する非公式アカウントです。")
C(c, "instagram", "osumi.jobs.fan", "ハローワークかのや ファンアカウント", G + " (ファンアカウント)")
C(c, "x", "chuko_parody", "鹿児島労働局 ミドルシニア世代活躍支援（パロディ）", G + " (パロディ)")
h, u, i = FBP("disc-kk")
C(c, "facebook", h, "鹿児島労働局訓練課（非公式）", G + " (非公式); anonymous profile.php account", url=u, id=i,
  bio="訓練課の発信をシェアする非公式ページです。")
C(c, "mastodon", "sapporo_east_bot@fedibird.com", "ハローワーク札幌東 bot", G + " (bot); handle says sapporo_east, not HWsa_higashi")
C(c, "youtube", "@tokachi-job-fan", "ハローワーク帯広 unofficial", G + " (unofficial)")
C(c, "bluesky", "sinsotsu-parody.bsky.social", "札幌新卒応援ハローワーク parody", G + " (parody)")
C(c, "x", "ibusuki_fan_jb", "ハローワーク指宿 fan", G + " (fan)", bio="指宿が好きなファンの個人アカウント。")

# other_office_reordered: other real offices and bodies (not in the seeds), reordered or separated
c = "other_office_reordered"
C(c, "x", "hakodate_hw_jp", "函館 ハローワーク", "Hakodate office, reordered; no registry office named 函館",
  bio="函館公共職業安定所からのお知らせです。")
C(c, "x", "tokyo_labour_b", "労働局｜東京", "Tokyo Labour Bureau, reordered around ｜", bio="東京労働局の公式アカウントです。")
C(c, "instagram", "fukuoka_shinsotsu_hw", "新卒応援ハローワーク・福岡", "grey: Fukuoka new-graduate office; handle has the same pattern as kagoshima_shinsotsu_hw but its own place, so no near copy: clear")
h, u, i = FBP("oor-kumamoto")
C(c, "facebook", h, "訓練課 熊本労働局", "Kumamoto bureau's training section, reordered (same section name, other bureau)", url=u, id=i)
C(c, "x", "asahikawa_hw", "旭川 ハローワーク【公式】", "Asahikawa office, reordered", bio="旭川公共職業安定所の公式アカウントです。上川管内の求人情報を発信します。")
C(c, "line", lid("oor-tenjin"), "マザーズハローワーク・天神", "Mothers Hello Work Tenjin (Fukuoka), separated")
C(c, "youtube", ytid("oor-izumi"), "ハローワーク｜出水 チャンネル", "Izumi office (Kagoshima, not in the registry), separated")
C(c, "x", "osaka_roudou", "労働局 大阪", "Osaka Labour Bureau, reordered")
C(c, "instagram", "miyazaki.kunren", "訓練課｜宮崎労働局", "Miyazaki bureau's training section, swapped around ｜", bio="宮崎労働局訓練課です。ハロートレーニングの情報をお届けします。")
C(c, "x", "f_wakamono_hw", "わかものハローワーク 福岡", "Fukuoka youth office, reordered")
C(c, "bluesky", "kushiro-hw.bsky.social", "釧路 ハローワーク", "Kushiro office, reordered, on Bluesky", bio="釧路公共職業安定所のお知らせ。")
C(c, "mastodon", "osaka_shinsotsu@mstdn.jp", "新卒応援ハローワーク／大阪", "Osaka new-graduate office, separated")
C(c, "facebook", "otaru.hw.page", "ハローワーク・小樽", "Otaru office, separated", bio="小樽公共職業安定所のFacebookページです。")
C(c, "youtube", "@kagoshima-pref-skill", "職業能力開発課｜鹿児島県", "Kagoshima Prefecture's skills section: another body (the prefecture, not the labour bureau)")
C(c, "x", "naze_hw_amami", "名瀬 ハローワーク", "Naze office (Amami, Kagoshima; not in the registry), reordered", bio="奄美大島の求人情報をお知らせします（名瀬公共職業安定所）。")
C(c, "line", lid("oor-izumi"), "ハローワーク出水・マザーズコーナー", "Izumi office's Mothers corner, separated (registry has 川内/かのや/国分 corners only)")
C(c, "instagram", "sapporo.keizai.kanko", "経済観光局｜札幌市", "a section of Sapporo City: another body than ハローワーク札幌")
C(c, "x", "toshima_jinzai", "中小企業人材確保支援事業・豊島区", "another ward's hiring programme (shares 中小企業, 人材)")
C(c, "youtube", "@kumamoto-shinsotsu", "新卒応援ハローワーク 熊本", "Kumamoto new-graduate office, reordered", bio="熊本新卒応援ハローワークの公式チャンネルです。")
C(c, "facebook", "aomori.roudou.page", "青森 労働局", "Aomori Labour Bureau, space inserted")
C(c, "bluesky", "mhlw-shokuan.bsky.social", "厚生労働省｜職業安定局", "the ministry's employment security bureau (parent body, not a registry account)")
C(c, "mastodon", "utsunomiya_hw@fedibird.com", "ハローワーク 宇都宮", "Utsunomiya office, separated")
C(c, "x", "sapporo_kita_hw", "札幌北 ハローワーク", "grey: the real office ハローワーク札幌北 (not in the registry), reordered; "
  "its own place name 札幌北 is not 札幌 or 札幌東, so clear",
  bio="札幌北公共職業安定所（北区・東区の一部・当別町ほか）のお知らせです。")
C(c, "instagram", "mothers_tokyo", "東京 マザーズハローワーク", "Mothers Hello Work Tokyo, reordered; handle shares mothers with s_mothersHW but is no near copy")

# place_service_words: a registry place word + a service word, naming no registry office --------
c = "place_service_words"
C(c, "x", "hkd_kyujin_now", "北海道ハローワーク求人速報", "北海道 + ハローワーク求人: there is no office ハローワーク北海道",
  bio="北海道内のハローワーク求人から注目の求人を紹介します。")
C(c, "instagram", "kgs.kunren.matome", "鹿児島の職業訓練まとめ", "鹿児島 + 職業訓練, no 労働局 or 訓練課")
C(c, "x", "sapporo_shukatu", "札幌 就活情報", "札幌 + 就活", bio="札幌で就活する学生のための情報をシェアします。")
C(c, "x", "bunkyo_jobnavi", "文京区の求人ナビ", "文京区 + 求人; the registry account is a specific programme", bio="文京区内のアルバイト・パート求人を紹介しています。")
C(c, "line", lid("psw-hk"), "ハローワーク求人 北海道版", "ハローワーク求人 + 北海道: no office ハローワーク北海道")
C(c, "facebook", "tokachi.shigoto", "十勝の仕事探し", "regional place word + 仕事")
C(c, "youtube", "@kagoshima-shushoku", "鹿児島 就職チャンネル", "鹿児島 + 就職", bio="鹿児島で働きたい人のための就職情報チャンネル。")
C(c, "bluesky", "sapporo-mama-job.bsky.social", "札幌の子育てママ向けお仕事情報", "grey: 札幌 + ママ + 仕事 evoke the Mothers office, but neither マザーズ nor ハローワーク is named")
C(c, "mastodon", "hkd_kunren_navi@mstdn.jp", "北海道 職業訓練ナビ", "北海道 + 職業訓練")
C(c, "x", "chitose_eniwa_j", "千歳・恵庭の求人まとめ", "千歳 + 求人, no ハローワーク", bio="千歳市・恵庭市の求人をまとめています。")
C(c, "instagram", "kgs.shukatsu.navi", "鹿児島 新卒就活ナビ", "grey: 鹿児島 + 新卒 without ハローワーク or 応援: a media name, not the office")
C(c, "x", "rumoi_shigoto", "留萌のしごと情報", "留萌 + しごと", bio="留萌の求人・移住情報を紹介しています。")
C(c, "facebook", "bunkyo.smb.jobs", "文京区 中小企業の採用情報", "grey: 文京区 + 中小企業 + 採用 share words with the programme, but the programme (ダイバーシティ人材採用促進事業) is not named",
  bio="文京区内の中小企業の採用情報を紹介するページです。")
C(c, "youtube", ytid("psw-hk"), "北海道の労働ニュース", "grey: 北海道 + 労働 without 局: a news topic, not 北海道労働局")
C(c, "line", lid("psw-kg"), "かごしま求人情報", "かごしま + 求人, no ハローワーク")
C(c, "bluesky", "obihiro-kyujin.bsky.social", "帯広 求人速報", "帯広 + 求人, no ハローワーク", bio="帯広・十勝の求人を速報でお届け。")
C(c, "mastodon", "kgs_harotore@pawoo.net", "鹿児島 ハロトレ情報", "grey: ハロトレ is the national name of public vocational training; 鹿児島 + ハロトレ without 労働局 names no registry account")
C(c, "instagram", "hokkaido.newgrad.navi", "北海道 新卒就活ナビ", "北海道 + 新卒")
C(c, "x", "kgs_kunren_skl", "鹿児島 職業訓練・資格情報", "鹿児島 + 職業訓練")
C(c, "youtube", "@sapporo-shigoto-tv", "札幌の仕事探しTV", "札幌 + 仕事", bio="札幌の企業や仕事を紹介する動画チャンネル。")
C(c, "facebook", "doto.kyujin.info", "道東・釧路の求人情報", "region + 求人")
C(c, "line", lid("psw-bk"), "文京区 子育て・仕事情報", "文京区 + 子育て + 仕事")

# honest_similar_handle_far: handles sharing a word with a genuine handle, not a near copy ----
c = "honest_similar_handle_far"
C(c, "x", "sapporo_ramen", "札幌ラーメン食べ歩き", "shares sapporo with HW_Sapporo; not a near copy", bio="札幌のラーメンを食べ歩いています。")
C(c, "x", "kagoshima_bus", "鹿児島バス情報", "shares kagoshima with the Kagoshima handles", bio="鹿児島市内のバス路線・時刻表の情報を発信（非公式）。")
C(c, "instagram", "mothers_cafe_sp", "親子カフェ mothers", "shares mothers with s_mothersHW; a shop", bio="札幌・中央区の親子カフェ。キッズスペースあり。")
C(c, "x", "rumoi_fishing", "留萌釣り日記", "shares rumoi with HW_Rumoi")
C(c, "x", "obihiro_butadon", "帯広豚丼めぐり", "shares obihiro with hw_obihiro", bio="帯広の豚丼を全店制覇するのが目標。")
C(c, "instagram", "chitose_sky", "千歳の空と飛行機", "shares chitose with HW_Chitose")
C(c, "instagram", "kanoya_kanpachi", "かのやカンパチ直売所", "shares kanoya with hw_kanoya", bio="鹿屋産カンパチの直売所です。")
C(c, "facebook", "hokkaido.milk.farm", "北海道ミルクファーム", "shares hokkaido with mhlw.hokkaido")
C(c, "youtube", "@kunren-fitness", "筋トレ訓練チャンネル", "shares kunren with kagoshimakunren / 46Kunrenka")
C(c, "x", "higashi_dental", "ひがし歯科クリニック", "shares higashi with HWsa_higashi", bio="札幌市東区の歯科医院です。")
C(c, "instagram", "shinsotsu_style", "新卒スーツコーデ", "shares shinsotsu with kagoshima_shinsotsu_hw", bio="就活スーツのコーデを紹介するショップです。")
C(c, "x", "diver_okinawa", "沖縄ダイビング部", "shares diver with b_diverjinzai")
C(c, "line", "@sapporo1", "さっぽろ一番食堂", "premium LINE id shares sapporo", bio="札幌駅前の定食屋です。")
C(c, "bluesky", "taisaku-lab.bsky.social", "防災対策ラボ", "shares taisaku with k.taisaku46")
C(c, "mastodon", "wakamono_band@mstdn.jp", "若者バンド部", "shares waka with s_wakaharo")
C(c, "x", "chitose_golf", "千歳ゴルフ倶楽部", "shares chitose with HW_Chitose", bio="千歳市のゴルフ場です。")
C(c, "instagram", "mhw_hunter_log", "モンハン狩猟記録", "shares mhw (Monster Hunter: World) with mhw.sapporo", bio="モンハンワールドの狩猟記録。")
C(c, "facebook", "obihiro.banei.fans", "ばんえい競馬ファンクラブ", "shares obihiro with hw_obihiro")
C(c, "youtube", "@sapporo-snowboard", "札幌スノーボード部", "shares sapporo with HW_Sapporo")
C(c, "x", "kanoya_airbase", "鹿屋航空基地ファン", "shares kanoya with hw_kanoya", bio="鹿屋航空基地の写真を撮っています。")
C(c, "instagram", "hokkaido.shinsotsu.news", "北海道の新卒採用ニュース", "shares shinsotsu, hokkaido; honest media")
C(c, "mastodon", "kagoshima_ramen@fedibird.com", "鹿児島ラーメン部", "shares kagoshima")
C(c, "bluesky", "obihiro-cycling.bsky.social", "帯広サイクリング", "shares obihiro", bio="十勝をロードバイクで走っています。")
C(c, "line", "@chitose7", "千歳の整骨院", "premium LINE id shares chitose")


def escape_invisible(line):
    """Write invisible / format characters as JSON \\u escapes so that reviewers can see them."""
    out = []
    for ch in line:
        cat = unicodedata.category(ch)
        if cat == "Cf" or 0xFE00 <= ord(ch) <= 0xFE0F or (cat == "Zs" and ch != " "):
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def main():
    with open(OUT, "w", encoding="utf-8") as f:
        for r in ROWS:
            f.write(escape_invisible(json.dumps(r, ensure_ascii=False)) + "\n")
    print(f"wrote {len(ROWS)} lines to {OUT}")


if __name__ == "__main__":
    main()
