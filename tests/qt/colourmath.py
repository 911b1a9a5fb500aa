"""Colour science for the theme tests: WCAG contrast, colour-blindness simulation, CIE ΔE.

- Contrast: WCAG 2.x relative luminance, (L1 + 0.05) / (L2 + 0.05).
- Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0 (dichromacy), applied to
  linear RGB, as colorspacious and DaltonLens do.
- Distance: CIE76 ΔE in CIELAB (D65), the Euclidean distance; 2.3 is a just-noticeable
  difference, 10 is plainly distinct side by side.
"""

from __future__ import annotations

import math

RGB = tuple[float, float, float]

MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}


def parse(colour: str) -> RGB:
    """``#rrggbb`` → sRGB components in 0…1."""
    value = colour.lstrip("#")[-6:]
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(colour: str) -> float:
    r, g, b = (_linear(c) for c in parse(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(colour: str, deficiency: str) -> RGB:
    """The sRGB colour a dichromat of this kind sees (Machado 2009, severity 1.0)."""
    linear = [_linear(c) for c in parse(colour)]
    rows = MACHADO[deficiency]
    out = [sum(m * c for m, c in zip(row, linear, strict=True)) for row in rows]
    return tuple(_encoded(c) for c in out)  # type: ignore[return-value]


def lab(rgb: RGB) -> RGB:
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: RGB, b: RGB) -> float:
    return math.dist(lab(a), lab(b))


def seen_distance(a: str, b: str, vision: str) -> float:
    """ΔE between two colours as seen with ``vision`` ("normal" or a deficiency)."""
    if vision == "normal":
        return delta_e(parse(a), parse(b))
    return delta_e(simulate(a, vision), simulate(b, vision))
