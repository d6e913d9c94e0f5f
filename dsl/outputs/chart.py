"""The drive, seen: steps in; one chart of the drive per plane across them out, as a
self-contained SVG (pages, the studio, the handout) or as unicode blocks for a terminal.

Both show the same things: the −3…3 scale with its zero line, the three planes told apart
by colour *and* by line and marker shape (so colour-blind readers and black-and-white
print lose nothing), the phases as labelled bands, and the advantage (0–3) at each step.
In the SVG every step is a group `<g data-step="N">`, so a page can light up the step
under the cursor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from dsl.hip import LIMIT, PLANES


class Point(Protocol):
    """What the chart reads of a step (`dsl.interpreter.Step` has it all)."""

    @property
    def n(self) -> int: ...
    @property
    def phase(self) -> str | None: ...
    @property
    def drive(self) -> tuple[float, float, float]: ...
    @property
    def advantage(self) -> int: ...


# Okabe–Ito colours (safe for the common colour blindnesses), each with its own dash and
# marker; the positive direction of each plane as the legend says it.
SERIES = (
    ("sagittal", "#0072B2", "", "circle", "flexion +"),
    ("frontal", "#D55E00", "7 4", "square", "adduction +"),
    ("transverse", "#009E73", "2 3", "triangle", "internal rotation +"),
)
BAND_FILLS = ("#f2f2f2", "#e0e0e0")

_LEFT, _RIGHT, _TOP = 44, 16, 58
_PLOT_H = 180
_ADV_H = 22
_MIN_STEP_W, _MAX_STEP_W, _MIN_PLOT_W = 8.0, 40.0, 580.0  # the legend needs 580


def phase_spans(points: Sequence[Point]) -> list[tuple[str | None, int, int]]:
    """Runs of consecutive steps in one phase, as (phase, first index, last index)."""
    spans: list[tuple[str | None, int, int]] = []
    for i, point in enumerate(points):
        if spans and spans[-1][0] == point.phase:
            spans[-1] = (point.phase, spans[-1][1], i)
        else:
            spans.append((point.phase, i, i))
    return spans


def drive_svg(points: Sequence[Point], title: str = "Drive per plane across the steps") -> str:
    """The chart as one `<svg>` element: no external fonts, scripts or links."""
    count = max(len(points), 1)
    step_w = min(_MAX_STEP_W, max(_MIN_STEP_W, _MIN_PLOT_W / count))
    plot_w = step_w * count
    width = _LEFT + plot_w + _RIGHT
    adv_top = _TOP + _PLOT_H + 26
    height = adv_top + _ADV_H + 26

    def x(i: int) -> float:
        return _LEFT + step_w * (i + 0.5)

    def y(value: float) -> float:
        return _TOP + _PLOT_H * (LIMIT - value) / (2 * LIMIT)

    empty = "" if points else (
        f'<text x="{_n(_LEFT + plot_w / 2)}" y="{_n(y(1.5))}" text-anchor="middle">'
        "no steps to chart</text>"
    )
    label = f"{title}: {len(points)} steps, drive from −3 to +3 in the sagittal, frontal " \
        "and transverse planes, with the advantage (0 to 3) at each step"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {_n(width)} '
        f'{_n(height)}" width="{_n(width)}" height="{_n(height)}" '
        f'aria-label={quoteattr(label)} class="prog-drive-chart" '
        'font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(label)}</desc>",
    ]
    # phases as labelled bands behind everything
    for k, (phase, first, last) in enumerate(phase_spans(points)):
        left = _LEFT + step_w * first
        band_w = step_w * (last - first + 1)
        out.append(
            f'<rect class="phase-band" x="{_n(left)}" y="{_TOP}" width="{_n(band_w)}" '
            f'height="{_PLOT_H}" fill="{BAND_FILLS[k % 2]}"/>'
        )
        name = phase or "no phase"
        out.append(
            f'<text class="phase-label" x="{_n(left + 3)}" y="{_TOP - 5}" '
            f'font-weight="bold">{escape(_fit(name, band_w))}</text>'
        )
    # the scale, gridlines and the zero line
    for value in range(-int(LIMIT), int(LIMIT) + 1):
        line_y = y(value)
        zero = value == 0
        look = 'stroke="#000" stroke-width="1.5" class="zero"' if zero else (
            'stroke="#bbb" stroke-width="0.6" stroke-dasharray="1 2" class="grid"'
        )
        out.append(
            f'<line x1="{_LEFT}" y1="{_n(line_y)}" x2="{_n(_LEFT + plot_w)}" '
            f'y2="{_n(line_y)}" {look}/>'
        )
        out.append(
            f'<text x="{_LEFT - 6}" y="{_n(line_y + 4)}" text-anchor="end" '
            f'class="scale">{_signed(value)}</text>'
        )
    # one line per plane
    for plane, (_, colour, dash, _shape, _) in enumerate(SERIES):
        coords = " ".join(f"{_n(x(i))},{_n(y(p.drive[plane]))}" for i, p in enumerate(points))
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<polyline class="series {PLANES[plane]}" points="{coords}" fill="none" '
            f'stroke="{colour}" stroke-width="2"{dashes}/>'
        )
    # each step: a hit area, its three markers, its advantage cell
    marker = max(2.5, min(4.5, step_w / 4))
    for i, point in enumerate(points):
        left = _LEFT + step_w * i
        values = ", ".join(
            f"{plane} {point.drive[k]:+.2f}" for k, plane in enumerate(PLANES)
        )
        out.append(f'<g class="step" data-step="{point.n}">')
        out.append(
            f"<title>step {point.n}{' (' + escape(point.phase) + ')' if point.phase else ''}: "
            f"{values}; advantage {point.advantage}/3</title>"
        )
        out.append(
            f'<rect class="hit" x="{_n(left)}" y="{_TOP}" width="{_n(step_w)}" '
            f'height="{_n(adv_top + _ADV_H - _TOP)}" fill="transparent"/>'
        )
        for plane, (_, colour, _, shape, _) in enumerate(SERIES):
            out.append(_marker(shape, x(i), y(point.drive[plane]), marker, colour))
        shade = ("#ffffff", "#d9d9d9", "#969696", "#404040")[max(0, min(3, point.advantage))]
        ink = "#000" if point.advantage < 3 else "#fff"
        out.append(
            f'<rect class="advantage" x="{_n(left + 0.5)}" y="{adv_top}" '
            f'width="{_n(step_w - 1)}" height="{_ADV_H}" fill="{shade}" stroke="#777" '
            'stroke-width="0.5"/>'
        )
        every = 1 if step_w >= 16 else 5
        if point.n % every == 0 or i == 0:
            out.append(
                f'<text class="step-number" x="{_n(x(i))}" y="{_TOP + _PLOT_H + 16}" '
                f'text-anchor="middle" font-size="9">{point.n}</text>'
            )
        if step_w >= 9:
            out.append(
                f'<text x="{_n(x(i))}" y="{adv_top + 15}" text-anchor="middle" '
                f'fill="{ink}">{point.advantage}</text>'
            )
        out.append("</g>")
    out.append(
        f'<text x="{_LEFT - 6}" y="{adv_top + 15}" text-anchor="end" font-size="9">adv.</text>'
    )
    out.append(
        f'<text x="{_LEFT}" y="{adv_top + _ADV_H + 14}" font-size="10">'
        f"step 1–{len(points)} · advantage: how many of the muscle's helping motions are "
        "in play (0–3)</text>"
    )
    out.extend(_legend())
    out.append(empty)
    out.append("</svg>")
    return "\n".join(out)


def _legend() -> list[str]:
    out = ['<g class="legend">']
    left = _LEFT
    for plane, colour, dash, shape, positive in SERIES:
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{left}" y1="14" x2="{left + 26}" y2="14" stroke="{colour}" '
            f'stroke-width="2"{dashes}/>'
        )
        out.append(_marker(shape, left + 13, 14, 4, colour))
        text = f"{plane} ({positive})"
        out.append(f'<text x="{left + 31}" y="18">{escape(text)}</text>')
        left += 40 + 6 * len(text)
    out.append("</g>")
    return out


def _marker(shape: str, cx: float, cy: float, size: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(size)}" fill="{colour}"/>'
    if shape == "square":
        return (
            f'<rect x="{_n(cx - size)}" y="{_n(cy - size)}" width="{_n(2 * size)}" '
            f'height="{_n(2 * size)}" fill="#fff" stroke="{colour}" stroke-width="1.5"/>'
        )
    top, base = cy - size * 1.2, cy + size
    return (
        f'<polygon points="{_n(cx)},{_n(top)} {_n(cx - size)},{_n(base)} '
        f'{_n(cx + size)},{_n(base)}" fill="{colour}"/>'
    )


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _signed(value: float) -> str:
    return "0" if value == 0 else f"{'+' if value > 0 else '−'}{abs(value):g}"


def _fit(name: str, room: float) -> str:
    """A phase's name cut to the width of its band (about 6.5 px a letter)."""
    letters = max(1, int(room // 6.5) - 1)
    return name if len(name) <= letters else name[: max(1, letters - 1)] + "…"


# --- the terminal --------------------------------------------------------------------------

UP = " ▁▂▃▄▅▆▇█"  # 0 … +3 in eighths of the full cell
DOWN = {1: "▔", 2: "▀", 3: "█"}  # 0 … −3 in thirds (no finer blocks hang from the top)
_LABEL = 13


def drive_blocks(points: Sequence[Point], width: int = 80) -> str:
    """The chart as plain text in unicode blocks, at most `width` columns: per plane one row
    above zero and one below; a phase row, an advantage row and a key. Steps are shown one
    per column, or grouped (the last of each group) when there are more than fit."""
    if not points:
        return "no steps to chart: the program has no movement statement"
    room = max(10, width - _LABEL)
    per = max(1, math.ceil(len(points) / room))
    shown = [points[min(len(points) - 1, i + per - 1)] for i in range(0, len(points), per)]
    lines = [_phase_row(shown)]
    for plane, (name, *_rest) in enumerate(SERIES):
        values = [p.drive[plane] for p in shown]
        lines.append(f"{name:<10} + " + "".join(_up(v) for v in values))
        lines.append(f"{'':<10} − " + "".join(_down(v) for v in values))
    lines.append(f"{'advantage':<10}   " + "".join(str(p.advantage) for p in shown))
    group = f"; one column = {per} steps" if per > 1 else ""
    lines.append(f"{'':<13}steps 1–{len(points)}{group}")
    lines.append(f"{'':<13}scale: ▁ to █ is 0 to +3 above, ▔ ▀ █ is to −3 below")
    return "\n".join(line.rstrip() for line in lines)


def _phase_row(shown: Sequence[Point]) -> str:
    row = ""
    for phase, first, last in phase_spans(shown):
        room = last - first + 1
        name = (phase or "no phase")[: max(1, room - 1)]
        row += (name + "─" * room)[:room] if room > 1 else "│"
    return f"{'phase':<13}" + row


def _up(value: float) -> str:
    if value <= 0:
        return "·" if value == 0 else " "
    return UP[max(1, min(8, round(value / LIMIT * 8)))]


def _down(value: float) -> str:
    if value >= 0:
        return " "
    return DOWN[max(1, min(3, math.ceil(-value - 1e-9)))]
