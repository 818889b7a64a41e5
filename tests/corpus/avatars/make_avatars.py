#!/usr/bin/env python3
"""Generate the avatar corpus for narisumashi.

    python3 tests/corpus/avatars/make_avatars.py      (needs Pillow: pip install pillow)

Writes, next to this script:
  img/*.png, img/*.jpg   synthetic logo-like avatars and their manipulated copies
  genuine.jsonl          12 genuine registry accounts with their avatars (use as --genuine)
  candidates.jsonl       labelled candidates (label / class / target_* fields)

Everything is deterministic: fixed random seeds, fixed drawing order, no timestamps
in the files (PNG written without metadata).  Re-running reproduces the same
pictures as long as Pillow's PNG/JPEG encoders are the same version.
"""

import json
import os
import random
import shutil

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
IMG = os.path.join(HERE, "img")
SS = 2  # supersampling factor for anti-aliased shapes

FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
]


def font(px):
    for p in FONT_PATHS:
        if os.path.exists(p):
            return ImageFont.truetype(p, px)
    try:
        return ImageFont.load_default(size=px)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


# ---------------------------------------------------------------------------
# drawing primitives (all coordinates in units of the final size, scaled by SS)
# ---------------------------------------------------------------------------

class Canvas:
    def __init__(self, size, bg):
        self.size = size
        self.s = size * SS
        self.im = Image.new("RGB", (self.s, self.s), bg)
        self.d = ImageDraw.Draw(self.im)

    def p(self, v):  # fraction of the side -> pixels
        return int(round(v * self.s))

    def gradient(self, c1, c2, vertical=True):
        g = Image.linear_gradient("L").resize((self.s, self.s))
        if not vertical:
            g = g.rotate(90)
        self.im = Image.composite(Image.new("RGB", self.im.size, c2), Image.new("RGB", self.im.size, c1), g)
        self.d = ImageDraw.Draw(self.im)

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.d.ellipse([self.p(cx - r), self.p(cy - r), self.p(cx + r), self.p(cy + r)],
                       fill=fill, outline=outline, width=self.p(width) if width else 0)

    def rect(self, x0, y0, x1, y1, fill=None, radius=0):
        box = [self.p(x0), self.p(y0), self.p(x1), self.p(y1)]
        if radius:
            self.d.rounded_rectangle(box, radius=self.p(radius), fill=fill)
        else:
            self.d.rectangle(box, fill=fill)

    def poly(self, pts, fill=None):
        self.d.polygon([(self.p(x), self.p(y)) for x, y in pts], fill=fill)

    def line(self, pts, fill, width):
        self.d.line([(self.p(x), self.p(y)) for x, y in pts], fill=fill, width=self.p(width))

    def text(self, cx, cy, s, fill, px):
        f = font(self.p(px))
        self.d.text((self.p(cx), self.p(cy)), s, fill=fill, font=f, anchor="mm")

    def done(self):
        return self.im.resize((self.size, self.size), Image.LANCZOS)


