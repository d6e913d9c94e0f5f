"""Records (the core's value classes) behave as frozen dataclasses do where it shows:
equality by class and fields, hashing, repr, `replace`, and no stray attributes."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from dsl import nodes as n

SPAN = n.Span("a.prog", 1, 1, 1, 6)


def test_equal_by_class_and_fields() -> None:
    assert n.Span("a.prog", 1, 1, 1, 6) == SPAN
    assert n.Span("a.prog", 2, 1, 2, 6) != SPAN
    assert n.Retest(SPAN, None) != n.Undo(SPAN)  # same fields' values, another class
    assert n.Retest(SPAN, None) != (SPAN, None)


def test_hashable_as_values() -> None:
    words = {n.Word("frontal", SPAN), n.Word("frontal", n.Span("a.prog", 1, 1, 1, 6))}
    assert len(words) == 1
    assert hash(n.Word("frontal", SPAN)) != hash(n.Word("sagittal", SPAN))


def test_repr_names_the_fields() -> None:
    assert repr(n.Word("frontal", SPAN)) == (
        "Word(text='frontal', span=Span(file='a.prog', line=1, col=1, end_line=1, end_col=6))"
    )


def test_replace_and_fields_work_and_slots_refuse_strays() -> None:
    moved = dataclasses.replace(SPAN, line=4, end_line=4)
    assert (moved.line, moved.col, SPAN.line) == (4, 1, 1)
    assert [f.name for f in dataclasses.fields(n.Span)] == [
        "file",
        "line",
        "col",
        "end_line",
        "end_col",
    ]
    with pytest.raises(AttributeError):
        SPAN.colour = "red"  # type: ignore[attr-defined]


def test_plugin_values_refuse_assignment_at_run_time() -> None:
    from dsl.hip import Effect, Handed
    from dsl.plugin import Phase

    phase = Phase("backswing", Handed.same(Effect(transverse=2)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        phase.name = "downswing"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del phase.name  # type: ignore[misc]
    assert phase == Phase("backswing", Handed.same(Effect(transverse=2)))
    assert copy.deepcopy(phase) == phase == pickle.loads(pickle.dumps(phase))
    assert dataclasses.replace(phase, name="downswing").name == "downswing"


def test_record_replace_copies_with_changes_and_refuses_unknown_fields() -> None:
    from dsl.record import replace

    moved = replace(SPAN, line=4, end_line=4)
    assert moved == n.Span("a.prog", 4, 1, 4, 6) and SPAN.line == 1
    with pytest.raises(TypeError, match="no field colour"):
        replace(SPAN, colour="red")


def test_records_of_one_field_and_of_none() -> None:
    from dsl.record import record, replace

    @record
    class Mark:
        pass

    @record
    class Name:
        text: str

    assert Mark() == Mark() and hash(Mark()) == hash(()) and repr(Mark()).endswith(".Mark()")
    assert Name("a") == Name("a") != Name("b") and hash(Name("a")) == hash(("a",))
    assert replace(Name("a"), text="b") == Name("b") and replace(Mark()) == Mark()


def test_a_records_init_and_docstring_are_the_dataclasss() -> None:
    """Records make their `__init__` (and, with no docstring, their docstring) their own
    way; what shows is what the dataclass machinery gives, inherited fields included."""
    import inspect

    from dsl.record import record

    @record
    class Base:
        span: str

    @record
    class Dose(Base):
        sets: int | None = None
        unit: str = ""

    @dataclasses.dataclass
    class Plain:
        span: str
        sets: int | None = None
        unit: str = ""

    assert inspect.signature(Dose) == inspect.signature(Plain)
    assert Dose.__doc__ == Plain.__doc__.replace("Plain", "Dose")  # type: ignore[union-attr]
    assert Dose("a", unit="m") == Dose(span="a", sets=None, unit="m") != Dose("a", 3)
    assert [f.name for f in dataclasses.fields(Dose)] == ["span", "sets", "unit"]
    with pytest.raises(TypeError, match=r"Dose.__init__\(\) missing 1 required positional"):
        Dose()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Dose("a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="non-default argument 'late' follows default argument"):

        @record
        class Unordered:
            early: int = 0
            late: int  # type: ignore[misc]


def test_a_record_with_a_field_factory_makes_a_new_value_each_time() -> None:
    from dsl.record import record

    @record
    class Bag:
        name: str
        items: list[str] = dataclasses.field(default_factory=list)

    first, second = Bag("a"), Bag("b")
    first.items.append("x")
    assert second.items == [] and Bag("c", ["y"]).items == ["y"]


def test_a_record_pickles_and_copies_as_its_class_and_fields() -> None:
    """What `prog lint --jobs N`'s workers send back: diagnostics, spans, plugin values."""
    from dsl.diagnostics import Diagnostic
    from dsl.nodes import Span
    from dsl.plugin import Finding

    span = Span("a.prog", 2, 3, 2, 9)
    for value in (
        Diagnostic("P102", "warning", "two tweaks", span, hint="retest"),
        Finding(span, "found"),
    ):
        back = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == value and type(back) is type(value)
        assert copy.deepcopy(value) == value and copy.copy(value) == value
    with pytest.raises(dataclasses.FrozenInstanceError):
        pickle.loads(pickle.dumps(Finding(span, "found"))).message = "changed"
