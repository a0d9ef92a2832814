"""The risk map's pieces: the district file (read, wound for the browser, refused with one line when unusable),
the optional tiles, and the chart's layers."""
import json

import pandas as pd
import pytest

from db import config
from db.config import SettingsError, settings
from db.district_map import district_map
from render import charts, map_tiles
from render.i18n import Translator

SITES = pd.DataFrame({"code": ["P1", "P2"], "name": ["甲", "乙"], "lon": [116.0, 116.05], "lat": [29.7, 29.75],
                      "level": ["major", "low"], "score": [30, 0], "weekly_target": [5, 3], "open_hazards": [4, 0]})


def _outline_ring(feature):
    return feature["geometry"]["coordinates"][0]


def _signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))


def test_demo_district_has_an_outline_roads_and_bounds():
    district = district_map()
    assert len(district.outline) == 1 and len(district.roads) == 6
    west, south, east, north = district.bounds
    assert west < 115.9 and east > 116.1 and south < 29.6 and north > 29.8     # the demo sites' box fits inside
    assert _signed_area(_outline_ring(district.outline[0])) < 0               # clockwise, as the browser's d3 wants


def test_an_anticlockwise_file_is_wound_clockwise(tmp_path, monkeypatch):
    ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]                            # RFC 7946: anticlockwise
    path = tmp_path / "d.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"layer": "outline"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}))
    monkeypatch.setenv("MAP_GEOJSON", str(path))
    assert _signed_area(_outline_ring(district_map().outline[0])) < 0


@pytest.mark.parametrize("content", ["not json", json.dumps({"features": []}),
                                     json.dumps({"features": [{"properties": {"layer": "road"}}]})])
def test_an_unusable_file_is_refused_naming_the_setting(tmp_path, monkeypatch, content):
    path = tmp_path / "bad.geojson"
    path.write_text(content)
    monkeypatch.setenv("MAP_GEOJSON", str(path))
    with pytest.raises(SettingsError) as refused:
        district_map()
    assert refused.value.setting == "MAP_GEOJSON" and "\n" not in str(refused.value)


def test_tiles_cover_the_district_with_a_few_images():
    bounds = district_map().bounds
    tiles = map_tiles.tiles(bounds, "https://tiles.example.org/{z}/{x}/{y}.png")
    assert 1 <= len(tiles) <= map_tiles.MAX_TILES
    assert min(t["lon"] for t in tiles) <= bounds[0] and max(t["lon2"] for t in tiles) >= bounds[2]
    assert min(t["lat2"] for t in tiles) <= bounds[1] and max(t["lat"] for t in tiles) >= bounds[3]
    assert all(t["url"].startswith("https://tiles.example.org/") and "{" not in t["url"] for t in tiles)


@pytest.mark.parametrize("lang, label", [("zh", "重大风险"), ("en", "Major")])
def test_map_layers_outline_roads_names_and_sites_coloured_by_grade(lang, label):
    district = district_map()
    spec = charts.risk_map(SITES, Translator(lang), outline=district.outline, roads=district.roads).to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert marks == ["geoshape", "geoshape", "text", "circle"]
    colour = spec["layer"][3]["encoding"]["color"]["scale"]
    assert colour["domain"][0] == label and colour["range"][0] == "#d62728"
    assert spec["projection"]["type"] == "mercator"


def test_configured_tiles_add_an_image_layer_underneath():
    district = district_map()
    tiles = map_tiles.tiles(district.bounds, "https://tiles.example.org/{z}/{x}/{y}.png")
    spec = charts.risk_map(SITES, Translator("en"), outline=district.outline, roads=district.roads,
                           tiles=tiles).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "image"


@pytest.mark.parametrize("variable, value", [
    ("RISK_WEEKLY_TARGETS", "3,3,2,5"), ("RISK_WEEKLY_TARGETS", "3,3,4"), ("RISK_WEEKLY_TARGETS", "0,3,4,5"),
    ("RISK_WEEKLY_TARGETS", "a,b,c,d"), ("RISK_GRADE_SCORES", "8,8,28"), ("RISK_GRADE_SCORES", "0,16,28"),
    ("MAP_GEOJSON", "/no/such/file.geojson"), ("MAP_TILE_URL", "ftp://tiles/{z}/{x}/{y}.png"),
    ("MAP_TILE_URL", "https://tiles.example.org/tile.png"),
])
def test_bad_risk_and_map_settings_are_refused_with_one_line(monkeypatch, tmp_path, variable, value):
    monkeypatch.setattr(config, "SECRETS_PATH", tmp_path / "missing.toml")
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as refused:
        settings()
    assert str(refused.value).startswith(f"{variable}: ") and "\n" not in str(refused.value)


def test_risk_settings_from_secrets(monkeypatch, tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text("[risk]\nweekly_targets = [2, 3, 6, 7]\ngrade_scores = [5, 10, 20]\n"
                    '[map]\ntile_url = "https://tiles.example.org/{z}/{x}/{y}.png"\n')
    monkeypatch.setattr(config, "SECRETS_PATH", path)
    loaded = settings()
    assert (loaded.risk_weekly_targets, loaded.risk_grade_scores) == ((2, 3, 6, 7), (5, 10, 20))
    assert loaded.map_tile_url.startswith("https://")
