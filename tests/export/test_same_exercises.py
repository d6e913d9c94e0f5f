"""The handout and the exports list the same exercises, numbered the same: a clinician who
compares the patient's page with what went into the clinic's record sees exercise N in both.

The handout is read as a reader sees it (the text of each numbered exercise on the page),
the FHIR Bundle as a receiving system does (its ServiceRequests in the CarePlan's order),
and the CSV as a spreadsheet does (its `exercise` column)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.export.conftest import GOLFER_KEYS, LEFT_KEYS

NARROW = "Place your right foot a little closer in towards your other foot"
FORWARD = "Place your right foot a little further forward"


class Exercises(HTMLParser):
    """The handout's numbered exercises as shown: (number, instruction text) in page order,
    and the exercise numbers heading the tick-box grid."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[list[str]] = []
        self.grid: list[str] = []
        self._in: str | None = None  # "number", "instruction" or "grid"
        self._li = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "li" and "exercise" in classes:
            self._li = True
            self.found.append(["", ""])
        elif self._li and "number" in classes:
            self._in = "number"
        elif self._li and "instruction" in classes:
            self._in = "instruction"
        elif tag == "table" and "grid" in classes:
            self._in = "grid"
        elif self._in == "grid" and tag == "tbody":
            self._in = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._li = False
        if self._in in ("number", "instruction") and tag in ("div", "p"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "number":
            self.found[-1][0] += data
        elif self._in == "instruction":
            self.found[-1][1] += data
        elif self._in == "grid" and data.strip():
            self.grid.append(data.strip())


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def handout(clinic, program: str, *args: str) -> list[tuple[int, str]]:
    out = clinic.path(program + ".html")
    done = clinic.cli("handout", clinic.path(program), *args, "-o", out)
    assert done.exit_code == 0, done.output
    page = Exercises()
    with open(out, encoding="utf-8") as handle:
        page.feed(handle.read())
    listed = [(int(number), flat(text)) for number, text in page.found]
    assert page.grid[2:-1] == [str(number) for number, _ in listed]  # Day, Date, …, Pain
    return listed


def requests(clinic, program: str, *args: str) -> list[dict]:
    done = clinic.export(program, "--format", "fhir", *args)
    assert done.exit_code == 0, done.stderr
    bundle = json.loads(done.stdout)
    by_url = {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
    (plan,) = [r for r in by_url.values() if r["resourceType"] == "CarePlan"]
    in_plan = [by_url[activity["reference"]["reference"]] for activity in plan["activity"]]
    listed = [r for r in by_url.values() if r["resourceType"] == "ServiceRequest"]
    assert in_plan == listed  # the plan's order is the Bundle's order
    return listed


def csv_exercises(clinic, program: str, *args: str) -> dict[int, str]:
    """Each exercise number of the CSV with the instruction of its last row (its prescription)."""
    done = clinic.export(program, "--format", "csv", *args)
    assert done.exit_code == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    numbered = [row for row in rows if row["exercise"]]
    assert {row["op"] for row in numbered}.isdisjoint({"retest", "note"})
    return {int(row["exercise"]): row["instruction"] for row in numbered}


def sessions(clinic) -> dict[str, tuple[str, ...]]:
    return {
        "golfer": ("golfer.prog",),
        "left-hip": ("left-hip.prog",),
        # narrow worse (taken off), forward better (kept), stopped in the taper
        "golfer-session": ("golfer.prog", "--session", clinic.session("golfer.prog", GOLFER_KEYS)),
        # every alternative the same: all taken off; the session goes to the end
        "left-session": (
            "left-hip.prog", "--session", clinic.session("left-hip.prog", LEFT_KEYS, "left.jsonl")
        ),
    }


@pytest.mark.parametrize("case", ["golfer", "left-hip", "golfer-session", "left-session"])
def test_the_handout_and_the_exports_list_the_same_exercises(clinic, case):
    program, *args = sessions(clinic)[case]
    on_page = handout(clinic, program, *args)
    in_record = requests(clinic, program, *args)
    assert [number for number, _ in on_page] == list(range(1, len(on_page) + 1))
    assert len(in_record) == len(on_page) > 0
    for (number, text), request in zip(on_page, in_record, strict=True):
        assert flat(request["patientInstruction"]) == text, f"exercise {number}"
    in_sheet = csv_exercises(clinic, program, *args)
    assert sorted(in_sheet) == [number for number, _ in on_page]
    assert [flat(in_sheet[number]) for number, _ in on_page] == [text for _, text in on_page]


def test_a_session_lists_only_the_alternative_it_kept_everywhere(clinic):
    program, *args = sessions(clinic)["golfer-session"]
    on_page = [text for _, text in handout(clinic, program, *args)]
    in_record = [r["patientInstruction"] for r in requests(clinic, program, *args)]
    for listed in (on_page, in_record):
        assert sum(FORWARD in text for text in listed) == 2  # kept, then its first taper stage
        assert not any(NARROW in text for text in listed)
        assert FORWARD not in listed[3] and FORWARD in listed[4]  # exercise 5 is the kept one


def test_the_kept_alternative_says_why_it_stays(clinic):
    program, *args = sessions(clinic)["golfer-session"]
    out = clinic.path("home.html")
    done = clinic.cli("handout", clinic.path(program), *args, "-o", out)
    assert done.exit_code == 0, done.output
    page = Path(out).read_text(encoding="utf-8").split('<section class="clinician">')[0]
    text = flat(page)
    assert "Why: you tried this in clinic and it made things better, so it stays." in text
    assert "it stays only if it makes things better" not in text  # no longer on trial
