"""pytest fixtures for plugin authors, registered through the `pytest11` entry point.

`prog_kit` is a factory: ``prog_kit(plugin)`` gives a `dsl.testkit.PluginKit`. Importing this
module costs nothing: the kit (and lark with it) is imported when a test asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from dsl.plugin import Plugin
    from dsl.testkit import PluginKit


@pytest.fixture
def prog_kit() -> Callable[[Plugin], PluginKit]:
    """Make a kit for one plugin: ``kit = prog_kit(plugin)``."""
    from dsl.testkit import PluginKit

    return PluginKit
