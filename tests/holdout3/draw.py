"""Picture drawing for the holdout3 set: genuine avatars, look-alike negatives, people, plain.

Every function takes a numpy Generator and returns an RGB PIL image; all randomness comes from
the generator, so the pictures are deterministic.
"""
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/opentype/noto/"
_FILES = {
    "sans": "NotoSansCJK-Regular.ttc",
    "sansb": "NotoSansCJK-Bold.ttc",
    "serif": "NotoSerifCJK-Regular.ttc",
    "serifb": "NotoSerifCJK-Bold.ttc",
}
_cache = {}


def font(kind, size):
    key = (kind, int(size))
    if key not in _cache:
        _cache[key] = ImageFont.truetype(FONT_DIR + _FILES[kind], int(size), index=0)
    return _cache[key]


def arr2img(a):
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGB")


def vgrad(w, h, c1, c2):
    t = np.linspace(0.0, 1.0, h)[:, None, None]
    a = (1 - t) * np.array(c1, float) + t * np.array(c2, float)
    return np.broadcast_to(a, (h, w, 3)).copy()


def radial(w, h, cin, cout, cx=0.5, cy=0.5, r=0.75):
    yy, xx = np.mgrid[0:h, 0:w]
    d = np.sqrt(((xx / w - cx) ** 2 + (yy / h - cy) ** 2)) / r
    t = np.clip(d, 0, 1)[:, :, None]
    return (1 - t) * np.array(cin, float) + t * np.array(cout, float)


def add_noise(img, rng, sigma, blur=0):
    a = np.asarray(img, float)
    n = rng.normal(0, sigma, a.shape[:2])[:, :, None]
    if blur:
        nimg = Image.fromarray(np.clip(n[:, :, 0] * 4 + 128, 0, 255).astype(np.uint8), "L")
        nimg = nimg.filter(ImageFilter.GaussianBlur(blur))
        n = (np.asarray(nimg, float) - 128)[:, :, None] / 4 * 3
    return arr2img(a + n)


def ridge(rng, w, base, amp, n=6):
    xs = np.arange(w + 1)
    y = np.full(w + 1, float(base))
    for k in range(1, n + 1):
        y += amp / k * np.sin(xs / w * math.pi * (k + rng.random()) + rng.random() * 6.28)
    y += np.cumsum(rng.normal(0, amp / 25, w + 1))
    return [(int(x), float(v)) for x, v in zip(xs, y)]


def fill_ridge(draw, pts, w, h, colour):
    draw.polygon([(0, h)] + pts + [(w, h)], fill=colour)


def text_c(draw, xy, s, kind, size, fill, stroke=0, stroke_fill=None, maxw=None):
    """Draw text centred at xy; shrink to fit maxw."""
    size = int(size)
    if maxw:
        while size > 8 and draw.textlength(s, font=font(kind, size)) > maxw:
            size -= 1
    draw.text(xy, s, font=font(kind, size), fill=fill, anchor="mm",
              stroke_width=stroke, stroke_fill=stroke_fill)
    return size


def vertical_text(draw, x, y0, s, kind, size, fill, step=None):
    step = step or size * 1.05
    for i, ch in enumerate(s):
        draw.text((x, y0 + i * step), ch, font=font(kind, size), fill=fill, anchor="mm")


