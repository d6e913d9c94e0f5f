"""Hypothesis strategies for valid `.prog` programs, shared by the property and fuzz tests.

A program is drawn as an abstract list of statements (words, not text), then written out.
Writing it twice — plainly and with `mirror=True` (every left/right swapped, target left) —
gives the pair the mirror law compares; writing it with `style` varies the layout (case,
spacing, `;` lines, inline blocks, comments) for the formatter and parser round trips.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from dsl.vocabulary import CORE_DRIVERS, FOOT_AXIS, GROUND_EFFECTS, mirror

PLANES = ("sagittal", "frontal", "transverse")
MOTIONS = ("flexion", "adduction", "internal-rotation")
DRIVER_PAIRS = sorted(CORE_DRIVERS)
TESTS = ("single-leg-squat", "step-down", "hop")

Stmt = tuple[str, ...]


@dataclass(frozen=True)
class Abstract:
    """A program as words: context, then top-level items (phases, defines, statements)."""

    title: str | None
    side: str
    items: tuple[tuple[str, object], ...]  # ("phase", (name, body)), ("define", …), ("stmt", s)


def _dose() -> st.SearchStrategy[str]:
    return st.one_of(
        st.just(""),
        st.integers(1, 50).map(lambda r: f" x{r}"),
        st.tuples(st.integers(1, 10), st.integers(1, 50)).map(lambda t: f" {t[0]}x{t[1]}"),
        st.integers(1, 120).map(lambda s: f" for {s}s"),
        st.integers(1, 10).map(lambda m: f" for {m}m"),
    )


def _tweak() -> st.SearchStrategy[Stmt]:
    return st.one_of(
        st.sampled_from(DRIVER_PAIRS).map(lambda p: ("driver", p[0], p[1])),
        st.tuples(st.sampled_from(("left", "right")), st.sampled_from(sorted(FOOT_AXIS))).map(
            lambda t: ("foot", *t)
        ),
        st.sampled_from(("eversion", "inversion")).map(lambda d: ("surface", "slope", d)),
        st.sampled_from(sorted(GROUND_EFFECTS)).map(lambda g: ("ground-reaction", g)),
    )


def _simple() -> st.SearchStrategy[Stmt]:
    return st.one_of(
        st.tuples(st.sampled_from(PLANES), _dose()).map(lambda t: ("pivot", t[0] + t[1])),
        _tweak(),
        _tweak(),
        st.just(("surface", "flat")),
        st.just(("ground-reaction", "none")),
        st.one_of(st.just(("retest",)), st.sampled_from(TESTS).map(lambda t: ("retest", t))),
        st.just(("undo",)),
        st.tuples(
            st.sampled_from(
                (
                    "foot",
                    "foot left",
                    "foot right",
                    "driver",
                    "driver right-hand",
                    "surface",
                    "ground-reaction",
                    "all",
                )
            ),
            st.one_of(st.just(""), st.integers(1, 6).map(lambda n: f" over {n}")),
        ).map(lambda t: ("taper", t[0] + t[1])),
        st.tuples(st.sampled_from(MOTIONS), st.booleans()).map(
            lambda t: ("disadvantage", t[0] + (" reverse" if t[1] else ""))
        ),
        st.one_of(
            st.just(("restore", "all")), st.sampled_from(MOTIONS).map(lambda m: ("restore", m))
        ),
        st.text("abcdef -", max_size=12).map(lambda t: ("note", f'"{t}"')),
    )


def _body(defines: list[str]) -> st.SearchStrategy[list[Stmt]]:
    use = st.sampled_from(defines).map(lambda d: ("use", d)) if defines else st.nothing()
    try_block = st.lists(_tweak(), min_size=2, max_size=4).map(
        lambda ts: ("try", *map(" ".join, ts))
    )
    return st.lists(st.one_of(_simple(), _simple(), try_block, use), min_size=1, max_size=8)


@st.composite
def abstract_programs(draw: st.DrawFn) -> Abstract:
    """A valid program: defines first, then phases and loose statements."""
    defines: list[str] = []
    items: list[tuple[str, object]] = []
    for index in range(draw(st.integers(0, 2))):
        name = f"block-{index}"
        items.append(("define", (name, draw(_body(list(defines))))))
        defines.append(name)
    for index in range(draw(st.integers(1, 3))):
        items.append(("phase", (f"stage-{index}", draw(_body(defines)))))
    for statement in draw(st.lists(_simple(), max_size=3)):
        items.append(("stmt", statement))
    _keep_one_favorable(items)
    title = draw(st.one_of(st.none(), st.text("Golfer rightmd -", min_size=1, max_size=20)))
    return Abstract(title, "right", tuple(items))


def _keep_one_favorable(items: list[tuple[str, object]]) -> None:
    """Disadvantaging all three favorable motions is an error (P006): restore before each."""

    def fix(body: list[Stmt]) -> list[Stmt]:
        out: list[Stmt] = []
        for statement in body:
            if statement[0] == "disadvantage":
                out.append(("restore", "all"))
            out.append(statement)
        return out

    fixed: list[tuple[str, object]] = []
    for kind, value in items:
        if kind in ("phase", "define"):
            name, body = value  # type: ignore[misc]
            fixed.append((kind, (name, fix(body))))
        else:
            if value[0] == "disadvantage":  # type: ignore[index]
                fixed.append(("stmt", ("restore", "all")))
            fixed.append((kind, value))
    items[:] = fixed


@dataclass(frozen=True)
class Style:
    """How to write a program out: the formatter must undo every one of these."""

    upper: bool = False
    indent: int = 4
    semicolons: bool = False
    comments: bool = False
    extra_spaces: bool = False


styles = st.builds(
    Style,
    upper=st.booleans(),
    indent=st.sampled_from((2, 4, 6)),
    semicolons=st.booleans(),
    comments=st.booleans(),
    extra_spaces=st.booleans(),
)


def _words(statement: Stmt, mirrored: bool, style: Style) -> str:
    keyword, *rest = statement
    if mirrored:
        rest = [" ".join(mirror(w) for w in part.split(" ")) for part in rest]
    text = " ".join([keyword.upper() if style.upper else keyword, *rest])
    return text.replace(" ", "  ") if style.extra_spaces and '"' not in text else text


def write(program: Abstract, *, mirrored: bool = False, style: Style = Style()) -> str:
    """The program as text; `mirrored` swaps every left and right, target included."""
    side = ("left" if program.side == "right" else "right") if mirrored else program.side
    lines: list[str] = []
    if program.title is not None:
        lines.append(f'program "{program.title}"')
    lines.append(f"target {side} glute-med")
    pad = " " * style.indent

    def body_lines(body: list[Stmt], indent: str) -> list[str]:
        out: list[str] = []
        for statement in body:
            if statement[0] == "try":
                out.append(f"{indent}try until better:")
                out.extend(
                    f"{indent}{pad}{_words(tuple(t.split(' ')), mirrored, style)}"
                    for t in statement[1:]
                )
            else:
                out.append(indent + _words(statement, mirrored, style))
        if style.semicolons and all(s[0] != "try" for s in body) and len(body) > 1:
            return [indent + "; ".join(line.strip() for line in out)]
        return out

    for kind, value in program.items:
        if kind == "stmt":
            lines.append(_words(value, mirrored, style))  # type: ignore[arg-type]
            continue
        name, body = value  # type: ignore[misc]
        header = f"{kind} {name}:" + ("  # " + kind if style.comments else "")
        lines.append(header)
        lines.extend(body_lines(body, pad))
    if style.comments:
        lines.insert(0, "# generated program")
    return "\n".join(lines) + "\n"


def programs() -> st.SearchStrategy[str]:
    """Texts of valid programs in varied layouts."""
    return st.tuples(abstract_programs(), styles).map(lambda t: write(t[0], style=t[1]))
