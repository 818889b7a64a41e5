"""Hand-written candidate lines of holdout4, with their labels.

Labels follow /tmp/h4/policy.md (copied into README.md): they are decided here, by hand,
line by line; nothing is computed from a detector.
"""
import random

import pools
import registry as R

# Unrelated pool pictures, interleaved so that neighbouring lines get different kinds.
_POOL_KINDS = [("portrait", 26), ("landscape", 10), ("food", 6), ("animal", 6), ("abstract", 10), ("silhouette", 8)]
POOL = []
for _i in range(26):
    for _kind, _n in _POOL_KINDS:
        if _i < _n:
            POOL.append(("pool", _kind, _i))


class Builder:
    def __init__(self, order, accounts):
        self.order = order
        self.acc = accounts
        self.lines = []
        self.pi = 0
        self.ti = 0
        self.ui = 0
        self.rng = random.Random(4242)
        self.used = set()

    # -- pools ---------------------------------------------------------------
    def person(self):
        p = pools.PERSONS[self.pi % len(pools.PERSONS)]
        self.pi += 1
        return p

    def topic(self):
        t = pools.TOPICS[self.ti % len(pools.TOPICS)]
        self.ti += 1
        return t

    def who(self, n):
        """Alternate person-like and topical names."""
        return self.person() if n % 2 == 0 else self.topic()

    def upic(self):
        p = POOL[self.ui % len(POOL)]
        self.ui += 1
        return p

    # -- handles and urls ----------------------------------------------------
    def basic_id(self):
        r = self.rng
        L = "abcdefghijklmnopqrstuvwxyz"
        if r.random() < 0.5:
            return "".join(r.choice(L) for _ in range(3)) + "".join(r.choice("0123456789") for _ in range(4)) + r.choice(L)
        return "".join(r.choice("0123456789") for _ in range(3)) + "".join(r.choice(L) for _ in range(5))

    def yt_id(self):
        A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
        return "UC" + "".join(self.rng.choice(A) for _ in range(22))

    def fmt(self, platform, base):
        """A valid handle for the platform from a free base, unique among the candidates."""
        k = 0
        while True:
            h = self._fmt(platform, base)
            if k:
                suf = str(k + 1)
                if platform == "x":
                    h = h.rstrip("_")[:15 - len(suf)] + suf
                elif platform == "bluesky":
                    h = h.replace(".bsky.social", suf + ".bsky.social")
                elif platform == "mastodon":
                    u, i = h.split("@", 1)
                    h = f"{u}{suf}@{i}"
                else:
                    h = h.rstrip("_.") + suf
            if (platform, h.lower()) not in self.used:
                return h
            k += 1

    def _fmt(self, platform, base):
        if platform == "x":
            h = base.replace(".", "_").replace("-", "_")
            return h[:15]
        if platform == "instagram":
            return base.lower().replace("-", "_")[:30]
        if platform == "facebook":
            return base.replace("_", ".").replace("-", ".").strip(".")
        if platform == "youtube":
            return "@" + base.replace(".", "-")
        if platform == "bluesky":
            h = base.lower().replace("_", "-").replace(".", "-").strip("-")
            return h + ".bsky.social"
        if platform == "mastodon":
            inst = pools.MASTODON_INSTANCES[sum(map(ord, base)) % len(pools.MASTODON_INSTANCES)]
            return base.replace(".", "_").replace("-", "_") + "@" + inst
        if platform == "line":
            return "@" + self.basic_id()
        raise ValueError(platform)

    @staticmethod
    def url_for(platform, handle, id_=None):
        h = handle.lstrip("@") if handle else None
        if platform == "x":
            return f"https://x.com/{h}"
        if platform == "instagram":
            return f"https://www.instagram.com/{h}/"
        if platform == "facebook":
            return f"https://www.facebook.com/{h}/" if h else f"https://www.facebook.com/profile.php?id={id_}"
        if platform == "youtube":
            return f"https://www.youtube.com/@{h}" if h else f"https://www.youtube.com/channel/{id_}"
        if platform == "bluesky":
            return f"https://bsky.app/profile/{h}"
        if platform == "mastodon":
            user, inst = h.split("@", 1)
            return f"https://{inst}/@{user}"
        if platform == "line":
            return f"https://page.line.me/{h}"
        raise ValueError(platform)

    # -- targets ---------------------------------------------------------------
    def tp(self, pic, platform):
        hs = R.holders(pic, self.order)
        same = [k for k in hs if self.acc[k]["platform"] == platform]
        return (same or hs)[0]

    def tn(self, office, platform, pic=None):
        ks = R.OFFICE[office]
        same = [k for k in ks if self.acc[k]["platform"] == platform]
        if same:
            return same[0]
        if pic:
            withpic = [k for k in ks if R.PICTURE.get(k) == pic]
            if withpic:
                return withpic[0]
        return ks[0]

    def ref(self, key):
        a = self.acc[key]
        o = {"platform": a["platform"]}
        if a.get("handle"):
            o["handle"] = a["handle"].lstrip("@")
        else:
            o["url"] = a["url"]
        if a.get("id"):
            o["id"] = a["id"]
        return o

    # -- the line ----------------------------------------------------------------
    def add(self, label, cls, platform, name, handle=None, avatar=None, target=None, pic=None,
            office=None, note="", grey=False, bio=None, url=None, id_=None, extra=None):
        if handle is None and platform == "line" and label != "genuine":
            handle = "@" + self.basic_id()
        if platform == "youtube" and id_ is None and label != "genuine":
            id_ = self.yt_id()
        if handle is not None and label != "genuine":
            hk = (platform, handle.lower())
            if hk in self.used:
                raise SystemExit(f"duplicate candidate account {hk}")
            self.used.add(hk)
        if url is None:
            url = self.url_for(platform, handle, id_)
        if bio is None:
            bio = ""
        alts = []
        if target:
            want = []
            if pic:
                want += R.holders(pic, self.order)
            if office:
                want += R.OFFICE[office]
            seen = set()
            for k in self.order:
                if k in want and k != target and k not in seen:
                    seen.add(k)
                    alts.append(self.ref(k))
        rec = {"platform": platform}
        if handle is not None:
            rec["handle"] = handle
        rec["display_name"] = name
        rec["url"] = url
        rec["_avatar"] = avatar
        rec["bio"] = bio
        if id_ is not None:
            rec["id"] = id_
        if extra:
            rec.update(extra)
        rec["label"] = label
        rec["class"] = cls
        if target:
            a = self.acc[target]
            rec["target_platform"] = a["platform"]
            rec["target_handle"] = a["handle"].lstrip("@") if a.get("handle") else None
            rec["target_url"] = a["url"]
            rec["target_id"] = a.get("id")
        else:
            rec["target_platform"] = None
            rec["target_handle"] = None
            rec["target_url"] = None
            rec["target_id"] = None
        rec["alt_targets"] = alts
        rec["note"] = note
        rec["grey"] = bool(grey)
        self.lines.append(rec)
        return rec


def sbio(b, i):
    return pools.BIO_SUSPECT[i % len(pools.BIO_SUSPECT)]


