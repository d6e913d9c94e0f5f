"""The longer story of each code: a code in; what it means, why it matters clinically, how to
fix it, and a bad and a good example out (for `prog explain`, SARIF and the docs).

The core's texts are data here; a plugin's come from its `Rule` (summary, explain, bad,
good). Quotations are from the clinical method the language is built on (Neil's "Rehab for
Gluteus Medius – My Strategies"). Every bad example shows its code and every good one does
not: the tests run them all.
"""

from __future__ import annotations

from dataclasses import replace

from dsl.diagnostics import CORE_CODES
from dsl.record import record
from dsl.registry import Registry

RETEST = (
    "“Again, I tend to re-test after each change to the movement as what works is important "
    "to know.”"
)
TAPER = (
    "“Once I’ve tweaked the movement and found a way to fire the muscle I will then gradually "
    "decrease the tweak until you are back at just doing the pure function.”"
)
BULLET_PROOF = (
    "“If you are wanting to bullet proof the person I would then disadvantage the glute "
    "medius and make them go through their functional movement again.”"
)


@record
class Explanation:
    code: str
    severity: str
    title: str
    meaning: str
    why: str
    fix: str
    bad: str
    good: str
    owner: str = "core"


def _core(code: str, meaning: str, why: str, fix: str, bad: str, good: str) -> Explanation:
    severity, title = CORE_CODES[code]
    return Explanation(code, severity, title, meaning, why, fix, bad, good)


_PLAN = "target right glute-med\npivot sagittal x10\nretest single-leg-squat\n"

