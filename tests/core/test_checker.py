"""Checking (spec §2–§3, §7, §8 P001–P007): every mistake found, located, and explained."""

from __future__ import annotations

import os

import pytest

from dsl.api import load_path, load_text
from tests.core.helpers import messages, problems


def test_several_syntax_errors_in_one_file_each_with_a_location():
    text = "pivot\npivot frontal 3 x 10\ndriver head\nretest a b\npivot frontal\n"
    assert problems(text) == [("P001", 1, 6), ("P001", 2, 15), ("P001", 3, 12), ("P001", 4, 10)]


def test_syntax_messages_say_what_was_expected_in_words():
    found = messages("pivot\nfoot right\nsurface\n")
    assert found == [
        "P001 expected a plane (sagittal, frontal or transverse) after `pivot`",
        "P001 expected a foot position such as narrow or turned-in after `foot`",
        "P001 expected `slope` or `flat` after `surface`",
    ]


def test_tab_indentation_is_a_clear_error():
    assert messages("phase a:\n\tpivot frontal\n") == [
        "P001 a tab in the indentation; indent with spaces"
    ]


def test_unterminated_string():
    assert messages('note "oops\n') == ['P001 this text has no closing `"`']


def test_block_header_without_a_block_is_an_empty_block():
    from dsl.lint.engine import lint_text

    assert problems("phase fire:\npivot frontal\n") == []
    found = [(d.code, d.message) for d in lint_text("target right glute-med\nphase fire:\n"
                                                    "pivot frontal\nretest\n")]
    assert found == [("P108", "phase `fire` has no statements: the lines after it are not "
                                "indented, so they belong to no phase")]


def test_keywords_and_words_are_case_insensitive():
    loaded = load_text("TARGET Right GLUTE-MED\nPivot FRONTAL X10\nRetest\n")
    assert loaded.ok and loaded.checked.target_side == "right"


def test_string_escapes():
    loaded = load_text('program "A \\"quoted\\" \\\\ title"\npivot frontal\n')
    assert loaded.checked.title == 'A "quoted" \\ title'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pivot frontl\n", "P002 unknown plane `frontl`; did you mean `frontal`?"),
        ("driver rihgt-hand overhead\n",
         "P002 unknown limb `rihgt-hand`; did you mean `right-hand`?"),
        ("driver head overhead\n", "P002 `head` cannot drive `overhead`"),
        ("foot right narow\n", "P002 unknown foot position `narow`; did you mean `narrow`?"),
        ("surface slope eversoin\n",
         "P002 unknown slope direction `eversoin`; did you mean `eversion`?"),
        ("ground-reaction hihg\n", "P002 unknown level `hihg`; did you mean `high`?"),
        ("target right glute-mde\n", "P002 unknown muscle `glute-mde`; did you mean `glute-med`?"),
        ("target rihgt glute-med\n", "P002 unknown side `rihgt`; did you mean `right`?"),
        ("disadvantage aduction\n", "P002 unknown motion `aduction`; did you mean `adduction`?"),
        ("sport glof\n", "P002 unknown sport `glof`; did you mean `golf`?"),
        ("taper fot\n", "P002 unknown taper reference `fot`; did you mean `foot`?"),
        ("define warm-up:\n    pivot frontal\nuse warmup\n",
         "P002 unknown define `warmup`; did you mean `warm-up`?"),
        ("sport golf\nfunction golf.backswnig\n",
         "P002 unknown golf phase `backswnig`; did you mean `backswing`?"),
    ],
)
def test_unknown_words_get_a_did_you_mean(text, expected):
    assert messages(text) == [expected]


def test_sport_words_need_their_sport_line():
    assert [m.split(",")[0] for m in messages("function golf.backswing\n")] == [
        "P003 `golf.backswing` is a golf word"
    ]
    assert messages("function backswing\n")[0].startswith("P003 `backswing` is a golf word")
    assert messages("driver left-hand golf.swing\n")[0].startswith("P003")
    assert messages("sport golf\nfunction backswing\ndriver left-hand swing\n") == []


def test_context_in_the_wrong_place_or_repeated():
    text = ('program "a"\nprogram "b"\ntarget right glute-med\ntarget left glute-med\n'
            "sport golf\nsport golf\npivot frontal\ntarget right glute-max\n"
            "phase p:\n    sport tennis\n")
    assert [c for c, _, _ in problems(text)] == ["P007"] * 5


def test_structure_rules():
    assert messages("phase a:\n    phase b:\n        pivot frontal\n") == [
        "P001 phases do not nest; a phase belongs at the top level"
    ]
    assert messages("phase a:\n    define b:\n        pivot frontal\n") == [
        "P001 a `define` belongs at the top level of the file"
    ]
    assert messages("try until better:\n    pivot frontal\n    foot right narrow\n") == [
        "P001 a try tries tweaks; `pivot` is not one"
    ]
    assert [c for c, _, _ in problems("phase a: pivot frontal\nphase a: retest\n")] == ["P007"]