def build(order, accounts):
    b = Builder(order, accounts)
    A = accounts
    n = 0

    # =========================================================================
    # GENUINE: every registry account as a platform would return it.
    # =========================================================================
    def gen(key, avatar=None, name=None, note="", grey=False, bio="", handle="__seed__", url=None,
            id_="__seed__", extra=None):
        a = A[key]
        h = a.get("handle") if handle == "__seed__" else handle
        i = a.get("id") if id_ == "__seed__" else id_
        b.add("genuine", "genuine", a["platform"], a["display_name"] if name is None else name,
              handle=h, avatar=avatar or ("g", R.PICTURE[key]), target=key, note=note, grey=grey,
              bio=bio, url=url or a["url"], id_=i, extra=extra)

    gen("bunkyo_x", url="https://x.com/b_diverjinzai", bio="文京区中小企業ダイバーシティ人材採用促進事業の公式アカウントです。",
        note="the registry account as X returns it")
    gen("hkd_x", url="https://x.com/HKDMHLWitter", avatar=("x", "T_BUR", [("jpeg", 85)]),
        bio="北海道労働局の公式アカウントです。", note="x.com form of the published twitter.com URL; picture re-encoded (JPEG 85)")
    gen("hkd_fb", bio="北海道労働局の公式Facebookページです。")
    gen("hkd_yt", url="https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w", bio="北海道労働局の公式チャンネルです。")
    gen("sshin_x", name="札幌新卒応援ハローワーク【公式】(24卒・25卒・既卒者の就活支援) 北海道札幌市",
        url="https://x.com/S_shinsotu_yell", note="display name updated to the next graduation years (23卒・24卒 → 24卒・25卒); same account by handle",
        bio="札幌新卒応援ハローワークの公式アカウントです。")
    gen("sshin_hs_x", url="https://twitter.com/wnfS2dleh0GTpA5", avatar=("x", "D_SHS", [("jpeg", 80)]),
        note="picture re-encoded by the platform (JPEG 80)")
    gen("waka_x", url="https://x.com/s_wakaharo", bio="札幌わかものハローワークです。34歳以下の方の就職を支援します。")
    gen("smoth_x", name="マザーズハローワーク札幌【GW休館のお知らせ】", url="https://x.com/s_mothersHW",
        note="seasonal notice appended to the display name; same account by handle")
    gen("obihiro_x", url="https://x.com/hw_obihiro")
    gen("rumoi_x", name="ハローワーク留萌【公式】【年末年始のお知らせ】", url="https://x.com/HW_Rumoi",
        note="seasonal notice appended to the display name; same account by handle")
    gen("higashi_x", name="ハローワーク札幌東【公式】", url="https://x.com/HWsa_higashi",
        note="the platform shows the name without the stray leading @ of the published list; same account by handle")
    gen("sapporo_x", url="https://x.com/HW_Sapporo", avatar=("x", "D_SAPPORO", [("resize", 200)]),
        note="picture as the 200 px size the API hands out")
    gen("chitose_x", name="ハローワーク千歳【公式】🎍", url="https://x.com/HW_Chitose",
        note="New Year emoji appended; same account by handle")
    gen("sshin_fb", url="https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/",
        note="percent-encoded form of the published URL; page id as published")
    gen("sshin_line", url="https://page.line.me/ogz4781d", note="page.line.me form; basic id as published")
    gen("smoth_line", url="https://page.line.me/tkh1850j", avatar=("x", "T_MOTH", [("jpeg", 82)]),
        note="page.line.me form; picture re-encoded")
    gen("chitose_line", note="URL exactly as published (kin.ee, see the registry note)")
    gen("sshin_ig", name="札幌新卒応援ハローワーク【公式】就活支援/北海道", url="https://www.instagram.com/sapporo.sinsotu.hw/")
    gen("smoth_ig", bio="マザーズハローワーク札幌の公式Instagramです。子育てしながら働きたい方を応援します。")
    gen("kyt_shin", url="https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg",
        note="canonical channel URL without ?view_as=subscriber; id as published")
    gen("kyt_pr", avatar=("x", "T_BUR", [("resize", 240)]), note="thumbnail size as the API returns it")
    gen("kokubu_yt", handle="@hwkokubu", url="https://www.youtube.com/@hwkokubu",
        note="channel found through its @handle (not in the registry); the id is the registry's, so it is the same channel")
    gen("kaseda_yt", url="https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg")
    gen("ibusuki_yt", name="ハローワーク指宿YouTubeチャンネル【公式】",
        bio="ハローワーク指宿の公式チャンネルです。求人情報や各種セミナーの動画を配信しています。")
    gen("kunren_ig", url="https://www.instagram.com/kagoshimakunren/")
    gen("taisaku_ig", url="https://www.instagram.com/k.taisaku46/", note="URL without ?hl=ja and in https")
    gen("kshin_ig", url="https://www.instagram.com/kagoshima_shinsotsu_hw/", avatar=("x", "T_SHIN", [("jpeg", 84)]),
        note="picture re-encoded by the platform")
    gen("kanoya_ig", url="https://www.instagram.com/hw_kanoya/")
    gen("middle_x", url="https://x.com/46Kunrenka", bio="鹿児島労働局が運営する、ミドルシニア世代の活躍を支援する公式アカウントです。")
    gen("khw_line", avatar=("x", "D_KHW", [("jpeg", 80)]))
    gen("kmoth_line")
    gen("sendai_line", name="ハローワーク川内（マザーズコーナー）【年末年始休業】",
        note="seasonal notice appended; same account by its published short URL")
    gen("kanoya_line", avatar=("x", "D_KANOYA", [("resize", 240)]))
    gen("kokubu_line")
    gen("kunren_fb", bio="鹿児島労働局職業安定部訓練課の公式Facebookページです。ハロートレーニング（公的職業訓練）の情報をお届けします。")
    # Extra representations of registry accounts.
    gen("rumoi_x", handle="hw_rumoi", url="https://x.com/hw_rumoi", name="ハローワーク留萌【公式】",
        note="handle in lower case: X compares handles case-insensitively, so this is @HW_Rumoi")
    gen("hkd_fb", url="https://m.facebook.com/mhlw.hokkaido", avatar=("x", "T_BUR", [("resize", 200)]),
        note="mobile URL of the same Page")
    gen("chitose_line", url="https://lin.ee/T7nMfHh", handle=None, grey=True,
        note="GREY: the published URL is kin.ee/T7nMfHh, which the registry itself says is almost certainly a typo for lin.ee/T7nMfHh; same name and picture as the registry account, so labelled as that account")

    # =========================================================================
    # PICTURE ATTACKS: unrelated names and handles; only the picture decides.
    # =========================================================================
    def picline(cls, platform, pic, ops, note, grey=False, target=None, name=None, handle=None):
        nonlocal n
        nm, hb = b.who(n)
        n += 1
        t = target or b.tp(pic, platform)
        av = ("g", pic) if ops is None else ("x", pic, ops)
        b.add("suspect", cls, platform, name or nm, handle=handle or b.fmt(platform, hb), avatar=av,
              target=t, pic=pic, note=note, grey=grey,
              bio=pools.BIO_TOPIC[n % len(pools.BIO_TOPIC)] if n % 2 else pools.BIO_PERSON[n % len(pools.BIO_PERSON)])

    for pf, pic in [("x", "D_RUMOI"), ("instagram", "D_SAPPORO"), ("x", "D_KANOYA"), ("instagram", "D_KUNREN"),
                    ("facebook", "T_HW"), ("line", "T_MOTH"), ("bluesky", "D_TAISAKU"), ("x", "D_BUNKYO"),
                    ("youtube", "D_KASEDA"), ("instagram", "D_MASCOT"), ("line", "D_KHW")]:
        picline("pic_exact", pf, pic, None, "byte-identical copy of the genuine picture")
    picline("pic_exact", "x", "T_HW", None,
            "GREY: national Hello Work mark copied under a generic Hello Work name that names no office; the copied picture alone makes it look like an official Hello Work channel, so suspect; any holder of the mark is a right target",
            grey=True, name="ハローワーク求人情報（全国）", handle="kyujin_zenkoku")

    for pf, pic, q in [("x", "D_WAKA", 35), ("instagram", "D_LILAC", 45), ("facebook", "D_MIDDLE", 30),
                       ("youtube", "T_SHIN", 50), ("x", "D_CHITOSE", 40), ("x", "D_SHS", 55),
                       ("instagram", "D_KASEDA", 60), ("facebook", "T_BUR", 35), ("x", "D_KHW", 40),
                       ("instagram", "D_BUNKYO", 30), ("x", "D_TAISAKU", 50), ("mastodon", "D_RUMOI", 45)]:
        picline("pic_jpeg", pf, pic, [("jpeg", q)], f"JPEG re-encode at quality {q}")

    for pf, pic, px in [("x", "D_SAPPORO", 64), ("line", "T_HW", 48), ("facebook", "D_KUNREN", 96),
                        ("instagram", "D_KANOYA", 72), ("x", "D_MASCOT", 48), ("instagram", "T_MOTH", 80),
                        ("facebook", "D_TAISAKU", 64), ("bluesky", "D_BUNKYO", 56), ("x", "D_KASEDA", 88),
                        ("x", "T_SHIN", 64), ("instagram", "D_MIDDLE", 96), ("youtube", "D_RUMOI", 48)]:
        picline("pic_resize", pf, pic, [("resize", px)], f"downsized to {px}x{px} px")

    for pf, pic, box, back in [("x", "D_RUMOI", (0.1, 0.1, 0.1, 0.1), True),
                               ("instagram", "D_KHW", (0.2, 0.0, 0.05, 0.15), False),
                               ("x", "T_HW", (0.12, 0.12, 0.12, 0.12), True),
                               ("facebook", "D_SAPPORO", (0.25, 0.1, 0.25, 0.1), False),
                               ("line", "D_MASCOT", (0.05, 0.2, 0.05, 0.0), True),
                               ("instagram", "D_LILAC", (0.15, 0.15, 0.15, 0.15), True),
                               ("x", "D_WAKA", (0.0, 0.1, 0.2, 0.1), False),
                               ("youtube", "T_BUR", (0.08, 0.08, 0.08, 0.08), True),
                               ("bluesky", "D_KANOYA", (0.18, 0.1, 0.18, 0.2), True),
                               ("x", "D_MIDDLE", (0.1, 0.2, 0.1, 0.0), False),
                               ("instagram", "D_CHITOSE", (0.0, 0.25, 0.0, 0.0), False),
                               ("x", "D_SHS", (0.2, 0.2, 0.05, 0.05), True)]:
        l, t, r, bb = box
        how = "zoomed back to full size" if back else "kept at the cut size"
        picline("pic_crop", pf, pic, [("crop", l, t, r, bb, back)],
                f"cropped l={l:.0%} t={t:.0%} r={r:.0%} b={bb:.0%}, {how}")

    for pf, pic in [("x", "D_SAPPORO"), ("instagram", "D_RUMOI"), ("x", "T_SHIN"), ("facebook", "D_KANOYA"),
                    ("line", "D_CHITOSE"), ("instagram", "T_HW"), ("x", "D_MASCOT"), ("youtube", "D_KHW"),
                    ("mastodon", "D_WAKA"), ("instagram", "D_TAISAKU"), ("x", "D_LILAC"), ("facebook", "D_BUNKYO")]:
        picline("pic_mirror", pf, pic, [("mirror",)], "mirrored left-right")

    for pf, pic, op, what in [("x", "D_KANOYA", ("hue", 120), "hue shifted by 120°"),
                              ("instagram", "T_SHIN", ("hue", 200), "hue shifted by 200°"),
                              ("facebook", "D_RUMOI", ("hue", 60), "hue shifted by 60°"),
                              ("x", "D_WAKA", ("hue", 270), "hue shifted by 270°"),
                              ("x", "D_SAPPORO", ("grey",), "greyscale"),
                              ("instagram", "D_MASCOT", ("grey",), "greyscale"),
                              ("youtube", "D_KASEDA", ("grey",), "greyscale"),
                              ("line", "T_MOTH", ("grey",), "greyscale"),
                              ("x", "T_HW", ("invbg",), "flat background inverted, design kept"),
                              ("instagram", "T_SHIN", ("invbg",), "flat background inverted, design kept"),
                              ("bluesky", "D_MASCOT", ("invbg",), "flat background inverted, design kept"),
                              ("facebook", "T_BUR", ("invbg",), "flat background inverted, design kept")]:
        picline("pic_colour", pf, pic, [op], what)

    for pf, pic, op in [("x", "D_RUMOI", ("band", "求人情報", 0.18)),
                        ("instagram", "D_KANOYA", ("sticker", "NEW", 0.42)),
                        ("x", "T_HW", ("band", "まとめ", 0.16, "#222222", "#FFFFFF", "top")),
                        ("facebook", "D_SAPPORO", ("sticker", "速報", 0.45, "#E63946", "#FFFFFF")),
                        ("line", "D_MASCOT", ("band", "就活", 0.2, "#1D3557")),
                        ("instagram", "D_TAISAKU", ("sticker", "PR", 0.4, "#FFFFFF", "#111111", "bl")),
                        ("youtube", "D_KASEDA", ("band", "LIVE", 0.15, "#FF0000")),
                        ("x", "T_MOTH", ("sticker", "ママ", 0.44, "#FFB5A7", "#5A2A27", "br")),
                        ("x", "D_CHITOSE", ("band", "フォロー歓迎", 0.17, "#FFFFFF", "#333333")),
                        ("instagram", "D_LILAC", ("sticker", "春", 0.4, "#FFFFFF", "#8E44AD", "tl")),
                        ("bluesky", "D_KUNREN", ("band", "資格", 0.19, "#E8590C")),
                        ("facebook", "T_BUR", ("sticker", "info", 0.38, "#2A9D8F", "#FFFFFF", "br"))]:
        what = "text band" if op[0] == "band" else "round sticker"
        picline("pic_overlay", pf, pic, [op], f"{what} 「{op[1]}」 covering at most a fifth of the picture")

    for pf, pic, op, what in [("x", "D_SAPPORO", ("circle", "white"), "circular mask on white"),
                              ("instagram", "T_SHIN", ("circle", "black"), "circular mask on black"),
                              ("line", "D_KHW", ("circle", "transparent"), "circular mask, transparent PNG"),
                              ("x", "D_KUNREN", ("circle", "transparent"), "circular mask, transparent PNG"),
                              ("facebook", "D_RUMOI", ("circle", "white"), "circular mask on white"),
                              ("youtube", "T_HW", ("circle", "black"), "circular mask on black"),
                              ("x", "D_MIDDLE", ("border", 0.08, "#222222"), "dark border (8 %) then rescaled"),
                              ("instagram", "D_KANOYA", ("border", 0.06, "#FFFFFF"), "white border (6 %) then rescaled"),
                              ("bluesky", "T_MOTH", ("border", 0.1, "#F6C90E"), "yellow border (10 %) then rescaled"),
                              ("x", "D_WAKA", ("pad", 0.2, 0, 0.2, 0, "#FFFFFF"), "white padding left and right (non-square)"),
                              ("facebook", "D_BUNKYO", ("pad", 0.1, 0.1, 0.1, 0.1, "#EEEEEE"), "grey padding all round"),
                              ("mastodon", "D_TAISAKU", ("pad", 0, 0.15, 0, 0.15, "#000000"), "black padding top and bottom (non-square)")]:
        picline("pic_frame", pf, pic, [op], what)

    for pf, pic, ops, what in [("x", "D_RUMOI", [("crop", 0.1, 0.1, 0.1, 0.1, True), ("jpeg", 40)], "zoom 10 % + JPEG 40"),
                               ("instagram", "D_KANOYA", [("mirror",), ("resize", 80)], "mirror + 80 px"),
                               ("facebook", "T_HW", [("grey",), ("circle", "white")], "greyscale + circle on white"),
                               ("x", "D_SAPPORO", [("hue", 40), ("band", "求人", 0.15)], "hue 40° + text band"),
                               ("line", "T_MOTH", [("border", 0.08, "#FFFFFF"), ("jpeg", 35)], "white border + JPEG 35"),
                               ("youtube", "D_KASEDA", [("crop", 0.15, 0.15, 0.15, 0.15, True), ("mirror",)], "zoom 15 % + mirror"),
                               ("instagram", "D_MASCOT", [("sticker", "就活", 0.4), ("resize", 96)], "sticker + 96 px"),
                               ("x", "T_SHIN", [("invbg",), ("jpeg", 45)], "inverted background + JPEG 45"),
                               ("bluesky", "D_KHW", [("circle", "transparent"), ("resize", 64)], "transparent circle + 64 px"),
                               ("x", "D_TAISAKU", [("grey",), ("crop", 0.1, 0.1, 0.1, 0.1, True)], "greyscale + zoom 10 %"),
                               ("instagram", "D_LILAC", [("hue", 90), ("jpeg", 50)], "hue 90° + JPEG 50"),
                               ("mastodon", "D_BUNKYO", [("mirror",), ("pad", 0.1, 0.1, 0.1, 0.1, "#FFFFFF")], "mirror + white padding")]:
        picline("pic_combo", pf, pic, ops, what)

    # Template pictures under a name that names a registry office holding that template.
    def tmpl(platform, pic, name, office, ops, note, hb):
        t = b.tn(office, platform, pic)
        av = ("g", pic) if ops is None else ("x", pic, ops)
        b.add("suspect", "pic_template_office", platform, name, handle=b.fmt(platform, hb), avatar=av, target=t,
              pic=pic, office=office, note=note, bio=sbio(b, len(b.lines)))

    tmpl("facebook", "T_HW", "帯広公共職業安定所", "obihiro", None,
         "national Hello Work mark + the formal name of the Obihiro office (registry alias)", "obihiro.shokuan")
    tmpl("instagram", "T_HW", "ハロワ千歳 求人", "chitose", [("jpeg", 60)],
         "national Hello Work mark (JPEG 60) + colloquial ハロワ千歳", "chitose_kyujin_box")
    tmpl("youtube", "T_HW", "国分職安チャンネル", "kokubu", None,
         "national Hello Work mark + 国分職安 (職安 = 公共職業安定所)", "kokubu-shokuan")
    tmpl("x", "T_HW", "指宿のハローワーク", "ibusuki", [("resize", 96)],
         "national Hello Work mark (96 px) + 指宿のハローワーク", "ibusuki_jobs")
    tmpl("line", "T_HW", "札幌東 職業安定所", "higashi", None,
         "national Hello Work mark + 札幌東 職業安定所 (the 札幌東 office)", None)
    tmpl("x", "T_SHIN", "鹿児島 新卒ハロワ", "kshin", None,
         "新卒応援 badge + 鹿児島 新卒ハロワ (the Kagoshima new-graduate office)", "shinsotsu_kgsm")
    tmpl("instagram", "T_SHIN", "札幌 新卒応援", "sshin", [("crop", 0.05, 0.05, 0.05, 0.05, True)],
         "新卒応援 badge (zoom 5 %) + 札幌 新卒応援; the office's Instagram account is the same-platform target", "spr_shinsotsu_oen")
    tmpl("x", "T_MOTH", "マザーズ 川内", "sendai", None,
         "マザーズ mark + マザーズ 川内 (the Sendai office's mothers' corner)", "mothers_sendai")
    tmpl("instagram", "T_MOTH", "まざーず札幌", "smoth", [("resize", 120)],
         "マザーズ mark (120 px) + まざーず札幌 in hiragana", "mazazu_sapporo")
    tmpl("facebook", "T_MOTH", "国分 マザーズコーナー", "kokubu", None,
         "マザーズ mark + 国分 マザーズコーナー (the Kokubu office's LINE account holds the mark)", "kokubu.mothers")
    tmpl("instagram", "T_BUR", "北海道労働局 広報", "hkd", [("jpeg", 55)],
         "labour-bureau emblem (JPEG 55) + 北海道労働局 広報", "hkd_roudou_koho")
    tmpl("x", "T_BUR", "鹿児島労働局 企業PR", "kyt_pr", None,
         "labour-bureau emblem + 鹿児島労働局 企業PR (the bureau's company-PR channel holds the emblem)", "kgsm_kigyo_pr")

    # Template picture under the name of a registry office that does NOT hold it: the name decides.
    for pf, pic, name, office, hb, note in [
        ("x", "T_HW", "ハローワーク札幌", "sapporo", "spr_work_info",
         "GREY: national Hello Work mark under the name of HW Sapporo, whose own picture is a photo; the name (ハローワーク札幌 without 【公式】) imitates @HW_Sapporo, so suspect with that target; the holders of the mark are listed as alternatives because the picture is copied"),
        ("instagram", "T_SHIN", "札幌わかものハローワーク", "waka", "wakamono_spr_jobs",
         "GREY: 新卒応援 badge under the exact name of 札幌わかものハローワーク (which uses its own picture); the name decides; badge holders listed as alternatives"),
        ("line", "T_MOTH", "ハローワーク加世田", "kaseda", None,
         "GREY: マザーズ mark under the name of HW Kaseda (which shows the national mark on YouTube); the name decides; mark holders listed as alternatives"),
    ]:
        t = R.OFFICE[office][0]
        b.add("suspect", "template_cross_office", pf, name, handle=b.fmt(pf, hb) if hb else None, avatar=("g", pic),
              target=t, pic=pic, office=office, note=note, grey=True, bio=sbio(b, len(b.lines)))

    # =========================================================================
    # NAME ATTACKS: unrelated handle and picture; only the name decides.
    # =========================================================================
    def nameline(cls, platform, name, office, note, grey=False, target=None):
        nonlocal n
        _, hb = b.who(n)
        n += 1
        t = target or b.tn(office, platform)
        b.add("suspect", cls, platform, name, handle=b.fmt(platform, hb), avatar=b.upic(), target=t,
              office=office, note=note, grey=grey, bio=sbio(b, n))

    for pf, nm, of in [("x", "札幌ハローワーク【公式】", "sapporo"), ("instagram", "留萌ハローワーク", "rumoi"),
                       ("facebook", "帯広ハローワーク 公式", "obihiro"), ("line", "千歳ハローワーク", "chitose"),
                       ("youtube", "国分ハローワーク", "kokubu"), ("x", "新卒応援ハローワーク札幌", "sshin"),
                       ("instagram", "新卒応援ハローワーク鹿児島", "kshin"), ("line", "ハローワーク札幌マザーズ", "smoth"),
                       ("facebook", "訓練課 鹿児島労働局", "kunren"), ("bluesky", "ハローワークわかもの札幌", "waka"),
                       ("mastodon", "職業対策課（鹿児島労働局）", "taisaku")]:
        nameline("name_order", pf, nm, of, "words of the genuine name in another order")
    nameline("name_order", "x", "鹿児島ハローワーク求人速報", "khw",
             "GREY: 鹿児島 + ハローワーク is ハローワーク鹿児島 (registry alias of ハローワークかごしま) in swapped order; 速報 is an aggregator word, not a disclaimer, so suspect (compare 北海道ハローワーク求人速報, clear: no such office)",
             grey=True)

    for pf, nm, of in [("x", "ハローワーク｜留萌", "rumoi"), ("instagram", "ハローワーク・帯広", "obihiro"),
                       ("facebook", "札幌・新卒応援・ハローワーク", "sshin"), ("x", "マザーズ／ハローワーク／札幌", "smoth"),
                       ("x", "ハローワーク＿千歳", "chitose"), ("youtube", "ハローワーク\u3000加世田", "kaseda"),
                       ("instagram", "鹿児島労働局｜訓練課", "kunren"), ("bluesky", "鹿児島 新卒応援 ハローワーク", "kshin"),
                       ("line", "ハローワーク・かのや", "kanoya"), ("line", "マザーズハローワーク／かごしま", "kmoth"),
                       ("youtube", "北海道・労働局", "hkd"), ("x", "文京区｜中小企業ダイバーシティ人材採用促進事業", "bunkyo")]:
        nameline("name_separator", pf, nm, of, "separator inserted between the words of the genuine name")

    for pf, nm, of, what in [("x", "札幌新卒ハローワーク", "sshin", "応援 dropped"),
                             ("instagram", "鹿児島新卒ハローワーク", "kshin", "応援 and 【公式】 dropped"),
                             ("facebook", "鹿児島労働局訓練", "kunren", "課 dropped"),
                             ("x", "鹿児島労働局職業対策", "taisaku", "課 and the rest dropped"),
                             ("instagram", "ハローワーク札幌東", "higashi", "@ and 【公式】 dropped"),
                             ("youtube", "ハローワーク国分YouTube", "kokubu", "チャンネル【公式】 dropped"),
                             ("youtube", "鹿児島労働局 新卒・ハロトレ情報", "kyt_shin", "応援 and YouTubeチャンネル dropped"),
                             ("x", "鹿児島労働局企業PR動画", "kyt_pr", "YouTubeチャンネル dropped"),
                             ("mastodon", "札幌わかものハローワーク", "waka", "【公式】 dropped"),
                             ("x", "鹿児島労働局ミドルシニア支援", "middle", "【公式】 and 世代活躍 dropped"),
                             ("facebook", "文京区ダイバーシティ人材採用", "bunkyo", "中小企業 and 促進事業 dropped"),
                             ("line", "ハローワーク川内 マザーズ", "sendai", "コーナー and brackets dropped")]:
        nameline("name_dropword", pf, nm, of, what)

    for pf, nm, of in [("x", "ハローワーク留萌ー", "rumoi"), ("instagram", "ハローワーク帯広～", "obihiro"),
                       ("facebook", "ハローワーク千歳！", "chitose"), ("youtube", "ハローワーク国分🌸", "kokubu"),
                       ("instagram", "【公式】マザーズハローワーク札幌", "smoth"), ("youtube", "［公式］ハローワーク指宿", "ibusuki"),
                       ("x", "＜公式＞鹿児島新卒応援ハローワーク", "kshin"), ("line", "★ハローワークかのや★", "kanoya"),
                       ("facebook", "《北海道労働局》", "hkd"), ("x", "｜札幌わかものハローワーク｜", "waka"),
                       ("bluesky", "✅ハローワーク札幌東✅", "higashi"), ("line", "ハローワークかごしま LINE公式 📢", "khw")]:
        nameline("name_decoration", pf, nm, of, "genuine name with added marks or decorations")

    for pf, nm, of in [("x", "ﾊﾛｰﾜｰｸ留萌", "rumoi"), ("instagram", "ﾊﾛｰﾜｰｸ帯広【公式】", "obihiro"),
                       ("line", "ﾏｻﾞｰｽﾞﾊﾛｰﾜｰｸ札幌", "smoth"), ("youtube", "ハローワーク国分ＹｏｕＴｕｂｅチャンネル", "kokubu"),
                       ("youtube", "鹿児島労働局企業ＰＲ動画", "kyt_pr"), ("youtube", "鹿児島労働局新卒応援・ﾊﾛﾄﾚ情報", "kyt_shin"),
                       ("facebook", "札幌新卒応援ﾊﾛｰﾜｰｸ", "sshin"), ("x", "札幌新卒応援ハローワーク（２３卒・２４卒）", "sshin"),
                       ("instagram", "ﾊﾛｰﾜｰｸかのや", "kanoya"), ("x", "鹿児島労働局 ﾐﾄﾞﾙｼﾆｱ世代活躍支援", "middle"),
                       ("line", "ﾊﾛｰﾜｰｸ千歳", "chitose"), ("bluesky", "ﾊﾛｰﾜｰｸ札幌東", "higashi")]:
        nameline("name_width", pf, nm, of, "half-width kana or full-width Latin/digits in the genuine name")

    for pf, nm, of in [("x", "はろーわーく留萌", "rumoi"), ("instagram", "ハローワークるもい", "rumoi"),
                       ("x", "ハローワークさっぽろ", "sapporo"), ("facebook", "ハローワークおびひろ", "obihiro"),
                       ("line", "はろーわーく千歳", "chitose"), ("youtube", "ハローワークこくぶ", "kokubu"),
                       ("youtube", "ハローワークかせだ", "kaseda"), ("mastodon", "ハローワークいぶすき", "ibusuki"),
                       ("instagram", "マザーズハローワークサッポロ", "smoth"), ("x", "さっぽろ新卒応援ハローワーク", "sshin"),
                       ("instagram", "ハローワークかのゃ", "kanoya")]:
        nameline("name_kana", pf, nm, of, "place or office word in another kana script or with small kana")
    nameline("name_kana", "line", "ハローワークせんだい（マザーズコーナー）", "sendai",
             "GREY: 川内 written せんだい, which also reads as 仙台 (Miyagi, not in the registry); with （マザーズコーナー） it copies the LINE name of ハローワーク川内 exactly, so suspect")

    for pf, nm, of, what in [("x", "ハローワーク帶廣【公式】", "obihiro", "帶廣 = old forms of 帯広"),
                             ("line", "ハローワーク千歲", "chitose", "歲 = variant of 歳"),
                             ("youtube", "ハローワーク國分", "kokubu", "國 = old form of 国"),
                             ("line", "ハローワーク川內（マザーズコーナー）", "sendai", "內 = variant of 内"),
                             ("facebook", "北海道勞働局", "hkd", "勞 = old form of 労"),
                             ("instagram", "鹿兒島労働局訓練課", "kunren", "兒 = old form of 児"),
                             ("instagram", "鹿児嶋新卒応援ハローワーク", "kshin", "嶋 = variant of 島"),
                             ("x", "札幌新卆應援ハローワーク", "sshin", "卆 = variant of 卒, 應 = old form of 応"),
                             ("x", "鹿児島労働局職業對策課", "taisaku", "對 = old form of 対"),
                             ("x", "文京區中小企業ダイバーシティ人材採用促進事業", "bunkyo", "區 = old form of 区"),
                             ("bluesky", "鹿兒嶋労働局企業PR動畫", "kyt_pr", "兒, 嶋 and 畫 = variant forms")]:
        nameline("name_itaiji", pf, nm, of, what)
    nameline("name_itaiji", "x", "【髙校生支援用】札幌新卒応援ハローワーク", "sshin",
             "髙 = variant of 高; exact name of the high-school account otherwise", target="sshin_hs_x")

    for pf, nm, of, what in [("x", "ハロ一ワ一ク留萌", "rumoi", "一 (U+4E00) for ー"),
                             ("instagram", "八ローワーク帯広", "obihiro", "八 (kanji) for ハ"),
                             ("x", "ハ口ーワーク札幌", "sapporo", "口 (kanji) for ロ"),
                             ("facebook", "ハロ－ワ－ク千歳", "chitose", "－ (U+FF0D) for ー"),
                             ("line", "マザーズ八ローワーク札幌", "smoth", "八 for ハ"),
                             ("x", "【公式】鹿児島労働局 ミドルシ二ア世代活躍支援", "middle", "二 (kanji) for ニ"),
                             ("youtube", "鹿児島労働局企業\u0420R動画", "kyt_pr", "Cyrillic Р for Latin P"),
                             ("youtube", "ハローワーク加世田Y\u043euT\u0443b\u0435チャンネル", "kaseda", "Cyrillic о, у, е in YouTube"),
                             ("instagram", "鹿児島新卒応援ハロ―ワ―ク", "kshin", "― (U+2015) for ー"),
                             ("line", "ハローワーク力ノヤ", "kanoya", "力 (kanji) for カ in カノヤ"),
                             ("mastodon", "札幌わかものハ囗ーワーク", "waka", "囗 (U+56D7) for ロ"),
                             ("x", "文京区中小企業ダ亻バーシティ人材採用促進事業", "bunkyo", "亻 (U+4EBB) for イ")]:
        nameline("name_homoglyph", pf, nm, of, what)

    for pf, nm, of, what in [("x", "ハロー\u200bワーク留萌", "rumoi", "ZWSP inside"),
                             ("instagram", "ハローワーク\u200d帯広", "obihiro", "ZWJ inside"),
                             ("facebook", "札幌\u200b新卒応援\u200bハローワーク", "sshin", "two ZWSP"),
                             ("instagram", "マザーズ\u2060ハローワーク札幌", "smoth", "WORD JOINER inside"),
                             ("x", "ハローワーク千歳\U000E0100【公式】", "chitose", "ideographic variation selector after 歳"),
                             ("facebook", "鹿\ufe00児島労働局訓練課", "kunren", "VS1 after 鹿"),
                             ("youtube", "ハローワーク国分\u200c", "kokubu", "trailing ZWNJ"),
                             ("youtube", "ハローワーク\u00ad指宿", "ibusuki", "soft hyphen inside"),
                             ("x", "鹿児島新卒応援\u200bハローワーク", "kshin", "ZWSP inside"),
                             ("line", "ハローワーク\u200bかのや", "kanoya", "ZWSP inside"),
                             ("bluesky", "北海道\u200d労働局", "hkd", "ZWJ inside"),
                             ("x", "\ufeffハローワーク札幌東【公式】", "higashi", "leading BOM (ZWNBSP)")]:
        nameline("name_invisible", pf, nm, of, what)

    for pf, nm, of in [("x", "Hello Work Rumoi", "rumoi"), ("instagram", "Hello Work Obihiro", "obihiro"),
                       ("facebook", "HelloWork Sapporo (official)", "sapporo"), ("x", "Hello Work Chitose", "chitose"),
                       ("youtube", "Hokkaido Labour Bureau", "hkd"), ("youtube", "Hello Work Kokubu Official", "kokubu"),
                       ("instagram", "Mothers Hello Work Sapporo", "smoth"), ("x", "Sapporo Shinsotsu Oen Hello Work", "sshin"),
                       ("line", "Hello Work Kanoya", "kanoya"), ("youtube", "HARO-WAKU IBUSUKI", "ibusuki"),
                       ("instagram", "Kagoshima Labour Bureau Training Division", "kunren")]:
        nameline("name_romaji", pf, nm, of, "genuine name in romaji or English")
    nameline("name_romaji", "x", "Kagoshima Labour Bureau", "kgbureau",
             "GREY: English name of the Kagoshima labour bureau itself, which runs six registry accounts; presents itself as the bureau, so suspect; the bureau's X account is the same-platform target, its other accounts are alternatives",
             grey=True, target="middle_x")

    # The name of a registered body with an unlisted office or 【公式】: presents itself as the body.
    for pf, nm, of, t, hb, note in [
        ("x", "鹿児島労働局【公式】", "kgbureau", "middle_x", "kgsm_roudou_pr",
         "GREY: claims to be the official account of 鹿児島労働局, whose published SNS list has no such account; presents itself as official for the body, so suspect; target is the bureau's X account, its other accounts are alternatives"),
        ("x", "北海道労働局 旭川労働基準監督署", "hkd", "hkd_x", "asahikawa_kntk",
         "GREY: uses the exact name 北海道労働局 with an office (旭川労働基準監督署) that has no account in the bureau's published list; presents itself as an official channel of the bureau, so suspect (if the office really opens an account, the registry should list it)"),
    ]:
        b.add("suspect", "name_body", pf, nm, handle=hb, avatar=b.upic(), target=t, office=of, note=note,
              grey=True, bio="最新情報をお知らせします。")

    # =========================================================================
    # HANDLE ATTACKS: unrelated names and pictures; only the handle decides.
    # =========================================================================
    def hline(cls, platform, handle, target, note, grey=False):
        nonlocal n
        nm, _ = b.who(n)
        n += 1
        b.add("suspect", cls, platform, nm, handle=handle, avatar=b.upic(), target=target,
              office=R.OFFICE_OF[target], note=note, grey=grey,
              bio=pools.BIO_PERSON[n % len(pools.BIO_PERSON)] if n % 2 == 0 else pools.BIO_TOPIC[n % len(pools.BIO_TOPIC)])

    for pf, h, t, what in [("x", "HW_Sapp0ro", "sapporo_x", "0 for o"), ("x", "HW_Rumol", "rumoi_x", "l for i"),
                           ("x", "hw_0bihiro", "obihiro_x", "0 for o"), ("x", "HW_Chit0se", "chitose_x", "0 for o"),
                           ("x", "HKDMHLVVitter", "hkd_x", "VV for W"), ("instagram", "kagoshirnakunren", "kunren_ig", "rn for m"),
                           ("instagram", "hw_kan0ya", "kanoya_ig", "0 for o"), ("instagram", "k.talsaku46", "taisaku_ig", "l for i"),
                           ("x", "s_wakahar0", "waka_x", "0 for o"), ("x", "b_cliverjinzai", "bunkyo_x", "cl for d"),
                           ("line", "@ogz478ld", "sshin_line", "l for 1 in the LINE basic id"),
                           ("line", "@tkh185oj", "smoth_line", "o for 0 in the LINE basic id")]:
        hline("handle_homoglyph", pf, h, t, f"lookalike handle: {what}")

    for pf, h, t, what in [("x", "HWsap_higashi", "higashi_x", "p inserted"), ("x", "46Kunrenkai", "middle_x", "i appended"),
                           ("instagram", "sapporo.shinsotu.hw", "sshin_ig", "h inserted (sinsotu → shinsotu)"),
                           ("x", "HW_Sappro", "sapporo_x", "o deleted"), ("x", "hw_obhiro", "obihiro_x", "i deleted"),
                           ("instagram", "k.taisku46", "taisaku_ig", "a deleted"),
                           ("instagram", "kagoshima_shinsotu_hw", "kshin_ig", "s deleted (shinsotsu → shinsotu)"),
                           ("x", "b_diverjinza", "bunkyo_x", "final i deleted"), ("x", "HW_Rumoy", "rumoi_x", "i → y"),
                           ("instagram", "k.taisaku47", "taisaku_ig", "6 → 7"), ("line", "@ogz4781e", "sshin_line", "d → e"),
                           ("facebook", "mhlw.hokkaida", "hkd_fb", "o → a")]:
        hline("handle_edit", pf, h, t, f"one edit of the genuine handle: {what}")

    for pf, h, t in [("x", "HW_Rumoii", "rumoi_x"), ("x", "HW_Sappporo", "sapporo_x"), ("x", "hw_obihirro", "obihiro_x"),
                     ("x", "HW_Chittose", "chitose_x"), ("x", "s_wakaharro", "waka_x"), ("x", "s_motherssHW", "smoth_x"),
                     ("instagram", "kagoshimakunrenn", "kunren_ig"), ("instagram", "hw_kanooya", "kanoya_ig"),
                     ("instagram", "k.taisaku466", "taisaku_ig"), ("x", "b_diverjinnzai", "bunkyo_x"),
                     ("instagram", "mhw.sappporo", "smoth_ig"), ("x", "46Kunrennka", "middle_x")]:
        hline("handle_double", pf, h, t, "one letter of the genuine handle doubled")

    for pf, h, t in [("x", "HW_Rmuoi", "rumoi_x"), ("x", "HW_Spaporo", "sapporo_x"), ("x", "hw_obhiiro", "obihiro_x"),
                     ("x", "HW_Chtiose", "chitose_x"), ("x", "s_wakahrao", "waka_x"), ("x", "s_mohtersHW", "smoth_x"),
                     ("instagram", "kagoshimaknuren", "kunren_ig"), ("instagram", "hw_kanoay", "kanoya_ig"),
                     ("instagram", "k.tiasaku46", "taisaku_ig"), ("x", "46Kurnenka", "middle_x"),
                     ("x", "HWsa_hgiashi", "higashi_x"), ("instagram", "mhw.sappoor", "smoth_ig")]:
        hline("handle_transpose", pf, h, t, "two neighbouring letters of the genuine handle swapped")

    for pf, h, t in [("x", "hw_obi_hiro", "obihiro_x"), ("x", "HW_Chi_tose", "chitose_x"), ("x", "s_mothers_HW", "smoth_x"),
                     ("x", "s_waka_haro", "waka_x"), ("x", "HW_sa_higashi", "higashi_x"),
                     ("instagram", "kagoshima.kunren", "kunren_ig"), ("instagram", "hw.kanoya", "kanoya_ig"),
                     ("instagram", "k_taisaku46", "taisaku_ig"), ("instagram", "mhw_sapporo", "smoth_ig"),
                     ("instagram", "sapporo_sinsotu_hw", "sshin_ig"), ("facebook", "mhlwhokkaido", "hkd_fb"),
                     ("youtube", "@hw-rumoi", "rumoi_x")]:
        hline("handle_separator", pf, h, t, "separator added, removed or changed (_ . -)")

    for pf, h, t in [("x", "HW_Rumoi_jp", "rumoi_x"), ("x", "HW_Sapporo2", "sapporo_x"), ("x", "hw_obihiro_info", "obihiro_x"),
                     ("x", "HW_Chitose_", "chitose_x"), ("x", "s_mothersHW_jp", "smoth_x"),
                     ("instagram", "kagoshimakunren_official", "kunren_ig"), ("instagram", "hw_kanoya_official", "kanoya_ig"),
                     ("instagram", "k.taisaku46_jp", "taisaku_ig"), ("x", "46Kunrenka_info", "middle_x"),
                     ("x", "_s_wakaharo", "waka_x"), ("facebook", "mhlw.hokkaido.official", "hkd_fb"),
                     ("instagram", "kagoshima_shinsotsu_hw_jp", "kshin_ig")]:
        hline("handle_affix", pf, h, t, "genuine handle with a prefix or suffix")

    for pf, h, t in [("bluesky", "hw-sapporo.bsky.social", "sapporo_x"), ("bluesky", "hw-rumoi.bsky.social", "rumoi_x"),
                     ("bluesky", "kagoshimakunren.bsky.social", "kunren_ig"), ("bluesky", "k-taisaku46.bsky.social", "taisaku_ig"),
                     ("bluesky", "46kunrenka.bsky.social", "middle_x"), ("bluesky", "mhw-sapporo.bsky.social", "smoth_ig"),
                     ("mastodon", "s_mothersHW@pawoo.net", "smoth_x"), ("mastodon", "k_taisaku46@mstdn.jp", "taisaku_ig"),
                     ("mastodon", "hw_obihiro@mstdn.jp", "obihiro_x"), ("mastodon", "HW_Chitose@mastodon-japan.net", "chitose_x"),
                     ("mastodon", "b_diverjinzai@fedibird.com", "bunkyo_x"), ("mastodon", "sapporo_sinsotu_hw@mstdn.jp", "sshin_ig")]:
        hline("handle_fediverse", pf, h, t, "genuine handle reused as the local part on Bluesky/Mastodon, where the bodies have no account")

    for pf, h, t in [("instagram", "hw_rumoi", "rumoi_x"), ("instagram", "hw_sapporo", "sapporo_x"),
                     ("x", "hw_kanoya", "kanoya_ig"), ("x", "kagoshimakunren", "kunren_ig"),
                     ("youtube", "@HW_Chitose", "chitose_x"), ("facebook", "hw.obihiro", "obihiro_x"),
                     ("instagram", "46kunrenka", "middle_x"), ("instagram", "s_mothershw", "smoth_x")]:
        hline("handle_xplatform", pf, h, t, "genuine handle (case folded where the platform requires) taken on a platform where that account does not exist")

    # =========================================================================
    # COMBINATIONS
    # =========================================================================
    def combo(cls, platform, handle, name, target, avatar, note, pic=None, bio=None, grey=False):
        b.add("suspect", cls, platform, name, handle=handle, avatar=avatar, target=target, pic=pic,
              office=R.OFFICE_OF[target], note=note, grey=grey, bio=bio if bio is not None else sbio(b, len(b.lines)))

    for pf, h, nm, t, pic, ops in [
        ("x", "HW_Rum0i", "留萌の海だより", "rumoi_x", "D_RUMOI", [("jpeg", 70)]),
        ("instagram", "kagoshimakunren.jp", "鹿児島のしごと情報", "kunren_ig", "D_KUNREN", None),
        ("x", "hw_obihiro_jp", "十勝おしごと便り", "obihiro_x", "T_HW", [("resize", 96)]),
        ("instagram", "hw_kanoya_", "ばら園の写真", "kanoya_ig", "D_KANOYA", [("circle", "white")]),
        ("line", "@tkh1860j", "ママの働き方ラボ", "smoth_line", "T_MOTH", None),
        ("x", "S_shinsotu_yel1", "就活ニュース北海道", "sshin_x", "T_SHIN", [("jpeg", 50)]),
        ("x", "HWsa_higasi", "求人ピックアップ", "higashi_x", "T_HW", None),
        ("instagram", "k.taisaku_46", "人材確保ナビ", "taisaku_ig", "D_TAISAKU", [("crop", 0.1, 0.1, 0.1, 0.1, True)]),
        ("bluesky", "hw-chitose.bsky.social", "空のまち通信", "chitose_x", "T_HW", [("border", 0.06, "#FFFFFF")]),
        ("x", "b_diverjinzal", "東京の中小企業ニュース", "bunkyo_x", "D_BUNKYO", None),
        ("facebook", "mhlw.hokkaido.jp", "北海道の働き方ニュース", "hkd_fb", "T_BUR", [("hue", 30)]),
        ("instagram", "mhw.sapporo_", "ライラックの街", "smoth_ig", "D_LILAC", [("mirror",)]),
    ]:
        av = ("g", pic) if ops is None else ("x", pic, ops)
        combo("combo_pic_handle", pf, h, nm, t, av, "lookalike handle + copied picture + topical name", pic=pic)

    for pf, h, nm, t, note in [
        ("x", "HW_Sapporo_fan", "ハローワーク札幌（非公式）", "sapporo_x", "非公式 + copied name + genuine handle with _fan"),
        ("x", "HW_Rumoi_bot", "ハローワーク留萌 bot（非公式）", "rumoi_x", "bot/非公式 + genuine handle with _bot"),
        ("instagram", "kagoshimakunren.fan", "鹿児島労働局訓練課 ファンアカウント", "kunren_ig", "ファンアカウント + genuine handle with .fan"),
        ("x", "hw_obihiro_pdy", "帯広おしごとパロディ", "obihiro_x", "パロディ + genuine handle with _pdy"),
        ("bluesky", "s-mothershw.bsky.social", "マザーズハローワーク札幌（非公認）", "smoth_x", "非公認 + genuine handle reused on Bluesky"),
        ("x", "s_wakaharo_fan", "札幌わかものハローワーク ファン", "waka_x", "fan + genuine handle with _fan"),
        ("mastodon", "k_taisaku46@pawoo.net", "職業対策課 bot (unofficial)", "taisaku_ig", "bot/unofficial + genuine handle reused on Mastodon"),
        ("instagram", "hw_kanoya.unofficial", "ハローワークかのや 非公式", "kanoya_ig", "非公式 + genuine handle with .unofficial"),
        ("x", "HW_Chitose_bot", "千歳の求人bot（非公式）", "chitose_x", "bot/非公式 + genuine handle with _bot, topical name"),
        ("x", "46Kunrenka_fan", "ミドルシニア応援 ファンアカ（非公式）", "middle_x", "ファンアカ/非公式 + genuine handle with _fan"),
        ("x", "HKDMHLWitter_p", "北海道労働局 parody", "hkd_x", "parody + genuine handle with _p"),
        ("line", "@ogz4781b", "札幌新卒応援ハローワーク（非公式ファン）", "sshin_line", "非公式ファン + LINE basic id one edit away"),
    ]:
        combo("combo_disclaimer_handle", pf, h, nm, t, b.upic(),
              f"explicit disclaimer does not clear a lookalike handle: {note}",
              bio="※このアカウントは非公式です。")

    for pf, h, nm, t in [
        ("x", "HW_Sapporo_info", "札幌求人速報", "sapporo_x"), ("x", "hw_obihiro2", "帯広求人まとめ", "obihiro_x"),
        ("x", "HW_Rumoi_news", "留萌の仕事情報", "rumoi_x"), ("instagram", "kagoshima_shinsotsu.hw", "鹿児島新卒情報まとめ", "kshin_ig"),
        ("instagram", "hw_kanoya.info", "かのや求人情報", "kanoya_ig"), ("instagram", "k.taisaku46_info", "人材確保 速報", "taisaku_ig"),
        ("x", "s_mothersHWinfo", "ママ求人まとめ札幌", "smoth_x"), ("facebook", "mhlw.hokkaido.news", "北海道労働ニュース速報", "hkd_fb"),
        ("x", "HW_Chitose_jp", "千歳求人速報", "chitose_x"), ("x", "46Kunrenka_news", "シニア求人まとめ", "middle_x"),
        ("instagram", "sapporo.sinsotu.hw.info", "新卒情報まとめ＠札幌", "sshin_ig"), ("x", "b_diverjinzaiJP", "文京区 求人情報まとめ", "bunkyo_x"),
    ]:
        combo("combo_aggregator_handle", pf, h, nm, t, b.upic(),
              "aggregator name (まとめ/速報/情報 are no disclaimers) + lookalike handle; the name alone would be clear",
              bio=pools.BIO_TOPIC[0])

    # Disclaimers that do not clear (grey).
    b.add("suspect", "disclaimer_grey", "x", "ハローワーク帯広", handle="tokachi_jobs", avatar=b.upic(),
          target="obihiro_x", office="obihiro", grey=True, bio="※非公式の個人アカウントです。求人情報をシェアします。",
          note="GREY: exact copy of the office name; the only disclaimer is in the bio, which search results and mentions do not show; platforms ask for the label in the name, so not a labelled fan account: suspect")
    b.add("suspect", "disclaimer_grey", "instagram", "ハローワークかのや（非公式）", handle="bara_daisuki_k", avatar=("g", "D_KANOYA"),
          target="kanoya_ig", pic="D_KANOYA", office="kanoya", grey=True, bio="ファンが運営しています。",
          note="GREY: explicit disclaimer and an unrelated handle (would be clear) but the office's own picture is copied byte for byte; the policy lets a disclaimer clear a copied name only, a copied picture is enough on its own: suspect")

    # =========================================================================
    # CLEAR: hard honest negatives.
    # =========================================================================
    def clear(cls, platform, handle, name, avatar, note, grey=False, bio=""):
        b.add("clear", cls, platform, name, handle=handle, avatar=avatar, note=note, grey=grey, bio=bio)

    for pf, h, nm, bio, note, g in [
        ("x", "taro_kgsm_1990", "鹿児島 太郎", "鹿児島市在住。週末は釣り。", "person whose name is the place word", False),
        ("instagram", "hanako.sapporo.days", "札幌 花子", "札幌で暮らす会社員です。", "person named after the place; handle shares only a word", False),
        ("x", "t_kokubun_1988", "国分 太一郎", "霧島市の会社員。", "国分 is a common surname", False),
        ("facebook", "yuto.kawauchi.77", "川内 優斗", "陸上と旅行。", "川内 is a surname (Kawauchi)", False),
        ("instagram", "saori_ibusuki", "指宿 さおり", "手作りアクセサリー。", "指宿 is a surname", False),
        ("x", "koji_kaseda", "加世田 浩二", "建設業。", "加世田 is a surname; handle shares only a word", False),
        ("x", "chitose_sato", "佐藤 千歳", "千歳 is my name.", "千歳 as a given name", False),
        ("instagram", "hikari_higashi", "東 ひかり", "札幌在住の学生です。", "東 as a surname, lives in Sapporo", False),
        ("youtube", "@kenichi-camp", "帯広在住ケンイチのキャンプ日記", "十勝でキャンプ。", "a person's channel naming his town", False),
        ("line", None, "留萌の漁師 まさる", "漁の様子を発信。", "a person's LINE account naming his town", False),
        ("bluesky", "minami-kanoya.bsky.social", "鹿屋 みなみ", "ゆっくりしています。", "place word as a surname-like name", False),
        ("mastodon", "bunkyo_taro@mstdn.jp", "文京 たろう", "文京区在住。", "place word in a nickname", False),
        ("x", "hanako_spr", "Sapporo Hanako", "", "romaji person name with the place word", False),
        ("x", "miyuki_hw_log", "みゆき｜ハローワーク通い中", "転職活動の記録。ハローワーク札幌に通っています。",
         "GREY: a job seeker's diary; the name says ハローワーク without a place and the bio mentions the office as a place she visits, not as herself; handle shares only 'hw': clear", True),
    ]:
        clear("clear_person", pf, h, nm, ("pool", "portrait", 26 + len(b.lines) % 12), note, grey=g, bio=bio)

    for pf, h, nm, note, g in [
        ("x", "sapporo_kyujin", "札幌求人ナビ株式会社", "company with place + job words", False),
        ("instagram", "staff_satsuma", "鹿児島の派遣会社 スタッフサツマ", "temp agency naming its region", False),
        ("facebook", "obihiro.works", "帯広ワークス（人材派遣）", "company named 帯広ワークス; handle shares only the place word", False),
        ("x", "sorajob_cts", "千歳空港バイト情報｜株式会社ソラジョブ", "company job board for the airport", False),
        ("instagram", "hello_kids_kokubu", "国分ハローキッズ保育園", "GREY: nursery whose name shares ハロー and 国分 with ハローワーク国分 but is another word (ハローキッズ)", True),
        ("x", "rumoi_car", "るもい自動車整備", "garage naming its town", False),
        ("instagram", "kanoya_rose_cafe", "かのやバラ園カフェ", "café named after the town's rose garden, own logo", False),
        ("youtube", "@ibusuki-hotel-saiyo", "指宿温泉ホテル 採用チャンネル", "hotel recruiting channel", False),
        ("x", "mothers_cafe_sp", "マザーズカフェ札幌", "GREY: shares マザーズ and 札幌 with マザーズハローワーク札幌, but it is a café without ハローワーク; clear", True),
        ("instagram", "shinsotsu_navi_kgsm", "新卒応援ナビ鹿児島", "GREY: shares 新卒応援 and 鹿児島, lacks ハローワーク (the distinctive office word); a private job site: clear", True),
        ("x", "wakamono_juku", "わかもの就職塾 札幌", "GREY: shares わかもの and 札幌 with 札幌わかものハローワーク, lacks ハローワーク; a private school: clear", True),
        ("facebook", "bunkyo.dc.consulting", "文京ダイバーシティ採用コンサルティング株式会社", "GREY: shares 文京 and ダイバーシティ採用 with the ward's project, but is a company under its own name: clear", True),
        ("line", None, "ミドルシニア求人の鹿児島キャリア", "GREY: shares ミドルシニア and 鹿児島, but not 鹿児島労働局; a private agency: clear", True),
    ]:
        sub = "Recruit" if "求人" in nm or "採用" in nm else None
        clear("clear_shop", pf, h, nm, ("mark", nm.replace("｜", "\n").replace("（", "\n").replace("）", ""), len(b.lines), sub), note, grey=g,
              bio="お仕事探しをサポートします。" if "求人" in nm or "派遣" in nm else "")

    for pf, h, nm, sym, note, g in [
        ("x", "city_sapporo_pr", "札幌市", "snow", "another body (the city) under its own name and logo", False),
        ("x", "kagoshima_city", "鹿児島市", "mount", "another body under its own name and logo", False),
        ("instagram", "hokkaido_pref", "北海道庁", "star", "another body under its own name and logo", False),
        ("facebook", "kagoshima.pref", "鹿児島県", "wave", "another body under its own name and logo", False),
        ("x", "obihiro_city", "帯広市役所", "leaf", "another body (city hall, not the HW office)", False),
        ("x", "chitose_city_pr", "千歳市", "leaf", "another body", False),
        ("instagram", "kirishima_city", "霧島市", "mount", "another body (the city where 国分 lies)", False),
        ("youtube", "@kanoya-city", "鹿屋市公式チャンネル", "wave", "another body; 公式 for its own name", False),
        ("x", "bunkyo_kosodate", "文京区 子育て支援課", "square", "another section of 文京区, not in the registry, under its own name", False),
        ("x", "tokyo_roudou", "東京労働局", "square", "another prefecture's labour bureau under its own name and logo", False),
        ("facebook", "fukuoka.roudou", "福岡労働局", "square", "another prefecture's labour bureau under its own name and logo", False),
        ("x", "hw_sapporokita", "ハローワーク札幌北【公式】", "snow",
         "GREY: a real Sapporo office that is not in the registry (札幌北), under its own name and logo; close to ハローワーク札幌/札幌東 but 札幌北 is another office; its handle contains hw_sapporo + kita, where kita names its own office rather than being a decorative affix: clear", True),
        ("x", "hokkaido_police", "北海道警察", "shield", "another body", False),
        ("instagram", "kagoshima_police", "鹿児島県警察", "shield", "another body", False),
        ("x", "MHLWitter", "厚生労働省", "square",
         "GREY: the ministry under its own name and logo; its handle is a substring of @HKDMHLWitter but three letters shorter, i.e. the bureau's handle was derived from it, not the other way round: clear", True),
        ("line", None, "ハローワーク名瀬", "wave", "Hello Work office not in the registry, own picture", False),
    ]:
        clear("clear_other_body", pf, h, nm, ("logo", nm.replace("【公式】", "").replace("公式チャンネル", ""), len(b.lines), sym),
              note, grey=g, bio=f"{nm.replace('【公式】', '')}の公式アカウントです。")

    for pf, h, nm, pic, note, g in [
        ("x", "hw_asahikawa", "ハローワーク旭川【公式】", "T_HW", "Hello Work office not in the registry using the national mark under its own name: clear", False),
        ("instagram", "hw_izumi", "ハローワーク出水", "T_HW", "Kagoshima Hello Work office not in the registry, national mark, own name: clear", False),
        ("facebook", "hellowork.hakodate", "ハローワーク函館", "T_HW", "Hello Work office not in the registry, national mark, own name: clear", False),
        ("youtube", "@hw-ijuin", "ハローワーク伊集院チャンネル", "T_HW", "Hello Work office not in the registry, national mark, own name: clear", False),
        ("x", "fukuoka_oen_hw", "福岡新卒応援ハローワーク", "T_SHIN", "new-graduate office of another prefecture with the 新卒応援 badge under its own name: clear", False),
        ("instagram", "mothers_hw_tokyo", "マザーズハローワーク東京", "T_MOTH", "mothers' office of another prefecture with the マザーズ mark under its own name: clear", False),
        ("line", None, "ハローワーク大口（マザーズコーナー）", "T_MOTH",
         "GREY: Kagoshima office not in the registry with the マザーズ mark; its name follows exactly the pattern of three registry LINE accounts but names its own office (大口): clear", True),
        ("x", "aomori_roudou", "青森労働局", "T_BUR", "another labour bureau with the shared labour-bureau emblem under its own name: clear", False),
        ("x", "sapporo_shuro", "札幌市 就労支援課", "T_HW",
         "GREY: the city hall's section with the national Hello Work mark under its own name; the mark is not its logo, but the name names another body (札幌市), so by the policy clear", True),
        ("instagram", "kagoshima_city_wakamono", "鹿児島市 若者就労支援", "T_SHIN",
         "GREY: the city's youth-employment section with the 新卒応援 badge under its own name; names another body: clear", True),
        ("x", "hw_kitami", "ハローワーク北見", "T_HW", "Hello Work office not in the registry, national mark (JPEG 70), own name: clear", False),
    ]:
        av = ("g", pic) if h != "hw_kitami" else ("x", pic, [("jpeg", 70)])
        clear("clear_template_other", pf, h, nm, av, note, grey=g, bio=f"{nm}の公式アカウントです。")

    for pf, h, nm in [
        ("x", "jobmatome_spr", "ハローワーク札幌（非公式）求人まとめ"),
        ("x", "rumoi_job_bot", "【非公式】ハローワーク留萌 求人bot"),
        ("instagram", "mama_fan_spr", "マザーズハローワーク札幌 ファンアカウント"),
        ("instagram", "shikaku_watch_kgsm", "鹿児島労働局訓練課（非公認）"),
        ("x", "cts_parody", "ハローワーク千歳 parody"),
        ("bluesky", "tokachi-fan.bsky.social", "Hello Work Obihiro (unofficial fan)"),
        ("line", None, "ハローワークかのや 非公式bot"),
        ("instagram", "shukatsu_kgsm", "鹿児島新卒応援ハローワーク 非公式まとめ"),
        ("youtube", "@kirishima-fan", "ハローワーク国分（非公式ファン）"),
        ("mastodon", "bunkyo_watch@mstdn.jp", "文京区ダイバーシティ人材 bot (unofficial)"),
    ]:
        clear("clear_disclaimer", pf, h, nm, b.upic(),
              "explicit disclaimer in the name + copied name + unrelated handle + unrelated picture: clear by the policy (labelled fan/parody/bot account)",
              bio="※非公式アカウントです。公式とは関係ありません。")

    for i, (pf, h, nm) in enumerate([
        ("x", "user88231907", "yuki"), ("x", "nanashi_0001", "名無しさん"), ("instagram", "kyushoku_chu", "求職中の者"),
        ("facebook", "tanaka.h.5521", "たなか"), ("x", "m_k_2291", "m.k"), ("bluesky", "pontarou.bsky.social", "ぽん太"),
        ("x", "newacc_3321", ""), ("instagram", "atarashii_acc", "新しいアカウント"), ("mastodon", "taro@mastodon.social", "Taro"),
        ("line", None, "よしこ"),
    ]):
        clear("clear_default_pic", pf, h, nm, ("pool", "silhouette", i % 8),
              "default or plain picture, unrelated name and handle")

    for pf, h, nm, note, g in [
        ("x", "hkd_kyujin_soku", "北海道ハローワーク求人速報", "no office is called ハローワーク北海道 (the policy's own example): clear", False),
        ("x", "kgsm_kyujin_mtm", "鹿児島の求人まとめ", "region + job words only", False),
        ("instagram", "doo_kyujin_navi", "道央求人ナビ", "region + job words only", False),
        ("x", "sapporo_baito", "札幌バイト速報", "place + job words, no office named", False),
        ("facebook", "tokachi.shigoto", "十勝の仕事情報", "region + job words only", False),
        ("x", "minamikyushujob", "南九州ジョブ速報", "region + job words only", False),
        ("instagram", "osumi_shigoto", "大隅しごと情報", "region (where 鹿屋 lies) + job words only", False),
        ("x", "kyujin_all_jp", "ハローワーク求人まとめ（全国）", "GREY: names Hello Work in general but no office and no place; unrelated handle and picture: clear", True),
        ("line", None, "石狩・空知 求人情報", "region + job words only", False),
        ("bluesky", "hokkaido-shinsotsu.bsky.social", "北海道 新卒求人まとめ", "region + 新卒 only; no office named", False),
        ("x", "tokachi_hw_news", "十勝ハローワーク求人速報", "GREY: 十勝 is the region the 帯広 office serves, but no office is called ハローワーク十勝: clear", True),
    ]:
        clear("clear_aggregator", pf, h, nm, b.upic(), note, grey=g, bio=pools.BIO_TOPIC[0])

    for pf, h, nm, note in [
        ("x", "sapporo_ramen", "札幌ラーメン日記", "handle shares only the place word"),
        ("x", "kagoshima_bus", "かごしまバス好き", "handle shares only the place word"),
        ("instagram", "obihiro_butadon", "帯広豚丼めぐり", "handle shares only the place word"),
        ("instagram", "chitose_airport_photo", "千歳空港スポッター", "handle shares only the place word"),
        ("x", "rumoi_sunset", "留萌の夕陽", "handle shares only the place word"),
        ("instagram", "kanoya_rosegarden", "バラが好き", "handle shares only the place word"),
        ("youtube", "@kokubu-taiko", "国分太鼓保存会", "handle shares only the place word"),
        ("x", "ibusuki_onsen", "指宿温泉めぐり", "handle shares only the place word"),
        ("bluesky", "kaseda-surf.bsky.social", "吹上浜サーフ", "handle shares only the place word"),
        ("instagram", "bunkyo_walk", "文京さんぽ", "handle shares only the place word"),
        ("x", "mothersday_gift", "母の日ギフト通販", "handle shares only the word 'mothers' with s_mothersHW"),
        ("x", "kunren_karate", "空手道場 訓練会", "handle shares only 'kunren' with kagoshimakunren"),
    ]:
        av = b.upic() if "kagoshima" not in h else ("mark", "かごしま\nバス好き", 3, None)
        clear("clear_shared_word", pf, h, nm, av, note, bio=pools.BIO_TOPIC[1])

    for pf, h, nm, note in [
        ("x", "wakamono_kyujin", "わかものハローワーク",
         "GREY: generic programme name without a place; many offices in Japan carry it and the registry office is 札幌わかものハローワーク; unrelated handle and picture: clear"),
        ("x", "shinsotsu_oenjp", "新卒応援ハローワーク",
         "GREY: generic programme name without a place (both registry offices add 札幌/鹿児島); unrelated handle and picture: clear"),
        ("instagram", "mama_shushoku_info", "マザーズハローワーク",
         "GREY: generic programme name without a place; unrelated handle and picture: clear"),
    ]:
        clear("clear_generic_name", pf, h, nm, b.upic(), note, grey=True, bio=pools.BIO_TOPIC[2])

    # =========================================================================
    # BAD IMAGES: labelled by what the name and handle say.
    # =========================================================================
    b.add("suspect", "bad_image", "x", "ハローワーク留萌【公式】", handle="HW_Rumoi_", avatar=("bad", "text"),
          target="rumoi_x", office="rumoi", bio="", note="avatar is a text file named .png; exact name + handle with trailing _: suspect")
    b.add("clear", "bad_image", "x", "札幌ラーメン日記2", handle="sapporo_ramen_d", avatar=("bad", "truncated_jpeg"),
          note="avatar is a truncated JPEG; unrelated name and handle: clear")
    b.add("suspect", "bad_image", "instagram", "マザーズハローワークかごしま", handle="mama_job_k", avatar=("bad", "random"),
          target="kmoth_line", office="kmoth", note="avatar is random bytes named .png; exact copy of the LINE account's name: suspect")
    b.add("clear", "bad_image", "x", "鹿児島の天気", handle="kgsm_tenki", avatar=("bad", "html"),
          note="avatar is an HTML error page saved as .jpg; unrelated name and handle: clear")
    b.add("suspect", "bad_image", "facebook", "ハロ一ワ一ク千歳", handle="chitose.hw.info", avatar=("bad", "empty"),
          target="chitose_x", office="chitose", note="avatar is an empty file; name with 一 for ー: suspect")

    return b.lines
