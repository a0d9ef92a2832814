"""Web-Mercator tiles (z/x/y) covering a bounding box, for the risk map's optional background layer.

Only used when a tile server is configured (MAP_TILE_URL); the map itself needs none and works offline.
"""
from __future__ import annotations

import math

MAX_TILES = 16        # a district fits in a handful of tiles; more would only slow the browser
TILES_ACROSS = 3


def zoom_for(bounds: tuple[float, float, float, float]) -> int:
    """The zoom at which the box is about TILES_ACROSS tiles wide (1–18)."""
    west, _, east, _ = bounds
    width = max(east - west, 1e-6)
    return max(1, min(18, int(math.log2(360 * TILES_ACROSS / width))))


def tiles(bounds: tuple[float, float, float, float], url: str) -> list[dict]:
    """The tiles covering `bounds` (west, south, east, north): each with its address and lon/lat corners."""
    west, south, east, north = bounds
    zoom = zoom_for(bounds)
    while True:
        left, top = _tile(west, north, zoom)
        right, bottom = _tile(east, south, zoom)
        if (right - left + 1) * (bottom - top + 1) <= MAX_TILES or zoom == 1:
            break
        zoom -= 1
    return [{"url": url.format(z=zoom, x=x, y=y), "lon": _lon(x, zoom), "lat": _lat(y, zoom),
             "lon2": _lon(x + 1, zoom), "lat2": _lat(y + 1, zoom)}
            for x in range(left, right + 1) for y in range(top, bottom + 1)]


def _tile(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    n = 2 ** zoom
    lat = max(min(lat, 85.0511), -85.0511)
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return min(x, n - 1), min(y, n - 1)


def _lon(x: int, zoom: int) -> float:
    return x / 2 ** zoom * 360 - 180


def _lat(y: int, zoom: int) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / 2 ** zoom))))
