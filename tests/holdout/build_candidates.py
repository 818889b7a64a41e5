#!/usr/bin/env python3
"""Builds candidates.jsonl for the independent holdout set.

Written by hand (the records below are the data; this script only serialises them,
adds URLs where a platform would show one, and fills in random-looking ids for
accounts whose ids the attacker cannot choose: YouTube UC ids, Facebook numeric ids,
LINE basic ids). Run: python3 build_candidates.py  (writes candidates.jsonl next to it).
"""
import json
import os
import random

rng = random.Random(20250612)
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def uc_id():
    return "UC" + "".join(rng.choice(B64) for _ in range(21)) + rng.choice("AQgw")


def fb_id():
    return "6155" + "".join(rng.choice("0123456789") for _ in range(10))


def line_basic():
    return "@" + "".join(rng.choice("0123456789") for _ in range(3)) + "".join(
        rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(5))


def url_for(platform, handle, style=None):
    h = handle.lstrip("@") if handle else handle
    if platform == "x":
        return ("https://twitter.com/" if style == "twitter" else "https://x.com/") + h
    if platform == "instagram":
        return "https://www.instagram.com/%s/" % h
    if platform == "facebook":
        return "https://www.facebook.com/%s" % h
    if platform == "youtube":
        return "https://www.youtube.com/@%s" % h
    if platform == "line":
        return "https://line.me/R/ti/p/@%s" % h
    if platform == "bluesky":
        return "https://bsky.app/profile/%s" % h
    if platform == "mastodon":
        user, inst = h.split("@")
        return "https://%s/@%s" % (inst, user)
    raise ValueError(platform)


# --------------------------------------------------------------------------------------
# Registry shorthands (target platform, handle or URL).  Derived from the seed policies.
# --------------------------------------------------------------------------------------
T = {
    "hkd_x": ("x", "HKDMHLWitter"),
    "hkd_fb": ("facebook", "mhlw.hokkaido"),
    "hkd_yt": ("youtube", "UCU37RXEEsFqGdyxu1FBkK6w"),
    "shin_x": ("x", "S_shinsotu_yell"),
    "koko_x": ("x", "wnfS2dleh0GTpA5"),
    "waka_x": ("x", "s_wakaharo"),
    "moth_x": ("x", "s_mothersHW"),
    "obi_x": ("x", "hw_obihiro"),
    "rumoi_x": ("x", "HW_Rumoi"),
    "higa_x": ("x", "HWsa_higashi"),
    "sap_x": ("x", "HW_Sapporo"),
    "chit_x": ("x", "HW_Chitose"),
    "shin_fb": ("facebook", "札幌新卒応援ハローワーク-149635718569446"),
    "shin_line": ("line", "ogz4781d"),
    "moth_line": ("line", "tkh1850j"),
    "shin_ig": ("instagram", "sapporo.sinsotu.hw"),
    "moth_ig": ("instagram", "mhw.sapporo"),
    "kg_yt_shin": ("youtube", "UCVS03516GOKUFplfW0T9Bfg"),
    "kg_yt_pr": ("youtube", "UC1jhFwBGB1B8F7VXlx0Vypg"),
    "kg_yt_kokubu": ("youtube", "UCKxOV1MV1McuSb0IPDoS2-g"),
    "kg_yt_kaseda": ("youtube", "UCjrV6BWU7cc1PrVRxvMZGBg"),
    "kg_yt_ibusuki": ("youtube", "UCDGE9Yq32sIviNmjBHcx0uQ"),
    "kg_ig_kunren": ("instagram", "kagoshimakunren"),
    "kg_ig_taisaku": ("instagram", "k.taisaku46"),
    "kg_ig_shin": ("instagram", "kagoshima_shinsotsu_hw"),
    "kg_ig_kanoya": ("instagram", "hw_kanoya"),
    "kg_x_mid": ("x", "46Kunrenka"),
    "kg_line_hw": ("line", None, "https://lin.ee/popg0eo"),
    "kg_line_moth": ("line", None, "https://lin.ee/dFysG1l"),
    "kg_line_sendai": ("line", None, "https://lin.ee/3wF416C"),
    "kg_line_kanoya": ("line", None, "https://lin.ee/PsiFTnC"),
    "kg_line_kokubu": ("line", None, "https://lin.ee/3eXoBRU"),
    "kg_fb_kunren": ("facebook", None, "https://www.facebook.com/profile.php?id=61578961199265"),
    "bun_x": ("x", "b_diverjinzai"),
}

# Accounts sharing a published name: a suspect copying that name may fairly be tied to any.
SAME_NAME = {
    "shin_x": ["shin_fb", "shin_line", "shin_ig"],
    "shin_fb": ["shin_x", "shin_line", "shin_ig"],
    "shin_line": ["shin_x", "shin_fb", "shin_ig"],
    "shin_ig": ["shin_x", "shin_fb", "shin_line"],
    "moth_x": ["moth_line", "moth_ig"],
    "moth_line": ["moth_x", "moth_ig"],
    "moth_ig": ["moth_x", "moth_line"],
    "hkd_x": ["hkd_fb", "hkd_yt"],
    "hkd_fb": ["hkd_x", "hkd_yt"],
    "hkd_yt": ["hkd_x", "hkd_fb"],
}


def tref(key):
    t = T[key]
    return "%s:%s" % (t[0], t[1] if t[1] else t[2])


records = []


def add(label, cls, platform, handle, name, bio="", target=None, note="", url=None,
        url_style=None, id=None, extra_alt=()):
    r = {"platform": platform}
    if handle is not None:
        r["handle"] = handle
    r["display_name"] = name
    if url is None and handle is not None:
        url = url_for(platform, handle, url_style)
    if url:
        r["url"] = url
    r["bio"] = bio
    if id is not None:
        r["id"] = id
    r["label"] = label
    r["class"] = cls
    r["target_platform"] = ""
    r["target_handle"] = ""
    r["target_url"] = ""
    if target:
        t = T[target]
        r["target_platform"] = t[0]
        if t[1]:
            r["target_handle"] = t[1]
        else:
            r["target_url"] = t[2]
        alts = [tref(k) for k in SAME_NAME.get(target, [])] + [tref(k) for k in extra_alt]
        if alts:
            r["alt_targets"] = alts
    r["note"] = note
    records.append(r)


