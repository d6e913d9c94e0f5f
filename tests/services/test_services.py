"""The language services as plain functions, on real programs: the examples, golf's words,
settings from a real `pyproject.toml`, and text an editor sends while a line is half typed."""

from __future__ import annotations

import json

import pytest

from dsl.lint.engine import lint_path
from dsl.services import (
    Document,
    Location,
    Position,
    Range,
    code_actions,
    complete,
    definition,
    diagnose,
    folding,
    format_edits,
    hover,
    symbols,
)
from tests.conftest import EXAMPLES

GOLFER = EXAMPLES / "golfer.prog"


def doc_of(path) -> Document:
    return Document(path.read_text(encoding="utf-8"), str(path))


def at(doc: Document, needle: str, offset: int = 0) -> Position:
    """The position of the first `needle` in the document, plus `offset` characters."""
    for number, line in enumerate(doc.lines):
        if needle in line:
            return Position(number, line.index(needle) + offset)
    raise AssertionError(f"{needle!r} not in the document")


def labels(doc: Document, pos: Position) -> list[str]:
    return [c.label for c in complete(doc, pos)]


def apply(text: str, edits) -> str:
    """The text after `edits` (non-overlapping), applied from the last to the first."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: e.range.start, reverse=True):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


# --- diagnostics ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.prog")), ids=lambda p: p.name)
def test_diagnostics_are_what_lint_reports_for_every_example(path) -> None:
    doc = doc_of(path)
    from dsl.lint.config import find_config, load

    report = lint_path(str(path), load(find_config(path.parent)))
    expected = [(d.code, d.span.line - 1, d.span.col - 1, d.message) for d in report.diagnostics]
    got = [(d.code, d.range.start.line, d.range.start.character, d.message) for d in diagnose(doc)]
    assert got == expected


def test_a_misspelt_plane_is_p002_with_its_suggestion_on_the_word() -> None:
    doc = Document("target right glute-med\npivot frontl x10\nretest\n")
    [found] = [d for d in diagnose(doc) if d.severity == "error"]
    assert (found.code, found.suggestion) == ("P002", "frontal")
    assert found.range == Range(Position(1, 6), Position(1, 12))
    assert "did you mean `frontal`?" in found.message


def test_settings_and_noqa_are_honoured_from_the_documents_folder(tmp_path, monkeypatch) -> None:
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "pyproject.toml").write_text('[tool.prog]\nignore = ["P104"]\n')
    text = "target right glute-med\npivot frontal\ndriver right-hand overhead-left\nretest\n"
    doc = Document(text, str(tmp_path / "project" / "a.prog"))
    assert "P104" not in {d.code for d in diagnose(doc)}
    monkeypatch.chdir(tmp_path)  # an unsaved buffer: the working folder's settings, as `lint -`
    assert "P104" in {d.code for d in diagnose(Document(text))}
    monkeypatch.chdir(tmp_path / "project")
    assert "P104" not in {d.code for d in diagnose(Document(text))}
    noqa = Document(text.replace("retest\n", "retest  # noqa: P104\n"))
    assert "P104" not in {d.code for d in diagnose(noqa)}


def test_a_document_and_the_commands_share_one_load_of_the_chosen_plugins(
    tmp_path, monkeypatch
) -> None:
    """The studio checks documents and steps programs in one process: the plugins the
    project chose are loaded once for both."""
    from dsl.plugin_choice import ENVIRONMENT
    from dsl.registry import installed

    (tmp_path / "pyproject.toml").write_text('[tool.prog]\nplugins = ["golf"]\n')
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.chdir(tmp_path)
    doc = Document("sport golf\nfunction golf.backswing\n", str(tmp_path / "a.prog"))
    assert doc.vocabulary_registry is installed()
    assert [r.name for r in installed().reports if r.status == "ok"] == ["golf"]


def test_settings_and_plugins_edited_while_a_document_is_open_apply_to_its_next_check(
    tmp_path,
) -> None:
    """A keystroke does not re-read `pyproject.toml`, but an edit of it is seen at once."""
    text = "target right glute-med\nsport golf\npivot frontal\ndriver right-hand overhead-left\n"
    path = str(tmp_path / "a.prog")
    assert {"P104", "P107"} <= {d.code for d in diagnose(Document(text, path))}
    (tmp_path / "pyproject.toml").write_text('[tool.prog]\nignore = ["P104"]\n')
    codes = {d.code for d in diagnose(Document(text, path))}
    assert "P104" not in codes and "P107" in codes
    (tmp_path / "pyproject.toml").write_text('[tool.prog]\nignore = ["P107", "P109"]\n')
    codes = {d.code for d in diagnose(Document(text, path))}
    assert "P104" in codes and "P107" not in codes
    (tmp_path / "pyproject.toml").write_text('[tool.prog]\nplugins = ["tennis"]\n')
    [error] = diagnose(Document(text, path))  # golf is not among the chosen plugins
    assert error.code == "P004" and "golf" in error.message


def test_a_problem_in_an_included_file_sits_on_the_include_line(tmp_path) -> None:
    (tmp_path / "lib.prog").write_text("define warm:\n    pivot frontl\n")
    text = 'target right glute-med\ninclude "lib.prog"\nuse warm\nretest\n'
    found = diagnose(Document(text, str(tmp_path / "main.prog")))
    [error] = [d for d in found if d.code == "P002"]
    assert error.range.start.line == 1 and error.file.endswith("lib.prog")
    assert error.message.startswith("lib.prog:2:11: unknown plane `frontl`")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "pivot",
        "phase:\n\tpivot frontal",
        "\ufeffpivot frontl",
        "    " * 40 + "pivot\n",
        "define a:\n" + "".join("    " * i + "phase x:\n" for i in range(1, 60)),
        "x" * 100_000,
        "\x00\udc80\ud800",
        "pivot frontal\n" * 20_000,
        'note "unterminated\n' * 50,
        "use a\n" + "define a:\n    use a\n",
    ],
)
def test_every_service_answers_hostile_text_without_raising(text: str) -> None:
    doc = Document(text, None)
    diagnostics = diagnose(doc)
    assert isinstance(diagnostics, list)
    for pos in (Position(0, 0), Position(0, 3), Position(5, 1), Position(-1, -1)):
        assert isinstance(complete(doc, pos), list)
        hover(doc, pos)
        definition(doc, pos)
    assert isinstance(code_actions(doc, doc.whole()), list)
    assert isinstance(format_edits(doc), list)
    assert isinstance(symbols(doc), list) and isinstance(folding(doc), list)


def test_a_huge_text_gets_the_size_diagnostic() -> None:
    doc = Document("pivot frontal\n" * 400_000)
    [found] = diagnose(doc)
    assert found.code == "P005" and "5 MiB" in found.message


# --- completion ----------------------------------------------------------------------------


def test_statement_start_offers_the_grammars_keywords() -> None:
    doc = Document("target right glute-med\n\n")
    words = labels(doc, Position(1, 0))
    assert {"pivot", "driver", "phase", "define", "try", "retest", "sport"} <= set(words)


def test_context_keywords_are_not_offered_after_the_first_movement() -> None:
    doc = Document("pivot frontal\n\n")
    assert "target" not in labels(doc, Position(1, 0))
    assert "pivot" in labels(doc, Position(1, 0))


def test_inside_a_try_only_tweaks_are_offered() -> None:
    doc = Document("pivot frontal\ntry until better:\n    foot right narrow\n    \n")
    assert set(labels(doc, Position(3, 4))) == {"driver", "foot", "surface", "ground-reaction"}


def test_after_pivot_the_planes() -> None:
    doc = Document("pivot \n")
    assert labels(doc, Position(0, 6)) == ["sagittal", "frontal", "transverse"]
    [frontal] = [c for c in complete(doc, Position(0, 6)) if c.label == "frontal"]
    assert "F+3" in frontal.detail


def test_after_driver_the_limbs_then_the_limbs_directions_in_force() -> None:
    plain = Document("driver right-hand \n")
    assert labels(plain, Position(0, 7)) == [
        "left-hand",
        "right-hand",
        "both-hands",
        "pelvis",
        "head",
    ]
    directions = labels(plain, Position(0, 18))
    assert "overhead-left" in directions and "golf.swing" not in directions
    golf = Document("sport golf\ndriver right-hand \n")
    assert {"overhead-left", "golf.swing"} <= set(labels(golf, Position(1, 18)))
    assert labels(Document("driver head \n"), Position(0, 12)) == ["rotate-left", "rotate-right"]


def test_a_half_typed_sport_word_is_replaced_whole() -> None:
    doc = Document("sport golf\ndriver left-hand golf.sw\n")
    found = {c.label: c for c in complete(doc, Position(1, 24))}
    assert "golf.swing" in found
    assert found["golf.swing"].replace == Range(Position(1, 17), Position(1, 24))


def test_foot_sides_then_positions() -> None:
    assert labels(Document("foot \n"), Position(0, 5)) == ["left", "right"]
    positions = labels(Document("foot right \n"), Position(0, 11))
    assert positions == ["narrow", "wide", "forward", "back", "turned-in", "turned-out"]


def test_the_sport_being_typed_is_offered_and_one_already_on_is_not() -> None:
    """`sport go|lf`: the word under the cursor is not yet a sport on; another line's is."""
    for character in (6, 8, 10):
        assert "golf" in labels(Document("sport golf\npivot frontal x10\n"), Position(0, character))
    assert "golf" not in labels(Document("sport golf\nsport \n"), Position(1, 6))


