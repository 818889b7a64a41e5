"""Picture transformations used to make the copied avatars of holdout4.

Each op is a tuple: ("jpeg", q) is applied at save time (and may appear last only);
all others map a PIL image to a PIL image. Deterministic.
"""
import io

import numpy as np
from PIL import Image, ImageDraw, ImageOps

import art


def _rgb(img):
    return img.convert("RGB") if img.mode != "RGB" else img


def resize(img, px):
    return _rgb(img).resize((px, px), Image.LANCZOS)


def crop(img, l, t, r, b, back=True):
    """Cut fractions l, t, r, b from each side; back=True scales back to the original size (zoom)."""
    w, h = img.size
    box = (round(w * l), round(h * t), round(w * (1 - r)), round(h * (1 - b)))
    out = img.crop(box)
    if back:
        out = out.resize((w, h), Image.LANCZOS)
    return out


def mirror(img):
    return ImageOps.mirror(img)


def hue(img, deg):
    hsv = np.asarray(_rgb(img).convert("HSV")).copy()
    hsv[:, :, 0] = (hsv[:, :, 0].astype(int) + int(round(deg * 255 / 360))) % 256
    return Image.fromarray(hsv, "HSV").convert("RGB")


def grey(img):
    return _rgb(img).convert("L").convert("RGB")


def invert_bg(img, tol=40):
    """Replace the flat background (the corner colour) by its inverse, keeping the design."""
    a = np.asarray(_rgb(img)).astype(int)
    bg = a[2, 2]
    dist = np.abs(a - bg).sum(axis=2)
    out = a.copy()
    m = dist <= tol
    out[m] = 255 - a[m]
    return Image.fromarray(out.clip(0, 255).astype(np.uint8), "RGB")


def band(img, text, frac=0.18, colour="#D7263D", fg="#FFFFFF", where="bottom"):
    """Opaque text band across the picture, covering `frac` of its height."""
    img = _rgb(img).copy()
    w, h = img.size
    bh = int(h * frac)
    d = ImageDraw.Draw(img)
    y0 = h - bh if where == "bottom" else 0
    d.rectangle([0, y0, w, y0 + bh], fill=colour)
    size = art.fit_size(d, text, "sansb", w * 0.9, int(bh * 0.7))
    art.text_c(d, w / 2, y0 + bh / 2, text, "sansb", size, fg)
    return img


def sticker(img, text, frac=0.42, colour="#FFD60A", fg="#111111", corner="tr"):
    """Round sticker in a corner; its area is about frac**2 * pi/4 of the picture (<= 1/5 for frac <= 0.5)."""
    img = _rgb(img).copy()
    w, h = img.size
    dia = int(w * frac)
    x0 = w - dia - int(w * 0.02) if corner in ("tr", "br") else int(w * 0.02)
    y0 = int(h * 0.02) if corner in ("tr", "tl") else h - dia - int(h * 0.02)
    d = ImageDraw.Draw(img)
    d.ellipse([x0, y0, x0 + dia, y0 + dia], fill=colour, outline="#FFFFFF", width=max(2, dia // 25))
    size = art.fit_size(d, text, "sansb", dia * 0.8, int(dia * 0.36))
    art.text_c(d, x0 + dia / 2, y0 + dia / 2, text, "sansb", size, fg)
    return img


def circle(img, on="white"):
    """Circular mask as profile pages show it: on white, on black, or transparent (RGBA)."""
    img = _rgb(img)
    w, h = img.size
    k = 4
    m = Image.new("L", (w * k, h * k), 0)
    ImageDraw.Draw(m).ellipse([0, 0, w * k - 1, h * k - 1], fill=255)
    m = m.resize((w, h), Image.LANCZOS)
    if on == "transparent":
        out = img.convert("RGBA")
        out.putalpha(m)
        return out
    bg = Image.new("RGB", (w, h), on)
    return Image.composite(img, bg, m)


def border(img, frac, colour):
    img = _rgb(img)
    w, h = img.size
    p = int(round(w * frac))
    return ImageOps.expand(img, border=p, fill=colour).resize((w, h), Image.LANCZOS)


def pad(img, l, t, r, b, colour):
    """Add margins (fractions of the size) without rescaling: the canvas grows, may become non-square."""
    img = _rgb(img)
    w, h = img.size
    out = Image.new("RGB", (w + int(w * l) + int(w * r), h + int(h * t) + int(h * b)), colour)
    out.paste(img, (int(w * l), int(h * t)))
    return out


def apply(img, ops):
    for op in ops:
        name, args = op[0], op[1:]
        if name == "jpeg":
            continue
        img = {
            "resize": resize, "crop": crop, "mirror": mirror, "hue": hue, "grey": grey,
            "invbg": invert_bg, "band": band, "sticker": sticker, "circle": circle,
            "border": border, "pad": pad,
        }[name](img, *args)
    return img


def encode(img, ops, default_fmt):
    """Return (bytes, extension)."""
    q = None
    for op in ops:
        if op[0] == "jpeg":
            q = op[1]
    buf = io.BytesIO()
    if img.mode == "RGBA":
        img.save(buf, "PNG", optimize=False)
        return buf.getvalue(), "png"
    if q is not None:
        img.convert("RGB").save(buf, "JPEG", quality=q)
        return buf.getvalue(), "jpg"
    if default_fmt == "jpg":
        img.convert("RGB").save(buf, "JPEG", quality=88)
        return buf.getvalue(), "jpg"
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue(), "png"