def S(*a, **k):
    add("suspect", *a, **k)


def C(*a, **k):
    add("clear", *a, **k)


def G(*a, **k):
    add("genuine", *a, **k)


def yt(platform_handle, name, bio, target, note, cls, **k):
    """YouTube fake: attacker picks the @handle and name, YouTube assigns the UC id."""
    cid = uc_id()
    S(cls, "youtube", platform_handle, name, bio, target, note,
      url="https://www.youtube.com/%s" % platform_handle, id=cid, **k)


def line_fake(name, bio, target, note, cls, premium=None, **k):
    lid = premium or line_basic()
    S(cls, "line", lid, name, bio, target, note, url="https://line.me/R/ti/p/%s" % lid, **k)


# ======================================================================================
# SUSPECTS
# ======================================================================================

# ---- 北海道労働局 (X HKDMHLWitter / Facebook mhlw.hokkaido / YouTube UCU37...) ---------
S("handle_homoglyph", "x", "HKDMHLWltter", "北海道労働局",
  "北海道労働局の公式アカウントです。雇用調整助成金・各種給付金のご相談はDMで受け付けています。",
  "hkd_x", "i->l in 'witter'; name copied exactly; DM lure for subsidies")
S("kanji_variant", "x", "hokkaido_roudou", "北海道勞働局",
  "北海道勞働局です。助成金のオンライン申請代行はこちら→ bit.ly/3xHkd",
  "hkd_x", "旧字体 勞 for 労; new handle; link-out lure")
S("invisible_char", "x", "HKDMHIWitter", "北海道労働局\u200b",
  "", "hkd_x", "L->I in handle; trailing ZWSP in the name")
S("handle_typo", "facebook", "mhlw.hokaido", "北海道労働局",
  "北海道労働局の公式Facebookページです。", "hkd_fb",
  "'k' dropped from hokkaido in the page username; same name")
S("name_decoration", "facebook", None, "北海道労働局 ・ 公式",
  "いいね！とシェアで抽選30名様にQUOカード3000円分をプレゼント🎁 当選者にはメッセンジャーでご連絡します",
  "hkd_fb", "Koriyama-style prize lure; numeric profile id; ・ and spaces added",
  url="https://www.facebook.com/profile.php?id=%s" % fb_id())
yt("@hokkaido-roudoukyoku", "北海道労働局",
   "北海道労働局公式チャンネル。在宅ワーク・副業説明会をライブ配信中！概要欄のLINEから参加できます",
   "hkd_yt", "exact name on a new channel; side-job seminar lure", "name_copy_new_id")
yt("@hkdmhlwitter", "北海道労働局 📢", "", "hkd_yt",
   "the genuine X handle reused as a YouTube handle; megaphone emoji", "cross_platform_reuse",
   extra_alt=())
S("cross_platform_reuse", "bluesky", "hkdmhlwitter.bsky.social", "北海道労働局",
  "北海道労働局の公式アカウントです（Xから移転しました）", "hkd_x",
  "genuine X handle as a Bluesky handle; claims to have moved from X")
S("cross_platform_reuse", "mastodon", "HKDMHLWitter@mstdn.jp", "北海道労働局【公式】",
  "北海道労働局 公式マストドン", "hkd_x", "genuine X handle on mstdn.jp")
S("cross_platform_reuse", "instagram", "mhlw.hokkaido", "北海道労働局",
  "北海道労働局の公式インスタグラムです📷", "hkd_fb",
  "genuine Facebook username reused on Instagram, where the bureau has no account")

# ---- 札幌新卒応援ハローワーク (X / FB page / LINE ogz4781d / IG sapporo.sinsotu.hw) -------
S("handle_homoglyph", "x", "S_shinsotu_yeII",
  "札幌新卒応援ハローワーク【公式】(23卒・24卒・既卒者の就活支援) 北海道札幌市",
  "", "shin_x", "ll->II (capital i); full published name copied")
S("name_decoration", "x", "S_shinsotsu_yel",
  "札幌新卒応援ハローワーク[公式]（25卒・26卒・既卒者の就活支援）",
  "就活生のみなさん、内定まで完全サポート！個別相談はDMへどうぞ", "shin_x",
  "【公式】->[公式], years bumped, sotu->sotsu and one l dropped to stay within 15 chars")
S("kanji_variant", "x", "sapporo_sinsotu", "札幌新卒應援ハローワーク【公式】",
  "札幌の新卒・既卒の就活を応援します", "shin_x", "應 for 応")
S("handle_typo", "instagram", "sapporo.shinsotu.hw", "札幌新卒応援ハローワーク【公式】就活支援/北海道",
  "札幌新卒応援ハローワークの公式インスタです。イベント情報を発信中", "shin_ig",
  "'h' inserted (sinsotu->shinsotu); name copied")
S("handle_homoglyph", "instagram", "sapp0ro.sinsotu.hw", "札幌新卒応援ハローワーク【公式】就活支援/北海道🎓",
  "DMで非公開求人をご案内しています", "shin_ig", "o->0; graduation-cap emoji")
line_fake("札幌新卒応援ハローワーク",
          "友だち追加で就活応援金5万円をプレゼント！受付は先着100名まで", "shin_line",
          "exact name on another LINE basic id (grey badge); cash lure", "name_copy_new_id")
line_fake("ｻｯﾎﾟﾛ新卒応援ﾊﾛｰﾜｰｸ", "LINE限定の求人を配信中", "shin_line",
          "halfwidth katakana", "width_kana")
S("name_copy_new_handle", "facebook", "sapporo.shinsotsu.hellowork", "札幌新卒応援ハローワーク",
  "札幌新卒応援ハローワークのFacebookページです", "shin_fb",
  "same page name under a new vanity username")
S("name_decoration", "facebook", None, "札幌新卒応援ハローワーク・公式",
  "友達申請した方限定で面接対策セミナーを無料開催します", "shin_fb",
  "・公式 appended; personal profile sending friend requests",
  url="https://www.facebook.com/profile.php?id=%s" % fb_id())
