"""Tennis for prog: stroke phases by stance, racket-hand drivers, and lint rules.

Installed as the package `prog_tennis` and published under the entry-point group
``prog.plugins`` as ``tennis = "prog_tennis:plugin"``; the core loads it like any
third-party plugin and knows nothing else about tennis.

Trail and lead in tennis
------------------------
The core's `Handed` has two columns, `trail` and `lead`. In tennis they are fixed by the
**racket hand**, not by the stroke:

* ``trail`` = the hip on the racket-hand side: the right hip of a right-handed player
  (`sport tennis handed right`, the default);
* ``lead`` = the hip on the other side: the right hip of a left-handed player.

So in a right-hander's forehand the trail hip is the back, loading hip, while in the same
player's neutral or closed backhand the trail hip is the **front** hip. Every phase below
is scored that way; its doc says which hip is doing what. In `hand_driver` terms the racket
hand is the `trail_hand` and the other hand (the tossing or guiding hand) the `lead_hand`.

Every effect is written for a **right** target hip in the core's units (spec §4): one small
integer per plane, positive = flexion (S), adduction (F), internal rotation (T); an ordinal
scale shared with the core's pivots, not degrees. A left target is mirrored by the core.

Stroke phases (`forehand-open`, …) score the hip at the end of the loading, the unit turn
just before the forward swing, where the legs and hips store the energy of the stroke;
the `*-follow-through` phases score the hip after contact.

Rules T101–T104 follow the method's carryover steps; see `RULES` at the bottom.
"""

from __future__ import annotations

from collections.abc import Sequence

from dsl.plugin import (
    Direction,
    Effect,
    Handed,
    Phase,
    Plugin,
    Rule,
    Sport,
    back_to_pure_function,
    disadvantage_in_function,
    driver_on_function,
    hand_driver,
    phase_change_retested,
)

__all__ = ["DIRECTIONS", "PHASES", "RULES", "SPORT", "plugin"]

SPORT = "tennis"
VERSION = "1.0.0"

# --- where the numbers come from ----------------------------------------------------------
# Directions of motion come from these sources or from the stance geometry; the sizes on the
# -3..3 scale are clinical reasoning, and each `source` says so.

KOVACS_2011 = (
    "Kovacs M, Ellenbecker T. An 8-stage model for evaluating the tennis serve: implications "
    "for performance enhancement and injury prevention. Sports Health 2011;3(6):504-513"
)
GIRARD_2005 = (
    "Girard O, Micallef JP, Millet GP. Lower-limb activity during the power serve in tennis: "
    "effects of performance level. Med Sci Sports Exerc 2005;37(6):1021-1029"
)
REID_2013 = (
    "Reid M, Elliott B, Crespo M. Mechanics and learning practices associated with the "
    "tennis forehand: a review. J Sports Sci Med 2013;12(2):225-231"
)
ROETERT_2009 = (
    "Roetert EP, Kovacs M, Knudson D, Groppel JL. Biomechanics of the tennis groundstrokes: "
    "implications for strength training. Strength Cond J 2009"
)
GENEVOIS_2015 = (
    "Genevois C, Reid M, et al. Performance factors related to the different tennis "
    "backhand groundstrokes: a review. J Sports Sci Med 2015;14(1):194-202"
)
UZU_2009 = (
    "Uzu R, Shinya M, Oda S. A split-step shortens the time to perform a choice reaction "
    "step-and-reach movement in a simulated tennis task. J Sports Sci 2009;27(12):1233-1240"
)
CLINICAL = "clinical reasoning"

# The reasoning every stance row shares, said once.
_STANCE_GEOMETRY = (
    "stance geometry (pelvis-on-femur): the pelvis turning toward a planted leg's side "
    "rotates that hip internally, away from it externally; the pelvis sliding over a foot, "
    "or a foot stepping across the body, adducts that hip"
)


def _effect(plane_values: tuple[int, int, int]) -> Effect:
    sagittal, frontal, transverse = plane_values
    return Effect(sagittal=sagittal, frontal=frontal, transverse=transverse)


def _handed(trail: tuple[int, int, int], lead: tuple[int, int, int]) -> Handed:
    return Handed(trail=_effect(trail), lead=_effect(lead))


