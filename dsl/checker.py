"""Checker: a parsed `Program` in; a `Checked` program of resolved ops and P002–P007 out.

It settles everything that does not depend on a retest's outcome: context and placement,
includes (sandbox, cycles, depth), every word against the vocabulary in force, defines and
their recursion, disadvantages, doses and the 100,000-step ceiling. The step count is
computed per define, once, so a define chain that multiplies to billions is caught at once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dsl import canonical, ops
from dsl import nodes as n
from dsl.diagnostics import SHOWN_ORDER, Diagnostic, closest, make, unknown_word
from dsl.hip import MOTIONS, Motion
from dsl.parser import GAVE_UP, parse
from dsl.record import record
from dsl.registry import Registry
from dsl.source import Unreadable, read_path
from dsl.vocabulary import (
    CORE_DIRECTIONS,
    FOOT_AXIS,
    GROUND_EFFECTS,
    GROUND_OFF,
    PLANE_EFFECTS,
    RESTORE_ALL,
    SIDES,
    SURFACE_EFFECTS,
    SURFACE_KINDS,
    TAPER_KINDS,
    Vocabulary,
)

MAX_STEPS = 100_000
MAX_INCLUDE_DEPTH = 16
MAX_ALTERNATIVES = 16
MAX_TAPER = 20
DEFAULT_TAPER = 3
DEFAULT_TARGET = ("right", "glute-med")


@record
class DefineInfo:
    node: n.Define
    body: tuple[ops.Op, ...]


@dataclass
class Checked:
    """A program ready to run: context settled, every statement resolved to an op."""

    program: n.Program
    title: str | None
    target_side: str
    target_muscle: str
    has_target: bool
    favorable: tuple[Motion, ...]
    sports: dict[str, str]  # sport -> handedness, in the order of their lines
    body: tuple[ops.Op, ...]
    defines: dict[str, DefineInfo]
    max_steps: int
    includes: list[str] = field(default_factory=list)


class _Context:
    """What the checker knows while it resolves statements."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.vocabulary: Vocabulary = registry.vocabulary
        self.diagnostics: list[Diagnostic] = []
        self.sports: dict[str, str] = {}
        self.side, self.muscle = DEFAULT_TARGET
        self.defines: dict[str, n.Define] = {}
        self.sport_line_broken = False  # a `sport` line with a syntax error was left out
        # A define may be missing because its file could not be included, or its line had
        # a syntax error: a `use` of it is then not reported as unknown, which would only
        # repeat that error in worse words.
        self.defines_lost = False

    def report(self, diagnostic: Diagnostic) -> None:
        # After a broken `sport` line nobody knows which sports were meant to be on: saying
        # "that sport is not on" would only repeat the syntax error, in worse words.
        if diagnostic.code == "P003" and self.sport_line_broken:
            return
        self.diagnostics.append(diagnostic)

    @property
    def left(self) -> bool:
        return self.side == "left"


def check(
    program: n.Program, registry: Registry, *, root: Path | None = None
) -> tuple[Checked, list[Diagnostic]]:
    """Resolve and validate `program`. `root` is the folder includes must stay inside."""
    ctx = _Context(registry)
    ctx.sport_line_broken = "sport" in program.broken
    ctx.defines_lost = _defines_lost(program)
    title, has_target = _context(program, ctx)
    favorable = (
        ctx.vocabulary.muscles[ctx.muscle].favorable
        if ctx.muscle in (ctx.vocabulary.muscles)
        else ctx.vocabulary.muscles[DEFAULT_TARGET[1]].favorable
    )
    includes: list[str] = []
    wanted = [s for s in program.statements if isinstance(s, n.Include)]
    if wanted:  # real paths only then: most programs include nothing
        stdin = program.file == "<stdin>"
        base = os.path.dirname(program.file) if not stdin else ""  # "": the current folder
        inside = _real_folder(os.path.join(os.getcwd(), root if root is not None else base))
        stack = [_real(program.file)] if not stdin else []
        for statement in wanted:
            _include(statement, base, inside, stack, ctx, includes)
    _collect_defines(program.statements, ctx)

    define_bodies = {
        name: DefineInfo(node, _resolve_body(node.body, ctx, where="define"))
        for name, node in ctx.defines.items()
    }
    body = _resolve_body(
        tuple(s for s in program.statements if not isinstance(s, n.Define)), ctx, where="top"
    )
    counts = _define_counts(define_bodies, ctx)
    total = _check_step_limit(body, counts, ctx)
    checked = Checked(
        program,
        title,
        ctx.side,
        ctx.muscle,
        has_target,
        favorable,
        dict(ctx.sports),
        body,
        define_bodies,
        total,
        includes,
    )
    if total <= MAX_STEPS:
        _check_disadvantages(checked, ctx)
    return checked, sorted(ctx.diagnostics, key=SHOWN_ORDER)


