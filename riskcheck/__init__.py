"""riskcheck: is a state obliged to arrest this person for the ICC on that date?

>>> import riskcheck
>>> v = riskcheck.check("Putin", "South Africa", "2023-08-22")
>>> v.obligation, v.basis
('yes', 'state_party')

Public names are imported lazily so that ``import riskcheck`` stays cheap.
"""

from __future__ import annotations

from .errors import (
    DataError,
    DateError,
    InputError,
    ResolutionError,
    RiskcheckError,
    UnresolvedPersonError,
    UnresolvedPlaceError,
)

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "DateError",
    "InputError",
    "ResolutionError",
    "RiskcheckError",
    "Trip",
    "TripRecord",
    "UnresolvedPersonError",
    "UnresolvedPlaceError",
    "Verdict",
    "check",
    "check_trips",
    "draw_map",
    "draw_travel_map",
    "extract_trips",
    "group_trips",
    "load_ruleset",
    "where",
]

_LAZY = {
    "load_ruleset": ("riskcheck.ruleset", "load_ruleset"),
    "check": ("riskcheck.verdict", "check"),
    "where": ("riskcheck.verdict", "where"),
    "Verdict": ("riskcheck.verdict", "Verdict"),
    "check_trips": ("riskcheck.batch", "check_trips"),
    "extract_trips": ("riskcheck.news", "extract_trips"),
    "Trip": ("riskcheck.news", "Trip"),
    "group_trips": ("riskcheck.group", "group_trips"),
    "TripRecord": ("riskcheck.group", "TripRecord"),
    "draw_map": ("riskcheck.viz.worldmap", "draw_map"),
    "draw_travel_map": ("riskcheck.viz.travelmap", "draw_travel_map"),
}

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: a few ms of every start)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from .batch import check_trips
    from .group import TripRecord, group_trips
    from .news import Trip, extract_trips
    from .ruleset import load_ruleset
    from .verdict import Verdict, check, where
    from .viz.travelmap import draw_travel_map
    from .viz.worldmap import draw_map


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'riskcheck' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