def test_function_offers_the_active_sports_phases() -> None:
    assert labels(Document("function \n"), Position(0, 9)) == []
    phases = labels(Document("sport golf\nfunction \n"), Position(1, 9))
    assert "golf.backswing" in phases and not any(p.startswith("tennis.") for p in phases)


def test_taper_disadvantage_sport_target_and_use() -> None:
    assert labels(Document("taper \n"), Position(0, 6)) == [
        "foot",
        "driver",
        "surface",
        "ground-reaction",
        "all",
    ]
    assert labels(Document("disadvantage \n"), Position(0, 13)) == [
        "flexion",
        "adduction",
        "internal-rotation",
    ]
    assert {"golf", "tennis"} <= set(labels(Document("sport \n"), Position(0, 6)))
    assert labels(Document("target \n"), Position(0, 7)) == ["left", "right"]
    assert "glute-med" in labels(Document("target left \n"), Position(0, 12))
    warmup = EXAMPLES / "clinic-warmup.prog"
    text = warmup.read_text(encoding="utf-8") + "use \n"
    doc = Document(text, str(warmup))
    assert {"warm-up", "pivots", "hand-drive"} <= set(labels(doc, Position(len(doc.lines) - 2, 4)))


def test_nothing_is_offered_in_a_comment_or_a_string() -> None:
    assert complete(Document("pivot frontal  # driver \n"), Position(0, 24)) == []
    assert complete(Document('note "driver \n'), Position(0, 13)) == []