def star(cx, cy, r1, r2, n=5, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r1 if i % 2 == 0 else r2
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def ring_text(img, s, cx, cy, r, kind, size, fill, start=-150, span=120):
    """Text laid along an arc (each character rotated)."""
    n = len(s)
    for i, ch in enumerate(s):
        a = start + (span * (i + 0.5) / n)
        t = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        d = ImageDraw.Draw(t)
        d.text((size, size), ch, font=font(kind, size), fill=fill, anchor="mm")
        t = t.rotate(-(a + 90), resample=Image.BICUBIC)
        x = cx + r * math.cos(math.radians(a)) - size
        y = cy + r * math.sin(math.radians(a)) - size
        img.paste(t, (int(x), int(y)), t)


def blur_layer(size, drawfn, radius):
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    drawfn(ImageDraw.Draw(layer))
    return layer.filter(ImageFilter.GaussianBlur(radius))


# ---------------------------------------------------------------- genuine pictures

def p_hellowork(rng):
    """Template: national Hello Work mark (wordmark with two swooshes)."""
    S = 320
    img = arr2img(radial(S, S, (255, 255, 255), (214, 232, 246), 0.5, 0.4, 0.8))
    img = add_noise(img, rng, 3)
    d = ImageDraw.Draw(img)
    d.pieslice([30, 40, 290, 300], 200, 340, fill=(0, 122, 195))
    d.pieslice([46, 58, 274, 300], 200, 340, fill=(240, 248, 253))
    d.pieslice([60, 70, 260, 280], 205, 335, fill=(0, 166, 81))
    d.pieslice([74, 88, 246, 280], 205, 335, fill=(240, 248, 253))
    d.ellipse([146, 44, 174, 72], fill=(245, 130, 32))
    text_c(d, (160, 178), "ハローワーク", "sansb", 50, (0, 84, 150), maxw=280)
    text_c(d, (160, 226), "Hello Work", "sansb", 30, (0, 150, 70))
    d.rounded_rectangle([48, 254, 272, 288], 10, fill=(0, 84, 150))
    text_c(d, (160, 270), "公共職業安定所", "sans", 20, (255, 255, 255))
    return img


def p_shinsotsu(rng):
    """Template: 新卒応援ハローワーク badge with rays and a mortarboard."""
    S = 300
    img = arr2img(radial(S, S, (255, 236, 150), (247, 160, 40), 0.5, 0.5, 0.75))
    d = ImageDraw.Draw(img)
    for i in range(24):
        a = math.radians(i * 15 + 4)
        b = math.radians(i * 15 + 11)
        d.polygon([(150, 150), (150 + 260 * math.cos(a), 150 + 260 * math.sin(a)),
                   (150 + 260 * math.cos(b), 150 + 260 * math.sin(b))], fill=(255, 214, 96))
    d.ellipse([38, 38, 262, 262], fill=(255, 255, 255), outline=(214, 92, 20), width=8)
    d.polygon([(150, 58), (212, 84), (150, 110), (88, 84)], fill=(40, 40, 70))
    d.rectangle([118, 92, 182, 118], fill=(40, 40, 70))
    d.line([(206, 86), (206, 124)], fill=(230, 180, 0), width=4)
    d.ellipse([200, 120, 212, 132], fill=(230, 180, 0))
    text_c(d, (150, 160), "新卒応援", "sansb", 48, (214, 72, 20))
    text_c(d, (150, 214), "ハローワーク", "sansb", 30, (60, 60, 90))
    img = add_noise(img, rng, 2.5)
    return img


def p_mothers(rng):
    """Template: マザーズハローワーク, parent and child with a heart."""
    S = 320
    img = arr2img(vgrad(S, S, (255, 226, 236), (255, 196, 214)))
    d = ImageDraw.Draw(img)
    for _ in range(30):
        x, y, r = rng.integers(0, S), rng.integers(0, S), rng.integers(3, 9)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(255, 240, 246))
    d.ellipse([86, 50, 146, 110], fill=(232, 84, 120))
    d.pieslice([60, 110, 172, 250], 180, 360, fill=(232, 84, 120))
    d.ellipse([170, 92, 210, 132], fill=(250, 150, 70))
    d.pieslice([152, 132, 228, 226], 180, 360, fill=(250, 150, 70))
    d.polygon(star(220, 64, 22, 10, 5), fill=(255, 210, 0))
    hx, hy = 150, 152
    d.ellipse([hx - 16, hy - 10, hx, hy + 6], fill=(255, 255, 255))
    d.ellipse([hx, hy - 10, hx + 16, hy + 6], fill=(255, 255, 255))
    d.polygon([(hx - 15, hy), (hx + 15, hy), (hx, hy + 18)], fill=(255, 255, 255))
    text_c(d, (160, 236), "マザーズ", "sansb", 40, (150, 30, 70))
    text_c(d, (160, 282), "ハローワーク", "sansb", 32, (150, 30, 70))
    return add_noise(img, rng, 3)


def p_bureau(rng):
    """Template: labour bureau emblem (navy disc, rings, arc text)."""
    S = 360
    img = arr2img(radial(S, S, (40, 70, 140), (12, 24, 64), 0.5, 0.45, 0.8)).convert("RGBA")
    d = ImageDraw.Draw(img)
    d.ellipse([40, 40, 320, 320], fill=(250, 250, 246), outline=(200, 160, 60), width=10)
    d.ellipse([70, 70, 290, 290], outline=(20, 50, 120), width=4)
    for i in range(12):
        a = math.radians(i * 30)
        x, y = 180 + 90 * math.cos(a), 180 + 90 * math.sin(a)
        d.ellipse([x - 9, y - 9, x + 9, y + 9], fill=(20, 50, 120))
    d.ellipse([120, 120, 240, 240], fill=(20, 50, 120))
    text_c(d, (180, 182), "労働局", "serifb", 34, (255, 255, 255))
    ring_text(img, "厚生労働省", 180, 180, 124, "serifb", 22, (20, 50, 120), start=-150, span=120)
    ring_text(img, "LABOUR", 180, 180, 124, "sansb", 18, (200, 150, 40), start=40, span=100)
    return add_noise(img.convert("RGB"), rng, 2)