# --- phases ---------------------------------------------------------------------------------
# (name, trail = racket-side hip (S, F, T), lead = other hip (S, F, T), doc, source)

_FOREHAND_SOURCE = (
    f"axial rotation of the pelvis and trunk drives the forehand ({REID_2013}); open and "
    f"semi-open stances load the racket-side leg and turn over it, square and closed stances "
    f"step into the ball ({ROETERT_2009}); {_STANCE_GEOMETRY}. Sizes: {CLINICAL}"
)
_BACKHAND_SOURCE = (
    f"stances and pelvis rotation in the backhand ({GENEVOIS_2015}); {_STANCE_GEOMETRY}. "
    f"The backhand's stances are the forehand's seen from the other side, so each row is the "
    f"matching forehand row with its columns swapped. Sizes: {CLINICAL}"
)

_PHASE_TABLE: Sequence[tuple[str, tuple[int, int, int], tuple[int, int, int], str, str]] = (
    (
        "ready",
        (1, -1, 0),
        (1, -1, 0),
        "Ready position between shots: feet a little wider than the hips, hips and knees "
        "softly flexed, pelvis square to the net. Both hips alike.",
        f"{CLINICAL}: a slight hip hinge (S+1) on a wide base (F-1), no turn (T0).",
    ),
    (
        "split-step",
        (2, -1, 0),
        (2, -1, 0),
        "Landing of the split-step, the small hop timed to the opponent's contact: a wider, "
        "deeper athletic stance that loads both legs for the first step.",
        f"the split-step as a hop that prepares the lateral step ({UZU_2009}). Sizes: "
        f"{CLINICAL}: a deeper landing than ready (S+2) on a wide base (F-1).",
    ),
    (
        "forehand",
        (2, 1, 1),
        (1, -1, -1),
        "The forehand without a named stance: scored as `forehand-semi-open`, the stance "
        "most modern forehands are hit from. Name the stance when it matters.",
        f"as forehand-semi-open. {_FOREHAND_SOURCE}.",
    ),
    (
        "forehand-open",
        (2, 1, 2),
        (1, -1, -2),
        "Open-stance forehand at full load: feet roughly parallel to the baseline, weight "
        "on the racket-side leg, the pelvis turned back over it. The racket-side (trail) hip "
        "is flexed, adducted and internally rotated: every favorable motion. The other hip "
        "is unweighted, abducted and externally rotated.",
        f"{_FOREHAND_SOURCE}: the most turn over the loaded hip of any stance (T+2).",
    ),
    (
        "forehand-semi-open",
        (2, 1, 1),
        (1, -1, -1),
        "Semi-open-stance forehand at full load: the front foot a little ahead of the racket-"
        "side foot, weight on the racket-side leg. As open, with less of the turn needed "
        "from the hip because the stance is already partly turned.",
        f"{_FOREHAND_SOURCE}: half a stance turned already, so one unit less rotation.",
    ),
    (
        "forehand-neutral",
        (1, 1, 0),
        (2, 0, -1),
        "Neutral (square) forehand at full load: side-on, the front foot stepped toward the "
        "net. The racket-side hip is the back hip, loaded and flexed but hardly turned (the "
        "stance has done the turning); the front hip is flexed by the step and slightly "
        "externally rotated under the closed pelvis.",
        f"{_FOREHAND_SOURCE}.",
    ),
    (
        "forehand-closed",
        (1, -1, 1),
        (2, 2, -2),
        "Closed-stance forehand at full load: the front foot steps across the body. The "
        "weight moves early onto the front leg, so the racket-side hip is lightly loaded and "
        "abducted; the front hip is flexed, adducted by the crossing step and externally "
        "rotated. The least for the racket-side glute med, the most adduction for the "
        "front one.",
        f"{_FOREHAND_SOURCE}.",
    ),
    (
        "forehand-follow-through",
        (-1, -1, -2),
        (1, 1, 2),
        "After forehand contact: the pelvis has turned to face the net and past it. The "
        "racket-side hip extends and rotates externally as the weight leaves it; the other "
        "hip takes the weight and rotates internally.",
        f"pelvis rotation through contact ({REID_2013}); {_STANCE_GEOMETRY}. Sizes: {CLINICAL}.",
    ),
    (
        "backhand",
        (2, 0, -1),
        (1, 1, 0),
        "The backhand without a named stance: scored as `backhand-neutral`, the stance the "
        "backhand (one- or two-handed) is usually taught from. Name the stance when it "
        "matters.",
        f"as backhand-neutral. {_BACKHAND_SOURCE}.",
    ),
    (
        "backhand-open",
        (1, -1, -2),
        (2, 1, 2),
        "Open-stance backhand at full load (mostly two-handed): weight on the non-racket leg, "
        "the pelvis turned back over it. The racket-side hip is unweighted, abducted and "
        "externally rotated; the other hip has every favorable motion.",
        f"{_BACKHAND_SOURCE}.",
    ),
    (
        "backhand-semi-open",
        (1, -1, -1),
        (2, 1, 1),
        "Semi-open-stance backhand at full load: as open, with the stance partly turned.",
        f"{_BACKHAND_SOURCE}.",
    ),
    (
        "backhand-neutral",
        (2, 0, -1),
        (1, 1, 0),
        "Neutral (square) backhand at full load: side-on, the racket-side foot stepped "
        "toward the net. Here the racket-side hip is the FRONT hip: flexed by the step and "
        "slightly externally rotated under the closed pelvis; the back hip is loaded.",
        f"{_BACKHAND_SOURCE}.",
    ),
    (
        "backhand-closed",
        (2, 2, -2),
        (1, -1, 1),
        "Closed-stance backhand at full load (common in the one-handed backhand): the "
        "racket-side foot steps across the body. The racket-side hip is the front hip: "
        "flexed, adducted by the crossing step, externally rotated.",
        f"{_BACKHAND_SOURCE}.",
    ),
    (
        "backhand-follow-through",
        (1, 1, 2),
        (-1, -1, -2),
        "After backhand contact: the pelvis turns toward the net over the front leg. In a "
        "neutral or closed backhand that is the racket-side hip, which takes the weight and "
        "rotates internally; the back hip extends and rotates externally.",
        f"{_BACKHAND_SOURCE}.",
    ),
    (
        "serve",
        (2, -1, 1),
        (2, 2, -1),
        "The serve without a named stage: scored as `serve-loading`, the position the legs "
        "and hips work from. Name the stage when it matters.",
        f"as serve-loading ({KOVACS_2011}; {GIRARD_2005}). Sizes: {CLINICAL}.",
    ),
    (
        "serve-loading",
        (2, -1, 1),
        (2, 2, -1),
        "Serve, loading to cocking (the trophy position): knees and hips flexed, the pelvis "
        "pushed forward toward the court over the front foot and turned away from the net. "
        "The racket-side hip is the back hip: flexed, abducted, a little internally "
        "rotated. The front hip is flexed and adducted under the forward push.",
        f"the loading and cocking stages of {KOVACS_2011}; knee and hip flexion that is "
        f"released in the leg drive ({GIRARD_2005}). Sizes: {CLINICAL}.",
    ),
    (
        "serve-drive",
        (-2, -1, -2),
        (-2, 1, 2),
        "Serve, leg drive to contact (acceleration): both hips extend hard and the pelvis "
        "turns toward the net. The racket-side (back) hip extends and rotates externally as "
        "it pushes off; the front hip extends and rotates internally.",
        f"the acceleration stage of {KOVACS_2011}; the vertical leg drive measured by "
        f"{GIRARD_2005}. Sizes: {CLINICAL}.",
    ),
    (
        "serve-landing",
        (-2, -1, -1),
        (2, 1, 2),
        "Serve, landing (deceleration and finish): the player lands on the front, non-racket "
        "leg, which flexes, adducts and rotates internally as it absorbs the landing; the "
        "racket-side leg swings back off the ground for balance. The landing leg's glute "
        "med controls the knee; the racket-side hip is unloaded here.",
        f"the deceleration and finish stages of {KOVACS_2011}. Sizes: {CLINICAL}.",
    ),
)

