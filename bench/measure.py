"""Timing on a shared, noisy machine: work in; medians and side-by-side ratios out.

Every figure is the median of several runs. The runs are interleaved (one of each thing
per round), so a burst of load from someone else's job falls on every contender of a
round alike, and each ratio is taken within a round before its median is taken.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class Figure:
    """One thing measured: its times, one per round, and what one run of it covers."""

    name: str
    lines: int = 0
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def lines_per_second(self) -> float:
        return self.lines / self.median if self.median else 0.0

    def ratio(self, floor: Figure) -> float:
        """How many times the floor's time, as the median of the rounds' own ratios."""
        pairs = zip(self.times, floor.times, strict=True)
        return statistics.median(mine / theirs for mine, theirs in pairs)


def clock(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def command(args: Sequence[str], **options: object) -> Callable[[], object]:
    """Work that runs `args` as a process, output discarded, as a shell would."""

    def run() -> object:
        return subprocess.run(
            list(args),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            **options,  # type: ignore[arg-type]
        )

    return run


def rounds(contenders: Sequence[tuple[Figure, Callable[[], object]]], runs: int) -> None:
    """Run each contender once per round, `runs` rounds, recording the times."""
    for _ in range(runs):
        for figure, work in contenders:
            figure.times.append(clock(work))
