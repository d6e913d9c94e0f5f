"""Valid programs in untidy layouts, for the formatter's properties.

A program is drawn as blocks of statements (as word lists), then written out with every
liberty the grammar allows: any case, extra spaces, `;` lines with or without a final `;`,
inline blocks, 2/3/4/8-space indentation, comments alone (at any indentation) and after
statements, `#` inside notes, blank lines, CRLF line ends.
"""

from __future__ import annotations

from hypothesis import strategies as st

from dsl.vocabulary import CORE_DRIVERS, FOOT_AXIS, GROUND_EFFECTS

Stmt = list[str]

PLANES = ("sagittal", "frontal", "transverse")


def _dose() -> st.SearchStrategy[list[str]]:
    return st.one_of(
        st.just([]),
        st.integers(1, 60).map(lambda r: [f"x{r}"]),
        st.tuples(st.integers(1, 12), st.integers(1, 30)).map(lambda t: [f"{t[0]}x{t[1]}"]),
        st.tuples(st.integers(1, 700), st.sampled_from("sSmM")).map(
            lambda t: ["for", f"{t[0] if t[1] in 'sS' else 1 + t[0] % 12}{t[1]}"]
        ),
    )


def _added() -> st.SearchStrategy[Stmt]:
    """A tweak that puts something on (what a `try` alternative must be)."""
    return st.one_of(
        st.sampled_from(sorted(CORE_DRIVERS)).map(lambda p: ["driver", p[0], p[1]]),
        st.tuples(st.sampled_from(("left", "right")), st.sampled_from(sorted(FOOT_AXIS))).map(
            lambda t: ["foot", *t]
        ),
        st.sampled_from((["surface", "slope", "eversion"], ["surface", "slope", "inversion"])),
        st.sampled_from(sorted(GROUND_EFFECTS)).map(lambda g: ["ground-reaction", g]),
    )


def _tweak() -> st.SearchStrategy[Stmt]:
    return st.one_of(_added(), st.sampled_from((["surface", "flat"], ["ground-reaction", "none"])))


_NOTE_TEXT = st.text(alphabet='ab #;:"\\é', max_size=10).map(
    lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'
)


def _simple() -> st.SearchStrategy[Stmt]:
    return st.one_of(
        st.tuples(st.sampled_from(PLANES), _dose()).map(lambda t: ["pivot", t[0], *t[1]]),
        _tweak(),
        _tweak(),
        st.one_of(
            st.just(["retest"]), st.sampled_from(("step-down", "hop")).map(lambda t: ["retest", t])
        ),
        st.just(["undo"]),
        st.tuples(
            st.sampled_from(
                (
                    ["foot"],
                    ["foot", "left"],
                    ["driver"],
                    ["driver", "right-hand"],
                    ["surface"],
                    ["ground-reaction"],
                    ["all"],
                )
            ),
            st.one_of(st.just([]), st.integers(1, 20).map(lambda n: ["over", str(n)])),
        ).map(lambda t: ["taper", *t[0], *t[1]]),
        st.tuples(
            st.sampled_from(("flexion", "adduction", "internal-rotation")), st.booleans()
        ).map(
            lambda t: ["restore", "all", ";", "disadvantage", t[0]] + (["reverse"] if t[1] else [])
        ),
        st.sampled_from((["restore", "all"], ["restore", "adduction"])),
        _NOTE_TEXT.map(lambda t: ["note", t]),
    )


def _case(word: str, how: int) -> str:
    if word.startswith('"'):
        return word
    return (word, word.upper(), word.capitalize())[how % 3]


@st.composite
def untidy_programs(draw: st.DrawFn) -> str:
    """The text of a valid program in a layout drawn at random."""
    indent = " " * draw(st.sampled_from((2, 3, 4, 8)))
    crlf = draw(st.booleans())
    lines: list[str] = []

    def words(statement: Stmt) -> str:
        gap = " " * draw(st.integers(1, 3))
        spelled = [_case(w, draw(st.integers(0, 5))) for w in statement]
        return gap.join(spelled).replace(f"{gap};{gap}", "; ")

    def comment() -> str:
        return "#" + draw(st.text(alphabet="ab #:noqa", max_size=8))

    def maybe_trailing(line: str) -> str:
        return line + ("  " + comment() if draw(st.booleans()) and draw(st.booleans()) else "")

    def extras(depth: str) -> None:
        if draw(st.integers(0, 4)) == 0:
            lines.append("")
        if draw(st.integers(0, 4)) == 0:
            lines.append(" " * draw(st.integers(0, 10)) + comment())

    def body(depth: str, statements: list[Stmt]) -> None:
        index = 0
        while index < len(statements):
            run = draw(st.integers(1, 3))
            chunk = statements[index : index + run]
            index += run
            end = ";" if draw(st.integers(0, 3)) == 0 else ""
            lines.append(maybe_trailing(depth + "; ".join(words(s) for s in chunk) + end))
            extras(depth)

    if draw(st.booleans()):
        lines.append(maybe_trailing(f'{_case("program", draw(st.integers()))} "Plan \\"A\\" #1"'))
    lines.append(
        maybe_trailing(
            words(
                [
                    "target",
                    draw(st.sampled_from(("left", "right"))),
                    draw(st.sampled_from(("glute-med", "glute-max"))),
                ]
            )
        )
    )
    extras("")
    defines = []
    for index in range(draw(st.integers(0, 2))):
        name = f"part-{index}"
        lines.append(maybe_trailing(words(["define", name]) + ":"))
        body(indent, draw(st.lists(_simple(), min_size=1, max_size=3)))
        defines.append(name)
    for index in range(draw(st.integers(1, 3))):
        statements = draw(st.lists(_simple(), min_size=1, max_size=5))
        if defines and draw(st.booleans()):
            statements.insert(0, ["use", draw(st.sampled_from(defines))])
        header = words(["phase", f"stage-{index}"]) + ":"
        inline = draw(st.booleans())
        if inline:
            lines.append(maybe_trailing(header + " " + "; ".join(words(s) for s in statements)))
        else:
            lines.append(maybe_trailing(header))
            body(indent, statements)
        if draw(st.booleans()):  # a try: in the phase when it has an indented block
            depth = "" if inline else indent
            alternatives = draw(st.lists(_added(), min_size=2, max_size=3))
            try_header = depth + words(["try", "until", "better"]) + ":"
            if draw(st.booleans()):
                lines.append(try_header + " " + "; ".join(words(t) for t in alternatives))
            else:
                lines.append(maybe_trailing(try_header))
                body(depth + indent, alternatives)
        extras("")
    for statement in draw(st.lists(_simple(), max_size=3)):
        lines.append(maybe_trailing(words(statement)))
    text = "\n".join(lines) + ("\n" if draw(st.booleans()) else "")
    return text.replace("\n", "\r\n") if crlf else text