S("cross_platform_reuse", "bluesky", "s-shinsotu-yell.bsky.social",
  "札幌新卒応援ハローワーク【公式】", "", "shin_x",
  "X handle transliterated to a Bluesky handle (_ -> -)")

# ---- 【高校生支援用】札幌新卒応援ハローワーク (X wnfS2dleh0GTpA5) ------------------------------
S("handle_homoglyph", "x", "wnfS2dIeh0GTpA5", "【高校生支援用】札幌新卒応援ハローワーク",
  "", "koko_x", "l->I inside the random-looking handle; name copied exactly")
S("name_decoration", "x", "k_shinsotu_yell", "[高校生支援用]札幌新卒応援ハローワーク",
  "高校生の就職を応援！保護者の方もフォローしてね", "koko_x",
  "【】->[]; handle borrows the sister account's handle (k = 高校)")
S("handle_typo", "x", "wnfS2dleh0GTpA", "【高校生支援用】札幌新卒応援ハローワーク📢",
  "", "koko_x", "last character dropped; megaphone emoji")

# ---- 札幌わかものハローワーク (X s_wakaharo) --------------------------------------------
S("handle_homoglyph", "x", "s_wakahar0", "札幌わかものハローワーク【公式】", "", "waka_x", "o->0")
S("invisible_char", "x", "s_wakaharo_", "札幌わかもの\u200dハローワーク【公式】",
  "", "waka_x", "ZWJ inside the name; trailing underscore")
S("width_kana", "x", "spr_wakaharo", "札幌ワカモノハローワーク【公式】",
  "", "waka_x", "わかもの written in katakana")
S("cross_platform_reuse", "instagram", "s_wakaharo", "札幌わかものハローワーク【公式】",
  "", "waka_x", "genuine X handle on Instagram")
line_fake("札幌わかものハローワーク", "友だち登録で非公開の高時給バイトを紹介", "waka_x",
          "name copied to LINE where the office has no registered account", "name_copy_other_platform")

# ---- マザーズハローワーク札幌 (X s_mothersHW / IG mhw.sapporo / LINE tkh1850j) --------------
S("handle_homoglyph", "x", "s_rnothersHW", "マザーズハローワーク札幌", "", "moth_x", "m->rn")
S("handle_homoglyph", "x", "s_mothersHVV", "マザーズハローワーク札幌",
  "子育て中のママの在宅ワークを応援！", "moth_x", "W->VV; home-work pitch")
S("name_decoration", "x", "s_mothers_hw", "マザーズハローワーク札幌 お知らせ",
  "", "moth_x", "お知らせ appended; underscore inserted")
S("width_kana", "x", "s_mothersHW2", "まざーずはろーわーく札幌",
  "", "moth_x", "all-hiragana name; 2 appended")
S("handle_separator", "instagram", "mhw_sapporo", "マザーズハローワーク札幌", "", "moth_ig", ". -> _")
S("handle_homoglyph", "instagram", "rnhw.sapporo", "マザーズハローワーク札幌🌸",
  "ママのお仕事探しを応援。DMで在宅求人をご紹介", "moth_ig", "m->rn; flower emoji")
S("handle_lookalike_abbrev", "instagram", "mhw.sapp0ro", "マザハロ札幌",
  "マザーズハローワーク札幌の最新情報", "moth_ig",
  "o->0 lookalike handle; abbreviated name and bio naming the office")
line_fake("マザーズハローワーク札幌", "ママ限定の在宅ワーク紹介。友だち限定で先行案内します",
          "moth_line", "exact name, new basic id", "name_copy_new_id")
line_fake("ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸ札幌", "", "moth_line", "halfwidth katakana; premium id",
          "width_kana", premium="@mothers-sapporo")
S("name_copy_new_handle", "facebook", "mothershw.sapporo", "マザーズハローワーク札幌",
  "子育てしながら働きたい方を応援します", "moth_x",
  "Facebook page with the office's name; the office has no Facebook")

# ---- ハローワーク帯広 (X hw_obihiro) -------------------------------------------------
S("handle_homoglyph", "x", "hw_obihir0", "ハローワーク帯広(帯広公共職業安定所)【公式】",
  "", "obi_x", "o->0; published name copied")
S("handle_affix", "x", "hw_obihiro2024", "ハローワーク帯広【公式】",
  "帯広・十勝の求人情報", "obi_x", "2024 appended")
S("kanji_variant", "x", "hwobihiro", "ハローワーク帶廣（帶廣公共職業安定所）【公式】",
  "", "obi_x", "帶 and 廣 for 帯 and 広; underscore removed")
S("cross_platform_reuse", "instagram", "hw_obihiro", "ハローワーク帯広【公式】",
  "十勝の求人をお届け🐄 お問い合わせはDMへ", "obi_x", "genuine X handle on Instagram")
S("cross_platform_reuse", "mastodon", "hw_obihiro@pawoo.net", "ハローワーク帯広【公式】",
  "", "obi_x", "genuine X handle on pawoo.net")
S("handle_lookalike_abbrev", "x", "hw_obihiro_", "HW帯広",
  "ハローワーク帯広のお知らせ", "obi_x", "trailing underscore; abbreviated HW name")

# ---- ハローワーク留萌 (X HW_Rumoi) --------------------------------------------------
S("handle_homoglyph", "x", "HW_Rumo1", "ハローワーク留萌【公式】", "", "rumoi_x", "i->1")
S("handle_homoglyph", "x", "HW_Rurnoi", "ハローワーク留萌 【公式】", "", "rumoi_x", "m->rn")
S("name_decoration", "x", "HW_Rumoi_info", "ハローワーク留萌【公式】お知らせ",
  "留萌管内の求人・セミナー情報", "rumoi_x", "_info appended; お知らせ appended")
S("script_confusable", "x", "HWRumoi", "八口一ワ一ク留萌【公式】",
  "", "rumoi_x", "kanji 八 口 一 standing in for ハ ロ ー")
S("invisible_char", "bluesky", "hw-rumoi.bsky.social", "ハローワーク留萌【公式】\u202e",
  "", "rumoi_x", "trailing RLO override character; X handle on Bluesky")

