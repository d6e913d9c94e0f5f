"""The core's patient words: vocabulary items in; plain English clauses out, for a right target.

Every table here is written for a **right** target hip, whose leg is the stance leg: the
words for a left target are made by mirroring the statement first and swapping `left` and
`right` in the finished sentence (`words.py`), just as effects are mirrored (spec §4). The
clinician's terms (adduction, internal rotation) stay out of these sentences: a patient
reads them at home without anyone to ask.
"""

from __future__ import annotations

import re

PIVOTS = {
    "frontal": "Stand on your right leg; swing your left foot out to the side and back past it",
    "sagittal": "Stand on your right leg; swing your left foot forward and back past it",
    "transverse": (
        "Stand on your right leg; swing your left foot round past it in an arc, from in "
        "front to behind, letting your hips turn with it"
    ),
}

LIMBS = {
    "left-hand": "your left hand",
    "right-hand": "your right hand",
    "both-hands": "both hands",
    "pelvis": "your hips",
    "head": "your head",
}

# A hand's driver: `{limb}` is the hand ("your right hand", "both hands").
HAND_DRIVERS = {
    "overhead-left": "reach {limb} up over your head and across to the left",
    "overhead-right": "reach {limb} up over your head and across to the right",
    "overhead": "reach {limb} straight up above your head",
    "forward": "reach {limb} straight out in front of you",
    "down": "reach {limb} down towards the floor in front of you",
    "back": "reach {limb} back behind you",
    "rotate-right": "sweep {limb} round to your right at chest height, letting your body turn",
    "rotate-left": "sweep {limb} round to your left at chest height, letting your body turn",
}
OTHER_DRIVERS = {
    ("pelvis", "forward"): "push your hips forward",
    ("pelvis", "back"): "push your hips back, as if you were starting to sit down",
    ("pelvis", "rotate-right"): "turn your hips to the right",
    ("pelvis", "rotate-left"): "turn your hips to the left",
    ("head", "rotate-right"): "turn your head to look over your right shoulder",
    ("head", "rotate-left"): "turn your head to look over your left shoulder",
}

# `foot SIDE POSITION`: `{foot}` is "your right foot" or "your left foot".
FOOT = {
    "narrow": "place {foot} a little closer in towards your other foot",
    "wide": "place {foot} a little wider, further out to the side",
    "forward": "place {foot} a little further forward",
    "back": "place {foot} a little further back",
    "turned-in": "turn {foot} in a little, toes pointing inwards",
    "turned-out": "turn {foot} out a little, toes pointing outwards",
}
SURFACE = {
    "eversion": (
        "stand with your right foot on a slope (a wedge or folded mat) that is lower on "
        "the inside, under your big toe"
    ),
    "inversion": (
        "stand with your right foot on a slope (a wedge or folded mat) that is lower on "
        "the outside, under your little toe"
    ),
}
GROUND = {
    "low": "press your right foot firmly into the floor as you move",
    "medium": "add a small bounce through your right leg as you move",
    "high": "add a small hop onto your right leg as you move",
}

# `disadvantage MOTION`: what the patient holds back, and (`reverse`) what they do instead.
HOLD_BACK = {
    "flexion": "stand tall: don't bend forward at your right hip",
    "extension": "keep a slight bend at your right hip: don't straighten right up",
    "adduction": "keep your hips level: don't let your left hip drop or your hips slide "
    "out over your right foot",
    "abduction": "keep your hips level: don't let your left hip lift up",
    "internal-rotation": "keep your hips facing forward: don't let them turn towards your "
    "right",
    "external-rotation": "keep your hips facing forward: don't let them turn towards your "
    "left",
}
REVERSE = {
    "flexion": "stand tall with your right hip pushed a little forward",
    "extension": "keep your right hip bent a little more, leaning slightly forward",
    "adduction": "keep your left hip lifted a little higher than your right",
    "abduction": "let your left hip sit a little lower than your right",
    "internal-rotation": "keep your hips turned a little to the left, away from your right "
    "leg",
    "external-rotation": "keep your hips turned a little to the right, towards your right "
    "leg",
}

_SIDE_WORD = re.compile(r"\b(left|right|Left|Right)\b")
_SWAP = {"left": "right", "right": "left", "Left": "Right", "Right": "Left"}


def swap_sides(text: str) -> str:
    """Every `left` in `text` becomes `right` and back (capitals kept): a sentence mirrored."""
    return _SIDE_WORD.sub(lambda match: _SWAP[match.group(1)], text)


def spoken(word: str) -> str:
    """A vocabulary word as it is said: `single-leg-squat` → `single leg squat`."""
    return word.replace("-", " ")


def fill(template: str, **values: str) -> str:
    """`template` with `{name}` replaced for each known value; other braces are left alone,
    so a plugin's odd text never breaks a sentence."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def portion(intensity: int) -> str:
    """A tapered tweak's intensity in plain words: 67 → `about two-thirds as much`."""
    named = {75: "three-quarters", 67: "two-thirds", 50: "half", 33: "a third", 25: "a quarter"}
    if intensity in named:
        return f"about {named[intensity]} as much as at first"
    return f"about {intensity}% as much as at first"
