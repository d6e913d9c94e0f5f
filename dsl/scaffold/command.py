"""What `prog plugin new NAME` does between the CLI's argument and the screen: the exit code.

The sports and code prefixes to keep clear of are those of every installed plugin, chosen by
the project or not: the new plugin will meet them wherever it is installed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from dsl.scaffold import ScaffoldError, create

EXIT_CLEAN, EXIT_FAILURE = 0, 2


def new_command(name: str) -> int:
    from dsl.registry import build, discover

    every = build(discover())
    sports = set(every.vocabulary.sports)
    prefixes = {m[0] for rule, _ in every.rules if (m := re.match(r"[A-Z]+", rule.code))}
    folder = Path(name)
    try:
        written = create(folder, name, sports, prefixes)
    except ScaffoldError as error:
        print(f"prog: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as error:
        print(f"prog: cannot write {folder}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"Created the plugin distribution {folder}/:")
    for path in written:
        print(f"  {path.as_posix()}")
    print(
        "\nNext:\n"
        f"  pip install './{name}[test]'\n"
        f"  pytest {name}/tests\n"
        "  prog plugins\n"
        f"Then write where each number comes from in {name}/README.md."
    )
    return EXIT_CLEAN
