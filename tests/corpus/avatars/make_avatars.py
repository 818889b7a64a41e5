#!/usr/bin/env python3
"""Generate the avatar corpus for narisumashi.

    python3 tests/corpus/avatars/make_avatars.py      (needs Pillow and numpy)

Writes, next to this script:
  img/*.png, img/*.jpg   synthetic logo-like avatars and their manipulated copies
  genuine.jsonl          every account of the seed registry (seeds 000/001/002) with its avatar
                         (pass as --genuine)
  candidates.jsonl       labelled candidates (label / class / target_* / alt_targets / org / note)

Everything is deterministic: fixed random seeds, fixed drawing order, no timestamps
in the files (PNG written without metadata, JPEG without EXIF).  Re-running reproduces
the same pictures as long as Pillow's PNG/JPEG encoders are the same version.
The script clears img/ first, so nothing stale stays behind.

Labelling policy (see ../README.md): a copied picture of a genuine account is `suspect`
whatever the name (a disclaimer in the name does not clear it); a template picture that the
registry holds for several *different* offices, shown under the honest name of another
office, is `clear`; plain and default pictures prove nothing.
"""

import collections
import hashlib
import io
import json
import math
import os
import random
import shutil

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
IMG = os.path.join(HERE, "img")
SS = 2  # supersampling factor for anti-aliased shapes

FONT_BOLD = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
]
FONT_REG = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/Library/Fonts/Arial.ttf",
]


def font(px, bold=True):
    for p in (FONT_BOLD if bold else FONT_REG + FONT_BOLD):
        if os.path.exists(p):
            return ImageFont.truetype(p, max(px, 4))
    try:
        return ImageFont.load_default(size=px)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


# A few kanji as hand-placed strokes (no CJK font is assumed on the machine).
# Coordinates in the glyph's unit square.
KANJI = {
    "公": [[(0.38, 0.08), (0.12, 0.45)], [(0.62, 0.08), (0.9, 0.45)],
          [(0.48, 0.42), (0.22, 0.86), (0.8, 0.8)], [(0.66, 0.62), (0.86, 0.92)]],
    "式": [[(0.05, 0.3), (0.95, 0.3)], [(0.1, 0.52), (0.5, 0.52)], [(0.3, 0.52), (0.3, 0.84)],
          [(0.05, 0.9), (0.55, 0.8)], [(0.62, 0.05), (0.68, 0.55), (0.95, 0.95), (0.97, 0.75)],
          [(0.8, 0.06), (0.9, 0.16)]],
    "求": [[(0.08, 0.25), (0.92, 0.25)], [(0.5, 0.05), (0.5, 0.95), (0.4, 0.88)], [(0.7, 0.06), (0.82, 0.16)],
          [(0.15, 0.42), (0.38, 0.55)], [(0.45, 0.6), (0.1, 0.82)], [(0.85, 0.4), (0.58, 0.6)],
          [(0.55, 0.55), (0.92, 0.92)]],
    "人": [[(0.52, 0.08), (0.48, 0.45), (0.1, 0.92)], [(0.5, 0.42), (0.92, 0.92)]],
    "中": [[(0.15, 0.3), (0.85, 0.3), (0.85, 0.68), (0.15, 0.68), (0.15, 0.3)], [(0.5, 0.05), (0.5, 0.95)]],
}


# ---------------------------------------------------------------------------
# drawing primitives (all coordinates are fractions of the side, scaled by SS)
# ---------------------------------------------------------------------------

class Canvas:
    def __init__(self, size, bg=(255, 255, 255), base=None):
        if base is not None:
            self.size = base.size[0]
            self.s = self.size * SS
            self.im = base.convert("RGB").resize((self.s, self.s), Image.LANCZOS)
        else:
            self.size = size
            self.s = size * SS
            self.im = Image.new("RGB", (self.s, self.s), bg)
        self.d = ImageDraw.Draw(self.im)

    def p(self, v):  # fraction of the side -> pixels
        return int(round(v * self.s))

    def _redraw(self):
        self.d = ImageDraw.Draw(self.im)

    def gradient(self, c1, c2, angle=0):
        """Linear gradient from c1 to c2; angle 0 = top to bottom, 90 = left to right."""
        big = int(self.s * 1.5)
        g = Image.linear_gradient("L").resize((big, big))
        if angle:
            g = g.rotate(angle, resample=Image.BICUBIC)
        o = (big - self.s) // 2
        g = g.crop((o, o, o + self.s, o + self.s))
        self.im = Image.composite(Image.new("RGB", self.im.size, c2), Image.new("RGB", self.im.size, c1), g)
        self._redraw()

    def radial(self, c_in, c_out, cx=0.5, cy=0.5, r=0.8):
        g = Image.radial_gradient("L").resize((self.p(2 * r), self.p(2 * r)))
        mask = Image.new("L", self.im.size, 255)
        mask.paste(g, (self.p(cx - r), self.p(cy - r)))
        self.im = Image.composite(Image.new("RGB", self.im.size, c_out), Image.new("RGB", self.im.size, c_in), mask)
        self._redraw()

    def glow(self, cx, cy, r, col, alpha):
        ov = Image.new("RGBA", self.im.size, (0, 0, 0, 0))
        ImageDraw.Draw(ov).ellipse([self.p(cx - r), self.p(cy - r), self.p(cx + r), self.p(cy + r)],
                                   fill=tuple(col) + (alpha,))
        ov = ov.filter(ImageFilter.GaussianBlur(self.p(r) / 3))
        self.im = Image.alpha_composite(self.im.convert("RGBA"), ov).convert("RGB")
        self._redraw()

    def circle(self, cx, cy, r, fill=None, outline=None, width=0):
        self.d.ellipse([self.p(cx - r), self.p(cy - r), self.p(cx + r), self.p(cy + r)],
                       fill=fill, outline=outline, width=self.p(width) if width else 0)

    def ellipse(self, x0, y0, x1, y1, fill=None, outline=None, width=0):
        self.d.ellipse([self.p(x0), self.p(y0), self.p(x1), self.p(y1)], fill=fill, outline=outline,
                       width=self.p(width) if width else 0)

    def arc(self, cx, cy, r, a0, a1, fill, width):
        self.d.arc([self.p(cx - r), self.p(cy - r), self.p(cx + r), self.p(cy + r)], a0, a1, fill=fill,
                   width=self.p(width))

    def pie(self, cx, cy, r, a0, a1, fill):
        self.d.pieslice([self.p(cx - r), self.p(cy - r), self.p(cx + r), self.p(cy + r)], a0, a1, fill=fill)

    def rect(self, x0, y0, x1, y1, fill=None, radius=0, outline=None, width=0):
        box = [self.p(x0), self.p(y0), self.p(x1), self.p(y1)]
        w = self.p(width) if width else 0
        if radius:
            self.d.rounded_rectangle(box, radius=self.p(radius), fill=fill, outline=outline, width=w)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=w)

    def poly(self, pts, fill=None):
        self.d.polygon([(self.p(x), self.p(y)) for x, y in pts], fill=fill)

    def line(self, pts, fill, width):
        self.d.line([(self.p(x), self.p(y)) for x, y in pts], fill=fill, width=self.p(width), joint="curve")

    def text(self, cx, cy, s, fill, px, bold=True, anchor="mm"):
        self.d.text((self.p(cx), self.p(cy)), s, fill=fill, font=font(self.p(px), bold), anchor=anchor)

    def fit_text(self, cx, cy, s, fill, px, max_w, bold=True):
        """Text centred at (cx, cy), shrunk until it is at most max_w wide."""
        while px > 0.02:
            f = font(self.p(px), bold)
            if f.getlength(s) <= self.p(max_w):
                break
            px *= 0.93
        self.text(cx, cy, s, fill, px, bold)

    def kanji(self, s, cx, cy, h, fill, weight=0.11):
        step = h * 1.02
        x0 = cx - step * len(s) / 2
        for k, ch in enumerate(s):
            for stroke in KANJI[ch]:
                pts = [(x0 + k * step + 0.04 * h + x * h * 0.92, cy - h / 2 + y * h) for x, y in stroke]
                self.line(pts, fill, h * weight)

    def done(self, size=None):
        n = size or self.size
        return self.im.resize((n, n), Image.LANCZOS)


