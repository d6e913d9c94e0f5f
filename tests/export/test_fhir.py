"""`prog export --format fhir`: the Bundle validates as FHIR (fhir.resources, R4B models),
every reference resolves inside it, and it says what the program and the session say and
nothing about the patient that the caller did not give."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from dsl.session_log import read
from tests.export.conftest import GOLFER_ANSWERS, GOLFER_KEYS, LEFT_ANSWERS, LEFT_KEYS

SNOMED = "http://snomed.info/sct"
PROG_CODES = "urn:prog:fhir:CodeSystem:retest"
# Required bindings fhir.resources does not check (it checks structure and types).
STATUS = {
    "CarePlan": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error"},
    "ServiceRequest": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error"},
    "Observation": {"registered", "preliminary", "final", "amended"},
}
INTENT = {"proposal", "plan", "directive", "order", "original-order", "option"}


def exported(clinic, program: str, *args: str) -> dict:
    done = clinic.export(program, "--format", "fhir", *args)
    assert done.exit_code == 0, done.stderr
    assert done.stderr == ""
    bundle = json.loads(done.stdout)
    Bundle.model_validate(bundle)  # raises on anything that is not valid FHIR
    return bundle


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def references(value: object) -> list[str]:
    """Every `reference` anywhere inside `value`."""
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in references(v)]
    if isinstance(value, list):
        return [r for v in value for r in references(v)]
    return []


def test_the_golfer_without_a_session_is_a_plan_of_one_request_per_exercise(clinic):
    bundle = exported(clinic, "golfer.prog")
    assert bundle["type"] == "collection"
    (plan,) = resources(bundle, "CarePlan")
    assert plan["title"] == "Golfer — right glute med"
    assert (plan["status"], plan["intent"]) == ("active", "plan")
    requests = resources(bundle, "ServiceRequest")
    trace = clinic.trace("golfer.prog", [])
    by_n = {step["n"]: step for step in trace["steps"]}
    # the exercises of the handout: three pivots; the backswing built up with its two
    # drivers (no retest between); each stage of the taper; the disadvantage. The `try`
    # alternatives are options for the clinician, not exercises, until a session keeps one.
    made = [step for step in trace["steps"] if step["op"] in ("pivot", "taper", "disadvantage")]
    made.insert(3, by_n[7])  # driver right-hand overhead-left: the backswing, built up
    assert len(requests) == len(made) == 8
    assert [a["reference"]["reference"] for a in plan["activity"]] == [
        e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "ServiceRequest"
    ]
    for request, step in zip(requests, made, strict=True):
        assert request["code"]["coding"] == [
            {"system": SNOMED, "code": "229065009", "display": "Exercise therapy"}
        ]
        assert request["status"] == "active"  # nothing was tried yet: no alternative is off
        assert request["patientInstruction"] == step["instruction"]  # as `prog run` says it
        assert request["orderDetail"][0]["text"].startswith(step["base"])
    assert requests[3]["orderDetail"] == [
        {"text": "function golf.backswing 3x8"},
        {"text": "driver left-hand golf.swing"},
        {"text": "driver right-hand overhead-left"},
    ]
    assert requests[3]["quantityQuantity"]["value"] == 8  # repetitions in each set
    assert [note["text"] for note in requests[3]["note"]] == [
        f"Alternative to try: foot right {name}; kept only if the retest after it is better."
        for name in ("narrow", "forward", "turned-in")
    ]
    assert requests[4]["orderDetail"][1] == {"text": "driver left-hand golf.swing at 67%"}
    assert resources(bundle, "Observation") == []  # no session, no outcome


def test_statuses_and_intents_are_fhir_codes(clinic):
    bundle = exported(clinic, "golfer.prog")
    for entry in bundle["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        if kind in STATUS:
            assert resource["status"] in STATUS[kind]
        if "intent" in resource:
            assert resource["intent"] in INTENT


@pytest.mark.parametrize(
    ("program", "side", "laterality"),
    [("golfer.prog", "right", "24028007"), ("left-hip.prog", "left", "7771000")],
)
def test_each_request_names_the_target_hip_with_its_side(clinic, program, side, laterality):
    bundle = exported(clinic, program)
    for request in resources(bundle, "ServiceRequest"):
        (site,) = request["bodySite"]
        assert site["coding"] == [
            {"system": SNOMED, "code": "24136001", "display": "Hip joint structure"}
        ]
        (qualifier,) = site["extension"]
        assert qualifier["valueCodeableConcept"]["coding"][0]["code"] == laterality
        assert site["text"] == f"{side} hip"
    first = resources(bundle, "ServiceRequest")[0]  # pivot frontal: the stance leg is the target
    assert first["patientInstruction"].startswith(f"Stand on your {side} leg")


def test_without_a_subject_nothing_names_a_patient(clinic):
    bundle = exported(clinic, "golfer.prog")
    text = json.dumps(bundle)
    assert "Patient" not in text
    assert resources(bundle, "Patient") == []
    for entry in bundle["entry"]:
        resource = entry["resource"]
        assert "performer" not in resource
        if "subject" in resource:  # required by FHIR on CarePlan and ServiceRequest
            assert "reference" not in resource["subject"]
            (absent,) = resource["subject"]["extension"]
            assert absent["url"] == "http://hl7.org/fhir/StructureDefinition/data-absent-reason"


def test_every_reference_resolves_to_an_entry(clinic):
    log = clinic.session("golfer.prog", GOLFER_KEYS)
    bundle = exported(clinic, "golfer.prog", "--session", log, "--subject", "Patient/123")
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    assert all(url.startswith("urn:uuid:") for url in full_urls)
    found = references(bundle)
    assert found  # the plan's activities, the requests' plan, the observations' requests
    assert sorted(set(found) - set(full_urls)) == ["Patient/123"]


def test_the_same_program_gives_the_same_bundle_and_a_changed_one_another(clinic):
    first = clinic.export("golfer.prog", "--format", "fhir").stdout
    assert clinic.export("golfer.prog", "--format", "fhir").stdout == first
    program = clinic.folder / "golfer.prog"
    program.write_text(program.read_text(encoding="utf-8") + 'note "ice after"\n', "utf-8")
    changed = json.loads(clinic.export("golfer.prog", "--format", "fhir").stdout)
    before = {e["fullUrl"] for e in json.loads(first)["entry"]}
    assert before.isdisjoint(e["fullUrl"] for e in changed["entry"])


@pytest.mark.parametrize(
    ("program", "keys", "answers"),
    [("golfer.prog", GOLFER_KEYS, GOLFER_ANSWERS), ("left-hip.prog", LEFT_KEYS, LEFT_ANSWERS)],
)
def test_a_session_gives_one_coded_observation_per_answered_retest(clinic, program, keys, answers):
    log = clinic.session(program, keys)
    assert [outcome for _, outcome in read(log).answers] == answers
    bundle = exported(clinic, program, "--session", log, "--subject", "Patient/123")
    observations = resources(bundle, "Observation")
    assert len(observations) == len(answers)
    for observation, answer in zip(observations, answers, strict=True):
        assert observation["status"] == "final"
        assert observation["code"]["coding"][0] == {
            "system": PROG_CODES,
            "code": "retest",
            "display": "Re-test",
        }
        (value,) = observation["valueCodeableConcept"]["coding"]
        assert (value["system"], value["code"]) == (PROG_CODES, answer)
        assert observation["subject"] == {"reference": "Patient/123"}
        assert observation["effectiveDateTime"]  # when the clinician answered, from the log
    (codes,) = resources(bundle, "CodeSystem")
    assert codes["url"] == PROG_CODES
    assert {"better", "same", "worse", "unrecorded"} <= {c["code"] for c in codes["concept"]}
    for resource in resources(bundle, "CarePlan") + resources(bundle, "ServiceRequest"):
        assert resource["subject"] == {"reference": "Patient/123"}


def test_a_session_keeps_the_better_alternative_and_notes_the_ones_taken_off(clinic):
    log = clinic.session("golfer.prog", GOLFER_KEYS)
    bundle = exported(clinic, "golfer.prog", "--session", log)
    requests = resources(bundle, "ServiceRequest")
    details = [[part["text"] for part in r["orderDetail"]] for r in requests]
    assert not any("foot right narrow" in d for d in details)  # worse: not an exercise
    backswing, forward = requests[3], requests[4]
    assert details[4][-1] == "foot right forward"
    assert [n["text"] for n in backswing["note"]] == [
        "Alternative tried: foot right narrow; the retest was worse, so it was taken off."
    ]
    assert forward["status"] == "active"
    assert "better, so it was kept" in forward["note"][0]["text"]
    # each retest is based on the exercise being done when it was answered
    urls = {e["resource"]["id"]: e["fullUrl"] for e in bundle["entry"]}
    observations = resources(bundle, "Observation")
    assert observations[2]["basedOn"] == [{"reference": urls[backswing["id"]]}]
    assert observations[2]["note"] == [{"text": "With the alternative foot right narrow."}]
    assert observations[3]["basedOn"] == [{"reference": urls[forward["id"]]}]
    assert {"reference": urls[observations[2]["id"]]} in next(
        a["outcomeReference"]
        for a in resources(bundle, "CarePlan")[0]["activity"]
        if a["reference"]["reference"] == urls[backswing["id"]]
    )
    # the session stopped at the first stage of the taper: what it reached, as the handout
    assert details[-1][1] == "driver left-hand golf.swing at 67%"
    assert len(requests) == 6
    assert all(r["status"] == "active" for r in requests)


def test_a_bundle_written_to_a_file_is_the_bundle_on_stdout(clinic):
    out = clinic.path("golfer.fhir.json")
    done = clinic.export("golfer.prog", "--format", "fhir", "-o", out)
    assert (done.exit_code, done.stdout) == (0, "")
    written = (clinic.folder / "golfer.fhir.json").read_text(encoding="utf-8")
    assert written == clinic.export("golfer.prog", "--format", "fhir").stdout


SMALL = """\
program "Small"
target left glute-max
note "warm up first"
pivot frontal for 30s
note "keep the knee over the toes"
retest step-down
pivot sagittal for 2m
disadvantage adduction reverse
retest
"""


def test_notes_durations_and_a_reversed_disadvantage(clinic, cli):
    program = clinic.folder / "small.prog"
    program.write_text(SMALL, encoding="utf-8")
    done = cli("export", str(program), "--format", "fhir", "--subject", "Group/7")
    assert done.exit_code == 0, done.stderr
    bundle = json.loads(done.stdout)
    Bundle.model_validate(bundle)
    (plan,) = resources(bundle, "CarePlan")
    assert plan["note"] == [{"text": "warm up first"}]
    assert plan["description"] == "Exercise progression for the left glute-max"
    frontal, sagittal, held = resources(bundle, "ServiceRequest")
    assert frontal["note"] == [{"text": "keep the knee over the toes"}]
    assert frontal["occurrenceTiming"] == {"repeat": {"duration": 30, "durationUnit": "s"}}
    assert sagittal["occurrenceTiming"] == {"repeat": {"duration": 2, "durationUnit": "min"}}
    assert "quantityQuantity" not in frontal
    assert held["orderDetail"] == [
        {"text": "pivot sagittal for 2m"},
        {"text": "disadvantage adduction reverse"},
    ]
    for request in (frontal, sagittal, held):
        assert request["subject"] == {"reference": "Group/7"}
        assert "performer" not in request  # a group does not carry out an exercise


@pytest.mark.parametrize(
    "subject",
    [
        "https://fhir.example.org/Patient/abc-1",
        "urn:uuid:" + "0" * 8 + "-0000" * 3 + "-" + "0" * 12,
    ],
)
def test_a_patient_given_as_a_url_is_the_subject_and_the_performer(clinic, subject):
    bundle = exported(clinic, "golfer.prog", "--subject", subject)
    for request in resources(bundle, "ServiceRequest"):
        assert request["subject"] == {"reference": subject}
    performers = [r.get("performer") for r in resources(bundle, "ServiceRequest")]
    assert performers[0] == ([{"reference": subject}] if "Patient/" in subject else None)


def test_a_changed_include_gives_other_ids(clinic, cli):
    library = clinic.folder / "lib.prog"
    library.write_text("define warm-up:\n    pivot sagittal x10\n", encoding="utf-8")
    program = clinic.folder / "main.prog"
    program.write_text('include "lib.prog"\nuse warm-up\nretest\n', encoding="utf-8")
    before = json.loads(cli("export", str(program), "--format", "fhir").stdout)
    library.write_text("define warm-up:\n    pivot sagittal x12\n", encoding="utf-8")
    after = json.loads(cli("export", str(program), "--format", "fhir").stdout)
    assert before["id"] != after["id"]
    (request,) = resources(after, "ServiceRequest")
    assert request["orderDetail"] == [{"text": "pivot sagittal x12"}]
