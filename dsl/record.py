"""`@record`: the core's immutable values (AST nodes, ops, steps, diagnostics, settings).

A record is a slotted dataclass: its fields, `__init__`, `dataclasses.fields` and
`dataclasses.replace` are the dataclass machinery's. Its equality, hash and repr are
shared by every record instead of being generated for each class. On Python 3.11
`@dataclass(frozen=True)` compiles six methods per class, and the seventy-odd value
classes of the core made up half of what `prog lint` on one small file cost; a frozen
`__init__` is also three times slower at making an instance, which is what the parser
does most. A record is immutable by contract: the type checker refuses an assignment to a
field (`dataclass_transform(frozen_default=True)`), and no code assigns one.

A record pickles as its class and its fields' values, remade by its `__init__`: what
`prog lint --jobs N`'s workers send back is mostly diagnostics, and the slotted dataclass's
own state functions took two thirds as long again each way.

`record.replace` is `dataclasses.replace` for records, without its per-call look-up of
the fields: the interpreter makes a new prescription at every step.

Equality is by class and fields, as a dataclass's; the hash is the fields' hash, as a
frozen dataclass's. The plugin API's values (`dsl.plugin`) come from outside and are
shared, so they are `guarded` (frozen): an assignment to one raises `FrozenInstanceError`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _values(self: Any) -> tuple[Any, ...]:
    return self.__record_values__(self)  # type: ignore[no-any-return]


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{self.__class__.__qualname__}({shown})"


def _reduce(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return self.__class__, _values(self)


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """Every field's value in one call, as a tuple: what equality, hashing and `replace`
    read. (`attrgetter` of one name gives the bare value, and of none is refused.)"""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda value: (get(value),)
    return lambda value: ()


@dataclass_transform(frozen_default=True)
def record(cls: type[T] | None = None, *, guarded: bool = False) -> Any:
    """Make `cls` a record: a slotted dataclass with the shared equality, hash and repr.

    `@record(guarded=True)` also refuses an assignment at run time: it is a frozen
    dataclass, for values that come from outside. That compiles two more methods for each
    class (about a millisecond at start-up for the plugin API's nine), and makes an
    instance five times as fast as a shared set-once `__setattr__` did, which had to
    catch an `AttributeError` for every field: a lint of a library makes a `Finding`
    for every problem it reports.
    """

    def make(cls: type[T]) -> type[T]:
        cls.__eq__ = _eq  # type: ignore[assignment,method-assign]
        cls.__hash__ = _hash  # type: ignore[assignment,method-assign]
        cls.__repr__ = _repr  # type: ignore[assignment,method-assign]
        cls.__reduce__ = _reduce  # type: ignore[assignment,method-assign]
        made: Any = dataclass(slots=True, eq=False, repr=False, frozen=guarded)(cls)
        names = tuple(field.name for field in fields(made))
        made.__record_fields__ = names
        made.__record_index__ = {name: index for index, name in enumerate(names)}
        made.__record_values__ = staticmethod(_getter(names))
        return made  # type: ignore[no-any-return]

    return make if cls is None else make(cls)


def replace(value: T, **changes: Any) -> T:
    """A copy of the record `value` with `changes` (field name -> new value)."""
    cls: Any = value.__class__
    values = list(cls.__record_values__(value))
    index = cls.__record_index__
    for name, new in changes.items():
        if name not in index:
            raise TypeError(f"{cls.__qualname__} has no field {name}")
        values[index[name]] = new
    return cls(*values)  # type: ignore[no-any-return]
