"""FHIR export: a `Course` in; a FHIR R4 Bundle (plain JSON-ready dicts) out.

The bundle follows the pattern of the HL7 Physical Activity implementation guide
(https://hl7.org/fhir/us/physical-activity/): a CarePlan whose activities reference one
ServiceRequest per exercise (SNOMED CT 229065009 "Exercise therapy"), and, from a session
log, one Observation per answered retest. It does not claim the guide's profiles: they
build on US Core, which requires a patient, and prog invents no patient data.

Every `fullUrl` is a `urn:uuid:` made with uuid5 from the program's identity, so the same
program (and session) always gives the same bundle. `docs/export.md` has the whole mapping
and the codes' sources.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from dsl.interpreter import Step
from dsl.outputs.course import Course
from dsl.outputs.home import Exercise, Trial

Json = dict[str, Any]

SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
PROG_CODES = "urn:prog:fhir:CodeSystem:retest"  # prog's own codes: see `code_system`
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:prog:fhir")

EXERCISE_THERAPY = {"system": SNOMED, "code": "229065009", "display": "Exercise therapy"}
HIP_JOINT = {"system": SNOMED, "code": "24136001", "display": "Hip joint structure"}
LATERALITY = {
    "left": {"system": SNOMED, "code": "7771000", "display": "Left"},
    "right": {"system": SNOMED, "code": "24028007", "display": "Right"},
}
LATERALITY_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"
PHYSICAL_ACTIVITY = {
    "coding": [
        {
            "system": "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes",
            "code": "PhysicalActivity",
            "display": "Physical Activity",
        }
    ]
}
ASSESS_PLAN = {
    "coding": [
        {
            "system": "http://hl7.org/fhir/us/core/CodeSystem/careplan-category",
            "code": "assess-plan",
            "display": "Assessment and Plan of Treatment",
        }
    ]
}
EXAM = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "exam",
            "display": "Exam",
        }
    ]
}
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
KEPT = "Alternative tried: the retest was better, so it was kept."

# prog's own concepts: a retest and its outcomes have no standard code.
CONCEPTS = {
    "retest": (
        "Re-test",
        "A re-assessment of the target movement after a change to the exercise, as the "
        "method asks: re-test after each change to know what works.",
    ),
    "better": ("Better", "The re-test was better than before the change."),
    "same": ("Same", "The re-test was the same as before the change."),
    "worse": ("Worse", "The re-test was worse than before the change."),
    "unrecorded": ("Unrecorded", "No outcome was recorded for the re-test; not better."),
}

_SUBJECT = re.compile(
    r"^(?:(?:https?://\S+/)?(?:Patient|Group)/[A-Za-z0-9\-.]{1,64}"
    r"|urn:uuid:[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})$"
)


def subject_problem(subject: str) -> str | None:
    """Why `subject` cannot be a CarePlan's subject, or None when it can."""
    if _SUBJECT.match(subject):
        return None
    return (
        f"--subject `{subject}` is not a patient reference; give one like Patient/123, "
        "https://fhir.example.org/Patient/123 or urn:uuid:…"
    )


def bundle(course: Course, subject: str | None = None) -> Json:
    """The whole Bundle (type `collection`): CodeSystem, CarePlan, ServiceRequests and,
    from a session, Observations."""
    return _Maker(course, subject).bundle()


def code_system() -> Json:
    """prog's CodeSystem for the retest and its outcomes (no standard code exists)."""
    return {
        "resourceType": "CodeSystem",
        "url": PROG_CODES,
        "version": "1",
        "name": "ProgRetest",
        "title": "prog re-test and its outcomes",
        "status": "active",
        "experimental": False,
        "publisher": "prog",
        "description": (
            "Codes of the prog progression language for a re-test after a change to an "
            "exercise and its outcome. No standard terminology has codes for these, so "
            "prog defines its own; the outcome is judged by the clinician against the "
            "previous re-test."
        ),
        "caseSensitive": True,
        "content": "complete",
        "count": len(CONCEPTS),
        "concept": [
            {"code": code, "display": display, "definition": definition}
            for code, (display, definition) in CONCEPTS.items()
        ],
    }


