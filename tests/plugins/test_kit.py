"""The test kit fails loudly for a plugin that would be left out next to prog's own plugins,
whichever of its methods a test calls first."""

from __future__ import annotations

import pytest

from dsl.plugin import Effect, Phase, Plugin, Rule, Sport
from dsl.testkit import PluginKit

GOOD_EXAMPLE = "sport cricket\nfunction cricket.delivery\nretest\n"
CRICKET = Plugin(
    name="cricket",
    version="0.1",
    api_version=1,
    code_prefix="G",  # golf's, which comes with prog
    sports=[Sport("cricket", phases=[Phase("delivery", Effect(frontal=1))])],
    rules=[Rule("G901", "never", check=lambda ctx: [], bad=GOOD_EXAMPLE)],
)
CALLS = {
    "assert_loaded": lambda kit: kit.assert_loaded(),
    "assert_rule_examples": lambda kit: kit.assert_rule_examples(),
    "steps": lambda kit: kit.steps(GOOD_EXAMPLE),
    "trace": lambda kit: kit.trace(GOOD_EXAMPLE),
    "codes": lambda kit: kit.codes(GOOD_EXAMPLE),
    "lint": lambda kit: kit.lint(GOOD_EXAMPLE),
    "check": lambda kit: kit.check(GOOD_EXAMPLE),
    "load": lambda kit: kit.load(GOOD_EXAMPLE),
}


@pytest.mark.parametrize("call", CALLS)
def test_every_method_fails_first_for_a_plugin_that_would_be_left_out(call):
    kit = PluginKit(CRICKET)
    with pytest.raises(AssertionError, match="plugin cricket would be left out: claims the code "
                       "prefix 'G', which golf already owns"):
        CALLS[call](kit)


def test_a_plugin_that_loads_is_usable_from_any_method(prog_kit):
    good = Plugin(
        name="cricket",
        version="0.1",
        api_version=1,
        sports=[Sport("cricket", phases=[Phase("delivery", Effect(frontal=1))])],
    )
    kit = prog_kit(good)
    assert kit.steps(GOOD_EXAMPLE, ["better"])[0]["drive"]["frontal"] == 1.0


def test_the_kits_docstring_example_gives_what_it_says():
    import doctest

    import dsl.testkit

    result = doctest.testmod(dsl.testkit)
    assert result.attempted >= 5 and result.failed == 0
