"""Golf for prog: the swing's phases, golf hand drivers, and lint rules for golf programs.

Installed as the package `prog_golf` and published under the entry-point group
``prog.plugins`` as ``golf = "prog_golf:plugin"``; the core loads it like any third-party
plugin and knows nothing else about golf.

Reading the numbers
-------------------
Every effect is written for a **right** target hip, in the core's units (spec §4): one
small integer per plane, positive = flexion (S), adduction (F), internal rotation (T). The
scale is ordinal, the same one the core's pivots use (`pivot frontal` is F+3,
`pivot sagittal` S+2): the numbers are not degrees.

Each item has two columns (`Handed`):

* ``trail``: the right hip as the **trail** hip, i.e. a right-handed golfer
  (`sport golf handed right`, the default);
* ``lead``: the right hip as the **lead** hip, i.e. a left-handed golfer.

A left target is mirrored by the core before the look-up, so these two columns cover
every case. Each phase and direction says where its numbers come from in `source`; the
README in this folder lays them out for a clinician to challenge.

Rules G101–G104 follow the method's carryover steps; see `RULES` at the bottom.
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

SPORT = "golf"
VERSION = "1.0.0"

# --- where the numbers come from ----------------------------------------------------------
# Named sources, quoted in full so a clinician can look them up. Directions of motion come
# from these; the sizes on the -3..3 scale are clinical reasoning, and each `source` says so.

SEED = "the clinical method (seed: 'Rehab for Gluteus Medius – My Strategies')"
BURDEN_1998 = (
    "Burden A, Grimshaw PN, Wallace ES. Hip and shoulder rotations during the golf swing "
    "of sub-10 handicap players. J Sports Sci 1998;16(2):165-176"
)
BECHLER_1995 = (
    "Bechler JR, Jobe FW, Pink M, et al. Electromyographic analysis of the hip and knee "
    "during the golf swing. Clin J Sport Med 1995;5(3):162-166"
)
GULGIN_2009 = (
    "Gulgin H, Armstrong C, Gribble P. Hip rotational velocities during the full golf "
    "swing. J Sports Sci Med 2009;8(2):296-299"
)
VAD_2004 = (
    "Vad VB, Bhat AL, Basrai D, et al. Low back pain in professional golfers: the role of "
    "associated hip and low back range-of-motion deficits. Am J Sports Med "
    "2004;32(2):494-497"
)
CLINICAL = "clinical reasoning"


def _effect(plane_values: tuple[int, int, int]) -> Effect:
    sagittal, frontal, transverse = plane_values
    return Effect(sagittal=sagittal, frontal=frontal, transverse=transverse)


def _handed(trail: tuple[int, int, int], lead: tuple[int, int, int]) -> Handed:
    return Handed(trail=_effect(trail), lead=_effect(lead))


# --- phases ---------------------------------------------------------------------------------
# (name, trail (S, F, T), lead (S, F, T), doc, source). Pelvis-on-femur: when the pelvis
# turns toward a planted leg's side, that hip rotates internally; when it turns away, that
# hip rotates externally. When the pelvis drops on the other side, or slides over the
# planted foot, that hip adducts.

_PHASE_TABLE: Sequence[tuple[str, tuple[int, int, int], tuple[int, int, int], str, str]] = (
    (
        "address",
        (2, 0, 0),
        (2, 0, 0),
        "Set-up over the ball: a hip hinge, pelvis square to the target line, weight even. "
        "Both hips flexed; width and rotation near neutral.",
        f"{CLINICAL}: the golf posture is a hip hinge, scored like a sagittal pivot (S+2); "
        "a stance about shoulder-width puts both hips in less than one unit of abduction "
        "(F0); the pelvis is square (T0).",
    ),
    (
        "takeaway",
        (2, 0, 1),
        (2, 0, -1),
        "Club back to shaft-parallel: the pelvis starts to turn away from the target over "
        "the trail leg. The trail hip begins to rotate internally, the lead hip externally.",
        f"direction: the pelvis turns away from the target in the backswing ({BURDEN_1998}); "
        "over a planted trail foot that is trail-hip internal rotation and lead-hip external "
        f"rotation. Sizes: {CLINICAL} (early in the turn, one unit; flexion kept from "
        "address).",
    ),
    (
        "backswing",
        (2, 1, 2),
        (2, -1, -2),
        "Takeaway to near the top: the pelvis keeps turning over the trail hip and the lead "
        "side of the pelvis drops as the lead knee flexes in. The trail hip is in flexion, "
        "adduction and internal rotation: every favorable motion for the trail glute med. "
        "The lead hip is flexed, abducted and externally rotated.",
        f"{SEED}: 'I know the glute med. will fire with hip flexion, adduction and internal "
        "rotation, which is great, but in the back swing of golf that should be happening'. "
        f"Rotation: {BURDEN_1998}. Sizes: {CLINICAL}: adduction is modest (F+1) because the "
        "method still needs a driver 'to drive a lot more hip adduction in the right hip'; "
        "rotation T+2, the size of a transverse pivot.",
    ),
    (
        "top",
        (2, 1, 3),
        (2, -1, -3),
        "End of the backswing, the pelvis at its fullest turn: trail-hip internal rotation "
        "at its end range, lead hip at its most externally rotated.",
        f"as backswing ({SEED}; {BURDEN_1998}). Sizes: {CLINICAL}: the largest pelvic turn "
        "of the swing gets the largest rotation score (T+3 / T-3).",
    ),
    (
        "downswing",
        (1, -1, 1),
        (1, 1, -1),
        "Top to just before impact: the pelvis slides toward the target and unwinds ahead "
        "of the shoulders. The trail hip extends a little, abducts and loses internal "
        "rotation; the lead hip takes the weight (adduction) and starts to come out of "
        "external rotation.",
        f"sequence: the hips turn back toward the target while the shoulders are still "
        f"turning away ({BURDEN_1998}); the trail hip extensors and abductors start the "
        f"pelvic rotation of the forward swing ({BECHLER_1995}), so the trail glute med works "
        f"here as an abductor, outside its favorable position. Sizes: {CLINICAL}.",
    ),
    (
        "impact",
        (1, -1, -1),
        (1, 1, 2),
        "Club meets ball with the pelvis already open to the target: the lead hip is "
        "internally rotated and carries most of the weight; the trail hip is externally "
        "rotated, the trail heel starting to lift.",
        f"the lead hip rotates internally fast through the downswing, much faster than the "
        f"trail hip rotates externally ({GULGIN_2009}). Sizes: {CLINICAL}.",
    ),
    (
        "follow-through",
        (0, -1, -2),
        (0, 1, 3),
        "Impact to the club at shoulder height: the pelvis keeps turning toward the target "
        "over the lead leg, and the lead hip rotates internally to its end range. Every "
        "favorable motion but flexion for the lead glute med.",
        f"lead-hip internal rotation: {GULGIN_2009}; lead-hip internal rotation deficits go "
        f"with low back pain in golfers ({VAD_2004}), i.e. the swing asks the lead hip for "
        f"that range here. Sizes: {CLINICAL}.",
    ),
    (
        "finish",
        (-1, 0, -2),
        (-1, 1, 3),
        "Balanced finish: tall on the lead leg, belt buckle to the target, trail foot up on "
        "its toe. Both hips extended; the lead hip at end-range internal rotation under "
        "body weight; the trail hip externally rotated.",
        f"as follow-through ({GULGIN_2009}; {VAD_2004}). Sizes: {CLINICAL}: standing tall "
        "is hip extension (S-1); the lead hip is stacked over the lead foot (F+1).",
    ),
)

# The patient's words for each phase (plugin API 1.1): `{trail}` and `{lead}` become the
# golfer's right or left, so one sentence serves a right- and a left-handed player.
INSTRUCTIONS = {
    "address": "stand as if setting up to a golf ball: feet about shoulder-width apart, bend "
    "forward from your hips with a straight back and let your arms hang",
    "takeaway": "from your golf set-up, start your backswing slowly: turn your hips and "
    "shoulders a little away from the target, over your {trail} leg",
    "backswing": "from your golf set-up, make a slow backswing: turn away from the target "
    "onto your {trail} leg, letting your {lead} knee bend in a little",
    "top": "make a slow backswing and hold the top of it, hips turned as far away from the "
    "target as is comfortable, over your {trail} leg",
    "downswing": "from the top of your backswing, start the downswing slowly: shift your "
    "weight towards the target and let your hips turn back round",
    "impact": "swing slowly through to where you would hit the ball, hips already turning "
    "to face the target, most of your weight on your {lead} leg",
    "follow-through": "swing slowly through the ball until your hands are at shoulder "
    "height, turning your hips round over your {lead} leg",
    "finish": "swing through to a balanced finish and hold it: stand tall on your {lead} "
    "leg, belt buckle facing the target, {trail} foot up on its toes",
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
# Written by role with `hand_driver`: `lead_hand` is the left hand of a right-handed golfer,
# `trail_hand` the right hand. The rules that set the sizes follow the core's own table
# (spec §4), so a golf driver and a core driver agree on what a reach asks of the hip:
#
# * a reach toward the hip's own side abducts it, toward the other side adducts it; a hand
#   that crosses the body to get there asks twice what a hand on its own side asks (core:
#   `left-hand overhead-right` F-2, `right-hand overhead-right` F-1);
# * turning toward the hip's side rotates it internally (core: `*-hand rotate-right` T+2);
# * a held reach gets the core's sizes; a swing only passes through the position, so it
#   gets half (crossing hand 1, own-side hand 0, rotation 1).
#
# Each hip is scored at the moment of the swing that loads it: the trail hip at the top,
# the lead hip at the finish.

SWING = hand_driver(
    "swing",
    instruction=(
        "swing {limb} through a slow, normal golf swing, from your set-up to the top and on to "
        "the finish"
    ),
    lead_hand=_handed(trail=(0, -1, 1), lead=(0, 0, 1)),
    trail_hand=_handed(trail=(0, 0, 1), lead=(0, -1, 1)),
    both_hands=_handed(trail=(0, -1, 1), lead=(0, -1, 1)),
    doc="A hand drives a normal golf swing at normal tempo, address to top to finish (the "
    "method's 'left hand to drive a normal golf swing'). At the top the hands sit up and "
    "toward the trail side, turning the trunk onto the trail hip; at the finish up and "
    "toward the lead side, turning it onto the lead hip. For the trail hip this takes a "
    "little adduction away, which is why the method then adds 'the right hand to drive "
    "over-head towards the left'.",
    source=f"{SEED} for the driver itself; sizes: {CLINICAL}, half the core's reach and "
    "rotate values because a swing passes through the positions rather than holding them "
    "(crossing hand F-1, own-side hand F0, rotation T+1; hands return to the ball, S0).",
)

BACKSWING_REACH = hand_driver(
    "backswing-reach",
    instruction=(
        "reach {limb} up and back to where your hands sit at the top of your backswing, behind "
        "your {trail} shoulder, and hold it"
    ),
    lead_hand=_handed(trail=(0, -2, 2), lead=(0, 2, -2)),
    trail_hand=_handed(trail=(0, -1, 2), lead=(0, 1, -2)),
    both_hands=_handed(trail=(0, -2, 2), lead=(0, 2, -2)),
    doc="A hand reaches to where it sits at the top of the backswing, up and behind the "
    "trail shoulder, and holds it: an overload of the turn onto the trail hip (internal "
    "rotation) at the cost of some trail-hip adduction. Pair it with a trail-hand "
    "`overhead-left` (right-handed golfer) to give the adduction back.",
    source=f"{CLINICAL}, using the core's sizes for a held reach toward the trail side "
    "(crossing lead hand F-2, own-side trail hand F-1, as `left-hand overhead-right` and "
    "`right-hand overhead-right`) and for a hand rotation toward the trail side (T+2). "
    "The trunk stays bent over the ball, so S0.",
)

FINISH_REACH = hand_driver(
    "finish-reach",
    instruction=(
        "reach {limb} high over your {lead} shoulder, where your hands finish, with your body "
        "turned to the target, and hold it"
    ),
    lead_hand=_handed(trail=(-1, 1, -2), lead=(-1, -1, 2)),
    trail_hand=_handed(trail=(-1, 2, -2), lead=(-1, -2, 2)),
    both_hands=_handed(trail=(-1, 2, -2), lead=(-1, -2, 2)),
    doc="A hand reaches to where it sits at the finish, high and over the lead shoulder, "
    "with the trunk turned to the target, and holds it. For the lead hip it drives "
    "internal rotation (the follow-through's demand); for the trail hip, adduction with "
    "external rotation.",
    source=f"{CLINICAL}, using the core's sizes for a held reach toward the lead side "
    "(crossing trail hand F±2, own-side lead hand F±1), for a hand rotation toward the "
    "lead side (T±2), and for a hand overhead (S-1: the finish is upright).",
)

DIRECTIONS: tuple[Direction, ...] = (SWING, BACKSWING_REACH, FINISH_REACH)


# --- rules ------------------------------------------------------------------------------------
# The method's carryover checks, shared by every sport plugin through the plugin API; golf
# gives them its codes, its words and its examples.

check_back_to_pure_swing = back_to_pure_function(SPORT, "the golf swing")
check_disadvantage_in_swing = disadvantage_in_function(SPORT, "the golf swing")
check_golf_driver_base = driver_on_function(SPORT, "the golf stance")
check_phase_change_retested = phase_change_retested(SPORT, "the new phase")


RULES: tuple[Rule, ...] = (
    Rule(
        code="G101",
        summary="tweaks taken off somewhere other than the golf swing: no carryover to the "
        "pure function",
        check=check_back_to_pure_swing,
        severity="warning",
        explain=(
            "The point of tweaking is carryover. The method: 'Once I've tweaked the movement "
            "and found a way to fire the muscle I will then gradually decrease the tweak "
            "until you are back at just doing the pure function.' In a golf program the pure "
            "function is a golf phase with no tweaks on it. This program tweaks a golf phase "
            "but, by the time the tweaks are gone, the base is something else (usually a "
            "pivot), so nothing shows that the muscle still fires in the plain swing.\n\n"
            "Fix: taper the tweaks while the golf phase is the base (or set it again after "
            "the taper), then retest. Tweaks still active at the end are reported as P104 "
            "instead."
        ),
        bad=(
            'program "G101 bad: the tweaks come off on a pivot"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver left-hand golf.swing\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "pivot frontal x10\n"
            "taper driver over 3\n"
            "retest\n"
        ),
        good=(
            'program "G101 good: back to the plain backswing"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver left-hand golf.swing\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
        ),
    ),
    Rule(
        code="G102",
        summary="a disadvantage never retested in the golf swing",
        check=check_disadvantage_in_swing,
        severity="warning",
        explain=(
            "The method's last step: 'If you are wanting to bullet proof the person I would "
            "then disadvantage the glute medius and make them go through their functional "
            "movement again. If you can fire their glute med. even when it is disadvantaged "
            "they are far more likely to continue firing the muscle ongoing.' For a golfer "
            "the functional movement is the swing. A disadvantage that is only ever retested "
            "on a pivot says nothing about the swing, where the muscle has to 'save your "
            "knee'.\n\n"
            "Fix: while the disadvantage is in force, set a `function golf.PHASE` (the phase "
            "you tweaked) and `retest`."
        ),
        bad=(
            'program "G102 bad: disadvantaged on a pivot only"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
            "pivot frontal x10\n"
            "disadvantage adduction\n"
            "retest\n"
        ),
        good=(
            'program "G102 good: disadvantaged in the backswing"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
            "disadvantage adduction\n"
            "retest\n"
        ),
    ),
    Rule(
        code="G103",
        summary="a golf driver on a base that is not a golf phase",
        check=check_golf_driver_base,
        severity="info",
        explain=(
            "Golf drivers (`golf.swing`, `golf.backswing-reach`, `golf.finish-reach`) are "
            "scored for the golf stance: the trail hip at the top of the swing, the lead hip "
            "at the finish. On a pivot the feet, and so the hip's position under the hand, "
            "are different, and the numbers are only a guess. The method does allow it ('I "
            "would either adapt the pivots or use different drivers'), so this is a note, "
            "not a warning: if it is a deliberate bridge from the pivots to the swing, keep "
            "it and add `# noqa: G103`; otherwise set `function golf.PHASE` first."
        ),
        bad=(
            'program "G103 bad: a swing driver on a pivot"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "pivot transverse x10\n"
            "driver left-hand golf.swing\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
        ),
        good=(
            'program "G103 good: a swing driver on the backswing"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver left-hand golf.swing\n"
            "retest single-leg-squat\n"
            "taper driver over 3\n"
            "retest\n"
        ),
    ),
    Rule(
        code="G104",
        summary="a new golf phase under active tweaks, changed again before a retest",
        check=check_phase_change_retested,
        severity="warning",
        explain=(
            "Tweaks are kept because a retest said they worked, on the phase they were "
            "tried on. Moving to another phase with them still on is a change to the "
            "movement: the same driver asks something different of the hip at the top and "
            "in the downswing. The method: 'I tend to re-test after each change to the "
            "movement as what works is important to know.' This program changes the phase "
            "and then changes something else before retesting, so nobody can tell what the "
            "tweaks do in the new phase.\n\n"
            "Fix: `retest` straight after the new `function golf.PHASE`."
        ),
        bad=(
            'program "G104 bad: new phase and new tweak, one retest"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "function golf.downswing 3x8\n"
            "foot right narrow\n"
            "retest\n"
            "taper all over 3\n"
            "retest\n"
        ),
        good=(
            'program "G104 good: the new phase is retested first"\n'
            "target right glute-med\n"
            "sport golf handed right\n"
            "function golf.backswing 3x8\n"
            "driver right-hand overhead-left\n"
            "retest single-leg-squat\n"
            "function golf.downswing 3x8\n"
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
    code_prefix="G",
    sports=[
        Sport(
            name=SPORT,
            phases=PHASES,
            directions=DIRECTIONS,
            doc="The golf swing, address to finish, for the trail hip (right hip of a "
            "right-handed golfer) and the lead hip. `handed` is the golfer's: "
            "`sport golf handed left` for a left-handed golfer.",
        )
    ],
    rules=RULES,
    doc="Golf phases and hand drivers with their effects on the hip, and rules G101-G104 "
    "for carrying golf work back to the pure swing.",
)