def star_pts(cx, cy, r_out, r_in, n=5, rot=-90):
    pts = []
    for k in range(2 * n):
        r = r_out if k % 2 == 0 else r_in
        a = math.radians(rot + k * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def rot_pts(pts, cx, cy, deg):
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def leaf(c, cx, cy, r, deg, col):
    pts = []
    for k in range(21):
        t = k / 20
        pts.append((cx + (t - 0.5) * 2 * r, cy - 0.45 * r * math.sin(math.pi * t)))
    for k in range(20, -1, -1):
        t = k / 20
        pts.append((cx + (t - 0.5) * 2 * r, cy + 0.45 * r * math.sin(math.pi * t)))
    c.poly(rot_pts(pts, cx, cy, deg), fill=col)


# ---------------------------------------------------------------------------
# emblems (shared by genuine logos and negatives)
# ---------------------------------------------------------------------------

def e_snowflake(c, cx, cy, r, col, w=None):
    w = w or r * 0.12
    for k in range(6):
        a = math.radians(k * 60 - 90)
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        c.line([(cx, cy), (x, y)], col, w)
        for s in (-1, 1):
            b = a + s * math.radians(35)
            mx, my = cx + 0.6 * r * math.cos(a), cy + 0.6 * r * math.sin(a)
            c.line([(mx, my), (mx + 0.3 * r * math.cos(b), my + 0.3 * r * math.sin(b))], col, w * 0.8)


def e_heart(c, cx, cy, r, col):
    c.circle(cx - r * 0.5, cy - r * 0.2, r * 0.55, fill=col)
    c.circle(cx + r * 0.5, cy - r * 0.2, r * 0.55, fill=col)
    c.poly([(cx - r * 1.02, cy - r * 0.02), (cx + r * 1.02, cy - r * 0.02), (cx, cy + r * 1.05)], fill=col)


def e_person(c, cx, cy, r, col, arms=False):
    c.circle(cx, cy - 0.55 * r, 0.3 * r, fill=col)
    c.ellipse(cx - 0.55 * r, cy - 0.15 * r, cx + 0.55 * r, cy + 1.0 * r, fill=col)
    if arms:
        c.line([(cx - 0.4 * r, cy), (cx - 0.85 * r, cy - 0.6 * r)], col, 0.2 * r)
        c.line([(cx + 0.4 * r, cy), (cx + 0.85 * r, cy - 0.6 * r)], col, 0.2 * r)


def e_cap(c, cx, cy, r, col, tassel):
    c.poly([(cx - r, cy), (cx, cy - 0.45 * r), (cx + r, cy), (cx, cy + 0.45 * r)], fill=col)
    c.rect(cx - 0.55 * r, cy + 0.1 * r, cx + 0.55 * r, cy + 0.55 * r, fill=col)
    c.line([(cx, cy), (cx + 0.75 * r, cy + 0.15 * r), (cx + 0.75 * r, cy + 0.7 * r)], tassel, 0.08 * r)
    c.circle(cx + 0.75 * r, cy + 0.75 * r, 0.1 * r, fill=tassel)


def e_pencil(c, cx, cy, r, body, tip, eraser, deg=-45):
    w = 0.22 * r
    parts = [
        ([(cx - r, cy - w), (cx - 0.7 * r, cy - w), (cx - 0.7 * r, cy + w), (cx - r, cy + w)], eraser),
        ([(cx - 0.7 * r, cy - w), (cx + 0.55 * r, cy - w), (cx + 0.55 * r, cy + w), (cx - 0.7 * r, cy + w)], body),
        ([(cx + 0.55 * r, cy - w), (cx + r, cy), (cx + 0.55 * r, cy + w)], tip),
        ([(cx + 0.85 * r, cy - 0.07 * r), (cx + r, cy), (cx + 0.85 * r, cy + 0.07 * r)], (40, 40, 40)),
    ]
    for pts, col in parts:
        c.poly(rot_pts(pts, cx, cy, deg), fill=col)


def e_sprout(c, cx, cy, r, col):
    c.line([(cx, cy + r), (cx, cy - 0.1 * r)], col, 0.12 * r)
    leaf(c, cx - 0.42 * r, cy - 0.25 * r, 0.45 * r, 25, col)
    leaf(c, cx + 0.42 * r, cy - 0.4 * r, 0.5 * r, -30, col)


def e_play(c, cx, cy, r, col):
    c.poly([(cx - 0.4 * r, cy - 0.55 * r), (cx - 0.4 * r, cy + 0.55 * r), (cx + 0.55 * r, cy)], fill=col)


def e_volcano(c, cx, cy, r, col, smoke):
    c.poly([(cx - r, cy + 0.5 * r), (cx - 0.25 * r, cy - 0.25 * r), (cx + 0.05 * r, cy - 0.1 * r),
            (cx + 0.25 * r, cy - 0.25 * r), (cx + r, cy + 0.5 * r)], fill=col)
    for k, (dx, dy, rr) in enumerate([(0.0, -0.45, 0.15), (0.12, -0.68, 0.19), (0.3, -0.9, 0.22)]):
        c.circle(cx + dx * r, cy + dy * r, rr * r, fill=smoke)


def e_clapper(c, cx, cy, r, col, stripe):
    c.rect(cx - r, cy - 0.25 * r, cx + r, cy + 0.8 * r, fill=col, radius=0.08 * r)
    top = [(cx - r, cy - 0.35 * r), (cx + r, cy - 0.75 * r), (cx + r, cy - 0.45 * r), (cx - r, cy - 0.05 * r)]
    c.poly(top, fill=col)
    for k in range(4):
        x = -0.8 + k * 0.45
        y0 = -0.35 - (x + 1) * 0.2
        c.poly([(cx + x * r, cy + (y0 + 0.02) * r), (cx + (x + 0.18) * r, cy + (y0 - 0.05) * r),
                (cx + (x + 0.05) * r, cy + (y0 + 0.25) * r), (cx + (x - 0.13) * r, cy + (y0 + 0.32) * r)],
               fill=stripe)


def e_gear(c, cx, cy, r, col, hole):
    for k in range(8):
        a = k * 45
        c.poly(rot_pts([(cx - 0.16 * r, cy - 1.0 * r), (cx + 0.16 * r, cy - 1.0 * r),
                        (cx + 0.2 * r, cy - 0.6 * r), (cx - 0.2 * r, cy - 0.6 * r)], cx, cy, a), fill=col)
    c.circle(cx, cy, 0.75 * r, fill=col)
    c.circle(cx, cy, 0.32 * r, fill=hole)


def e_wrench(c, cx, cy, r, col, bg):
    pts = [(cx - 0.12 * r, cy - 0.3 * r), (cx + 0.12 * r, cy - 0.3 * r), (cx + 0.12 * r, cy + 0.9 * r),
           (cx - 0.12 * r, cy + 0.9 * r)]
    c.poly(rot_pts(pts, cx, cy, 40), fill=col)
    hx, hy = rot_pts([(cx, cy - 0.45 * r)], cx, cy, 40)[0]
    c.circle(hx, hy, 0.32 * r, fill=col)
    nx, ny = rot_pts([(cx, cy - 0.72 * r)], cx, cy, 40)[0]
    c.circle(nx, ny, 0.14 * r, fill=bg)


def e_handshake(c, cx, cy, r, a, b):
    c.poly(rot_pts([(cx - r, cy - 0.25 * r), (cx + 0.3 * r, cy - 0.25 * r), (cx + 0.3 * r, cy + 0.2 * r),
                    (cx - r, cy + 0.2 * r)], cx, cy, -20), fill=a)
    c.poly(rot_pts([(cx - 0.3 * r, cy - 0.2 * r), (cx + r, cy - 0.2 * r), (cx + r, cy + 0.25 * r),
                    (cx - 0.3 * r, cy + 0.25 * r)], cx, cy, 20), fill=b)
    for k in range(3):
        c.circle(cx - 0.15 * r + k * 0.2 * r, cy + 0.28 * r, 0.12 * r, fill=b)


def e_rose(c, cx, cy, r, petal, inner, leafcol):
    leaf(c, cx - 0.75 * r, cy + 0.65 * r, 0.45 * r, -35, leafcol)
    leaf(c, cx + 0.75 * r, cy + 0.65 * r, 0.45 * r, 35, leafcol)
    for k in range(6):
        a = math.radians(k * 60)
        c.circle(cx + 0.45 * r * math.cos(a), cy + 0.45 * r * math.sin(a), 0.5 * r, fill=petal)
    c.circle(cx, cy, 0.55 * r, fill=inner)
    c.arc(cx, cy, 0.38 * r, 200, 520, petal, 0.08 * r)
    c.arc(cx, cy, 0.18 * r, 30, 330, petal, 0.08 * r)


def e_stroller(c, cx, cy, r, col, wheel):
    c.pie(cx, cy - 0.1 * r, 0.8 * r, 180, 360, col)
    c.pie(cx, cy - 0.1 * r, 0.8 * r, 270, 360, (255, 255, 255))
    c.pie(cx, cy - 0.1 * r, 0.65 * r, 270, 360, col)
    c.rect(cx - 0.8 * r, cy - 0.12 * r, cx + 0.8 * r, cy + 0.3 * r, fill=col, radius=0.15 * r)
    c.line([(cx + 0.75 * r, cy - 0.05 * r), (cx + 1.0 * r, cy - 0.6 * r)], col, 0.1 * r)
    for dx in (-0.5, 0.5):
        c.circle(cx + dx * r, cy + 0.55 * r, 0.22 * r, fill=wheel)
        c.circle(cx + dx * r, cy + 0.55 * r, 0.08 * r, fill=col)


def e_bubble(c, cx, cy, r, col):
    c.rect(cx - r, cy - 0.7 * r, cx + r, cy + 0.55 * r, fill=col, radius=0.35 * r)
    c.poly([(cx - 0.45 * r, cy + 0.45 * r), (cx - 0.05 * r, cy + 0.45 * r), (cx - 0.6 * r, cy + 0.95 * r)], fill=col)


def e_family(c, cx, cy, r, big, small):
    e_person(c, cx - 0.3 * r, cy - 0.1 * r, 0.75 * r, big)
    e_person(c, cx + 0.45 * r, cy + 0.25 * r, 0.45 * r, small)


# emblems only used by negatives
def e_cup(c, cx, cy, r, col, bg):
    c.rect(cx - 0.6 * r, cy - 0.4 * r, cx + 0.4 * r, cy + 0.6 * r, fill=col, radius=0.15 * r)
    c.circle(cx + 0.55 * r, cy + 0.05 * r, 0.3 * r, fill=col)
    c.circle(cx + 0.55 * r, cy + 0.05 * r, 0.15 * r, fill=bg)
    for k in range(3):
        x = cx - 0.4 * r + k * 0.3 * r
        c.line([(x, cy - 0.55 * r), (x + 0.08 * r, cy - 0.75 * r), (x, cy - 0.95 * r)], col, 0.07 * r)


def e_fish(c, cx, cy, r, col, eye):
    c.ellipse(cx - 0.8 * r, cy - 0.45 * r, cx + 0.5 * r, cy + 0.45 * r, fill=col)
    c.poly([(cx + 0.35 * r, cy), (cx + r, cy - 0.45 * r), (cx + r, cy + 0.45 * r)], fill=col)
    c.circle(cx - 0.45 * r, cy - 0.1 * r, 0.09 * r, fill=eye)


def e_book(c, cx, cy, r, col, page):
    c.poly([(cx - r, cy - 0.6 * r), (cx, cy - 0.45 * r), (cx + r, cy - 0.6 * r), (cx + r, cy + 0.6 * r),
            (cx, cy + 0.75 * r), (cx - r, cy + 0.6 * r)], fill=col)
    c.poly([(cx - 0.85 * r, cy - 0.48 * r), (cx - 0.05 * r, cy - 0.35 * r), (cx - 0.05 * r, cy + 0.6 * r),
            (cx - 0.85 * r, cy + 0.48 * r)], fill=page)
    c.poly([(cx + 0.85 * r, cy - 0.48 * r), (cx + 0.05 * r, cy - 0.35 * r), (cx + 0.05 * r, cy + 0.6 * r),
            (cx + 0.85 * r, cy + 0.48 * r)], fill=page)


def e_house(c, cx, cy, r, col, door):
    c.poly([(cx - r, cy - 0.05 * r), (cx, cy - 0.9 * r), (cx + r, cy - 0.05 * r)], fill=col)
    c.rect(cx - 0.7 * r, cy - 0.1 * r, cx + 0.7 * r, cy + 0.8 * r, fill=col)
    c.rect(cx - 0.18 * r, cy + 0.3 * r, cx + 0.18 * r, cy + 0.8 * r, fill=door)


def e_car(c, cx, cy, r, col, wheel):
    c.rect(cx - r, cy - 0.1 * r, cx + r, cy + 0.45 * r, fill=col, radius=0.15 * r)
    c.poly([(cx - 0.55 * r, cy - 0.1 * r), (cx - 0.3 * r, cy - 0.55 * r), (cx + 0.35 * r, cy - 0.55 * r),
            (cx + 0.6 * r, cy - 0.1 * r)], fill=col)
    for dx in (-0.55, 0.55):
        c.circle(cx + dx * r, cy + 0.5 * r, 0.22 * r, fill=wheel)


def e_paw(c, cx, cy, r, col):
    c.ellipse(cx - 0.45 * r, cy - 0.05 * r, cx + 0.45 * r, cy + 0.7 * r, fill=col)
    for dx, dy in [(-0.7, -0.25), (-0.28, -0.65), (0.28, -0.65), (0.7, -0.25)]:
        c.circle(cx + dx * r, cy + dy * r, 0.2 * r, fill=col)


def e_note(c, cx, cy, r, col):
    c.circle(cx - 0.45 * r, cy + 0.55 * r, 0.28 * r, fill=col)
    c.circle(cx + 0.45 * r, cy + 0.4 * r, 0.28 * r, fill=col)
    c.line([(cx - 0.2 * r, cy + 0.55 * r), (cx - 0.2 * r, cy - 0.75 * r)], col, 0.12 * r)
    c.line([(cx + 0.7 * r, cy + 0.4 * r), (cx + 0.7 * r, cy - 0.9 * r)], col, 0.12 * r)
    c.poly([(cx - 0.26 * r, cy - 0.8 * r), (cx + 0.76 * r, cy - 0.95 * r), (cx + 0.76 * r, cy - 0.65 * r),
            (cx - 0.26 * r, cy - 0.5 * r)], fill=col)


def e_tree(c, cx, cy, r, col, trunk):
    c.rect(cx - 0.12 * r, cy + 0.3 * r, cx + 0.12 * r, cy + r, fill=trunk)
    for k, (w, y) in enumerate([(0.9, 0.45), (0.7, 0.0), (0.5, -0.4)]):
        c.poly([(cx - w * r, cy + y * r), (cx, cy + (y - 0.65) * r), (cx + w * r, cy + y * r)], fill=col)


def e_bread(c, cx, cy, r, col, cut):
    c.ellipse(cx - r, cy - 0.55 * r, cx + r, cy + 0.55 * r, fill=col)
    for k in range(3):
        x = cx - 0.45 * r + k * 0.45 * r
        c.line([(x - 0.12 * r, cy + 0.2 * r), (x + 0.12 * r, cy - 0.2 * r)], cut, 0.08 * r)


def e_camera(c, cx, cy, r, col, lens):
    c.rect(cx - r, cy - 0.5 * r, cx + r, cy + 0.65 * r, fill=col, radius=0.15 * r)
    c.rect(cx - 0.35 * r, cy - 0.75 * r, cx + 0.2 * r, cy - 0.4 * r, fill=col)
    c.circle(cx, cy + 0.08 * r, 0.42 * r, fill=lens)
    c.circle(cx, cy + 0.08 * r, 0.25 * r, fill=col)


def e_tulip(c, cx, cy, r, col, stem):
    c.line([(cx, cy + r), (cx, cy)], stem, 0.1 * r)
    leaf(c, cx + 0.3 * r, cy + 0.6 * r, 0.35 * r, -50, stem)
    c.poly([(cx - 0.45 * r, cy - 0.75 * r), (cx - 0.2 * r, cy - 0.45 * r), (cx, cy - 0.8 * r),
            (cx + 0.2 * r, cy - 0.45 * r), (cx + 0.45 * r, cy - 0.75 * r), (cx + 0.45 * r, cy - 0.2 * r),
            (cx, cy + 0.1 * r), (cx - 0.45 * r, cy - 0.2 * r)], fill=col)


def e_truck(c, cx, cy, r, col, wheel):
    c.rect(cx - r, cy - 0.6 * r, cx + 0.3 * r, cy + 0.35 * r, fill=col)
    c.poly([(cx + 0.35 * r, cy - 0.3 * r), (cx + 0.75 * r, cy - 0.3 * r), (cx + r, cy),
            (cx + r, cy + 0.35 * r), (cx + 0.35 * r, cy + 0.35 * r)], fill=col)
    for dx in (-0.6, 0.65):
        c.circle(cx + dx * r, cy + 0.45 * r, 0.2 * r, fill=wheel)


def e_key(c, cx, cy, r, col, hole):
    c.circle(cx - 0.5 * r, cy, 0.4 * r, fill=col)
    c.circle(cx - 0.5 * r, cy, 0.15 * r, fill=hole)
    c.rect(cx - 0.15 * r, cy - 0.1 * r, cx + r, cy + 0.1 * r, fill=col)
    c.rect(cx + 0.55 * r, cy + 0.1 * r, cx + 0.7 * r, cy + 0.35 * r, fill=col)
    c.rect(cx + 0.8 * r, cy + 0.1 * r, cx + 0.95 * r, cy + 0.3 * r, fill=col)


def e_briefcase(c, cx, cy, r, col, band):
    c.rect(cx - 0.3 * r, cy - 0.75 * r, cx + 0.3 * r, cy - 0.4 * r, outline=col, width=0.1 * r, radius=0.08 * r)
    c.rect(cx - r, cy - 0.45 * r, cx + r, cy + 0.7 * r, fill=col, radius=0.12 * r)
    c.rect(cx - r, cy - 0.02 * r, cx + r, cy + 0.08 * r, fill=band)
    c.rect(cx - 0.12 * r, cy - 0.1 * r, cx + 0.12 * r, cy + 0.16 * r, fill=band)


def e_magnifier(c, cx, cy, r, col, glass):
    c.circle(cx - 0.2 * r, cy - 0.2 * r, 0.6 * r, fill=col)
    c.circle(cx - 0.2 * r, cy - 0.2 * r, 0.45 * r, fill=glass)
    c.line([(cx + 0.25 * r, cy + 0.25 * r), (cx + 0.85 * r, cy + 0.85 * r)], col, 0.22 * r)


def e_megaphone(c, cx, cy, r, col, accent):
    c.poly([(cx - 0.7 * r, cy - 0.25 * r), (cx + 0.6 * r, cy - 0.8 * r), (cx + 0.6 * r, cy + 0.8 * r),
            (cx - 0.7 * r, cy + 0.25 * r)], fill=col)
    c.rect(cx - 0.95 * r, cy - 0.28 * r, cx - 0.6 * r, cy + 0.28 * r, fill=col, radius=0.06 * r)
    c.line([(cx - 0.5 * r, cy + 0.25 * r), (cx - 0.35 * r, cy + 0.8 * r)], col, 0.14 * r)
    for k in range(3):
        c.arc(cx + 0.6 * r, cy, (0.25 + 0.15 * k) * r, -35, 35, accent, 0.06 * r)


def e_calendar(c, cx, cy, r, col, paper):
    c.rect(cx - 0.85 * r, cy - 0.7 * r, cx + 0.85 * r, cy + 0.85 * r, fill=paper, radius=0.1 * r)
    c.rect(cx - 0.85 * r, cy - 0.7 * r, cx + 0.85 * r, cy - 0.3 * r, fill=col, radius=0.1 * r)
    for i in range(4):
        for j in range(3):
            c.rect(cx + (-0.65 + i * 0.35) * r, cy + (-0.15 + j * 0.32) * r,
                   cx + (-0.45 + i * 0.35) * r, cy + (0.05 + j * 0.32) * r, fill=col)
    for dx in (-0.45, 0.45):
        c.rect(cx + (dx - 0.06) * r, cy - 0.9 * r, cx + (dx + 0.06) * r, cy - 0.55 * r, fill=col)


def e_pin(c, cx, cy, r, col, hole):
    c.circle(cx, cy - 0.3 * r, 0.6 * r, fill=col)
    c.poly([(cx - 0.52 * r, cy - 0.0 * r), (cx + 0.52 * r, cy - 0.0 * r), (cx, cy + r)], fill=col)
    c.circle(cx, cy - 0.3 * r, 0.25 * r, fill=hole)


def e_bike(c, cx, cy, r, col):
    for dx in (-0.55, 0.55):
        c.circle(cx + dx * r, cy + 0.3 * r, 0.4 * r, outline=col, width=0.08 * r)
    c.line([(cx - 0.55 * r, cy + 0.3 * r), (cx - 0.1 * r, cy - 0.3 * r), (cx + 0.4 * r, cy - 0.3 * r),
            (cx + 0.55 * r, cy + 0.3 * r)], col, 0.08 * r)
    c.line([(cx - 0.1 * r, cy - 0.3 * r), (cx + 0.05 * r, cy + 0.3 * r), (cx + 0.4 * r, cy - 0.3 * r)], col, 0.08 * r)
    c.line([(cx + 0.4 * r, cy - 0.3 * r), (cx + 0.35 * r, cy - 0.55 * r)], col, 0.08 * r)


def e_cross(c, cx, cy, r, col):
    c.rect(cx - 0.25 * r, cy - 0.8 * r, cx + 0.25 * r, cy + 0.8 * r, fill=col, radius=0.06 * r)
    c.rect(cx - 0.8 * r, cy - 0.25 * r, cx + 0.8 * r, cy + 0.25 * r, fill=col, radius=0.06 * r)


def e_ticket(c, cx, cy, r, col, bg):
    c.rect(cx - r, cy - 0.5 * r, cx + r, cy + 0.5 * r, fill=col, radius=0.1 * r)
    c.circle(cx - r, cy, 0.18 * r, fill=bg)
    c.circle(cx + r, cy, 0.18 * r, fill=bg)
    for k in range(5):
        c.rect(cx + 0.45 * r, cy + (-0.4 + k * 0.18) * r, cx + 0.5 * r, cy + (-0.3 + k * 0.18) * r, fill=bg)


def e_skis(c, cx, cy, r, col, peak):
    c.poly([(cx - r, cy + 0.4 * r), (cx - 0.2 * r, cy - 0.7 * r), (cx + 0.2 * r, cy - 0.2 * r),
            (cx + 0.45 * r, cy - 0.5 * r), (cx + r, cy + 0.4 * r)], fill=col)
    c.poly([(cx - 0.2 * r, cy - 0.7 * r), (cx - 0.38 * r, cy - 0.45 * r), (cx - 0.05 * r, cy - 0.5 * r)], fill=peak)
    c.line([(cx - 0.7 * r, cy + 0.85 * r), (cx + 0.7 * r, cy + 0.55 * r)], col, 0.08 * r)
    c.line([(cx - 0.7 * r, cy + 0.65 * r), (cx + 0.7 * r, cy + 0.95 * r)], col, 0.08 * r)


EMBLEMS = {
    "cup": lambda c, x, y, r, fg, bg, ac: e_cup(c, x, y, r, fg, bg),
    "fish": lambda c, x, y, r, fg, bg, ac: e_fish(c, x, y, r, fg, bg),
    "book": lambda c, x, y, r, fg, bg, ac: e_book(c, x, y, r, fg, ac),
    "house": lambda c, x, y, r, fg, bg, ac: e_house(c, x, y, r, fg, ac),
    "car": lambda c, x, y, r, fg, bg, ac: e_car(c, x, y, r, fg, ac),
    "paw": lambda c, x, y, r, fg, bg, ac: e_paw(c, x, y, r, fg),
    "note": lambda c, x, y, r, fg, bg, ac: e_note(c, x, y, r, fg),
    "tree": lambda c, x, y, r, fg, bg, ac: e_tree(c, x, y, r, fg, ac),
    "bread": lambda c, x, y, r, fg, bg, ac: e_bread(c, x, y, r, fg, ac),
    "camera": lambda c, x, y, r, fg, bg, ac: e_camera(c, x, y, r, fg, ac),
    "tulip": lambda c, x, y, r, fg, bg, ac: e_tulip(c, x, y, r, fg, ac),
    "truck": lambda c, x, y, r, fg, bg, ac: e_truck(c, x, y, r, fg, ac),
    "key": lambda c, x, y, r, fg, bg, ac: e_key(c, x, y, r, fg, bg),
    "briefcase": lambda c, x, y, r, fg, bg, ac: e_briefcase(c, x, y, r, fg, ac),
    "magnifier": lambda c, x, y, r, fg, bg, ac: e_magnifier(c, x, y, r, fg, ac),
    "megaphone": lambda c, x, y, r, fg, bg, ac: e_megaphone(c, x, y, r, fg, ac),
    "calendar": lambda c, x, y, r, fg, bg, ac: e_calendar(c, x, y, r, fg, ac),
    "pin": lambda c, x, y, r, fg, bg, ac: e_pin(c, x, y, r, fg, bg),
    "bike": lambda c, x, y, r, fg, bg, ac: e_bike(c, x, y, r, fg),
    "cross": lambda c, x, y, r, fg, bg, ac: e_cross(c, x, y, r, fg),
    "ticket": lambda c, x, y, r, fg, bg, ac: e_ticket(c, x, y, r, fg, bg),
    "skis": lambda c, x, y, r, fg, bg, ac: e_skis(c, x, y, r, fg, ac),
    "paw2": lambda c, x, y, r, fg, bg, ac: (c.circle(x, y, r, fill=ac), e_paw(c, x, y, 0.7 * r, fg)),
    "bubble": lambda c, x, y, r, fg, bg, ac: (e_bubble(c, x, y, r, fg), c.text(x, y - 0.08 * r, "JOB", ac, 0.45 * r / 1.0 * 0.9)),
}


# ---------------------------------------------------------------------------
# the genuine pictures (21 pictures for the 35 registry accounts)
# ---------------------------------------------------------------------------

def hw_template(size, letter, emblem):
    """The Sapporo/Chitose Hello-Work-style letter template (S / C; other letters for other offices)."""
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
    elif emblem == "fish":
        e_fish(c, 0.5, 0.25, 0.1, blue, (215, 232, 250))
    elif emblem == "tree":
        e_tree(c, 0.5, 0.25, 0.09, blue, blue)
    c.text(0.5, 0.5, letter, (20, 60, 140), 0.22)
    c.rect(0, 0.8, 1, 1, fill=(25, 70, 150))
    c.text(0.5, 0.9, "HELLO WORK", (255, 255, 255), 0.085)
    return c.done()


def p_hokkaido(size):
    """北海道労働局 (X, Facebook, YouTube): flat emblem, navy."""
    c = Canvas(size, (18, 38, 88))
    c.rect(0, 0, 1, 0.1, fill=(40, 90, 170))
    c.text(0.5, 0.05, "MHLW", (220, 230, 250), 0.055)
    c.circle(0.5, 0.45, 0.3, outline=(255, 255, 255), width=0.022)
    c.circle(0.5, 0.45, 0.255, outline=(120, 160, 220), width=0.008)
    e_snowflake(c, 0.5, 0.45, 0.21, (255, 255, 255), 0.026)
    c.poly(star_pts(0.5, 0.45, 0.075, 0.035, n=7), fill=(215, 35, 45))
    c.text(0.5, 0.82, "HOKKAIDO", (255, 255, 255), 0.095)
    c.text(0.5, 0.91, "LABOUR BUREAU", (170, 195, 235), 0.05)
    return c.done()


def p_sapporo_yell(size):
    """札幌新卒応援ハローワーク (X, Facebook, LINE, Instagram): sunrise with a graduation cap."""
    c = Canvas(size, (245, 140, 30))
    for k in range(12):
        a = math.radians(180 + k * 15 + 7.5)
        c.poly([(0.5, 0.7), (0.5 + 0.7 * math.cos(a - 0.06), 0.7 + 0.7 * math.sin(a - 0.06)),
                (0.5 + 0.7 * math.cos(a + 0.06), 0.7 + 0.7 * math.sin(a + 0.06))], fill=(250, 175, 70))
    c.circle(0.5, 0.7, 0.24, fill=(255, 225, 60))
    e_cap(c, 0.5, 0.5, 0.17, (40, 40, 60), (230, 40, 40))
    c.text(0.5, 0.12, "SAPPORO", (255, 255, 255), 0.075)
    c.rect(0, 0.72, 1, 1, fill=(200, 90, 20))
    c.text(0.5, 0.83, "YELL!", (255, 255, 255), 0.14)
    c.text(0.5, 0.94, "SHINSOTSU OUEN", (255, 220, 160), 0.045)
    return c.done()


def p_highschool(size):
    """【高校生支援用】札幌新卒応援ハローワーク: text-heavy badge, teal."""
    c = Canvas(size, (0, 140, 145))
    c.rect(0.06, 0.06, 0.94, 0.94, outline=(255, 255, 255), width=0.02, radius=0.08)
    c.rect(0.1, 0.1, 0.9, 0.9, outline=(150, 220, 215), width=0.006, radius=0.06)
    c.text(0.5, 0.2, "HIGH SCHOOL", (255, 255, 255), 0.1)
    c.text(0.5, 0.3, "JOB SUPPORT", (255, 235, 120), 0.075)
    e_pencil(c, 0.5, 0.55, 0.2, (255, 200, 40), (250, 220, 170), (240, 120, 140), deg=-35)
    c.rect(0.18, 0.72, 0.82, 0.84, fill=(255, 255, 255), radius=0.06)
    c.text(0.5, 0.78, "SAPPORO", (0, 120, 125), 0.075)
    return c.done()


def p_wakamono(size):
    """札幌わかものハローワーク: photo-like gradient with a sprout emblem."""
    c = Canvas(size)
    c.gradient((160, 220, 90), (60, 160, 210), angle=35)
    for x, y, r, a in [(0.15, 0.2, 0.12, 90), (0.85, 0.3, 0.16, 70), (0.75, 0.85, 0.14, 80), (0.2, 0.8, 0.1, 60)]:
        c.glow(x, y, r, (255, 255, 240), a)
    c.circle(0.5, 0.44, 0.26, fill=(255, 255, 255))
    e_sprout(c, 0.5, 0.45, 0.17, (50, 150, 60))
    c.text(0.5, 0.8, "WAKAMONO", (255, 255, 255), 0.11)
    c.text(0.5, 0.9, "HELLO WORK SAPPORO", (235, 250, 235), 0.045)
    return c.done()


def p_mothers_sapporo(size):
    """マザーズハローワーク札幌 (X, LINE, Instagram): hearts and M, pink."""
    c = Canvas(size, (250, 205, 220))
    e_heart(c, 0.45, 0.42, 0.28, (215, 40, 80))
    e_heart(c, 0.78, 0.68, 0.09, (245, 120, 150))
    c.text(0.45, 0.4, "M", (255, 255, 255), 0.2)
    for k in range(5):
        a = math.radians(k * 72)
        c.circle(0.16 + 0.035 * math.cos(a), 0.72 + 0.035 * math.sin(a), 0.03, fill=(255, 255, 255))
    c.circle(0.16, 0.72, 0.022, fill=(250, 200, 60))
    c.text(0.5, 0.86, "MOTHERS", (160, 20, 60), 0.1)
    c.text(0.5, 0.94, "SAPPORO", (190, 70, 110), 0.05)
    return c.done()


def p_t1_national(size):
    """T1: a national HELLO WORK logo, used by HW_Rumoi, hw_obihiro and HWsa_higashi."""
    c = Canvas(size, (255, 255, 255))
    c.circle(0.5, 0.4, 0.28, fill=(0, 90, 170))
    c.arc(0.5, 0.52, 0.36, 200, 340, (0, 160, 80), 0.05)
    e_person(c, 0.5, 0.42, 0.2, (255, 255, 255), arms=True)
    c.text(0.5, 0.78, "HELLO WORK", (0, 90, 170), 0.11)
    c.rect(0.25, 0.855, 0.75, 0.86, fill=(0, 160, 80))
    c.text(0.5, 0.9, "PUBLIC EMPLOYMENT SECURITY OFFICE", (110, 110, 110), 0.03, bold=False)
    return c.done()


def p_bunkyo(size):
    """文京区中小企業ダイバーシティ人材採用促進事業: rainbow stripes, B and people."""
    c = Canvas(size, (252, 252, 252))
    cols = [(228, 3, 3), (255, 140, 0), (255, 237, 0), (0, 128, 38), (0, 77, 255), (117, 7, 135)]
    for k, col in enumerate(cols):
        c.rect(0.04 + k * 0.06, 0.1, 0.1 + k * 0.06, 0.78, fill=col)
    c.text(0.7, 0.36, "B", (20, 40, 90), 0.4)
    for k, col in enumerate([(0, 77, 255), (228, 3, 3), (0, 128, 38)]):
        e_person(c, 0.55 + k * 0.13, 0.66, 0.06, col)
    c.text(0.5, 0.88, "DIVERSITY BUNKYO", (20, 40, 90), 0.065)
    return c.done()


def p_kss_yt(size):
    """鹿児島労働局新卒応援・ハロトレ情報 YouTube: photo-like sky with Sakurajima and a play button."""
    c = Canvas(size)
    c.gradient((250, 170, 90), (70, 120, 200), angle=180)
    c.glow(0.78, 0.2, 0.2, (255, 240, 200), 120)
    e_volcano(c, 0.5, 0.6, 0.45, (70, 60, 80), (225, 220, 225))
    c.rect(0, 0.8, 1, 1, fill=(30, 80, 140))
    c.rect(0.3, 0.28, 0.7, 0.52, fill=(230, 30, 35), radius=0.07)
    e_play(c, 0.5, 0.4, 0.1, (255, 255, 255))
    c.text(0.5, 0.86, "HAROTORE", (255, 255, 255), 0.08)
    c.text(0.5, 0.94, "SHINSOTSU KAGOSHIMA", (200, 220, 250), 0.042)
    return c.done()


def p_kpr_yt(size):
    """鹿児島労働局企業PR動画 YouTube: text-heavy badge, charcoal and gold, film strip."""
    c = Canvas(size, (35, 35, 40))
    gold = (225, 180, 60)
    for y0 in (0.03, 0.89):
        c.rect(0, y0, 1, y0 + 0.08, fill=(15, 15, 15))
        for k in range(10):
            c.rect(0.03 + k * 0.1, y0 + 0.02, 0.07 + k * 0.1, y0 + 0.06, fill=(235, 235, 235))
    e_clapper(c, 0.5, 0.34, 0.16, gold, (35, 35, 40))
    c.text(0.5, 0.6, "COMPANY", (255, 255, 255), 0.1)
    c.text(0.5, 0.71, "PR MOVIE", gold, 0.1)
    c.text(0.5, 0.81, "KAGOSHIMA LABOUR BUREAU", (190, 190, 190), 0.038)
    return c.done()


def p_t2_kagoshima_channel(size):
    """T2: a Kagoshima Hello Work channel logo, used by the 国分, 加世田 and 指宿 YouTube channels."""
    c = Canvas(size, (20, 70, 140))
    c.circle(0.5, 0.4, 0.27, fill=(255, 255, 255))
    e_volcano(c, 0.5, 0.5, 0.22, (60, 120, 70), (190, 190, 200))
    c.rect(0.38, 0.27, 0.62, 0.43, fill=(220, 35, 40), radius=0.04)
    e_play(c, 0.5, 0.35, 0.06, (255, 255, 255))
    c.text(0.5, 0.76, "HELLO WORK", (255, 255, 255), 0.1)
    c.text(0.5, 0.86, "KAGOSHIMA", (255, 215, 60), 0.08)
    c.text(0.5, 0.94, "CHANNEL", (170, 200, 240), 0.045)
    return c.done()


GREEN, YELLOW = (28, 128, 70), (250, 210, 40)   # shared colour scheme of two Kagoshima accounts


def p_kunren(size):
    """鹿児島労働局訓練課 (Instagram, Facebook): green/yellow sun with a wrench."""
    c = Canvas(size, GREEN)
    for k in range(10):
        a = math.radians(k * 36)
        c.circle(0.5 + 0.28 * math.cos(a), 0.44 + 0.28 * math.sin(a), 0.065, fill=YELLOW)
    c.circle(0.5, 0.44, 0.28, fill=YELLOW)
    c.circle(0.5, 0.44, 0.15, fill=GREEN)
    e_wrench(c, 0.5, 0.44, 0.13, YELLOW, GREEN)
    c.text(0.5, 0.86, "KUNREN", YELLOW, 0.1)
    return c.done()


def p_taisaku(size):
    """鹿児島労働局職業対策課 (k.taisaku46): text-heavy badge, orange and navy, handshake, 46."""
    c = Canvas(size, (255, 255, 255))
    c.pie(0.5, 0.5, 0.47, 180, 360, (240, 130, 30))
    c.pie(0.5, 0.5, 0.47, 0, 180, (25, 45, 100))
    c.circle(0.5, 0.5, 0.3, fill=(255, 255, 255))
    e_handshake(c, 0.5, 0.45, 0.18, (240, 130, 30), (25, 45, 100))
    c.text(0.5, 0.66, "46", (25, 45, 100), 0.1)
    c.text(0.5, 0.13, "JINZAI KAKUHO", (255, 255, 255), 0.055)
    c.text(0.5, 0.88, "TAISAKU", (255, 255, 255), 0.075)
    return c.done()


def p_kagoshima_shinsotsu(size):
    """鹿児島新卒応援ハローワーク (Instagram): green/yellow star (same colours as 訓練課)."""
    c = Canvas(size, GREEN)
    c.poly(star_pts(0.5, 0.42, 0.3, 0.13), fill=YELLOW)
    c.circle(0.5, 0.44, 0.07, fill=GREEN)
    c.rect(0.1, 0.78, 0.9, 0.8, fill=YELLOW)
    c.text(0.5, 0.88, "SHINSOTSU", YELLOW, 0.09)
    c.text(0.5, 0.12, "KAGOSHIMA", (220, 240, 220), 0.055)
    return c.done()


def p_kanoya(size):
    """ハローワークかのや (Instagram hw_kanoya): photo-like pink gradient with a rose."""
    c = Canvas(size)
    c.radial((255, 235, 240), (235, 120, 160), 0.5, 0.42, 0.75)
    c.glow(0.2, 0.2, 0.1, (255, 255, 255), 110)
    c.glow(0.82, 0.7, 0.12, (255, 255, 255), 90)
    e_rose(c, 0.5, 0.42, 0.2, (215, 40, 90), (240, 90, 130), (60, 140, 70))
    c.text(0.5, 0.8, "KANOYA", (150, 20, 60), 0.12)
    c.text(0.5, 0.9, "HELLO WORK", (170, 60, 100), 0.05)
    return c.done()


def p_46kunrenka(size):
    """【公式】鹿児島労働局 ミドルシニア世代活躍支援 (X 46Kunrenka): purple diagonals, 46."""
    c = Canvas(size, (96, 40, 140))
    for k in range(-6, 8):
        x = k * 0.16
        c.poly([(x, 1), (x + 0.06, 1), (x + 1.06, 0), (x + 1, 0)], fill=(125, 70, 170))
    c.circle(0.5, 0.44, 0.28, fill=(70, 20, 110))
    c.circle(0.5, 0.44, 0.28, outline=(230, 200, 250), width=0.012)
    c.text(0.5, 0.44, "46", (255, 255, 255), 0.24)
    c.rect(0.08, 0.78, 0.92, 0.92, fill=(255, 255, 255), radius=0.05)
    c.text(0.5, 0.85, "MIDDLE SENIOR", (96, 40, 140), 0.07)
    return c.done()


def p_kg_line(size):
    """ハローワークかごしま LINE: green with a speech bubble, HW and Sakurajima."""
    c = Canvas(size, (6, 180, 80))
    for i in range(5):
        for j in range(5):
            c.circle(0.1 + i * 0.2, 0.1 + j * 0.2, 0.015, fill=(40, 200, 110))
    e_bubble(c, 0.5, 0.42, 0.34, (255, 255, 255))
    c.text(0.5, 0.33, "HW", (6, 170, 80), 0.16)
    e_volcano(c, 0.5, 0.52, 0.1, (6, 120, 60), (170, 210, 180))
    c.text(0.5, 0.88, "KAGOSHIMA", (255, 255, 255), 0.1)
    return c.done()


def p_kgm_line(size):
    """マザーズハローワークかごしま LINE: peach with a parent and child."""
    c = Canvas(size, (252, 185, 140))
    c.circle(0.5, 0.42, 0.3, fill=(255, 240, 225))
    e_family(c, 0.5, 0.4, 0.22, (225, 90, 60), (245, 150, 60))
    for k in range(5):
        a = math.radians(k * 72 - 90)
        c.circle(0.82 + 0.04 * math.cos(a), 0.16 + 0.04 * math.sin(a), 0.035, fill=(230, 50, 70))
    c.circle(0.82, 0.16, 0.02, fill=(255, 220, 80))
    c.text(0.5, 0.81, "MOTHERS", (150, 50, 30), 0.1)
    c.text(0.5, 0.91, "KAGOSHIMA", (180, 80, 50), 0.06)
    return c.done()


def p_t3_mothers_corner(size):
    """T3: a マザーズコーナー logo, used by the 川内, かのや and 国分 LINE accounts."""
    c = Canvas(size, (200, 180, 235))
    c.rect(0.14, 0.1, 0.86, 0.66, fill=(255, 255, 255), radius=0.12)
    e_stroller(c, 0.47, 0.37, 0.22, (120, 70, 170), (90, 50, 130))
    e_heart(c, 0.72, 0.2, 0.045, (235, 90, 140))
    c.text(0.5, 0.76, "MOTHERS", (80, 40, 120), 0.1)
    c.text(0.5, 0.86, "CORNER", (80, 40, 120), 0.1)
    return c.done()


# picture key -> (drawer, size, flat background colour or None, note for reviewers)
PICTURES = {
    "HOK": (p_hokkaido, 400, (18, 38, 88)),
    "SSY": (p_sapporo_yell, 400, None),
    "SSH": (p_highschool, 360, (0, 140, 145)),
    "WAKA": (p_wakamono, 360, None),
    "MOM": (p_mothers_sapporo, 400, (250, 205, 220)),
    "T1": (p_t1_national, 400, (255, 255, 255)),
    "TS": (lambda s: hw_template(s, "S", "tower"), 400, (248, 248, 242)),
    "TC": (lambda s: hw_template(s, "C", "plane"), 400, (248, 248, 242)),
    "BUN": (p_bunkyo, 400, (252, 252, 252)),
    "KSSYT": (p_kss_yt, 360, None),
    "KPR": (p_kpr_yt, 360, (35, 35, 40)),
    "T2": (p_t2_kagoshima_channel, 400, (20, 70, 140)),
    "KUN": (p_kunren, 320, GREEN),
    "TAI": (p_taisaku, 320, (255, 255, 255)),
    "KSSI": (p_kagoshima_shinsotsu, 320, GREEN),
    "KAN": (p_kanoya, 360, None),
    "KMS": (p_46kunrenka, 320, None),
    "KGL": (p_kg_line, 400, (6, 180, 80)),
    "KGM": (p_kgm_line, 400, (252, 185, 140)),
    "T3": (p_t3_mothers_corner, 400, (200, 180, 235)),
}
TEMPLATES = {"T1", "T2", "T3"}   # one picture, several different offices


# ---------------------------------------------------------------------------
# the registry (seeds/*.toml, exactly as published) and who owns which picture
# ---------------------------------------------------------------------------

# key, org, picture, record fields as in the seeds
ACCOUNTS = [
    ("HK_X", "hokkaido", "HOK", dict(platform="x", handle="HKDMHLWitter", url="https://twitter.com/HKDMHLWitter",
                                     display_name="北海道労働局")),
    ("HK_FB", "hokkaido", "HOK", dict(platform="facebook", handle="mhlw.hokkaido",
                                      url="https://www.facebook.com/mhlw.hokkaido/", display_name="北海道労働局")),
    ("HK_YT", "hokkaido", "HOK", dict(platform="youtube", id="UCU37RXEEsFqGdyxu1FBkK6w",
                                      url="https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w",
                                      display_name="北海道労働局")),
    ("SS_X", "hokkaido", "SSY", dict(platform="x", handle="S_shinsotu_yell", url="https://twitter.com/S_shinsotu_yell",
                                     display_name="札幌新卒応援ハローワーク【公式】(23卒・24卒・既卒者の就活支援) 北海道札幌市")),
    ("SSH_X", "hokkaido", "SSH", dict(platform="x", handle="wnfS2dleh0GTpA5", url="https://twitter.com/wnfS2dleh0GTpA5",
                                      display_name="【高校生支援用】札幌新卒応援ハローワーク")),
    ("WAKA_X", "hokkaido", "WAKA", dict(platform="x", handle="s_wakaharo", url="https://twitter.com/s_wakaharo",
                                        display_name="札幌わかものハローワーク【公式】")),
    ("MOM_X", "hokkaido", "MOM", dict(platform="x", handle="s_mothersHW", url="https://twitter.com/s_mothersHW",
                                      display_name="マザーズハローワーク札幌")),
    ("OBI_X", "hokkaido", "T1", dict(platform="x", handle="hw_obihiro", url="https://twitter.com/hw_obihiro",
                                     display_name="ハローワーク帯広(帯広公共職業安定所)【公式】")),
    ("RUM_X", "hokkaido", "T1", dict(platform="x", handle="HW_Rumoi", url="https://twitter.com/HW_Rumoi",
                                     display_name="ハローワーク留萌【公式】")),
    ("HIG_X", "hokkaido", "T1", dict(platform="x", handle="HWsa_higashi", url="https://twitter.com/HWsa_higashi",
                                     display_name="@ハローワーク札幌東【公式】")),
    ("SAP_X", "hokkaido", "TS", dict(platform="x", handle="HW_Sapporo", url="https://twitter.com/HW_Sapporo",
                                     display_name="ハローワーク札幌【公式】")),
    ("CHI_X", "hokkaido", "TC", dict(platform="x", handle="HW_Chitose", url="https://twitter.com/HW_Chitose",
                                     display_name="ハローワーク千歳【公式】")),
    ("SS_FB", "hokkaido", "SSY", dict(platform="facebook", handle="札幌新卒応援ハローワーク-149635718569446",
                                      id="149635718569446",
                                      url="https://www.facebook.com/札幌新卒応援ハローワーク-149635718569446/",
                                      display_name="札幌新卒応援ハローワーク")),
    ("SS_LINE", "hokkaido", "SSY", dict(platform="line", handle="@ogz4781d",
                                        url="https://liff.line.me/1645278921-kWRPP32q/?accountId=ogz4781d",
                                        display_name="札幌新卒応援ハローワーク")),
    ("MOM_LINE", "hokkaido", "MOM", dict(platform="line", handle="@tkh1850j",
                                         url="https://line.me/R/ti/p/@tkh1850j?from=page",
                                         display_name="マザーズハローワーク札幌")),
    ("CHI_LINE", "hokkaido", "TC", dict(platform="line", url="https://kin.ee/T7nMfHh", display_name="ハローワーク千歳")),
    ("SS_IG", "hokkaido", "SSY", dict(platform="instagram", handle="sapporo.sinsotu.hw",
                                      url="https://www.instagram.com/sapporo.sinsotu.hw/",
                                      display_name="札幌新卒応援ハローワーク【公式】就活支援/北海道")),
    ("MOM_IG", "hokkaido", "MOM", dict(platform="instagram", handle="mhw.sapporo",
                                       url="https://www.instagram.com/mhw.sapporo/", display_name="マザーズハローワーク札幌")),
    ("KSS_YT", "kagoshima", "KSSYT", dict(platform="youtube", id="UCVS03516GOKUFplfW0T9Bfg",
                                          url="https://www.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg?view_as=subscriber",
                                          display_name="鹿児島労働局新卒応援・ハロトレ情報YouTubeチャンネル")),
    ("KPR_YT", "kagoshima", "KPR", dict(platform="youtube", id="UC1jhFwBGB1B8F7VXlx0Vypg",
                                        url="https://www.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg",
                                        display_name="鹿児島労働局企業PR動画YouTubeチャンネル")),
    ("KOK_YT", "kagoshima", "T2", dict(platform="youtube", id="UCKxOV1MV1McuSb0IPDoS2-g",
                                       url="https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g",
                                       display_name="ハローワーク国分YouTubeチャンネル【公式】")),
    ("KAS_YT", "kagoshima", "T2", dict(platform="youtube", id="UCjrV6BWU7cc1PrVRxvMZGBg",
                                       url="https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg",
                                       display_name="ハローワーク加世田YouTubeチャンネル【公式】")),
    ("IBU_YT", "kagoshima", "T2", dict(platform="youtube", id="UCDGE9Yq32sIviNmjBHcx0uQ",
                                       url="https://www.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ",
                                       display_name="ハローワーク指宿YouTubeチャンネル【公式】")),
    ("KK_IG", "kagoshima", "KUN", dict(platform="instagram", handle="kagoshimakunren",
                                       url="https://www.instagram.com/kagoshimakunren/", display_name="鹿児島労働局訓練課")),
    ("KT_IG", "kagoshima", "TAI", dict(platform="instagram", handle="k.taisaku46",
                                       url="http://www.instagram.com/k.taisaku46/?hl=ja",
                                       display_name="鹿児島労働局職業対策課 人材確保対策等公式アカウント")),
    ("KSS_IG", "kagoshima", "KSSI", dict(platform="instagram", handle="kagoshima_shinsotsu_hw",
                                         url="https://www.instagram.com/kagoshima_shinsotsu_hw",
                                         display_name="鹿児島新卒応援ハローワーク【公式】")),
    ("KAN_IG", "kagoshima", "KAN", dict(platform="instagram", handle="hw_kanoya", url="https://www.instagram.com/hw_kanoya",
                                        display_name="ハローワークかのや【公式】")),
    ("KMS_X", "kagoshima", "KMS", dict(platform="x", handle="46Kunrenka", url="http://x.com/46Kunrenka",
                                       display_name="【公式】鹿児島労働局 ミドルシニア世代活躍支援")),
    ("KG_LINE", "kagoshima", "KGL", dict(platform="line", url="https://lin.ee/popg0eo",
                                         display_name="ハローワークかごしま LINE 公式アカウント")),
    ("KGM_LINE", "kagoshima", "KGM", dict(platform="line", url="https://lin.ee/dFysG1l",
                                          display_name="マザーズハローワークかごしま")),
    ("SEN_LINE", "kagoshima", "T3", dict(platform="line", url="https://lin.ee/3wF416C",
                                         display_name="ハローワーク川内（マザーズコーナー）")),
    ("KANM_LINE", "kagoshima", "T3", dict(platform="line", url="https://lin.ee/PsiFTnC",
                                          display_name="ハローワークかのや（マザーズコーナー）")),
    ("KOKM_LINE", "kagoshima", "T3", dict(platform="line", url="https://lin.ee/3eXoBRU",
                                          display_name="ハローワーク国分（マザーズコーナー）")),
    ("KK_FB", "kagoshima", "KUN", dict(platform="facebook", id="61578961199265",
                                       url="https://www.facebook.com/profile.php?id=61578961199265",
                                       display_name="鹿児島労働局訓練課")),
    ("BK_X", "bunkyo", "BUN", dict(platform="x", handle="b_diverjinzai", url="https://x.com/b_diverjinzai",
                                   display_name="文京区中小企業ダイバーシティ人材採用促進事業")),
]
ACC = {k: dict(org=o, pic=p, **rec) for k, o, p, rec in ACCOUNTS}
OWNERS = collections.OrderedDict()
for _k, _o, _p, _r in ACCOUNTS:
    OWNERS.setdefault(_p, []).append(_k)


def ref(key):
    """How a registry account is referenced in target/alt_targets: handle (YouTube: channel id) or URL."""
    a = ACC[key]
    if a.get("handle"):
        return {"platform": a["platform"], "handle": a["handle"].lstrip("@")}
    if a["platform"] == "youtube":
        return {"platform": "youtube", "handle": a["id"]}
    return {"platform": a["platform"], "url": a["url"]}


# ---------------------------------------------------------------------------
# pictures of negatives
# ---------------------------------------------------------------------------

def other_logo(size, bg, fg, accent, emblem, layout, text=None, text_col=None, second=None):
    """A logo in some colour scheme: emblem + optional text, in one of a few layouts."""
    c = Canvas(size, bg)
    tc = text_col or fg
    if layout == "ring":
        c.circle(0.5, 0.45, 0.36, outline=fg, width=0.03)
        EMBLEMS[emblem](c, 0.5, 0.45, 0.2, fg, bg, accent)
        if text:
            c.fit_text(0.5, 0.9, text, tc, 0.08, 0.85)
    elif layout == "left":
        c.rect(0, 0, 0.42, 1, fill=fg)
        EMBLEMS[emblem](c, 0.21, 0.5, 0.14, accent, fg, bg)
        if text:
            c.fit_text(0.71, 0.45, text, tc, 0.12, 0.5)
        if second:
            c.fit_text(0.71, 0.6, second, accent, 0.06, 0.5)
    elif layout == "band":
        c.rect(0, 0, 1, 0.22, fill=fg)
        if text:
            c.fit_text(0.5, 0.11, text, bg, 0.1, 0.9)
        EMBLEMS[emblem](c, 0.5, 0.6, 0.24, fg, bg, accent)
    elif layout == "tile":
        c.rect(0.12, 0.12, 0.88, 0.88, fill=fg, radius=0.2)
        EMBLEMS[emblem](c, 0.5, 0.45, 0.22, bg, fg, accent)
        if text:
            c.fit_text(0.5, 0.77, text, accent, 0.08, 0.65)
    elif layout == "corner":
        c.circle(1.0, 1.0, 0.7, fill=fg)
        EMBLEMS[emblem](c, 0.35, 0.35, 0.2, fg, bg, accent)
        if text:
            c.fit_text(0.68, 0.8, text, bg, 0.09, 0.55)
    else:  # "plain": emblem centred
        EMBLEMS[emblem](c, 0.5, 0.5, 0.3, fg, bg, accent)
    return c.done()


def default_silhouette(size, bg, fg, head=0.17, body=0.34, body_y=0.98, head_y=0.38):
    c = Canvas(size, bg)
    c.circle(0.5, head_y, head, fill=fg)
    c.circle(0.5, body_y, body, fill=fg)
    return c.done()


def letter_default(size, bg, letter, fg=(255, 255, 255)):
    c = Canvas(size, bg)
    c.text(0.5, 0.52, letter, fg, 0.55, bold=False)
    return c.done()


def plain(size, col):
    return Image.new("RGB", (size, size), col)


def noise_photo(size, seed):
    rng = random.Random(seed)
    small = Image.new("RGB", (16, 16))
    base = [rng.randrange(256) for _ in range(3)]
    small.putdata([tuple(max(0, min(255, b + rng.randint(-70, 70))) for b in base) for _ in range(256)])
    im = small.resize((size, size), Image.BICUBIC)
    grain = noise_image(size, rng)
    return Image.blend(im, grain, 0.18).filter(ImageFilter.GaussianBlur(1))


def noise_image(size, rng):
    """Deterministic grey grain (Image.effect_noise is not seeded)."""
    r = np.random.default_rng(rng.randrange(1 << 30))
    a = np.clip(128 + r.normal(0, 40, (size, size)), 0, 255).astype(np.uint8)
    return Image.fromarray(a, "L").convert("RGB")


def gradient_photo(size, seed):
    rng = random.Random(seed)
    c1 = tuple(rng.randrange(256) for _ in range(3))
    c2 = tuple(rng.randrange(256) for _ in range(3))
    g = Image.linear_gradient("L").resize((size, size)).rotate(rng.randrange(360), resample=Image.BICUBIC)
    im = Image.composite(Image.new("RGB", (size, size), c2), Image.new("RGB", (size, size), c1), g)
    return Image.blend(im, noise_image(size, rng), 0.1)


def landscape(size, seed, kind):
    """Photo-like scenes drawn with shapes, blurred a little and with grain."""
    rng = random.Random(seed)
    c = Canvas(size)
    j = lambda col, d=20: tuple(max(0, min(255, v + rng.randint(-d, d))) for v in col)  # noqa: E731
    if kind == "mountains":
        c.gradient(j((120, 170, 230)), j((225, 235, 250)))
        for k in range(3):
            y = 0.55 + k * 0.12
            pts = [(0, 1)] + [(x / 8, y - rng.uniform(0.05, 0.25) * (1 - k * 0.25)) for x in range(9)] + [(1, 1)]
            c.poly(pts, fill=j((70 + k * 30, 90 + k * 30, 110 - k * 10)))
    elif kind == "sea":
        c.gradient(j((250, 180, 120)), j((120, 160, 220)), angle=180)
        c.circle(rng.uniform(0.3, 0.7), 0.45, 0.09, fill=(255, 230, 170))
        c.rect(0, 0.55, 1, 1, fill=j((30, 80, 140)))
        for k in range(8):
            y = 0.6 + k * 0.05
            c.line([(rng.uniform(0, 0.4), y), (rng.uniform(0.6, 1), y)], j((80, 130, 190)), 0.006)
    elif kind == "city":
        c.gradient(j((30, 30, 70)), j((230, 120, 80)))
        x = 0
        while x < 1:
            w = rng.uniform(0.06, 0.14)
            h = rng.uniform(0.2, 0.6)
            c.rect(x, 1 - h, x + w, 1, fill=j((25, 25, 35), 10))
            for wy in range(int(h / 0.06)):
                if rng.random() < 0.5:
                    c.rect(x + 0.015, 1 - h + 0.02 + wy * 0.06, x + 0.03, 1 - h + 0.04 + wy * 0.06, fill=(250, 220, 120))
            x += w + 0.01
    elif kind == "flowers":
        c.gradient(j((150, 200, 240)), j((200, 230, 250)))
        c.rect(0, 0.5, 1, 1, fill=j((70, 150, 60)))
        for _ in range(70):
            x, y = rng.random(), rng.uniform(0.5, 1)
            c.circle(x, y, 0.012 + 0.02 * (y - 0.5), fill=j(rng.choice([(240, 200, 40), (230, 80, 120), (250, 250, 250)])))
    elif kind == "forest":
        c.gradient(j((170, 210, 200)), j((60, 110, 80)))
        for _ in range(14):
            x = rng.random()
            e_tree(c, x, rng.uniform(0.45, 0.8), rng.uniform(0.1, 0.2), j((30, 90, 50)), (80, 60, 40))
    elif kind == "night":
        c.gradient(j((5, 10, 40)), j((40, 50, 110)))
        for _ in range(60):
            c.circle(rng.random(), rng.uniform(0, 0.7), rng.uniform(0.002, 0.006), fill=(255, 255, 230))
        c.circle(0.75, 0.2, 0.07, fill=(250, 245, 210))
        c.poly([(0, 1), (0, 0.8), (0.3, 0.72), (0.6, 0.82), (1, 0.75), (1, 1)], fill=(15, 15, 25))
    elif kind == "field":
        c.gradient(j((140, 190, 240)), j((240, 240, 250)))
        for k in range(6):
            c.rect(0, 0.55 + k * 0.075, 1, 0.63 + k * 0.075, fill=j((90 + k * 20, 160 - k * 8, 60)))
        c.circle(0.25, 0.2, 0.06, fill=(255, 255, 255))
        c.circle(0.32, 0.2, 0.08, fill=(255, 255, 255))
    elif kind == "cat":
        c.gradient(j((230, 220, 200)), j((190, 170, 140)))
        col = j((200, 130, 60))
        c.circle(0.5, 0.58, 0.3, fill=col)
        c.poly([(0.24, 0.45), (0.28, 0.15), (0.45, 0.32)], fill=col)
        c.poly([(0.76, 0.45), (0.72, 0.15), (0.55, 0.32)], fill=col)
        c.circle(0.4, 0.55, 0.04, fill=(40, 60, 30))
        c.circle(0.6, 0.55, 0.04, fill=(40, 60, 30))
        c.poly([(0.47, 0.65), (0.53, 0.65), (0.5, 0.69)], fill=(230, 120, 130))
    im = c.done().filter(ImageFilter.GaussianBlur(0.8))
    return Image.blend(im, noise_image(size, rng), 0.08)


# ---------------------------------------------------------------------------
# manipulations (applied to the genuine files)
# ---------------------------------------------------------------------------

def resized(im, px):
    return im.resize((px, px), Image.LANCZOS)


def cropped(im, l, t, r, b):
    """Cut fractions l,t,r,b off the left/top/right/bottom edges, then resize back to the square."""
    w, h = im.size
    box = (int(round(w * l)), int(round(h * t)), int(round(w * (1 - r))), int(round(h * (1 - b))))
    return im.crop(box).resize((w, h), Image.LANCZOS)


def hue_rotate(im, deg):
    h, s, v = im.convert("HSV").split()
    shift = int(round(deg / 360 * 256)) % 256
    h = h.point(lambda x: (x + shift) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB")


def brightness(im, f):
    return ImageEnhance.Brightness(im).enhance(f)


def saturation(im, f):
    return ImageEnhance.Color(im).enhance(f)


def contrast(im, f):
    return ImageEnhance.Contrast(im).enhance(f)


def greyscale(im):
    return im.convert("L").convert("RGB")


def mirrored(im):
    return ImageOps.mirror(im)


def replace_bg(im, bg, new):
    """Replace the flat background (the region of colour `bg` connected to the edges, with its
    anti-aliased fringe) by another colour; the emblem, even where it has the same colour, is kept."""
    a = np.asarray(im.convert("RGB")).astype(np.float32)
    d = np.abs(a - np.array(bg, np.float32)).max(axis=2)
    hard = Image.fromarray(np.where(d < 40, 255, 0).astype(np.uint8), "L").copy()
    n = hard.size[0]
    for x, y in [(x, y) for k in range(n) for x, y in ((k, 0), (k, n - 1), (0, k), (n - 1, k))]:
        if hard.getpixel((x, y)) == 255:
            ImageDraw.floodfill(hard, (x, y), 128)
    region = np.asarray(hard.point(lambda v: 255 if v == 128 else 0).filter(ImageFilter.MaxFilter(5))) > 0
    m = (np.clip((40.0 - d) / 30.0, 0, 1) * region)[..., None]
    out = a * (1 - m) + np.array(new, np.float32) * m
    return Image.fromarray(np.round(out).astype(np.uint8), "RGB")


def inverse(col):
    return tuple(255 - v for v in col)


def circle_mask(im, corners):
    """Keep the inscribed circle; corners white, black or transparent."""
    n = im.size[0]
    big = Image.new("L", (n * 4, n * 4), 0)
    ImageDraw.Draw(big).ellipse([0, 0, n * 4 - 1, n * 4 - 1], fill=255)
    mask = big.resize((n, n), Image.LANCZOS)
    if corners == "transparent":
        out = im.convert("RGBA")
        out.putalpha(mask)
        return out
    bgc = (255, 255, 255) if corners == "white" else (0, 0, 0)
    return Image.composite(im.convert("RGB"), Image.new("RGB", (n, n), bgc), mask)


def bordered(im, frac, col):
    """A uniform border of frac of the final side around the picture (size kept)."""
    n = im.size[0]
    b = int(round(n * frac))
    inner = im.resize((n - 2 * b, n - 2 * b), Image.LANCZOS)
    out = Image.new("RGB", (n, n), col)
    out.paste(inner, (b, b))
    return out


def padded(im, scale, col, dx=0.0, dy=0.0):
    """The picture shrunk to `scale` of the side on a flat canvas; dx, dy shift it (fraction of the free room)."""
    n = im.size[0]
    m = int(round(n * scale))
    inner = im.resize((m, m), Image.LANCZOS)
    out = Image.new("RGB", (n, n), col)
    free = n - m
    out.paste(inner, (int(round(free / 2 * (1 + dx))), int(round(free / 2 * (1 + dy)))))
    return out


def overlay(im, kind, **kw):
    """Badge, sticker or band over at most a fifth of the picture."""
    c = Canvas(None, base=im)
    if kind == "badge":  # corner circle with a mark or number
        r = kw.get("r", 0.16)
        corner = kw.get("corner", "tr")
        cx = 1 - r - 0.02 if "r" in corner[1] else r + 0.02
        cy = r + 0.02 if corner[0] == "t" else 1 - r - 0.02
        c.circle(cx, cy, r, fill=kw.get("col", (230, 30, 40)), outline=(255, 255, 255), width=r * 0.12)
        mark = kw.get("mark", "check")
        if mark == "check":
            c.line([(cx - 0.45 * r, cy), (cx - 0.1 * r, cy + 0.38 * r), (cx + 0.5 * r, cy - 0.4 * r)],
                   (255, 255, 255), 0.2 * r)
        else:
            c.fit_text(cx, cy, mark, (255, 255, 255), 1.0 * r, 1.4 * r)
    elif kind == "sticker":  # rounded label with NEW / 公式 / PR
        w, h = kw.get("w", 0.36), kw.get("h", 0.16)
        x0, y0 = kw.get("x", 0.04), kw.get("y", 0.04)
        c.rect(x0, y0, x0 + w, y0 + h, fill=kw.get("col", (255, 200, 0)), radius=h * 0.3,
               outline=(255, 255, 255), width=0.01)
        t = kw.get("text", "NEW")
        if all(ch in KANJI for ch in t):
            c.kanji(t, x0 + w / 2, y0 + h / 2, h * 0.7, kw.get("tcol", (200, 0, 0)))
        else:
            c.fit_text(x0 + w / 2, y0 + h / 2, t, kw.get("tcol", (200, 0, 0)), h * 0.7, w * 0.9)
    elif kind == "band":  # full-width text band at the top or bottom
        h = kw.get("h", 0.16)
        y0 = 0 if kw.get("where", "bottom") == "top" else 1 - h
        c.rect(0, y0, 1, y0 + h, fill=kw.get("col", (200, 20, 30)))
        t = kw.get("text", "JOB INFO")
        if all(ch in KANJI for ch in t):
            c.kanji(t, 0.5, y0 + h / 2, h * 0.72, kw.get("tcol", (255, 255, 255)))
        else:
            c.fit_text(0.5, y0 + h / 2, t, kw.get("tcol", (255, 255, 255)), h * 0.65, 0.92)
    elif kind == "heart":  # heart sticker
        r = kw.get("r", 0.12)
        e_heart(c, kw.get("x", 0.82), kw.get("y", 0.82), r, kw.get("col", (240, 60, 110)))
    return c.done()


# ---------------------------------------------------------------------------
# file writing
# ---------------------------------------------------------------------------

def save(im, name, quality=None, fast=False):
    path = os.path.join(IMG, name)
    if name.endswith(".jpg"):
        if im.mode == "RGBA":
            flat = Image.new("RGB", im.size, (255, 255, 255))
            flat.paste(im, mask=im.getchannel("A"))
            im = flat
        im.convert("RGB").save(path, "JPEG", quality=quality or 88, optimize=True)
    elif fast:
        im.save(path, "PNG", compress_level=1)
    else:
        im.save(path, "PNG", optimize=True)
    return "img/" + name


def copy_bytes(src_rel, name):
    shutil.copyfile(os.path.join(HERE, src_rel), os.path.join(IMG, name))
    return "img/" + name


def load(rel):
    return Image.open(os.path.join(HERE, rel)).convert("RGB")


# ---------------------------------------------------------------------------
# names and handles
# ---------------------------------------------------------------------------

# Topical or official-looking names that do NOT copy any genuine name (attack classes).
ATTACK_NAMES = {
    "hokkaido": ["北海道求人速報【ハローワーク】", "札幌のお仕事情報", "北海道しごとナビ", "道央求人まとめ",
                 "さっぽろ就活ネット", "北海道就職応援団", "十勝のしごと速報", "道北求人インフォ",
                 "札幌ママのお仕事探し", "北海道雇用ニュース", "北の就活サポート", "新卒就活@北海道",
                 "北海道職業訓練ナビ", "道東お仕事チャンネル"],
    "kagoshima": ["鹿児島求人ナビ", "かごしま就活まとめ", "鹿児島しごと速報", "薩摩の求人情報", "大隅エリア求人",
                  "鹿児島職業訓練ガイド", "かごしまママワーク", "桜島のお仕事チャンネル", "南九州求人チャンネル",
                  "鹿児島企業PRまとめ", "鹿児島シニアのお仕事", "かごしま雇用ニュース"],
    "bunkyo": ["文京区のしごと情報", "東京ダイバーシティ採用ナビ", "都内中小企業求人まとめ", "東京しごと応援団"],
    "generic": ["就活応援アカウント", "給付金のお知らせ", "公式サポート窓口", "求人情報センター", "雇用支援ポータル",
                "職業訓練のご案内", "失業給付サポートデスク", "ジョブサポート事務局", "お仕事探し応援隊",
                "転職・就職ニュース", "助成金申請サポート", "求人・給付金 相談窓口"],
    "person": ["佐藤 美咲", "たなか ゆうこ", "Ken Suzuki", "山本 さくら", "みーちゃん", "高橋 健太", "Aya",
               "中村 りょう", "いとう まい", "Sho Kobayashi"],
}
DISCLAIMER_NAMES = {
    "hokkaido": ["北海道求人速報（非公式）", "札幌のお仕事bot【非公式】", "北海道しごとナビ ファンアカウント",
                 "parody: 北海道就職応援団", "道央求人まとめbot (unofficial)", "【非公式】さっぽろ就活ネット",
                 "北海道雇用ニュース（非公式・個人運営）", "十勝しごと速報bot"],
    "kagoshima": ["鹿児島求人ナビ ファンアカウント", "かごしま就活まとめ（非公式）", "【非公式】鹿児島しごと速報",
                  "鹿児島職業訓練bot", "parody 薩摩の求人情報", "かごしまママワーク（非公式ファン）",
                  "南九州求人bot【非公式】"],
    "bunkyo": ["文京区しごと情報（非公式）", "東京ダイバーシティ採用bot"],
    "generic": ["就活応援bot (parody)", "【非公式】給付金情報まとめ", "求人まとめbot（非公式）",
                "ハロワ情報bot（非公式・個人運営）", "お仕事探し応援ファンアカウント", "非公式 職業訓練まとめ",
                "parody account: 求人情報センター"],
}
ATTACK_BIOS = [
    "最新の求人情報を毎日お届けします。", "給付金・助成金の申請はプロフィールのリンクから。",
    "公式サポート窓口です。ご相談はDMでお受けします。", "就活生を応援！新着求人を紹介しています。",
    "雇用保険・職業訓練の情報を発信中。", "在宅ワークで月収30万円。詳しくはDMへ。",
    "求人・セミナー情報のお知らせ。フォローで最新情報をチェック。",
]

WORDS = ["sora", "kumo", "hana", "yama", "umi", "kaze", "mori", "tsuki", "hoshi", "aki", "natsu",
         "fuyu", "haru", "ringo", "momo", "kiri", "nami", "yuki", "hikari", "mizu"]
TOPIC_PLACE = {"hokkaido": ["hokkaido", "doo", "sapporo", "tokachi", "dohoku", "hkd"],
               "kagoshima": ["kgs", "kagoshima", "satsuma", "osumi", "minami9"],
               "bunkyo": ["tokyo", "bunkyo", "toshin"]}
TOPIC_WORD = ["kyujin", "shigoto", "job", "jobs", "work", "shukatsu", "navi", "info", "news", "career", "baito",
              "tenshoku", "support", "kyufu"]


class Handles:
    """Deterministic unrelated (random or topical) handles per platform, never repeated."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def _w(self):
        return self.rng.choice(WORDS)

    def _topical(self, org, sep):
        place = self.rng.choice(TOPIC_PLACE.get(org, ["jp", "nihon", "zenkoku"]))
        word = self.rng.choice(TOPIC_WORD)
        n = self.rng.randrange(1, 99)
        return f"{place}{sep}{word}{n}" if self.rng.random() < 0.6 else f"{word}{sep}{place}{n}"

    def new(self, platform, org=None, topical=False):
        while True:
            n = self.rng.randrange(10, 99)
            base = self._topical(org, "_") if topical else f"{self._w()}_{self._w()}{n}"
            if platform == "x":
                h = base[:15].rstrip("_")
                url = f"https://x.com/{h}"
            elif platform == "instagram":
                h = base.replace("_", ".") if self.rng.random() < 0.5 else base
                url = f"https://www.instagram.com/{h}/"
            elif platform == "bluesky":
                h = base.replace("_", "-") + ".bsky.social"
                url = f"https://bsky.app/profile/{h}"
            elif platform == "mastodon":
                inst = self.rng.choice(["mstdn.jp", "fedibird.com", "mastodon-japan.net"])
                u = base.replace("-", "_")
                h = f"{u}@{inst}"
                url = f"https://{inst}/@{u}"
            elif platform == "line":
                letters = "abcdefghijkmnpqrstuvwxyz"
                h = "@" + "".join(self.rng.choice(letters) for _ in range(3)) + \
                    "".join(self.rng.choice("0123456789") for _ in range(4)) + self.rng.choice(letters)
                url = f"https://line.me/R/ti/p/{h}"
            elif platform == "youtube":
                if topical:
                    h = "@" + base.replace("_", "-")
                    url = f"https://www.youtube.com/{h}"
                else:
                    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                    h = "UC" + "".join(self.rng.choice(chars) for _ in range(21)) + self.rng.choice("AQgw")
                    url = f"https://www.youtube.com/channel/{h}"
            elif platform == "facebook":
                if topical:
                    h = base.replace("_", ".")
                    url = f"https://www.facebook.com/{h}"
                    if h.lower() in self.used:
                        continue
                    self.used.add(h.lower())
                    return h, url, None
                i = "6155" + "".join(self.rng.choice("0123456789") for _ in range(10))
                url = f"https://www.facebook.com/profile.php?id={i}"
                if url in self.used:
                    continue
                self.used.add(url)
                return None, url, i
            else:
                raise ValueError(platform)
            if h.lower() not in self.used:
                self.used.add(h.lower())
                return h, url, None


def url_for(platform, h):
    return {"x": f"https://x.com/{h}", "instagram": f"https://www.instagram.com/{h}/",
            "facebook": f"https://www.facebook.com/{h}", "bluesky": f"https://bsky.app/profile/{h}",
            "youtube": f"https://www.youtube.com/{h}" if h.startswith("@") else f"https://www.youtube.com/channel/{h}",
            "line": f"https://line.me/R/ti/p/{h}",
            "mastodon": "https://{1}/@{0}".format(*h.split("@")) if "@" in h else f"https://mastodon.social/@{h}"}[platform]


PLATS = ["x", "instagram", "facebook", "youtube", "line", "bluesky", "mastodon"]


def main():
    os.makedirs(IMG, exist_ok=True)
    for f in os.listdir(IMG):  # start clean so that stale files never linger
        os.remove(os.path.join(IMG, f))

    # ---------------- genuine pictures and genuine.jsonl ----------------
    pic_bytes = {}
    for pk, (draw, size, _bg) in PICTURES.items():
        buf = io.BytesIO()
        draw(size).save(buf, "PNG", optimize=True)
        pic_bytes[pk] = buf.getvalue()
    gen_avatar = {}
    genuine_lines = []
    for key, org, pk, rec in ACCOUNTS:
        name = f"g_{key.lower()}.png"
        with open(os.path.join(IMG, name), "wb") as f:   # same office / template: byte-identical copies
            f.write(pic_bytes[pk])
        gen_avatar[key] = "img/" + name
        line = {"platform": rec["platform"]}
        for fld in ("handle", "id"):
            if fld in rec:
                line[fld] = rec[fld]
        line["display_name"] = rec["display_name"]
        line["url"] = rec["url"]
        line["avatar"] = "img/" + name
        genuine_lines.append(line)

    def pic_src(pk):
        return Image.open(io.BytesIO(pic_bytes[pk])).convert("RGB")

    def pic_file(pk):
        return gen_avatar[OWNERS[pk][0]]

    rows = []

    def add(label, cls, platform, handle, name, avatar, note, target=None, url=None, id=None, bio=None,
            alt=None, resembles=None):
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
            a = ACC[target]
            t = ref(target)
            r["target_platform"] = t["platform"]
            if "handle" in t:
                r["target_handle"] = t["handle"]
            else:
                r["target_url"] = t["url"]
            r["target_name"] = a["display_name"]
            if alt:
                r["alt_targets"] = [ref(k) for k in alt]
            r["org"] = a["org"]
        if resembles:
            r["resembles"] = [ref(k) for k in resembles]
        r["note"] = note
        rows.append(r)

    def target_of(pk, platform):
        """Target = the owner of the picture on the candidate's platform if any, else the first owner
        (in seed order); the other owners of the same picture are alt_targets."""
        owners = OWNERS[pk]
        # The Chitose LINE link is published as kin.ee (see README): never the main target, only an alt.
        same = [k for k in owners if ACC[k]["platform"] == platform and k != "CHI_LINE"]
        t = same[0] if same else owners[0]
        return t, [k for k in owners if k != t]

    H = Handles(20240701)
    PIC_ORDER = list(PICTURES)   # 20 pictures

    def pic_org(pk):
        return ACC[OWNERS[pk][0]]["org"]

    def attack_block(cls, count, make, seed, names=None):
        """`count` lines; pictures cycle over all genuine pictures, platforms over all platforms.
        make(n, pk, rng) -> (avatar rel path, note)."""
        rng = random.Random(seed)
        for n in range(count):
            pk = PIC_ORDER[(n + seed * 3) % len(PIC_ORDER)]
            plat = PLATS[(n * 3 + seed) % len(PLATS)]
            org = pic_org(pk)
            topical = rng.random() < 0.45
            handle, url, i = H.new(plat, org, topical)
            if names is None:
                u = rng.random()
                pool = ATTACK_NAMES[org] if u < 0.5 else ATTACK_NAMES["generic"] if u < 0.8 else ATTACK_NAMES["person"]
                name = rng.choice(pool)
            else:
                pool = names[org] + names["generic"] if rng.random() < 0.7 else names["generic"]
                name = rng.choice(pool)
            bio = rng.choice(ATTACK_BIOS) if rng.random() < 0.5 else None
            rel, how = make(n, pk, rng)
            tgt, alt = target_of(pk, plat)
            who = ("template " + pk + ", shared by " + "/".join(OWNERS[pk])) if pk in TEMPLATES else \
                  ("picture of " + "/".join(OWNERS[pk]))
            add("suspect", cls, plat, handle, name, rel,
                f"{how}; {who}; name does not copy the genuine name; {'topical' if topical else 'random'} handle",
                target=tgt, url=url, id=i, bio=bio, alt=alt)

    def out_px(rng, lo=96, hi=240):
        return rng.choice([v for v in (96, 110, 120, 128, 150, 160, 180, 200, 220, 240) if lo <= v <= hi])

    def save_auto(im, stem, rng, jpeg_q=None, photo=False):
        """PNG or JPEG (q 80-90) as platforms serve them: about a third of the flat logos and
        most of the photo-like pictures as JPEG."""
        if jpeg_q or rng.random() < (0.75 if photo else 0.33):
            q = jpeg_q or rng.choice([80, 85, 90])
            return save(im, stem + ".jpg", quality=q), f", JPEG q{q}"
        return save(im, stem + ".png"), ""

    # ---------------- avatar_exact ----------------
    def mk_exact(n, pk, rng):
        stem = f"a_exact_{n:02d}"
        if n % 3 == 0:
            return copy_bytes(pic_file(pk), stem + ".png"), "byte-identical copy of the genuine file"
        if n % 3 == 1:
            return save(pic_src(pk), stem + ".png", fast=True), "re-saved PNG, same pixels"
        return save(pic_src(pk), stem + ".jpg", quality=95), "re-saved as JPEG q95, same size"
    attack_block("avatar_exact", 32, mk_exact, 0)

    # ---------------- avatar_recompressed ----------------
    def mk_jpeg(n, pk, rng):
        q = rng.randint(30, 60)
        im = pic_src(pk)
        if n % 2:
            px = out_px(rng, 160, 240)
            return save(resized(im, px), f"a_jpeg_{n:02d}.jpg", quality=q), f"JPEG quality {q}, served at {px} px"
        return save(im, f"a_jpeg_{n:02d}.jpg", quality=q), f"JPEG quality {q}, original size"
    attack_block("avatar_recompressed", 32, mk_jpeg, 1)

    # ---------------- avatar_downsized ----------------
    def mk_small(n, pk, rng):
        px = rng.choice([48, 56, 64, 72, 80, 88, 96])
        im = resized(pic_src(pk), px)
        if n % 3 == 2:
            q = rng.choice([75, 85, 92])
            return save(im, f"a_small_{n:02d}.jpg", quality=q), f"downsized to {px} px, JPEG q{q}"
        return save(im, f"a_small_{n:02d}.png"), f"downsized to {px} px, PNG"
    attack_block("avatar_downsized", 32, mk_small, 2)

    # ---------------- avatar_cropped ----------------
    def mk_crop(n, pk, rng):
        im = pic_src(pk)
        kind = n % 4
        if kind == 0:      # one side
            side = rng.randrange(4)
            f = round(rng.uniform(0.05, 0.25), 2)
            lt = [0, 0, 0, 0]
            lt[side] = f
            how = f"crop {f:.0%} off the {['left', 'top', 'right', 'bottom'][side]} side"
        elif kind == 1:    # two or three sides, asymmetric
            k = rng.choice([2, 3])
            sides = rng.sample(range(4), k)
            lt = [0, 0, 0, 0]
            for s in sides:
                lt[s] = round(rng.uniform(0.05, 0.2), 2)
            how = "asymmetric crop l/t/r/b=" + "/".join(f"{v:.0%}" for v in lt)
        elif kind == 2:    # four sides, asymmetric
            lt = [round(rng.uniform(0.05, 0.18), 2) for _ in range(4)]
            how = "crop on four sides l/t/r/b=" + "/".join(f"{v:.0%}" for v in lt)
        else:              # zoom: centre crop
            f = round(rng.uniform(0.06, 0.25), 2)
            lt = [f, f, f, f]
            how = f"zoom: centre crop {f:.0%} per side"
        px = out_px(rng, 120, 240)
        out = resized(cropped(im, *lt), px)
        rel, fmt = save_auto(out, f"a_crop_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"{how}, resized back to a square of {px} px{fmt}"
    attack_block("avatar_cropped", 32, mk_crop, 3)

    # ---------------- avatar_mirrored ----------------
    def mk_mirror(n, pk, rng):
        im = mirrored(pic_src(pk))
        if n % 4 == 0:
            return save(im, f"a_mirror_{n:02d}.png"), "horizontal flip, original size"
        px = out_px(rng, 110, 240)
        rel, fmt = save_auto(resized(im, px), f"a_mirror_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"horizontal flip, resized to {px} px{fmt}"
    attack_block("avatar_mirrored", 32, mk_mirror, 4)

    # ---------------- avatar_recoloured ----------------
    def mk_recolour(n, pk, rng):
        im = pic_src(pk)
        bg = PICTURES[pk][2]
        kind = n % 8
        if kind in (5, 6) and bg is None:
            kind = 0
        if kind == 0:
            d = rng.choice([20, 30, 45, 60, 90, 120, 150, 180])
            out, how = hue_rotate(im, d), f"hue rotated {d} deg"
        elif kind == 1:
            out, how = greyscale(im), "greyscale"
        elif kind == 2:
            f = rng.choice([0.6, 0.7, 1.25, 1.35])
            out, how = brightness(im, f), f"brightness x{f}"
        elif kind == 3:
            f = rng.choice([0.3, 0.5, 1.5, 1.8])
            out, how = saturation(im, f), f"saturation x{f}"
        elif kind == 4:
            d = rng.choice([25, 40, 70, 200, 300])
            f = rng.choice([0.8, 1.2])
            out, how = brightness(hue_rotate(im, d), f), f"hue rotated {d} deg + brightness x{f}"
        elif kind == 5:
            new = inverse(bg)
            out, how = replace_bg(im, bg, new), f"flat background {bg} replaced by its inverse {new}, emblem unchanged"
        elif kind == 6:
            new = rng.choice([(255, 255, 255), (0, 0, 0), (230, 60, 60), (40, 120, 220), (250, 220, 60)])
            if max(abs(a - b) for a, b in zip(new, bg)) < 60:
                new = (0, 0, 0) if sum(bg) > 380 else (255, 255, 255)
            out, how = replace_bg(im, bg, new), f"flat background {bg} replaced by {new}, emblem unchanged"
        else:
            out, how = contrast(saturation(greyscale(im) if n % 2 else im, 1.4), 1.3), \
                ("greyscale + " if n % 2 else "") + "saturation x1.4 + contrast x1.3"
        px = out_px(rng, 128, 240)
        rel, fmt = save_auto(resized(out, px), f"a_recolour_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"{how}; served at {px} px{fmt}"
    attack_block("avatar_recoloured", 32, mk_recolour, 5)

    # ---------------- avatar_overlay ----------------
    BAND_TEXTS = ["求人中", "JOB INFO", "公式", "求人", "OFFICIAL", "RECRUIT"]

    def mk_overlay(n, pk, rng):
        im = pic_src(pk)
        kind = n % 5
        if kind == 0:
            r = round(rng.uniform(0.12, 0.2), 2)
            corner = rng.choice(["tr", "tl", "br", "bl"])
            mark = rng.choice(["check", "1", "3", "99+", "!"])
            out = overlay(im, "badge", r=r, corner=corner, mark=mark,
                          col=rng.choice([(230, 30, 40), (30, 140, 230), (20, 170, 80)]))
            how = f"corner badge ({corner}, radius {r:.0%} of the side) with mark {mark!r}"
        elif kind == 1:
            t = rng.choice(["NEW", "公式", "PR", "NEW!"])
            out = overlay(im, "sticker", text=t, x=rng.choice([0.03, 0.58]), y=rng.choice([0.03, 0.8]),
                          w=0.38, h=0.16)
            how = f"sticker {t!r} (38 % x 16 % of the side)"
        elif kind == 2:
            h = round(rng.uniform(0.12, 0.2), 2)
            where = rng.choice(["top", "bottom"])
            t = BAND_TEXTS[(n // 5) % len(BAND_TEXTS)]
            out = overlay(im, "band", h=h, where=where, text=t,
                          col=rng.choice([(200, 20, 30), (20, 20, 20), (250, 200, 0), (0, 110, 200)]),
                          tcol=(255, 255, 255))
            how = f"text band {t!r} across the {where} ({h:.0%} of the height)"
        elif kind == 3:
            out = overlay(im, "heart", r=0.1, x=rng.choice([0.15, 0.85]), y=rng.choice([0.15, 0.85]))
            how = "heart sticker in a corner"
        else:
            out = overlay(overlay(im, "badge", r=0.13, corner="tr", mark="check", col=(30, 140, 230)),
                          "sticker", text="公式", x=0.03, y=0.8, w=0.3, h=0.15)
            how = "blue check badge + 公式 sticker (together under a fifth of the picture)"
        px = out_px(rng, 128, 240)
        rel, fmt = save_auto(resized(out, px), f"a_overlay_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"{how}; served at {px} px{fmt}"
    attack_block("avatar_overlay", 32, mk_overlay, 6)

    # ---------------- avatar_circle_mask ----------------
    def mk_circle(n, pk, rng):
        px = out_px(rng, 120, 240)
        im = resized(pic_src(pk), px)
        corners = ["white", "black", "transparent"][n % 3]
        out = circle_mask(im, corners)
        if corners == "transparent":
            return save(out, f"a_circle_{n:02d}.png"), f"circular mask, transparent corners (PNG with alpha), {px} px"
        rel, fmt = save_auto(out, f"a_circle_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"circular mask, {corners} corners, {px} px{fmt}"
    attack_block("avatar_circle_mask", 32, mk_circle, 7)

    # ---------------- avatar_border_padding ----------------
    def mk_border(n, pk, rng):
        im = pic_src(pk)
        col = rng.choice([(255, 255, 255), (0, 0, 0), (240, 240, 240), (255, 215, 0), (30, 30, 120)])
        if n % 2 == 0:
            f = round(rng.uniform(0.03, 0.12), 2)
            out, how = bordered(im, f, col), f"uniform border {f:.0%} of the side in {col}"
        else:
            s = round(rng.uniform(0.7, 0.9), 2)
            dx, dy = (0, 0) if n % 4 == 1 else (rng.choice([-1, 1]) * 0.8, rng.choice([-1, 0.5]))
            out = padded(im, s, col, dx, dy)
            how = f"padded: shrunk to {s:.0%} on a flat {col} canvas, " + \
                  ("centred" if (dx, dy) == (0, 0) else f"offset ({dx:+.1f}, {dy:+.1f} of the free room)")
        px = out_px(rng, 120, 240)
        rel, fmt = save_auto(resized(out, px), f"a_border_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"{how}; served at {px} px{fmt}"
    attack_block("avatar_border_padding", 32, mk_border, 8)

    # ---------------- avatar_combined ----------------
    COMBOS = [
        ("crop 15 % all sides + JPEG q40 + mirror", lambda im, r: mirrored(cropped(im, .15, .15, .15, .15)), 40),
        ("recolour hue +60 deg + corner badge", lambda im, r: overlay(hue_rotate(im, 60), "badge", r=0.15, mark="1"), None),
        ("padding 80 % on white + downsize to 64 px", lambda im, r: resized(padded(im, 0.8, (255, 255, 255)), 64), None),
        ("mirror + circular mask (white)", lambda im, r: circle_mask(mirrored(im), "white"), None),
        ("crop 10 % left/top + greyscale + JPEG q50", lambda im, r: greyscale(cropped(im, .1, .1, 0, 0)), 50),
        ("border 6 % black + text band 求人 at the bottom", lambda im, r: overlay(bordered(im, .06, (0, 0, 0)), "band",
                                                                            text="求人", h=0.15), None),
        ("brightness x0.75 + crop 8 % right + downsize to 80 px", lambda im, r: resized(cropped(brightness(im, .75), 0, 0, .08, 0), 80), None),
        ("zoom 12 % + NEW sticker + JPEG q45", lambda im, r: overlay(cropped(im, .12, .12, .12, .12), "sticker", text="NEW"), 45),
        ("mirror + hue +30 deg + circular mask (transparent)", lambda im, r: circle_mask(hue_rotate(mirrored(im), 30), "transparent"), None),
        ("saturation x0.5 + padding 85 % offset on black", lambda im, r: padded(saturation(im, .5), .85, (0, 0, 0), .8, -1), None),
        ("crop 20 % bottom + mirror", lambda im, r: mirrored(cropped(im, 0, 0, 0, .2)), None),
        ("greyscale + border 10 % white + JPEG q35", lambda im, r: bordered(greyscale(im), .1, (255, 255, 255)), 35),
    ]

    def mk_combo(n, pk, rng):
        how, f, q = COMBOS[n % len(COMBOS)]
        im = pic_src(pk)
        out = f(im, rng)
        if out.size[0] >= 96:
            out = resized(out, out_px(rng, 120, 240)) if out.mode == "RGB" else out.resize(
                (out_px(rng, 120, 240),) * 2, Image.LANCZOS)
        if q:
            return save(out, f"a_combo_{n:02d}.jpg", quality=q), f"{how}; {out.size[0]} px"
        if out.mode == "RGBA":
            return save(out, f"a_combo_{n:02d}.png"), f"{how}; {out.size[0]} px"
        rel, fmt = save_auto(out, f"a_combo_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"{how}; {out.size[0]} px{fmt}"
    attack_block("avatar_combined", 36, mk_combo, 9)

    # ---------------- avatar_disclaimer ----------------
    DISC_TF = [
        ("byte-identical copy", None),
        ("JPEG q50", lambda im: im),
        ("downsized to 96 px", lambda im: resized(im, 96)),
        ("mirror", mirrored),
        ("crop 10 % all sides", lambda im: cropped(im, .1, .1, .1, .1)),
        ("hue +40 deg", lambda im: hue_rotate(im, 40)),
        ("circular mask (white)", lambda im: circle_mask(im, "white")),
        ("text band bot at the bottom", lambda im: overlay(im, "band", text="bot", h=0.14, col=(20, 20, 20))),
    ]

    def mk_disc(n, pk, rng):
        how, f = DISC_TF[n % len(DISC_TF)]
        tail = "; explicit disclaimer in the name (a disclaimer does not clear a copied picture)"
        if f is None:
            return copy_bytes(pic_file(pk), f"a_disc_{n:02d}.png"), how + tail
        out = f(pic_src(pk))
        if out.size[0] > 240:
            out = resized(out, out_px(rng, 150, 240))
            how += f", {out.size[0]} px"
        if how.startswith("JPEG"):
            return save(out, f"a_disc_{n:02d}.jpg", quality=50), f"{how}{tail}"
        rel, fmt = save_auto(out, f"a_disc_{n:02d}", rng, photo=PICTURES[pk][2] is None)
        return rel, f"{how}{fmt}{tail}"
    attack_block("avatar_disclaimer", 24, mk_disc, 10, names=DISCLAIMER_NAMES)

    # ===================== hard negatives (clear) =====================

    # ---------------- template_other_office ----------------
    # Real offices that are not in the registry, under their own honest names and handles.
    T_OTHER = [
        # T1, the national HELLO WORK logo (registry: 留萌, 帯広, 札幌東)
        ("T1", "exact", "x", "hw_hakodate", "ハローワーク函館【公式】", "函館公共職業安定所の公式アカウントです。"),
        ("T1", "resize200", "x", "hw_asahikawa", "ハローワーク旭川【公式】", "旭川公共職業安定所です。求人・セミナー情報をお知らせします。"),
        ("T1", "jpeg80", "x", "hw_kushiro_koyo", "ハローワーク釧路【公式】", None),
        ("T1", "exact", "instagram", "hw.tomakomai", "ハローワーク苫小牧", "苫小牧公共職業安定所の公式Instagramです。"),
        ("T1", "circle", "facebook", "hw.kitami", "ハローワーク北見（北見公共職業安定所）", None),
        ("T1", "resize160", "x", "hw_muroran", "ハローワーク室蘭【公式】", "室蘭公共職業安定所です。"),
        ("T1", "jpeg85_240", "x", "hw_wakkanai", "ハローワーク稚内", None),
        # T2, the Kagoshima Hello Work channel logo (registry: 国分, 加世田, 指宿)
        ("T2", "exact", "youtube", None, "ハローワーク出水YouTubeチャンネル【公式】", "出水公共職業安定所の公式チャンネルです。"),
        ("T2", "resize200", "youtube", None, "ハローワーク名瀬YouTubeチャンネル", None),
        ("T2", "jpeg80", "youtube", None, "ハローワーク伊集院チャンネル【公式】", "伊集院公共職業安定所の動画をお届けします。"),
        ("T2", "exact", "youtube", None, "ハローワーク大隅YouTubeチャンネル【公式】", None),
        ("T2", "circle", "youtube", None, "ハローワーク熊毛 公式チャンネル", "熊毛公共職業安定所（西之表）です。"),
        ("T2", "resize160", "youtube", None, "ハローワーク宮之城YouTubeチャンネル", None),
        # T3, the マザーズコーナー logo (registry: 川内, かのや, 国分 on LINE)
        ("T3", "exact", "line", None, "ハローワーク出水（マザーズコーナー）", None),
        ("T3", "exact", "line", None, "ハローワーク名瀬（マザーズコーナー）", None),
        ("T3", "resize200", "line", None, "ハローワーク伊集院（マザーズコーナー）", "子育て中の方の就職を応援します。"),
        ("T3", "jpeg85_240", "line", None, "ハローワーク大隅（マザーズコーナー）", None),
        ("T3", "circle", "instagram", "hw_miyanojo_mothers", "ハローワーク宮之城（マザーズコーナー）", None),
        ("T3", "exact", "line", None, "ハローワーク都城（マザーズコーナー）", "宮崎県 都城公共職業安定所のマザーズコーナーです。"),
    ]
    LETTER_OTHER = [
        ("O", "fish", "x", "hw_otaru", "ハローワーク小樽【公式】"),
        ("I", "mountain", "x", "hw_iwamizawa", "ハローワーク岩見沢【公式】"),
        ("N", "tree", "x", "hw_nayoro", "ハローワーク名寄"),
        ("A", "star", "instagram", "hw.abashiri", "ハローワーク網走"),
        ("M", "wave", "facebook", "hw.monbetsu", "ハローワーク紋別【公式】"),
        ("T", "mountain", "x", "hw_takikawa", "ハローワーク滝川【公式】"),
        ("U", "wave", "instagram", "hw_urakawa", "ハローワーク浦河"),
    ]
    for n, (pk, how, plat, h, name, bio) in enumerate(T_OTHER):
        stem = f"c_tmpl_{n:02d}"
        im = pic_src(pk)
        if how == "exact":
            rel, note = copy_bytes(pic_file(pk), stem + ".png"), "byte-identical copy of template " + pk
        elif how.startswith("resize"):
            px = int(how[6:])
            rel, note = save(resized(im, px), stem + ".png"), f"template {pk} resized to {px} px"
        elif how == "jpeg80":
            rel, note = save(resized(im, 200), stem + ".jpg", quality=80), f"template {pk}, 200 px JPEG q80"
        elif how == "jpeg85_240":
            rel, note = save(resized(im, 240), stem + ".jpg", quality=85), f"template {pk}, 240 px JPEG q85"
        else:
            rel, note = save(circle_mask(resized(im, 200), "white"), stem + ".png"), \
                f"template {pk} with a circular mask (as the platform shows it), 200 px"
        hh, url, i = (h, url_for(plat, h), None) if h else H.new(plat)
        add("clear", "template_other_office", plat, hh, name, rel,
            f"{note}; the registry holds {pk} for several different offices ({'/'.join(OWNERS[pk])}), "
            "so it identifies none of them; honest name of a real office not in the registry",
            url=url, id=i, bio=bio, resembles=OWNERS[pk])
    for n, (letter, emblem, plat, h, name) in enumerate(LETTER_OTHER):
        rel = save(hw_template(200 if n % 2 else 240, letter, emblem), f"c_letter_{letter}.png")
        add("clear", "template_other_office", plat, h, name, rel,
            f"the Sapporo/Chitose letter template with its own letter {letter} and emblem ({emblem}); "
            "honest name of a real office not in the registry",
            url=url_for(plat, h), resembles=["SAP_X", "CHI_X"])

    # ---------------- same_colours_other_logo ----------------
    # A genuine account's palette, a different emblem and layout, an honest name.
    SAME_COL = [
        ("HOK", (18, 38, 88), (255, 255, 255), (215, 35, 45), "skis", "ring", "SNOW CLUB", "x", "sp_snowclub", "札幌スノークラブ"),
        ("HOK", (18, 38, 88), (255, 255, 255), (170, 195, 235), "fish", "left", "KAISEN", "instagram", "kaisen.hokkaido.don", "北海道海鮮丼 まるよし"),
        ("SSY", (245, 140, 30), (255, 225, 60), (200, 90, 20), "bread", "band", "BAKERY", "instagram", "sunrise.bakery.sp", "サンライズベーカリー"),
        ("SSH", (0, 140, 145), (255, 255, 255), (255, 235, 120), "cross", "tile", "CLINIC", "x", "teal_seikotsu", "ティール整骨院"),
        ("WAKA", (120, 200, 120), (50, 150, 60), (255, 255, 255), "tree", "ring", "TOKACHI FARM", "facebook", "green.farm.tokachi", "グリーンファーム十勝"),
        ("MOM", (250, 205, 220), (215, 40, 80), (255, 255, 255), "cup", "ring", "CAFE ICHIGO", "instagram", "cafe.ichigo.sapporo", "カフェ苺"),
        ("MOM", (250, 205, 220), (215, 40, 80), (245, 120, 150), "paw", "plain", None, "x", "momo_pink_cat", "ももねこ"),
        ("T1", (255, 255, 255), (0, 90, 170), (0, 160, 80), "truck", "band", "BLUE LINE", "x", "blueline_unyu", "ブルーライン運送"),
        ("T1", (255, 255, 255), (0, 90, 170), (0, 160, 80), "bike", "ring", "CYCLE CLUB", "instagram", "hokkaido.cycle.club", "北海道サイクル部"),
        ("TS", (248, 248, 242), (30, 80, 160), (120, 190, 80), "book", "left", "JUKU", "x", "hokuto_juku", "北斗学習塾"),
        ("BUN", (252, 252, 252), (0, 77, 255), (228, 3, 3), "book", "ring", "RAINBOW BOOKS", "x", "rainbowbooks_tk", "レインボー書店"),
        ("KSSYT", (250, 170, 90), (70, 60, 80), (255, 255, 255), "camera", "ring", "PHOTO CLUB", "instagram", "sakurajima.photo", "桜島フォトクラブ"),
        ("KPR", (35, 35, 40), (225, 180, 60), (255, 255, 255), "ticket", "left", "CINEMA", "x", "gold_cinema_kgs", "ゴールドシネマ天文館"),
        ("T2", (20, 70, 140), (255, 255, 255), (220, 35, 40), "fish", "ring", "DIVING", "youtube", "@ibusuki-marine-diving", "指宿マリンダイビング"),
        ("KUN", GREEN, YELLOW, (255, 255, 255), "tree", "tile", "HOIKUEN", "facebook", "midori.hoikuen", "みどり保育園"),
        ("KUN", GREEN, YELLOW, GREEN, "note", "corner", "MUSIC", "youtube", "@satsuma-brass-band", "薩摩ブラスバンド"),
        ("TAI", (255, 255, 255), (240, 130, 30), (25, 45, 100), "house", "band", "ORANGE HOME", "instagram", "orange.koumuten", "オレンジ工務店"),
        ("KSSI", GREEN, YELLOW, (255, 255, 255), "cross", "ring", "PHARMACY", "x", "kgs_green_drug", "グリーン薬局 鹿児島中央店"),
        ("KAN", (240, 150, 180), (150, 20, 60), (255, 240, 245), "tulip", "ring", "FLOWER", "instagram", "flower.kanon.kanoya", "フラワーショップ花音"),
        ("KMS", (96, 40, 140), (255, 255, 255), (230, 200, 250), "note", "tile", "LAVENDER", "x", "lavender_music", "ラベンダー音楽教室"),
        ("KGL", (6, 180, 80), (255, 255, 255), (20, 20, 20), "car", "ring", "GREEN TAXI", "line", None, "グリーンタクシー鹿児島"),
        ("KGM", (252, 185, 140), (225, 90, 60), (255, 240, 225), "cup", "band", "CAFE PEACH", "instagram", "cafe.peach.kgs", "カフェ ピーチ"),
        ("T3", (200, 180, 235), (120, 70, 170), (255, 255, 255), "key", "tile", "LAVENDER", "x", "lavender_estate", "ラベンダー不動産"),
        ("TC", (248, 248, 242), (30, 80, 160), (120, 190, 80), "paw", "corner", "PET", "instagram", "chitose.pet.salon", "千歳ペットサロン ぽち"),
    ]
    for n, (pk, bg, fg, ac, emb, lay, text, plat, h, name) in enumerate(SAME_COL):
        size = [240, 200, 180, 160][n % 4]
        im = other_logo(size, bg, fg, ac, emb, lay, text)
        rel = save(im, f"c_samecol_{n:02d}.png")
        hh, url, i = (h, url_for(plat, h), None) if h else H.new(plat)
        add("clear", "same_colours_other_logo", plat, hh, name, rel,
            f"colour scheme of {pk} ({'/'.join(OWNERS[pk])}), different emblem ({emb}) and layout ({lay}); honest name",
            url=url, id=i, bio=None, resembles=OWNERS[pk])

    # ---------------- job_info_own_picture ----------------
    JOB = [
        ("北海道求人速報", "x", "hkd_kyujin_news", "briefcase", "ring", "JOB NEWS", "道内の求人を毎日まとめて紹介する民間アカウントです。"),
        ("札幌のお仕事情報", "instagram", "sapporo.oshigoto.info", "magnifier", "band", "SAPPORO JOBS", "札幌の求人・バイト情報をまとめています（民間）。"),
        ("鹿児島求人ナビ", "x", "kgs_kyujin_navi", "pin", "tile", "KAGOSHIMA", "鹿児島県内の求人情報サイトの公式アカウントです。"),
        ("かごしま就活まとめ", "instagram", "kagoshima.shukatsu.matome", "calendar", "ring", "SHUKATSU", "学生有志による就活情報まとめ。"),
        ("十勝バイト速報", "x", "tokachi_baito", "megaphone", "left", "BAITO", None),
        ("道央しごと探し", "facebook", "doo.shigoto.sagashi", "magnifier", "ring", "DOO WORK", "道央エリアの求人情報を紹介しています。"),
        ("札幌転職ナビ", "x", "sp_tenshoku", "briefcase", "left", "TENSHOKU", "転職エージェントが運営しています。"),
        ("北海道しごとマガジン", "youtube", "@hokkaido-shigoto-mag", "bubble", "plain", None, "北海道で働く人を紹介する動画マガジン。"),
        ("鹿児島バイト情報局", "line", None, "megaphone", "ring", "BAITO KGS", None),
        ("薩摩の転職情報", "x", "satsuma_career", "pin", "left", "CAREER", "鹿児島の転職情報をお届けします（民間）。"),
        ("大隅しごとナビ", "instagram", "osumi.shigoto.navi", "calendar", "tile", "OSUMI", None),
        ("文京区のお仕事情報", "x", "bunkyo_jobs", "briefcase", "band", "BUNKYO JOBS", "文京区内の求人を紹介する地域メディアです。"),
        ("東京の求人まとめ", "bluesky", "tokyo-kyujin.bsky.social", "magnifier", "corner", "TOKYO", None),
        ("ママの仕事探しサポート（民間）", "instagram", "mama.work.support", "calendar", "ring", "MAMA WORK", "子育て中のママ向け求人メディア。"),
        ("シニアのお仕事ナビ", "facebook", "senior.oshigoto.navi", "pin", "ring", "SENIOR", "シニア世代の求人情報（人材会社運営）。"),
        ("新卒就活まとめ", "x", "shinsotsu_mtm", "bubble", "plain", None, "新卒向け就活ニュースを配信。"),
        ("職業訓練まとめ情報", "mastodon", "kunren_matome@mstdn.jp", "book2", "ring", "TRAINING", "公開情報をもとに個人がまとめています。"),
        ("給付金・助成金まとめ（社労士事務所）", "x", "sr_yamada_ofc", "briefcase", "tile", "SR OFFICE", "山田社会保険労務士事務所です。"),
        ("北海道就活ニュース", "bluesky", "hokkaido-shukatsu.bsky.social", "megaphone", "band", "NEWS", None),
        ("かごしま求人チャンネル", "youtube", "@kagoshima-kyujin-ch", "pin", "band", "JOB CH", "鹿児島の企業を取材する求人チャンネル（民間）。"),
        ("就活応援ブログ", "mastodon", "shukatsu_blog@fedibird.com", "bubble", "plain", None, "就活を終えた大学生のブログ。"),
        ("ハロワ求人まとめ【民間】", "x", "harowa_matome", "magnifier", "tile", "MATOME", "公開求人をまとめる民間アカウントです。ハローワークとは関係ありません。"),
        ("札幌バイト速報", "line", None, "megaphone", "tile", "SAPPORO", None),
        ("鹿児島しごとナビ", "facebook", "kagoshima.shigoto.navi", "briefcase", "ring", "WORK NAVI", "鹿児島の求人ポータル。"),
    ]
    rngj = random.Random(77)
    JOB_PALETTES = [((255, 255, 255), (230, 90, 20), (255, 220, 180)), ((25, 25, 25), (255, 205, 0), (255, 255, 255)),
                    ((240, 248, 255), (0, 150, 200), (255, 120, 0)), ((255, 245, 230), (120, 60, 30), (240, 180, 90)),
                    ((80, 30, 90), (255, 180, 210), (255, 255, 255)), ((230, 245, 235), (0, 110, 90), (250, 90, 70)),
                    ((20, 40, 60), (100, 220, 220), (255, 255, 255)), ((255, 250, 200), (200, 30, 60), (60, 60, 60))]
    for n, (name, plat, h, emb, lay, text, bio) in enumerate(JOB):
        bg, fg, ac = JOB_PALETTES[n % len(JOB_PALETTES)]
        emb = "book" if emb == "book2" else emb
        size = rngj.choice([160, 180, 200, 240])
        rel = save(other_logo(size, bg, fg, ac, emb, lay, text), f"c_job_{n:02d}.png")
        hh, url, i = (h, url_for(plat, h), None) if h else H.new(plat)
        grey = "grey: the name uses the national ハロワ/ハローワーク brand but names no office and says it is " \
               "private; " if "ハロワ" in name else ""
        add("clear", "job_info_own_picture", plat, hh, name, rel,
            grey + "job-information / aggregator account with its own picture; the name is topical (same kind as "
            "the attack names) but no genuine picture, name or handle is copied",
            url=url, id=i, bio=bio)

    # ---------------- avatar_default ----------------
    DEFAULTS = [
        (lambda s: default_silhouette(s, (207, 217, 222), (255, 255, 255)), "x", "yamada_k77", "山田", "X-style default silhouette"),
        (lambda s: default_silhouette(s, (204, 214, 221), (245, 248, 250)), "x", "sp_kaishain", "札幌在住の会社員", "X-style default silhouette"),
        (lambda s: default_silhouette(s, (219, 219, 219), (250, 250, 250), 0.2, 0.36, 1.0, 0.4), "instagram", "kgs.daigakusei", "鹿児島の大学生", "Instagram-style default silhouette"),
        (lambda s: default_silhouette(s, (225, 225, 225), (199, 199, 199), 0.2, 0.36, 1.0, 0.4), "instagram", "hanako.sato.sp", "佐藤 花子", "Instagram-style default silhouette (grey on light grey)"),
        (lambda s: default_silhouette(s, (200, 204, 210), (255, 255, 255), 0.19, 0.38, 1.02, 0.38), "facebook", "taichi.suzuki.99", "鈴木 太一", "Facebook-style default silhouette"),
        (lambda s: default_silhouette(s, (190, 195, 205), (240, 242, 245), 0.19, 0.38, 1.02, 0.38), "facebook", "obihiro.tanaka.mika", "田中 美香", "Facebook-style default silhouette"),
        (lambda s: letter_default(s, (0, 137, 123), "K"), "youtube", "@kenji-vlog-kgs", "Kenji Vlog", "YouTube-style default letter avatar"),
        (lambda s: letter_default(s, (239, 108, 0), "S"), "youtube", "@sapporo-sanpo", "さっぽろ散歩", "YouTube-style default letter avatar"),
        (lambda s: letter_default(s, (92, 107, 192), "H"), "youtube", "@hw-fan-trains", "Hiro Trains", "YouTube-style default letter avatar"),
        (lambda s: default_silhouette(s, (195, 205, 210), (255, 255, 255), 0.18, 0.36), "line", None, "まさし", "LINE-style default silhouette"),
        (lambda s: default_silhouette(s, (220, 228, 233), (255, 255, 255), 0.18, 0.36), "line", None, "ゆみ", "LINE-style default silhouette"),
        (lambda s: default_silhouette(s, (0, 112, 255), (255, 255, 255), 0.16, 0.33), "bluesky", "oshikatsu.bsky.social", "推し活用", "Bluesky-style default (white silhouette on blue)"),
        (lambda s: default_silhouette(s, (0, 133, 255), (230, 240, 255), 0.16, 0.33), "bluesky", "kagoshima-onsen.bsky.social", "鹿児島温泉めぐり", "Bluesky-style default"),
        (lambda s: default_silhouette(s, (217, 225, 232), (155, 165, 180), 0.18, 0.35), "mastodon", "bookworm@fedibird.com", "本の虫", "Mastodon-style default (missing.png)"),
        (lambda s: default_silhouette(s, (217, 225, 232), (155, 165, 180), 0.18, 0.35), "mastodon", "tetsudou_suki@mstdn.jp", "鉄道好き", "Mastodon-style default (missing.png)"),
        (lambda s: plain(s, (200, 200, 200)), "x", "kuma_diary", "くま日記", "plain grey"),
        (lambda s: plain(s, (255, 255, 255)), "instagram", "shiro.photo.log", "しろ", "plain white"),
        (lambda s: plain(s, (0, 0, 0)), "x", "kuro_kuro_88", "黒猫", "plain black"),
        (lambda s: plain(s, (180, 210, 235)), "facebook", "ryo.ito.kagoshima", "伊藤 亮", "plain light blue"),
        (lambda s: plain(s, (18, 38, 88)), "x", "doh_yamaaruki", "北海道の山歩き", "plain navy, the background colour of the 北海道労働局 logo"),
        (lambda s: plain(s, (6, 180, 80)), "instagram", "kagoshima.cafe.meguri", "鹿児島カフェ巡り", "plain green, the background colour of the ハローワークかごしま LINE logo"),
        (lambda s: plain(s, (250, 205, 220)), "x", "sakura_mama_sp", "さくらママ", "plain pink, the background colour of the マザーズハローワーク札幌 logo"),
        (lambda s: plain(s, (28, 128, 70)), "bluesky", "satsuma-yasai.bsky.social", "薩摩の野菜づくり", "plain green, the background colour of the 訓練課 logo"),
        (lambda s: plain(s, (200, 180, 235)), "line", None, "あやか", "plain lavender, the background colour of the マザーズコーナー logo"),
    ]
    for n, (draw, plat, h, name, how) in enumerate(DEFAULTS):
        size = [96, 128, 150, 200, 240][n % 5]
        rel = save(draw(size), f"c_default_{n:02d}.png")
        hh, url, i = (h, url_for(plat, h), None) if h else H.new(plat)
        add("clear", "avatar_default", plat, hh, name, rel, how + f", {size} px; plain and default pictures prove nothing; honest name",
            url=url, id=i)

    # ---------------- avatar_unrelated_photo ----------------
    PHOTOS = [
        ("mountains", "x", "tabi_kiroku", "旅の記録"), ("sea", "instagram", "ibusuki.umi.photo", "指宿の海"),
        ("city", "x", "yakei_sapporo", "札幌夜景写真部"), ("flowers", "instagram", "hanabatake.furano", "富良野の花畑"),
        ("forest", "bluesky", "mori-aruki.bsky.social", "森歩き"), ("night", "mastodon", "hoshizora@fedibird.com", "星空観察"),
        ("field", "facebook", "tokachi.hatake", "十勝の畑だより"), ("cat", "x", "neko_biyori22", "ねこ日和"),
        ("noise", "instagram", "film.snap.jp", "フィルム写真"), ("gradient", "x", "sora_iro_55", "そらいろ"),
        ("mountains", "facebook", "daisetsuzan.tozan", "大雪山登山会"), ("sea", "x", "kinkowan_fish", "錦江湾フィッシング"),
        ("city", "instagram", "tenmonkan.walk", "天文館さんぽ"), ("flowers", "line", None, "はなこ"),
        ("forest", "youtube", "@yakushima-walk", "屋久島ウォーク"), ("night", "x", "ryuseigun_log", "流星群ログ"),
        ("field", "instagram", "biei.oka", "美瑛の丘"), ("cat", "bluesky", "neko-no-hi.bsky.social", "猫の日"),
        ("noise", "x", "kabegami_suki", "壁紙好き"), ("gradient", "instagram", "iro.no.kiroku", "色の記録"),
        ("mountains", "mastodon", "yamaya@mstdn.jp", "山屋"), ("sea", "youtube", "@rumoi-sunset-ch", "留萌の夕日チャンネル"),
        ("city", "facebook", "bunkyo.machiaruki", "文京まちあるき"), ("cat", "instagram", "kagoshima.neko", "鹿児島のねこ"),
    ]
    for n, (kind, plat, h, name) in enumerate(PHOTOS):
        size = [240, 200, 180, 160, 220][n % 5]
        if kind == "noise":
            im = noise_photo(size, 100 + n)
        elif kind == "gradient":
            im = gradient_photo(size, 200 + n)
        else:
            im = landscape(size, 300 + n, kind)
        rel = save(im, f"c_photo_{n:02d}.jpg", quality=80)
        hh, url, i = (h, url_for(plat, h), None) if h else H.new(plat)
        add("clear", "avatar_unrelated_photo", plat, hh, name, rel,
            f"photo-like picture ({kind}), {size} px JPEG q80; honest name", url=url, id=i)

    # ===================== genuine, as a platform returns them =====================
    # key -> (handle or None, id or None, url, display name or None (= as published), picture form, note)
    AS_RETURNED = {
        "HK_X": ("hkdmhlwitter", None, "https://x.com/hkdmhlwitter?lang=ja", None, "jpg85_200", "lower-case handle, x.com with ?lang=ja"),
        "HK_FB": ("mhlw.hokkaido", None, "https://m.facebook.com/mhlw.hokkaido", None, "jpg85_160", "m.facebook.com URL"),
        "HK_YT": (None, "UCU37RXEEsFqGdyxu1FBkK6w", "https://www.youtube.com/channel/UCU37RXEEsFqGdyxu1FBkK6w/videos", None, "jpg90_176", "channel id only, /videos URL"),
        "SS_X": ("S_shinsotu_yell", None, "https://x.com/S_shinsotu_yell",
                 "札幌新卒応援ハローワーク【公式】(26卒・27卒・既卒者の就活支援) 北海道札幌市", "png200", "current name with newer graduation years"),
        "SSH_X": ("wnfS2dleh0GTpA5", None, "https://twitter.com/wnfS2dleh0GTpA5", None, "jpg85_200", "random-looking genuine handle"),
        "WAKA_X": ("@s_wakaharo", None, "https://x.com/s_wakaharo", None, "png200", "leading @"),
        "MOM_X": ("S_MOTHERSHW", None, "https://mobile.twitter.com/s_mothersHW", None, "jpg85_200", "upper-case handle, mobile.twitter.com"),
        "OBI_X": ("hw_obihiro", None, "https://x.com/hw_obihiro/", "ハローワーク帯広【公式】", "jpg85_200", "shorter current name; template T1"),
        "RUM_X": ("HW_Rumoi", None, "https://twitter.com/HW_Rumoi", None, "png400", "template T1 as is"),
        "HIG_X": ("HWsa_higashi", None, "https://x.com/HWsa_higashi", "ハローワーク札幌東【公式】", "jpg85_200", "name without the stray @; template T1"),
        "SAP_X": ("hw_sapporo", None, "https://x.com/hw_sapporo", None, "jpg85_400", "lower-case handle, JPEG q85"),
        "CHI_X": ("HW_Chitose", None, "https://twitter.com/HW_Chitose?lang=ja", None, "png128", "?lang=ja"),
        "SS_FB": (None, "149635718569446",
                  "https://www.facebook.com/%E6%9C%AD%E5%B9%8C%E6%96%B0%E5%8D%92%E5%BF%9C%E6%8F%B4%E3%83%8F%E3%83%AD%E3%83%BC%E3%83%AF%E3%83%BC%E3%82%AF-149635718569446/",
                  None, "jpg85_160", "page id only, percent-encoded vanity URL"),
        "SS_LINE": ("ogz4781d", None, "https://page.line.me/ogz4781d", None, "png200", "LINE id without @, page.line.me"),
        "MOM_LINE": ("@tkh1850j", None, "https://line.me/R/ti/p/@tkh1850j", None, "jpg85_200", "line.me URL without ?from=page"),
        "CHI_LINE": (None, None, "https://kin.ee/T7nMfHh", None, "png200", "the registry's published kin.ee URL (see README)"),
        "SS_IG": ("Sapporo.Sinsotu.HW", None, "https://instagram.com/sapporo.sinsotu.hw?hl=ja", None, "jpg85_150", "mixed-case handle, ?hl=ja"),
        "MOM_IG": ("mhw.sapporo", None, "https://www.instagram.com/mhw.sapporo", None, "png150", "no trailing slash"),
        "KSS_YT": ("UCVS03516GOKUFplfW0T9Bfg", None, "https://m.youtube.com/channel/UCVS03516GOKUFplfW0T9Bfg", None, "jpg90_176", "channel id as handle, m.youtube.com"),
        "KPR_YT": (None, "UC1jhFwBGB1B8F7VXlx0Vypg", "https://www.youtube.com/channel/UC1jhFwBGB1B8F7VXlx0Vypg", None, "png240", "id only"),
        "KOK_YT": ("UCKxOV1MV1McuSb0IPDoS2-g", None, "https://www.youtube.com/channel/UCKxOV1MV1McuSb0IPDoS2-g/videos", None, "png400", "template T2 as is"),
        "KAS_YT": (None, "UCjrV6BWU7cc1PrVRxvMZGBg", "https://www.youtube.com/channel/UCjrV6BWU7cc1PrVRxvMZGBg", None, "jpg90_176", "template T2, 176 px"),
        "IBU_YT": (None, "UCDGE9Yq32sIviNmjBHcx0uQ", "https://m.youtube.com/channel/UCDGE9Yq32sIviNmjBHcx0uQ", "ハローワーク指宿", "jpg85_240", "short current name; template T2"),
        "KK_IG": ("KagoshimaKunren", None, "https://instagram.com/kagoshimakunren?hl=ja", None, "png150", "mixed-case handle"),
        "KT_IG": ("k.taisaku46", None, "https://www.instagram.com/k.taisaku46/", None, "jpg85_150", "URL without ?hl=ja"),
        "KSS_IG": ("kagoshima_shinsotsu_hw", None, "https://www.instagram.com/kagoshima_shinsotsu_hw/", None, "png150", "trailing slash"),
        "KAN_IG": ("@hw_kanoya", None, "https://www.instagram.com/hw_kanoya/", None, "jpg85_150", "leading @"),
        "KMS_X": ("46kunrenka", None, "https://x.com/46kunrenka", None, "jpg85_200", "lower-case handle, https"),
        "KG_LINE": (None, None, "http://lin.ee/popg0eo", "ハローワークかごしま", "png200", "http lin.ee URL; shorter current name"),
        "KGM_LINE": (None, None, "https://lin.ee/dFysG1l/", None, "jpg85_200", "trailing slash"),
        "SEN_LINE": (None, None, "https://lin.ee/3wF416C", None, "png400", "template T3 as is"),
        "KANM_LINE": (None, None, "http://lin.ee/PsiFTnC", None, "jpg85_200", "template T3, http"),
        "KOKM_LINE": (None, None, "https://lin.ee/3eXoBRU", None, "png200", "template T3, 200 px"),
        "KK_FB": (None, "61578961199265", "https://m.facebook.com/profile.php?id=61578961199265", None, "jpg85_160", "m.facebook.com profile.php URL"),
        "BK_X": ("B_DiverJinzai", None, "https://twitter.com/B_DiverJinzai", None, "png200", "mixed-case handle, twitter.com"),
    }
    assert set(AS_RETURNED) == set(ACC), set(ACC) ^ set(AS_RETURNED)
    for key, _o, pk, _r in ACCOUNTS:
        h, i, url, name, form, note = AS_RETURNED[key]
        im = pic_src(pk)
        if form.startswith("jpg"):
            q, px = int(form[3:5]), int(form[6:])
            rel = save(resized(im, px) if px != im.size[0] else im, f"gen_{key.lower()}.jpg", quality=q)
            how = f"own picture as served: {px} px JPEG q{q}"
        else:
            px = int(form[3:])
            rel = save(resized(im, px) if px != im.size[0] else im, f"gen_{key.lower()}.png")
            how = f"own picture as served: {px} px PNG"
        add("genuine", "genuine_as_returned", ACC[key]["platform"], h, name or ACC[key]["display_name"], rel,
            f"{how}; {note}", target=key, url=url, id=i)

    # ===================== unreadable avatars: judge on name / handle only =====================
    with open(os.path.join(IMG, "broken_text.png"), "w", encoding="utf-8") as f:
        f.write("this is not an image, just text saved with a .png name\n")
    with open(os.path.join(IMG, "broken_html.png"), "w", encoding="utf-8") as f:
        f.write("<html><body>404 Not Found</body></html>\n")
    add("suspect", "avatar_unreadable", "x", "HW_Chit0se", "ハローワーク千歳【公式】", "img/missing_avatar.png",
        "avatar path does not exist; handle lookalike (0 for o) + exact name", target="CHI_X",
        url="https://x.com/HW_Chit0se", alt=["CHI_LINE"])
    add("clear", "avatar_unreadable", "instagram", "hana.flower.sp", "札幌の花屋 はな", "img/broken_text.png",
        "text file renamed .png; honest shop name sharing 札幌", url="https://www.instagram.com/hana.flower.sp/")
    add("genuine", "avatar_unreadable", "line", None, ACC["KOKM_LINE"]["display_name"], "img/broken_html.png",
        "HTML error page saved as .png; the URL is the genuine lin.ee link (http)", target="KOKM_LINE",
        url="http://lin.ee/3eXoBRU")

    # ---------------- write and check ----------------
    with open(os.path.join(HERE, "genuine.jsonl"), "w", encoding="utf-8") as f:
        for r in genuine_lines:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "candidates.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    problems = []
    for fn in ("genuine.jsonl", "candidates.jsonl"):
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                r = json.loads(line)
                a = r.get("avatar")
                if a and not os.path.isfile(os.path.join(HERE, a)) and a != "img/missing_avatar.png":
                    problems.append(f"{fn}:{ln}: avatar {a} missing")
    digests = collections.defaultdict(set)
    for key in ACC:
        with open(os.path.join(HERE, gen_avatar[key]), "rb") as f:
            digests[hashlib.sha256(f.read()).hexdigest()].add(key)
    groups = sorted(sorted(v) for v in digests.values() if len(v) > 1)
    want = sorted(sorted(v) for v in OWNERS.values() if len(v) > 1)
    if groups != want:
        problems.append(f"shared genuine pictures {groups} != {want}")
    total = sum(os.path.getsize(os.path.join(IMG, f)) for f in os.listdir(IMG))
    counts = collections.Counter((r["class"], r["label"]) for r in rows)
    print(f"{len(genuine_lines)} genuine accounts ({len(PICTURES)} pictures), {len(rows)} candidates, "
          f"{len(os.listdir(IMG))} files, {total / 1024:.0f} KiB")
    for (cls, lab), k in sorted(counts.items(), key=lambda kv: (kv[0][1] != "suspect", kv[0][1], kv[0][0])):
        print(f"  {lab:8} {cls:26} {k:3}")
    print("  labels:", dict(collections.Counter(r["label"] for r in rows)))
    if problems:
        raise SystemExit("\n".join(problems))


if __name__ == "__main__":
    main()