# --- context -------------------------------------------------------------------------


def _context(program: n.Program, ctx: _Context) -> tuple[str | None, bool]:
    """Title, target and sports from the top of the file; P007 for misplaced context."""
    title: str | None = None
    target: n.Target | None = None
    started = False
    for statement in n.in_place(program.statements):
        if isinstance(statement, n.CONTEXT):
            if started:
                ctx.report(
                    make(
                        "P007",
                        f"`{statement.op}` must come before the first movement",
                        statement.span,
                        hint="put program, target, sport and include lines at the top of the file",
                    )
                )
                continue
            if isinstance(statement, n.ProgramTitle):
                if title is not None:
                    ctx.report(
                        make(
                            "P007",
                            "a second `program` line",
                            statement.span,
                            hint="a program has one title",
                        )
                    )
                title = statement.title
            elif isinstance(statement, n.Target):
                if target is not None:
                    ctx.report(
                        make(
                            "P007",
                            "a second `target` line",
                            statement.span,
                            hint="a program works on one hip",
                        )
                    )
                    continue
                target = statement
                _target(statement, ctx)
            elif isinstance(statement, n.SportLine):
                _sport(statement, ctx)
        elif not isinstance(statement, n.Define):
            started = True
        if isinstance(statement, n.Block):
            _misplaced_context(statement.body, ctx)
    _unique_phases(tuple(n.in_place(program.statements)), ctx)
    return title, target is not None


def _unique_phases(statements: tuple[n.Statement, ...], ctx: _Context) -> None:
    seen: dict[str, n.Phase] = {}
    for statement in statements:
        if isinstance(statement, n.Phase):
            first = seen.setdefault(statement.name.text, statement)
            if first is not statement:
                ctx.report(
                    make(
                        "P007",
                        f"a second phase `{statement.name.text}` (the first is on line "
                        f"{first.span.line})",
                        statement.name.span,
                        hint="phase names are unique in a file; name this stage differently",
                    )
                )


def _misplaced_context(body: tuple[n.Statement, ...], ctx: _Context) -> None:
    for statement in body:
        if isinstance(statement, n.CONTEXT):
            ctx.report(
                make(
                    "P007",
                    f"`{statement.op}` belongs at the top of the file, not inside a block",
                    statement.span,
                )
            )
        elif isinstance(statement, n.Block):
            _misplaced_context(statement.body, ctx)


def _target(statement: n.Target, ctx: _Context) -> None:
    side, muscle = statement.side, statement.muscle
    if side.text not in SIDES:
        ctx.report(unknown_word("P002", "side", side.text, side.span, SIDES))
    else:
        ctx.side = side.text
    if muscle.text not in ctx.vocabulary.muscles:
        ctx.report(unknown_word("P002", "muscle", muscle.text, muscle.span, ctx.vocabulary.muscles))
    else:
        ctx.muscle = muscle.text


def _sport(statement: n.SportLine, ctx: _Context) -> None:
    name = statement.name
    handed = "right"
    if statement.handed is not None:
        if statement.handed.text not in SIDES:
            ctx.report(
                unknown_word("P002", "hand", statement.handed.text, statement.handed.span, SIDES)
            )
        else:
            handed = statement.handed.text
    if name.text in ctx.sports:
        ctx.report(make("P007", f"`sport {name.text}` is already on", statement.span))
        return
    failure = ctx.registry.failure_for_sport(name.text)
    if name.text not in ctx.vocabulary.sports:
        if failure is not None:
            ctx.report(
                make(
                    "P004",
                    f"the `{name.text}` plugin {failure}; its words are left out",
                    name.span,
                    hint="`prog plugins` shows every plugin and its state",
                )
            )
        else:
            ctx.report(
                unknown_word(
                    "P002",
                    "sport",
                    name.text,
                    name.span,
                    ctx.vocabulary.sports,
                    hint="`prog plugins` lists the sports installed",
                )
            )
        return
    ctx.sports[name.text] = handed