def star_pts(cx, cy, r_out, r_in, n=5, rot=-90):
    import math
    pts = []
    for k in range(2 * n):
        r = r_out if k % 2 == 0 else r_in
        a = math.radians(rot + k * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def snowflake(c, cx, cy, r, col, w):
    import math
    for k in range(6):
        a = math.radians(k * 60)
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        c.line([(cx, cy), (x, y)], col, w)
        for s in (-1, 1):
            b = a + s * math.radians(35)
            mx, my = cx + 0.6 * r * math.cos(a), cy + 0.6 * r * math.sin(a)
            c.line([(mx, my), (mx + 0.3 * r * math.cos(b), my + 0.3 * r * math.sin(b))], col, w * 0.8)


def heart(c, cx, cy, r, col):
    c.circle(cx - r * 0.5, cy - r * 0.2, r * 0.55, fill=col)
    c.circle(cx + r * 0.5, cy - r * 0.2, r * 0.55, fill=col)
    c.poly([(cx - r * 1.02, cy - r * 0.02), (cx + r * 1.02, cy - r * 0.02), (cx, cy + r * 1.05)], fill=col)


# ---------------------------------------------------------------------------
# the shared Hello-Work-style template (used honestly by several offices)
# ---------------------------------------------------------------------------

def hw_template(size, letter, emblem):
    c = Canvas(size, (248, 248, 242))
    c.circle(0.12, 0.1, 0.16, fill=(120, 190, 80))          # leaf accent
    c.circle(0.5, 0.42, 0.3, fill=(215, 232, 250), outline=(30, 80, 160), width=0.03)
    blue = (30, 80, 160)
    if emblem == "tower":      # clock tower
        c.rect(0.44, 0.2, 0.56, 0.34, fill=blue)
        c.poly([(0.41, 0.2), (0.59, 0.2), (0.5, 0.13)], fill=blue)
        c.circle(0.5, 0.265, 0.03, fill=(250, 250, 250))
    elif emblem == "plane":
        c.poly([(0.5, 0.13), (0.53, 0.22), (0.66, 0.28), (0.53, 0.27), (0.52, 0.34), (0.48, 0.34),
                (0.47, 0.27), (0.34, 0.28), (0.47, 0.22)], fill=blue)
    elif emblem == "star":
        c.poly(star_pts(0.5, 0.24, 0.1, 0.045), fill=blue)
    elif emblem == "mountain":
        c.poly([(0.36, 0.33), (0.46, 0.16), (0.52, 0.26), (0.57, 0.19), (0.66, 0.33)], fill=blue)
    elif emblem == "wave":
        for k in range(3):
            y = 0.19 + k * 0.055
            c.line([(0.37, y), (0.43, y - 0.025), (0.5, y), (0.57, y - 0.025), (0.63, y)], blue, 0.018)
    c.text(0.5, 0.5, letter, (20, 60, 140), 0.22)
    c.rect(0, 0.8, 1, 1, fill=(25, 70, 150))
    c.text(0.5, 0.9, "HELLO WORK", (255, 255, 255), 0.085)
    return c.done()


# ---------------------------------------------------------------------------
# 12 genuine avatars
# ---------------------------------------------------------------------------

def g_hokkaido(size):
    c = Canvas(size, (18, 38, 88))
    c.circle(0.5, 0.45, 0.34, outline=(255, 255, 255), width=0.025)
    snowflake(c, 0.5, 0.45, 0.24, (255, 255, 255), 0.03)
    c.text(0.5, 0.88, "HOKKAIDO", (200, 215, 240), 0.09)
    return c.done()


def g_obihiro(size):
    c = Canvas(size, (0, 0, 0))
    c.gradient((40, 150, 160), (10, 80, 100))
    c.circle(0.7, 0.3, 0.12, fill=(250, 205, 60))
    c.poly([(0.0, 0.85), (0.3, 0.38), (0.55, 0.85)], fill=(235, 240, 245))
    c.poly([(0.35, 0.85), (0.65, 0.45), (1.0, 0.85)], fill=(190, 205, 215))
    c.rect(0, 0.85, 1, 1, fill=(60, 120, 60))
    return c.done()


def g_mothers(size):
    c = Canvas(size, (250, 205, 220))
    heart(c, 0.45, 0.45, 0.3, (215, 40, 80))
    heart(c, 0.78, 0.72, 0.1, (245, 120, 150))
    c.text(0.45, 0.43, "M", (255, 255, 255), 0.22)
    return c.done()


def g_shinsotsu_yell(size):
    import math
    c = Canvas(size, (245, 140, 30))
    for k in range(12):
        a = math.radians(180 + k * 15 + 7.5)
        c.poly([(0.5, 0.7), (0.5 + 0.7 * math.cos(a - 0.06), 0.7 + 0.7 * math.sin(a - 0.06)),
                (0.5 + 0.7 * math.cos(a + 0.06), 0.7 + 0.7 * math.sin(a + 0.06))], fill=(250, 175, 70))
    c.circle(0.5, 0.7, 0.22, fill=(255, 225, 60))
    c.rect(0, 0.7, 1, 1, fill=(200, 90, 20))
    c.text(0.5, 0.84, "YELL!", (255, 255, 255), 0.14)
    return c.done()


def g_bunkyo(size):
    c = Canvas(size, (252, 252, 252))
    cols = [(228, 3, 3), (255, 140, 0), (255, 237, 0), (0, 128, 38), (0, 77, 255), (117, 7, 135)]
    for k, col in enumerate(cols):
        c.rect(0.04 + k * 0.06, 0.1, 0.1 + k * 0.06, 0.9, fill=col)
    c.text(0.7, 0.45, "B", (20, 40, 90), 0.42)
    c.poly([(0.7, 0.74), (0.76, 0.8), (0.7, 0.86), (0.64, 0.8)], fill=(0, 77, 255))
    return c.done()


def g_46kunrenka(size):
    c = Canvas(size, (96, 40, 140))
    for k in range(-6, 8):
        x = k * 0.16
        c.poly([(x, 1), (x + 0.06, 1), (x + 1.06, 0), (x + 1, 0)], fill=(125, 70, 170))
    c.circle(0.5, 0.5, 0.3, fill=(70, 20, 110))
    c.text(0.5, 0.5, "46", (255, 255, 255), 0.26)
    return c.done()


GREEN, YELLOW = (28, 128, 70), (250, 210, 40)   # shared colour scheme of two Kagoshima accounts


def g_kunren(size):
    import math
    c = Canvas(size, GREEN)
    for k in range(10):
        a = math.radians(k * 36)
        x, y = 0.5 + 0.3 * math.cos(a), 0.5 + 0.3 * math.sin(a)
        c.circle(x, y, 0.07, fill=YELLOW)
    c.circle(0.5, 0.5, 0.3, fill=YELLOW)
    c.circle(0.5, 0.5, 0.13, fill=GREEN)
    return c.done()


def g_kagoshima_shinsotsu(size):
    c = Canvas(size, GREEN)
    c.poly(star_pts(0.5, 0.42, 0.3, 0.13), fill=YELLOW)
    c.rect(0.1, 0.8, 0.9, 0.83, fill=YELLOW)
    c.text(0.5, 0.9, "SHINSOTSU", YELLOW, 0.08)
    return c.done()


def g_kokubu_yt(size):
    c = Canvas(size, (200, 28, 36))
    c.circle(0.5, 0.5, 0.36, outline=(255, 255, 255), width=0.035)
    c.poly([(0.42, 0.33), (0.42, 0.67), (0.7, 0.5)], fill=(255, 255, 255))
    c.text(0.14, 0.88, "K", (255, 255, 255), 0.12)
    return c.done()


def g_sapporo_line(size):
    c = Canvas(size, (175, 218, 245))
    for i in range(6):
        for j in range(6):
            c.circle(0.08 + i * 0.17, 0.08 + j * 0.17, 0.018, fill=(150, 195, 230))
    c.rect(0.16, 0.2, 0.84, 0.68, fill=(255, 255, 255), radius=0.1)
    c.poly([(0.3, 0.66), (0.44, 0.66), (0.26, 0.82)], fill=(255, 255, 255))
    c.text(0.5, 0.44, "N", (6, 170, 80), 0.28)
    return c.done()


# ---------------------------------------------------------------------------
# other pictures (negatives)
# ---------------------------------------------------------------------------

def d_city_sapporo(size):
    c = Canvas(size, (255, 255, 255))
    for k, r in enumerate([0.42, 0.32, 0.22, 0.12]):
        c.circle(0.5, 0.5, r, fill=(200, 20, 40) if k % 2 == 0 else (255, 255, 255))
    return c.done()


def d_ramen(size):
    c = Canvas(size, (250, 235, 200))
    c.rect(0, 0, 1, 0.25, fill=(140, 20, 20))
    c.poly([(0.15, 0.5), (0.85, 0.5), (0.72, 0.82), (0.28, 0.82)], fill=(30, 30, 30))
    c.rect(0.12, 0.46, 0.88, 0.52, fill=(200, 60, 40))
    for k in range(4):
        c.line([(0.3 + k * 0.1, 0.47), (0.33 + k * 0.1, 0.3)], (240, 220, 140), 0.015)
    return c.done()


def d_volcano(size):
    c = Canvas(size, (0, 0, 0))
    c.gradient((120, 180, 230), (230, 240, 250))
    c.poly([(0.05, 0.9), (0.42, 0.45), (0.58, 0.45), (0.95, 0.9)], fill=(90, 70, 60))
    for k, (x, y, r) in enumerate([(0.5, 0.36, 0.07), (0.56, 0.26, 0.09), (0.64, 0.14, 0.1)]):
        c.circle(x, y, r, fill=(200, 200, 200))
    c.rect(0, 0.9, 1, 1, fill=(40, 90, 160))
    return c.done()


def d_zoo(size):
    c = Canvas(size, (120, 180, 90))
    c.circle(0.5, 0.55, 0.3, fill=(160, 110, 60))
    c.circle(0.28, 0.3, 0.1, fill=(160, 110, 60))
    c.circle(0.72, 0.3, 0.1, fill=(160, 110, 60))
    c.circle(0.4, 0.5, 0.04, fill=(20, 20, 20))
    c.circle(0.6, 0.5, 0.04, fill=(20, 20, 20))
    c.circle(0.5, 0.64, 0.07, fill=(60, 40, 20))
    return c.done()


def d_library(size):
    c = Canvas(size, (245, 240, 225))
    cols = [(120, 40, 40), (40, 80, 120), (60, 110, 60), (150, 110, 30), (90, 60, 120)]
    for k, col in enumerate(cols):
        c.rect(0.15 + k * 0.14, 0.25 + (k % 2) * 0.05, 0.27 + k * 0.14, 0.8, fill=col)
    c.rect(0.1, 0.8, 0.9, 0.85, fill=(100, 70, 40))
    return c.done()


def d_clouds(size):
    c = Canvas(size, (0, 0, 0))
    c.gradient((60, 140, 220), (180, 220, 250))
    for x, y, r in [(0.3, 0.4, 0.12), (0.42, 0.35, 0.15), (0.56, 0.4, 0.12), (0.65, 0.7, 0.1), (0.76, 0.66, 0.12)]:
        c.circle(x, y, r, fill=(255, 255, 255))
    return c.done()


def d_sunset(size):
    c = Canvas(size, (0, 0, 0))
    c.gradient((250, 120, 40), (90, 30, 90))
    c.circle(0.5, 0.62, 0.2, fill=(255, 200, 80))
    c.rect(0, 0.62, 1, 1, fill=(30, 40, 80))
    for k in range(4):
        c.rect(0.35 + k * 0.02, 0.66 + k * 0.07, 0.65 - k * 0.02, 0.68 + k * 0.07, fill=(220, 150, 70))
    return c.done()


def d_lanterns(size):
    c = Canvas(size, (25, 20, 50))
    for i in range(3):
        for j in range(3):
            c.rect(0.12 + i * 0.28, 0.1 + j * 0.3, 0.32 + i * 0.28, 0.32 + j * 0.3, fill=(230, 60, 40), radius=0.08)
    return c.done()


def default_silhouette(size, bg, fg):
    c = Canvas(size, bg)
    c.circle(0.5, 0.38, 0.17, fill=fg)
    c.circle(0.5, 0.98, 0.34, fill=fg)
    return c.done()


def plain(size, col):
    return Image.new("RGB", (size, size), col)


def noise_photo(size, seed):
    rng = random.Random(seed)
    small = Image.new("RGB", (16, 16))
    base = [rng.randrange(256) for _ in range(3)]
    small.putdata([tuple(max(0, min(255, b + rng.randint(-70, 70))) for b in base) for _ in range(256)])
    im = small.resize((size, size), Image.BICUBIC)
    grain = Image.effect_noise((size, size), 18 + rng.randrange(20)).convert("RGB")
    return Image.blend(im, grain, 0.18).filter(ImageFilter.GaussianBlur(1))


def gradient_photo(size, seed):
    rng = random.Random(seed)
    c1 = tuple(rng.randrange(256) for _ in range(3))
    c2 = tuple(rng.randrange(256) for _ in range(3))
    g = Image.linear_gradient("L").resize((size, size)).rotate(rng.randrange(360), resample=Image.BICUBIC, expand=False)
    im = Image.composite(Image.new("RGB", (size, size), c2), Image.new("RGB", (size, size), c1), g)
    grain = Image.effect_noise((size, size), 25).convert("RGB")
    return Image.blend(im, grain, 0.1)


# ---------------------------------------------------------------------------
# manipulations
# ---------------------------------------------------------------------------

def resized(im, px):
    return im.resize((px, px), Image.LANCZOS)


def cropped(im, l, t, r, b):
    """Cut fractions l,t,r,b off the left/top/right/bottom edges, then resize back."""
    w, h = im.size
    box = (int(w * l), int(h * t), int(w * (1 - r)), int(h * (1 - b)))
    return im.crop(box).resize((w, h), Image.LANCZOS)


def hue_rotate(im, deg):
    h, s, v = im.convert("HSV").split()
    shift = int(round(deg / 360 * 255))
    h = h.point(lambda x: (x + shift) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB")


def brightness(im, f):
    return ImageEnhance.Brightness(im).enhance(f)


def saturation(im, f):
    return ImageEnhance.Color(im).enhance(f)


def mirrored(im):
    return ImageOps.mirror(im)


# ---------------------------------------------------------------------------
# file writing
# ---------------------------------------------------------------------------

def save(im, name, quality=None):
    path = os.path.join(IMG, name)
    if name.endswith(".jpg"):
        im.convert("RGB").save(path, "JPEG", quality=quality or 88, optimize=True)
    else:
        im.save(path, "PNG", optimize=True)
    return "img/" + name


def copy_bytes(src_rel, name):
    shutil.copyfile(os.path.join(HERE, src_rel), os.path.join(IMG, name))
    return "img/" + name


def load(rel):
    return Image.open(os.path.join(HERE, rel)).convert("RGB")


# ---------------------------------------------------------------------------
# the genuine accounts (real registry accounts from the seeds)
# ---------------------------------------------------------------------------

GENUINE = [
    # key, platform, handle, display name, url, drawer, size
    ("g01", "x", "HW_Sapporo", "ハローワーク札幌【公式】", "https://twitter.com/HW_Sapporo",
     lambda s: hw_template(s, "S", "tower"), 400),
    ("g02", "x", "HW_Chitose", "ハローワーク千歳【公式】", "https://twitter.com/HW_Chitose",
     lambda s: hw_template(s, "C", "plane"), 400),
    ("g03", "x", "HKDMHLWitter", "北海道労働局", "https://twitter.com/HKDMHLWitter", g_hokkaido, 400),
    ("g04", "x", "hw_obihiro", "ハローワーク帯広(帯広公共職業安定所)【公式】", "https://twitter.com/hw_obihiro", g_obihiro, 320),
    ("g05", "x", "s_mothersHW", "マザーズハローワーク札幌", "https://twitter.com/s_mothersHW", g_mothers, 400),
    ("g06", "x", "S_shinsotu_yell", "札幌新卒応援ハローワーク【公式】(23卒・24卒・既卒者の就活支援) 北海道札幌市",
     "https://twitter.com/S_shinsotu_yell", g_shinsotsu_yell, 400),
    ("g07", "x", "b_diverjinzai", "文京区中小企業ダイバーシティ人材採用促進事業", "https://x.com/b_diverjinzai", g_bunkyo, 400),
    ("g08", "x", "46Kunrenka", "【公式】鹿児島労働局 ミドルシニア世代活躍支援", "http://x.com/46Kunrenka", g_46kunrenka, 320),
    ("g09", "instagram", "kagoshimakunren", "鹿児島労働局訓練課", "https://www.instagram.com/kagoshimakunren/", g_kunren, 320),
    ("g10", "instagram", "kagoshima_shinsotsu_hw", "鹿児島新卒応援ハローワーク【公式】",
     "https://www.instagram.com/kagoshima_shinsotsu_hw", g_kagoshima_shinsotsu, 320),
    ("g11", "youtube", "UCKxOV1MV1McuSb0IPDoS2-g", "ハローワーク国分YouTubeチャンネル【公式】",
     "https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g", g_kokubu_yt, 400),
    ("g12", "line", "@ogz4781d", "札幌新卒応援ハローワーク",
     "https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d", g_sapporo_line, 400),
]

# Partly similar names (weak-to-moderate imitation) per genuine account.
WEAK = {
    "g01": ["ハローワーク札幌 公式", "札幌ハローワーク"],
    "g02": ["ハローワーク千歳（公式）", "千歳ハローワーク 求人"],
    "g03": ["北海道労働局 公式", "北海道 労働局お知らせ"],
    "g04": ["ハローワーク帯広【公式】", "帯広ハローワーク"],
    "g05": ["マザーズハローワーク札幌【公式】", "マザーズ 札幌"],
    "g06": ["札幌新卒応援ハローワーク(就活支援) 北海道札幌市", "札幌新卒応援YELL"],
    "g07": ["文京区ダイバーシティ人材採用", "文京区中小企業ダイバーシティ事業"],
    "g08": ["鹿児島労働局 ミドルシニア支援", "【公式】鹿児島労働局"],
    "g09": ["鹿児島労働局 訓練課【公式】", "鹿児島 訓練課"],
    "g10": ["鹿児島新卒応援ハローワーク", "鹿児島新卒応援HW"],
    "g11": ["ハローワーク国分【公式】", "ハローワーク国分チャンネル"],
    "g12": ["札幌新卒応援ハローワーク LINE", "札幌新卒応援HW"],
}

WORDS = ["sora", "kumo", "hana", "yama", "umi", "kaze", "mori", "tsuki", "hoshi", "aki", "natsu",
         "fuyu", "haru", "ringo", "momo", "kiri", "nami", "yuki", "hikari", "mizu"]


class Handles:
    """Deterministic unrelated handles per platform, never repeated."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def _w(self):
        return self.rng.choice(WORDS)

    def new(self, platform):
        while True:
            n = self.rng.randrange(10, 99)
            if platform == "x":
                h = f"{self._w()}_{self._w()}{n}"[:15]
                url = f"https://x.com/{h}"
            elif platform == "instagram":
                h = f"{self._w()}.{self._w()}{n}"
                url = f"https://www.instagram.com/{h}/"
            elif platform == "bluesky":
                h = f"{self._w()}-{self._w()}{n}.bsky.social"
                url = f"https://bsky.app/profile/{h}"
            elif platform == "mastodon":
                inst = self.rng.choice(["mstdn.jp", "fedibird.com", "mastodon-japan.net"])
                u = f"{self._w()}{n}"
                h = f"{u}@{inst}"
                url = f"https://{inst}/@{u}"
            elif platform == "line":
                letters = "abcdefghijkmnpqrstuvwxyz"
                h = "@" + "".join(self.rng.choice(letters) for _ in range(3)) + \
                    "".join(self.rng.choice("0123456789") for _ in range(4)) + self.rng.choice(letters)
                url = f"https://line.me/R/ti/p/{h}"
            elif platform == "youtube":
                chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                h = "UC" + "".join(self.rng.choice(chars) for _ in range(21)) + self.rng.choice("AQgw")
                url = f"https://www.youtube.com/channel/{h}"
            elif platform == "facebook":
                i = "6155" + "".join(self.rng.choice("0123456789") for _ in range(10))
                h = None
                url = f"https://www.facebook.com/profile.php?id={i}"
                if url in self.used:
                    continue
                self.used.add(url)
                return h, url, i
            else:
                raise ValueError(platform)
            if h.lower() not in self.used:
                self.used.add(h.lower())
                return h, url, None


def main():
    os.makedirs(IMG, exist_ok=True)
    for f in os.listdir(IMG):  # start clean so that stale files never linger
        os.remove(os.path.join(IMG, f))

    gen = {}
    genuine_lines = []
    for key, plat, handle, name, url, draw, size in GENUINE:
        rel = save(draw(size), f"{key}_{handle.lstrip('@').lower().replace('.', '_')}.png")
        gen[key] = dict(platform=plat, handle=handle, name=name, url=url, avatar=rel)
        genuine_lines.append({"platform": plat, "handle": handle, "display_name": name, "url": url, "avatar": rel})

    # template pictures of other offices (honest look-alike template)
    tmpl_other = {
        "H": ("ハローワーク函館【公式】", "x", "hakodate_koyou", "star"),
        "A": ("ハローワーク旭川【公式】", "x", "akw_employment", "mountain"),
        "K": ("ハローワーク釧路【公式】", "instagram", "kushiro.employment", "wave"),
        "O": ("ハローワーク小樽", "x", "otaru_shokuan", "star"),
        "I": ("ハローワーク岩見沢【公式】", "facebook", "iwamizawa.employment", "mountain"),
    }

    H = Handles(20240701)
    rows = []

    def add(label, cls, platform, handle, name, avatar, note, target=None, url=None, id=None, bio=None):
        r = {"platform": platform}
        if handle is not None:
            r["handle"] = handle
        r["display_name"] = name
        if url:
            r["url"] = url
        if id:
            r["id"] = id
        r["avatar"] = avatar
        if bio:
            r["bio"] = bio
        r["label"] = label
        r["class"] = cls
        if target:
            g = gen[target]
            r["target_platform"] = g["platform"]
            r["target_handle"] = g["handle"].lstrip("@")
            r["target_name"] = g["name"]
            # g06 (X) and g12 (LINE) are two accounts of the same office (札幌新卒応援ハローワーク),
            # and one name is a prefix of the other: either is an acceptable target.
            other = {"g06": "g12", "g12": "g06"}.get(target)
            if other:
                r["alt_targets"] = [{"platform": gen[other]["platform"], "handle": gen[other]["handle"].lstrip("@")}]
        r["note"] = note
        rows.append(r)

    plats = ["x", "instagram", "facebook", "bluesky", "mastodon", "line", "youtube", "x"]
    keys = [g[0] for g in GENUINE]

    def suspect_block(cls, make, seed_offset):
        """8 lines: cycle over genuine accounts and platforms; even lines copy the exact name,
        odd lines use a partly similar (weak-to-moderate) name."""
        for n in range(8):
            key = keys[(n * 5 + seed_offset) % 12]
            plat = plats[(n + seed_offset) % len(plats)]
            handle, url, i = H.new(plat)
            im_rel, how = make(n, key)
            if n % 2 == 0:
                name, nm = gen[key]["name"], "exact name"
            else:
                name, nm = WEAK[key][n // 2 % 2], "partly similar name"
            add("suspect", cls, plat, handle, name, im_rel, f"{how}; {nm}; unrelated handle",
                target=key, url=url, id=i)

    def src(key):
        return load(gen[key]["avatar"])

    # avatar_exact: byte-identical copy
    suspect_block("avatar_exact",
                  lambda n, k: (copy_bytes(gen[k]["avatar"], f"s_exact_{n:02d}.png"), "byte-identical avatar"), 0)

    # avatar_resized
    sizes = [96, 128, 200, 240, 150, 110, 180, 400]

    def mk_resized(n, k):
        im = src(k)
        px = sizes[n]
        if px <= im.size[0] and px == 400:
            px = 256
        out = resized(im, px)
        return save(out, f"s_resized_{n:02d}.png"), f"resized {im.size[0]}->{px} px"
    suspect_block("avatar_resized", mk_resized, 1)

    # avatar_recompressed
    qs = [30, 35, 40, 45, 50, 55, 60, 42]
    suspect_block("avatar_recompressed",
                  lambda n, k: (save(src(k), f"s_jpeg_{n:02d}.jpg", quality=qs[n]), f"JPEG quality {qs[n]}"), 2)

    # avatar_cropped: 3-8 % off some edges, resized back
    crops = [(0.05, 0.05, 0.05, 0.05), (0.08, 0, 0, 0), (0, 0.06, 0, 0.06), (0.03, 0.03, 0.07, 0.02),
             (0, 0, 0.08, 0.08), (0.06, 0.04, 0, 0), (0.04, 0.08, 0.04, 0), (0.07, 0.07, 0.03, 0.03)]
    suspect_block("avatar_cropped",
                  lambda n, k: (save(cropped(src(k), *crops[n]), f"s_crop_{n:02d}.png"),
                                "cropped l/t/r/b=%s then resized back" % "/".join(f"{v:.0%}" for v in crops[n])), 3)

    # avatar_colour_shift
    shifts = [("hue +20deg", lambda im: hue_rotate(im, 20)), ("brightness +15%", lambda im: brightness(im, 1.15)),
              ("brightness -15%", lambda im: brightness(im, 0.85)), ("saturation x0.6", lambda im: saturation(im, 0.6)),
              ("hue -30deg", lambda im: hue_rotate(im, -30)), ("saturation x1.4", lambda im: saturation(im, 1.4)),
              ("hue +40deg", lambda im: hue_rotate(im, 40)), ("brightness +10%, saturation x0.8",
                                                              lambda im: saturation(brightness(im, 1.1), 0.8))]
    suspect_block("avatar_colour_shift",
                  lambda n, k: (save(shifts[n][1](src(k)), f"s_colour_{n:02d}.png"), shifts[n][0]), 4)

    # avatar_mirrored
    suspect_block("avatar_mirrored",
                  lambda n, k: (save(mirrored(src(k)), f"s_mirror_{n:02d}.png"), "horizontal flip"), 5)

    # avatar_combined: two manipulations at once
    combos = [
        ("cropped 5% all edges + JPEG q45", lambda im: cropped(im, .05, .05, .05, .05), 45),
        ("resized ->128 px + hue +25deg", lambda im: hue_rotate(resized(im, 128), 25), None),
        ("mirrored + JPEG q50", mirrored, 50),
        ("brightness -12% + resized ->200 px", lambda im: resized(brightness(im, 0.88), 200), None),
        ("cropped 6% left/top + mirrored", lambda im: mirrored(cropped(im, .06, .06, 0, 0)), None),
        ("saturation x0.7 + JPEG q35", lambda im: saturation(im, 0.7), 35),
        ("resized ->96 px + JPEG q55", lambda im: resized(im, 96), 55),
        ("mirrored + hue +15deg + cropped 4% right", lambda im: hue_rotate(mirrored(cropped(im, 0, 0, .04, 0)), 15), None),
    ]

    def mk_combined(n, k):
        how, f, q = combos[n]
        out = f(src(k))
        name = f"s_combo_{n:02d}.jpg" if q else f"s_combo_{n:02d}.png"
        return save(out, name, quality=q), how
    suspect_block("avatar_combined", mk_combined, 6)

    # avatar_with_unrelated_name: only the picture is copied, but the handle is a lookalike
    unrel = [
        ("g01", "x", "HW_Sapp0ro", "たろう", "0 for o"),
        ("g04", "x", "hw_obihir0", "とかち日記", "0 for o"),
        ("g09", "instagram", "kagoshimakunren.jp", "mika", ".jp suffix"),
        ("g07", "x", "b_diverjinzal", "Daily News", "l for i"),
    ]
    for n, (k, plat, h, name, trick) in enumerate(unrel):
        im = src(k)
        rel = save(im, f"s_unrelname_{n:02d}.jpg", quality=80) if n % 2 else copy_bytes(gen[k]["avatar"], f"s_unrelname_{n:02d}.png")
        url = f"https://x.com/{h}" if plat == "x" else f"https://www.instagram.com/{h}/"
        add("suspect", "avatar_with_unrelated_name", plat, h, name, rel,
            f"avatar copied ({'JPEG q80' if n % 2 else 'byte-identical'}); handle lookalike ({trick}); unrelated name",
            target=k, url=url)

    # ---------------- clear ----------------
    diff = [
        (d_city_sapporo, "x", "sapporo_shi_pr", "札幌市【公式】"),
        (d_ramen, "instagram", "sapporo.ramen.yokocho", "札幌ラーメン横丁"),
        (d_volcano, "x", "kgs_city_koho", "鹿児島市"),
        (d_zoo, "facebook", "obihiro.zoo.fan", "おびひろ動物園ファン"),
        (d_library, "instagram", "bunkyo.library.news", "文京区立図書館"),
        (d_clouds, "bluesky", "chitose-sky.bsky.social", "千歳の空"),
        (d_sunset, "mastodon", "rumoi_sunset@mstdn.jp", "留萌の夕日"),
        (d_lanterns, "youtube", "@kokubu-matsuri", "国分夏祭り実行委員会"),
    ]
    for n, (draw, plat, h, name) in enumerate(diff):
        rel = save(draw(256 if n % 2 else 320), f"c_diff_{n:02d}.png")
        url = {"x": f"https://x.com/{h}", "instagram": f"https://www.instagram.com/{h}/",
               "facebook": f"https://www.facebook.com/{h}", "bluesky": f"https://bsky.app/profile/{h}",
               "mastodon": "https://mstdn.jp/@rumoi_sunset", "youtube": f"https://www.youtube.com/{h}"}[plat]
        add("clear", "avatar_different", plat, h, name, rel, "own picture; name only shares a place word", url=url)

    for n, (letter, (name, plat, h, emblem)) in enumerate(tmpl_other.items()):
        rel = save(hw_template(400 if n % 2 == 0 else 320, letter, emblem), f"c_template_{letter}.png")
        url = {"x": f"https://x.com/{h}", "instagram": f"https://www.instagram.com/{h}/",
               "facebook": f"https://www.facebook.com/{h}"}[plat]
        add("clear", "avatar_template_other_office", plat, h, name, rel,
            f"shared Hello-Work-style template with its own letter {letter} and emblem; honest name of another office",
            url=url)

    defaults = [
        (plain(200, (200, 200, 200)), "x", "yamada_k77", "山田", "plain grey"),
        (plain(128, (180, 210, 235)), "instagram", "hanako.sato.sp", "佐藤 花子", "plain light blue"),
        (default_silhouette(400, (207, 217, 222), (255, 255, 255)), "x", "sp_kaishain", "札幌在住の会社員", "X-style default silhouette"),
        (default_silhouette(150, (219, 219, 219), (245, 245, 245)), "instagram", "kgs.daigakusei", "鹿児島の大学生", "Instagram-style default silhouette"),
        (default_silhouette(200, (190, 190, 200), (240, 240, 245)), "facebook", "taichi.suzuki.99", "鈴木 太一", "Facebook-style default silhouette"),
        (plain(256, (60, 60, 60)), "bluesky", "oshikatsu.bsky.social", "推し活用", "plain dark grey"),
    ]
    for n, (im, plat, h, name, how) in enumerate(defaults):
        rel = save(im, f"c_default_{n:02d}.png")
        url = {"x": f"https://x.com/{h}", "instagram": f"https://www.instagram.com/{h}/",
               "facebook": f"https://www.facebook.com/{h}", "bluesky": f"https://bsky.app/profile/{h}"}[plat]
        add("clear", "avatar_default", plat, h, name, rel, how + "; honest name", url=url)

    photos = [
        (noise_photo(256, 1), "x", "tabi_kiroku", "旅の記録"),
        (gradient_photo(320, 2), "instagram", "kgs.cafe.meguri", "鹿児島カフェ巡り"),
        (noise_photo(200, 3), "bluesky", "sora-photo.bsky.social", "空の写真"),
        (gradient_photo(240, 4), "mastodon", "bookworm@fedibird.com", "本の虫"),
        (noise_photo(300, 5), "facebook", "hokkaido.camera.club", "北海道カメラ部"),
        (gradient_photo(180, 6), "x", "neko_biyori22", "ねこ日和"),
    ]
    for n, (im, plat, h, name) in enumerate(photos):
        rel = save(im, f"c_photo_{n:02d}.jpg", quality=80)
        url = {"x": f"https://x.com/{h}", "instagram": f"https://www.instagram.com/{h}/",
               "facebook": f"https://www.facebook.com/{h}", "bluesky": f"https://bsky.app/profile/{h}",
               "mastodon": "https://fedibird.com/@bookworm"}[plat]
        add("clear", "avatar_unrelated_photo", plat, h, name, rel, "noise/gradient picture standing for a photo", url=url)

    # ---------------- genuine, with their own (possibly re-encoded) avatar ----------------
    g = gen
    add("genuine", "genuine_as_returned", "x", "hw_sapporo", g["g01"]["name"],
        save(src("g01"), "gen_g01_reencoded.jpg", quality=85), "own avatar re-encoded as JPEG q85; lower-case handle",
        target="g01", url="https://x.com/hw_sapporo")
    add("genuine", "genuine_as_returned", "instagram", "KagoshimaKunren", g["g09"]["name"],
        save(resized(src("g09"), 150), "gen_g09_150px.png"), "own avatar as served at 150 px; mixed-case handle",
        target="g09", url="https://instagram.com/kagoshimakunren?hl=ja")
    add("genuine", "genuine_as_returned", "youtube", "UCKxOV1MV1McuSb0IPDoS2-g", g["g11"]["name"], g["g11"]["avatar"],
        "same avatar file as the registry", target="g11", url="https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g/videos")
    add("genuine", "genuine_as_returned", "line", "ogz4781d", g["g12"]["name"],
        save(src("g12"), "gen_g12_reencoded.jpg", quality=90), "own avatar re-encoded; LINE id without @",
        target="g12", url="https://line.me/R/ti/p/@ogz4781d")
    add("genuine", "genuine_as_returned", "x", "@HKDMHLWitter", g["g03"]["name"],
        save(resized(src("g03"), 200), "gen_g03_200px.png"), "own avatar as served at 200 px; leading @",
        target="g03", url="https://twitter.com/HKDMHLWitter")

    # ---------------- unreadable avatars: judge on name / handle only ----------------
    with open(os.path.join(IMG, "broken_text.png"), "w", encoding="utf-8") as f:
        f.write("this is not an image, just text saved with a .png name\n")
    with open(os.path.join(IMG, "broken_html.png"), "w", encoding="utf-8") as f:
        f.write("<html><body>404 Not Found</body></html>\n")
    add("suspect", "avatar_unreadable", "x", "HW_Chit0se", g["g02"]["name"], "img/missing_avatar.png",
        "avatar path does not exist; handle lookalike (0 for o) + exact name", target="g02", url="https://x.com/HW_Chit0se")
    add("clear", "avatar_unreadable", "instagram", "hana.flower.sp", "札幌の花屋 はな", "img/broken_text.png",
        "text file renamed .png; honest shop name sharing 札幌", url="https://www.instagram.com/hana.flower.sp/")
    add("genuine", "avatar_unreadable", "x", "46kunrenka", g["g08"]["name"], "img/broken_html.png",
        "HTML error page saved as .png; the handle is the genuine one", target="g08", url="https://x.com/46kunrenka")

    with open(os.path.join(HERE, "genuine.jsonl"), "w", encoding="utf-8") as f:
        for r in genuine_lines:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "candidates.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    total = sum(os.path.getsize(os.path.join(IMG, f)) for f in os.listdir(IMG))
    print(f"{len(genuine_lines)} genuine, {len(rows)} candidates, {len(os.listdir(IMG))} files, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
