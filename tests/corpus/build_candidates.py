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