# --- includes and defines ------------------------------------------------------------


def _real(path: str) -> str:
    """`os.path.realpath(path)`, with the folder resolved once per process.

    A clinic's programs sit in a few folders, and resolving every folder of every path
    again (an `lstat` per part) was a thirtieth of linting a library. Only the last part is
    looked at each time, so a program or library that is itself a symlink is still
    followed; a folder whose symlinks change while prog runs is not seen again.
    """
    folder, name = os.path.split(path)
    if name in ("", ".", ".."):
        return os.path.realpath(path)
    joined = os.path.join(_real_folder(os.path.join(os.getcwd(), folder)), name)
    try:
        if stat.S_ISLNK(os.lstat(joined).st_mode):
            return os.path.realpath(joined)
    except OSError:
        pass  # not there (yet): realpath would leave the name as it is, too
    return joined


@lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _inside(path: str, folder: str) -> bool:
    """Whether the real path `path` is in the real folder `folder` (or is that folder)."""
    return path == folder or path.startswith(os.path.join(folder, ""))


def _defines_lost(program: n.Program) -> bool:
    """Whether a syntax error may have cost `program` a define."""
    return "define" in program.broken or GAVE_UP in program.broken


def _include(
    statement: n.Include,
    base: str,
    inside: str,
    stack: list[str],
    ctx: _Context,
    includes: list[str],
) -> None:
    """Bring in the defines of the file `statement` names, relative to the folder `base`,
    if its real path is in the real folder `inside` and it is not already being included
    (`stack`: the real paths of the files including it)."""
    raw = statement.path
    span = statement.path_span
    if "\0" in raw:
        _refused(
            ctx,
            make(
                "P005",
                "an include path cannot hold a NUL character",
                span,
                hint='write the path from this file\'s folder, such as "lib/warmup.prog"',
            )
        )
        return
    if not raw or os.path.isabs(raw) or raw.startswith(("/", "\\")) or ":" in raw:
        _refused(
            ctx,
            make(
                "P005",
                f"`{raw}`: an include is a relative path",
                span,
                hint='write the path from this file\'s folder, such as "lib/warmup.prog"',
            )
        )
        return
    target = os.path.join(base, raw)
    real = _real(target)
    if not _inside(real, inside):
        _refused(
            ctx,
            make(
                "P005",
                f"`{raw}` is outside the program's folder",
                span,
                hint="includes must stay inside the folder of the file prog was given",
            )
        )
        return
    if real in stack:
        chain = " → ".join(os.path.basename(p) for p in [*stack[stack.index(real) :], real])
        ctx.report(make("P005", f"include cycle: {chain}", span))
        return
    if len(stack) > MAX_INCLUDE_DEPTH:
        _refused(ctx, make("P005", f"includes nested deeper than {MAX_INCLUDE_DEPTH}", span))
        return
    display = os.path.normpath(target)
    if display in includes:
        return  # already brought in through another include
    try:
        source, problems = read_path(target)
    except Unreadable as error:
        _refused(ctx, make("P005", f"cannot include `{raw}`: {error.reason}", span))
        return
    includes.append(display)
    ctx.diagnostics.extend(problems)
    if source is None:  # not UTF-8, or too large: none of its defines is known
        ctx.defines_lost = True
        return
    source = type(source)(display, source.text, source.path)
    program, syntax = parse(source, ctx.registry.words)
    ctx.diagnostics.extend(syntax)
    ctx.defines_lost = ctx.defines_lost or _defines_lost(program)
    for child in program.statements:
        if isinstance(child, n.Include):
            _include(child, os.path.dirname(target), inside, [*stack, real], ctx, includes)
        elif isinstance(child, n.Define):
            _add_define(child, ctx)
        elif not isinstance(child, n.CONTEXT):
            ctx.report(
                make(
                    "P007",
                    f"an included file lends only its defines; this `{child.op}` is never run",
                    child.span,
                    hint="move it into a `define`, or into the program that includes this file",
                )
            )