def p_hokkaido(rng):
    """北海道労働局: photo-like snow mountains over a field, name band."""
    W = H = 360
    img = arr2img(vgrad(W, H, (70, 130, 210), (200, 226, 246)))
    d = ImageDraw.Draw(img)
    clouds = blur_layer((W, H), lambda dd: [dd.ellipse([x, y, x + 120, y + 36], fill=(255, 255, 255, 180))
                                            for x, y in [(20, 40), (190, 70), (120, 20)]], 10)
    img.paste(clouds, (0, 0), clouds)
    d = ImageDraw.Draw(img)
    back = ridge(rng, W, 170, 50)
    fill_ridge(d, back, W, H, (120, 140, 170))
    snow = [(x, y) for x, y in back]
    d.polygon([(x, y) for x, y in snow] + [(x, y + 18) for x, y in reversed(snow)], fill=(245, 248, 252))
    mid = ridge(rng, W, 225, 26)
    fill_ridge(d, mid, W, H, (50, 100, 70))
    front = ridge(rng, W, 265, 10)
    fill_ridge(d, front, W, H, (120, 170, 60))
    img = add_noise(img, rng, 7, blur=1)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 292, W, 346], fill=(10, 40, 90))
    text_c(d, (180, 318), "北海道労働局", "sansb", 36, (255, 255, 255))
    return img


