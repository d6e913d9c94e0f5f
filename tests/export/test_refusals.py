"""`prog export` on bad input: a clear line on stderr, exit 1 or 2, no traceback, no file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.export.conftest import GOLFER_KEYS


def refused(done, code: int, *words: str) -> None:
    assert done.exit_code == code, done.output
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr


@pytest.mark.parametrize("fmt", ["fhir", "csv"])
def test_a_program_with_errors_is_shown_and_exits_1(clinic, cli, fmt):
    broken = clinic.folder / "broken.prog"
    broken.write_text("pivot frontl x10\nretest\n", encoding="utf-8")
    refused(cli("export", str(broken), "--format", fmt), 1, "P002", "did you mean")


def test_an_unparseable_program_exits_1(clinic, cli):
    broken = clinic.folder / "broken.prog"
    broken.write_text("phase fire\n    pivot frontal\n", encoding="utf-8")
    refused(cli("export", str(broken), "--format", "fhir"), 1, "P001")


def test_a_missing_program_exits_2(clinic):
    refused(clinic.export("nowhere.prog", "--format", "fhir"), 2, "cannot read")


def test_a_missing_log_exits_2(clinic):
    done = clinic.export("golfer.prog", "--format", "fhir", "--session", clinic.path("no.jsonl"))
    refused(done, 2, "cannot read", "no.jsonl")


def test_a_file_that_is_not_a_log_exits_2(clinic):
    done = clinic.export("golfer.prog", "--format", "csv", "--session", clinic.path("golfer.prog"))
    refused(done, 2, "not a prog session log")


def test_a_log_of_another_program_exits_2(clinic):
    log = clinic.session("golfer.prog", GOLFER_KEYS)
    done = clinic.export("left-hip.prog", "--format", "fhir", "--session", log)
    refused(done, 2, "is a session of", "left-hip.prog")


def test_a_log_of_the_program_before_it_changed_exits_2(clinic):
    log = clinic.session("golfer.prog", GOLFER_KEYS)
    program = clinic.folder / "golfer.prog"
    program.write_text(program.read_text(encoding="utf-8").replace("x10", "x12"), "utf-8")
    refused(clinic.export("golfer.prog", "--format", "fhir", "--session", log), 2, "differs")


@pytest.mark.parametrize("subject", ["123", "Patient/", "Practitioner/1", "Patient/a b"])
def test_a_subject_that_is_not_a_patient_reference_exits_2(clinic, subject):
    done = clinic.export("golfer.prog", "--format", "fhir", "--subject", subject)
    refused(done, 2, "is not a patient reference", "Patient/123")


def test_a_subject_for_a_csv_exits_2(clinic):
    done = clinic.export("golfer.prog", "--format", "csv", "--subject", "Patient/1")
    refused(done, 2, "--subject is for --format fhir")


def test_an_unknown_format_exits_2(clinic):
    done = clinic.export("golfer.prog", "--format", "pdf")
    assert done.exit_code == 2
    assert "'pdf' is not one of 'fhir', 'csv'" in done.stderr


def test_an_unwritable_output_exits_2(clinic):
    out = clinic.path("no-such-folder/out.json")
    refused(clinic.export("golfer.prog", "--format", "fhir", "-o", out), 2, "cannot write")


def test_exporting_needs_no_fhir_library(clinic):
    """fhir.resources validates in the tests; the exporter writes plain JSON without it."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dsl", "export", clinic.path("golfer.prog"),
         "--format", "fhir"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "dsl.outputs.fhir" in imported
    assert not any(name.startswith(("fhir", "pydantic")) for name in imported)


def test_an_export_is_never_written_over_what_it_reads_or_over_a_program(clinic):
    log = clinic.session("golfer.prog", GOLFER_KEYS)
    program = clinic.folder / "golfer.prog"
    (clinic.folder / "alias.csv").symlink_to(program)
    kept = {path: path.read_bytes() for path in clinic.folder.iterdir() if path.is_file()}
    for out, fmt, why in [
        (clinic.path("golfer.prog"), "csv", "a file this export reads"),
        (log, "fhir", "a file this export reads"),
        (clinic.path("alias.csv"), "csv", "a file this export reads"),
        (clinic.path("left-hip.prog"), "fhir", "a program or a session log"),
        (clinic.path("other.jsonl"), "csv", "a program or a session log"),
    ]:
        done = clinic.export("golfer.prog", "--format", fmt, "--session", log, "-o", out)
        refused(done, 2, why, "name another file")
    assert {path: path.read_bytes() for path in kept} == kept
    assert not (clinic.folder / "other.jsonl").exists()


def test_a_symlink_to_a_session_log_is_not_written_through(clinic):
    log = clinic.folder / "notes.jsonl"
    log.write_text("a session\n", encoding="utf-8")
    (clinic.folder / "out.csv").symlink_to(log)
    done = clinic.export("golfer.prog", "--format", "csv", "-o", clinic.path("out.csv"))
    refused(done, 2, "a program or a session log", "name another file")
    assert log.read_text(encoding="utf-8") == "a session\n"


def test_a_new_export_is_as_private_as_the_umask_says(clinic):
    import os

    old = os.umask(0o077)
    try:
        done = clinic.export("golfer.prog", "--format", "csv", "-o", clinic.path("new.csv"))
    finally:
        os.umask(old)
    assert done.exit_code == 0, done.stderr
    assert (clinic.folder / "new.csv").stat().st_mode & 0o777 == 0o600


def test_an_export_to_a_pipe_is_written_to_it(clinic):
    done = subprocess.run(
        [sys.executable, "-m", "dsl", "export", clinic.path("golfer.prog"), "--format", "csv",
         "-o", "/dev/stdout"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip("\ufeff").startswith("n,phase,line,op,")


def test_an_export_replaces_its_own_earlier_file_whole(clinic):
    out = clinic.folder / "golfer.csv"
    out.write_text("an older export\n" * 10_000, encoding="utf-8")
    done = clinic.export("golfer.prog", "--format", "csv", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("n,phase,line,op,") and "an older export" not in text
    assert sorted(p.name for p in clinic.folder.iterdir() if p.name.startswith(".")) == []
