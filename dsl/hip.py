"""The hip model: effects in, drive per plane out (spec §4–§5).

Everything here is plain data plus one computation, `drive`, so the core's tables and a
plugin's tables have the same shape and are combined in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from dsl.record import record

PLANES: tuple[str, str, str] = ("sagittal", "frontal", "transverse")
LIMIT = 3.0


@record
class Motion:
    """A hip motion: a plane and the sign its drive has when the hip moves that way."""

    name: str
    plane: int  # index into PLANES
    sign: int  # +1 or -1


MOTIONS: dict[str, Motion] = {
    m.name: m
    for m in (
        Motion("flexion", 0, +1),
        Motion("extension", 0, -1),
        Motion("adduction", 1, +1),
        Motion("abduction", 1, -1),
        Motion("internal-rotation", 2, +1),
        Motion("external-rotation", 2, -1),
    )
}


@record
class Effect:
    """What one vocabulary item asks of a right target hip, plane by plane."""

    sagittal: float = 0.0
    frontal: float = 0.0
    transverse: float = 0.0

    def as_tuple(self) -> tuple[float, float, float]:
        return (self.sagittal, self.frontal, self.transverse)

    def is_zero(self) -> bool:
        return self.sagittal == 0 and self.frontal == 0 and self.transverse == 0

    def describe(self) -> str:
        """Short form used by `prog vocab` and messages: ``S+2 F-1``; ``none`` for no effect."""
        parts = [
            f"{plane[0].upper()}{value:+g}"
            for plane, value in zip(PLANES, self.as_tuple(), strict=True)
            if value
        ]
        return " ".join(parts) or "none"


ZERO = Effect()


@record
class Handed:
    """A sport item's effect on a right target hip: as the trail hip and as the lead hip.

    A right-handed player's right hip is the trail hip; a left-handed player's is the lead hip.
    For a left target the statement and the handedness are mirrored first, so these two
    columns cover every case.
    """

    trail: Effect
    lead: Effect

    @classmethod
    def same(cls, effect: Effect) -> Handed:
        return cls(effect, effect)

    def pick(self, handed: str) -> Effect:
        return self.trail if handed == "right" else self.lead


def favorable_motions(favorable: Iterable[str]) -> tuple[Motion, ...]:
    """The muscle's favorable motions in plane order (sagittal, frontal, transverse)."""
    return tuple(sorted((MOTIONS[name] for name in favorable), key=lambda m: m.plane))


def drive(
    base: Effect | None,
    tweaks: Iterable[tuple[Effect, int]],
    disadvantaged: Iterable[tuple[Motion, bool]],
) -> tuple[float, float, float]:
    """Drive of one step: base + Σ tweak × intensity/100, then disadvantages, then clamp.

    `disadvantaged` pairs each motion taken away with whether it was taken away in
    `reverse`. The result is rounded to 2 decimals, as every figure in output is.
    """
    # Three locals rather than a list: a drive is made at most steps of a run.
    sagittal, frontal, transverse = (
        (base.sagittal, base.frontal, base.transverse) if base is not None else (0.0, 0.0, 0.0)
    )
    for effect, intensity in tweaks:
        if intensity == 100:
            sagittal += effect.sagittal
            frontal += effect.frontal
            transverse += effect.transverse
        else:
            sagittal += effect.sagittal * intensity / 100
            frontal += effect.frontal * intensity / 100
            transverse += effect.transverse * intensity / 100
    if disadvantaged:
        total = [sagittal, frontal, transverse]
        for motion, reverse in disadvantaged:
            value = total[motion.plane] * motion.sign  # > 0 means "moving the helpful way"
            if reverse:
                value = -abs(value) if value != 0 else -1.0
            else:
                value = min(value, 0.0)
            total[motion.plane] = value * motion.sign
        sagittal, frontal, transverse = total
    return (_finish(sagittal), _finish(frontal), _finish(transverse))


# Each sum a drive can come to, clamped and rounded: a program's drives take few values,
# and `round(x, 2)` (correctly rounded, by way of decimal digits) cost a fifth of a step.
_FINISHED: dict[float, float] = {}
_MAX_FINISHED = 4096  # values kept; then the memo starts again


def _finish(value: float) -> float:
    finished = _FINISHED.get(value)
    if finished is None:
        if len(_FINISHED) >= _MAX_FINISHED:
            _FINISHED.clear()
        clamped = -LIMIT if value < -LIMIT else LIMIT if value > LIMIT else value
        finished = _FINISHED[value] = round(clamped, 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    return finished


def favorable_now(drive_: tuple[float, float, float], favorable: tuple[Motion, ...]) -> list[str]:
    """The favorable motions whose plane's drive points their way, in plane order."""
    return [m.name for m in favorable if drive_[m.plane] * m.sign > 0]


def taper_intensity(start: int, over: int, k: int) -> int:
    """Intensity after taper step k of `over`: round(start × (over − k) / over).

    Python's `round` (ties to even) on the exact quotient, as the spec writes it.
    """
    numerator = start * (over - k)
    quotient, remainder = divmod(numerator, over)
    twice = 2 * remainder
    if twice > over or (twice == over and quotient % 2 == 1):
        quotient += 1
    return quotient
