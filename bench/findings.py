"""The findings corpus: a seed in; `.prog` files full of what `prog lint` reports, out.

Where `corpus.py` writes what a careful clinic keeps, this writes what a linter meets on
its first run over an untidy folder: statements drawn at random from the vocabulary in
force (core and installed sports) with nothing keeping them in the method's order, so most
lines give a finding. Tweaks pile up with no retest between (P102); tapers, undos and
restores find nothing (P103); tweaks stay on at the end (P104); disadvantages come before
any retest or under tweaks (P105); a foot is turned to its opposite (P106); the last change
goes untested (P107); defines go unused and phases empty (P108); doses run out of range
(P109); steps leave the muscle at advantage 0 (P111); drivers replace drivers (P201);
tweaks change nothing (P202); and some files name no target (P101).

Some files also fail the checks, as files being written do: a misspelt word (P002, with
its `did you mean`), a sport's word with no `sport` line (P003), a `target` said twice
(P007), or a syntax error (P001: a block header without its colon, a note never closed).
The disadvantages in force never take away every favorable motion (P006, but for a
file whose syntax error leaves lines out), so an error file has one kind of error and the
others run every rule. Files are about 50 lines, as the
library's are, so the two corpora's lines per second compare; seeded, so every run of the
bench lints the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

from corpus import MUSCLES, NOTES, TESTS

from dsl.registry import installed
from dsl.vocabulary import (
    FOOT_AXIS,
    GROUND_EFFECTS,
    PLANE_EFFECTS,
    SURFACE_EFFECTS,
    TAPER_KINDS,
    Vocabulary,
)

FILES_PER_FOLDER = 100
LINES = 50
# The share of files with each kind of error; the rest have warnings only.
ERRORS = (("typo", 0.12), ("no sport line", 0.04), ("target twice", 0.03), ("syntax", 0.05))
MOVEMENTS = ("pivot ", "function ", "driver ", "foot ")  # the lines a typo goes into


class _Untidy:
    """Random statements for one file, from one seeded random source."""

    def __init__(
        self, rng: random.Random, vocabulary: Vocabulary, sport: str | None, muscle: str
    ) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.sport = sport  # the sport whose words the file uses (its line may be missing)
        self.favorable = sorted(m.name for m in vocabulary.muscles[muscle].favorable)
        self.taken: set[str] = set()  # motions disadvantaged now
        self.drivers = sorted(
            (limb, direction)
            for limb, direction in vocabulary.drivers
            if "." not in direction or direction.partition(".")[0] == sport
        )

    def dose(self) -> str:
        """Usually a usual dose; one in six out of range (P109)."""
        rng = self.rng
        if rng.random() < 1 / 6:
            return rng.choice(
                (f" x{rng.randint(51, 99)}", f" {rng.randint(11, 20)}x10", " for 15m")
            )
        return rng.choice((f" x{rng.randint(5, 15)}", f" 3x{rng.randint(6, 12)}", " for 30s", ""))

    def base(self) -> str:
        if self.sport and self.rng.random() < 0.5:
            phase = self.rng.choice(sorted(self.vocabulary.sports[self.sport].phases))
            return f"function {self.sport}.{phase}{self.dose()}"
        return f"pivot {self.rng.choice(sorted(PLANE_EFFECTS))}{self.dose()}"

    def tweak(self, *, removals: bool = True) -> str:
        """A tweak put on, or (with `removals`) sometimes a surface or ground taken off."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.45:
            limb, direction = rng.choice(self.drivers)
            return f"driver {limb} {direction}"
        if kind < 0.75:
            return f"foot {rng.choice(('left', 'right'))} {rng.choice(sorted(FOOT_AXIS))}"
        off = removals and rng.random() < 0.2
        if kind < 0.9:
            return "surface flat" if off else f"surface slope {rng.choice(sorted(SURFACE_EFFECTS))}"
        return f"ground-reaction {'none' if off else rng.choice(sorted(GROUND_EFFECTS))}"

    def taper(self) -> str:
        rng = self.rng
        kind = rng.choice(TAPER_KINDS)
        over = f" over {rng.randint(1, 4)}" if rng.random() < 0.7 else ""
        return f"taper {kind}{over}"

    def disadvantage(self) -> str:
        """A favorable motion taken away, or all restored when it would be the last."""
        left = [m for m in self.favorable if m not in self.taken]
        if len(left) <= 1:
            self.taken.clear()
            return "restore all"
        motion = self.rng.choice(left)
        self.taken.add(motion)
        return f"disadvantage {motion}{' reverse' if self.rng.random() < 0.3 else ''}"

    def restore(self) -> str:
        """A motion given back: one taken away, or (P103) one that was not."""
        motion = self.rng.choice(self.favorable)
        self.taken.discard(motion)
        return f"restore {motion}"

    def statement(self) -> str:
        """One statement; tweaks most often, retests seldom."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.40:
            return self.tweak()
        if roll < 0.55:
            return self.base()
        if roll < 0.65:
            return f"retest {rng.choice(TESTS)}" if rng.random() < 0.5 else "retest"
        if roll < 0.72:
            return self.taper()
        if roll < 0.78:
            return "undo"
        if roll < 0.86:
            return self.disadvantage()
        if roll < 0.91:
            return self.restore()
        return f'note "{rng.choice(NOTES)}"'

    def statements(self, count: int, slip: str | None = None) -> list[str]:
        """`count` lines of statements, with a `try` now and then (of one alternative: P108),
        and `slip` (an error to make) among them."""
        lines: list[str] = []
        at = self.rng.randrange(count)
        while len(lines) < count:
            if slip is not None and len(lines) >= at:
                lines.append(slip)
                slip = None
            elif self.rng.random() < 0.05:
                tried = self.rng.randint(1, 3)
                alternatives = [self.tweak(removals=False) for _ in range(tried)]
                lines += ["try until better:", *(f"    {line}" for line in alternatives)]
            else:
                lines.append(self.statement())
        return lines


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def _error(rng: random.Random) -> str | None:
    roll = rng.random()
    for kind, share in ERRORS:
        if roll < share:
            return kind
        roll -= share
    return None


def _misspelt(rng: random.Random, line: str) -> str:
    """`line` with one letter of its second word dropped: `pivot frontl`."""
    words = line.split(" ")
    word = words[1]
    at = rng.randrange(1, len(word))
    words[1] = word[:at] + word[at + 1 :]
    return " ".join(words)


def program(rng: random.Random, vocabulary: Vocabulary, number: int) -> str:
    """One untidy file of about `LINES` lines."""
    error = _error(rng)
    sports = sorted(vocabulary.sports)
    wants_sport = error == "no sport line" or rng.random() < 0.5
    sport = rng.choice(sports) if sports and wants_sport else None
    side, muscle = rng.choice(("left", "right")), rng.choice(MUSCLES)
    writer = _Untidy(rng, vocabulary, sport, muscle)
    lines = [f"# untidy program {number}", f'program "Untidy {number}"']
    if rng.random() < 0.85 or error == "target twice":
        lines.append(f"target {side} {muscle}")
    if sport and error != "no sport line":
        lines.append(f"sport {sport} handed {rng.choice(('left', 'right'))}")
    lines += ["", "define extra:", *_indent([writer.base(), writer.tweak(), writer.tweak()])]
    slip = None
    if error == "no sport line" and sport:
        slip = f"function {sport}.{rng.choice(sorted(vocabulary.sports[sport].phases))}"
    elif error == "target twice":
        slip = f"target {side} {muscle}"
    body = writer.statements(12)
    if rng.random() < 0.5:
        body.append("use extra")
    lines += ["", *body]
    for phase in range(1, 3):
        if rng.random() < 0.1:
            lines += ["", f"phase warm-up-{phase}:"]  # an empty phase (P108)
        statements = writer.statements(LINES // 3 - 4, slip if phase == 2 else None)
        lines += ["", f"phase part-{phase}:", *_indent(statements)]
    if error == "typo":
        movements = [i for i, line in enumerate(lines) if line.lstrip().startswith(MOVEMENTS)]
        at = rng.choice(movements)  # the define's first line is one
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at] = indent + _misspelt(rng, lines[at].lstrip())
    elif error == "syntax":
        at = rng.choice([i for i, line in enumerate(lines) if line.endswith(":")])
        lines[at] = lines[at][:-1] if rng.random() < 0.5 else 'note "keep the knee over'
    return "\n".join(lines) + "\n"


def write_findings(folder: Path, files: int, seed: int = 2) -> list[Path]:
    """`files` untidy files under `folder`, in folders of 100."""
    rng = random.Random(seed)
    vocabulary = installed().vocabulary
    written: list[Path] = []
    while len(written) < files:
        group = folder / f"untidy-{len(written) // FILES_PER_FOLDER:03d}"
        group.mkdir(parents=True, exist_ok=True)
        path = group / f"program-{len(written) % FILES_PER_FOLDER:03d}.prog"
        path.write_text(program(rng, vocabulary, len(written) + 1), encoding="utf-8")
        written.append(path)
    return written