# The patient's words for each phase (plugin API 1.1): `{trail}` is the racket-hand side,
# `{lead}` the other, filled with right or left for the player's hand.
INSTRUCTIONS = {
    "ready": (
        "stand in your tennis ready position: feet a little wider than your hips, knees and "
        "hips softly bent, facing the net"
    ),
    "split-step": (
        "do a small split-step hop and land softly on both feet, a little wider and lower "
        "than your ready position"
    ),
    "forehand": (
        "shadow a slow forehand: turn your hips and shoulders back over your {trail} leg, "
        "then swing through"
    ),
    "forehand-open": (
        "shadow a slow forehand with your feet side by side, facing the net: weight on your "
        "{trail} leg, turn your hips back over it, then swing through"
    ),
    "forehand-semi-open": (
        "shadow a slow forehand with your {lead} foot a little ahead: weight on your {trail} "
        "leg, turn back over it, then swing through"
    ),
    "forehand-neutral": (
        "shadow a slow forehand side-on: step your {lead} foot towards the net, then swing "
        "through"
    ),
    "forehand-closed": (
        "shadow a slow forehand stepping your {lead} foot across in front of you: move your "
        "weight onto it, then swing through"
    ),
    "forehand-follow-through": (
        "shadow a forehand and hold the follow-through: hips turned to face the net, weight "
        "on your {lead} leg, {trail} heel lifting"
    ),
    "backhand": (
        "shadow a slow backhand side-on: step your {trail} foot towards the net, then swing "
        "through"
    ),
    "backhand-open": (
        "shadow a slow backhand with your feet side by side, facing the net: weight on your "
        "{lead} leg, turn your hips back over it, then swing through"
    ),
    "backhand-semi-open": (
        "shadow a slow backhand with your {trail} foot a little ahead: weight on your {lead} "
        "leg, turn back over it, then swing through"
    ),
    "backhand-neutral": (
        "shadow a slow backhand side-on: step your {trail} foot towards the net, then swing "
        "through"
    ),
    "backhand-closed": (
        "shadow a slow backhand stepping your {trail} foot across in front of you: move your "
        "weight onto it, then swing through"
    ),
    "backhand-follow-through": (
        "shadow a backhand and hold the follow-through: hips turned towards the net over your "
        "{trail} leg"
    ),
    "serve": (
        "shadow the start of a slow serve and hold the trophy position: knees and hips bent, "
        "hips pushed forward over your {lead} foot"
    ),
    "serve-loading": (
        "shadow the start of a slow serve and hold the trophy position: knees and hips bent, "
        "hips pushed forward over your {lead} foot, turned away from the net"
    ),
    "serve-drive": (
        "from the trophy position, drive up through both legs as if reaching up to hit a "
        "serve, turning your hips towards the net"
    ),
    "serve-landing": (
        "shadow a serve and land on your {lead} leg, bending the knee softly to absorb the "
        "landing, with your {trail} leg swinging back for balance"
    ),
}