class _Maker:
    """Builds the resources of one bundle; ids come from the course's identity."""

    def __init__(self, course: Course, subject: str | None) -> None:
        self.course = course
        # A required subject the caller did not give: said to be absent, not made up.
        not_given = {"extension": [{"url": DATA_ABSENT, "valueCode": "not-asked"}]}
        self.subject: Json = {"reference": subject} if subject else not_given
        self.given = subject is not None
        self.patient = subject is not None and "Patient/" in subject  # can be the performer
        checked = course.checked
        self.side = checked.target_side
        self.muscle = checked.target_muscle

    def uuid(self, kind: str, n: int = 0) -> str:
        return str(uuid.uuid5(NAMESPACE, f"{self.course.identity}/{kind}/{n}"))

    def ref(self, kind: str, n: int = 0) -> Json:
        return {"reference": f"urn:uuid:{self.uuid(kind, n)}"}

    def entry(self, resource: Json, kind: str, n: int = 0) -> Json:
        return {
            "fullUrl": f"urn:uuid:{self.uuid(kind, n)}",
            "resource": {"resourceType": resource["resourceType"], "id": self.uuid(kind, n)}
            | {k: v for k, v in resource.items() if k != "resourceType"},
        }

    def bundle(self) -> Json:
        home = self.course.home
        exercises = home.exercises
        retests = [s for s in self.course.steps if self.course.answered(s)]
        notes = self.notes()
        entries = [
            self.entry(code_system(), "CodeSystem"),
            self.entry(self.care_plan(exercises, retests, notes.get(None, [])), "CarePlan"),
        ]
        entries += [
            self.entry(self.service_request(e, notes.get(e.number, [])), "ServiceRequest", e.number)
            for e in exercises
        ]
        entries += [self.entry(self.observation(s), "Observation", s.n) for s in retests]
        identity = self.uuid("Bundle")
        return {
            "resourceType": "Bundle",
            "id": identity,
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{identity}"},
            "type": "collection",
            "entry": entries,
        }

    def notes(self) -> dict[int | None, list[str]]:
        """The notes of each exercise (None: the plan's): each `note` under the exercise in
        force when it was written, then what became of the `try` alternatives tried on it."""
        home = self.course.home
        out: dict[int | None, list[str]] = {}
        for step in self.course.steps:
            if step.note is not None:
                out.setdefault(home.in_force(step.n), []).append(step.note)
        for trial in home.trials:
            out.setdefault(trial.on, []).append(_trial_note(trial))
        return out

    def care_plan(self, exercises: list[Exercise], retests: list[Step], notes: list[str]) -> Json:
        home = self.course.home
        outcomes: dict[int, list[Json]] = {}
        for step in retests:
            if (number := home.in_force(step.n)) is not None:
                outcomes.setdefault(number, []).append(self.ref("Observation", step.n))
        checked = self.course.checked
        plan: Json = {
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "category": [ASSESS_PLAN, PHYSICAL_ACTIVITY],
        }
        if checked.title:
            plan["title"] = checked.title
        plan["description"] = f"Exercise progression for the {self.side} {self.muscle}" + "".join(
            f"; {sport}, {handed}-handed" for sport, handed in checked.sports.items()
        )
        plan["subject"] = self.subject
        plan["activity"] = [
            {"reference": self.ref("ServiceRequest", e.number)}
            | ({"outcomeReference": outcomes[e.number]} if e.number in outcomes else {})
            for e in exercises
        ]
        if notes:
            plan["note"] = [{"text": text} for text in notes]
        return plan

    def service_request(self, exercise: Exercise, notes: list[str]) -> Json:
        request: Json = {
            "resourceType": "ServiceRequest",
            "basedOn": [self.ref("CarePlan")],
            "status": "active",
            "intent": "plan",
            "category": [PHYSICAL_ACTIVITY],
            "code": {"coding": [EXERCISE_THERAPY], "text": "Exercise therapy"},
            "orderDetail": [{"text": part} for part in _prescription(exercise)],
        }
        dose = exercise.dose
        if dose is not None and dose.reps is not None:
            request["quantityQuantity"] = {
                "value": dose.reps,
                "unit": "repetitions",
                "system": UCUM,
                "code": "{repetitions}",
            }
        request["subject"] = self.subject
        if dose is not None and dose.seconds is not None:
            minutes = dose.unit == "m"
            request["occurrenceTiming"] = {
                "repeat": {
                    "duration": dose.seconds // 60 if minutes else dose.seconds,
                    "durationUnit": "min" if minutes else "s",
                }
            }
        if self.patient:
            request["performer"] = [self.subject]
        reason = f"Train the {self.side} {self.muscle} to fire in function"
        request["reasonCode"] = [{"text": reason}]
        request["bodySite"] = [self.body_site()]
        if exercise.kept:
            notes = [KEPT, *notes]
        if notes:
            request["note"] = [{"text": text} for text in notes]
        request["patientInstruction"] = exercise.words.instruction
        return request

    def body_site(self) -> Json:
        return {
            "extension": [
                {
                    "url": LATERALITY_EXTENSION,
                    "valueCodeableConcept": {"coding": [LATERALITY[self.side]]},
                }
            ],
            "coding": [HIP_JOINT],
            "text": f"{self.side} hip",
        }

    def observation(self, step: Step) -> Json:
        outcome = step.outcome or "unrecorded"
        observation: Json = {"resourceType": "Observation"}
        if (number := self.course.home.in_force(step.n)) is not None:
            observation["basedOn"] = [self.ref("ServiceRequest", number)]
        observation |= {
            "status": "final",
            "category": [EXAM],
            "code": {
                "coding": [_prog_coding("retest")],
                "text": f"retest {step.test}" if step.test else "retest",
            },
        }
        if self.given:
            observation["subject"] = self.subject
        if at := self.course.at(step):
            observation["effectiveDateTime"] = at
        observation["valueCodeableConcept"] = {"coding": [_prog_coding(outcome)], "text": outcome}
        if step.in_try and step.tweaks:
            tweak = step.tweaks[-1]
            observation["note"] = [{"text": f"With the alternative {tweak.kind} {tweak.name}."}]
        return observation


