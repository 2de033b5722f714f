"""Uploaded images: checked for type and size, then re-encoded so nothing but pixels survives."""

import io
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import ActionError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
MAX_SIDE = 2560
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass
class CleanImage:
    content: ContentFile
    extension: str
    token: str
    width: int
    height: int


def clean_image(upload: Any) -> CleanImage:
    """Decode, strip metadata and re-encode one upload; raise ActionError if it is not fit."""
    name = getattr(upload, "name", "") or ""
    if getattr(upload, "size", 0) > MAX_BYTES:
        raise ActionError(_("%(name)s is larger than 5 MB.") % {"name": name[:40]}, field="images")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind = probe.format or ""
            if kind not in FORMATS:
                raise ActionError(_("Only JPEG, PNG or WebP images are accepted."), field="images")
            if probe.width * probe.height > MAX_PIXELS:
                raise ActionError(_("This image is too large."), field="images")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            pixels = ImageOps.exif_transpose(image) or image
            pixels.thumbnail((MAX_SIDE, MAX_SIDE))
            content = _encode(pixels, kind)
            width, height = pixels.size
    except ActionError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ActionError(
            _("%(name)s is not a picture we can read.") % {"name": name[:40]}, field="images"
        ) from exc
    return CleanImage(ContentFile(content), FORMATS[kind], secrets.token_hex(16), width, height)


def _encode(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    elif kind == "PNG":
        mode = "RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB"
        image.convert(mode).save(out, "PNG", optimize=True)
    else:
        image.convert("RGBA" if "A" in image.getbands() else "RGB").save(out, "WEBP", quality=85)
    return out.getvalue()