def test_disadvantage_rules():
    assert messages("disadvantage abduction\n") == [
        "P006 `abduction` does not help the glute-med, so it cannot be taken away"
    ]
    text = "disadvantage flexion\ndisadvantage adduction\ndisadvantage internal-rotation\n"
    assert problems(text) == [("P006", 3, 1)]
    ok = text.replace("disadvantage internal-rotation", "restore flexion\n"
                      "disadvantage internal-rotation")
    assert problems(ok) == []


def test_doses_and_limits_on_numbers():
    assert [c for c, _, _ in problems("pivot frontal x0\npivot frontal 0x10\n")] == ["P005"] * 2
    assert [c for c, _, _ in problems("taper foot over 21\ntaper foot over 0\n")] == ["P005"] * 2
    assert [c for c, _, _ in problems("pivot frontal x" + "9" * 5000 + "\n")] == ["P005"]


def test_try_alternative_limit():
    alternatives = "".join(f"    foot right {p}\n" for p in ["narrow", "wide"] * 9)
    assert [c for c, _, _ in problems("try until better:\n" + alternatives)] == ["P005"]


def test_define_recursion_names_the_chain():
    text = "define a:\n    use b\ndefine b:\n    use a\nuse a\n"
    assert messages(text) == ["P005 `a` uses itself: a → b → a"]


def test_step_ceiling_is_found_before_running_whatever_the_nesting():
    text = "define d0:\n    pivot frontal\n" + "".join(
        f"define d{i}:\n" + f"    use d{i - 1}\n" * 10 for i in range(1, 60)
    ) + "use d59\n"
    found = messages(text)
    assert found == ["P005 the program expands to more than 100,000 steps"]


def test_a_program_of_exactly_the_ceiling_runs():
    text = (
        "define ten:\n" + "    pivot frontal\n" * 10
        + "define hundred:\n" + "    use ten\n" * 10
        + "define thousand:\n" + "    use hundred\n" * 10
        + "use thousand\n" * 100
    )
    loaded = load_text(text)
    assert loaded.ok and loaded.checked.max_steps == 100_000


def test_file_limits(tmp_path):
    big = tmp_path / "big.prog"
    big.write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    assert [d.code for d in load_path(str(big)).diagnostics] == ["P005"]
    binary = tmp_path / "bin.prog"
    binary.write_bytes(b"pivot frontal\n\xff\xfe\n")
    found = load_path(str(binary)).diagnostics
    assert [(d.code, d.span.line) for d in found] == [("P005", 2)]
    assert "not valid UTF-8" in found[0].message


def test_nesting_deeper_than_32_blocks_is_an_error():
    text = "".join(" " * i + "phase p:\n" for i in range(40)) + " " * 40 + "pivot frontal\n"
    assert [c for c, _, _ in problems(text)] == ["P005"]


