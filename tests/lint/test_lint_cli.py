"""`prog lint` as a user and a CI system see it: text, JSON, GitHub and SARIF output,
settings, `# noqa`, folders, standard input and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lint_plugins import registry

from dsl import registry as registry_module
from dsl.cli import main
from dsl.lint import engine

# The public SARIF 2.1.0 schema (OASIS), kept in the repository so the test runs anywhere.
SCHEMAS = Path(__file__).resolve().parents[1] / "data"

CLEAN = "target right glute-med\npivot frontal x10\nretest\n"
UNTESTED_END = "target right glute-med\npivot frontal x10\nretest\ndriver right-hand forward\n"


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test in its own folder, with no pyproject.toml above it but its own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def write(name: str, text: str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return name


def lint(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["lint", *args], input=stdin)


# --- text --------------------------------------------------------------------------------


def test_text_output_is_rustc_style_with_a_summary() -> None:
    write("a.prog", UNTESTED_END)
    result = lint("a.prog")
    assert result.exit_code == 1
    assert result.stdout == (
        "a.prog:4:1: P104 warning: the program ends with a tweak still on "
        "(`driver right-hand forward`): no carryover to the pure function\n"
        "  |\n"
        "4 | driver right-hand forward\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  = help: taper it back (`taper all`), then `retest`\n"
        "\n"
        "a.prog:4:1: P107 warning: the last change, `driver right-hand forward` (line 4), "
        "is never retested\n"
        "  |\n"
        "4 | driver right-hand forward\n"
        "  | ^^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  = help: end the program with `retest`: re-test after each change so you know "
        "what works\n"
        "\n"
        "Found 2 warnings in 1 file.\n"
    )
    assert "\x1b[" not in result.stdout


def test_clean_file_exits_0() -> None:
    write("a.prog", CLEAN)
    result = lint("a.prog")
    assert result.exit_code == 0
    assert result.stdout == "All clean: 1 file checked.\n"


def test_a_folder_with_no_programs_still_gets_its_closing_line() -> None:
    Path("empty").mkdir()
    result = lint("empty")
    assert result.exit_code == 0
    assert result.stdout == "All clean: 0 files checked.\n"


def test_syntax_errors_are_all_reported_with_did_you_mean() -> None:
    write("a.prog", "target right glute-med\npivto frontal\nretest\nfoot right narow\n")
    result = lint("a.prog")
    assert result.exit_code == 1
    assert "a.prog:2:1: P001 error: `pivto` does not start a statement; did you mean `pivot`?" in (
        result.stdout
    )
    assert "a.prog:4:12: P002 error: unknown foot position `narow`; did you mean `narrow`?" in (
        result.stdout
    )


def test_info_does_not_fail_unless_asked() -> None:
    write(
        "a.prog",
        CLEAN + "driver right-hand overhead-left\nretest\ndriver right-hand forward\nretest\n"
        "taper all\nretest\n",
    )
    assert lint("a.prog", "--select", "P201").exit_code == 0
    assert lint("a.prog", "--select", "P201", "--fail-on", "info").exit_code == 1


# --- machine formats -------------------------------------------------------------------


def test_json_is_sorted_by_file_line_and_column() -> None:
    write("b.prog", UNTESTED_END)
    write("a.prog", "pivot frontal x60\nretest\n")
    result = lint("b.prog", "a.prog", "--format", "json")
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [(r["file"], r["line"], r["col"], r["code"]) for r in records] == [
        ("a.prog", 1, 1, "P101"),
        ("a.prog", 1, 15, "P109"),
        ("b.prog", 4, 1, "P104"),
        ("b.prog", 4, 1, "P107"),
    ]
    assert records[1] == {
        "file": "a.prog",
        "line": 1,
        "col": 15,
        "end_line": 1,
        "end_col": 18,
        "code": "P109",
        "severity": "warning",
        "message": "`x60` is out of the usual range: 60 repetitions (usually at most 50)",
        "help": "check the dose; if it is meant, add `# noqa: P109` to the line",
        "suggestion": None,
    }


def test_github_workflow_commands() -> None:
    write("a.prog", "pivot frontl x10\nretest\n")
    result = lint("a.prog", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::warning file=a.prog,line=1,col=1,title=P101::no `target` line: the program assumes "
        "the right glute-med",
        "::error file=a.prog,line=1,col=7,title=P002::unknown plane `frontl`; did you mean "
        "`frontal`?",
    ]


def test_github_escapes_what_workflow_commands_cannot_carry() -> None:
    write("a, b.prog", "pivot frontal x60\nretest\n")
    result = lint("a, b.prog", "--format", "github", "--select", "P109")
    assert result.stdout.startswith("::warning file=a%2C b.prog,line=1,col=15,title=P109::")


def test_sarif_validates_and_describes_every_rule() -> None:
    import jsonschema  # in the `test` extra: a missing one is a failure, not a skip

    schema_path = SCHEMAS / "sarif-schema-2.1.0.json"
    write("a.prog", "pivot frontl x10\nretest\n")
    write("b.prog", UNTESTED_END + 'note "a: b, c"\n')
    result = lint("a.prog", "b.prog", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) >= {"P001", "P102", "P109", "P110", "P111", "P202"}
    assert rules["P110"]["shortDescription"]["text"].startswith("nothing to run")
    assert "advantage 0" in rules["P111"]["shortDescription"]["text"]
    assert rules["P102"]["shortDescription"]["text"].startswith("two kinds of tweak")
    assert "re-test after each change" in rules["P102"]["help"]["text"]
    assert rules["P202"]["defaultConfiguration"]["level"] == "note"
    results = [
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]) for r in run["results"]
    ]
    assert results[1] == (
        "P002",
        "error",
        {
            "artifactLocation": {"uri": "a.prog"},
            "region": {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 13},
        },
    )
    for result_ in run["results"]:
        assert run["tool"]["driver"]["rules"][result_["ruleIndex"]]["id"] == result_["ruleId"]


# --- settings --------------------------------------------------------------------------


def test_select_and_ignore_on_the_command_line() -> None:
    write("a.prog", UNTESTED_END)
    assert "P104" not in lint("a.prog", "--select", "P107").stdout
    result = lint("a.prog", "--ignore", "P104,P107")
    assert result.exit_code == 0
    assert result.stdout == "All clean: 1 file checked.\n"


def test_an_unknown_code_is_a_usage_error_with_a_suggestion() -> None:
    write("a.prog", CLEAN)
    result = lint("a.prog", "--select", "P1O7")
    assert result.exit_code == 2
    assert "`P1O7` is not a code or a code prefix" in result.stderr
    result = lint("a.prog", "--ignore", "P190")
    assert result.exit_code == 2
    assert "no code starts with `P190`; did you mean P109?" in result.stderr


def test_errors_are_always_reported() -> None:
    write("a.prog", "target right glute-med\npivot frontl\nretest\n")
    result = lint("a.prog", "--ignore", "P0", "--select", "P107")
    assert result.exit_code == 1
    assert "P002 error" in result.stdout


def test_pyproject_settings_with_the_most_specific_prefix_winning() -> None:
    write(
        "pyproject.toml",
        '[tool.prog]\nselect = ["P1", "P201"]\nignore = ["P10"]\n'
        'per-file-ignores = { "drafts/*.prog" = ["P201"] }\nfail-on = "error"\n',
    )
    text = (
        "pivot frontal x10\nretest\ndriver right-hand overhead-left\nretest\n"
        "driver right-hand forward\nretest\n"
    )
    write("a.prog", text)
    write("drafts/b.prog", text)
    result = lint("a.prog", "drafts/b.prog", "--format", "json")
    assert result.exit_code == 0  # fail-on error
    assert [(r["file"], r["code"]) for r in json.loads(result.stdout)] == [("a.prog", "P201")]


def test_settings_come_from_the_nearest_pyproject_with_tool_prog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("pyproject.toml", '[tool.prog]\nignore = ["P101"]\n')
    write("sub/pyproject.toml", '[project]\nname = "other"\n')
    write("sub/a.prog", "pivot frontal\nretest\n")
    monkeypatch.chdir(tmp_path / "sub")
    assert lint("a.prog").exit_code == 0
    assert lint("a.prog", "--isolated").exit_code == 1


def test_a_broken_pyproject_is_a_usage_error() -> None:
    write("pyproject.toml", '[tool.prog]\nfail-on = "sometimes"\n')
    write("a.prog", CLEAN)
    result = lint("a.prog")
    assert result.exit_code == 2
    assert "fail-on: expected error, warning or info, not 'sometimes'" in result.stderr


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b'[tool.prog]\nselect = ["\xff"]\n', "pyproject.toml is not UTF-8 text"),
        (
            b"#" * (5 * 1024 * 1024 + 1),
            "pyproject.toml is larger than 5 MiB: it is not a settings file",
        ),
    ],
    ids=["not-utf8", "too-large"],
)
def test_a_pyproject_that_is_not_text_is_a_usage_error(data: bytes, said: str) -> None:
    Path("pyproject.toml").write_bytes(data)
    write("a.prog", CLEAN)
    result = lint("a.prog")
    assert result.exit_code == 2
    assert result.stderr.endswith(f"{said}\n")


def test_unknown_setting_is_a_warning_with_a_suggestion() -> None:
    write("pyproject.toml", '[tool.prog]\nselct = ["P1"]\n')
    write("a.prog", CLEAN)
    result = lint("a.prog")
    assert result.exit_code == 0
    assert "unknown setting `selct`; did you mean `select`?" in result.stderr


def test_required_plugin_missing_is_p004_on_the_setting() -> None:
    write("pyproject.toml", '[tool.prog]\nrequire-plugins = ["cricket"]\n')
    write("a.prog", CLEAN)
    result = lint("a.prog", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": "pyproject.toml",
            "line": 2,
            "col": 1,
            "end_line": 2,
            "end_col": 16,
            "code": "P004",
            "severity": "error",
            "message": "the required plugin `cricket` is not installed",
            "help": "`prog plugins` shows every plugin found",
            "suggestion": None,
        }
    ]


# --- noqa ------------------------------------------------------------------------------


def test_noqa_silences_codes_on_its_line_and_reports_unused_ones() -> None:
    write(
        "a.prog",
        "target right glute-med\npivot frontal x100  # noqa: P109\nretest  # noqa: P102\n"
        "driver right-hand forward  # noqa\n",
    )
    result = lint("a.prog", "--format", "json")
    found = [(r["line"], r["code"], r["message"]) for r in json.loads(result.stdout)]
    assert found == [
        (3, "P108", "`# noqa: P102` silences nothing: there is no P102 on this line"),
    ]


def test_noqa_in_an_included_file_silences_its_findings_there() -> None:
    """A finding in an included file is silenced by a directive on its line there, though
    the file that includes it has no directive of its own."""
    write("main.prog", 'target right glute-med\ninclude "lib.prog"\nuse warmup\nretest\n')
    untidy = "define warmup:\n    pivot frontal x10\n    taper foot"
    write("lib.prog", untidy + "\n")
    found = json.loads(lint("main.prog", "--format", "json").stdout)
    assert [(d["file"], d["line"], d["code"]) for d in found] == [("lib.prog", 3, "P103")]
    write("lib.prog", untidy + "  # noqa: P103\n")
    result = lint("main.prog", "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_noqa_cannot_silence_an_error() -> None:
    write("a.prog", "target right glute-med\npivot frontl  # noqa: P002\nretest\n")
    found = [(r["line"], r["code"]) for r in json.loads(lint("a.prog", "--format", "json").stdout)]
    assert found == [(2, "P002"), (2, "P108")]


def test_noqa_for_a_code_switched_off_is_left_alone() -> None:
    write("a.prog", "target right glute-med\npivot frontal  # noqa: P109\nretest\n")
    assert lint("a.prog", "--ignore", "P109").exit_code == 0
    assert lint("a.prog").exit_code == 1


# --- files -----------------------------------------------------------------------------


def test_folders_are_searched_recursively_honouring_excludes() -> None:
    write("pyproject.toml", '[tool.prog]\nexclude = ["old/", "*.draft.prog"]\n')
    for name in (
        "p/a.prog",
        "p/deep/b.prog",
        "p/old/c.prog",
        "p/x.draft.prog",
        "p/build/d.prog",
        "p/notes.txt",
    ):
        write(name, "pivot frontal\nretest\n")
    result = lint("p", "--format", "json", "--select", "P101")
    assert [r["file"] for r in json.loads(result.stdout)] == ["p/a.prog", "p/deep/b.prog"]
    named = lint("p/old/c.prog", "--format", "json", "--select", "P101")
    assert [r["file"] for r in json.loads(named.stdout)] == ["p/old/c.prog"]
    forced = lint("p/old/c.prog", "--force-exclude", "--format", "json")
    assert json.loads(forced.stdout) == []


def test_unreadable_and_missing_files_exit_2_but_others_are_linted() -> None:
    write("a.prog", UNTESTED_END)
    Path("bad.prog").write_bytes(b"pivot frontal\n\xff\n")
    result = lint("a.prog", "missing.prog", "bad.prog", "--format", "json")
    assert result.exit_code == 2
    assert "cannot read missing.prog: no such file or folder" in result.stderr
    codes = [(r["file"], r["code"]) for r in json.loads(result.stdout)]
    assert ("a.prog", "P107") in codes
    assert ("bad.prog", "P005") in codes


def test_stdin_with_a_filename() -> None:
    result = lint("-", "--stdin-filename", "plans/knee.prog", stdin=UNTESTED_END)
    assert result.exit_code == 1
    assert result.stdout.startswith("plans/knee.prog:4:1: P104 warning")
    assert "4 | driver right-hand forward" in result.stdout


def test_many_files_in_worker_processes_give_the_same_sorted_output() -> None:
    for index in range(20):
        write(f"many/{index:02d}.prog", UNTESTED_END if index % 2 else CLEAN + "pivot x\n")
    serial = lint("many", "--format", "json", "--jobs", "1")
    parallel = lint("many", "--format", "json", "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    records = json.loads(serial.stdout)
    assert [(r["file"], r["line"]) for r in records] == sorted(
        (r["file"], r["line"]) for r in records
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_text_comes_in_the_order_json_does_an_include_s_findings_once(jobs: str) -> None:
    """Text is laid out file by file as the reports come; files named out of order, and an
    include's finding that each file including it repeats, still give one sorted listing."""
    uses = 'target right glute-med\ninclude "lib/warmup.prog"\nuse warmup\nretest\n'
    write("lib/warmup.prog", "define warmup:\n    pivot frontal x10\n    taper foot\n")
    for index in range(18):  # enough files for worker processes
        write(f"many/{index:02d}.prog", uses if index % 3 == 0 else UNTESTED_END)
    write("a.prog", "pivot frontal x60\nretest\n")
    named = ["many", "a.prog", "lib/warmup.prog", "--jobs", jobs]
    text = lint(*named)
    records = json.loads(lint(*named, "--format", "json").stdout)
    assert text.exit_code == 1
    lines = text.stdout.splitlines()
    heads = [" ".join(line.split(" ")[:2]) for line in lines if ".prog:" in line.split(" ")[0]]
    assert heads == [f"{r['file']}:{r['line']}:{r['col']}: {r['code']}" for r in records]
    assert [r["file"] for r in records].count("lib/warmup.prog") == 1
    assert [r["file"] for r in records][:2] == ["a.prog", "a.prog"]