# ---- ハローワーク札幌東 (X HWsa_higashi, published name begins with @) -----------------------
S("handle_homoglyph", "x", "HWsa_higashl", "@ハローワーク札幌東【公式】", "", "higa_x", "i->l")
S("handle_typo", "x", "HWsa_higasi", "ハローワーク札幌東【公式】",
  "", "higa_x", "shi->si romanisation")
S("name_decoration", "x", "HWsa_higashi_", "ハローワーク札幌東 公式📢",
  "東区・白石区・厚別区の求人情報", "higa_x", "trailing underscore; megaphone emoji")
S("name_decoration", "x", "HW_sa_higashi", "ハローワーク\u3000札幌東【公式】",
  "", "higa_x", "ideographic space U+3000 in name; underscore added")
S("cross_platform_reuse", "instagram", "hwsa_higashi", "@ハローワーク札幌東【公式】",
  "", "higa_x", "X handle on Instagram, name copied with the @")

# ---- ハローワーク札幌 (X HW_Sapporo) ---------------------------------------------------
S("handle_homoglyph", "x", "HW_Sapp0ro", "ハローワーク札幌【公式】", "", "sap_x", "o->0")
S("name_decoration", "x", "HW_Saporo", "ハローワーク.札幌【公式】",
  "", "sap_x", "one p dropped; a dot in the name")
S("handle_affix", "x", "HW_Sapporo_jp", "ハローワーク札幌【公式】JP",
  "札幌市中央区・南区・西区の求人", "sap_x", "_jp / JP appended")
S("width_kana", "x", "HWSapporo", "ﾊﾛｰﾜｰｸ札幌【公式】", "", "sap_x",
  "halfwidth katakana; underscore removed")
S("dash_variant", "x", "HW_Sappor0", "ハロ－ワ－ク札幌【公式】",
  "", "sap_x", "fullwidth hyphen-minus U+FF0D as the long vowel; o->0")
S("invisible_char", "x", "Hw_Sapporo1", "\ufeffハローワーク札幌【公式】",
  "求人の最新情報をお届け", "sap_x", "leading BOM/ZWNBSP; 1 appended")
S("name_decoration", "x", "HW_SapporoInfo", "ハローワーク札幌 事務局",
  "失業給付の早期受給についてのご相談はDMまで", "sap_x", "事務局 appended; benefit lure")
S("handle_lookalike_abbrev", "x", "HW_Sappoor", "HW札幌",
  "ハローワーク札幌です。お仕事探しをお手伝いします", "sap_x",
  "ro->or transposition; abbreviated name, bio claims to be the office")
S("cross_platform_reuse", "bluesky", "hw-sapporo.bsky.social", "ハローワーク札幌【公式】",
  "", "sap_x", "X handle as Bluesky handle")
S("cross_platform_reuse", "mastodon", "HW_Sapporo@mstdn.jp", "ハローワーク札幌【公式】",
  "ハローワーク札幌の公式アカウントです", "sap_x", "X handle on mstdn.jp")
yt("@hw_sapporo", "ハローワーク札幌【公式】チャンネル",
   "職業訓練・在宅ワークの説明動画。高収入案件はLINEで案内中", "sap_x",
   "X handle reused as YouTube handle", "cross_platform_reuse")
line_fake("ハローワーク札幌【公式】", "求人検索・失業給付の事前受付はこちら", "sap_x",
          "premium LINE id equal to the X handle", "cross_platform_reuse", premium="@hw_sapporo")

# ---- ハローワーク千歳 (X HW_Chitose) ---------------------------------------------------
S("handle_homoglyph", "x", "HW_Chit0se", "ハローワーク千歳【公式】", "", "chit_x", "o->0")
S("kanji_variant", "x", "HW_Chitose_", "ハローワーク千歲【公式】", "", "chit_x",
  "歲 (U+6B72) for 歳; trailing underscore")
S("name_decoration", "x", "HW_Chltose", "ハローワーク・千歳【公式】", "", "chit_x",
  "i->l in handle; ・ inserted in name")
S("width_kana", "x", "HWChitose2", "はろーわーく千歳【公式】", "", "chit_x",
  "hiragana ハローワーク; underscore removed and 2 appended")
S("cross_platform_reuse", "instagram", "hw_chitose", "ハローワーク千歳【公式】",
  "千歳・恵庭の求人", "chit_x", "X handle on Instagram")

# ---- 鹿児島労働局 YouTube channels ---------------------------------------------------------
yt("@kagoshima-shinsotsu-hellotore", "鹿児島労働局新卒応援・ハロトレ情報YouTubeチャンネル",
   "就職に役立つ動画を配信。チャンネル登録で限定求人をご案内", "kg_yt_shin",
   "exact published name on a new channel", "name_copy_new_id")
yt("@kagoshima-pr-douga", "鹿児島労働局企業\u0420R動画YouTubeチャンネル",
   "", "kg_yt_pr", "Cyrillic Р in 'PR'", "script_confusable")
yt("@kagoshima_kigyou_pr", "鹿兒島労働局企業PR動画チャンネル",
   "鹿児島の企業紹介動画。掲載希望の企業様は概要欄のフォームから（掲載料が必要です）", "kg_yt_pr",
   "兒 for 児; 'YouTube' dropped; asks companies for fees", "kanji_variant")
yt("@hw-kokubu", "ハローワーク國分YouTubeチャンネル【公式】", "", "kg_yt_kokubu",
   "國 for 国", "kanji_variant")
yt("@hwkokubu_official", "ハローワーク国分YouTubeチャンネル[公式]",
   "霧島市・姶良市の求人動画", "kg_yt_kokubu", "【公式】->[公式]", "name_decoration")
yt("@hw_kaseda", "ハローワーク加世田YouTubeチャンネル【公式】",
   "チャンネル登録者限定で高収入のお仕事を紹介中", "kg_yt_kaseda",
   "exact name on a new channel; high-income job lure", "name_copy_new_id")
yt("@hw-ibusuki", "ハローワーク指宿Y\u043euTubeチャンネル【公式】", "", "kg_yt_ibusuki",
   "Cyrillic о in YouTube", "script_confusable")

# ---- 鹿児島労働局 Instagram ---------------------------------------------------------------
S("handle_separator", "instagram", "kagoshima.kunren", "鹿児島労働局訓練課",
  "職業訓練の情報を発信しています", "kg_ig_kunren", "dot inserted")