PHASES: tuple[Phase, ...] = tuple(
    Phase(
        name=name,
        effect=_handed(trail, lead),
        doc=doc,
        source=source,
        instruction=INSTRUCTIONS[name],
    )
    for name, trail, lead, doc, source in _PHASE_TABLE
)

# --- hand drivers -----------------------------------------------------------------------------
# Written by role: `trail_hand` = racket hand, `lead_hand` = the other hand. The sizes follow
# the core's table (spec §4), as the golf drivers do:
#
# * a reach toward the hip's own side abducts it, toward the other side adducts it; a hand
#   that crosses the body to get there asks twice what a hand on its own side asks;
# * turning toward the hip's side rotates it internally; a hand overhead is S-1;
# * a swing passes through its positions, so it gets half the core's sizes (crossing hand
#   1, own-side hand 0, rotation 1).
#
# A swing scores each hip at the moment that loads it: for the forehand the racket-side hip
# at the unit turn and the other hip at the finish; for the backhand the other way round.

_SWING_SOURCE = (
    f"{CLINICAL}, half the core's reach and rotate values because a swing passes through "
    "the positions rather than holding them (crossing hand F-1, own-side hand F0, rotation "
    "T+1; the low-to-high path starts and ends near the same trunk angle, S0)"
)

FOREHAND_SWING = hand_driver(
    "forehand-swing",
    instruction=(
        "swing {limb} through a slow forehand: back towards your {trail} side, then low to "
        "high across to your {lead} shoulder"
    ),
    lead_hand=_handed(trail=(0, -1, 1), lead=(0, 0, 1)),
    trail_hand=_handed(trail=(0, 0, 1), lead=(0, -1, 1)),
    doc="A hand drives a forehand swing: unit turn back toward the racket side, then low to "
    "high across to the other shoulder. For the racket-side hip the loaded moment is the "
    "unit turn, with the non-racket hand reaching across to point at the ball; for the "
    "other hip it is the finish, with the racket hand across the body.",
    source=_SWING_SOURCE,
)