def _refused(ctx: _Context, diagnostic: Diagnostic) -> None:
    """An include that brings in nothing: reported, and its defines counted as lost."""
    ctx.report(diagnostic)
    ctx.defines_lost = True


def _collect_defines(statements: tuple[n.Statement, ...], ctx: _Context) -> None:
    for statement in statements:
        if isinstance(statement, n.Define):
            _add_define(statement, ctx)


def _add_define(node: n.Define, ctx: _Context) -> None:
    name = node.name.text
    previous = ctx.defines.get(name)
    if previous is not None:
        where = f"{previous.span.file}:{previous.span.line}"
        ctx.report(make("P007", f"`define {name}` repeats the one at {where}", node.name.span))
        return
    ctx.defines[name] = node


# --- statements ----------------------------------------------------------------------


def _resolve_body(
    statements: tuple[n.Statement, ...], ctx: _Context, *, where: str
) -> tuple[ops.Op, ...]:
    out: list[ops.Op] = []
    for statement in statements:
        if isinstance(statement, n.CONTEXT):
            continue
        if isinstance(statement, n.StrayBlock):
            out.extend(_resolve_body(statement.body, ctx, where=where))
            continue
        op = _resolve(statement, ctx, where)
        if op is not None:
            out.append(op)
    return tuple(out)


def _resolve(statement: n.Statement, ctx: _Context, where: str) -> ops.Op | None:
    resolver = _RESOLVERS.get(type(statement))
    if resolver is not None:
        return resolver(statement, ctx)
    if isinstance(statement, n.Phase):
        if where != "top":
            ctx.report(
                make(
                    "P001",
                    "phases do not nest; a phase belongs at the top level",
                    statement.header_span,
                )
            )
        if not statement.body:
            return None
        return ops.Phase(
            statement, statement.name.text, _resolve_body(statement.body, ctx, where="phase")
        )
    if isinstance(statement, n.Define):
        ctx.report(
            make("P001", "a `define` belongs at the top level of the file", statement.header_span)
        )
        return None
    if isinstance(statement, n.Try):
        return _try(statement, ctx)
    return None


def _pivot(node: n.Pivot, ctx: _Context) -> ops.Op | None:
    _dose(node.dose, ctx)
    plane = node.plane.text
    if plane not in PLANE_EFFECTS:
        ctx.report(unknown_word("P002", "plane", plane, node.plane.span, PLANE_EFFECTS))
        return None
    return ops.SetBase(node, f"pivot {plane}", PLANE_EFFECTS[plane])


def _sport_word(
    word: n.Word, kind: str, ctx: _Context, unknown: Callable[[], list[str]] | None = None
) -> tuple[str, str] | None:
    """Resolve a sport's phase or direction, qualified or not, to (sport, name).

    On failure it reports why (P002, P003 or P004) and returns None. `unknown` gives the
    words to suggest when the word is nobody's (asked only then: a list costs a look
    through every driver).
    """
    vocabulary = ctx.vocabulary
    owners = vocabulary.sport_of_phase if kind == "phase" else vocabulary.sport_of_direction
    if "." in word.text:
        sport, _, name = word.text.partition(".")
        if sport not in vocabulary.sports:
            failure = ctx.registry.failure_for_sport(sport)
            if failure is not None:
                ctx.report(make("P004", f"the `{sport}` plugin {failure}", word.span))
            else:
                ctx.report(unknown_word("P002", "sport", sport, word.span, vocabulary.sports))
            return None
        if sport not in ctx.sports:
            ctx.report(_not_on(word.text, sport, word.span))
            return None
        if sport not in owners(name):
            entry = vocabulary.sports[sport]
            names = entry.phases if kind == "phase" else entry.directions
            ctx.report(unknown_word("P002", f"{sport} {kind}", name, word.span, names))
            return None
        return sport, name
    candidates = owners(word.text)
    active = [sport for sport in candidates if sport in ctx.sports]
    if len(active) == 1:
        return active[0], word.text
    if len(active) > 1:
        choices = " or ".join(f"`{sport}.{word.text}`" for sport in active)
        ctx.report(
            make("P002", f"`{word.text}` is a {kind} of several sports; write {choices}", word.span)
        )
        return None
    if candidates:
        ctx.report(_not_on(word.text, candidates[0], word.span))
        return None
    if unknown is not None:
        suggested = unknown()
    else:
        suggested = [
            f"{sport}.{name}" for sport in ctx.sports for name in vocabulary.sports[sport].phases
        ]
    hint = None if suggested or kind != "phase" else "add a `sport` line to use its phases"
    ctx.report(
        unknown_word(
            "P002",
            f"sport {kind}" if kind == "phase" else kind,
            word.text,
            word.span,
            suggested,
            hint=hint,
        )
    )
    return None