def test_text_of_files_each_with_only_their_own_findings_is_in_order() -> None:
    """The common case, laid out as each report comes: names out of order on the command
    line are still shown sorted, in the same text as file by file."""
    write("b.prog", UNTESTED_END)
    write("a.prog", "pivot frontal x60\nretest\n")
    together = lint("b.prog", "a.prog").stdout
    alone = [lint(name).stdout.rsplit("\n\n", 1)[0] for name in ("a.prog", "b.prog")]
    assert together.startswith("a.prog:1:1: P101")
    assert together.rsplit("\n\n", 1)[0] == "\n\n".join(alone)


# --- plugins ---------------------------------------------------------------------------


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    test_registry = registry("testball", "shaky")
    monkeypatch.setattr(registry_module, "installed", lambda: test_registry)
    monkeypatch.setattr(engine, "installed", lambda: test_registry)


@pytest.mark.usefixtures("plugins")
def test_plugin_rules_share_select_noqa_and_failure_handling() -> None:
    text = "target right glute-med\nsport testball\npivot transverse x10\nretest\n"
    write("a.prog", text)
    result = lint("a.prog", "--format", "json")
    found = [(r["line"], r["code"], r["severity"]) for r in json.loads(result.stdout)]
    assert found == [(1, "P004", "error"), (1, "P004", "error"), (3, "X101", "warning")]
    assert lint("a.prog", "--ignore", "X,Y", "--format", "json").stdout.strip() == "[]"
    write("b.prog", text.replace("x10\n", "x10  # noqa: X101\n"))
    assert json.loads(lint("b.prog", "--select", "X", "--format", "json").stdout) == []


@pytest.mark.parametrize(
    "paths", [["."], ["./main.prog", "./lib.prog"], ["main.prog", "./lib.prog", "lib.prog"]]
)
def test_a_file_has_one_name_however_it_was_reached(paths: list[str]) -> None:
    """`./lib.prog` from `prog lint .` is `lib.prog`, as `main.prog`'s include names it:
    its finding is listed once, under one name."""
    write("main.prog", 'include "lib.prog"\n' + CLEAN)
    write("lib.prog", "define w:\n    pivot frontl\n")
    result = lint("--no-cache", "--format", "json", *paths)
    found = json.loads(result.stdout)
    assert [(d["file"], d["code"]) for d in found] == [("lib.prog", "P110"), ("lib.prog", "P002")]