S("handle_typo", "instagram", "kagosimakunren", "鹿児島労働局訓練課",
  "訓練受講で給付金がもらえる！申込はプロフのリンクから", "kg_ig_kunren",
  "shi->si; benefit lure")
S("kanji_variant", "instagram", "k_taisaku46", "鹿児島労働局職業對策課 人材確保対策等公式アカウント",
  "", "kg_ig_taisaku", "對 for 対; . -> _")
S("handle_typo", "instagram", "k.taisaku64", "鹿児島労働局職業対策課",
  "人材確保のご相談はDMへ", "kg_ig_taisaku", "digits swapped; name truncated")
S("handle_typo", "instagram", "kagoshima_shinsotu_hw", "鹿児島新卒応援ハローワーク【公式】",
  "", "kg_ig_shin", "tsu->tu")
S("kanji_variant", "instagram", "kagoshima.shinsotsu.hw", "鹿児嶋新卒応援ハローワーク【公式】",
  "鹿児島の就活生を応援！", "kg_ig_shin", "嶋 for 島; _ -> .")
S("name_decoration", "instagram", "kagoshima_shinsotsu_hw_", "鹿児島新卒応援ハローワーク［公式］",
  "", "kg_ig_shin", "fullwidth square brackets; trailing underscore")
S("handle_homoglyph", "instagram", "hw_kan0ya", "ハローワークかのや【公式】", "", "kg_ig_kanoya", "o->0")
S("handle_separator", "instagram", "hw.kanoya", "ハローワーク鹿屋【公式】",
  "鹿屋・大隅の求人情報", "kg_ig_kanoya", "_ -> .; かのや written in kanji")

# ---- 鹿児島労働局 X 46Kunrenka ---------------------------------------------------------
S("handle_affix", "x", "46Kunrenka_", "【公式】鹿児島労働局 ミドルシニア世代活躍支援",
  "", "kg_x_mid", "trailing underscore; name copied")
S("name_decoration", "x", "46Kunrennka", "鹿児島労働局 ミドルシニア世代活躍支援【公式】",
  "50代からの再就職を応援", "kg_x_mid", "【公式】 moved to the end; n doubled")
S("name_decoration", "x", "46Kunrenca", "鹿児島労働局ミドルシニア世代活躍支援事務局",
  "シニア向けの簡単なお仕事を紹介。登録料不要・DMください", "kg_x_mid",
  "k->c; 事務局 appended; job-offer lure")
S("cross_platform_reuse", "bluesky", "46kunrenka.bsky.social",
  "【公式】鹿児島労働局 ミドルシニア世代活躍支援", "", "kg_x_mid", "X handle as Bluesky handle")

# ---- 鹿児島労働局訓練課 Facebook (profile.php?id=61578961199265) ---------------------------
S("name_copy_new_id", "facebook", None, "鹿児島労働局訓練課",
  "友達になってくれた方の中から抽選で職業訓練教材セットをプレゼント。当選はメッセンジャーでお知らせします",
  "kg_fb_kunren", "same name, another numeric profile; friend-request prize lure",
  url="https://www.facebook.com/profile.php?id=%s" % fb_id())
S("name_decoration", "facebook", None, "鹿児島労働局訓練課・職業訓練のご案内",
  "受講申込の代行を承ります（手数料3,000円）", "kg_fb_kunren",
  "suffix appended; fee-taking lure",
  url="https://www.facebook.com/profile.php?id=%s" % fb_id())

# ---- 鹿児島労働局 LINE accounts (known only by lin.ee links) --------------------------------
line_fake("ハローワークかごしま【公式】🏢",
          "失業給付の前払い申請を受付中。友だち追加後にマイナンバーカードの写真を送ってください",
          "kg_line_hw", "decorated name; asks for ID photos (Hello Work never does)", "name_decoration")
line_fake("ハローワークかごしま L\u0406NE 公式アカウント", "", "kg_line_hw",
          "Cyrillic І in LINE; service name used as display name", "script_confusable")
line_fake("マザーズハローワーク鹿兒島", "ママ向けの在宅ワークを友だち限定でご紹介",
          "kg_line_moth", "兒 for 児 and kanji place name", "kanji_variant")
line_fake("ハローワーク川内(マザ一ズコ一ナ一)", "子育てママの高収入在宅ワーク紹介",
          "kg_line_sendai", "kanji 一 for the long vowel mark; halfwidth parentheses", "dash_variant")
line_fake("ﾊﾛｰﾜｰｸかのや（ﾏｻﾞｰｽﾞｺｰﾅｰ）", "友だち追加で子育て応援金を申請できます",
          "kg_line_kanoya", "halfwidth katakana", "width_kana")
line_fake("ハローワーク國分（マザーズコーナー）", "友だち追加で保育料補助の申請ができます（先着順）", "kg_line_kokubu", "國 for 国", "kanji_variant")

# ---- 文京区 @b_diverjinzai ----------------------------------------------------------------
S("handle_homoglyph", "x", "b_diverjinzal", "文京区中小企業ダイバーシティ人材採用促進事業",
  "", "bun_x", "i->l at the end")
S("handle_typo", "x", "b_diverijnzai", "文京区 中小企業ダイバーシティ人材採用促進事業",
  "文京区の中小企業への就職を支援します", "bun_x", "j/i transposed; space")
S("kanji_variant", "x", "bdiverjinzai", "文京區中小企業ダイバーシティ人材採用促進事業",
  "", "bun_x", "區 for 区; underscore removed")
S("name_decoration", "x", "b_diverjinzai2", "文京区中小企業ダイバーシティ人材採用促進事業 事務局",
  "採用支援金の申請受付中。企業の担当者様はDMでご連絡ください", "bun_x",
  "2 appended; 事務局 appended; subsidy lure aimed at employers")
S("dash_variant", "x", "b_dlverjinzai", "文京区中小企業ダイバ一シティ人材採用促進事業",
  "", "bun_x", "i->l; kanji 一 for ー")
S("handle_lookalike_abbrev", "x", "b_diverjinzaii", "文京区ダイバー人材【公式】",
  "文京区ダイバーシティ人材採用促進事業の公式アカウント", "bun_x",
  "i doubled; name shortened to the policy's own abbreviation ダイバー人材")