def test_after_a_semicolon_a_new_statement_starts() -> None:
    assert "retest" in labels(Document("pivot frontal; \n"), Position(0, 15))
    assert "frontal" in labels(Document("retest; pivot \n"), Position(0, 14))


# --- hover ---------------------------------------------------------------------------------


def test_hover_over_frontal_shows_f_plus_3() -> None:
    doc = doc_of(GOLFER)
    found = hover(doc, at(doc, "pivot frontal", 8))
    assert found is not None and "Effect on the target hip" in found.markdown
    assert "**F+3**" in found.markdown
    assert doc.slice(found.range) == "frontal"
    assert (
        "Drive after this step (every retest better): **F+3**, favorable adduction, advantage 1"
        in found.markdown
    )


def test_a_program_with_errors_gets_no_drive_on_hover() -> None:
    doc = Document("pivot frontal\npivot frontl\nretest\n")
    found = hover(doc, Position(0, 8))
    assert "**F+3**" in found.markdown and "Drive after" not in found.markdown


def test_hover_over_a_golf_direction_shows_its_doc_and_effect_for_the_handedness() -> None:
    swing = hover(Document("sport golf\ndriver left-hand golf.swing\n"), Position(1, 20))
    assert "normal golf swing" in swing.markdown and "**F-1 T+1**" in swing.markdown
    reach = "driver left-hand golf.backswing-reach\n"
    right = hover(Document("sport golf\n" + reach), Position(1, 20))
    left = hover(Document("sport golf handed left\n" + reach), Position(1, 20))
    assert "**F-2 T+2**" in right.markdown and "golf right-handed" in right.markdown
    assert "**F+1 T-2**" in left.markdown and "golf left-handed" in left.markdown


