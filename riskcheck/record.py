"""Record classes of the single-query path (verdicts, date spans, the ruleset), without the dataclasses module.

A dataclass generates and compiles its methods at every start, and importing ``dataclasses`` imports
``inspect`` (with ``ast``, ``dis`` and ``tokenize``): together several milliseconds of every ``riskcheck
check``. These classes are written out instead, on the small base :class:`Record`, and behave as the
dataclasses they replace: keyword or positional construction, field defaults, equality and hashing by
field values, a dataclass-style ``repr``, immutability (``frozen``) and pickling.

They still work with the dataclasses module's functions (``dataclasses.replace``, ``asdict``, ``fields``,
``is_dataclass``): the ``__dataclass_fields__`` they read is built on first use, from an equivalent
dataclass made then, so the dataclasses module is imported only by a caller that uses it.

>>> import dataclasses
>>> span = DateSpan(date(2023, 1, 1), date(2023, 1, 31), "month")
>>> dataclasses.replace(span, precision="range") == DateSpan(date(2023, 1, 1), date(2023, 1, 31), "range")
True
>>> [f.name for f in dataclasses.fields(span)]
['start', 'end', 'precision']
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from .errors import DateError

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing, a few ms of every start)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, Self

__all__ = ["DateSpan", "NamedTuple", "Record", "Verdict"]


class _NamedTupleMeta(type):
    """Makes ``class X(NamedTuple): field: type = default ...`` a :func:`collections.namedtuple`, as
    :class:`typing.NamedTuple` does, without importing typing and without evaluating the annotations."""

    def __new__(mcs, name: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if not bases:  # NamedTuple itself
            return super().__new__(mcs, name, bases, ns)
        from collections import namedtuple

        fields = list(ns.get("__annotations__", {}))
        defaults = [ns[f] for f in fields if f in ns]
        cls = namedtuple(name, fields, defaults=defaults, module=ns["__module__"])  # type: ignore[misc]
        cls.__annotations__ = dict(ns.get("__annotations__", {}))
        for key, value in ns.items():
            if key not in ("__module__", "__annotations__") and key not in fields:
                setattr(cls, key, value)
        if "__reduce__" not in ns:
            cls.__reduce__ = _tuple_reduce  # type: ignore[method-assign,assignment]
        return cls


def _tuple_reduce(self: tuple[Any, ...]) -> tuple[Any, ...]:
    """Pickled as ``tuple.__new__(cls, values)``: unpickling calls no Python function (a namedtuple's own
    ``__new__`` is one; the ruleset cache holds thousands of these records)."""
    return (tuple.__new__, (type(self), tuple(self)))


if TYPE_CHECKING:
    from typing import NamedTuple
else:
    NamedTuple = _NamedTupleMeta("NamedTuple", (), {"__doc__": "typing.NamedTuple's class syntax, lighter."})


class _DataclassFields:
    """``__dataclass_fields__`` on demand: the fields of an equivalent dataclass, made on first access."""

    def __get__(self, obj: object, cls: type[Record]) -> dict[str, Any]:
        got: dict[str, Any] | None = cls.__dict__.get("_dataclass_fields")
        if got is None:
            import dataclasses

            spec: list[Any] = []
            for name in cls._fields:
                if name in cls._defaults:
                    spec.append((name, "object", dataclasses.field(default=cls._defaults[name])))
                elif name in cls._factories:
                    spec.append((name, "object", dataclasses.field(default_factory=cls._factories[name])))
                else:
                    spec.append((name, "object"))
            mirror = dataclasses.make_dataclass(cls.__name__, spec, frozen=cls._frozen, eq=False)
            got = vars(mirror)["__dataclass_fields__"]
            cls._dataclass_fields = got
        return got


class Record:
    """Base of the hand-written record classes: ``_fields`` in order, their ``_defaults`` (values) and
    ``_factories`` (callables, as ``default_factory``); ``_frozen`` forbids assignment after ``__init__``."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _factories: ClassVar[dict[str, Callable[[], Any]]] = {}
    _frozen: ClassVar[bool] = False
    _repr_skip: ClassVar[tuple[str, ...]] = ()
    _values: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _dataclass_fields: ClassVar[dict[str, Any] | None] = None
    __dataclass_fields__: ClassVar[Any] = _DataclassFields()

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if not cls._fields:  # an abstract base
            return
        getter = attrgetter(*cls._fields)
        cls._values = (lambda obj: getter(obj)) if len(cls._fields) > 1 else (lambda obj: (getter(obj),))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(self._values() == other._values())
        return NotImplemented

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields if f not in self._repr_skip)
        return f"{type(self).__qualname__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (as ``dataclasses.replace``)."""
        values = dict(zip(self._fields, self._values(), strict=True))
        values.update(changes)
        return type(self)(**values)


class Frozen(Record):
    """A frozen record: hashable by value, no assignment, pickled by its field values."""

    __slots__ = ()
    _frozen = True

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._values())

    def __setstate__(self, state: list[Any]) -> None:
        """Read a pickle made when the class was a frozen slotted dataclass (its field values, in order)."""
        for name, value in zip(self._fields, state, strict=True):
            _set(self, name, value)