S("invisible_char", "x", "b_diverjinzai_", "\u2060文京区中小企業ダイバーシティ人材採用促進事業",
  "", "bun_x", "leading WORD JOINER U+2060")
S("cross_platform_reuse", "bluesky", "b-diverjinzai.bsky.social",
  "文京区中小企業ダイバーシティ人材採用促進事業", "", "bun_x", "X handle as Bluesky handle")
S("cross_platform_reuse", "mastodon", "b_diverjinzai@mastodon-japan.net",
  "文京区中小企業ダイバーシティ人材採用促進事業", "", "bun_x", "X handle on mastodon-japan.net")
S("cross_platform_reuse", "instagram", "b_diverjinzai", "文京区 ダイバーシティ人材採用促進事業【公式】",
  "", "bun_x", "X handle on Instagram")
S("cross_platform_reuse", "facebook", "bunkyo.diverjinzai", "文京区中小企業ダイバーシティ人材採用促進事業",
  "", "bun_x", "program name on Facebook")

n_suspect = len(records)

# ======================================================================================
# CLEAR (hard honest negatives)
# ======================================================================================
def CX(cls, platform, handle, name, bio, note, **k):
    C(cls, platform, handle, name, bio, None, note, **k)

# other public bodies: Hello Work offices not in the registry
CX("other_public_body", "x", "HW_Hakodate", "ハローワーク函館",
   "函館公共職業安定所の公式アカウントです。函館・北斗・七飯の求人情報をお知らせします。", "other Hokkaido office")
CX("other_public_body", "x", "hw_asahikawa", "ハローワーク旭川【公式】",
   "旭川公共職業安定所（北海道労働局）の公式アカウント", "other Hokkaido office")
CX("other_public_body", "x", "hw_sapporokita", "ハローワーク札幌北【公式】",
   "札幌北公共職業安定所です。北区・東区の一部を担当しています。", "other Sapporo office; 札幌北 != 札幌/札幌東")
CX("other_public_body", "x", "HW_Otaru", "ハローワーク小樽",
   "小樽公共職業安定所の公式アカウントです", "other Hokkaido office")
CX("other_public_body", "x", "hw_kushiro", "ハローワーク釧路【公式】",
   "釧路・根室地域の求人やセミナー情報", "other Hokkaido office")
CX("other_public_body", "x", "hw_izumi_kago", "ハローワーク出水【公式】",
   "出水公共職業安定所（鹿児島労働局）です", "other Kagoshima office")
CX("other_public_body", "x", "hw_naze", "ハローワーク名瀬（奄美）",
   "名瀬公共職業安定所の公式アカウント。奄美大島の求人情報", "other Kagoshima office")
CX("other_public_body", "x", "kmm_shinsotsu", "熊本新卒応援ハローワーク【公式】",
   "熊本新卒応援ハローワークです。熊本県内の新卒・既卒者の就職を支援します", "same office type, other prefecture")
CX("other_public_body", "x", "f_wakaharo", "福岡わかものハローワーク【公式】",
   "福岡わかものハローワーク（福岡市中央区）の公式アカウントです。", "same office type in Fukuoka; handle one letter from s_wakaharo")
CX("other_public_body", "x", "mothershw_tokyo", "マザーズハローワーク東京",
   "子育てをしながら就職を希望する方を支援します（渋谷区）", "same office type in Tokyo")
CX("other_public_body", "x", "MHLWitter", "厚生労働省",
   "厚生労働省の公式アカウントです。", "parent ministry; handle is a substring of HKDMHLWitter")
CX("other_public_body", "x", "tokyo_roudou", "東京労働局",
   "東京労働局の公式アカウントです", "other labour bureau")
CX("other_public_body", "x", "miyazaki_roudou", "宮崎労働局【公式】",
   "宮崎労働局の公式X。なりすまし電話にご注意ください", "other labour bureau")
CX("other_public_body", "x", "hokkaido_pref", "北海道庁",
   "北海道の公式アカウントです（総合政策部広報広聴課）", "prefectural government, not the labour bureau")
CX("other_public_body", "x", "obihiro_city", "帯広市役所",
   "帯広市の公式アカウントです", "city named like the office")
CX("other_public_body", "x", "chitose_city", "千歳市【公式】",
   "北海道千歳市の公式アカウントです", "city named like the office")
CX("other_public_body", "x", "rumoi_city", "留萌市",
   "留萌市役所の公式アカウント。市政情報をお届けします", "city named like the office")
CX("other_public_body", "x", "kagoshima_city", "鹿児島市",
   "鹿児島市の公式アカウントです", "city")
CX("other_public_body", "x", "kagoshima_pref", "鹿児島県庁",
   "鹿児島県の公式アカウントです", "prefecture")
CX("other_public_body", "x", "bunkyo_tokyo", "文京区役所",
   "東京都文京区の公式アカウントです", "the ward itself, not the program account")
CX("other_public_body", "x", "bunkyo_lib", "文京区立図書館",
   "文京区立図書館の公式アカウントです。開館情報やイベントのお知らせ", "ward library")
CX("other_public_body", "x", "toshima_jinzai", "豊島区中小企業人材確保支援事業",
   "豊島区内中小企業の人材確保を支援する事業の公式アカウントです", "parallel program of another ward")
CX("other_public_body", "x", "hkd_rodoseisaku", "北海道経済部労働政策局",
   "北海道（道庁）の雇用・労働施策に関する情報", "prefectural labour division")
# people / students
CX("person", "x", "chitose_yukari", "千歳ゆかり",
   "イラストレーター。猫と紅茶が好き。お仕事のご依頼はメールで", "person surnamed 千歳")
CX("person", "x", "haruto_obihiro", "はると｜帯広在住の就活生",
   "26卒｜帯広→札幌で就活中｜ハローワークにもお世話になってます", "student mentioning Hello Work")
CX("person", "x", "kokubu_taro", "国分 太郎",
   "霧島市在住。釣りとキャンプ", "person surnamed 国分")
CX("person", "x", "midsenior_job", "55歳からの転職日記",
   "ミドルシニアの再就職体験を書いています（個人）", "blogger on middle/senior re-employment")
