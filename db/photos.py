"""Photo uploads judged by their bytes, never by their name: JPEG or PNG, at most 10 MB, really decodable."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from db.errors import FieldError

MAX_BYTES = 10 * 1024 * 1024
MAX_PHOTOS = 5
THUMBNAIL_PX = 320
# A decompression bomb (a tiny file that unpacks to gigapixels) is refused, not decoded.
MAX_PIXELS = 50_000_000
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}


@dataclass(frozen=True)
class CheckedPhoto:
    content_type: str
    size_bytes: int
    sha256: str
    image: bytes
    thumbnail: bytes


def check_photo(data: bytes, field: str) -> CheckedPhoto | FieldError:
    """The photo ready to store, or the FieldError saying why it is refused."""
    if not data:
        return FieldError(field, "errors.photo_empty")
    if len(data) > MAX_BYTES:
        return FieldError(field, "errors.photo_too_big")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if kind not in FORMATS:
                return FieldError(field, "errors.photo_not_image")
            if probe.width * probe.height > MAX_PIXELS:
                return FieldError(field, "errors.photo_too_big")
            probe.verify()
        with Image.open(io.BytesIO(data)) as picture:
            picture.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
            out = io.BytesIO()
            picture.convert("RGB").save(out, "JPEG", quality=80)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return FieldError(field, "errors.photo_not_image")
    return CheckedPhoto(FORMATS[kind], len(data), hashlib.sha256(data).hexdigest(), data, out.getvalue())


def check_photos(photos: list[bytes]) -> tuple[list[CheckedPhoto], list[FieldError]]:
    """Every photo checked; problems name the photo by its position (photos.0, photos.1, ...)."""
    if len(photos) > MAX_PHOTOS:
        return [], [FieldError("photos", "errors.too_many_photos")]
    checked, errors = [], []
    for index, data in enumerate(photos):
        result = check_photo(data, f"photos.{index}")
        (errors if isinstance(result, FieldError) else checked).append(result)
    return checked, errors