def test_a_sport_word_without_its_sport_line_is_not_in_force_as_the_checker_says() -> None:
    for text in ("driver left-hand golf.swing\n", "sport tennis\ndriver left-hand golf.swing\n"):
        doc = Document(text)
        assert "P003" in {d.code for d in diagnose(doc)}
        found = hover(doc, Position(len(doc.lines) - 2, 20))
        assert "a golf word, but `sport golf` is not on" in found.markdown
        assert "normal golf swing" not in found.markdown and "Effect on" not in found.markdown
        assert "golf.swing" not in labels(doc, Position(len(doc.lines) - 2, 17))
    phase = Document("function golf.backswing\n")
    found = hover(phase, Position(0, 12))
    assert "a golf word, but `sport golf` is not on" in found.markdown
    assert "Effect on" not in found.markdown
    assert labels(phase, Position(0, 9)) == []
    on = hover(Document("sport golf\nfunction golf.backswing\n"), Position(1, 12))
    assert "**S+2 F+1 T+2**" in on.markdown and "not on" not in on.markdown


def test_hover_mirrors_for_a_left_target() -> None:
    left = Document("target left glute-med\ndriver left-hand overhead-right\n")
    right = Document("target right glute-med\ndriver left-hand overhead-right\n")
    assert "**F+2**" in hover(left, Position(1, 20)).markdown
    assert "**F-2**" in hover(right, Position(1, 20)).markdown


def test_no_hover_on_blank_space() -> None:
    assert hover(Document("pivot frontal\n\n"), Position(1, 0)) is None


# --- quick fixes ---------------------------------------------------------------------------


def test_the_fix_for_a_misspelt_word_is_its_suggestion() -> None:
    doc = Document("target right glute-med\npivot frontl\nretest\n")
    fixes = code_actions(doc, Range(Position(1, 8), Position(1, 8)))
    [fix] = [f for f in fixes if f.code == "P002"]
    assert fix.title == "Replace `frontl` with `frontal`"
    fixed = Document(apply(doc.text, fix.edits))
    assert [d for d in diagnose(fixed) if d.severity == "error"] == []


def test_each_fix_names_the_diagnostic_it_mends_not_another_of_its_code() -> None:
    doc = Document("target right glute-med\npivot frontl\nretest\npivot sagitall\nretest\n")
    fixes = [f for f in code_actions(doc, doc.whole()) if f.title.startswith("Replace")]
    assert [(f.title, f.diagnostic.range.start.line) for f in fixes] == [
        ("Replace `frontl` with `frontal`", 1),
        ("Replace `sagitall` with `sagittal`", 3),
    ]


def test_a_misspelt_sport_direction_is_mended_in_its_own_part() -> None:
    doc = Document("sport golf\npivot frontal\ndriver left-hand golf.swng\nretest\n")
    [fix] = [f for f in code_actions(doc, doc.whole()) if f.code == "P002"]
    assert apply(doc.text, fix.edits).splitlines()[2] == "driver left-hand golf.swing"