# schools
CX("school", "x", "sapporo_higashi", "北海道札幌東高等学校",
   "札幌東高校の公式アカウントです", "school named 札幌東")
CX("school", "x", "bgu_bunkyo", "文京学院大学",
   "文京学院大学の公式アカウントです", "university with 文京 in its name")
# fans / aggregators declaring themselves unofficial
CX("unofficial_aggregator", "x", "hwsapporo_mtm", "ハローワーク札幌の求人まとめ(非公式)",
   "ハローワーク札幌の新着求人を個人でまとめています。公式アカウントではありません。", "declares unofficial")
CX("unofficial_aggregator", "x", "hellowork_bot", "ハローワーク求人新着bot（非公式・個人運営）",
   "ハローワークインターネットサービスの新着求人を自動投稿。厚生労働省とは無関係です", "declares unofficial")
# generic names
CX("generic_name", "x", "shukatsu_shien", "就活支援",
   "就活のコツや面接対策を発信します", "generic")
CX("generic_name", "x", "kyujin_hokkaido", "求人情報 北海道",
   "北海道の求人情報を紹介するアカウントです（民間）", "generic")
CX("generic_name", "x", "kunren_navi", "職業訓練ナビ",
   "職業訓練・ハロトレの選び方を解説する民間の情報サイトです", "generic")
CX("shop_business", "x", "kanoya_ramen", "らーめん かのや",
   "鹿屋市のラーメン屋です。定休日は水曜", "shop with かのや in name")

# Instagram
CX("other_public_body", "instagram", "kanoya_city", "鹿屋市【公式】",
   "鹿児島県鹿屋市の公式インスタグラムです", "city; kanoya handle")
CX("other_public_body", "instagram", "kagoshimacity_official", "鹿児島市役所",
   "鹿児島市の魅力を発信中", "city")
CX("other_public_body", "instagram", "fukuoka.shinsotsu.hw", "福岡新卒応援ハローワーク【公式】",
   "福岡新卒応援ハローワークの公式アカウントです", "same office type, other prefecture; handle parallels sapporo.sinsotu.hw")
CX("other_public_body", "instagram", "mhw.nippori", "マザーズハローワーク日暮里",
   "マザーズハローワーク日暮里（東京労働局）", "same office type in Tokyo")
CX("other_public_body", "instagram", "kagoshima_gisen", "鹿児島県立鹿児島高等技術専門校",
   "職業訓練校の日々の様子をお届けします", "prefectural training school")
CX("other_public_body", "instagram", "ibusuki_kanko", "指宿市観光協会",
   "指宿の砂むし温泉・菜の花・グルメ情報", "tourism association")
CX("other_public_body", "instagram", "bunkyo_official", "文京区 Bunkyo City",
   "文京区の公式インスタグラム", "the ward itself")
CX("person", "instagram", "kokubu.miki", "国分美紀 | 鹿児島のママフォトグラファー",
   "出張撮影・七五三・家族写真", "person surnamed 国分, mentions ママ")
CX("person", "instagram", "sapporo_shukatsu_diary", "札幌就活日記🌸 26卒",
   "札幌で就活中の大学生。説明会や面接の記録", "student")
CX("shop_business", "instagram", "kaseda_bakery", "加世田ベーカリー",
   "南さつま市加世田のパン屋さん", "shop named 加世田")

# Facebook
CX("other_public_body", "facebook", "city.sapporo", "札幌市",
   "札幌市の公式Facebookページです", "city")
CX("other_public_body", "facebook", "chitose.city", "千歳市",
   "千歳市の公式ページです", "city")
CX("other_public_body", "facebook", "hokkaido.unyu", "北海道運輸局",
   "国土交通省北海道運輸局の公式Facebookページ", "other national bureau in Hokkaido")
CX("other_public_body", "facebook", "kagoshima.pref", "鹿児島県",
   "鹿児島県の公式Facebookページです", "prefecture")
CX("other_public_body", "facebook", "satsumasendai.city", "薩摩川内市",
   "薩摩川内市の公式ページです", "city containing 川内")
CX("shop_business", "facebook", "sapporo.cci", "札幌商工会議所",
   "札幌商工会議所の公式Facebookページです", "chamber of commerce")
CX("unofficial_aggregator", "facebook", "hokkaido.kyujin.matome", "北海道ハローワーク求人情報（非公式まとめ）",
   "ハローワークの求人を個人で紹介しています。ハローワークとは関係ありません。", "declares unofficial")

# YouTube
def CY(cls, handle, name, bio, note):
    C(cls, "youtube", handle, name, bio, None, note,
      url="https://www.youtube.com/%s" % handle, id=uc_id())

CY("other_public_body", "@MHLWchannel", "厚生労働省", "厚生労働省の公式YouTubeチャンネルです", "ministry")
CY("other_public_body", "@hokkaido-pref", "北海道公式チャンネル", "北海道庁が運営する公式チャンネル", "prefecture")
CY("other_public_body", "@kagoshima-pref", "鹿児島県公式チャンネル", "鹿児島県の公式YouTubeチャンネル", "prefecture")
CY("other_public_body", "@ibusuki-city", "指宿市公式チャンネル", "指宿市の魅力を動画で発信", "city named like the office")
CY("other_public_body", "@tokyo-roudoukyoku", "東京労働局", "東京労働局の公式チャンネルです", "other labour bureau")
CY("person", "@kaseda-sanpo", "加世田さんぽ【南さつま市】", "加世田の町をのんびり歩く個人チャンネル", "personal channel")
CY("shop_business", "@kokubu-kitchen", "国分キッチン", "霧島市国分の洋食屋。まかない動画", "restaurant")

# LINE
def CL(cls, name, bio, note):
    lid = line_basic()
    C(cls, "line", lid, name, bio, None, note, url="https://line.me/R/ti/p/%s" % lid)

CL("other_public_body", "ハローワーク函館", "函館公共職業安定所のLINE公式アカウントです", "other office")
CL("other_public_body", "鹿児島市", "鹿児島市の公式LINEです。ごみ出し・防災情報", "city")
CL("other_public_body", "鹿屋市", "鹿屋市公式LINE", "city かのや")
CL("other_public_body", "文京区", "文京区公式LINEアカウント", "the ward")
CL("other_public_body", "マザーズハローワーク東京", "マザーズハローワーク東京の公式LINE", "same office type in Tokyo")

