"""Drawing of the pictures of holdout4 (genuine avatars, unrelated pool pictures, honest logos).

Everything is deterministic: every function takes its own seed and uses numpy's
default_rng(seed); nothing depends on time, hashing order or the environment.
"""
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/opentype/noto/"
_FONTS = {
    "sans": "NotoSansCJK-Regular.ttc",
    "sansb": "NotoSansCJK-Bold.ttc",
    "serif": "NotoSerifCJK-Regular.ttc",
    "serifb": "NotoSerifCJK-Bold.ttc",
}
_cache = {}


def font(kind, size):
    key = (kind, int(size))
    if key not in _cache:
        _cache[key] = ImageFont.truetype(FONT_DIR + _FONTS[kind], int(size), index=0)
    return _cache[key]


def rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def text_c(d, cx, cy, text, kind, size, fill, spacing=0):
    """Draw text centred on (cx, cy)."""
    f = font(kind, size)
    if spacing:
        widths = [d.textlength(ch, font=f) for ch in text]
        total = sum(widths) + spacing * (len(text) - 1)
        x = cx - total / 2
        for ch, w in zip(text, widths):
            d.text((x, cy), ch, font=f, fill=fill, anchor="lm")
            x += w + spacing
        return
    d.text((cx, cy), text, font=f, fill=fill, anchor="mm")


def fit_size(d, text, kind, max_w, start):
    s = start
    while s > 6 and d.textlength(text, font=font(kind, s)) > max_w:
        s -= 1
    return s


def vgrad(w, h, stops):
    """Vertical gradient through colour stops [(pos, '#hex'), ...]."""
    ys = np.linspace(0, 1, h)[:, None]
    out = np.zeros((h, 1, 3))
    pos = [p for p, _ in stops]
    cols = [np.array(rgb(c), float) for _, c in stops]
    for ch in range(3):
        out[:, 0, ch] = np.interp(ys[:, 0], pos, [c[ch] for c in cols])
    arr = np.repeat(out, w, axis=1)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")


def add_noise(img, seed, sigma, mono=True):
    rng = np.random.default_rng(seed)
    a = np.asarray(img.convert("RGB")).astype(np.float32)
    if mono:
        n = rng.normal(0, sigma, a.shape[:2])[:, :, None]
    else:
        n = rng.normal(0, sigma, a.shape)
    return Image.fromarray((a + n).clip(0, 255).astype(np.uint8), "RGB")


def ss(w, h, bg, k=3):
    """Supersampled canvas helper: returns (img, draw, k)."""
    img = Image.new("RGB", (w * k, h * k), bg)
    return img, ImageDraw.Draw(img), k


def down(img, w, h):
    return img.resize((w, h), Image.LANCZOS)


# ---------------------------------------------------------------------------
# Genuine pictures
# ---------------------------------------------------------------------------

def t_hellowork():
    """National Hello Work mark (template): cream ground, teal tile, sunrise arc, serif wordmark."""
    W = 320
    img, d, k = ss(W, W, "#FBF6EA")
    s = lambda v: int(v * k)
    d.rounded_rectangle([s(70), s(36), s(250), s(196)], radius=s(28), fill="#0F8B8D")
    d.pieslice([s(112), s(60), s(208), s(156)], 180, 360, fill="#F39A2B")
    for i in range(7):
        a = math.radians(180 + 15 + i * 25)
        x0, y0 = 160 + 56 * math.cos(a), 108 + 56 * math.sin(a)
        x1, y1 = 160 + 70 * math.cos(a), 108 + 70 * math.sin(a)
        d.line([s(x0), s(y0), s(x1), s(y1)], fill="#F39A2B", width=s(5))
    d.rectangle([s(96), s(108), s(224), s(114)], fill="#FBF6EA")
    text_c(d, s(160), s(152), "HW", "sansb", s(54), "#FFFFFF")
    text_c(d, s(160), s(238), "ハローワーク", "serifb", s(40), "#0B5E60")
    text_c(d, s(160), s(282), "HELLO WORK", "sans", s(17), "#6E8F8F", spacing=s(5))
    return down(img, W, W)


def t_shinsotsu():
    """新卒応援 badge (template): scalloped sakura ring, navy disc, serif type, ribbon tails."""
    W = 300
    img, d, k = ss(W, W, "#FFFFFF")
    s = lambda v: int(v * k)
    cx, cy = 150, 138
    d.polygon([s(110), s(200), s(92), s(284), s(120), s(266), s(138), s(292), s(148), s(206)], fill="#D9486E")
    d.polygon([s(190), s(200), s(208), s(284), s(180), s(266), s(162), s(292), s(152), s(206)], fill="#D9486E")
    for i in range(24):
        a = 2 * math.pi * i / 24
        x, y = cx + 104 * math.cos(a), cy + 104 * math.sin(a)
        d.ellipse([s(x - 16), s(y - 16), s(x + 16), s(y + 16)], fill="#F29BB5")
    d.ellipse([s(cx - 106), s(cy - 106), s(cx + 106), s(cy + 106)], fill="#F29BB5")
    d.ellipse([s(cx - 90), s(cy - 90), s(cx + 90), s(cy + 90)], fill="#1E2F5C")
    d.ellipse([s(cx - 82), s(cy - 82), s(cx + 82), s(cy + 82)], outline="#E9C46A", width=s(2))
    text_c(d, s(cx), s(cy - 18), "新卒", "serifb", s(58), "#FFFFFF")
    text_c(d, s(cx), s(cy + 40), "応援", "serifb", s(34), "#E9C46A")
    star(d, s(cx), s(cy - 66), s(9), s(4), 5, "#E9C46A")
    return down(img, W, W)