def test_p003_adds_the_sport_line_after_the_context() -> None:
    doc = Document(
        'program "x"\ntarget right glute-med\npivot frontal\ndriver left-hand golf.swing\nretest\n'
    )
    [fix] = [f for f in code_actions(doc, doc.whole()) if f.code == "P003"]
    fixed = apply(doc.text, fix.edits)
    assert fixed.splitlines()[2] == "sport golf"
    assert not [d for d in diagnose(Document(fixed)) if d.severity == "error"]


def test_p102_inserts_a_retest_and_noqa_silences() -> None:
    text = (
        "target right glute-med\npivot sagittal\ndriver right-hand overhead-left\n"
        "foot right narrow\nretest\ntaper all\nretest\n"
    )
    doc = Document(text)
    assert "P102" in {d.code for d in diagnose(doc)}
    fixes = code_actions(doc, Range(Position(3, 0), Position(3, 3)))
    [retest] = [f for f in fixes if f.code == "P102" and "retest" in f.title.lower()]
    assert "P102" not in {d.code for d in diagnose(Document(apply(text, retest.edits)))}
    [noqa] = [f for f in fixes if f.code == "P102" and "noqa" in f.title]
    silenced = apply(text, noqa.edits)
    assert "foot right narrow  # noqa: P102" in silenced
    assert "P102" not in {d.code for d in diagnose(Document(silenced))}


def test_p102_on_a_one_liner_inserts_the_retest_in_the_line() -> None:
    text = "pivot sagittal; driver right-hand overhead-left; foot right narrow; retest\n"
    doc = Document(text)
    [fix] = [f for f in code_actions(doc, doc.whole()) if f.code == "P102" and "Insert" in f.title]
    assert apply(text, fix.edits).startswith(
        "pivot sagittal; driver right-hand overhead-left; retest; foot right narrow"
    )


@pytest.mark.parametrize(
    ("line", "mended"),
    [
        ("foot right narrow  # noqa: P999", "foot right narrow"),
        ("foot right narrow  # noqa: P102, P104", "foot right narrow  # noqa: P104"),
        ('note "done"  # noqa', 'note "done"'),
        ('note "done"  # noqa: P999, P998', 'note "done"'),
        ("foot right narrow  # noqa: P998, P104, P999", "foot right narrow  # noqa: P104"),
        ("foot right narrow; retest  # keep  # noqa: P102", "foot right narrow; retest  # keep"),
        ("foot right narrow; retest  # noqa: P102 -- old", "foot right narrow; retest  # -- old"),
    ],
)
def test_a_noqa_that_silences_nothing_is_taken_out_not_silenced(line: str, mended: str) -> None:
    """The P108's own help says to remove the code: the fix does that, and offers no
    `# noqa: P108`, which would only add a second warning."""
    text = f"target right glute-med\npivot frontal x10\nretest\n{line}\n"
    doc = Document(text)
    stale = [d for d in diagnose(doc) if d.code == "P108"]
    fixes = [fix for fix in code_actions(doc, doc.whole()) if fix.diagnostic in stale]
    assert len(fixes) == len(stale) and all(fix.preferred for fix in fixes)
    assert all("noqa: P108" not in fix.title for fix in fixes)
    assert len({tuple(fix.edits) for fix in fixes}) == 1  # each P108's fix mends them all
    after = apply(text, fixes[0].edits)
    assert after.split("\n")[3] == mended
    assert "P108" not in {d.code for d in diagnose(Document(after))}
    assert "P001" not in {d.code for d in diagnose(Document(after))}


def test_errors_get_no_noqa() -> None:
    doc = Document("pivot frontl\n")
    fixes = code_actions(doc, doc.whole())
    assert [f.code for f in fixes if "noqa" in f.title] == ["P101"]  # the warning, not P002


# --- formatting, outline, definition, folding ----------------------------------------------