# Bluesky
CX("other_public_body", "bluesky", "city.bunkyo.lg.jp", "文京区",
   "文京区の公式Blueskyアカウントです", "ward with its own lg.jp domain handle")
CX("person", "bluesky", "chitose-photo.bsky.social", "千歳の写真日記",
   "千歳市の空と飛行機を撮っています（個人）", "person")
CX("unofficial_aggregator", "bluesky", "kyujin-hokkaido.bsky.social", "北海道の求人まとめ（非公式bot）",
   "ハローワーク等の公開求人を自動で紹介する非公式botです", "declares unofficial")

# Mastodon
CX("person", "mastodon", "sapporo_life@mstdn.jp", "札幌ぐらし",
   "札幌で暮らす会社員のつぶやき", "person")
CX("unofficial_aggregator", "mastodon", "kagoshima_jobs@mstdn.jp", "鹿児島の求人bot（非公式）",
   "鹿児島県内の公開求人を流すbot。公的機関とは無関係", "declares unofficial")
CX("person", "mastodon", "bunkyo_walk@fedibird.com", "文京区さんぽ",
   "文京区の坂道と銭湯を記録しています", "person")

n_clear = len(records) - n_suspect

# ======================================================================================
# GENUINE (registry accounts as an API would return them)
# ======================================================================================
G("case_variant", "x", "hw_sapporo", "ハローワーク札幌【公式】",
  "札幌公共職業安定所（ハローワーク札幌）の公式アカウントです", "sap_x",
  "lower-case handle, x.com URL")
G("at_prefix", "x", "@HKDMHLWitter", "北海道労働局", "北海道労働局の公式アカウントです", "hkd_x",
  "@ prefix, twitter.com URL", url_style="twitter")
G("display_name_drift", "x", "S_shinsotu_yell",
  "札幌新卒応援ハローワーク【公式】(25卒・26卒・既卒者の就活支援) 北海道札幌市",
  "", "shin_x", "graduation years updated since the policy was published")
G("case_variant", "x", "wnfs2dleh0gtpa5", "【高校生支援用】札幌新卒応援ハローワーク", "", "koko_x",
  "all lower case", url="https://twitter.com/wnfs2dleh0gtpa5")
G("display_name_drift", "x", "HWsa_higashi", "ハローワーク札幌東【公式】", "", "higa_x",
  "current name without the leading @")
G("display_name_drift", "x", "@hw_obihiro", "ハローワーク帯広【公式】", "", "obi_x",
  "shortened current name, @ prefix")
G("case_variant", "x", "46kunrenka", "【公式】鹿児島労働局 ミドルシニア世代活躍支援", "", "kg_x_mid",
  "lower case")
G("case_variant", "x", "B_DiverJinzai", "文京区中小企業ダイバーシティ人材採用促進事業【公式】",
  "文京区区民部経済課が運用しています", "bun_x", "mixed case handle; 【公式】 added to current name",
  url="https://twitter.com/b_diverjinzai")
G("id_as_handle", "youtube", "UCU37RXEEsFqGdyxu1FBkK6w", "北海道労働局", "", "hkd_yt",
  "channel id given as the handle", url="https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w")
G("id_match", "youtube", "@hwkokubu", "ハローワーク国分YouTubeチャンネル【公式】", "", "kg_yt_kokubu",
  "@handle unknown to the registry; channel id in the id field",
  url="https://www.youtube.com/@hwkokubu", id="UCKxOV1MV1McuSb0IPDoS2-g")
G("url_variant", "youtube", None, "鹿児島労働局 新卒応援・ハロトレ情報", "", "kg_yt_shin",
  "no handle; channel URL with ?view_as=subscriber; slightly different current name",
  url="https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber")
G("url_variant", "instagram", "k.taisaku46", "鹿児島労働局職業対策課 人材確保対策等公式アカウント", "",
  "kg_ig_taisaku", "http URL with ?hl=ja", url="http://www.instagram.com/k.taisaku46/?hl=ja")
G("at_prefix", "instagram", "@hw_kanoya", "ハローワークかのや【公式】", "", "kg_ig_kanoya",
  "@ prefix; URL with ?hl=ja", url="https://www.instagram.com/hw_kanoya/?hl=ja")
G("exact", "instagram", "mhw.sapporo", "マザーズハローワーク札幌", "", "moth_ig", "as published")
G("at_prefix", "line", "@ogz4781d", "札幌新卒応援ハローワーク", "", "shin_line",
  "basic id with @")
G("url_variant", "line", "tkh1850j", "マザーズハローワーク札幌", "", "moth_line",
  "basic id without @; line.me URL", url="https://line.me/R/ti/p/@tkh1850j?from=page")
G("url_variant", "line", None, "マザーズハローワークかごしま", "", "kg_line_moth",
  "known only by its lin.ee link", url="https://lin.ee/dFysG1l")
G("url_variant", "facebook", "mhlw.hokkaido", "北海道労働局", "", "hkd_fb",
  "facebook.com without www or trailing slash", url="https://facebook.com/mhlw.hokkaido")
G("id_match", "facebook", None, "鹿児島労働局訓練課", "", "kg_fb_kunren",
  "numeric profile id, no username", url="https://www.facebook.com/profile.php?id=61578961199265",
  id="61578961199265")
G("url_variant", "facebook", "札幌新卒応援ハローワーク-149635718569446", "札幌新卒応援ハローワーク", "",
  "shin_fb", "page URL percent-encoded as an API returns it",
  url="https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/",
  id="149635718569446")

n_genuine = len(records) - n_suspect - n_clear

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u00ad"
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "candidates.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for r in records:
        line = json.dumps(r, ensure_ascii=False)
        # invisible / format characters are written as \u escapes so the file stays reviewable
        for ch in INVISIBLE:
            line = line.replace(ch, "\\u%04x" % ord(ch))
        f.write(line + "\n")
print("suspect", n_suspect, "clear", n_clear, "genuine", n_genuine, "total", len(records))
