"""Third-party plugins as real distributions on disk, and a real `prog` process to find them.

A fake plugin is a module and a `.dist-info` folder whose `entry_points.txt` publishes it in
`prog.plugins`; with the folder on `PYTHONPATH`, prog finds it exactly as an installed one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def distribution(site: Path, name: str, source: str, version: str = "1.0") -> None:
    """Write the plugin `source` as distribution `fake_NAME` publishing entry point `name`."""
    module = "fake_" + name.replace("-", "_")
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{module}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[prog.plugins]\n{name} = {module}:plugin\n")


def prog(
    site: Path | list[Path],
    *args: str,
    stdin: str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m dsl ARGS…` with the site folder(s) first on `PYTHONPATH`."""
    sites = site if isinstance(site, list) else [site]
    environment = dict(os.environ)
    environment.pop("PROG_PLUGINS", None)  # the choice comes from `env` or the settings
    environment.update(env or {})
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [*map(str, sites), os.environ.get("PYTHONPATH")])
    )
    return subprocess.run(
        [sys.executable, "-m", "dsl", *args],
        capture_output=True,
        text=True,
        env=environment,
        input=stdin,
        cwd=cwd,
        timeout=120,
    )


def install(folder: Path, target: Path) -> None:
    """Build the distribution in `folder` and install it into `target`, as `pip install`
    does but offline and without touching the running environment (no dependencies)."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(target), str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr


def plugin_tests(folder: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """Run a plugin distribution's own tests (in `folder`) with it installed in `site`."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(site)},
        cwd=folder,
        timeout=300,
    )