CORE: dict[str, Explanation] = {
    e.code: e
    for e in (
        _core(
            "P001",
            "A line prog cannot read as a statement: a misspelt keyword, a missing word, a "
            "block header without its `:` or without the block under it, a text without its "
            "closing quote, a tab in the indentation. prog reads on after each one, so a file "
            "shows all of its syntax errors at once.",
            "A program is a prescription another clinician (and the patient) follows line by "
            "line. A line that cannot be read is a step nobody can do, and everything that "
            "depends on it (the drive, the retests, the taper) is unknown.",
            "Read the message: it says what was expected there, in words. A misspelt keyword "
            "comes with a `did you mean`. `prog fmt` rewrites layout only once the file reads.",
            "target right glute-med\nphase fire\n    pivot frontal x10\n    retest\n",
            "target right glute-med\nphase fire:\n    pivot frontal x10\n    retest\n",
        ),
        _core(
            "P002",
            "A word the vocabulary in force does not know in that place: a side, plane, limb, "
            "direction, foot position, surface, level, motion, muscle, sport, sport phase or "
            "define name. The message names the closest word prog knows.",
            "Every word stands for what the movement asks of the hip; the method chooses each "
            "one for that: “The right hand will therefore drive a lot more hip adduction in "
            "the right hip and encourage a greater reaction from the right glute med.” A word "
            "prog does not know is a movement whose effect nobody can say.",
            "Use the suggested word, or see every word and its effect with `prog vocab`. "
            "A sport's words come from its plugin (`prog plugins`).",
            "target right glute-med\npivot frontl x10\nretest\n",
            "target right glute-med\npivot frontal x10\nretest\n",
        ),
        _core(
            "P003",
            "A sport's word (`SPORT.PHASE`, a sport's driver direction) used in a program "
            "without that sport's `sport` line.",
            "Sport words are scored for the sport's stance and for which hip leads: “if for "
            "example you want to get closer to a specific function … I would either adapt the "
            "pivots or use different drivers”. Without `sport SPORT handed right` prog cannot "
            "tell whether the target hip is the trail or the lead hip, so it cannot score the "
            "movement.",
            "Add the sport's line at the top: `sport SPORT` (with `handed left` for a "
            "left-handed player).",
            "target right glute-med\nfunction SPORT.PHASE 3x8\nretest\n",
            "target right glute-med\nsport SPORT handed right\nfunction SPORT.PHASE 3x8\nretest\n",
        ),
        _core(
            "P004",
            "A plugin failed: it could not be imported, speaks another plugin API version, "
            "claims a word or code prefix another plugin owns, or one of its lint rules "
            "raised. prog names the plugin and leaves it out; the core and every other plugin "
            "keep working. Also reported when `require-plugins` in `[tool.prog]` names a "
            "plugin that is not there.",
            "A program that uses a missing sport's words cannot be scored, and a lint rule "
            "that crashed checked nothing: the program may look clean when it is not.",
            "`prog plugins` shows each plugin and why it failed. Install or update the "
            "plugin, or report the failure to its author with that output.",
            "# with the rowing plugin missing or broken:\nsport rowing\n"
            "function rowing.catch 3x8\nretest\n",
            "# with the rowing plugin installed and loading:\nsport rowing\n"
            "function rowing.catch 3x8\nretest\n",
        ),
        _core(
            "P005",
            "A limit broken: a file over 5 MiB or not UTF-8; blocks nested deeper than 32; "
            "an include that is absolute, leaves the program's folder, or forms a cycle; "
            "includes deeper than 16; a define that uses itself; more than 100,000 steps; a "
            "taper over fewer than 1 or more than 20 steps; a `try` with more than 16 "
            "alternatives; a dose of zero.",
            "A program is a session plan a clinician reads and shares. One that expands to "
            "a hundred thousand steps, reaches outside its folder for its parts, or "
            "prescribes zero repetitions is not a plan anyone can follow.",
            "Bring the program within the limit the message names: split it into files kept "
            "in one folder, break a cycle of includes or defines, or correct the number.",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper driver over 30\nretest\n",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper driver over 3\nretest\n",
        ),
        _core(
            "P006",
            "A disadvantage that cannot be: taking away a motion that does not help the "
            "target muscle (abduction for the glute med), or taking away every motion that "
            "helps it.",
            "To disadvantage the muscle is to leave it fewer of the motions that help it: "
            "“if giving the glute every chance to fire is taking the hip through large ranges "
            "of flexion, adduction and internal rotation you can disadvantage it by trying to "
            "get it to fire with only 2 of those motions…or maybe just one.” A motion that "
            "never helped cannot be taken away, and with none left there is nothing to fire "
            "with.",
            "Disadvantage one or two of the muscle's favorable motions (for the glute med: "
            "flexion, adduction, internal-rotation), and keep at least one.",
            _PLAN + "disadvantage flexion, adduction, internal-rotation\nretest\n",
            _PLAN + "disadvantage adduction\nretest\n",
        ),
        _core(
            "P007",
            "A context line (`program`, `target`, `sport`, `include`) after the first "
            "movement, inside a block, or repeated (`program` and `target` once, each sport "
            "once).",
            "The context says who the program is for, and everything after it is scored from "
            "it: “Assuming you’ve already done your assessment, I would fire the glute and "
            "then re-test.” A target that changes half-way would score the first half for one "
            "hip and the rest for another.",
            "Move the context lines to the top of the file, and keep one of each.",
            "pivot frontal x10\ntarget right glute-med\nretest\n",
            "target right glute-med\npivot frontal x10\nretest\n",
        ),
        _core(
            "P101",
            "The program has no `target` line, so prog assumes the right glute med. Reported "
            "on the first statement. A file of `define`s only (a library for `include`) is "
            "not warned.",
            "Every effect in prog is what a movement asks of one hip, and the method starts "
            "from the muscle and its side: “your trying to fire their right glute med”. A "
            "program meant for the left hip and scored for the right has every drive "
            "mirrored the wrong way.",
            "Add `target SIDE MUSCLE` at the top, such as `target left glute-med`.",
            "pivot frontal x10\nretest\n",
            "target right glute-med\npivot frontal x10\nretest\n",
        ),
        _core(
            "P102",
            "Two kinds of tweak (driver, foot, surface, ground reaction) go on with no "
            "`retest` between them. Several tweaks of one kind (two hand drivers) are fine, "
            "and a `try` retests each alternative by itself.",
            RETEST + " When a driver and a foot position go on together and the retest is "
            "better, nobody can tell which of them worked, or whether one of them was "
            "holding the muscle back.",
            "Put a `retest` after the first tweak, or try them one at a time with "
            "`try until better:`.",
            _PLAN + "driver right-hand overhead-left\nfoot right narrow\nretest\n"
            "taper all\nretest\n",
            _PLAN + "driver right-hand overhead-left\nretest\nfoot right narrow\nretest\n"
            "taper all\nretest\n",
        ),
        _core(
            "P103",
            "A `taper`, `undo` or `restore` that finds nothing to take away: no tweak of that "
            "kind is on, or the motion is not disadvantaged.",
            "Carryover is taking away, in order, what was added: " + TAPER + " A taper of "
            "something that is not on means the program is not what its author thinks: the "
            "tweak was never added, was already taken off, or is on the other foot.",
            "Taper or undo what is on; `prog run FILE` shows the tweaks active at each step.",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper driver\nretest\nundo\nretest\n",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper driver\nretest\n",
        ),
        _core(
            "P104",
            "Tweaks are still on after the last step. Reported on the last statement, so a "
            "`# noqa: P104` there silences it.",
            "“The carry over is fundamental to me, it’s no good repeating the same treatment "
            "week after week only for them to consistently regress within a short period of "
            "time.” " + TAPER + " A program that ends with tweaks on has found a way to fire "
            "the muscle, but not that it fires without the help.",
            "Taper the tweaks back (`taper all`, or one kind at a time) and `retest` on the "
            "pure function.",
            _PLAN + "driver right-hand overhead-left\nretest\n",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper driver over 3\nretest\n",
        ),
        _core(
            "P105",
            "A `disadvantage` while tweaks are still on, or before any `retest`.",
            "The method's order is: fire the muscle, tweak until it fires, taper back to the "
            "pure function, and only then: " + BULLET_PROOF + " A disadvantage on top of "
            "tweaks tests the tweaks, not the muscle; one before any retest tests a muscle "
            "nobody has seen fire.",
            "Taper the tweaks (`taper all`) and `retest` before the `disadvantage`.",
            _PLAN + "driver right-hand overhead-left\nretest\ndisadvantage adduction\nretest\n"
            "taper all\nretest\n",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper all\nretest\n"
            "disadvantage adduction\nretest\n",
        ),
        _core(
            "P106",
            "A foot position replaced by its opposite on the same foot (`narrow` by `wide`, "
            "`forward` by `back`, `turned-in` by `turned-out`).",
            "“If I needed to change things a little more I might start tweaking the foot "
            "position, use either a slightly narrow, right foot forward, right foot turned "
            "in…” Each position is tried and kept only if it works. Its opposite on the same "
            "foot silently takes it away: the program reads as two tweaks but is one, and the "
            "reversal is never said.",
            "Take a position away with `undo` or `taper foot SIDE`; to compare two positions, "
            "put them in a `try until better:` block.",
            _PLAN + "foot right narrow\nretest\nfoot right wide\nretest\ntaper all\nretest\n",
            _PLAN + "try until better:\n    foot right narrow\n    foot right forward\n"
            "taper all\nretest\n",
        ),
        _core(
            "P107",
            "The last change (anything but a `retest` or a `note`) is not followed by a "
            "`retest`. Reported on the last statement.",
            "“I would then re-test and see what’s changed.” The last changes of a program are "
            "usually the taper and the disadvantage, the very steps that show carryover; "
            "without a retest after them nobody knows whether the muscle still fires.",
            "End the program with `retest`.",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper all\n",
            _PLAN + "driver right-hand overhead-left\nretest\ntaper all\nretest\n",
        ),
        _core(
            "P108",
            "Something written that does nothing: a `define` never used in its file, a phase "
            "with no statements (or only notes), a `try` with fewer than 2 alternatives. "
            "`prog lint` also reports a `# noqa` that silences nothing under this code. A "
            "file of `define`s only (a library for `include`) is not warned about unused "
            "defines. A `phase NAME:` followed by lines that are not indented under it is "
            "empty too: those lines run, but in no phase; indent them by 4 spaces.",
            "“I keep trying different things until I see the reaction I want.” A `try` with "
            "one alternative tries nothing, and a define or phase that does nothing usually "
            "means a part of the plan was left out. A stale `# noqa` hides nothing today "
            "but would hide the next real problem on its line.",
            "Use the define or delete it; fill the phase or delete it; give the `try` a "
            "second alternative or write the tweak on its own with a `retest`; remove the "
            "stale `# noqa`.",
            "target right glute-med\ndefine warm-up:\n    pivot sagittal x10\n"
            "pivot frontal x10\nretest\n",
            "target right glute-med\ndefine warm-up:\n    pivot sagittal x10\nuse warm-up\n"
            "pivot frontal x10\nretest\n",
        ),
        _core(
            "P109",
            "A dose out of the usual range: more than 50 repetitions, more than 10 sets, or "
            "longer than 10 minutes. (A dose of zero is an error, P005.)",
            "The method fires the muscle through whole movement, with the timing and the "
            "strength of the contraction “controlled subconsciously”; that is a session's "
            "worth of good repetitions, not hundreds. A dose far out of range is more often "
            "a slip (x100 for x10) than a prescription.",
            "Correct the dose; if it is meant, keep it and add `# noqa: P109` to the line.",
            "target right glute-med\npivot frontal x100\nretest\n",
            "target right glute-med\npivot frontal x10\nretest\n",
        ),
        _core(
            "P110",
            "Nothing to run: the file has no movement statement. It is empty, or holds only "
            "comments, notes, context lines (`program`, `target`, `sport`) or `define`s, so "
            "`prog run` and `prog step` have nothing for the patient to do (a note is shown, "
            "but asks nothing). Reported on the first statement (on "
            "line 1 of a file with none).",
            "A program is what the patient does: “fire the muscle in a functional pattern”, "
            "then re-test. A file that asks for no movement is usually a program not written "
            "yet, or one whose lines were all left out by a slip. A file of defines is "
            "different: it is a library that programs `include`.",
            "Add the movements (`pivot frontal x10`, then `retest`), or `use` a define. For a "
            "library of defines, add `# noqa: P110` to its first statement's line, or list "
            "it under `per-file-ignores` in `[tool.prog]` settings.",
            "target right glute-med\ndefine warm-up:\n    pivot sagittal x10\n",
            "target right glute-med\ndefine warm-up:\n    pivot sagittal x10\nuse warm-up\n"
            "retest\n",
        ),
        _core(
            "P111",
            "A step leaves the target muscle no favorable motion: advantage 0 of 3. Usually a "
            "`disadvantage` that takes away the only motion the base movement gives it "
            "(`disadvantage flexion` during `pivot sagittal`).",
            "“If you can train it to fire at a disadvantage it is more likely to fire when at "
            "a disadvantage in sports where you really need it.” The method takes away one or "
            "two of the motions that help the muscle, “with only 2 of those motions…or maybe "
            "just one”, never all: with none left, nothing asks the muscle to fire, and the "
            "retest says nothing about it.",
            "Keep at least one favorable motion: restore a motion, disadvantage another one, "
            "or use a base movement that keeps one (`pivot frontal` keeps adduction).",
            "target right glute-med\npivot sagittal x10\nretest\ndisadvantage flexion\nretest\n",
            "target right glute-med\npivot frontal x10\nretest\ndisadvantage flexion\nretest\n",
        ),
        _core(
            "P201",
            "A driver replaced another on the same limb (a note, not a warning): one driver "
            "per limb, so the earlier one's effect is gone from here on.",
            "The method pairs different limbs: one hand drives the normal movement, “but then "
            "use the right hand to drive over-head towards the left”. A hand "
            "cannot drive two ways at once; when a new driver takes the place of the old on "
            "the same hand, this makes sure that was meant.",
            "If both were meant, give the second direction to another limb; if the switch is "
            "meant, add `# noqa: P201` or leave the note.",
            _PLAN + "driver right-hand overhead-left\nretest\ndriver right-hand forward\nretest"
            "\ntaper all\nretest\n",
            _PLAN + "driver right-hand overhead-left\nretest\ndriver left-hand forward\nretest"
            "\ntaper all\nretest\n",
        ),
        _core(
            "P202",
            "A tweak that leaves the drive as it was (a note): the plane is already at its "
            "limit of 3, a disadvantage holds it, the tweak cancels against another, or it "
            "has no effect on this hip at all.",
            "A tweak is there for what it asks of the hip: “I would find a way to drive "
            "adduction through the hip, usually a same side hand driver over head if it’s "
            "appropriate, maybe add some ground reaction force, maybe with a sloped surface "
            "to increase eversion?” One that changes nothing adds a step for the patient and "
            "nothing for the muscle.",
            "Choose a tweak that moves a plane that still has room (`prog vocab` lists each "
            "item's effect), or drop it.",
            _PLAN + "foot left turned-in\nretest\ntaper all\nretest\n",
            _PLAN + "foot right turned-in\nretest\ntaper all\nretest\n",
        ),
    )
}