def p_ss_mascot(rng):
    """札幌新卒応援: mascot in a suit with a speech bubble, dotted background."""
    S = 320
    img = arr2img(vgrad(S, S, (210, 240, 220), (160, 215, 190)))
    d = ImageDraw.Draw(img)
    for y in range(10, S, 24):
        for x in range(10 + (y // 24 % 2) * 12, S, 24):
            d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(190, 230, 205))
    d.ellipse([90, 170, 250, 330], fill=(40, 60, 110))
    d.polygon([(170, 180), (150, 240), (170, 300), (190, 240)], fill=(255, 255, 255))
    d.polygon([(170, 200), (162, 250), (170, 280), (178, 250)], fill=(220, 40, 40))
    d.ellipse([95, 80, 245, 210], fill=(255, 230, 200), outline=(120, 80, 50), width=3)
    d.pieslice([95, 70, 245, 180], 180, 360, fill=(90, 60, 40))
    d.ellipse([135, 130, 151, 150], fill=(30, 30, 30))
    d.ellipse([189, 130, 205, 150], fill=(30, 30, 30))
    d.ellipse([139, 133, 145, 139], fill=(255, 255, 255))
    d.ellipse([193, 133, 199, 139], fill=(255, 255, 255))
    d.ellipse([118, 156, 140, 170], fill=(255, 170, 170))
    d.ellipse([200, 156, 222, 170], fill=(255, 170, 170))
    d.arc([150, 150, 190, 185], 20, 160, fill=(120, 40, 40), width=4)
    d.rounded_rectangle([10, 12, 200, 66], 18, fill=(255, 255, 255), outline=(0, 140, 90), width=3)
    d.polygon([(120, 64), (140, 64), (128, 86)], fill=(255, 255, 255))
    text_c(d, (105, 39), "就活がんばろう!", "sansb", 22, (0, 120, 80))
    text_c(d, (268, 40), "札幌", "serifb", 30, (0, 110, 70))
    return add_noise(img, rng, 2)


def p_ss_high(rng):
    """【高校生支援用】: purple hexagon badge with pencil and text."""
    S = 280
    img = arr2img(radial(S, S, (250, 246, 255), (214, 200, 240)))
    d = ImageDraw.Draw(img)
    hexp = [(140 + 125 * math.cos(math.radians(a)), 140 + 125 * math.sin(math.radians(a)))
            for a in range(-90, 270, 60)]
    d.polygon(hexp, fill=(96, 52, 160))
    hexi = [(140 + 108 * math.cos(math.radians(a)), 140 + 108 * math.sin(math.radians(a)))
            for a in range(-90, 270, 60)]
    d.polygon(hexi, outline=(255, 220, 120), width=4)
    d.polygon([(70, 200), (190, 80), (206, 96), (86, 216)], fill=(255, 200, 40))
    d.polygon([(70, 200), (86, 216), (62, 224)], fill=(240, 210, 170))
    d.polygon([(190, 80), (206, 96), (214, 88), (198, 72)], fill=(240, 120, 150))
    text_c(d, (140, 118), "高校生", "sansb", 50, (255, 255, 255), stroke=3, stroke_fill=(96, 52, 160))
    text_c(d, (150, 178), "就職支援", "sansb", 34, (255, 240, 200), stroke=3, stroke_fill=(96, 52, 160))
    return add_noise(img, rng, 2)


def p_wakamono(rng):
    """札幌わかもの: sunrise with rays and a gradient wordmark."""
    S = 300
    img = arr2img(vgrad(S, S, (255, 120, 60), (255, 220, 120)))
    d = ImageDraw.Draw(img)
    for i in range(0, 180, 12):
        a, b = math.radians(180 + i), math.radians(180 + i + 6)
        d.polygon([(150, 210), (150 + 300 * math.cos(a), 210 + 300 * math.sin(a)),
                   (150 + 300 * math.cos(b), 210 + 300 * math.sin(b))], fill=(255, 170, 90))
    d.ellipse([90, 150, 210, 270], fill=(255, 250, 220))
    d.rectangle([0, 210, S, S], fill=(30, 90, 160))
    for y in range(216, S, 10):
        d.line([(rng.integers(0, 60), y), (rng.integers(240, 300), y)], fill=(70, 130, 200), width=2)
    mask = Image.new("L", (S, S), 0)
    ImageDraw.Draw(mask).text((150, 100), "わかもの", font=font("sansb", 62), anchor="mm", fill=255)
    grad = arr2img(vgrad(S, S, (20, 60, 140), (120, 30, 120)))
    img.paste(grad, (0, 0), mask)
    d = ImageDraw.Draw(img)
    text_c(d, (150, 256), "ハローワーク", "sansb", 34, (255, 255, 255))
    return add_noise(img, rng, 3)


def p_ms_flower(rng):
    """マザーズ札幌 (X/Instagram): bokeh photo with a flower."""
    S = 320
    img = arr2img(vgrad(S, S, (250, 200, 190), (240, 170, 200)))
    def bokeh(dd):
        for _ in range(22):
            x, y, r = rng.integers(0, S), rng.integers(0, S), rng.integers(14, 44)
            c = [(255, 240, 200, 120), (255, 255, 255, 110), (250, 160, 180, 120)][rng.integers(0, 3)]
            dd.ellipse([x - r, y - r, x + r, y + r], fill=c)
    lay = blur_layer((S, S), bokeh, 6)
    img.paste(lay, (0, 0), lay)
    d = ImageDraw.Draw(img)
    cx, cy = 160, 140
    d.line([(cx, cy), (cx + 10, 300)], fill=(60, 130, 60), width=8)
    d.ellipse([cx + 10, 220, cx + 70, 250], fill=(80, 150, 70))
    for k in range(8):
        a = math.radians(k * 45)
        x, y = cx + 46 * math.cos(a), cy + 46 * math.sin(a)
        d.ellipse([x - 34, y - 34, x + 34, y + 34], fill=(255, 250, 252), outline=(235, 170, 190), width=2)
    d.ellipse([cx - 28, cy - 28, cx + 28, cy + 28], fill=(250, 200, 40))
    img = add_noise(img, rng, 5, blur=1)
    d = ImageDraw.Draw(img)
    text_c(d, (160, 290), "マザーズ札幌", "serifb", 32, (140, 40, 80), stroke=3, stroke_fill=(255, 255, 255))
    return img


def p_obihiro(rng):
    """ハローワーク帯広: field photo with a barn and a red seal."""
    W = H = 340
    img = arr2img(vgrad(W, H, (90, 160, 230), (210, 235, 250)))
    d = ImageDraw.Draw(img)
    fill_ridge(d, ridge(rng, W, 175, 14), W, H, (100, 130, 110))
    d.rectangle([0, 200, W, H], fill=(210, 170, 70))
    for i in range(40):
        y = 200 + i * 4
        d.line([(0, y), (W, y + rng.integers(-3, 4))], fill=(180 + rng.integers(0, 40), 140, 50), width=2)
    d.polygon([(40, 200), (40, 150), (75, 120), (110, 150), (110, 200)], fill=(170, 40, 40))
    d.rectangle([62, 165, 88, 200], fill=(90, 20, 20))
    for x in range(140, 330, 18):
        d.line([(x, 198), (x, 180)], fill=(60, 80, 50), width=2)
        d.ellipse([x - 8, 168, x + 8, 184], fill=(50, 110, 50))
    img = add_noise(img, rng, 8, blur=1)
    d = ImageDraw.Draw(img)
    d.ellipse([230, 22, 320, 112], fill=(200, 30, 30))
    d.ellipse([238, 30, 312, 104], outline=(255, 235, 235), width=3)
    text_c(d, (275, 67), "帯広", "serifb", 34, (255, 240, 240))
    d.rounded_rectangle([20, 270, 320, 320], 12, fill=(255, 255, 255))
    text_c(d, (170, 295), "ハローワーク帯広", "sansb", 30, (30, 80, 40))
    return img


def p_chitose(rng):
    """ハローワーク千歳: sky, clouds, airplane, circular name mark."""
    S = 300
    img = arr2img(vgrad(S, S, (20, 90, 180), (150, 200, 240)))
    def clouds(dd):
        for _ in range(9):
            x, y = rng.integers(-40, S), rng.integers(150, 290)
            dd.ellipse([x, y, x + rng.integers(80, 160), y + rng.integers(30, 60)], fill=(255, 255, 255, 220))
    lay = blur_layer((S, S), clouds, 9)
    img.paste(lay, (0, 0), lay)
    plane = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    p = ImageDraw.Draw(plane)
    p.polygon([(60, 150), (250, 150), (270, 142), (250, 134), (60, 138)], fill=(245, 245, 250))
    p.polygon([(150, 142), (110, 80), (128, 80), (185, 142)], fill=(230, 230, 240))
    p.polygon([(150, 150), (110, 210), (128, 210), (185, 150)], fill=(215, 215, 228))
    p.polygon([(60, 140), (46, 112), (60, 112), (84, 140)], fill=(220, 50, 60))
    plane = plane.rotate(14, resample=Image.BICUBIC, center=(150, 145))
    img.paste(plane, (0, -40), plane)
    img = add_noise(img, rng, 4)
    d = ImageDraw.Draw(img)
    d.ellipse([178, 172, 288, 282], fill=(255, 255, 255), outline=(20, 90, 180), width=5)
    text_c(d, (233, 216), "千歳", "sansb", 36, (20, 70, 150))
    text_c(d, (233, 254), "ハローワーク", "sans", 15, (20, 70, 150))
    return img


def p_sakurajima(rng):
    """鹿児島労働局 新卒応援・ハロトレ: volcano at sunset with smoke plume."""
    W = H = 400
    img = arr2img(vgrad(W, H, (250, 120, 80), (255, 210, 140)))
    d = ImageDraw.Draw(img)
    d.ellipse([290, 190, 350, 250], fill=(255, 240, 180))
    def smoke(dd):
        x, y = 200, 150
        for i in range(14):
            r = 18 + i * 4
            dd.ellipse([x - r, y - r, x + r, y + r], fill=(120, 110, 120, 170))
            x += rng.integers(-6, 16)
            y -= 10
    lay = blur_layer((W, H), smoke, 8)
    img.paste(lay, (0, 0), lay)
    d = ImageDraw.Draw(img)
    d.polygon([(30, 290), (170, 160), (230, 160), (380, 290)], fill=(80, 60, 90))
    d.polygon([(170, 160), (230, 160), (250, 200), (150, 200)], fill=(100, 80, 110))
    d.rectangle([0, 288, W, H], fill=(40, 90, 150))
    for y in range(292, H, 7):
        x = rng.integers(0, W - 80)
        d.line([(x, y), (x + rng.integers(30, 120), y)], fill=(250, 180, 120), width=2)
    img = add_noise(img, rng, 6, blur=1)
    d = ImageDraw.Draw(img)
    text_c(d, (200, 52), "鹿児島労働局", "serifb", 44, (255, 255, 255), stroke=4, stroke_fill=(120, 40, 30))
    text_c(d, (200, 352), "新卒応援・ハロトレ", "sansb", 30, (255, 255, 255))
    return img


def p_kokubu(rng):
    """ハローワーク国分: vermilion hanko seal with ink texture."""
    S = 280
    img = arr2img(vgrad(S, S, (248, 242, 228), (236, 226, 204)))
    img = add_noise(img, rng, 6, blur=2)
    seal = Image.new("L", (S, S), 0)
    sd = ImageDraw.Draw(seal)
    sd.rounded_rectangle([36, 36, 244, 244], 14, fill=255)
    sd.rounded_rectangle([50, 50, 230, 230], 8, fill=0)
    vertical_text(sd, 180, 92, "国分", "serifb", 76, 255, step=88)
    vertical_text(sd, 100, 82, "職安", "serifb", 60, 255, step=74)
    sd.line([(140, 60), (140, 220)], fill=255, width=4)
    tex = rng.random((S, S))
    m = np.asarray(seal, float) / 255 * (tex > 0.12)
    m = Image.fromarray((m * 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.7))
    red = Image.new("RGB", (S, S), (200, 40, 30))
    img.paste(red, (0, 0), m)
    return img


def p_kunren(rng):
    """鹿児島労働局訓練課: helmeted mascot with a wrench."""
    S = 340
    img = arr2img(radial(S, S, (220, 240, 255), (120, 180, 230)))
    d = ImageDraw.Draw(img)
    for i in range(0, S, 20):
        d.line([(i, 0), (0, i)], fill=(140, 195, 240), width=2)
    d.rounded_rectangle([100, 190, 240, 320], 30, fill=(30, 90, 170))
    d.ellipse([90, 80, 250, 230], fill=(255, 224, 190), outline=(90, 60, 40), width=3)
    d.chord([84, 50, 256, 190], 180, 360, fill=(255, 150, 0))
    d.rectangle([80, 118, 260, 132], fill=(230, 120, 0))
    d.ellipse([155, 62, 185, 92], fill=(255, 255, 255))
    text_c(d, (170, 77), "訓", "sansb", 20, (230, 100, 0))
    d.ellipse([132, 150, 150, 170], fill=(30, 30, 30))
    d.ellipse([190, 150, 208, 170], fill=(30, 30, 30))
    d.arc([150, 170, 190, 205], 20, 160, fill=(140, 40, 40), width=4)
    d.ellipse([112, 172, 132, 186], fill=(255, 160, 160))
    d.ellipse([208, 172, 228, 186], fill=(255, 160, 160))
    d.line([(250, 240), (300, 190)], fill=(150, 150, 160), width=12)
    d.ellipse([288, 170, 320, 202], fill=(150, 150, 160))
    d.ellipse([298, 176, 314, 192], fill=(120, 180, 230))
    text_c(d, (170, 294), "くんれん", "sansb", 34, (255, 255, 255))
    return add_noise(img, rng, 2)


def p_taisaku(rng):
    """職業対策課: shield with laurel, gold on dark green."""
    S = 300
    img = arr2img(vgrad(S, S, (20, 70, 50), (10, 40, 30)))
    img = add_noise(img, rng, 5)
    d = ImageDraw.Draw(img)
    shield = [(150, 40), (240, 70), (230, 170), (150, 250), (70, 170), (60, 70)]
    d.polygon(shield, fill=(230, 190, 80))
    inner = [(150, 56), (224, 82), (216, 166), (150, 232), (84, 166), (76, 82)]
    d.polygon(inner, fill=(24, 90, 64))
    for side in (-1, 1):
        for k in range(7):
            a = math.radians(110 + k * 18)
            x = 150 + side * 112 * math.cos(a) * -1
            y = 160 + 112 * math.sin(a) * -1 + 60
            d.ellipse([x - 8, y - 14, x + 8, y + 14], fill=(200, 170, 70))
    text_c(d, (150, 120), "人材", "serifb", 46, (250, 230, 160))
    text_c(d, (150, 172), "確保", "serifb", 46, (250, 230, 160))
    text_c(d, (150, 276), "職業対策課", "sansb", 24, (230, 190, 80))
    return img


def p_kanoya(rng):
    """ハローワークかのや: rose close-up with leaves."""
    S = 320
    img = arr2img(radial(S, S, (255, 246, 236), (236, 220, 206)))
    d = ImageDraw.Draw(img)
    for ang in (210, 330):
        a = math.radians(ang)
        x, y = 160 + 110 * math.cos(a) * -1, 170 + 80
        d.ellipse([x - 60 if ang == 210 else x, y - 25, x + (0 if ang == 210 else 60), y + 25], fill=(60, 130, 60))
    d.line([(160, 200), (160, 318)], fill=(50, 110, 50), width=10)
    for r, c in [(100, (150, 10, 40)), (84, (190, 20, 50)), (66, (215, 40, 70)), (48, (190, 20, 50)),
                 (32, (230, 60, 90)), (18, (150, 10, 40))]:
        for k in range(6):
            a = math.radians(k * 60 + r * 3)
            x, y = 160 + r * 0.35 * math.cos(a), 140 + r * 0.35 * math.sin(a)
            d.ellipse([x - r * 0.7, y - r * 0.6, x + r * 0.7, y + r * 0.6], fill=c,
                      outline=(120, 0, 30), width=1)
    img = add_noise(img, rng, 5, blur=1)
    d = ImageDraw.Draw(img)
    text_c(d, (160, 290), "かのや", "serifb", 40, (120, 10, 40), stroke=3, stroke_fill=(255, 255, 255))
    return img


def p_kagoshima_hw(rng):
    """ハローワークかごしま LINE: green tile, speech bubble, volcano silhouette."""
    S = 300
    img = arr2img(vgrad(S, S, (6, 199, 85), (0, 150, 70)))
    d = ImageDraw.Draw(img)
    d.polygon([(0, 300), (90, 220), (130, 220), (230, 300)], fill=(0, 110, 50))
    d.rounded_rectangle([28, 40, 272, 190], 40, fill=(255, 255, 255))
    d.polygon([(200, 184), (236, 184), (246, 220)], fill=(255, 255, 255))
    text_c(d, (150, 96), "ハローワーク", "sansb", 36, (0, 120, 60))
    text_c(d, (150, 146), "かごしま", "serifb", 44, (40, 40, 40))
    d.ellipse([230, 230, 280, 280], fill=(255, 90, 90))
    d.ellipse([246, 246, 264, 264], fill=(255, 220, 80))
    return add_noise(img, rng, 2.5)


def p_bunkyo(rng):
    """文京区 ダイバー人材: purple emblem with 文, diversity stripes."""
    S = 320
    img = arr2img(vgrad(S, S, (250, 248, 255), (236, 230, 248)))
    d = ImageDraw.Draw(img)
    cols = [(230, 60, 60), (250, 150, 40), (250, 210, 40), (60, 170, 80), (50, 120, 210), (130, 70, 180)]
    for i, c in enumerate(cols):
        d.rectangle([0, 250 + i * 12, S, 262 + i * 12], fill=c)
    for k in range(6):
        a = math.radians(k * 60 - 90)
        x, y = 160 + 58 * math.cos(a), 120 + 58 * math.sin(a)
        d.ellipse([x - 42, y - 42, x + 42, y + 42], fill=(120, 70, 170))
    d.ellipse([96, 56, 224, 184], fill=(255, 255, 255))
    text_c(d, (160, 118), "文", "serifb", 92, (110, 50, 160))
    text_c(d, (160, 224), "ダイバー人材", "sansb", 34, (80, 40, 120))
    return add_noise(img, rng, 2)


GENUINE_PICTURES = {
    "hellowork": p_hellowork,
    "shinsotsu": p_shinsotsu,
    "mothers": p_mothers,
    "bureau": p_bureau,
    "hokkaido": p_hokkaido,
    "ss_mascot": p_ss_mascot,
    "ss_high": p_ss_high,
    "wakamono": p_wakamono,
    "ms_flower": p_ms_flower,
    "obihiro": p_obihiro,
    "chitose": p_chitose,
    "sakurajima": p_sakurajima,
    "kokubu": p_kokubu,
    "kunren": p_kunren,
    "taisaku": p_taisaku,
    "kanoya": p_kanoya,
    "kagoshima_hw": p_kagoshima_hw,
    "bunkyo": p_bunkyo,
}


# ---------------------------------------------------------------- own pictures of others

def emblem(rng, text, sub, bg1, bg2, fg, ring, shape="circle", kind="serifb", size=300):
    """A generic emblem: gradient bg, a shape, big text, a sub line. Used for other bodies,
    shops and clubs (their own drawing)."""
    S = size
    img = arr2img(radial(S, S, bg1, bg2, 0.5, 0.45, 0.8))
    d = ImageDraw.Draw(img)
    c = S // 2
    if shape == "circle":
        d.ellipse([c - 110, c - 120, c + 110, c + 100], fill=ring)
        d.ellipse([c - 96, c - 106, c + 96, c + 86], fill=fg)
    elif shape == "diamond":
        d.polygon([(c, c - 130), (c + 120, c - 10), (c, c + 110), (c - 120, c - 10)], fill=ring)
        d.polygon([(c, c - 110), (c + 100, c - 10), (c, c + 90), (c - 100, c - 10)], fill=fg)
    elif shape == "square":
        d.rounded_rectangle([c - 110, c - 120, c + 110, c + 90], 26, fill=ring)
        d.rounded_rectangle([c - 96, c - 106, c + 96, c + 76], 20, fill=fg)
    elif shape == "star":
        d.polygon(star(c, c - 12, 130, 60, 8), fill=ring)
        d.ellipse([c - 80, c - 92, c + 80, c + 68], fill=fg)
    elif shape == "flag":
        d.polygon([(40, 40), (260, 70), (240, 200), (50, 220)], fill=ring)
        d.polygon([(56, 56), (244, 82), (228, 188), (64, 204)], fill=fg)
    tcol = ring
    text_c(d, (c, c - 14), text, kind, 64, tcol, maxw=170)
    d.rounded_rectangle([30, S - 66, S - 30, S - 22], 12, fill=ring)
    text_c(d, (c, S - 44), sub, "sansb", 24, fg, maxw=S - 80)
    return add_noise(img, rng, 3)


def portrait(rng, bg, skin, hair, shirt, long_hair=False, glasses=False, size=300):
    S = size
    img = arr2img(vgrad(S, S, bg, tuple(max(0, v - 40) for v in bg)))
    def bokeh(dd):
        for _ in range(10):
            x, y, r = rng.integers(0, S), rng.integers(0, S // 2), rng.integers(10, 30)
            dd.ellipse([x - r, y - r, x + r, y + r], fill=(255, 255, 255, 70))
    lay = blur_layer((S, S), bokeh, 5)
    img.paste(lay, (0, 0), lay)
    d = ImageDraw.Draw(img)
    c = S // 2
    if long_hair:
        d.rounded_rectangle([c - 78, c - 90, c + 78, c + 70], 50, fill=hair)
    d.pieslice([c - 120, c + 50, c + 120, c + 290], 180, 360, fill=shirt)
    d.rectangle([c - 20, c + 20, c + 20, c + 60], fill=skin)
    d.ellipse([c - 60, c - 80, c + 60, c + 60], fill=skin)
    d.chord([c - 64, c - 92, c + 64, c + 20], 180, 360, fill=hair)
    d.ellipse([c - 30, c - 14, c - 18, c - 2], fill=(40, 30, 30))
    d.ellipse([c + 18, c - 14, c + 30, c - 2], fill=(40, 30, 30))
    d.arc([c - 20, c + 10, c + 20, c + 36], 20, 160, fill=(150, 60, 60), width=3)
    if glasses:
        d.ellipse([c - 40, c - 24, c - 8, c + 8], outline=(30, 30, 30), width=3)
        d.ellipse([c + 8, c - 24, c + 40, c + 8], outline=(30, 30, 30), width=3)
        d.line([(c - 8, c - 8), (c + 8, c - 8)], fill=(30, 30, 30), width=3)
    return add_noise(img, rng, 6, blur=1)


def default_avatar(kind, size=200):
    """Platform-default or plain pictures (no randomness)."""
    S = size
    if kind == "x_default":
        img = Image.new("RGB", (S, S), (207, 217, 222))
        d = ImageDraw.Draw(img)
        d.ellipse([S * 0.34, S * 0.2, S * 0.66, S * 0.52], fill=(255, 255, 255))
        d.pieslice([S * 0.18, S * 0.58, S * 0.82, S * 1.2], 180, 360, fill=(255, 255, 255))
        return img
    if kind == "ig_default":
        img = Image.new("RGB", (S, S), (255, 255, 255))
        d = ImageDraw.Draw(img)
        d.ellipse([0, 0, S - 1, S - 1], fill=(219, 219, 219))
        d.ellipse([S * 0.36, S * 0.22, S * 0.64, S * 0.5], fill=(255, 255, 255))
        d.chord([S * 0.2, S * 0.56, S * 0.8, S * 1.0], 180, 360, fill=(255, 255, 255))
        return img
    if kind == "fb_default":
        img = Image.new("RGB", (S, S), (200, 204, 210))
        d = ImageDraw.Draw(img)
        d.ellipse([S * 0.33, S * 0.18, S * 0.67, S * 0.52], fill=(240, 242, 245))
        d.pieslice([S * 0.15, S * 0.6, S * 0.85, S * 1.3], 180, 360, fill=(240, 242, 245))
        return img
    if kind == "yt_default":
        img = Image.new("RGB", (S, S), (3, 155, 229))
        d = ImageDraw.Draw(img)
        d.text((S / 2, S / 2), "ハ", font=font("sans", S // 2), fill=(255, 255, 255), anchor="mm")
        return img
    if kind.startswith("solid:"):
        r, g, b = (int(kind[6 + i * 2:8 + i * 2], 16) for i in range(3))
        return Image.new("RGB", (S, S), (r, g, b))
    if kind.startswith("letter:"):
        _, ch, col = kind.split(":")
        r, g, b = (int(col[i * 2:i * 2 + 2], 16) for i in range(3))
        img = Image.new("RGB", (S, S), (r, g, b))
        ImageDraw.Draw(img).text((S / 2, S / 2), ch, font=font("sans", S // 2), fill=(255, 255, 255),
                                 anchor="mm")
        return img
    raise ValueError(kind)


def scene(rng, sky1, sky2, ground, ridge_col, label, size=320, snow=False):
    """Own photo-like landscape (used for negatives with similar subjects)."""
    W = H = size
    img = arr2img(vgrad(W, H, sky1, sky2))
    d = ImageDraw.Draw(img)
    r = ridge(rng, W, H * 0.5, H * 0.12)
    fill_ridge(d, r, W, H, ridge_col)
    if snow:
        d.polygon(r + [(x, y + 12) for x, y in reversed(r)], fill=(250, 250, 250))
    fill_ridge(d, ridge(rng, W, H * 0.72, H * 0.04), W, H, ground)
    img = add_noise(img, rng, 7, blur=1)
    d = ImageDraw.Draw(img)
    if label:
        text_c(d, (W / 2, H * 0.16), label, "sansb", 34, (255, 255, 255), stroke=3,
               stroke_fill=(40, 40, 40), maxw=W - 30)
    return img
