"""Rectification photos: judged by content, size-bounded, stored with the rectification or not at all."""
import datetime as dt
import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from db.commands.hazards import mark_rectified
from db.errors import ValidationFailed
from db.models import AuditEntry, Hazard, HazardPhoto
from db.permissions import Actor
from db.photos import MAX_BYTES, check_photo
from tests import builders as b

TODAY = dt.date(2026, 11, 24)
STAFF = Actor("inspector1", "staff")


def picture(kind: str = "PNG", size=(800, 600)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(out, kind)
    return out.getvalue()


def open_hazard(engine) -> tuple[int, int]:
    hazard_id = b.hazard(engine, b.project(engine), TODAY - dt.timedelta(days=2))
    return hazard_id, 1


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_real_images_pass_with_a_small_thumbnail(kind):
    checked = check_photo(picture(kind), "photo")
    assert checked.content_type == f"image/{kind.lower()}"
    with Image.open(io.BytesIO(checked.thumbnail)) as thumb:
        assert max(thumb.size) <= 320


@pytest.mark.parametrize(("data", "key"), [
    (b"GIF89a" + b"\0" * 100, "errors.photo_not_image"),           # another format
    (b"%PDF-1.7 renamed to photo.jpg", "errors.photo_not_image"),   # a fake by name
    (picture("PNG")[:200], "errors.photo_not_image"),                # truncated
    (b"", "errors.photo_empty"),
    (b"\xff\xd8" + b"\0" * MAX_BYTES, "errors.photo_too_big"),
])
def test_bad_files_are_refused_by_content(data, key):
    assert check_photo(data, "photos.0").message_key == key


def test_photos_are_saved_with_the_rectification_and_audited(engine):
    hazard_id, version = open_hazard(engine)
    mark_rectified(engine, actor=STAFF, hazard_id=hazard_id, version=version, rectified_on=TODAY, note="已整改",
                   photos=[picture("PNG"), picture("JPEG")], today=TODAY)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(HazardPhoto)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.table_name == "hazard_photos")).scalar_one() == 2


def test_one_fake_photo_stops_the_whole_rectification(engine):
    hazard_id, version = open_hazard(engine)
    with pytest.raises(ValidationFailed) as exc:
        mark_rectified(engine, actor=STAFF, hazard_id=hazard_id, version=version, rectified_on=TODAY, note="已整改",
                       photos=[picture(), b"<html>not a photo</html>"], today=TODAY)
    assert [(e.field, e.message_key) for e in exc.value.errors] == [("photos.1", "errors.photo_not_image")]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(HazardPhoto)).scalar_one() == 0
        assert conn.execute(select(Hazard.rectified_on)).scalar_one() is None
