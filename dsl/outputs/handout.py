"""The handout: a program (and optionally a session log) in; a printable A4 page for the
patient out, as self-contained HTML (Jinja2) or PDF (WeasyPrint, the `pdf` extra).

The page holds the title and side, how to do the exercises, what the patient should feel
and when to stop (prog's own conservative wording, see docs/handout.md), the exercises
phase by phase in plain words with their dose, the clinician's notes, a tick-box grid of
days × exercises with a pain column, and, after a page break, a page for the clinician with
the drive chart and every step. Jinja2 and WeasyPrint are imported here only, so neither
costs `prog --version` or `prog lint` anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dsl import __version__
from dsl.checker import Checked
from dsl.interpreter import Step
from dsl.outputs.chart import drive_svg
from dsl.outputs.home import HomeProgram, home_program
from dsl.outputs.phrases import spoken
from dsl.session_log import Recorded

TEMPLATES = Path(__file__).parent / "templates"
DAYS = 7

HOW = (
    "Do the exercises below in order, part by part, as your clinician showed you. Move "
    "slowly and with control, and keep breathing. Stand near a wall, a kitchen worktop or a "
    "sturdy chair so you can steady yourself. Where a stage says 'easing off', move on to the "
    "next stage only when your clinician tells you to."
)
FEEL = (
    "You should feel {muscle} working: effort, warmth or a mild ache in the muscle while you "
    "exercise, which settles within a few minutes of stopping. Mild soreness the next day "
    "is normal if it has gone by the day after."
)
STOP = (
    "sharp, stabbing or catching pain, or pain that makes you change how you move",
    "pain above 5 out of 10, or pain clearly worse than before you started",
    "pain or stiffness that is still worse the next morning",
    "pins and needles, numbness, or your leg giving way",
    "dizziness, chest pain or unusual shortness of breath: stop at once and get medical help",
)
MUSCLES = {
    "glute-med": "the muscle at the side of your {side} hip (gluteus medius)",
    "glute-max": "your {side} buttock muscle (gluteus maximus)",
}


class HandoutError(Exception):
    """The handout cannot be made as asked; the message says why, for the clinician."""


@dataclass
class Handout:
    """Everything on the page, ready for the template."""

    checked: Checked
    steps: list[Step]
    home: HomeProgram
    source_line: str


def build(checked: Checked, steps: list[Step], recorded: Recorded | None = None) -> Handout:
    """The handout of a run: the program's own steps, or those of a recorded session."""
    home = home_program(checked, steps)
    source = f"Made by prog {__version__} from {checked.program.file}"
    if recorded is not None:
        state = "the whole program" if recorded.ended else f"up to step {recorded.done}"
        source += (
            f" and the session {recorded.path} (started {recorded.header.get('started', '?')}; "
            f"{len(recorded.answers)} retest answer(s); {state}). The home program holds the "
            "alternatives kept in that session, not those undone."
        )
    else:
        source += (
            ". No session was given, so no alternative of a `try` is kept: they are listed "
            "for the clinician to choose."
        )
    return Handout(checked, steps, home, source_line=source)


def render_html(handout: Handout) -> str:
    """The handout as one self-contained HTML page (inline CSS and SVG, nothing fetched)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("handout.html.j2")
    return template.render(**_page(handout))


def _page(handout: Handout) -> dict[str, Any]:
    checked = handout.checked
    side = checked.target_side
    muscle = MUSCLES.get(checked.target_muscle, f"your {side} {spoken(checked.target_muscle)}")
    muscle = muscle.format(side=side)
    sports = "; ".join(
        f"{name.capitalize()}, {handed}-handed" for name, handed in checked.sports.items()
    )
    exercise_of = handout.home.number_of
    rows = [
        {
            "n": step.n,
            "phase": step.phase or "",
            "text": step.text,
            "drive": [f"{value:+.2f}" for value in step.drive],
            "advantage": step.advantage,
            "outcome": step.outcome or "",
            "exercise": exercise_of.get(step.n, ""),
        }
        for step in handout.steps
    ]
    return {
        "version": __version__,
        "title": checked.title or "Your exercise programme",
        "side": f"{side} hip",
        "muscle": f"for {muscle}",
        "sports": sports,
        "how": HOW,
        "feel": FEEL.format(muscle=muscle),
        "stop": STOP,
        "sections": handout.home.sections,
        "exercises": handout.home.exercises,
        "days": [f"Day {day}" for day in range(1, DAYS + 1)],
        "source": handout.source_line,
        "chart": drive_svg(handout.steps, f"{checked.title or 'Program'}: the drive per plane"),
        "notes": [step.note for step in handout.steps if step.note],
        "rows": rows,
        "css": (TEMPLATES / "handout.css").read_text(encoding="utf-8"),
    }


def pdf(html: str) -> bytes:
    """`html` printed to a PDF by WeasyPrint; `HandoutError` when it is missing. Made whole
    before any file is touched, so a PDF that cannot be made replaces nothing."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise HandoutError("PDF needs WeasyPrint: pip install 'prog[pdf]'") from None
    except OSError as error:  # WeasyPrint is there, its system libraries (Pango) are not
        raise HandoutError(
            f"WeasyPrint cannot load its system libraries ({error}); see docs/handout.md"
        ) from None
    made: bytes = HTML(string=html, base_url=None).write_pdf()
    return made
