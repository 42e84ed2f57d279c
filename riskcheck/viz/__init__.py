"""Pictures of riskcheck's answers: a "where can X travel" world map, a travel map of one person's trips
and an HTML report of news trips.

Nothing here is imported by the single-query path (``riskcheck check``). Everything works offline: the
world boundaries ship with the package (``world.json``, simplified from Natural Earth, public domain),
and the SVG and HTML files written fetch no tiles, fonts or scripts.

>>> from riskcheck.viz import draw_map          # doctest: +SKIP
>>> draw_map("Putin", "2024-01-01").save("putin.html")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["TravelMap", "WorldMap", "draw_map", "draw_travel_map", "write_report"]

if TYPE_CHECKING:  # pragma: no cover
    from .report import write_report
    from .travelmap import TravelMap, draw_travel_map
    from .worldmap import WorldMap, draw_map


def __getattr__(name: str) -> Any:
    if name in ("WorldMap", "draw_map"):
        from . import worldmap

        return getattr(worldmap, name)
    if name in ("TravelMap", "draw_travel_map"):
        from . import travelmap

        return getattr(travelmap, name)
    if name == "write_report":
        from .report import write_report

        return write_report
    raise AttributeError(f"module 'riskcheck.viz' has no attribute {name!r}")
