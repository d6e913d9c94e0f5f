"""The home program's exercise numbers, step by step: what FHIR and CSV exports label each
step with."""

from __future__ import annotations

import pytest

from dsl.api import load_path, run
from dsl.outputs.home import home_program
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("answer", ["better", "same"])
@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.prog")), ids=lambda p: p.name)
def test_the_exercise_in_force_is_the_latest_made_at_or_before_the_step(example, answer):
    checked = load_path(str(example)).checked
    assert checked is not None
    steps = list(run(checked, [answer] * 1000))
    home = home_program(checked, steps)
    assert home.number_of, "every example makes an exercise"
    for step in steps:
        made = [number for n, number in home.number_of.items() if n <= step.n]
        assert home.in_force(step.n) == max(made, default=None)
    numbers = [exercise.number for exercise in home.exercises]
    assert numbers == list(range(1, len(numbers) + 1))  # numbered from 1 with no gap
