"""`@record`: the core's immutable values (AST nodes, ops, steps, diagnostics, settings).

A record is a slotted dataclass: its fields, `__init__`, `dataclasses.fields` and
`dataclasses.replace` are the dataclass machinery's. Its equality, hash and repr are
shared by every record instead of being generated for each class. On Python 3.11
`@dataclass(frozen=True)` compiles six methods per class, and the seventy-odd value
classes of the core made up half of what `prog lint` on one small file cost; a frozen
`__init__` is also three times slower at making an instance, which is what the parser
does most. A record is immutable by contract: the type checker refuses an assignment to a
field (`dataclass_transform(frozen_default=True)`), and no code assigns one.

`record.replace` is `dataclasses.replace` for records, without its per-call look-up of
the fields: the interpreter makes a new prescription at every step.

The `__init__` is the dataclass's in all but how it is made. The dataclass machinery
writes each class's `__init__` as source and compiles it, and the docstring of a class
without one from `inspect.signature`: together, nearly two thirds of what the records
cost `prog lint` on one file to make. A record whose fields are all bare annotations
(with or without a default) gets the same function, the same bytecode, from one compiled
for its number of fields and given its field names (`_init`), and the same docstring,
written directly; a record with a `field(...)` keeps the dataclass's own.

Equality is by class and fields, as a dataclass's; the hash is the fields' hash, as a
frozen dataclass's. The plugin API's values (`dsl.plugin`) come from outside and are
shared, so they are `guarded`: an assignment to one raises `FrozenInstanceError`.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, fields
from functools import cache
from operator import attrgetter
from types import CodeType, FunctionType
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


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """Every field's value in one call, as a tuple: what equality, hashing and `replace`
    read. (`attrgetter` of one name gives the bare value, and of none is refused.)"""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda value: (get(value),)
    return lambda value: ()


def _set_once(self: Any, name: str, value: Any) -> None:
    try:
        getattr(self, name)
    except AttributeError:  # not set yet: the record is being made
        object.__setattr__(self, name, value)
        return
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _bare(cls: type) -> bool:
    """Whether every field of `cls`, and of its bases, is a bare annotation with or without
    a plain default: what `_init` makes an `__init__` for. Anything else (a `field(...)`,
    a ClassVar, an InitVar, a keyword-only marker, an `__init__` of its own) is left to
    the dataclass machinery."""
    own = vars(cls)
    if "__init__" in own or any(isinstance(value, Field) for value in own.values()):
        return False
    special = ("ClassVar", "InitVar", "KW_ONLY")
    if any(
        word in str(hint) for hint in own.get("__annotations__", {}).values() for word in special
    ):
        return False
    for base in cls.__mro__[1:]:
        inherited = getattr(base, "__dataclass_fields__", None)
        if inherited is not None and (
            len(inherited) != len(fields(base))
            or any(
                f.default_factory is not MISSING or not f.init or f.kw_only is True
                for f in inherited.values()
            )
        ):
            return False
    return True


@cache
def _assigning(count: int) -> CodeType:
    """The code of `__init__(self, a0, a1, …)` doing `self.a0 = a0`, … in order: compiled
    once for each number of fields, then renamed for each record (`_init`)."""
    names = [f"a{index}" for index in range(count)]
    body = "".join(f"\n    self.{name} = {name}" for name in names) or "\n    pass"
    space: dict[str, Any] = {}
    exec(f"def __init__({', '.join(['self', *names])}) -> None:{body}", space)
    code: CodeType = space["__init__"].__code__
    return code


def _init(cls: type) -> Callable[..., None]:
    """The `__init__` the dataclass machinery would write for `cls` (fields by position or
    name, the defaults of the trailing ones), without writing and compiling it again: the
    names in `_assigning`'s code are the parameters and then, in the same order, the
    attributes set."""
    found = fields(cls)
    names = tuple(f.name for f in found)
    defaults = tuple(f.default for f in found if f.default is not MISSING)
    for f in found[len(found) - len(defaults) :]:
        if f.default is MISSING:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    qualname = f"{cls.__qualname__}.__init__"
    code = _assigning(len(names)).replace(
        co_varnames=("self", *names), co_names=names, co_qualname=qualname
    )
    module = sys.modules.get(cls.__module__)
    init = FunctionType(code, vars(module) if module else {}, "__init__", defaults or None)
    init.__qualname__ = qualname
    init.__annotations__ = {**{f.name: f.type for f in found}, "return": None}
    return init


def _signature_text(cls: type) -> str:
    """The docstring the dataclass machinery gives a class without one, `Name(a: 'int',
    b: 'str' = '')`, as `inspect.signature` renders it, without building the signature."""
    shown = []
    for f in fields(cls):
        text = f"{f.name}: {inspect.formatannotation(f.type)}"
        shown.append(text if f.default is MISSING else f"{text} = {f.default!r}")
    return f"{cls.__name__}({', '.join(shown)})"


@dataclass_transform(frozen_default=True)
def record(cls: type[T] | None = None, *, guarded: bool = False) -> Any:
    """Make `cls` a record: a slotted dataclass with the shared equality, hash and repr.

    `@record(guarded=True)` also refuses an assignment at run time, as a frozen dataclass
    does; for values that come from outside. Its fields can be set once, which is what its
    `__init__` does: shared methods again, where a frozen dataclass would compile two more
    for each class (and double what the class costs to make).
    """

    def make(cls: type[T]) -> type[T]:
        cls.__eq__ = _eq  # type: ignore[assignment,method-assign]
        cls.__hash__ = _hash  # type: ignore[assignment,method-assign]
        cls.__repr__ = _repr  # type: ignore[assignment,method-assign]
        bare, documented = _bare(cls), bool(cls.__doc__)
        if bare and not documented:  # written below, once the `__init__` is there
            cls.__doc__ = cls.__name__
        made: Any = dataclass(slots=True, eq=False, repr=False, init=not bare)(cls)
        if bare:
            made.__init__ = _init(made)
            if not documented:
                made.__doc__ = _signature_text(made)
        if guarded:
            made.__setattr__ = _set_once
            made.__delattr__ = _refuse_delete
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