def _not_on(word: str, sport: str, span: n.Span) -> Diagnostic:
    return make(
        "P003",
        f"`{word}` is a {sport} word, but `sport {sport}` is not on",
        span,
        hint=f"add `sport {sport}` at the top of the file",
    )


def _function(node: n.Function, ctx: _Context) -> ops.Op | None:
    _dose(node.dose, ctx)
    found = _sport_word(node.phase, "phase", ctx)
    if found is None:
        return None
    sport, phase = found
    effect = ctx.vocabulary.phase_effect(
        sport, phase, left_target=ctx.left, handed=ctx.sports[sport]
    )
    return ops.SetBase(node, f"function {sport}.{phase}", effect)


def _driver(node: n.Driver, ctx: _Context) -> ops.AddTweak | None:
    limb, direction = node.limb.text, node.direction.text
    vocabulary = ctx.vocabulary
    owner = vocabulary.limbs.get(limb, "?")
    if owner == "?":
        usable = [
            name for name, sport in vocabulary.limbs.items() if sport is None or sport in ctx.sports
        ]
        ctx.report(unknown_word("P002", "limb", limb, node.limb.span, usable))
        return None
    if owner is not None and owner not in ctx.sports:
        ctx.report(_not_on(limb, owner, node.limb.span))
        return None

    def directions() -> list[str]:
        """The directions this limb can drive with the sports on: only for a message."""
        return [
            d
            for d in vocabulary.directions_for(limb, left_target=ctx.left)
            if "." not in d or d.partition(".")[0] in ctx.sports
        ]

    handed = "right"
    if "." in direction or direction not in CORE_DIRECTIONS:
        found = _sport_word(node.direction, "direction", ctx, unknown=directions)
        if found is None:
            return None
        sport, name = found
        direction, handed = f"{sport}.{name}", ctx.sports[sport]
    effect = vocabulary.driver_effect(limb, direction, left_target=ctx.left, handed=handed)
    if effect is None:
        drives = directions()
        drivers = vocabulary.limbs_for(direction, left_target=ctx.left)
        hint = f"{limb} drives: " + ", ".join(drives) if drives else None
        if hint is None and drivers:
            hint = f"`{direction}` is driven by: " + ", ".join(drivers)
        ctx.report(make("P002", f"`{limb}` cannot drive `{direction}`", node.direction.span,
                        hint=hint))
        return None
    return ops.AddTweak(node, "driver", f"{limb} {direction}", ("driver", limb), effect)


def _foot(node: n.Foot, ctx: _Context) -> ops.AddTweak | None:
    side, position = node.side.text, node.position.text
    ok = True
    if side not in SIDES:
        ctx.report(unknown_word("P002", "side", side, node.side.span, SIDES))
        ok = False
    if position not in FOOT_AXIS:
        ctx.report(unknown_word("P002", "foot position", position, node.position.span, FOOT_AXIS))
        ok = False
    if not ok:
        return None
    effect = Vocabulary.foot_effect(side, position, left_target=ctx.left)
    return ops.AddTweak(
        node, "foot", f"{side} {position}", ("foot", side, FOOT_AXIS[position]), effect
    )


