"""Which installed plugins a project uses: the environment and the nearest settings in; a
`Choice` out.

A project names its plugins in ``[tool.prog] plugins = ["rowing", …]`` of its
`pyproject.toml`, so that what its programs mean, and what its CI lint reports, does not
change because someone installed another plugin. ``prog --plugins rowing,running`` (which
sets ``PROG_PLUGINS`` for the command and any process it starts) overrides the settings for
one command. Without either, every installed plugin that loads is used.
"""

from __future__ import annotations

import os
from pathlib import Path

from dsl.record import record

ENVIRONMENT = "PROG_PLUGINS"


@record
class Choice:
    """The plugins to use (None: every installed one) and where that choice comes from."""

    names: tuple[str, ...] | None
    origin: str
    path: Path | None = None  # the pyproject.toml that names them, if they come from one

    def why(self, name: str) -> str:
        """Why the plugin under entry point `name` is used or left unused, for `prog plugins`."""
        if self.names is None:
            return self.origin
        return ("named in " if name in self.names else "not named in ") + self.origin


EVERY = Choice(None, "default: no plugins setting, every installed plugin is used")


def split(value: str) -> tuple[str, ...]:
    """`"rowing, running"` → `("rowing", "running")`; an empty value names no plugin."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def current(folder: Path, chosen: str | None) -> Choice:
    """The choice in force for a command run in `folder`, given the value of `PROG_PLUGINS`
    (`chosen`, None when it is not set), which wins over the settings.

    Raises `dsl.lint.config.ConfigError` when the settings cannot be read or `plugins` is
    not a list of names.
    """
    if chosen is not None:
        return Choice(split(chosen), f"--plugins (or {ENVIRONMENT})")
    from dsl.lint import config

    path = config.find_config(folder)
    if path is None:
        return EVERY
    names = config.plugin_names(path)
    if names is None:
        return EVERY
    return Choice(names, f"{_shown(path)} [tool.prog] plugins", path)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
