"""Picture drawing for tests/holdout2 (seals, mascots, photo-like scenes, typographic marks).

Everything is drawn with Pillow and numpy from a seeded generator, so `make.py` is
deterministic. Pictures are drawn at 3x and reduced, for smooth edges.
"""

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SS = 3  # supersampling factor
FONT_SANS_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_SERIF_B = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
FONT_COND_B = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"


def font(path, size):
    return ImageFont.truetype(path, int(size))


def hexc(c):
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def finish(big, size):
    return big.resize((size, size), Image.LANCZOS)


def text_centered(d, xy, text, f, fill):
    d.text(xy, text, font=f, fill=fill, anchor="mm")


# ----------------------------------------------------------------------------- emblems

def star_points(cx, cy, r_out, r_in, n, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + 180.0 * i / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def emblem(d, kind, cx, cy, r, col, col2):
    if kind == "star7":
        d.polygon(star_points(cx, cy, r, r * 0.45, 7), fill=col)
        d.ellipse([cx - r * 0.22, cy - r * 0.22, cx + r * 0.22, cy + r * 0.22], fill=col2)
    elif kind == "star5":
        d.polygon(star_points(cx, cy, r, r * 0.4, 5), fill=col)
    elif kind == "snow":
        w = max(2, int(r * 0.12))
        for k in range(6):
            a = math.radians(60 * k - 90)
            x2, y2 = cx + r * math.cos(a), cy + r * math.sin(a)
            d.line([cx, cy, x2, y2], fill=col, width=w)
            for f in (0.5, 0.75):
                bx, by = cx + r * f * math.cos(a), cy + r * f * math.sin(a)
                for s in (-1, 1):
                    b = a + s * math.radians(45)
                    d.line([bx, by, bx + r * 0.25 * math.cos(b), by + r * 0.25 * math.sin(b)], fill=col, width=w)
        d.ellipse([cx - r * 0.15, cy - r * 0.15, cx + r * 0.15, cy + r * 0.15], fill=col2)
    elif kind == "sunrise":
        base = cy + r * 0.35
        for k in range(9):
            a = math.radians(180 + 22.5 * k)
            d.line([cx + r * 0.55 * math.cos(a), base + r * 0.55 * math.sin(a),
                    cx + r * 1.0 * math.cos(a), base + r * 1.0 * math.sin(a)], fill=col2, width=max(2, int(r * 0.1)))
        d.pieslice([cx - r * 0.45, base - r * 0.45, cx + r * 0.45, base + r * 0.45], 180, 360, fill=col)
        d.rectangle([cx - r, base + r * 0.05, cx + r, base + r * 0.15], fill=col)
        d.rectangle([cx - r * 0.7, base + r * 0.28, cx + r * 0.7, base + r * 0.36], fill=col)
    elif kind == "volcano":
        d.polygon([(cx - r, cy + r * 0.6), (cx - r * 0.2, cy - r * 0.35), (cx + r * 0.2, cy - r * 0.35),
                   (cx + r, cy + r * 0.6)], fill=col)
        for i, (dx, dy, rr) in enumerate([(0.0, -0.55, 0.18), (0.18, -0.8, 0.22), (0.42, -1.0, 0.2)]):
            d.ellipse([cx + r * (dx - rr), cy + r * (dy - rr), cx + r * (dx + rr), cy + r * (dy + rr)], fill=col2)
        d.rectangle([cx - r * 1.05, cy + r * 0.66, cx + r * 1.05, cy + r * 0.74], fill=col)
    elif kind == "rings":
        w = max(3, int(r * 0.16))
        d.ellipse([cx - r * 0.95, cy - r * 0.5, cx + r * 0.05, cy + r * 0.5], outline=col, width=w)
        d.ellipse([cx - r * 0.05, cy - r * 0.5, cx + r * 0.95, cy + r * 0.5], outline=col2, width=w)
    elif kind == "bowl":
        d.pieslice([cx - r, cy - r * 0.7, cx + r, cy + r * 0.9], 0, 180, fill=col)
        d.rectangle([cx - r * 1.05, cy + r * 0.05, cx + r * 1.05, cy + r * 0.16], fill=col)
        for dx in (-0.3, 0.0, 0.3):
            d.arc([cx + r * (dx - 0.15), cy - r * 0.9, cx + r * (dx + 0.15), cy - r * 0.1], 100, 260, fill=col2,
                  width=max(2, int(r * 0.08)))
    elif kind == "ball":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col2, outline=col, width=max(2, int(r * 0.08)))
        d.polygon(star_points(cx, cy, r * 0.38, r * 0.38, 5), fill=col)
        for k in range(5):
            a = math.radians(-90 + 72 * k)
            d.line([cx + r * 0.38 * math.cos(a), cy + r * 0.38 * math.sin(a), cx + r * 0.95 * math.cos(a),
                    cy + r * 0.95 * math.sin(a)], fill=col, width=max(2, int(r * 0.07)))
    elif kind == "flag":
        d.rectangle([cx - r * 0.7, cy - r * 0.9, cx - r * 0.6, cy + r * 0.9], fill=col)
        d.polygon([(cx - r * 0.6, cy - r * 0.9), (cx + r * 0.8, cy - r * 0.55), (cx - r * 0.6, cy - r * 0.2)], fill=col2)
    elif kind == "leaf":
        d.ellipse([cx - r * 0.5, cy - r, cx + r * 0.5, cy + r], fill=col)
        d.line([cx, cy - r * 0.9, cx, cy + r * 1.0], fill=col2, width=max(2, int(r * 0.08)))