def _surface(node: n.Surface, ctx: _Context) -> ops.Op | None:
    kind = node.kind.text
    if kind == "flat":
        if node.direction is not None:
            ctx.report(make("P001", "`surface flat` takes no direction", node.direction.span))
            return None
        return ops.RemoveTweak(node, "surface")
    if kind != "slope":
        ctx.report(unknown_word("P002", "surface", kind, node.kind.span, SURFACE_KINDS))
        return None
    if node.direction is None:
        ctx.report(
            make(
                "P001",
                "a slope needs a direction: eversion or inversion",
                node.span,
                hint="write `surface slope eversion` or `surface slope inversion`",
            )
        )
        return None
    direction = node.direction.text
    if direction not in SURFACE_EFFECTS:
        ctx.report(
            unknown_word("P002", "slope direction", direction, node.direction.span, SURFACE_EFFECTS)
        )
        return None
    return ops.AddTweak(
        node, "surface", f"slope {direction}", ("surface",), SURFACE_EFFECTS[direction]
    )


def _ground(node: n.GroundReaction, ctx: _Context) -> ops.Op | None:
    level = node.level.text
    if level == GROUND_OFF:
        return ops.RemoveTweak(node, "ground-reaction")
    if level not in GROUND_EFFECTS:
        levels = [*GROUND_EFFECTS, GROUND_OFF]
        ctx.report(unknown_word("P002", "level", level, node.level.span, levels))
        return None
    return ops.AddTweak(node, "ground-reaction", level, ("ground-reaction",), GROUND_EFFECTS[level])


def _retest(node: n.Retest, ctx: _Context) -> ops.Op:
    return ops.Retest(node, node.test.text if node.test else None)


def _undo(node: n.Undo, ctx: _Context) -> ops.Op:
    return ops.Undo(node)


def _taper(node: n.Taper, ctx: _Context) -> ops.Op | None:
    over = DEFAULT_TAPER if node.over is None else node.over
    if not 1 <= over <= MAX_TAPER:
        ctx.report(
            make(
                "P005",
                f"`over {over}`: a taper takes 1 to {MAX_TAPER} steps",
                node.over_span or node.span,
            )
        )
        return None
    kind, *rest = node.ref
    if kind.text not in TAPER_KINDS:
        ctx.report(unknown_word("P002", "taper reference", kind.text, kind.span, TAPER_KINDS))
        return None
    qualifier = rest[0] if rest else None
    if qualifier is not None:
        if kind.text == "foot" and qualifier.text not in SIDES:
            ctx.report(unknown_word("P002", "side", qualifier.text, qualifier.span, SIDES))
            return None
        if kind.text == "driver" and qualifier.text not in ctx.vocabulary.limbs:
            ctx.report(
                unknown_word("P002", "limb", qualifier.text, qualifier.span, ctx.vocabulary.limbs)
            )
            return None
        if kind.text not in ("foot", "driver"):
            ctx.report(make("P001", f"`taper {kind.text}` takes no further word", qualifier.span))
            return None
    return ops.Taper(
        node, None if kind.text == "all" else kind.text, qualifier.text if qualifier else None, over
    )


def _motions(words: tuple[n.Word, ...], ctx: _Context) -> tuple[Motion, ...] | None:
    motions = []
    for word in words:
        motion = MOTIONS.get(word.text)
        if motion is None:
            ctx.report(unknown_word("P002", "motion", word.text, word.span, MOTIONS))
            return None
        motions.append(motion)
    return tuple(motions)


def _disadvantage(node: n.Disadvantage, ctx: _Context) -> ops.Op | None:
    motions = _motions(node.motions, ctx)
    if motions is None:
        return None
    favorable = {m.name for m in ctx.vocabulary.muscles[ctx.muscle].favorable}
    for word, motion in zip(node.motions, motions, strict=True):
        if motion.name not in favorable:
            ctx.report(
                make(
                    "P006",
                    f"`{motion.name}` does not help the {ctx.muscle}, so it cannot be taken away",
                    word.span,
                    hint="its favorable motions are " + ", ".join(sorted(favorable)),
                )
            )
            return None
    return ops.Disadvantage(node, motions, node.reverse)


def _restore(node: n.Restore, ctx: _Context) -> ops.Op | None:
    if len(node.motions) == 1 and node.motions[0].text == RESTORE_ALL:
        return ops.Restore(node, None)
    motions = _motions(node.motions, ctx)
    return ops.Restore(node, motions) if motions is not None else None


