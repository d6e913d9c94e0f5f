"""Every code's failing and passing cases, as data (one row per case, grouped by code).

A `fail` row must report its code (on `line`, when given); a `pass` row must not. `plugins`
names the test plugins loaded for the row (see `lint_plugins`); `files` are written next
to the program (for includes). Adding a rule is adding rows here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    code: str
    expect: str  # "fail" or "pass"
    text: str
    why: str
    line: int | None = None
    plugins: tuple[str, ...] = ()
    files: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.code}-{self.expect}-{self.why.replace(' ', '-')}"


T = "target right glute-med\n"
FIRED = T + "pivot frontal x10\nretest single-leg-squat\n"
DONE = "taper all\nretest\n"


def fail(code: str, why: str, text: str, **extra: object) -> Case:
    return Case(code, "fail", text, why, **extra)  # type: ignore[arg-type]


def ok(code: str, why: str, text: str, **extra: object) -> Case:
    return Case(code, "pass", text, why, **extra)  # type: ignore[arg-type]


CASES: tuple[Case, ...] = (
    # P001 syntax
    fail("P001", "missing colon", T + "phase fire\n    pivot frontal\n    retest\n", line=2),
    fail("P001", "misspelt keyword", T + "pivto frontal\nretest\n", line=2),
    fail("P001", "tab indent", T + "phase fire:\n\tpivot frontal\n\tretest\n", line=3),
    fail("P001", "unclosed text", T + 'note "never closed\npivot frontal\nretest\n', line=2),
    ok(
        "P001",
        "block and one-liner",
        T + "phase fire:\n    pivot frontal\n    retest\nphase two: pivot sagittal; retest\n",
    ),
    # P002 unknown word
    fail("P002", "plane", T + "pivot frontl x10\nretest\n", line=2),
    fail("P002", "foot position", FIRED + "foot right narow\nretest\n", line=4),
    fail("P002", "muscle", "target right glute-mid\npivot frontal\nretest\n", line=1),
    ok("P002", "known words", FIRED + "foot right narrow\nretest\n" + DONE),
    # P003 sport word without its sport line
    fail(
        "P003",
        "sport phase",
        T + "function testball.swing x10\nretest\n",
        line=2,
        plugins=("testball",),
    ),
    ok(
        "P003",
        "with sport line",
        "target right glute-med\nsport testball\nfunction testball.swing x10\nretest\n",
        plugins=("testball",),
    ),
    # P004 plugin failures
    fail(
        "P004",
        "plugin fails to import",
        "sport broken\npivot frontal\nretest\n",
        line=1,
        plugins=("broken",),
    ),
    fail("P004", "plugin rule raises", FIRED, line=1, plugins=("shaky",)),
    ok(
        "P004",
        "plugins that work",
        "target right glute-med\nsport testball\npivot frontal\nretest\n",
        plugins=("testball",),
    ),
    # P005 limits
    fail("P005", "dose of zero", T + "pivot frontal x0\nretest\n", line=2),
    fail(
        "P005",
        "taper too long",
        FIRED + "driver right-hand overhead-left\nretest\ntaper driver over 30\nretest\n",
        line=6,
    ),
    fail("P005", "include escapes", 'include "../outside.prog"\n' + FIRED, line=1),
    fail(
        "P005",
        "include cycle",
        'include "a.prog"\n' + FIRED,
        line=1,
        files={"a.prog": 'include "b.prog"\n', "b.prog": 'include "a.prog"\n'},
    ),
    ok(
        "P005",
        "include inside",
        'include "lib.prog"\n' + T + "use warm-up\nretest\n",
        files={"lib.prog": "define warm-up:\n    pivot sagittal x10\n"},
    ),
    # P006 disadvantage not allowed
    fail("P006", "not favorable", FIRED + "disadvantage abduction\nretest\n", line=4),
    fail(
        "P006",
        "all favorable",
        FIRED + "disadvantage flexion, adduction, internal-rotation\nretest\n",
        line=4,
    ),
    ok("P006", "one favorable", FIRED + "disadvantage adduction\nretest\n"),
    # P007 context misplaced
    fail(
        "P007", "target after movement", "pivot frontal\ntarget right glute-med\nretest\n", line=2
    ),
    fail("P007", "second target", T + "target left glute-med\npivot frontal\nretest\n", line=2),
    ok("P007", "context first", 'program "x"\n' + FIRED),
    # P101 no target
    fail("P101", "no target", "pivot frontal x10\nretest\n", line=1),
    fail("P101", "on the first statement", 'program "t"\npivot frontal\nretest\n', line=1),
    ok("P101", "target given", FIRED),
    ok("P101", "library file", "define warm-up:\n    pivot sagittal x10\n"),
    # P102 two kinds of tweak without a retest between
    fail(
        "P102",
        "driver then foot",
        FIRED + "driver right-hand overhead-left\nfoot right narrow\nretest\n" + DONE,
        line=5,
    ),
    fail(
        "P102",
        "surface then ground",
        FIRED + "surface slope eversion\nground-reaction low\nretest\n" + DONE,
        line=5,
    ),
    ok(
        "P102",
        "two hand drivers",
        FIRED + "driver left-hand overhead-left\ndriver right-hand overhead-left\nretest\n" + DONE,
    ),
    ok(
        "P102",
        "retest between",
        FIRED + "driver right-hand overhead-left\nretest\nfoot right narrow\nretest\n" + DONE,
    ),
    ok(
        "P102",
        "try retests each",
        FIRED + "driver right-hand overhead-left\n"
        "try until better:\n    foot right narrow\n    foot right forward\n" + DONE,
    ),
    ok(
        "P102",
        "first one undone",
        FIRED + "driver right-hand overhead-left\nundo\nfoot right narrow\nretest\n" + DONE,
    ),
    # P103 taper, undo, restore of nothing
    fail("P103", "taper nothing", FIRED + "taper foot\nretest\n", line=4),
    fail("P103", "undo nothing", FIRED + "undo\nretest\n", line=4),
    fail("P103", "restore nothing", FIRED + "restore adduction\nretest\n", line=4),
    ok("P103", "taper what is on", FIRED + "foot right narrow\nretest\ntaper foot right\nretest\n"),
    # P104 tweaks still on at the end
    fail("P104", "driver left on", FIRED + "driver right-hand overhead-left\nretest\n", line=5),
    fail(
        "P104",
        "half tapered",
        FIRED + "foot right narrow\nretest\ntaper foot\nretest\nfoot left wide\nretest\n",
        line=9,
    ),
    ok("P104", "tapered", FIRED + "driver right-hand overhead-left\nretest\n" + DONE),
    # P105 disadvantage too early
    fail(
        "P105",
        "tweaks still on",
        FIRED + "driver right-hand overhead-left\nretest\ndisadvantage adduction\nretest\n" + DONE,
        line=6,
    ),
    fail(
        "P105",
        "before any retest",
        T + "pivot frontal x10\ndisadvantage adduction\nretest\n",
        line=3,
    ),
    ok(
        "P105",
        "after the taper",
        FIRED
        + "driver right-hand overhead-left\nretest\n"
        + DONE
        + "disadvantage adduction\nretest\n",
    ),
    # P106 opposite foot position
    fail(
        "P106",
        "narrow then wide",
        FIRED + "foot right narrow\nretest\nfoot right wide\nretest\n" + DONE,
        line=6,
    ),
    ok("P106", "other foot", FIRED + "foot right narrow\nretest\nfoot left wide\nretest\n" + DONE),
    ok(
        "P106",
        "other axis",
        FIRED + "foot right narrow\nretest\nfoot right forward\nretest\n" + DONE,
    ),
    # P107 no retest after the last change
    fail(
        "P107",
        "ends on a taper",
        FIRED + "driver right-hand overhead-left\nretest\ntaper all\n",
        line=6,
    ),
    fail(
        "P107",
        "ends in a phase",
        T + "phase fire:\n    pivot frontal\n    retest\nphase carry:\n    pivot sagittal\n",
        line=6,
    ),
    ok("P107", "ends on a retest", FIRED + "driver right-hand overhead-left\nretest\n" + DONE),
    ok("P107", "note after the retest", FIRED + 'note "well done"\n'),
    # P108 things that do nothing
    fail(
        "P108",
        "unused define",
        T + "define warm-up:\n    pivot sagittal\npivot frontal\nretest\n",
        line=2,
    ),
    fail(
        "P108",
        "one alternative",
        FIRED + "try until better:\n    foot right narrow\n" + DONE,
        line=4,
    ),
    fail(
        "P108",
        "phase of notes",
        T + 'phase later:\n    note "to do"\npivot frontal\nretest\n',
        line=2,
    ),
    fail("P108", "unused noqa", T + "pivot frontal x10  # noqa: P109\nretest\n", line=2),
    fail("P108", "blanket noqa", T + "pivot frontal x10\nretest  # noqa\n", line=3),
    ok(
        "P108",
        "define used",
        T + "define warm-up:\n    pivot sagittal\nuse warm-up\npivot frontal\nretest\n",
    ),
    ok("P108", "noqa that works", T + "pivot frontal x100  # noqa: P109\nretest\n"),
    ok("P108", "library file", "define warm-up:\n    pivot sagittal\n"),
    # P109 dose out of range
    fail("P109", "reps", T + "pivot frontal x60\nretest\n", line=2),
    fail("P109", "sets", T + "pivot frontal 11x10\nretest\n", line=2),
    fail("P109", "minutes", T + "pivot frontal for 11m\nretest\n", line=2),
    ok(
        "P109",
        "at the limits",
        T + "pivot frontal x50\npivot sagittal 10x50\npivot transverse for 10m\nretest\n",
    ),
    # P110 nothing to run
    fail("P110", "empty file", "", line=1),
    fail("P110", "comments only", "# a plan for later\n# nothing yet\n", line=1),
    fail("P110", "context only", T + 'program "Later"\n', line=1),
    fail("P110", "defines only", T + "define w:\n    pivot frontal\n", line=1),
    ok("P110", "a library that says so", "define w:  # noqa: P110\n    pivot frontal\n"),
    ok("P110", "a use runs a define", T + "define w:\n    pivot frontal\nuse w\nretest\n"),
    ok("P110", "a movement", FIRED),
    ok("P110", "its movement has a syntax error", T + "pivot\n"),
    # P111 advantage 0
    fail(
        "P111",
        "disadvantage takes the only motion",
        FIRED.replace("frontal", "sagittal") + "disadvantage flexion\nretest\n",
        line=4,
    ),
    fail(
        "P111",
        "reverse of the only motion",
        FIRED + "disadvantage adduction reverse\nretest\n",
        line=4,
    ),
    ok("P111", "one motion left", FIRED + "disadvantage flexion\nretest\n"),
    # P201 driver replaced on the same limb
    fail(
        "P201",
        "same hand",
        FIRED + "driver right-hand overhead-left\nretest\n"
        "driver right-hand forward\nretest\n" + DONE,
        line=6,
    ),
    ok(
        "P201",
        "other hand",
        FIRED + "driver right-hand overhead-left\nretest\n"
        "driver left-hand forward\nretest\n" + DONE,
    ),
    # P202 a tweak that changes nothing
    fail("P202", "no effect on this hip", FIRED + "foot left turned-in\nretest\n" + DONE, line=4),
    fail(
        "P202",
        "already at the limit",
        FIRED + "driver right-hand overhead-left\nretest\nfoot right narrow\nretest\n" + DONE,
        line=6,
    ),
    ok("P202", "a tweak that moves the hip", FIRED + "foot right turned-in\nretest\n" + DONE),
    # a plugin's rule, through the same machinery
    fail(
        "X101",
        "plugin rule",
        "target right glute-med\nsport testball\npivot transverse x10\nretest\n",
        line=3,
        plugins=("testball",),
    ),
    ok(
        "X101",
        "plugin rule",
        "target right glute-med\nsport testball\npivot frontal x10\nretest\n",
        plugins=("testball",),
    ),
)
