"""Canonical text of one statement: AST node in, the line the formatter writes out.

The trace's `text` and `prog fmt` both use this, so a formatted file and a trace always
spell a statement the same way: lower case, single spaces, normalised doses.
"""

from __future__ import annotations

from dsl import nodes as n


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _words(*words: n.Word | None) -> str:
    return " ".join(word.text for word in words if word is not None)


def _dose(dose: n.Dose | None) -> str:
    return f" {dose.text()}" if dose is not None else ""


def header(block: n.Block) -> str:
    """A block's header line, without the trailing `:`."""
    if isinstance(block, n.Phase):
        return f"phase {block.name.text}"
    if isinstance(block, n.Define):
        return f"define {block.name.text}"
    if isinstance(block, n.Try):
        return "try until better"
    return ""


def text(statement: n.Statement) -> str:
    """The statement in canonical form (a block: its header and `:` only)."""
    match statement:
        case n.ProgramTitle(title=title):
            return f"program {quote(title)}"
        case n.Target(side=side, muscle=muscle):
            return f"target {_words(side, muscle)}"
        case n.SportLine(name=name, handed=handed):
            return f"sport {name.text}" + (f" handed {handed.text}" if handed else "")
        case n.Include(path=path):
            return f"include {quote(path)}"
        case n.Pivot(plane=plane, dose=dose):
            return f"pivot {plane.text}{_dose(dose)}"
        case n.Function(phase=phase, dose=dose):
            return f"function {phase.text}{_dose(dose)}"
        case n.Driver(limb=limb, direction=direction):
            return f"driver {_words(limb, direction)}"
        case n.Foot(side=side, position=position):
            return f"foot {_words(side, position)}"
        case n.Surface(kind=kind, direction=direction):
            return f"surface {_words(kind, direction)}"
        case n.GroundReaction(level=level):
            return f"ground-reaction {level.text}"
        case n.Retest(test=test):
            return "retest" + (f" {test.text}" if test else "")
        case n.Undo():
            return "undo"
        case n.Taper(ref=ref, over=over):
            return f"taper {_words(*ref)}" + (f" over {over}" if over is not None else "")
        case n.Disadvantage(motions=motions, reverse=reverse):
            return (
                "disadvantage "
                + ", ".join(m.text for m in motions)
                + (" reverse" if reverse else "")
            )
        case n.Restore(motions=motions):
            return "restore " + ", ".join(m.text for m in motions)
        case n.Note(text=note):
            return f"note {quote(note)}"
        case n.Use(name=name):
            return f"use {name.text}"
        case n.Block():
            return header(statement) + ":"
    raise TypeError(f"no canonical text for {type(statement).__name__}")
