"""The district's outline and main roads for the risk map, read from the GeoJSON file the settings name.

The demo ships the Jiujiang ETDZ file (seed/jiujiang_etdz_map.geojson); a deployment points MAP_GEOJSON at its
own. Features carry `layer` ("outline" or "road") and `name_zh` / `name_en`; coordinates are WGS84 lon/lat.
Nothing is fetched from the internet: the map draws from these coordinates alone.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from db.config import SettingsError, settings

AREAS = ("Polygon", "MultiPolygon")
LINES = ("LineString", "MultiLineString")


@dataclass(frozen=True)
class DistrictMap:
    """Outline polygons and road lines as GeoJSON features, and the bounding box (west, south, east, north)."""

    outline: tuple[dict, ...]
    roads: tuple[dict, ...]
    bounds: tuple[float, float, float, float]


def district_map() -> DistrictMap:
    """The configured district map; SettingsError naming MAP_GEOJSON when the file is not usable."""
    path = settings().map_geojson
    return _load(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _load(path: str, _stamp: int) -> DistrictMap:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        features = document["features"]
        outline = tuple(f for f in features if f["properties"]["layer"] == "outline" and f["geometry"]["type"] in AREAS)
        roads = tuple(f for f in features if f["properties"]["layer"] == "road" and f["geometry"]["type"] in LINES)
        points = [point for f in outline + roads for point in _points(f["geometry"]["coordinates"])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SettingsError("MAP_GEOJSON", "settings.map_unreadable", f"is not a usable GeoJSON file ({exc})") from None
    if not outline or not all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points):
        raise SettingsError("MAP_GEOJSON", "settings.map_unreadable", "needs an outline polygon in lon/lat degrees")
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return DistrictMap(tuple(_clockwise(f) for f in outline), roads, (min(lons), min(lats), max(lons), max(lats)))


def _clockwise(feature: dict) -> dict:
    # GeoJSON (RFC 7946) winds outer rings anticlockwise; the browser's map (d3-geo) reads an anticlockwise ring as
    # "the whole globe except this area". Outer rings clockwise, holes anticlockwise, whatever the file did.
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    wound = [[ring if (_area(ring) < 0) == (i == 0) else ring[::-1] for i, ring in enumerate(polygon)]
             for polygon in polygons]
    coordinates = wound[0] if geometry["type"] == "Polygon" else wound
    return {**feature, "geometry": {"type": geometry["type"], "coordinates": coordinates}}


def _area(ring) -> float:
    # Twice the signed planar area: positive for anticlockwise.
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:]))


def _points(coordinates) -> list[tuple[float, float]]:
    # Positions nest one level per geometry kind; a position is a list of numbers.
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [(float(coordinates[0]), float(coordinates[1]))]
    return [point for part in coordinates for point in _points(part)]