def _note(node: n.Note, ctx: _Context) -> ops.Op:
    return ops.Note(node, node.text)


def _use(node: n.Use, ctx: _Context) -> ops.Op | None:
    name = node.name.text
    if name not in ctx.defines:
        # A define that may have been lost is not reported unknown, unless the name is a
        # slip of one that is known: that is a typo whatever else went wrong.
        if not ctx.defines_lost or closest(name, ctx.defines) is not None:
            ctx.report(unknown_word("P002", "define", name, node.name.span, ctx.defines))
        return None
    return ops.Use(node, name)


def _try(node: n.Try, ctx: _Context) -> ops.Op | None:
    alternatives: list[ops.AddTweak] = []
    if len(node.body) > MAX_ALTERNATIVES:
        ctx.report(
            make(
                "P005",
                f"a try holds 2 to {MAX_ALTERNATIVES} alternatives, this one {len(node.body)}",
                node.header_span,
            )
        )
        return None
    for statement in node.body:
        if not isinstance(statement, n.TWEAKS):
            ctx.report(
                make(
                    "P001",
                    f"a try tries tweaks; `{statement.op}` is not one",
                    statement.span,
                    hint="each line of a try is a driver, foot, surface or ground-reaction tweak",
                )
            )
            continue
        op = _resolve(statement, ctx, "try")
        if isinstance(op, ops.RemoveTweak):
            ctx.report(
                make(
                    "P001",
                    f"`{canonical.text(statement)}` takes a tweak away; a try adds one",
                    statement.span,
                )
            )
        elif isinstance(op, ops.AddTweak):
            alternatives.append(op)
    return ops.Try(node, tuple(alternatives)) if alternatives else None


def _dose(dose: n.Dose | None, ctx: _Context) -> None:
    if dose is None:
        return
    if dose.reps == 0 or dose.sets == 0 or dose.seconds == 0:
        ctx.report(make("P005", f"a dose of zero (`{dose.text()}`) prescribes nothing", dose.span))


_RESOLVERS: dict[type, Callable[..., ops.Op | None]] = {
    n.Pivot: _pivot,
    n.Function: _function,
    n.Driver: _driver,
    n.Foot: _foot,
    n.Surface: _surface,
    n.GroundReaction: _ground,
    n.Retest: _retest,
    n.Undo: _undo,
    n.Taper: _taper,
    n.Disadvantage: _disadvantage,
    n.Restore: _restore,
    n.Note: _note,
    n.Use: _use,
}


# --- whole-program checks ------------------------------------------------------------


def _uses(body: tuple[ops.Op, ...]) -> list[ops.Use]:
    found: list[ops.Use] = []
    for op in body:
        if isinstance(op, ops.Use):
            found.append(op)
        elif isinstance(op, ops.Phase):
            found.extend(_uses(op.body))
    return found


def _define_counts(defines: dict[str, DefineInfo], ctx: _Context) -> dict[str, int]:
    """Steps per define, saturating just past the limit; P005 for a define that recurses.

    A depth-first walk with its own stack rather than Python's, so a chain of ten thousand
    defines that each use the next is counted, not a RecursionError.
    """
    counts: dict[str, int] = {}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    for root in defines:
        if state.get(root) == 2:
            continue
        state[root] = 1
        stack = [_Counting(root, defines[root].body)]
        while stack:
            frame = stack[-1]
            if frame.index == len(frame.body):
                stack.pop()
                counts[frame.name], state[frame.name] = frame.total, 2
                if stack:
                    stack[-1].add(max(frame.total, 0))
                continue
            op = frame.body[frame.index]
            if isinstance(op, ops.Use) and op.name in defines:
                if state.get(op.name) == 1:
                    chain = [f.name for f in stack]
                    cycle = " → ".join([*chain[chain.index(op.name) :], op.name])
                    ctx.report(
                        make(
                            "P005",
                            f"`{op.name}` uses itself: {cycle}",
                            op.node.span,
                            hint="a define cannot run itself, directly or through others",
                        )
                    )
                    frame.index += 1
                elif state.get(op.name) == 2:
                    frame.add(max(counts[op.name], 0))
                else:
                    state[op.name] = 1
                    stack.append(_Counting(op.name, defines[op.name].body))
            else:
                frame.add(ops.step_count(op, counts))
    return counts