def _prog_coding(code: str) -> Json:
    return {"system": PROG_CODES, "code": code, "display": CONCEPTS[code][0]}


def _prescription(exercise: Exercise) -> list[str]:
    """What is being done, in the program's own words: the base movement with its dose,
    each tweak (with its intensity while tapered) and each disadvantaged motion."""
    step = exercise.step
    parts: list[str] = []
    if step.base is not None:
        dose = f" {exercise.dose.text()}" if exercise.dose is not None else ""
        parts.append(f"{step.base}{dose}")
    for tweak in step.tweaks:
        at = f" at {tweak.intensity}%" if tweak.intensity != 100 else ""
        parts.append(f"{tweak.kind} {tweak.name}{at}")
    parts.extend(f"disadvantage {motion}" for motion in exercise.held_back)
    return parts


def _trial_note(trial: Trial) -> str:
    """What became of a `try` alternative that is not an exercise: undone in the session,
    or (no session) an option to try on this exercise."""
    tweak = trial.step.tweaks[-1]
    if trial.outcome is None:
        return (
            f"Alternative to try: {tweak.kind} {tweak.name}; kept only if the retest after "
            "it is better."
        )
    said = {"same": "the same", "unrecorded": "not recorded"}.get(trial.outcome, trial.outcome)
    return (
        f"Alternative tried: {tweak.kind} {tweak.name}; the retest was {said}, so it was "
        "taken off."
    )