def star(d, cx, cy, r1, r2, n, fill, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r1 if i % 2 == 0 else r2
        a = math.radians(rot + 180 * i / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(pts, fill=fill)


def t_mothers():
    """マザーズ mark (template): low-contrast pastel, mother and child, heart, thin sans type."""
    W = 280
    img, d, k = ss(W, W, "#F7E6DA")
    s = lambda v: int(v * k)
    d.ellipse([s(40), s(22), s(240), s(222)], fill="#F2D3C2")
    d.ellipse([s(96), s(70), s(146), s(120)], fill="#E2AE98")
    d.chord([s(70), s(118), s(172), s(230)], 180, 360, fill="#E2AE98")
    d.ellipse([s(154), s(104), s(188), s(138)], fill="#EFC1A8")
    d.chord([s(138), s(134), s(204), s(206)], 180, 360, fill="#EFC1A8")
    hx, hy = 176, 62
    d.ellipse([s(hx - 14), s(hy - 12), s(hx + 1), s(hy + 3)], fill="#E8A6A0")
    d.ellipse([s(hx - 1), s(hy - 12), s(hx + 14), s(hy + 3)], fill="#E8A6A0")
    d.polygon([s(hx - 13), s(hy - 1), s(hx + 13), s(hy - 1), s(hx), s(hy + 15)], fill="#E8A6A0")
    d.rectangle([s(40), s(174), s(240), s(222)], fill="#F7E6DA")
    text_c(d, s(140), s(246), "マザーズ", "sans", s(34), "#A5786A")
    return down(img, W, W)


def t_bureau():
    """Labour-bureau emblem (template): dark navy, gold ring with petals, serif 労."""
    W = 360
    img, d, k = ss(W, W, "#0B1630")
    s = lambda v: int(v * k)
    c = 180
    d.ellipse([s(c - 150), s(c - 150), s(c + 150), s(c + 150)], outline="#C9A44C", width=s(8))
    d.ellipse([s(c - 136), s(c - 136), s(c + 136), s(c + 136)], outline="#8C7335", width=s(2))
    for i in range(12):
        a = 2 * math.pi * i / 12
        px, py = c + 112 * math.cos(a), c + 112 * math.sin(a)
        pet = Image.new("L", (s(40), s(20)), 0)
        ImageDraw.Draw(pet).ellipse([0, 0, s(40) - 1, s(20) - 1], fill=255)
        pet = pet.rotate(-math.degrees(a), expand=True, resample=Image.BICUBIC)
        img.paste(rgb("#C9A44C"), (int(s(px) - pet.width / 2), int(s(py) - pet.height / 2)), pet)
    d.ellipse([s(c - 84), s(c - 84), s(c + 84), s(c + 84)], fill="#13224A", outline="#C9A44C", width=s(3))
    text_c(d, s(c), s(c - 8), "労", "serifb", s(92), "#E6C66E")
    text_c(d, s(c), s(c + 54), "LABOUR", "sans", s(13), "#C9A44C", spacing=s(4))
    return down(img, W, W)


def d_highschool(seed=11):
    """Sapporo new-graduate HW, high-school account: chalkboard with chalk type."""
    W = 240
    img, d, k = ss(W, W, "#6B4A2B")
    s = lambda v: int(v * k)
    d.rectangle([s(12), s(12), s(228), s(228)], fill="#2F4F3A")
    rng = np.random.default_rng(seed)
    for dx, dy in [(0, 0), (1, 0), (0, 1)]:
        text_c(d, s(120 + dx), s(92 + dy), "高校生", "sansb", s(52), (236, 240, 232))
    text_c(d, s(120), s(150), "しゅうしょく", "sans", s(24), (245, 224, 120))
    text_c(d, s(120), s(184), "サポート", "sans", s(24), (245, 190, 200))
    d.line([s(40), s(206), s(120), s(200)], fill=(220, 220, 210), width=s(2))
    d.polygon([s(150), s(206), s(206), s(196), s(210), s(204), s(154), s(214)], fill="#E9B949")
    img = down(img, W, W)
    img = img.filter(ImageFilter.GaussianBlur(0.4))
    return add_noise(img, seed, 9)


def d_wakamono():
    """Sapporo wakamono HW: bright gradient, waving illustrated character, speech bubble."""
    W = 300
    img = vgrad(W * 3, W * 3, [(0, "#FFE066"), (1, "#FF8A3D")])
    d = ImageDraw.Draw(img)
    k = 3
    s = lambda v: int(v * k)
    d.ellipse([s(60), s(200), s(210), s(330)], fill="#2E86DE")
    d.ellipse([s(85), s(95), s(185), s(205)], fill="#FFE2C6", outline="#5A3A22", width=s(3))
    d.chord([s(82), s(88), s(188), s(170)], 180, 360, fill="#3B2414")
    d.ellipse([s(112), s(140), s(122), s(152)], fill="#2B1A10")
    d.ellipse([s(148), s(140), s(158), s(152)], fill="#2B1A10")
    d.arc([s(115), s(150), s(155), s(182)], 20, 160, fill="#2B1A10", width=s(3))
    d.line([s(195), s(240), s(240), s(160)], fill="#FFE2C6", width=s(18))
    d.ellipse([s(228), s(142), s(256), s(170)], fill="#FFE2C6")
    d.rounded_rectangle([s(150), s(20), s(288), s(78)], radius=s(20), fill="#FFFFFF")
    d.polygon([s(190), s(76), s(206), s(76), s(184), s(98)], fill="#FFFFFF")
    text_c(d, s(219), s(48), "わかもの", "sansb", s(26), "#E8590C")
    text_c(d, s(58), s(44), "札幌", "serifb", s(30), "#FFFFFF")
    return down(img, W, W)


def d_rumoi(seed=21):
    """Rumoi HW: photo-like harbour with a red-and-white lighthouse."""
    W = 360
    img = vgrad(W, W, [(0, "#6FA8DC"), (0.45, "#DCEBF7"), (0.46, "#2B6CA3"), (1, "#173F63")])
    d = ImageDraw.Draw(img)
    rng = np.random.default_rng(seed)
    d.polygon([(0, 166), (60, 150), (120, 158), (190, 140), (260, 156), (360, 146), (360, 166)], fill="#6D7F72")
    for i in range(90):
        y = int(170 + rng.random() * 190)
        x = int(rng.random() * 360)
        L = int(10 + rng.random() * 30)
        d.line([x, y, x + L, y], fill=(210, 228, 242), width=1)
    d.polygon([(150, 360), (175, 230), (205, 230), (250, 360)], fill="#8A8A86")
    d.rectangle([180, 120, 204, 232], fill="#F4F4F0")
    for y in (136, 168, 200):
        d.rectangle([180, y, 204, y + 14], fill="#C8312B")
    d.polygon([(176, 120), (208, 120), (192, 100)], fill="#C8312B")
    d.rectangle([186, 108, 198, 120], fill="#FFF3B0")
    for bx, by in [(50, 200), (280, 215)]:
        d.polygon([(bx, by), (bx + 50, by), (bx + 42, by + 12), (bx + 8, by + 12)], fill="#EDEDED")
        d.line([bx + 24, by, bx + 24, by - 28], fill="#444", width=2)
    for gx, gy in [(80, 60), (110, 48), (260, 80)]:
        d.line([gx - 8, gy + 4, gx, gy, gx + 8, gy + 4], fill="#333", width=2)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    return add_noise(img, seed, 7, mono=False)


def d_sapporo(seed=31):
    """HW Sapporo: photo-like white clapboard building with red roof and clock tower."""
    W = 400
    img = vgrad(W, W, [(0, "#3D7CC9"), (0.6, "#BFD9F2"), (0.61, "#5D9B47"), (1, "#3E7332")])
    d = ImageDraw.Draw(img)
    d.ellipse([-40, 170, 110, 300], fill="#2F6B2A")
    d.ellipse([300, 160, 450, 300], fill="#2F6B2A")
    d.rectangle([80, 170, 320, 290], fill="#F2F0E8")
    for y in range(176, 290, 7):
        d.line([80, y, 320, y], fill="#D8D5CA", width=1)
    d.polygon([(66, 174), (334, 174), (300, 136), (100, 136)], fill="#B4322B")
    for x in range(100, 310, 40):
        for y in (196, 244):
            d.rectangle([x, y, x + 18, y + 30], fill="#3B4A5A", outline="#FFFFFF", width=2)
    d.rectangle([170, 60, 230, 140], fill="#F2F0E8")
    d.polygon([(162, 64), (238, 64), (200, 22)], fill="#B4322B")
    d.ellipse([180, 78, 220, 118], fill="#FFFFFF", outline="#333", width=3)
    d.line([200, 98, 200, 84], fill="#222", width=3)
    d.line([200, 98, 211, 102], fill="#222", width=2)
    d.rectangle([186, 250, 214, 290], fill="#6B4A2B")
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    return add_noise(img, seed, 6, mono=False)


def d_chitose(seed=41):
    """Chitose HW (LINE): dusk over a caldera lake, aircraft with contrail."""
    W = 256
    img = vgrad(W, W, [(0, "#2D2461"), (0.45, "#C9688A"), (0.6, "#F6A25E"), (0.61, "#4A3A5E"), (1, "#1C1733")])
    d = ImageDraw.Draw(img)
    d.polygon([(0, 156), (40, 120), (80, 140), (130, 96), (170, 130), (210, 112), (256, 150), (256, 158), (0, 158)], fill="#1F1A36")
    d.polygon([(0, 160), (40, 196), (80, 176), (130, 220), (170, 186), (210, 204), (256, 166), (256, 158), (0, 158)], fill="#3A2F52")
    d.line([20, 70, 170, 40], fill="#F8E8F0", width=2)
    d.polygon([(170, 40), (196, 34), (200, 37), (176, 44)], fill="#FFFFFF")
    d.polygon([(182, 38), (176, 28), (181, 28), (190, 37)], fill="#FFFFFF")
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return add_noise(img, seed, 6, mono=False)


def d_mascot():
    """Sapporo new-graduate HW (Instagram/LINE): illustrated fox mascot in a mortarboard."""
    W = 320
    img, d, k = ss(W, W, "#D7EEFF")
    s = lambda v: int(v * k)
    o = "#3A2A1E"
    d.ellipse([s(70), s(210), s(250), s(360)], fill="#F08A24", outline=o, width=s(3))
    d.polygon([s(92), s(70), s(110), s(150), s(150), s(112)], fill="#F08A24", outline=o)
    d.polygon([s(228), s(70), s(210), s(150), s(170), s(112)], fill="#F08A24", outline=o)
    d.ellipse([s(84), s(96), s(236), s(236)], fill="#F08A24", outline=o, width=s(3))
    d.polygon([s(100), s(190), s(160), s(232), s(220), s(190), s(160), s(170)], fill="#FFF8F0")
    d.ellipse([s(124), s(152), s(138), s(168)], fill=o)
    d.ellipse([s(182), s(152), s(196), s(168)], fill=o)
    d.ellipse([s(152), s(194), s(168), s(206)], fill=o)
    d.polygon([s(90), s(96), s(160), s(70), s(230), s(96), s(160), s(122)], fill="#222", outline=o)
    d.rectangle([s(128), s(92), s(192), s(112)], fill="#222")
    d.line([s(160), s(94), s(224), s(110), s(226), s(146)], fill="#F2C12E", width=s(4))
    d.ellipse([s(219), s(142), s(233), s(156)], fill="#F2C12E")
    d.rounded_rectangle([s(196), s(250), s(292), s(276)], radius=s(10), fill="#FFFFFF", outline=o, width=s(2))
    d.rectangle([s(238), s(248), s(248), s(278)], fill="#D62839")
    text_c(d, s(62), s(288), "SHINSOTSU", "sansb", s(14), "#2B6CB0")
    return down(img, W, W)


def d_lilac(seed=51):
    """Mothers HW Sapporo (Instagram): photo-like lilac clusters on green bokeh."""
    W = 300
    rng = np.random.default_rng(seed)
    img = vgrad(W, W, [(0, "#9CC58A"), (1, "#3E6B3A")])
    d = ImageDraw.Draw(img)
    for _ in range(26):
        x, y, r = rng.random() * W, rng.random() * W, 10 + rng.random() * 30
        g = int(120 + rng.random() * 100)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(g - 40, g, g - 60))
    img = img.filter(ImageFilter.GaussianBlur(9))
    d = ImageDraw.Draw(img)
    d.polygon([(40, 300), (70, 200), (120, 250), (90, 300)], fill="#4F7F3E")
    d.polygon([(210, 300), (250, 210), (290, 270), (260, 300)], fill="#4F7F3E")
    for cx, cy, hgt, wid in [(110, 70, 170, 80), (200, 110, 150, 70), (150, 40, 110, 50)]:
        for _ in range(170):
            t = rng.random()
            x = cx + (rng.random() - 0.5) * wid * (1 - 0.7 * t)
            y = cy + t * hgt
            r = 4 + rng.random() * 4
            c = rng.choice([(181, 154, 214), (142, 108, 194), (200, 176, 230), (120, 86, 170)])
            d.ellipse([x - r, y - r, x + r, y + r], fill=tuple(int(v) for v in c))
            d.ellipse([x - 1, y - 1, x + 1, y + 1], fill=(250, 240, 250))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return add_noise(img, seed, 6, mono=False)


def d_kaseda(seed=61):
    """Kaseda HW (YouTube): sunset over a long sand beach with dunes and pines."""
    W = 360
    img = vgrad(W, W, [(0, "#1E2A5A"), (0.3, "#C04D6B"), (0.5, "#F9A03F"), (0.52, "#7A4A5C"), (0.72, "#3A2F4F"), (0.73, "#D8B98A"), (1, "#B08D5E")])
    d = ImageDraw.Draw(img)
    d.ellipse([150, 150, 210, 210], fill="#FFD27A")
    for i in range(30):
        y = 190 + i * 2
        w = 30 - i * 0.6
        d.line([180 - w, y, 180 + w, y], fill=(250, 190, 110), width=1)
    pts = [(0, 300)] + [(x, 268 + 14 * math.sin(x / 40.0)) for x in range(0, 361, 6)] + [(360, 300)]
    d.polygon(pts, fill="#C9A677")
    for px in (30, 62, 300, 330):
        d.line([px, 262, px + 4, 214], fill="#1A1410", width=4)
        d.ellipse([px - 18, 200, px + 24, 224], fill="#1A1410")
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    return add_noise(img, seed, 7, mono=False)


def d_kunren():
    """Kagoshima bureau training section: thin line art on white (gear, wrench, pencil, ruler)."""
    W = 300
    img, d, k = ss(W, W, "#FFFFFF")
    s = lambda v: int(v * k)
    ink, lw = "#2F3640", s(2)
    cx, cy, r = 150, 128, 58
    pts = []
    for i in range(48):
        a = 2 * math.pi * i / 48
        rr = r + (10 if (i // 2) % 2 == 0 else 0)
        pts.append((s(cx + rr * math.cos(a)), s(cy + rr * math.sin(a))))
    d.polygon(pts, outline=ink, width=lw)
    d.ellipse([s(cx - 22), s(cy - 22), s(cx + 22), s(cy + 22)], outline=ink, width=lw)
    d.line([s(40), s(250), s(110), s(180)], fill=ink, width=lw)
    d.line([s(52), s(262), s(122), s(192)], fill=ink, width=lw)
    d.arc([s(100), s(160), s(136), s(196)], 200, 40, fill=ink, width=lw)
    d.line([s(200), s(250), s(262), s(188)], fill=ink, width=lw)
    d.line([s(212), s(262), s(274), s(200)], fill=ink, width=lw)
    d.line([s(262), s(188), s(274), s(200)], fill=ink, width=lw)
    d.polygon([s(200), s(250), s(212), s(262), s(194), s(268)], outline=ink, width=lw)
    d.line([s(60), s(40), s(240), s(40)], fill="#E8590C", width=s(2))
    for x in range(60, 241, 12):
        d.line([s(x), s(40), s(x), s(48 if x % 36 else 54)], fill="#E8590C", width=s(1))
    text_c(d, s(150), s(270), "訓練", "serif", s(26), ink)
    return down(img, W, W)


def d_taisaku():
    """Kagoshima bureau measures section: dark mode, neon ring, bold sans type."""
    W = 320
    base = Image.new("RGB", (W * 3, W * 3), "#121212")
    glow = Image.new("RGB", (W * 3, W * 3), "#121212")
    k = 3
    s = lambda v: int(v * k)
    ImageDraw.Draw(glow).ellipse([s(40), s(40), s(280), s(280)], outline="#22D3EE", width=s(14))
    glow = glow.filter(ImageFilter.GaussianBlur(s(8)))
    img = Image.blend(base, glow, 0.9)
    d = ImageDraw.Draw(img)
    d.ellipse([s(40), s(40), s(280), s(280)], outline="#7FEFFF", width=s(4))
    text_c(d, s(160), s(150), "人材確保", "sansb", s(44), "#FFFFFF")
    text_c(d, s(160), s(200), "職業対策課", "sans", s(20), "#9AA0A6")
    d.ellipse([s(228), s(62), s(244), s(78)], fill="#E879F9")
    text_c(d, s(160), s(100), "46", "sansb", s(18), "#22D3EE")
    return down(img, W, W)


def d_kanoya(seed=71):
    """HW Kanoya (Instagram/LINE): photo-like red rose close-up on green bokeh."""
    W = 300
    rng = np.random.default_rng(seed)
    img = vgrad(W, W, [(0, "#5E8C4A"), (1, "#24401E")])
    d = ImageDraw.Draw(img)
    for _ in range(20):
        x, y, r = rng.random() * W, rng.random() * W, 12 + rng.random() * 28
        d.ellipse([x - r, y - r, x + r, y + r], fill=(int(80 + rng.random() * 80), int(130 + rng.random() * 80), 70))
    img = img.filter(ImageFilter.GaussianBlur(10))
    d = ImageDraw.Draw(img)
    cx, cy = 150, 140
    d.polygon([(150, 230), (110, 300), (122, 300), (154, 236)], fill="#2E5A24")
    for j in range(6):
        a = 2 * math.pi * j / 6 + 0.3
        px, py = cx + 52 * math.cos(a), cy + 46 * math.sin(a)
        d.ellipse([px - 46, py - 40, px + 46, py + 40], fill=(150 + 8 * j, 18, 38), outline=(95, 8, 22), width=2)
    for i in range(9, 0, -1):
        r = 6 + i * 6.5
        a0 = i * 53 % 360
        col = (int(150 + i * 9), int(20 + i * 3), int(40 + i * 2))
        d.pieslice([cx - r, cy - r * 0.9, cx + r, cy + r * 0.9], a0, a0 + 290, fill=col)
        d.arc([cx - r, cy - r * 0.9, cx + r, cy + r * 0.9], a0, a0 + 290, fill=(90, 5, 20), width=2)
    text_c(d, 250, 278, "かのや", "serif", 20, "#FFFFFF")
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    return add_noise(img, seed, 6, mono=False)


def d_middle():
    """Kagoshima bureau middle/senior support (X): pastel mint, low contrast, serif type."""
    W = 280
    img, d, k = ss(W, W, "#E3F1EA")
    s = lambda v: int(v * k)
    d.ellipse([s(30), s(40), s(170), s(180)], fill="#CFE7DB")
    d.ellipse([s(110), s(30), s(250), s(170)], fill="#D8EDE2")
    d.chord([s(120), s(60), s(200), s(140)], 120, 300, fill="#B9D9C6")
    d.chord([s(120), s(60), s(200), s(140)], 300, 120, fill="#C6E0D0")
    text_c(d, s(140), s(206), "ミドルシニア", "serif", s(34), "#8FB5A0")
    text_c(d, s(140), s(246), "活躍支援", "serif", s(22), "#A4C4B2")
    return down(img, W, W)


def d_kagoshima_hw(seed=81):
    """HW Kagoshima (LINE): photo-like volcano across the bay, smoke plume, name band."""
    W = 400
    img = vgrad(W, W, [(0, "#5AA0E0"), (0.55, "#D6E9F7"), (0.56, "#2F6E9E"), (1, "#1B4468")])
    sm = Image.new("RGB", (W, W), (0, 0, 0))
    ds = ImageDraw.Draw(sm)
    for i in range(9):
        ds.ellipse([180 + i * 9, 40 - i * 6, 250 + i * 12, 110 - i * 4], fill=(200, 200, 200))
    sm = sm.filter(ImageFilter.GaussianBlur(10))
    img = Image.composite(Image.new("RGB", (W, W), "#CFCFCF"), img, sm.convert("L"))
    d = ImageDraw.Draw(img)
    d.polygon([(20, 224), (120, 160), (170, 110), (200, 122), (222, 96), (260, 130), (330, 180), (400, 224)], fill="#6A5A4E")
    d.polygon([(170, 110), (200, 122), (222, 96), (236, 108), (200, 140)], fill="#8A7A6C")
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    img = add_noise(img, seed, 6, mono=False)
    d = ImageDraw.Draw(img, "RGBA")
    d.rectangle([0, 318, 400, 400], fill=(10, 40, 70, 200))
    text_c(d, 200, 358, "ハローワークかごしま", "sansb", 32, "#FFFFFF")
    return img


def d_bunkyo():
    """Bunkyo diversity hiring (X): thin coloured line figures holding hands on white."""
    W = 300
    img, d, k = ss(W, W, "#FFFFFF")
    s = lambda v: int(v * k)
    cols = ["#E63946", "#457B9D", "#2A9D8F", "#F4A261", "#9B5DE5"]
    lw = s(2)
    xs = [50, 100, 150, 200, 250]
    for i, (x, c) in enumerate(zip(xs, cols)):
        y = 120 + abs(i - 2) * 14
        d.ellipse([s(x - 15), s(y - 48), s(x + 15), s(y - 18)], outline=c, width=lw)
        d.arc([s(x - 26), s(y - 12), s(x + 26), s(y + 70)], 180, 360, fill=c, width=lw)
        d.line([s(x), s(y - 12), s(x), s(y + 40)], fill=c, width=lw)
        if i < 4:
            nx = xs[i + 1]
            ny = 120 + abs(i + 1 - 2) * 14
            d.line([s(x + 14), s(y + 10), s(nx - 14), s(ny + 10)], fill="#BBBBBB", width=s(1))
    text_c(d, s(150), s(236), "文京区", "sans", s(30), "#555555")
    text_c(d, s(150), s(272), "DIVERSITY", "sans", s(12), "#999999", spacing=s(6))
    return down(img, W, W)


GENUINE_ART = {
    # key: (function, file format)
    "T_HW": (t_hellowork, "png"),
    "T_SHIN": (t_shinsotsu, "png"),
    "T_MOTH": (t_mothers, "png"),
    "T_BUR": (t_bureau, "png"),
    "D_SHS": (d_highschool, "jpg"),
    "D_WAKA": (d_wakamono, "png"),
    "D_RUMOI": (d_rumoi, "jpg"),
    "D_SAPPORO": (d_sapporo, "jpg"),
    "D_CHITOSE": (d_chitose, "jpg"),
    "D_MASCOT": (d_mascot, "png"),
    "D_LILAC": (d_lilac, "jpg"),
    "D_KASEDA": (d_kaseda, "jpg"),
    "D_KUNREN": (d_kunren, "png"),
    "D_TAISAKU": (d_taisaku, "png"),
    "D_KANOYA": (d_kanoya, "jpg"),
    "D_MIDDLE": (d_middle, "png"),
    "D_KHW": (d_kagoshima_hw, "jpg"),
    "D_BUNKYO": (d_bunkyo, "png"),
}


# ---------------------------------------------------------------------------
# Unrelated pictures (pool) and honest logos
# ---------------------------------------------------------------------------

def portrait(seed):
    """Photo-like head-and-shoulders portrait of an invented person."""
    rng = np.random.default_rng(1000 + seed)
    W = int(rng.choice([200, 220, 240]))
    bgs = [("#D9D4CC", "#A9A39A"), ("#BFD7EA", "#7FA6C4"), ("#E8D8C8", "#C4A688"),
           ("#CFE3C8", "#8EB083"), ("#E6E6E6", "#9E9E9E"), ("#F1D6DC", "#C9909D"),
           ("#2B2B35", "#101018"), ("#F5EBD0", "#D8BF84")]
    b = bgs[seed % len(bgs)]
    img = vgrad(W, W, [(0, b[0]), (1, b[1])])
    d = ImageDraw.Draw(img)
    skin = [(241, 214, 190), (232, 196, 166), (222, 184, 150), (246, 224, 204)][int(rng.integers(4))]
    hair = [(30, 22, 18), (58, 40, 28), (92, 64, 40), (20, 20, 24), (120, 90, 60)][int(rng.integers(5))]
    cloth = tuple(int(v) for v in rng.integers(30, 220, 3))
    cx = W / 2 + (rng.random() - 0.5) * W * 0.12
    hw = W * (0.2 + rng.random() * 0.04)
    hy = W * (0.42 + rng.random() * 0.06)
    longhair = rng.random() < 0.5
    if longhair:
        d.rounded_rectangle([cx - hw * 1.2, hy - hw * 1.15, cx + hw * 1.2, hy + hw * 1.45], radius=int(hw * 0.8), fill=hair)
    d.ellipse([cx - W * 0.38, hy + hw * 1.1, cx + W * 0.38, hy + hw * 1.1 + W * 0.6], fill=cloth)
    d.rectangle([cx - hw * 0.35, hy + hw * 0.7, cx + hw * 0.35, hy + hw * 1.3], fill=skin)
    d.ellipse([cx - hw * 0.95, hy - hw * 1.2, cx + hw * 0.95, hy + hw * 1.0], fill=skin)
    if rng.random() < 0.3:
        for sx in (-1, 1):
            ex = cx + sx * hw * 0.38
            d.ellipse([ex - hw * 0.28, hy - hw * 0.28, ex + hw * 0.28, hy + hw * 0.2], outline=(40, 40, 40), width=2)
    d.chord([cx - hw * 1.05, hy - hw * 1.35, cx + hw * 1.05, hy + hw * 0.1], 180, 360, fill=hair)
    ey = hy - hw * 0.05
    for sx in (-1, 1):
        d.ellipse([cx + sx * hw * 0.38 - 4, ey - 3, cx + sx * hw * 0.38 + 4, ey + 4], fill=(40, 30, 25))
    d.arc([cx - hw * 0.3, hy + hw * 0.2, cx + hw * 0.3, hy + hw * 0.6], 20, 160, fill=(150, 70, 70), width=2)
    img = img.filter(ImageFilter.GaussianBlur(1.2 + rng.random()))
    return add_noise(img, 2000 + seed, 5 + rng.random() * 4, mono=False)


def landscape(seed):
    """Photo-like field, hills and sky, unrelated to any genuine picture."""
    rng = np.random.default_rng(3000 + seed)
    W = int(rng.choice([220, 256]))
    skies = [("#87B7E8", "#E8F1FA"), ("#F2B880", "#FBE3C8"), ("#7A8CA8", "#C9D1DC"), ("#A3D5F5", "#FFFFFF")]
    grounds = [("#7DAA4F", "#3F6B25"), ("#C8B25A", "#8B7530"), ("#E6EDF2", "#B8C6D1"), ("#4F8A5B", "#1F4A2A")]
    sk = skies[seed % 4]
    gr = grounds[(seed // 4) % 4]
    hz = 0.45 + rng.random() * 0.2
    img = vgrad(W, W, [(0, sk[0]), (hz, sk[1]), (hz + 0.01, gr[0]), (1, gr[1])])
    d = ImageDraw.Draw(img)
    y0 = hz * W
    pts = [(0, y0)]
    for x in range(0, W + 1, 8):
        pts.append((x, y0 - 20 * rng.random() - 15 * math.sin(x / (20 + seed))))
    pts.append((W, y0))
    d.polygon(pts, fill=tuple(int(v) for v in rng.integers(60, 140, 3)))
    for _ in range(int(rng.integers(0, 4))):
        x, y = rng.random() * W, rng.random() * y0 * 0.6
        d.ellipse([x, y, x + 40, y + 14], fill=(250, 250, 250))
    img = img.filter(ImageFilter.GaussianBlur(1.0))
    return add_noise(img, 4000 + seed, 6, mono=False)


def food(seed):
    """Photo-like top view of a bowl on a table."""
    rng = np.random.default_rng(5000 + seed)
    W = 220
    table = [(150, 105, 70), (200, 190, 175), (90, 70, 55), (230, 225, 215)][seed % 4]
    img = Image.new("RGB", (W, W), table)
    d = ImageDraw.Draw(img)
    for i in range(0, W, 14):
        d.line([0, i, W, i + 6], fill=tuple(max(0, v - 15) for v in table), width=2)
    d.ellipse([30, 30, 190, 190], fill=(250, 250, 248))
    soup = [(214, 160, 90), (180, 70, 40), (240, 220, 180), (120, 80, 50)][int(rng.integers(4))]
    d.ellipse([48, 48, 172, 172], fill=soup)
    for _ in range(int(rng.integers(6, 14))):
        x, y = 70 + rng.random() * 80, 70 + rng.random() * 80
        c = tuple(int(v) for v in rng.integers(40, 250, 3))
        d.ellipse([x - 9, y - 9, x + 9, y + 9], fill=c)
    img = img.filter(ImageFilter.GaussianBlur(1.0))
    return add_noise(img, 6000 + seed, 6, mono=False)


def animal(seed):
    """Photo-like cat or dog face."""
    rng = np.random.default_rng(7000 + seed)
    W = 220
    img = vgrad(W, W, [(0, "#E9E2D8"), (1, "#B9AE9E")]) if seed % 2 else vgrad(W, W, [(0, "#C6D8C0"), (1, "#7F9A76")])
    d = ImageDraw.Draw(img)
    fur = [(230, 150, 60), (60, 55, 50), (240, 235, 225), (170, 120, 80)][seed % 4]
    cat = seed % 3 != 0
    if cat:
        d.polygon([(55, 80), (75, 20), (105, 70)], fill=fur)
        d.polygon([(165, 80), (145, 20), (115, 70)], fill=fur)
    else:
        d.ellipse([30, 60, 80, 150], fill=tuple(max(0, v - 40) for v in fur))
        d.ellipse([140, 60, 190, 150], fill=tuple(max(0, v - 40) for v in fur))
    d.ellipse([50, 50, 170, 180], fill=fur)
    for x in (85, 135):
        d.ellipse([x - 9, 100, x + 9, 118], fill=(40, 60, 30) if cat else (30, 20, 15))
    d.polygon([(102, 132), (118, 132), (110, 142)], fill=(200, 110, 110) if cat else (30, 20, 20))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    return add_noise(img, 8000 + seed, 6, mono=False)


def abstract(seed):
    """Flat geometric pattern (PNG-friendly)."""
    rng = np.random.default_rng(9000 + seed)
    W = 240
    pal = [["#264653", "#2A9D8F", "#E9C46A", "#F4A261", "#E76F51"],
           ["#03045E", "#0077B6", "#00B4D8", "#90E0EF", "#CAF0F8"],
           ["#590D22", "#A4133C", "#FF4D6D", "#FF8FA3", "#FFCCD5"],
           ["#1B4332", "#40916C", "#95D5B2", "#D8F3DC", "#081C15"],
           ["#3C096C", "#7B2CBF", "#C77DFF", "#E0AAFF", "#10002B"]][seed % 5]
    img = Image.new("RGB", (W, W), pal[int(rng.integers(5))])
    d = ImageDraw.Draw(img)
    kind = seed % 3
    for i in range(int(rng.integers(5, 12))):
        c = pal[int(rng.integers(5))]
        x, y = rng.random() * W, rng.random() * W
        r = 20 + rng.random() * 70
        if kind == 0:
            d.ellipse([x - r, y - r, x + r, y + r], fill=c)
        elif kind == 1:
            d.rectangle([x - r, y - r / 2, x + r, y + r / 2], fill=c)
        else:
            d.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], fill=c)
    return img


def silhouette(seed):
    """Default-style avatar: grey head-and-shoulders silhouette, an egg, or a solid colour."""
    W = 200
    kind = seed % 4
    if kind == 0:
        img = Image.new("RGB", (W, W), "#CCD6DD")
        d = ImageDraw.Draw(img)
        d.ellipse([70, 40, 130, 100], fill="#FFFFFF")
        d.ellipse([40, 110, 160, 230], fill="#FFFFFF")
        return img
    if kind == 1:
        bg = ["#E1E8ED", "#F5C2A8", "#B6E3D6"][seed % 3]
        img = Image.new("RGB", (W, W), bg)
        d = ImageDraw.Draw(img)
        d.ellipse([66, 46, 134, 150], fill="#FFFFFF")
        return img
    if kind == 2:
        return Image.new("RGB", (W, W), ["#1DA1F2", "#E0E0E0", "#333333", "#8E44AD", "#F39C12"][seed % 5])
    img = Image.new("RGB", (W, W), "#EEEEEE")
    d = ImageDraw.Draw(img)
    d.ellipse([60, 36, 140, 116], fill="#BDBDBD")
    d.pieslice([30, 120, 170, 260], 180, 360, fill="#BDBDBD")
    return img


def wordmark(text, seed, sub=None):
    """Shop or company logo: wordmark on a coloured shape."""
    rng = np.random.default_rng(11000 + seed)
    W = 240
    pals = [("#FFFFFF", "#C0392B"), ("#1F3A5F", "#FFFFFF"), ("#FFF4E0", "#7A4B1E"),
            ("#2E7D32", "#FFFFFF"), ("#FAFAFA", "#222222"), ("#6A1B9A", "#FFE082"),
            ("#E65100", "#FFFFFF"), ("#ECEFF1", "#37474F")]
    bg, fg = pals[seed % len(pals)]
    img, d, k = ss(W, W, bg, k=2)
    s = lambda v: int(v * k)
    shape = seed % 3
    if shape == 0:
        d.rounded_rectangle([s(18), s(18), s(222), s(222)], radius=s(30), outline=fg, width=s(4))
    elif shape == 1:
        d.ellipse([s(20), s(20), s(220), s(220)], outline=fg, width=s(3))
    kind = ["sansb", "serifb", "sans", "serif"][int(rng.integers(4))]
    lines = []
    for part in text.replace(" ", "\n").split("\n"):
        while len(part) > 7:
            lines.append(part[:6])
            part = part[6:]
        if part:
            lines.append(part)
    maxw = s(140) if shape == 1 else s(168)
    size = min(s(46), int(maxw / max(len(l) for l in lines)), int(s(150) / (len(lines) * 1.2)))
    y0 = s(112) - (len(lines) - 1) * size * 0.6
    for i, l in enumerate(lines):
        text_c(d, s(120), int(y0 + i * size * 1.2), l, kind, size, fg)
    if shape == 2:
        yl = int(y0 + (len(lines) - 0.4) * size * 1.2)
        d.line([s(40), yl, s(200), yl], fill=fg, width=s(3))
    if sub:
        text_c(d, s(120), s(200), sub, "sans", s(14), fg)
    return down(img, W, W)


def emblem(text, seed, symbol="star"):
    """Honest public-body logo (invented): a symbol on a shape and the body's own name."""
    rng = np.random.default_rng(12000 + seed)
    W = 260
    pals = [("#FFFFFF", "#1B5E20", "#43A047"), ("#FFFFFF", "#B71C1C", "#E53935"),
            ("#0D47A1", "#FFFFFF", "#90CAF9"), ("#FFF8E1", "#4E342E", "#FF8F00"),
            ("#FFFFFF", "#004D40", "#26A69A"), ("#263238", "#FFFFFF", "#FFD54F"),
            ("#F3E5F5", "#4A148C", "#AB47BC"), ("#FFFFFF", "#1A237E", "#3949AB")]
    bg, fg, ac = pals[seed % len(pals)]
    img, d, k = ss(W, W, bg, k=2)
    s = lambda v: int(v * k)
    c = (130, 100)
    if symbol == "star":
        star(d, s(c[0]), s(c[1]), s(62), s(26), 7, ac)
    elif symbol == "snow":
        for i in range(6):
            a = math.pi * i / 3
            d.line([s(c[0]), s(c[1]), s(c[0] + 60 * math.cos(a)), s(c[1] + 60 * math.sin(a))], fill=ac, width=s(7))
            for t in (0.55,):
                bx, by = c[0] + 60 * t * math.cos(a), c[1] + 60 * t * math.sin(a)
                for da in (-0.6, 0.6):
                    d.line([s(bx), s(by), s(bx + 20 * math.cos(a + da)), s(by + 20 * math.sin(a + da))], fill=ac, width=s(5))
    elif symbol == "mount":
        d.polygon([s(60), s(150), s(120), s(50), s(150), s(90), s(170), s(70), s(210), s(150)], fill=ac)
    elif symbol == "wave":
        for j in range(3):
            d.arc([s(60), s(50 + j * 22), s(200), s(130 + j * 22)], 200, 340, fill=ac, width=s(8))
    elif symbol == "shield":
        d.polygon([s(80), s(40), s(180), s(40), s(180), s(110), s(130), s(160), s(80), s(110)], fill=ac)
        star(d, s(130), s(92), s(30), s(13), 5, bg)
    elif symbol == "leaf":
        d.ellipse([s(80), s(50), s(180), s(150)], fill=ac)
        d.line([s(90), s(140), s(170), s(60)], fill=bg, width=s(5))
    elif symbol == "square":
        d.rectangle([s(75), s(45), s(185), s(155)], fill=ac)
        text_c(d, s(130), s(100), text[0], "serifb", s(70), bg)
    size = min(s(34), int(s(220) / max(1, len(text))))
    text_c(d, s(130), s(208), text, "sansb" if seed % 2 else "serifb", size, fg)
    return down(img, W, W)
