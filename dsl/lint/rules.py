"""The core's lint rules: a `RuleContext` in; `Finding`s for P101–P111 and P201–P202 out.

Each rule is a small function over the same `RuleContext` a plugin's rules get, listed in
`CORE` with its code and whether it reads the steps (a program with errors has none). The
engine turns them into `dsl.plugin.Rule`s and runs them exactly like a plugin's rules.

Step-based rules read the steps of one run in which every retest comes out `better`, so a
`try` keeps its first alternative.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from dsl import nodes as n
from dsl.hip import LIMIT, MOTIONS, PLANES
from dsl.interpreter import Step, Tweak
from dsl.nodes import anchor, last_statement
from dsl.plugin import Finding, RuleContext
from dsl.record import record
from dsl.vocabulary import FOOT_OPPOSITE, TWEAK_KINDS

TWEAK_OPS = frozenset(TWEAK_KINDS)
MAX_REPS, MAX_SETS, MAX_SECONDS = 50, 10, 600
RETEST = "re-test after each change so you know what works"



Check = Callable[[RuleContext], Iterable[Finding]]


@record
class CoreRule:
    code: str
    check: Check
    uses_steps: bool


# --- reading the program ---------------------------------------------------------------


def walk(statements: Iterable[n.Statement]) -> Iterator[n.Statement]:
    """Every statement, blocks before their contents, in source order."""
    for statement in statements:
        yield statement
        if isinstance(statement, n.Block):
            yield from walk(statement.body)


def is_library(program: n.Program) -> bool:
    """A file of `define`s (and context) only: a library for `include`, never run itself."""
    statements = program.statements
    return any(isinstance(s, n.Define) for s in statements) and all(
        isinstance(s, (n.Define, *n.CONTEXT)) for s in statements
    )


def _line_of(statement: n.Statement, file: str) -> str:
    span = statement.span
    return f"line {span.line}" if span.file == file else f"{span.file}:{span.line}"


def _adds_tweak(step: Step) -> bool:
    """A step that puts a tweak on (not `surface flat`, not `ground-reaction none`)."""
    node = step.node
    if step.op not in TWEAK_OPS:
        return False
    if isinstance(node, n.Surface):
        return node.kind.text != "flat"
    if isinstance(node, n.GroundReaction):
        return node.level.text != "none"
    return True


def _tweaks(tweaks: Iterable[Tweak]) -> str:
    return ", ".join(f"`{t.kind} {t.name}`" for t in tweaks)


# --- rules over the program text ---------------------------------------------------------


def no_target(ctx: RuleContext) -> Iterator[Finding]:
    statements = ctx.program.statements
    if not statements or is_library(ctx.program):
        return
    if any(isinstance(s, n.Target) for s in n.in_place(statements)) or (
        "target" in ctx.program.broken
    ):
        return  # a `target` line with a syntax error is reported as that, not as missing
    yield Finding(
        anchor(statements[0]),
        f"no `target` line: the program assumes the {ctx.target_side} {ctx.target_muscle}",
        hint="say which muscle this is for at the top, such as `target right glute-med`",
    )


def nothing_done(ctx: RuleContext) -> Iterator[Finding]:
    program = ctx.program
    statements = list(walk(program.statements))
    used = {s.name.text for s in statements if isinstance(s, n.Use)}
    library = is_library(program)
    for statement in statements:
        if isinstance(statement, n.Define) and not library and statement.name.text not in used:
            name = statement.name.text
            yield Finding(
                statement.name.span,
                f"`define {name}` is never used",
                hint=f"run it with `use {name}`, or delete it",
            )
        elif isinstance(statement, n.Phase):
            following = n.unindented_body(statement, program.statements)
            if following is not None:
                yield Finding(
                    anchor(statement),
                    f"phase `{statement.name.text}` has no statements: the lines after it are "
                    "not indented, so they belong to no phase",
                    hint=f"indent the lines that belong to `phase {statement.name.text}` "
                    "by 4 spaces (`prog fmt` keeps them so)",
                )
            elif not statement.body:
                yield Finding(
                    anchor(statement),
                    f"phase `{statement.name.text}` has no statements",
                    hint="give it the statements it stands for, or delete it",
                )
            elif all(isinstance(s, n.Note) for s in statement.body):
                yield Finding(
                    anchor(statement),
                    f"phase `{statement.name.text}` holds only notes: it asks nothing of the "
                    "patient",
                    hint="give it the statements it stands for, or move the notes",
                )
        elif isinstance(statement, n.Try) and len(statement.body) < 2:
            yield Finding(
                anchor(statement),
                "this `try` has one alternative: it tries nothing",
                hint="list at least two tweaks to try, or write the tweak on its own "
                "followed by `retest`",
            )


def dose_range(ctx: RuleContext) -> Iterator[Finding]:
    for statement in walk(ctx.program.statements):
        dose = getattr(statement, "dose", None)
        if not isinstance(dose, n.Dose):
            continue
        problems = []
        if dose.reps is not None and dose.reps > MAX_REPS:
            problems.append(f"{dose.reps} repetitions (usually at most {MAX_REPS})")
        if dose.sets is not None and dose.sets > MAX_SETS:
            problems.append(f"{dose.sets} sets (usually at most {MAX_SETS})")
        if dose.seconds is not None and dose.seconds > MAX_SECONDS:
            minutes = dose.seconds / 60
            problems.append(f"{minutes:g} minutes (usually at most {MAX_SECONDS // 60})")
        if problems:
            yield Finding(
                dose.span,
                f"`{dose.text()}` is out of the usual range: " + " and ".join(problems),
                hint="check the dose; if it is meant, add `# noqa: P109` to the line",
            )


# --- rules over the steps ------------------------------------------------------------------


def untested_mix(ctx: RuleContext) -> Iterator[Finding]:
    """P102: a second kind of tweak put on before the first one was retested."""
    pending: dict[str, Step] = {}  # kind -> the step that first put it on since a retest
    file = ctx.program.file
    for step in ctx.steps:
        if step.op == "retest":
            pending.clear()
            continue
        if step.in_try or not _adds_tweak(step):
            continue
        active = {(t.slot, t.name) for t in step.tweaks}
        earlier = [
            s
            for kind, s in pending.items()
            if kind != step.op and (s.tweaks[-1].slot, s.tweaks[-1].name) in active
        ]
        if earlier:
            first = earlier[0]
            yield Finding(
                anchor(step.node),
                f"`{step.text}` comes after `{first.text}` ({_line_of(first.node, file)}) "
                "with no `retest` between: nobody can tell which one worked",
                hint=f"add `retest` before this line: {RETEST}",
            )
        pending.setdefault(step.op, step)


def nothing_to_take(ctx: RuleContext) -> Iterator[Finding]:
    """P103: a taper, undo or restore that found nothing active."""
    for step in ctx.steps:
        if not step.missed or step.op not in ("taper", "undo", "restore"):
            continue
        if step.op == "restore":
            message = f"`{step.text}`: nothing of that is disadvantaged here"
            hint = "restore only a motion a `disadvantage` took away"
        elif step.op == "undo":
            message = "`undo` finds no active tweak to take away"
            hint = "`prog run` shows the tweaks active at each step"
        else:
            message = f"`{step.text}` finds no active tweak to taper"
            hint = "taper what is on; `prog run` shows the tweaks active at each step"
        yield Finding(anchor(step.node), message, hint=hint)


def _end_span(ctx: RuleContext) -> n.Span | None:
    last = last_statement(ctx.program.statements)
    return anchor(last) if last is not None else None


def no_carryover(ctx: RuleContext) -> Iterator[Finding]:
    """P104: tweaks still on after the last step."""
    span = _end_span(ctx)
    if not ctx.steps or span is None or not ctx.steps[-1].tweaks:
        return
    tweaks = ctx.steps[-1].tweaks
    noun = "a tweak" if len(tweaks) == 1 else "tweaks"
    yield Finding(
        span,
        f"the program ends with {noun} still on ({_tweaks(tweaks)}): no carryover to the "
        "pure function",
        hint=f"taper {'it' if len(tweaks) == 1 else 'them'} back (`taper all`), then `retest`",
    )


def early_disadvantage(ctx: RuleContext) -> Iterator[Finding]:
    """P105: a disadvantage while tweaks are on, or before any retest."""
    retested = False
    for step in ctx.steps:
        if step.op == "retest":
            retested = True
        if step.op != "disadvantage":
            continue
        if step.tweaks:
            yield Finding(
                anchor(step.node),
                f"`{step.text}` while tweaks are still on ({_tweaks(step.tweaks)}): taper back "
                "to the pure function first",
                hint="`taper all`, then `retest`, then disadvantage",
            )
        elif not retested:
            yield Finding(
                anchor(step.node),
                f"`{step.text}` before any `retest`: find a way to fire the muscle first",
                hint="fire it, `retest`, and disadvantage only once it fires",
            )


def opposite_foot(ctx: RuleContext) -> Iterator[Finding]:
    """P106: a foot position replaced by its opposite on the same foot."""
    for step in ctx.steps:
        old = step.replaced
        if step.op != "foot" or old is None or old.kind != "foot" or not step.tweaks:
            continue
        side, _, position = step.tweaks[-1].name.partition(" ")
        old_side, _, old_position = old.name.partition(" ")
        if side == old_side and FOOT_OPPOSITE.get(position) == old_position:
            yield Finding(
                anchor(step.node),
                f"`{step.text}` replaces `foot {old.name}`, its opposite: the second undoes "
                "the first",
                hint=f"to take `foot {old.name}` away write `undo` or `taper foot {side}`; "
                "to compare the two, use `try until better:`",
            )


def untested_end(ctx: RuleContext) -> Iterator[Finding]:
    """P107: the last change is not followed by a retest."""
    span = _end_span(ctx)
    if span is None:
        return
    last_change = None
    for step in ctx.steps:
        if step.op == "retest":
            last_change = None
        elif step.op != "note":
            last_change = step
    if last_change is not None:
        yield Finding(
            span,
            f"the last change, `{last_change.text}` "
            f"({_line_of(last_change.node, ctx.program.file)}), is never retested",
            hint=f"end the program with `retest`: {RETEST}",
        )


def driver_replaced(ctx: RuleContext) -> Iterator[Finding]:
    """P201: a driver replaced another on the same limb."""
    for step in ctx.steps:
        old = step.replaced
        if step.op == "driver" and old is not None and old.kind == "driver":
            limb = old.slot[1] if len(old.slot) > 1 else old.name.split()[0]
            yield Finding(
                anchor(step.node),
                f"`{step.text}` replaces `driver {old.name}`: a limb drives one way at a time",
                hint=f"from here on the {limb} drives only this way; if you meant both, "
                "give the other direction to another limb",
            )


def no_change(ctx: RuleContext) -> Iterator[Finding]:
    """P202: a tweak step that leaves the drive as it was."""
    before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    for step in ctx.steps:
        if step.op in TWEAK_OPS and step.drive == before:
            yield Finding(
                anchor(step.node), _no_change_message(step), hint=_no_change_hint(ctx, step)
            )
        before = step.drive


def _no_change_message(step: Step) -> str:
    figures = ", ".join(
        f"{plane} {value:+.2f}" for plane, value in zip(PLANES, step.drive, strict=True)
    )
    return f"`{step.text}` does not change the drive ({figures})"


def _no_change_hint(ctx: RuleContext, step: Step) -> str:
    if not _adds_tweak(step):
        return "there was nothing of that kind to take away; delete the line"
    effect = step.tweaks[-1].effect.as_tuple()
    if not any(effect):
        return (
            f"this tweak asks nothing of a {ctx.target_side} {ctx.target_muscle} hip; "
            "choose another (`prog vocab` lists each item's effect)"
        )
    capped = {MOTIONS[m].plane for m in step.disadvantaged if m in MOTIONS}
    held = [
        PLANES[i]
        for i, value in enumerate(effect)
        if value and (abs(step.drive[i]) >= LIMIT or i in capped)
    ]
    if held:
        return (
            f"the {' and '.join(held)} drive is already at its limit or held by a "
            "disadvantage; this tweak adds nothing there"
        )
    return "its effect cancels against what is already on; choose another"


MOVEMENT = (
    n.Pivot,
    n.Function,
    n.Driver,
    n.Foot,
    n.Surface,
    n.GroundReaction,
    n.Retest,
    n.Undo,
    n.Taper,
    n.Disadvantage,
    n.Restore,
    n.Use,
)


def _runs(statements: Iterable[n.Statement]) -> Iterator[n.Statement]:
    """The statements that run: everything but what a `define` holds."""
    for statement in statements:
        if isinstance(statement, n.Define):
            continue
        yield statement
        if isinstance(statement, n.Block):
            yield from _runs(statement.body)


def nothing_to_run(ctx: RuleContext) -> Iterator[Finding]:
    """P110: no movement statement runs (an empty file, comments, context or defines only)."""
    program = ctx.program
    if program.broken or any(isinstance(s, MOVEMENT) for s in _runs(program.statements)):
        return  # a line left out after a syntax error may well be the movement
    if program.statements:
        where = anchor(program.statements[0])
        what = (
            "only defines"
            if any(isinstance(s, n.Define) for s in program.statements)
            else "no movement statement"
        )
    else:
        where = n.Span(program.file, 1, 1, 1, 1)
        what = "no statement"
    yield Finding(
        where,
        f"nothing to run: the file has {what}, so `prog run` and `prog step` have nothing "
        "for the patient to do",
        hint="add the movements (`pivot frontal x10`, `retest`), or `use` a define; a "
        "library of defines for `include` can say `# noqa: P110` on this line",
    )


def no_advantage(ctx: RuleContext) -> Iterator[Finding]:
    """P111: a step that leaves the target muscle no favorable motion (advantage 0)."""
    before: Step | None = None
    for step in ctx.steps:
        entering = before is None or before.advantage != 0 or before.base != step.base
        if step.base is not None and step.advantage == 0 and entering:
            taken = ", ".join(step.disadvantaged)
            why = f" with {taken} disadvantaged" if taken else ""
            yield Finding(
                anchor(step.node),
                f"after `{step.text}` the {ctx.target_side} {ctx.target_muscle} has no "
                f"favorable motion left (advantage 0/3){why}: nothing helps it fire",
                hint="disadvantage it down to one or two of its motions, never none: "
                "restore a motion, or choose a base movement that keeps one",
            )
        before = step


CORE: tuple[CoreRule, ...] = (
    CoreRule("P101", no_target, uses_steps=False),
    CoreRule("P102", untested_mix, uses_steps=True),
    CoreRule("P103", nothing_to_take, uses_steps=True),
    CoreRule("P104", no_carryover, uses_steps=True),
    CoreRule("P105", early_disadvantage, uses_steps=True),
    CoreRule("P106", opposite_foot, uses_steps=True),
    CoreRule("P107", untested_end, uses_steps=True),
    CoreRule("P108", nothing_done, uses_steps=False),
    CoreRule("P109", dose_range, uses_steps=False),
    CoreRule("P110", nothing_to_run, uses_steps=False),
    CoreRule("P111", no_advantage, uses_steps=True),
    CoreRule("P201", driver_replaced, uses_steps=True),
    CoreRule("P202", no_change, uses_steps=True),
)