def test_formatting_a_messy_text_gives_prog_fmts_layout() -> None:
    messy = "PIVOT   frontal  X10 ;retest\nphase a:  driver right-hand overhead-left;retest\n"
    [edit] = format_edits(Document(messy))
    assert edit.new_text == (
        "pivot frontal x10\nretest\nphase a:\n    driver right-hand overhead-left\n    retest\n"
    )
    assert format_edits(Document(edit.new_text)) == []
    assert format_edits(Document("pivot frontl ;retest\n")) == []


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.prog")), ids=lambda p: p.name)
def test_formatting_agrees_with_prog_fmt_check_on_every_example(path, cli) -> None:
    needs_formatting = cli("fmt", "--check", "--isolated", str(path)).exit_code == 1
    assert bool(format_edits(doc_of(path))) == needs_formatting


def test_symbols_are_the_phases_and_defines() -> None:
    doc = doc_of(EXAMPLES / "clinic-warmup.prog")
    found = [(s.kind, s.name) for s in symbols(doc)]
    assert found == [
        ("define", "hand-drive"),
        ("phase", "fire"),
        ("phase", "specific"),
        ("phase", "carryover"),
    ]
    assert doc.slice(symbols(doc)[0].selection) == "hand-drive"


def test_definition_goes_across_an_include() -> None:
    path = EXAMPLES / "clinic-warmup.prog"
    doc = doc_of(path)
    found = definition(doc, at(doc, "use warm-up", 5))
    assert found is not None and found.path == str(EXAMPLES / "lib" / "warmup.prog")
    lib = (EXAMPLES / "lib" / "warmup.prog").read_text(encoding="utf-8").split("\n")
    line = lib[found.range.start.line]
    assert line[found.range.start.character : found.range.end.character] == "warm-up"
    local = definition(doc, at(doc, "use hand-drive", 5))
    assert local.path is None and doc.slice(local.range) == "hand-drive"


def test_folding_ranges_are_the_blocks() -> None:
    doc = doc_of(GOLFER)
    starts = [doc.line(r.start.line).strip() for r in folding(doc)]
    assert starts == ["phase fire:", "phase specific:", "try until better:", "phase carryover:"]


def test_definition_of_an_include_is_the_file_it_names() -> None:
    doc = doc_of(EXAMPLES / "clinic-warmup.prog")
    found = definition(doc, at(doc, 'include "lib/warmup.prog"', 12))
    assert found == Location(
        str(EXAMPLES / "lib" / "warmup.prog"), Range(Position(0, 0), Position(0, 0))
    )
    assert definition(Document('include "lib/warmup.prog"\n'), Position(0, 12)) is None  # no path


def test_a_byte_order_mark_and_crlf_line_ends_keep_ranges_on_the_words() -> None:
    doc = Document("\ufeffpivot frontl\r\nretest\r\n")
    [error] = [d for d in diagnose(doc) if d.code == "P002"]
    assert doc.slice(error.range) == "frontl"
    assert doc.slice(hover(doc, Position(0, 3)).range) == "pivot"


def test_the_plugins_a_project_chose_are_the_words_in_force(tmp_path, cli, monkeypatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.prog]\nplugins = ["tennis"]\n')
    text = "target right glute-med\nsport golf\npivot frontal\nretest\n"
    (tmp_path / "a.prog").write_text(text)
    doc = Document(text, str(tmp_path / "a.prog"))
    monkeypatch.chdir(tmp_path)
    lint = cli("lint", "--format", "json", "a.prog")
    expected = [(d["code"], d["line"] - 1, d["message"]) for d in json.loads(lint.output)]
    got = [(d.code, d.range.start.line, d.message) for d in diagnose(doc)]
    assert got == expected and got and got[0][0].startswith("P00")
    assert "golf" not in labels(doc, Position(1, 6))
    assert "tennis" in labels(Document("sport \n", str(tmp_path / "b.prog")), Position(0, 6))
