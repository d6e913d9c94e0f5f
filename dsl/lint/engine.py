"""The lint engine: a loaded program, the settings and the registry in; its diagnostics out.

Lint = the P0xx errors of reading and checking + every enabled rule, core and plugin, run
through the same code here. Rules that read the steps are skipped when the file has an
error (a program that cannot run is not linted for method); rules that read only the text
(P101, P108, P109) still run. A rule that raises, or yields something that is not a
`Finding`, becomes one P004 naming the rule and its plugin; the other rules keep running.
Then settings (select, ignore, per-file-ignores) and `# noqa` directives are applied.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from dsl import interpreter
from dsl.api import Loaded, load_path, load_text
from dsl.diagnostics import CORE_CODES, ERROR, Diagnostic, bounded, in_shown_order, make
from dsl.lint import budget
from dsl.lint.config import Settings
from dsl.lint.noqa import Noqa
from dsl.lint.rules import CORE, Check
from dsl.nodes import Span
from dsl.parser import paused_gc
from dsl.plugin import Finding, RuleContext
from dsl.plugin_choice import Choice
from dsl.record import record
from dsl.registry import Registry, installed
from dsl.source import STDIN_NAME, Unreadable, read_path

CORE_OWNER = "core"


@record
class LintRule:
    """One rule as the engine runs it, whoever wrote it."""

    code: str
    severity: str
    check: Check
    owner: str  # "core" or the plugin's name
    uses_steps: bool = True

    @property
    def who(self) -> str:
        return "the core" if self.owner == CORE_OWNER else f"the `{self.owner}` plugin"

    def __str__(self) -> str:
        return f"lint rule {self.code} of {self.who}"


@dataclass
class FileReport:
    """What linting one file gave: its diagnostics, its text (to show source lines; kept
    only when there are diagnostics), the files it includes (for the lint cache), or why it
    could not be linted at all (`failure`: exit code 2)."""

    name: str
    text: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failure: str | None = None
    includes: tuple[str, ...] = ()


def lint_rules(registry: Registry) -> list[LintRule]:
    """The core's rules, then every plugin's, in code order within each."""
    rules = [
        LintRule(r.code, CORE_CODES[r.code][0], r.check, CORE_OWNER, r.uses_steps) for r in CORE
    ]
    rules += [LintRule(r.code, r.severity, r.check, owner) for r, owner in registry.rules]
    return rules


def known_codes(registry: Registry) -> dict[str, str]:
    """Every code with its severity: the core's and the plugins' rules."""
    codes = {code: severity for code, (severity, _) in CORE_CODES.items()}
    codes.update({rule.code: rule.severity for rule, _ in registry.rules})
    return codes


def _always_better(_: interpreter.Step) -> str:
    return "better"


def run_rules(loaded: Loaded, rules: Iterable[LintRule]) -> list[Diagnostic]:
    """Every finding of `rules` on one loaded program, as diagnostics.

    The cyclic garbage collector is paused here, as for a parse: the steps of the run all
    live until the last rule has read them, so a collection only walks them again. With
    it running (a library caller's `lint_text`), a program of 100,000 steps cost half as
    much again per step as one of 10,000."""
    program, checked = loaded.program, loaded.checked
    if program is None or checked is None:
        return []
    runnable = not any(d.severity == ERROR for d in loaded.diagnostics)
    active = [rule for rule in rules if runnable or not rule.uses_steps]
    anchor = _anchor(loaded)
    files = frozenset([program.file, *checked.includes])
    found: list[Diagnostic] = []
    with paused_gc():
        steps: tuple[interpreter.Step, ...] = ()
        if runnable and any(rule.uses_steps for rule in active):
            steps = tuple(interpreter.steps(checked, _always_better))
        sports = dict(checked.sports)
        context = RuleContext(program, steps, checked.target_side, checked.target_muscle, sports)
        text_only = RuleContext(program, (), checked.target_side, checked.target_muscle, sports)
        # A rule's print goes to stderr, so it cannot corrupt JSON on stdout: once per file.
        with budget.Timer(budget.seconds()) as timer, contextlib.redirect_stdout(sys.stderr):
            for rule in active:
                shown = context if rule.uses_steps else text_only
                found.extend(_run(rule, shown, anchor, files, timer))
    return found


def _anchor(loaded: Loaded) -> Span:
    """Where a diagnostic about a rule's failure sits: the program's first statement."""
    program = loaded.program
    if program is not None and program.statements:
        return program.statements[0].span
    name = loaded.source.name if loaded.source is not None else STDIN_NAME
    return Span(name, 1, 1, 1, 1)


def _run(
    rule: LintRule, context: RuleContext, anchor: Span, files: frozenset[str], timer: budget.Timer
) -> list[Diagnostic]:
    """The findings of one rule as diagnostics, or one P004 if the rule raised, ran past
    its time budget (`budget`), or gave something that is not a finding in the program."""
    try:
        findings = timer.run(rule, lambda: list(rule.check(context)))
    except budget.OverBudget:
        return [_broken(rule, f"took longer than {timer.seconds:g} s on this file", anchor)]
    except (Exception, SystemExit) as error:  # a rule failed: report it, keep the others going
        return [_broken(rule, f"raised {type(error).__name__}: {error}", anchor)]
    code, severity = rule.code, rule.severity
    unhinted = None if rule.owner == CORE_OWNER else f"`prog explain {code}` tells more"
    out: list[Diagnostic] = []
    seen = set()
    for finding in findings:
        problem = _finding_problem(finding, files)
        if problem is not None:
            return [_broken(rule, problem, anchor)]
        span = finding.span
        key = (span.file, span.line, span.col)
        if key in seen:  # a statement in a define used twice: one finding is enough
            continue
        seen.add(key)
        hint = finding.hint
        shown_hint = bounded(hint) if isinstance(hint, str) else unhinted
        out.append(Diagnostic(code, severity, bounded(finding.message), span, shown_hint))
    return out


def _finding_problem(finding: object, files: frozenset[str]) -> str | None:
    """What is wrong with something a rule gave, in words; None if it is a `Finding` at a
    place in the program. What every rule gives, a finding of exactly the API's types, is
    passed by one expression of class identities and comparisons (a lint may make 200,000
    findings); anything else (a subclass, say) is judged by the descriptive checks."""
    if finding.__class__ is Finding:
        span = finding.span  # type: ignore[attr-defined]
        if span.__class__ is Span and finding.message.__class__ is str:  # type: ignore[attr-defined]
            line, col, end_line, end_col = span.line, span.col, span.end_line, span.end_col
            if (
                line.__class__ is int
                and col.__class__ is int
                and end_line.__class__ is int
                and end_col.__class__ is int
                and 1 <= line <= end_line
                and col >= 1
                and end_col >= 1
                and (end_line > line or end_col >= col)
                and span.file.__class__ is str
                and span.file in files
            ):
                return None
    if not (
        isinstance(finding, Finding)
        and isinstance(finding.span, Span)
        and isinstance(finding.message, str)
    ):
        return f"gave {type(finding).__name__}, not a Finding"
    problem = _span_problem(finding.span, files)
    return f"gave a Finding {problem}" if problem is not None else None


def _span_problem(span: Span, files: frozenset[str]) -> str | None:
    """What is wrong with a finding's span (None if nothing): a place that is not in the
    program, which no output format could show or sort."""
    numbers = (span.line, span.col, span.end_line, span.end_col)
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in numbers):
        return f"whose span is not at a line and column from 1 ({span.line}:{span.col})"
    if (span.end_line, span.end_col) < (span.line, span.col):
        return "whose span ends before it starts"
    if not isinstance(span.file, str) or span.file not in files:
        return f"in a file that is not the program's ({span.file!r})"
    return None


def _broken(rule: LintRule, problem: str, anchor: Span) -> Diagnostic:
    return make(
        "P004",
        f"lint rule {rule.code} of {rule.who} {problem}; its findings are left out",
        anchor,
        hint="the other rules still ran; `prog plugins` shows the plugin's version for a report",
    )


def _read(name: str) -> str | None:
    """The text of another file a finding points into (an include, the settings), read as a
    program is: a regular file of at most 5 MiB of UTF-8, else None."""
    try:
        source, _ = read_path(name)
    except Unreadable:
        return None
    return source.text if source is not None else None


@lru_cache(maxsize=8)
def _enabled_rules(registry: Registry, settings: Settings) -> tuple[LintRule, ...]:
    """The rules `settings` turn on in every file: picked once per registry and settings,
    not once per file of a library (a registry is not changed once built)."""
    return tuple(rule for rule in lint_rules(registry) if settings.enabled(rule.code))


def lint_loaded(
    loaded: Loaded, settings: Settings | None = None, registry: Registry | None = None
) -> list[Diagnostic]:
    """All diagnostics of one loaded program after settings and `# noqa`, each once, in the
    order they are shown (`SHOWN_ORDER`)."""
    settings = settings or Settings()
    registry = registry or installed()
    name = loaded.source.name if loaded.source is not None else STDIN_NAME
    rules = _enabled_rules(registry, settings)
    if settings.per_file_ignores:
        rules = tuple(rule for rule in rules if settings.enabled(rule.code, name))
    found = [*loaded.diagnostics, *run_rules(loaded, rules)]
    if loaded.source is not None:
        noqa = Noqa(name, loaded.source.text, _read)
        found = noqa.filter(found)
        if noqa.in_main and settings.enabled("P108", name):  # any directive to judge
            runnable = not any(d.severity == ERROR for d in loaded.diagnostics)
            looked_for = {rule.code for rule in rules}
            found += noqa.unused(set(known_codes(registry)), looked_for, complete=runnable)
    return in_shown_order(found)


def lint_path(
    name: str,
    settings: Settings | None = None,
    registry: Registry | None = None,
    *,
    stdin_name: str = STDIN_NAME,
) -> FileReport:
    """Read, check and lint one file (``-``: standard input).

    The cyclic garbage collector is paused for the file: what a file's work makes lives
    until the file is done and then goes by reference counting, so collecting during it
    only scans (and promotes) live objects; over a library that was a tenth of the time.
    """
    registry = registry or installed()
    with paused_gc():
        return _lint_path(name, settings, registry, stdin_name)


def _lint_path(
    name: str, settings: Settings | None, registry: Registry, stdin_name: str
) -> FileReport:
    try:
        loaded = load_path(name, registry, stdin_name=stdin_name)
    except Unreadable as error:
        return FileReport(name, failure=f"cannot read {error}")
    except Exception as error:  # a fault of prog's on this file: say so, lint the others
        return FileReport(name, failure=_internal(name, error))
    shown = loaded.source.name if loaded.source is not None else name
    text = loaded.source.text if loaded.source is not None else None
    try:
        diagnostics = lint_loaded(loaded, settings, registry)
    except RecursionError:
        return FileReport(shown, text, failure=f"{shown}: nested too deeply to lint")
    except Exception as error:
        return FileReport(shown, text, failure=_internal(shown, error))
    includes = tuple(loaded.checked.includes) if loaded.checked is not None else ()
    return FileReport(shown, text if diagnostics else None, diagnostics, includes=includes)


def _internal(name: str, error: Exception) -> str:
    return (
        f"internal error on {name}: {type(error).__name__}: {error} "
        "(please report this with the file; the other files were linted)"
    )


def lint_text(
    text: str,
    name: str = STDIN_NAME,
    settings: Settings | None = None,
    registry: Registry | None = None,
) -> list[Diagnostic]:
    """Lint a program given as text (library use and tests)."""
    registry = registry or installed()
    return lint_loaded(load_text(text, name, registry), settings, registry)


def required_plugins(settings: Settings, registry: Registry) -> list[Diagnostic]:
    """P004 for each plugin `require-plugins` or the project's `plugins` names that did not
    load: a project that names a plugin depends on it, and its CI must not pass without it."""
    out = plugin_failures(registry)
    if not settings.require_plugins:
        return out
    loaded = {report.name for report in registry.reports if report.status == "ok"}
    failures = {report.name: report.problem for report in registry.reports if report.status != "ok"}
    span = _setting_span(settings.source, "require-plugins")
    for name in settings.require_plugins:
        if name in loaded:
            continue
        problem = failures.get(name) or registry.failure_for_sport(name)  # or not chosen
        message = (
            f"the required plugin `{name}` {problem}"
            if problem
            else f"the required plugin `{name}` is not installed"
        )
        out.append(make("P004", message, span, hint="`prog plugins` shows every plugin found"))
    return out


RUN = "<plugins>"  # where a diagnostic about the run, not about one file, is placed


def plugin_failures(registry: Registry) -> list[Diagnostic]:
    """P004 for every plugin in use that failed to load: on `[tool.prog] plugins` for one
    the project names, else on the run (`<plugins>`). A plugin that fails to load is off
    (its sport's words unknown, its rules not run), so `prog lint` and `prog check` must
    not pass in silence; a project that does not want it leaves it out of its `plugins`.
    """
    out = _chosen_failures(registry)
    named = {d.message for d in out}
    chosen = registry.choice.names
    for report in registry.reports:
        message = f"the plugin `{report.name}` {report.problem}"
        left_out = chosen is not None and report.name not in chosen
        if report.status != "failed" or message in named or left_out:
            continue
        out.append(
            make(
                "P004",
                message + "; its words and rules are off",
                Span(RUN, 1, 1, 1, 1),
                hint=_remedy(absent=not report.package, choice=registry.choice),
            )
        )
    return out


def _remedy(*, absent: bool, choice: Choice) -> str:
    """What to do about a plugin in use that did not load. `absent`: no distribution has it
    (a report with no package: named, but not installed), most often a slip in the name
    where it was named."""
    if choice.names is None:  # every installed plugin is used
        where = "`[tool.prog] plugins`"
    else:
        where = choice.origin
    first = f"fix its name in {where}, or install it" if absent else "fix or uninstall it"
    return f"{first}, or leave it out of {where}; `prog plugins` shows every plugin found"


def _chosen_failures(registry: Registry) -> list[Diagnostic]:
    """P004 on `[tool.prog] plugins` for each plugin it names that failed to load."""
    choice = registry.choice
    if choice.path is None or not choice.names:
        return []
    span = _setting_span(choice.path, "plugins")
    return [
        make(
            "P004",
            f"the plugin `{report.name}` {report.problem}",
            span,
            hint="`prog plugins` shows every plugin found",
        )
        for report in registry.reports
        if report.status == "failed" and report.name in choice.names
    ]


def _setting_span(source: Path | None, key: str) -> Span:
    name = os.path.relpath(source) if source is not None else "pyproject.toml"
    text = _read(name) or ""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(key):
            col = len(line) - len(line.lstrip()) + 1
            return Span(name, number, col, number, col + len(key))
    return Span(name, 1, 1, 1, 1)


POOL_MIN_FILES = 16  # below this, starting worker processes costs more than it saves
# Files handed to a worker at a time: few enough that when one core is slowed by other work
# the other takes over the rest, rather than idle while a long last batch finishes (with a
# quarter of a library per batch, wall time was 3-9% above the two cores' CPU time over
# two; with 64 it is 2-3%). The batches' traffic is small next to the work.
POOL_BATCH = 64


def lint_many(
    names: list[str], settings: Settings, *, jobs: int = 1, stdin_name: str = STDIN_NAME
) -> list[FileReport]:
    """`lint_path` over many files, in worker processes when there are many; same order."""
    return list(lint_each(names, settings, jobs=jobs, stdin_name=stdin_name))


def lint_each(
    names: list[str], settings: Settings, *, jobs: int = 1, stdin_name: str = STDIN_NAME
) -> Iterator[FileReport]:
    """Each file's report as it is ready, in the order of `names`.

    A clean file's report keeps no text (it is only ever shown under a diagnostic, and most
    files of a library have none), and a caller that goes through the reports one by one
    keeps none of them, so memory does not grow with the files, in one process or many;
    a worker sends little back."""
    if jobs <= 1 or len(names) < POOL_MIN_FILES or "-" in names:
        for name in names:
            yield lint_path(name, settings, stdin_name=stdin_name)
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(names))
    batch = max(1, min(POOL_BATCH, len(names) // (workers * 4)))
    work = partial(lint_path, settings=settings, stdin_name=stdin_name)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(work, names, chunksize=batch)
