"""Checks every sport plugin can reuse: the method's carryover rules, for one sport's function.

The method makes a muscle fire in the patient's own function, tweaks it, then tapers back to
"just doing the pure function" and fires it at a disadvantage in that function. For a sport,
"the function" is its phases (`function SPORT.PHASE`). Each factory here takes the sport's
name and the words a clinician uses for its function ("the swing", "a stroke", "the stride")
and returns a rule check; the plugin gives it its own code, texts and examples. Exposed to
plugins through `dsl.plugin`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from dsl.nodes import Span, anchor, last_statement

if TYPE_CHECKING:
    from dsl.interpreter import Step
    from dsl.plugin import Finding, RuleContext

Check = Callable[["RuleContext"], Iterator["Finding"]]

# Steps that change the prescription; `retest` and `note` do not.
CHANGES = frozenset(
    {
        "pivot",
        "function",
        "driver",
        "foot",
        "surface",
        "ground-reaction",
        "undo",
        "taper",
        "disadvantage",
        "restore",
    }
)


def _finding(span: Span, message: str) -> Finding:
    from dsl.plugin import Finding

    return Finding(span, message)


def sport_phase(step: Step, sport: str) -> str | None:
    """`function SPORT.PHASE` → `PHASE` when the step's base is one of `sport`'s, else None."""
    prefix = f"function {sport}."
    return step.base[len(prefix) :] if step.base and step.base.startswith(prefix) else None


def end_span(ctx: RuleContext) -> Span:
    """Where a finding about the whole program sits: its last statement (as P104 and P107)."""
    last = last_statement(ctx.program.statements)
    return anchor(last) if last is not None else ctx.steps[-1].node.span


def once(findings: Iterable[Finding]) -> Iterator[Finding]:
    """A statement inside a `define` used twice makes two steps: report it once."""
    seen: set[tuple[Span, str]] = set()
    for finding in findings:
        if (finding.span, finding.message) not in seen:
            seen.add((finding.span, finding.message))
            yield finding


def _active(ctx: RuleContext, sport: str) -> Sequence[Step]:
    """The steps, when the program says `sport NAME`; nothing otherwise."""
    return ctx.steps if sport in ctx.sports else ()


def back_to_pure_function(sport: str, function: str) -> Check:
    """After tweaking a sport phase, the tweaks must come off on that sport's function.

    Tweaks still on at the end are the core's P104; this covers the quieter case where they
    do come off, but on a pivot or another base instead of the sport's phase.
    """

    def check(ctx: RuleContext) -> Iterator[Finding]:
        steps = _active(ctx, sport)
        tweaked = [i for i, s in enumerate(steps) if sport_phase(s, sport) and s.tweaks]
        if not tweaked or steps[-1].tweaks:
            return
        after = steps[tweaked[-1] + 1 :]
        if any(sport_phase(s, sport) and not s.tweaks for s in after):
            return
        phase = sport_phase(steps[tweaked[-1]], sport)
        where = steps[-1].base or "no base movement"
        yield _finding(
            end_span(ctx),
            f"the tweaks on `function {sport}.{phase}` came off on `{where}`, never on "
            f"{function}: finish with `function {sport}.{phase}` and no tweaks, then `retest`",
        )

    return check


def disadvantage_in_function(sport: str, function: str) -> Check:
    """A disadvantage must be retested in a sport phase while it is in force."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        steps = _active(ctx, sport)

        def findings() -> Iterator[Finding]:
            for index, step in enumerate(steps):
                if step.op != "disadvantage":
                    continue
                if any(
                    later.op == "retest" and sport_phase(later, sport) and later.disadvantaged
                    for later in steps[index + 1 :]
                ):
                    continue
                yield _finding(
                    step.node.span,
                    f"`{step.text}` is never retested in {function}: while it is in force, "
                    f"set a `function {sport}.PHASE` and `retest`",
                )

        yield from once(findings())

    return check


def driver_on_function(sport: str, stance: str) -> Check:
    """A sport's driver on a base that is not one of the sport's phases."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        def findings() -> Iterator[Finding]:
            for step in _active(ctx, sport):
                if step.op != "driver" or sport_phase(step, sport) or not step.tweaks:
                    continue
                direction = step.tweaks[-1].name.partition(" ")[2]  # the driver just added
                if not direction.startswith(f"{sport}."):
                    continue
                yield _finding(
                    step.node.span,
                    f"`{direction}` is scored for {stance}, but the base is "
                    f"`{step.base or 'no base movement'}`; if this is not a deliberate bridge "
                    f"from the pivots, set a `function {sport}.PHASE` first",
                )

        yield from once(findings())

    return check


def phase_change_retested(sport: str, what: str) -> Check:
    """A new sport phase under active tweaks must be retested before the next change."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        steps = _active(ctx, sport)

        def findings() -> Iterator[Finding]:
            for index in range(1, len(steps)):
                step, before = steps[index], steps[index - 1]
                if step.op != "function" or not sport_phase(step, sport):
                    continue
                if step.base == before.base or not step.tweaks:
                    continue
                following = next((s for s in steps[index + 1 :] if s.op != "note"), None)
                if following is None or following.op not in CHANGES:
                    continue  # retested next, or the program ends (P107's business)
                yield _finding(
                    step.node.span,
                    f"the tweaks kept for `{before.base or 'no base movement'}` now run on "
                    f"`{step.text}`, and `{following.text}` follows before a `retest`: "
                    f"retest {what} first",
                )

        yield from once(findings())

    return check