BACKHAND_SWING = hand_driver(
    "backhand-swing",
    instruction=(
        "swing {limb} through a slow backhand: back towards your {lead} side, then across and "
        "up to your {trail} side"
    ),
    lead_hand=_handed(trail=(0, -1, 1), lead=(0, 0, 1)),
    trail_hand=_handed(trail=(0, 0, 1), lead=(0, -1, 1)),
    both_hands=_handed(trail=(0, -1, 1), lead=(0, -1, 1)),
    doc="A hand (or both, for a two-handed backhand) drives a backhand swing: unit turn "
    "back toward the non-racket side, then across and up to the racket side. For the "
    "racket-side (front) hip the loaded moment is the finish; for the other hip the unit "
    "turn, with the racket hand across the body. By symmetry the numbers match "
    "`forehand-swing`; `both-hands` takes the crossing hand's values.",
    source=_SWING_SOURCE,
)

SERVE_REACH = hand_driver(
    "serve-reach",
    instruction=(
        "reach {limb} up high, as you would to toss the ball or to hit a serve"
    ),
    lead_hand=_handed(trail=(-1, 0, 0), lead=(-1, 0, 0)),
    trail_hand=_handed(trail=(-1, -1, 0), lead=(-1, 1, 0)),
    doc="A hand reaches up to the serve: the racket hand to the contact point, high and "
    "just in front of the racket shoulder; the other hand straight up along the toss.",
    source=f"{CLINICAL}, using the core's overhead values: a hand overhead is S-1; the "
    "racket hand reaching up on its own side is `overhead` toward that side with the "
    "own-side size (F-1 for the racket-side hip, F+1 for the other, as "
    "`right-hand overhead-right` and `left-hand overhead-left`); the toss goes up in front "
    f"of the body (F0). Contact high above the racket shoulder: {KOVACS_2011}.",
)

DIRECTIONS: tuple[Direction, ...] = (FOREHAND_SWING, BACKHAND_SWING, SERVE_REACH)


# --- rules ------------------------------------------------------------------------------------
# The method's carryover checks, shared by every sport plugin through the plugin API; tennis
# gives them its codes, its words and its examples.

check_back_to_pure_stroke = back_to_pure_function(SPORT, "the stroke")
check_disadvantage_in_stroke = disadvantage_in_function(SPORT, "a tennis stroke")
check_tennis_driver_base = driver_on_function(SPORT, "a tennis stance")
check_stance_change_retested = phase_change_retested(SPORT, "the new stroke")