def for_plugins(registry: Registry) -> dict[str, Explanation]:
    """The explanations of every plugin rule in `registry`, from the rules themselves."""
    out = {}
    for rule, owner in registry.rules:
        why = rule.explain or rule.summary
        out[rule.code] = Explanation(
            rule.code,
            rule.severity,
            rule.summary,
            rule.summary,
            why,
            "",
            rule.bad,
            rule.good,
            owner,
        )
    return out


def _with_a_sport(explanation: Explanation, registry: Registry) -> Explanation:
    """Fill `SPORT` and `PHASE` in with an installed sport, so the examples really run.

    The core names no sport; with none installed the placeholders stay as they are.
    """
    sports = [
        s for s in sorted(registry.vocabulary.sports.values(), key=lambda s: s.name) if s.phases
    ]
    if not sports:
        return explanation
    sport, phase = sports[0].name, sorted(sports[0].phases)[0]

    def fill(text: str) -> str:
        return text.replace("SPORT.PHASE", f"{sport}.{phase}").replace("SPORT", sport)

    return replace(
        explanation,
        **{
            name: fill(getattr(explanation, name))
            for name in ("meaning", "why", "fix", "bad", "good")
        },
    )


def everything(registry: Registry) -> dict[str, Explanation]:
    """Every code prog knows with these plugins: the core's, then the plugins', by code."""
    core = {**CORE, "P003": _with_a_sport(CORE["P003"], registry)}
    return {**core, **dict(sorted(for_plugins(registry).items()))}