class TestInclude:
    def write(self, folder, name, text):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def test_include_brings_in_defines(self, tmp_path):
        self.write(tmp_path, "lib/warm.prog", "define warm:\n    pivot sagittal\n")
        main = self.write(tmp_path, "main.prog", 'include "lib/warm.prog"\nuse warm\n')
        loaded = load_path(str(main))
        assert loaded.ok and loaded.diagnostics == []

    def test_steps_from_another_file_carry_that_file(self, tmp_path, cli):
        self.write(tmp_path, "lib/warm.prog", "define warm:\n    pivot sagittal\n")
        main = self.write(tmp_path, "main.prog", 'include "lib/warm.prog"\nuse warm\n')
        import json

        result = cli("run", str(main), "--json")
        step = json.loads(result.stdout)["steps"][0]
        assert step["file"] == os.path.normpath(str(tmp_path / "lib" / "warm.prog"))
        assert step["line"] == 2

    @pytest.mark.parametrize("path", ["/etc/passwd", "../outside.prog", "lib/../../outside.prog"])
    def test_include_must_stay_inside_the_root(self, tmp_path, path):
        root = tmp_path / "root"
        self.write(tmp_path, "outside.prog", "define x:\n    pivot frontal\n")
        main = self.write(root, "main.prog", f'include "{path}"\n')
        assert [d.code for d in load_path(str(main)).diagnostics] == ["P005"]

    @pytest.mark.parametrize(
        ("link", "to", "include"),
        [
            ("link.prog", "elsewhere/x.prog", "link.prog"),  # a symlinked file
            ("lib", "elsewhere", "lib/x.prog"),  # a symlinked folder
        ],
    )
    def test_symlink_escape(self, tmp_path, link, to, include):
        root = tmp_path / "root"
        self.write(tmp_path, "elsewhere/x.prog", "define x:\n    pivot frontal\n")
        root.mkdir()
        (root / link).symlink_to(tmp_path / to)
        main = self.write(root, "main.prog", f'include "{include}"\n')
        found = load_path(str(main)).diagnostics
        assert [d.code for d in found] == ["P005"] and "outside" in found[0].message

    def test_symlinks_inside_the_root_are_followed(self, tmp_path):
        root = tmp_path / "root"
        self.write(root, "real/x.prog", "define x:\n    pivot frontal\n")
        (root / "lib").symlink_to(root / "real", target_is_directory=True)
        (root / "real" / "y.prog").symlink_to(root / "real" / "x.prog")
        main = self.write(root, "main.prog", 'include "lib/y.prog"\nuse x\n')
        assert load_path(str(main)).diagnostics == []

    def test_relative_paths_from_two_working_folders(self, tmp_path, monkeypatch):
        """Resolved folders are remembered; a relative path still means the current folder."""
        for clinic in ("a", "b"):
            self.write(tmp_path / clinic, "lib.prog", "define x:\n    pivot frontal\n")
            self.write(tmp_path / clinic, "main.prog", 'include "lib.prog"\nuse x\n')
        (tmp_path / "b" / "lib.prog").unlink()
        monkeypatch.chdir(tmp_path / "a")
        assert load_path("main.prog").diagnostics == []
        monkeypatch.chdir(tmp_path / "b")
        found = load_path("main.prog").diagnostics
        assert found[0].code == "P005" and "cannot include `lib.prog`" in found[0].message

    def test_cycle_names_the_chain(self, tmp_path):
        self.write(tmp_path, "a.prog", 'include "b.prog"\n')
        self.write(tmp_path, "b.prog", 'include "a.prog"\n')
        main = self.write(tmp_path, "main.prog", 'include "a.prog"\n')
        found = load_path(str(main)).diagnostics
        assert [d.code for d in found] == ["P005"]
        assert "a.prog → b.prog → a.prog" in found[0].message

    def test_depth_limit(self, tmp_path):
        for i in range(20):
            self.write(tmp_path, f"f{i}.prog", f'include "f{i + 1}.prog"\n')
        self.write(tmp_path, "f20.prog", "define x:\n    pivot frontal\n")
        found = load_path(str(tmp_path / "f0.prog")).diagnostics
        assert [d.code for d in found] == ["P005"] and "deeper than 16" in found[0].message

    @pytest.mark.parametrize(
        "lib",
        [
            None,  # missing
            "define x\n    pivot frontal\n",  # its header has a syntax error
            'include "../outside.prog"\ndefine y:\n    pivot frontal\n',  # its own include fails
        ],
        ids=["missing", "broken define", "failed include inside"],
    )
    def test_a_use_of_what_a_failed_include_would_have_lent_is_not_unknown_too(
        self, tmp_path, lib
    ):
        """One mistake, one error: not a P002 for every `use` the include would have served."""
        if lib is not None:
            self.write(tmp_path, "lib.prog", lib)
        main = self.write(tmp_path, "main.prog", 'include "lib.prog"\nuse x\nuse y\n')
        codes = [d.code for d in load_path(str(main)).diagnostics]
        assert codes[0] in ("P001", "P005") and "P002" not in codes, codes

    def test_a_slip_in_a_defines_name_is_reported_whatever_else_went_wrong(self, tmp_path):
        """An error inside an included define's body loses no define; and a name one letter
        off a known define is a typo even when another include failed."""
        self.write(tmp_path, "lib.prog", "define warmup:\n    pivot frontal x10 x10\n")
        main = self.write(
            tmp_path, "main.prog", 'include "lib.prog"\ninclude "gone.prog"\nuse warmpu\n'
        )
        found = load_path(str(main)).diagnostics
        [slip] = [d for d in found if d.code == "P002"]
        assert "unknown define `warmpu`" in slip.message and "`warmup`" in slip.message

    def test_a_use_of_an_unknown_define_is_reported_when_nothing_was_lost(self, tmp_path):
        self.write(tmp_path, "lib.prog", "define x:\n    pivot frontal\n")
        main = self.write(tmp_path, "main.prog", 'include "lib.prog"\nuse x\nuse xx\n')
        found = load_path(str(main)).diagnostics
        assert [(d.code, d.span.line) for d in found] == [("P002", 3)]
        assert "unknown define `xx`" in found[0].message

    def test_a_broken_define_line_does_not_make_its_uses_unknown(self):
        found = load_text("define w\n    pivot frontal\nuse w\n", "main.prog").diagnostics
        assert [d.code for d in found] == ["P001"]

    def test_missing_include(self, tmp_path):
        main = self.write(tmp_path, "main.prog", 'include "nope.prog"\n')
        found = load_path(str(main)).diagnostics
        assert [(d.code, d.span.line, d.span.col) for d in found] == [("P005", 1, 9)]

    def test_included_file_errors_are_reported_in_that_file(self, tmp_path):
        self.write(tmp_path, "lib.prog", "define x:\n    pivot frontl\npivot frontal\n")
        main = self.write(tmp_path, "main.prog", 'include "lib.prog"\nuse x\n')
        found = load_path(str(main)).diagnostics
        assert [(os.path.basename(d.span.file), d.code, d.span.line) for d in found] == [
            ("lib.prog", "P002", 2), ("lib.prog", "P007", 3)
        ]