_set = object.__setattr__


class DateSpan(Frozen):
    """A closed interval of days [start, end] with the precision it was given at."""

    __slots__ = ("start", "end", "precision")
    _fields = ("start", "end", "precision")
    _defaults = {"precision": "day"}
    start: date
    end: date
    precision: str

    def __init__(self, start: date, end: date, precision: str = "day") -> None:
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "precision", precision)
        if end < start:
            raise DateError(f"date range ends before it starts: {start} .. {end}")

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def __str__(self) -> str:
        if self.precision == "day" or self.start == self.end:
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @classmethod
    def day(cls, d: date) -> DateSpan:
        return cls(d, d, "day")

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end


DateSpan.__module__ = "riskcheck.dates"  # where it was defined as a dataclass (pickles name it there)


_VERDICT_FIELDS = ("person_id", "person", "country", "country_name", "sovereign", "date", "start", "end",
                   "warrant", "obligation", "basis", "explanation", "sources", "context", "warrant_ended_how",
                   "checked", "projection", "city", "notes", "candidates", "confidence", "confidence_note")
_LISTED = frozenset({"sources", "context", "notes", "candidates"})


class Verdict(Frozen):
    """Whether the state at ``country`` must arrest ``person`` on ``date``, why, and on what sources.

    >>> from riskcheck import check
    >>> check("Putin", "China", "2023-10-18").obligation
    'no'
    """

    __slots__ = _VERDICT_FIELDS
    _fields = _VERDICT_FIELDS
    _defaults = {"sources": (), "context": (), "warrant_ended_how": "", "checked": "", "projection": False,
                 "city": "", "notes": (), "candidates": (), "confidence": "high", "confidence_note": ""}
    person_id: str
    person: str
    country: str
    country_name: str
    sovereign: str
    date: str
    start: str
    end: str
    warrant: str
    obligation: str
    basis: str
    explanation: str
    sources: tuple[str, ...]
    context: tuple[str, ...]
    warrant_ended_how: str
    checked: str
    projection: bool
    city: str
    notes: tuple[str, ...]  # resolution notes ("'Victoria' is ambiguous: ...")
    candidates: tuple[str, ...]  # suggestions when unresolved
    confidence: str  # high | medium | low: the weakest recorded fact the answer rests on
    confidence_note: str  # that fact, in words, when confidence is not high

    def __init__(self, person_id: str, person: str, country: str, country_name: str, sovereign: str,
                 date: str, start: str, end: str, warrant: str, obligation: str, basis: str, explanation: str,
                 sources: tuple[str, ...] = (), context: tuple[str, ...] = (), warrant_ended_how: str = "",
                 checked: str = "", projection: bool = False, city: str = "", notes: tuple[str, ...] = (),
                 candidates: tuple[str, ...] = (), confidence: str = "high", confidence_note: str = "") -> None:
        for name, value in zip(_VERDICT_FIELDS, (
                person_id, person, country, country_name, sovereign, date, start, end, warrant, obligation,
                basis, explanation, sources, context, warrant_ended_how, checked, projection, city, notes,
                candidates, confidence, confidence_note), strict=True):
            _set(self, name, value)

    def to_dict(self) -> dict[str, object]:
        """The fields by name (tuples as lists), in field order."""
        return {k: list(v) if k in _LISTED else v for k, v in zip(_VERDICT_FIELDS, self._values(), strict=True)}

    def to_json(self, *, indent: int | None = None) -> str:
        """The verdict as a JSON object (``indent`` as for :func:`json.dumps`)."""
        import json  # not at import: a single query's table output does not need it

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


Verdict.__module__ = "riskcheck.verdict"  # where it was defined as a dataclass (pickles name it there)


class _Day(Frozen):
    """The answer on a single day (the verdict engine's, internal)."""

    __slots__ = ("warrant", "obligation", "basis", "explanation", "sources", "context", "ended_how", "confidence",
                 "weakest")
    _fields = __slots__
    _defaults = {"sources": (), "context": (), "ended_how": "", "confidence": "high", "weakest": ""}
    warrant: str
    obligation: str
    basis: str
    explanation: str
    sources: tuple[str, ...]
    context: tuple[str, ...]
    ended_how: str
    confidence: str
    weakest: str  # the weakest fact the answer rests on, in words ("" when all are high)

    def __init__(self, warrant: str, obligation: str, basis: str, explanation: str, sources: tuple[str, ...] = (),
                 context: tuple[str, ...] = (), ended_how: str = "", confidence: str = "high",
                 weakest: str = "") -> None:
        _set(self, "warrant", warrant)
        _set(self, "obligation", obligation)
        _set(self, "basis", basis)
        _set(self, "explanation", explanation)
        _set(self, "sources", sources)
        _set(self, "context", context)
        _set(self, "ended_how", ended_how)
        _set(self, "confidence", confidence)
        _set(self, "weakest", weakest)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the answer is, derived from its fields (one source of truth for the precedence chain)."""
        return (self.warrant, self.obligation, self.basis, self.ended_how)


_Day.__module__ = "riskcheck.verdict"