@dataclass
class _Counting:
    """One define being counted: where its walk is and what it has counted so far."""

    name: str
    body: tuple[ops.Op, ...]
    index: int = 0
    total: int = 0

    def add(self, steps: int) -> None:
        """Count the current op's `steps` and move on to the next op."""
        self.total = min(self.total + steps, MAX_STEPS + 1)
        self.index += 1


def _check_step_limit(body: tuple[ops.Op, ...], counts: dict[str, int], ctx: _Context) -> int:
    total = 0
    for op in body:
        total += ops.step_count(op, counts)
        if total > MAX_STEPS:
            ctx.report(
                make(
                    "P005",
                    f"the program expands to more than {MAX_STEPS:,} steps",
                    op.node.header_span if isinstance(op.node, n.Block) else op.node.span,
                    hint="a define that uses another many times multiplies: check the `use` lines",
                )
            )
            return total
    return total


def _check_disadvantages(checked: Checked, ctx: _Context) -> None:
    """P006 where the disadvantages in force would take away every favorable motion.

    The walk follows `use` into defines with its own stack (no recursion limit), and
    remembers what each define does to the motions taken away from a given starting set,
    so a define used a billion times over through a chain of defines is walked once per
    starting set, not a billion times. (Not for a define that can reach a cycle of uses:
    what its walk skips depends on the path that led to it.)
    """
    favorable = {m.name for m in checked.favorable}
    active: set[str] = set()
    reported: set[int] = set()
    walking: set[str] = set()  # a define that uses itself is reported elsewhere: skip it
    cyclic = _reaching_cycles(checked.defines)
    # (define, motions taken away on entry, reports so far) -> motions taken away on exit
    known: dict[_Entry, frozenset[str]] = {}
    stack: list[tuple[Iterator[ops.Op], str | None, _Entry | None]] = [
        (iter(checked.body), None, None)
    ]
    while stack:
        body, define, entry = stack[-1]
        op = next(body, None)
        if op is None:
            stack.pop()
            if define is not None:
                walking.discard(define)
            if entry is not None:
                known[entry] = frozenset(active)
            continue
        if isinstance(op, ops.Phase):
            stack.append((iter(op.body), None, None))
        elif isinstance(op, ops.Use) and op.name in checked.defines:
            if op.name in walking:
                continue
            key = (op.name, frozenset(active), len(reported))
            if key in known:  # the same walk again would end the same way, reporting nothing
                active = set(known[key])
                continue
            walking.add(op.name)
            remembered = key if op.name not in cyclic else None
            stack.append((iter(checked.defines[op.name].body), op.name, remembered))
        elif isinstance(op, ops.Disadvantage):
            active.update(m.name for m in op.motions)
            if favorable and favorable <= active and id(op.node) not in reported:
                reported.add(id(op.node))
                ctx.report(
                    make(
                        "P006",
                        f"this takes away every motion that helps the {checked.target_muscle}",
                        op.node.span,
                        hint="disadvantage one or two of "
                        + ", ".join(sorted(favorable))
                        + "; leave one to fire with",
                    )
                )
                active.difference_update(m.name for m in op.motions)
        elif isinstance(op, ops.Restore):
            if op.motions is None:
                active.clear()
            else:
                active.difference_update(m.name for m in op.motions)


_Entry = tuple[str, frozenset[str], int]


def _reaching_cycles(defines: dict[str, DefineInfo]) -> set[str]:
    """The defines from which a cycle of `use`s can be reached (peeling off, one by one,
    the defines whose uses all lead to defines already peeled off)."""
    uses = {
        name: {op.name for op in _uses(info.body) if op.name in defines}
        for name, info in defines.items()
    }
    users: dict[str, list[str]] = {name: [] for name in defines}
    for name, used in uses.items():
        for other in used:
            users[other].append(name)
    waiting = {name: len(used) for name, used in uses.items()}
    done = [name for name, count in waiting.items() if count == 0]
    while done:
        for user in users[done.pop()]:
            waiting[user] -= 1
            if waiting[user] == 0:
                done.append(user)
    return {name for name, count in waiting.items() if count > 0}
