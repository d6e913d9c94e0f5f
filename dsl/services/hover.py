"""Hover: a document and a position in; the meaning of the word there and, for a movement,
its effect on the document's target hip plane by plane out (markdown), with its range.

Effects are the ones the checker gives the program: for the document's target side (a left
target is mirrored, spec §4) and each sport's handedness. `pivot frontal` shows `F+3`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dsl import nodes as n
from dsl.hip import MOTIONS, PLANES, Effect
from dsl.interpreter import Step
from dsl.services import words
from dsl.services.document import Document, Position, Range, never_raises, statements
from dsl.syntax import STATEMENTS
from dsl.vocabulary import GROUND_EFFECTS, PLANE_EFFECTS, SURFACE_EFFECTS


@dataclass(frozen=True)
class Hover:
    """Markdown about the word at a position, and the word's range."""

    markdown: str
    range: Range


@never_raises(lambda: None)
def hover(doc: Document, pos: Position) -> Hover | None:
    """What the word at `pos` means here; None where there is no word of a statement."""
    found = _at(doc, pos)
    if found is None:
        return None
    statement, word, where = found
    scope = words.scope_of(doc)
    parts = [_meaning(statement, word, scope)]
    effect = _effect(statement, scope)
    if effect is not None:
        parts.append(_effect_text(effect, scope))
    step = doc.drives.get(statement)
    if step is not None:
        parts.append(_drive_text(step))
    return Hover("\n\n".join(p for p in parts if p), where)


def _at(doc: Document, pos: Position) -> tuple[n.Statement, n.Word | None, Range] | None:
    """The innermost statement of this document at `pos`, the word of it there (None: its
    keyword), and that word's range."""
    best: tuple[n.Statement, n.Word | None, Range] | None = None
    for statement in statements(doc.program):
        if not doc.owns(statement.span):
            continue
        for word in _words(statement):
            where = doc.span_range(word.span)
            if where.contains(pos):
                return statement, word, where
        head = doc.span_range(n.anchor(statement))
        keyword = Range(
            head.start, Position(head.start.line, head.start.character + len(statement.op))
        )
        if keyword.contains(pos):
            best = statement, None, keyword
    return best


def _words(statement: n.Statement) -> list[n.Word]:
    out: list[n.Word] = []
    for name in getattr(statement, "__dataclass_fields__", {}):
        value = getattr(statement, name)
        if isinstance(value, n.Word):
            out.append(value)
        elif isinstance(value, tuple):
            out.extend(v for v in value if isinstance(v, n.Word))
    return out


def _meaning(statement: n.Statement, word: n.Word | None, scope: words.Scope) -> str:
    """A line in bold naming the statement, then what the hovered word means."""
    described = STATEMENTS.get(statement.op)
    text = f"**{statement.op}**: {described.meaning if described else ''}"
    if word is None:
        return text
    about = _word_meaning(statement, word, scope)
    return f"**{word.text}**: {about}\n\n{text}" if about else text


def _word_meaning(statement: n.Statement, word: n.Word, scope: words.Scope) -> str:
    w = word.text
    if isinstance(statement, n.Pivot):
        return words.PLANE_DOCS.get(w, "not a plane: sagittal, frontal or transverse")
    if isinstance(statement, n.Function):
        return (
            words.word_doc(w, "phase", scope)
            or words.sport_not_on(w, scope)
            or "a phase of a sport's function"
        )
    if isinstance(statement, n.Driver):
        if word is statement.limb:
            return "the limb that drives"
        return (
            words.word_doc(w, "direction", scope)
            or words.sport_not_on(w, scope)
            or "the way the limb drives"
        )
    if isinstance(statement, n.Foot):
        return words.FOOT_DOCS.get(w, f"the {w} foot")
    if isinstance(statement, n.Disadvantage | n.Restore):
        motion = MOTIONS.get(w)
        if motion is None:
            return "every motion taken away" if w == "all" else ""
        helps = ", ".join(words.favorable(scope))
        plane = PLANES[motion.plane]
        return f"{w}, a motion in the {plane} plane; the {scope.muscle} is helped by {helps}"
    if isinstance(statement, n.Target):
        muscle = scope.registry.vocabulary.muscles.get(w)
        if muscle is not None:
            return "helped by " + ", ".join(m.name for m in muscle.favorable)
        return f"the {w} hip"
    if isinstance(statement, n.SportLine):
        if word is statement.handed:
            return f"a {w}-handed player: the sport's effects are read for that hand"
        return _sport(w, scope)
    if isinstance(statement, n.Use | n.Define):
        where = scope.defines.get(w)
        return f"the define `{w}` ({where})" if where else f"no define `{w}` is in force"
    if isinstance(statement, n.Taper):
        return words.TAPER_DOCS.get(w, "")
    if isinstance(statement, n.Retest):
        return f"the test `{w}`: repeat it to see what changed"
    return ""


def _sport(name: str, scope: words.Scope) -> str:
    entry = scope.registry.vocabulary.sports.get(name)
    if entry is None:
        return f"no sport `{name}` is installed"
    phases = ", ".join(f"`{name}.{p}`" for p in sorted(entry.phases))
    directions = ", ".join(f"`{name}.{d}`" for d in sorted(entry.directions))
    return f"the {entry.owner} plugin's sport; phases {phases}; driver directions {directions}"


def _effect(statement: n.Statement, scope: words.Scope) -> Effect | None:
    """The statement's effect on the target hip, for a movement statement whose words are
    in force (None otherwise)."""
    if isinstance(statement, n.Pivot):
        return PLANE_EFFECTS.get(statement.plane.text)
    if isinstance(statement, n.Function):
        found = words.phase_effect(statement.phase.text, scope)
        return found[1] if found is not None else None
    if isinstance(statement, n.Driver):
        if statement.limb.text not in words.limbs(scope):
            return None
        return words.driver_effect(statement.limb.text, statement.direction.text, scope)
    if isinstance(statement, n.Foot):
        side, position = statement.side.text, statement.position.text
        if side in ("left", "right") and position in words.FOOT_DOCS:
            return words.foot_effect(side, position, scope)
        return None
    if isinstance(statement, n.Surface) and statement.direction is not None:
        return SURFACE_EFFECTS.get(statement.direction.text)
    if isinstance(statement, n.GroundReaction):
        return GROUND_EFFECTS.get(statement.level.text)
    return None


def _effect_text(effect: Effect, scope: words.Scope) -> str:
    side = f"{scope.side} {scope.muscle}"
    mirrored = " (a left target: the statement is mirrored onto the model)" if scope.left else ""
    handed = ", ".join(f"{sport} {hand}-handed" for sport, hand in scope.sports.items())
    player = f"; {handed}" if handed else ""
    return (
        f"Effect on the target hip ({side}{player}){mirrored}: **{words.effect_text(effect)}**"
        f"\n\n{words.plane_table(effect)}"
    )


def _drive_text(step: Step) -> str:
    """The drive on the target hip after the statement, as the program runs."""
    drive = Effect(*step.drive)
    favorable = ", ".join(step.favorable) or "none"
    return (
        f"Drive after this step (every retest better): **{words.effect_text(drive)}**, "
        f"favorable {favorable}, advantage {step.advantage}"
    )