# ----------------------------------------------------------------------------- seal

def ring_text(img, text, cx, cy, r, f, fill):
    n = len(text)
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        ang = -90 + 360.0 * i / n
        box = int(f.size * 1.6)
        tile = Image.new("RGBA", (box, box), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((box / 2, box / 2), ch, font=f, fill=fill, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC)
        x = cx + r * math.cos(math.radians(ang)) - box / 2
        y = cy + r * math.sin(math.radians(ang)) - box / 2
        img.alpha_composite(tile, (int(round(x)), int(round(y))))


def seal(size, bg, ring, text, emblem_kind, emblem_col, emblem_col2, inner=None, textcol="#ffffff"):
    S = size * SS
    img = Image.new("RGBA", (S, S), hexc(bg) + (255,))
    d = ImageDraw.Draw(img)
    m = S * 0.04
    d.ellipse([m, m, S - m, S - m], fill=hexc(ring))
    band = S * 0.15
    d.ellipse([m + band, m + band, S - m - band, S - m - band], fill=hexc(inner or bg))
    w = max(2, S // 120)
    d.ellipse([m + band * 0.12, m + band * 0.12, S - m - band * 0.12, S - m - band * 0.12], outline=hexc(textcol),
              width=w)
    d.ellipse([m + band * 0.88, m + band * 0.88, S - m - band * 0.88, S - m - band * 0.88], outline=hexc(textcol),
              width=w)
    f = font(FONT_SANS_B, S * 0.058)
    ring_text(img, text, S / 2, S / 2, S / 2 - m - band / 2, f, hexc(textcol) + (255,))
    d = ImageDraw.Draw(img)
    emblem(d, emblem_kind, S / 2, S / 2, S * 0.2, hexc(emblem_col), hexc(emblem_col2))
    return finish(img.convert("RGB"), size)


# ----------------------------------------------------------------------------- mascot

def mascot(size, bg, face, accent, kind, pattern="dots", pattern_col=None, eye="#2b2b2b", cheek="#f28b9b",
           seed=0):
    rng = np.random.default_rng(seed)
    S = size * SS
    img = Image.new("RGB", (S, S), hexc(bg))
    d = ImageDraw.Draw(img)
    pc = hexc(pattern_col or accent)
    if pattern == "dots":
        for y in range(0, S, S // 8):
            for x in range((y // (S // 8)) % 2 * S // 16, S, S // 8):
                d.ellipse([x - S * 0.012, y - S * 0.012, x + S * 0.012, y + S * 0.012], fill=pc)
    elif pattern == "hearts":
        for _ in range(14):
            x, y = rng.uniform(0, S, 2)
            r = S * rng.uniform(0.02, 0.035)
            d.ellipse([x - r, y - r, x, y], fill=pc)
            d.ellipse([x, y - r, x + r, y], fill=pc)
            d.polygon([(x - r, y - r * 0.4), (x + r, y - r * 0.4), (x, y + r)], fill=pc)
    elif pattern == "stripes":
        for k in range(-S, S, S // 10):
            d.polygon([(k, 0), (k + S // 20, 0), (k + S // 20 + S, S), (k + S, S)], fill=pc)
    cx, cy, r = S / 2, S * 0.55, S * 0.3
    # ears / head parts behind the face
    if kind in ("bear", "mother"):
        for s in (-1, 1):
            ex, ey = cx + s * r * 0.8, cy - r * 0.8
            d.ellipse([ex - r * 0.32, ey - r * 0.32, ex + r * 0.32, ey + r * 0.32], fill=hexc(face))
            d.ellipse([ex - r * 0.17, ey - r * 0.17, ex + r * 0.17, ey + r * 0.17], fill=hexc(cheek))
    if kind == "cat":
        for s in (-1, 1):
            d.polygon([(cx + s * r * 0.95, cy - r * 0.2), (cx + s * r * 0.75, cy - r * 1.2), (cx + s * r * 0.2, cy - r * 0.8)],
                      fill=hexc(face))
    if kind == "flower":
        for k in range(10):
            a = math.radians(36 * k)
            px, py = cx + r * 1.05 * math.cos(a), cy + r * 1.05 * math.sin(a)
            d.ellipse([px - r * 0.42, py - r * 0.42, px + r * 0.42, py + r * 0.42], fill=hexc(accent))
        for s in (-1, 1):
            d.ellipse([cx + s * r * 1.25 - r * 0.35, cy + r * 1.0, cx + s * r * 1.25 + r * 0.35, cy + r * 1.45],
                      fill=(70, 150, 80))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=hexc(face))
    # hair / hat
    if kind == "youth":
        pts = []
        for k in range(9):
            a = math.radians(200 + 140 * k / 8)
            rr = r * (1.25 if k % 2 else 0.95)
            pts.append((cx + rr * math.cos(a), cy - r * 0.1 + rr * math.sin(a)))
        d.polygon([(cx - r, cy - r * 0.05)] + pts + [(cx + r, cy - r * 0.05), (cx, cy - r * 0.55)],
                  fill=hexc(accent))
    elif kind == "helmet":
        d.chord([cx - r * 1.08, cy - r * 1.15, cx + r * 1.08, cy + r * 0.6], 180, 360, fill=hexc(accent))
        d.rectangle([cx - r * 1.25, cy - r * 0.3, cx + r * 1.25, cy - r * 0.16], fill=hexc(accent))
        d.rectangle([cx - r * 0.12, cy - r * 1.1, cx + r * 0.12, cy - r * 0.3], fill=(255, 255, 255))
    elif kind == "mother":
        bx, by = cx + r * 0.55, cy - r * 0.95
        d.polygon([(bx, by), (bx - r * 0.5, by - r * 0.3), (bx - r * 0.5, by + r * 0.3)], fill=hexc(accent))
        d.polygon([(bx, by), (bx + r * 0.5, by - r * 0.3), (bx + r * 0.5, by + r * 0.3)], fill=hexc(accent))
        d.ellipse([bx - r * 0.12, by - r * 0.12, bx + r * 0.12, by + r * 0.12], fill=hexc(accent))
    elif kind == "cap":
        d.chord([cx - r, cy - r, cx + r, cy + r * 0.2], 180, 360, fill=hexc(accent))
        d.ellipse([cx + r * 0.2, cy - r * 0.55, cx + r * 1.5, cy - r * 0.25], fill=hexc(accent))
    # eyes
    ey = cy + r * 0.02
    for s in (-1, 1):
        ex = cx + s * r * 0.38
        if kind in ("mother",):
            d.arc([ex - r * 0.16, ey - r * 0.12, ex + r * 0.16, ey + r * 0.16], 200, 340, fill=hexc(eye),
                  width=max(3, int(r * 0.07)))
        else:
            d.ellipse([ex - r * 0.11, ey - r * 0.16, ex + r * 0.11, ey + r * 0.16], fill=hexc(eye))
            d.ellipse([ex - r * 0.02, ey - r * 0.12, ex + r * 0.06, ey - r * 0.04], fill=(255, 255, 255))
        d.ellipse([ex + s * r * 0.12 - r * 0.13, ey + r * 0.22, ex + s * r * 0.12 + r * 0.13, ey + r * 0.36],
                  fill=hexc(cheek))
    # mouth
    if kind in ("helmet", "cat"):
        d.arc([cx - r * 0.25, cy + r * 0.2, cx, cy + r * 0.45], 0, 180, fill=hexc(eye), width=max(3, int(r * 0.06)))
        d.arc([cx, cy + r * 0.2, cx + r * 0.25, cy + r * 0.45], 0, 180, fill=hexc(eye), width=max(3, int(r * 0.06)))
    else:
        d.chord([cx - r * 0.22, cy + r * 0.22, cx + r * 0.22, cy + r * 0.6], 0, 180, fill=(190, 60, 70))
    if kind == "helmet":
        # wrench
        d.line([cx + r * 0.95, cy + r * 0.95, cx + r * 1.45, cy + r * 0.45], fill=(90, 90, 100), width=int(r * 0.14))
        d.ellipse([cx + r * 1.3, cy + r * 0.25, cx + r * 1.6, cy + r * 0.55], outline=(90, 90, 100),
                  width=int(r * 0.1))
    return finish(img, size)


# ----------------------------------------------------------------------------- scene

def ridge(rng, n, rough, base, amp):
    pts = np.zeros(n)
    step = n - 1
    pts[0], pts[-1] = rng.uniform(-1, 1, 2) * amp
    scale = amp
    while step > 1:
        half = step // 2
        for i in range(half, n - 1, step):
            pts[i] = (pts[i - half] + pts[i + half]) / 2 + rng.uniform(-1, 1) * scale
        scale *= rough
        step = half
    return base + pts


def scene(size, seed, sky_top, sky_bot, layers, ground, structure=None, sun=None, logo=None, grain=7.0,
          water=False):
    rng = np.random.default_rng(seed)
    S = size * SS
    t = np.linspace(0, 1, S)[:, None, None]
    a = np.array(hexc(sky_top), float)
    b = np.array(hexc(sky_bot), float)
    arr = np.broadcast_to(a * (1 - t) + b * t, (S, S, 3)).copy()
    img = Image.fromarray(arr.astype(np.uint8))
    d = ImageDraw.Draw(img)
    if sun:
        sx, sy, sr, sc = sun
        for k in range(6, 0, -1):
            rr = S * sr * (1 + k * 0.25)
            col = tuple(int(v) for v in (np.array(hexc(sc)) * 0.15 + arr[int(S * sy), int(S * sx)] * 0.85))
            d.ellipse([S * sx - rr, S * sy - rr, S * sx + rr, S * sy + rr], fill=col)
        d.ellipse([S * sx - S * sr, S * sy - S * sr, S * sx + S * sr, S * sy + S * sr], fill=hexc(sc))
    n = 257
    for (base, amp, rough, col) in layers:
        ys = ridge(rng, n, rough, base * S, amp * S)
        xs = np.linspace(0, S, n)
        poly = [(0, S)] + list(zip(xs, ys)) + [(S, S)]
        d.polygon(poly, fill=hexc(col))
    if structure:
        kind, sx, scol = structure
        X = S * sx
        c = hexc(scol)
        if kind == "tower":
            d.polygon([(X - S * 0.07, S * 0.78), (X - S * 0.015, S * 0.25), (X + S * 0.015, S * 0.25), (X + S * 0.07, S * 0.78)],
                      fill=c)
            d.rectangle([X - S * 0.004, S * 0.12, X + S * 0.004, S * 0.25], fill=c)
            d.rectangle([X - S * 0.045, S * 0.42, X + S * 0.045, S * 0.47], fill=c)
            d.rectangle([X - S * 0.035, S * 0.3, X + S * 0.035, S * 0.34], fill=(255, 230, 150))
        elif kind == "clock":
            d.rectangle([X - S * 0.16, S * 0.52, X + S * 0.16, S * 0.8], fill=c)
            d.polygon([(X - S * 0.19, S * 0.53), (X, S * 0.42), (X + S * 0.19, S * 0.53)], fill=c)
            d.rectangle([X - S * 0.055, S * 0.26, X + S * 0.055, S * 0.45], fill=c)
            d.polygon([(X - S * 0.07, S * 0.27), (X, S * 0.17), (X + S * 0.07, S * 0.27)], fill=c)
            d.ellipse([X - S * 0.035, S * 0.3, X + S * 0.035, S * 0.37], fill=(250, 245, 225))
            for k in range(3):
                d.rectangle([X - S * 0.12 + k * S * 0.09, S * 0.6, X - S * 0.09 + k * S * 0.09, S * 0.68], fill=(255, 220, 140))
        elif kind == "bridge":
            y = S * 0.62
            d.rectangle([0, y, S, y + S * 0.025], fill=c)
            for k in range(6):
                xx = S * (0.05 + 0.18 * k)
                d.rectangle([xx, y, xx + S * 0.02, y + S * 0.12], fill=c)
                d.arc([xx - S * 0.07, y - S * 0.08, xx + S * 0.11, y + S * 0.08], 180, 360, fill=c, width=int(S * 0.012))
        elif kind == "sakurajima":
            d.polygon([(X - S * 0.45, S * 0.72), (X - S * 0.2, S * 0.52), (X - S * 0.08, S * 0.4), (X - S * 0.02, S * 0.42),
                       (X + S * 0.04, S * 0.38), (X + S * 0.12, S * 0.43), (X + S * 0.25, S * 0.55), (X + S * 0.5, S * 0.72)],
                      fill=c)
            for k in range(7):
                rr = S * (0.03 + 0.012 * k)
                px, py = X + S * 0.025 * k, S * (0.33 - 0.035 * k)
                d.ellipse([px - rr, py - rr, px + rr, py + rr], fill=(205, 205, 208))
        elif kind == "plume":
            for k in range(7):
                rr = S * (0.03 + 0.012 * k)
                px, py = X + S * 0.02 * k, S * (0.34 - 0.035 * k)
                d.ellipse([px - rr, py - rr, px + rr, py + rr], fill=c)
    if ground:
        gtop, gcol = ground
        d.rectangle([0, S * gtop, S, S], fill=hexc(gcol))
    if water:
        for k in range(60):
            y = S * rng.uniform(0.72, 0.98)
            x = S * rng.uniform(0, 1)
            L = S * rng.uniform(0.02, 0.08)
            d.line([x, y, x + L, y], fill=(235, 245, 255), width=max(2, S // 300))
    img = img.filter(ImageFilter.GaussianBlur(SS * 0.6))
    arr = np.asarray(img).astype(float)
    arr += rng.normal(0, grain, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if logo:
        d = ImageDraw.Draw(img)
        kind = logo[0]
        if kind == "band":
            _, text, sub, col, tcol = logo
            y0 = S * 0.76
            d.rectangle([0, y0, S, S], fill=hexc(col))
            f = font(FONT_SANS_B, S * 0.11)
            d.text((S * 0.5, y0 + S * 0.085), text, font=f, fill=hexc(tcol), anchor="mm")
            if sub:
                f2 = font(FONT_SANS_B, S * 0.045)
                d.text((S * 0.5, y0 + S * 0.185), sub, font=f2, fill=hexc(tcol), anchor="mm")
        elif kind == "badge":
            _, text, cx, cy, col, tcol = logo
            r = S * 0.15
            d.ellipse([S * cx - r, S * cy - r, S * cx + r, S * cy + r], fill=hexc(col), outline=(255, 255, 255),
                      width=S // 80)
            d.text((S * cx, S * cy), text, font=font(FONT_SANS_B, S * 0.1), fill=hexc(tcol), anchor="mm")
        elif kind == "box":
            _, text, sub, col, tcol = logo
            x0, y0, x1, y1 = S * 0.46, S * 0.72, S * 0.95, S * 0.93
            d.rounded_rectangle([x0, y0, x1, y1], radius=S * 0.03, fill=hexc(col))
            d.text(((x0 + x1) / 2, y0 + S * 0.07), text, font=font(FONT_SANS_B, S * 0.08), fill=hexc(tcol), anchor="mm")
            d.text(((x0 + x1) / 2, y0 + S * 0.155), sub, font=font(FONT_SANS_B, S * 0.038), fill=hexc(tcol), anchor="mm")
    return finish(img, size)


# ----------------------------------------------------------------------------- typographic

def typo(size, bg, text, col, sub=None, subcol=None, deco=None, deco_col=None, fontpath=FONT_SERIF_B,
         scale=0.42, letter_cols=None, ty=0.45, seed=0, subty=None, subsize=0.075):
    rng = np.random.default_rng(seed)
    S = size * SS
    img = Image.new("RGB", (S, S), hexc(bg))
    d = ImageDraw.Draw(img)
    if deco == "roundsq":
        d.rounded_rectangle([S * 0.12, S * 0.1, S * 0.88, S * 0.74], radius=S * 0.12, fill=hexc(deco_col))
        d.arc([S * 0.05, S * 0.55, S * 0.95, S * 1.1], 200, 340, fill=hexc("#f39a1e"), width=int(S * 0.035))
    elif deco == "dotsring":
        for k in range(24):
            a = math.radians(15 * k)
            rr = S * 0.025
            x, y = S / 2 + S * 0.44 * math.cos(a), S / 2 + S * 0.44 * math.sin(a)
            c = letter_cols[k % len(letter_cols)] if letter_cols else deco_col
            d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=hexc(c))
    elif deco == "volcline":
        w = int(S * 0.018)
        d.line([(S * 0.18, S * 0.8), (S * 0.4, S * 0.62), (S * 0.5, S * 0.64), (S * 0.6, S * 0.62), (S * 0.82, S * 0.8)],
               fill=hexc(deco_col), width=w, joint="curve")
        d.line([(S * 0.1, S * 0.84), (S * 0.9, S * 0.84)], fill=hexc(deco_col), width=w)
        d.rectangle([S * 0.06, S * 0.06, S * 0.94, S * 0.94], outline=hexc(deco_col), width=w)
    elif deco == "gradcap":
        cx, cy = S * 0.5, S * 0.2
        d.polygon([(cx - S * 0.22, cy), (cx, cy - S * 0.08), (cx + S * 0.22, cy), (cx, cy + S * 0.08)], fill=hexc(deco_col))
        d.rectangle([cx - S * 0.12, cy + S * 0.02, cx + S * 0.12, cy + S * 0.1], fill=hexc(deco_col))
        d.line([cx + S * 0.18, cy, cx + S * 0.18, cy + S * 0.13], fill=hexc("#ffd23f"), width=int(S * 0.012))
    elif deco == "stripes":
        for k in range(5):
            y = S * (0.82 + 0.03 * k)
            d.rectangle([0, y, S, y + S * 0.012], fill=hexc(deco_col))
    f = font(fontpath, S * scale)
    if letter_cols:
        total = d.textlength(text, font=f)
        x = S / 2 - total / 2
        for i, ch in enumerate(text):
            d.text((x, S * ty), ch, font=f, fill=hexc(letter_cols[i % len(letter_cols)]), anchor="lm")
            x += d.textlength(ch, font=f)
    else:
        d.text((S / 2, S * ty), text, font=f, fill=hexc(col), anchor="mm")
    if sub:
        f2 = font(FONT_SANS_B, S * subsize)
        d.text((S / 2, S * (subty or 0.86)), sub, font=f2, fill=hexc(subcol or col), anchor="mm")
    return finish(img, size)


# ----------------------------------------------------------------------------- defaults and own pictures

def default_avatar(size, kind):
    S = size * SS
    if kind == "x_default":
        img = Image.new("RGB", (S, S), (204, 214, 221))
        d = ImageDraw.Draw(img)
        d.ellipse([S * 0.33, S * 0.2, S * 0.67, S * 0.54], fill=(245, 248, 250))
        d.chord([S * 0.18, S * 0.58, S * 0.82, S * 1.2], 180, 360, fill=(245, 248, 250))
    elif kind == "ig_default":
        img = Image.new("RGB", (S, S), (250, 250, 250))
        d = ImageDraw.Draw(img)
        d.ellipse([0, 0, S, S], fill=(219, 219, 219))
        d.ellipse([S * 0.35, S * 0.2, S * 0.65, S * 0.5], fill=(250, 250, 250))
        d.chord([S * 0.2, S * 0.58, S * 0.8, S * 1.15], 180, 360, fill=(250, 250, 250))
    elif kind == "line_default":
        img = Image.new("RGB", (S, S), (229, 233, 238))
        d = ImageDraw.Draw(img)
        d.ellipse([S * 0.36, S * 0.24, S * 0.64, S * 0.52], fill=(180, 188, 198))
        d.chord([S * 0.22, S * 0.6, S * 0.78, S * 1.1], 180, 360, fill=(180, 188, 198))
    elif kind.startswith("plain:"):
        img = Image.new("RGB", (S, S), hexc(kind.split(":")[1]))
    elif kind.startswith("grad:"):
        _, c1, c2 = kind.split(":")
        t = np.linspace(0, 1, S)[:, None, None]
        arr = np.array(hexc(c1)) * (1 - t) + np.array(hexc(c2)) * t
        img = Image.fromarray(np.broadcast_to(arr, (S, S, 3)).astype(np.uint8))
    elif kind.startswith("letter:"):
        _, ch, c = kind.split(":")
        img = Image.new("RGB", (S, S), hexc(c))
        ImageDraw.Draw(img).text((S / 2, S / 2), ch, font=font(FONT_SANS_B, S * 0.5), fill=(255, 255, 255),
                                 anchor="mm")
    else:
        raise ValueError(kind)
    return finish(img, size)


PALETTES = [
    ("#87ceeb", "#fdf6e3", "#6b8e23", "#556b2f", "#deb887"),
    ("#ffb6a3", "#ffe5b4", "#8a6f9e", "#5b4a72", "#c9a27e"),
    ("#1e2a5a", "#6f7fb5", "#2f3b5f", "#1b2340", "#39456d"),
    ("#a8e6cf", "#fffde0", "#3f7f5f", "#2d5d46", "#b2dfb0"),
    ("#f6d365", "#fda085", "#a0522d", "#6b3a1f", "#e2b07a"),
    ("#b3cde0", "#f0f4f8", "#7d8ca3", "#56657a", "#ffffff"),
]


def own_picture(size, seed, kind):
    """An honest account's own picture, unlike any genuine one."""
    rng = np.random.default_rng(seed)
    if kind == "landscape":
        p = PALETTES[seed % len(PALETTES)]
        return scene(size, seed, p[0], p[1], [(0.5, 0.12, 0.55, p[2]), (0.65, 0.08, 0.5, p[3])], (0.85, p[4]),
                     sun=(rng.uniform(0.2, 0.8), 0.3, 0.06, "#fff3c4") if seed % 2 else None, grain=6)
    if kind == "initial":
        cols = ["#e76f51", "#2a9d8f", "#264653", "#8e44ad", "#d35400", "#16a085", "#c0392b", "#7f8c8d"]
        letters = "AKMNRSTYEOPW"
        return typo(size, cols[seed % len(cols)], letters[seed % len(letters)], "#ffffff", fontpath=FONT_SANS_B,
                    scale=0.5, ty=0.5)
    if kind == "pet":
        faces = [("#fff0d9", "#c68b59", "cat"), ("#f5f5f5", "#444444", "cat"), ("#d9a066", "#7a4f2a", "bear")]
        fc, ac, k = faces[seed % len(faces)]
        bgs = ["#cde7f0", "#f0e6cd", "#e1f0cd", "#e0e0f0"]
        return mascot(size, bgs[seed % len(bgs)], fc, ac, k, pattern="none", seed=seed)
    if kind == "food":
        S = size * SS
        img = Image.new("RGB", (S, S), hexc(["#3b2a20", "#f4ecd8", "#283618"][seed % 3]))
        d = ImageDraw.Draw(img)
        d.ellipse([S * 0.1, S * 0.1, S * 0.9, S * 0.9], fill=(240, 240, 235))
        d.ellipse([S * 0.2, S * 0.2, S * 0.8, S * 0.8], fill=hexc(["#d4a373", "#e63946", "#f4a261"][seed % 3]))
        for _ in range(9):
            x, y = rng.uniform(0.3, 0.7, 2) * S
            r = S * rng.uniform(0.03, 0.07)
            d.ellipse([x - r, y - r, x + r, y + r], fill=hexc(["#6a994e", "#ffe8a3", "#bc4749"][int(rng.integers(3))]))
        img = img.filter(ImageFilter.GaussianBlur(SS * 0.5))
        arr = np.asarray(img).astype(float) + rng.normal(0, 5, (S, S, 3))
        return finish(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), size)
    if kind == "abstract":
        S = size * SS
        img = Image.new("RGB", (S, S), tuple(int(v) for v in rng.integers(100, 255, 3)))
        d = ImageDraw.Draw(img)
        for _ in range(7):
            x, y = rng.uniform(0, S, 2)
            r = S * rng.uniform(0.08, 0.3)
            col = tuple(int(v) for v in rng.integers(0, 255, 3))
            if rng.random() < 0.5:
                d.ellipse([x - r, y - r, x + r, y + r], fill=col)
            else:
                d.rectangle([x - r, y - r * 0.5, x + r, y + r * 0.5], fill=col)
        return finish(img, size)
    raise ValueError(kind)