RULES: tuple[Rule, ...] = (
    Rule(
        code="T101",
        summary="tweaks taken off somewhere other than the tennis stroke: no carryover to "
        "the pure function",
        check=check_back_to_pure_stroke,
        severity="warning",
        explain=(
            "The point of tweaking is carryover. The method: 'Once I've tweaked the movement "
            "and found a way to fire the muscle I will then gradually decrease the tweak "
            "until you are back at just doing the pure function.' In a tennis program the "
            "pure function is a tennis phase with no tweaks on it. This program tweaks a "
            "stroke but, by the time the tweaks are gone, the base is something else "
            "(usually a pivot), so nothing shows that the muscle still fires in the plain "
            "stroke.\n\n"
            "Fix: taper the tweaks while the stroke is the base (or set it again after the "
            "taper), then retest. Tweaks still active at the end are reported as P104 "
            "instead."
        ),
        bad=(
            'program "T101 bad: the tweaks come off on a pivot"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver left-hand tennis.forehand-swing\n"
            "retest single-leg-squat\n"
            "pivot frontal x10\n"
            "taper driver over 3\n"
            "retest\n"
        ),
        good=(
            'program "T101 good: back to the plain open-stance forehand"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver left-hand tennis.forehand-swing\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
        ),
    ),
    Rule(
        code="T102",
        summary="a disadvantage never retested in a tennis stroke",
        check=check_disadvantage_in_stroke,
        severity="warning",
        explain=(
            "The method's last step: 'If you are wanting to bullet proof the person I would "
            "then disadvantage the glute medius and make them go through their functional "
            "movement again.' It fires 'when at a disadvantage in sports where you really "
            "need it to save your knee'. For a tennis player the functional movement is the "
            "stroke, the split-step or the serve landing; a disadvantage retested only on a "
            "pivot says nothing about them.\n\n"
            "Fix: while the disadvantage is in force, set a `function tennis.PHASE` (the one "
            "you tweaked) and `retest`."
        ),
        bad=(
            'program "T102 bad: disadvantaged on a pivot only"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
            "pivot frontal x10\n"
            "disadvantage adduction\n"
            "retest\n"
        ),
        good=(
            'program "T102 good: disadvantaged in the forehand"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
            "disadvantage adduction\n"
            "retest\n"
        ),
    ),
    Rule(
        code="T103",
        summary="a tennis driver on a base that is not a tennis phase",
        check=check_tennis_driver_base,
        severity="info",
        explain=(
            "Tennis drivers (`tennis.forehand-swing`, `tennis.backhand-swing`, "
            "`tennis.serve-reach`) are scored for a tennis stance, each hip at the moment of "
            "the stroke that loads it. On a pivot the feet, and so the hip's position under "
            "the hand, are different, and the numbers are only a guess. The method does "
            "allow it ('I would either adapt the pivots or use different drivers'), so this "
            "is a note, not a warning: if it is a deliberate bridge from the pivots to the "
            "stroke, keep it and add `# noqa: T103`; otherwise set `function tennis.PHASE` "
            "first."
        ),
        bad=(
            'program "T103 bad: a forehand driver on a pivot"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "pivot transverse x10\n"
            "driver right-hand tennis.forehand-swing\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
        ),
        good=(
            'program "T103 good: a forehand driver on the forehand"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver right-hand tennis.forehand-swing\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
        ),
    ),
    Rule(
        code="T104",
        summary="a new stroke or stance under active tweaks, changed again before a retest",
        check=check_stance_change_retested,
        severity="warning",
        explain=(
            "Tweaks are kept because a retest said they worked, on the stroke and stance "
            "they were tried on. The stance changes what the hip is doing: the racket-side "
            "hip has every favorable motion in an open-stance forehand and is abducted in a "
            "closed one, so a driver kept for one can do something else in the other. The "
            "method: 'I tend to re-test after each change to the movement as what works is "
            "important to know.' This program changes the stroke or stance and then changes "
            "something else before retesting.\n\n"
            "Fix: `retest` straight after the new `function tennis.PHASE`."
        ),
        bad=(
            'program "T104 bad: new stance and new tweak, one retest"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "function tennis.forehand-closed 3x8\n"
            "foot right narrow\n"
            "retest\n"
            "taper all over 3\n"
            "retest\n"
        ),
        good=(
            'program "T104 good: the new stance is retested first"\n'
            "target right glute-med\n"
            "sport tennis handed right\n"
            "function tennis.forehand-open 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "function tennis.forehand-closed 3x8\n"
            "retest\n"
            "foot right narrow\n"
            "retest\n"
            "taper all over 3\n"
            "retest\n"
        ),
    ),
)

plugin = Plugin(
    name=SPORT,
    version=VERSION,
    code_prefix="T",
    sports=[
        Sport(
            name=SPORT,
            phases=PHASES,
            directions=DIRECTIONS,
            doc="Tennis strokes by stance, the split-step and the serve. `trail` is the hip on "
            "the racket-hand side, `lead` the other hip, whatever the stroke; `handed` is the "
            "racket hand: `sport tennis handed left` for a left-handed player.",
        )
    ],
    rules=RULES,
    doc="Tennis phases and racket-hand drivers with their effects on the hip, and rules "
    "T101-T104 for carrying tennis work back to the pure stroke.",
)
