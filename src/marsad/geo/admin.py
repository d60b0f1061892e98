"""Point-in-polygon admin units for Iraq from the shipped (simplified) OCHA COD-AB polygons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marsad.geo.gazetteer import polygons


@dataclass
class IraqAdmin:
    levels: dict[int, tuple[Any, list[str]]]  # level -> (STRtree, pcodes)

    @classmethod
    def load(cls) -> IraqAdmin:
        from shapely.strtree import STRtree

        by_level: dict[int, list[tuple[str, Any]]] = {1: [], 2: [], 3: []}
        for pcode, level, geom in polygons():
            by_level[level].append((pcode, geom))
        levels = {
            lvl: (STRtree([g for _, g in rows]), [p for p, _ in rows]) for lvl, rows in by_level.items()
        }
        return cls(levels)

    def codes(self, lat: float, lon: float) -> tuple[str | None, str | None, str | None]:
        """(admin1, admin2, admin3) P-codes containing the point; None where none does."""
        from shapely.geometry import Point

        pt = Point(lon, lat)
        out: list[str | None] = []
        for lvl in (1, 2, 3):
            tree, pcodes = self.levels[lvl]
            hits = tree.query(pt, predicate="intersects")
            out.append(pcodes[int(hits[0])] if len(hits) else None)
        return out[0], out[1], out[2]
