"""Image uploads: jpg/png/webp up to 5 MB; anything else refused with a clear message."""

import io
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def upload(client: Any, name: str, content: bytes) -> Any:
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "上传", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (0, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _root_collection(db: None) -> None:
    """Wagtail's migration makes the root collection; a transactional test's flush may not
    have left one (the order files run in differs between workers)."""
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def test_the_limits_are_configured() -> None:
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 5 * 1024 * 1024
    assert set(settings.WAGTAILIMAGES_EXTENSIONS) == {"jpg", "jpeg", "png", "webp"}


def test_an_editor_uploads_a_png(client: Any, world: Any) -> None:
    from cms import editorial

    editorial.ensure_groups()
    client.force_login(world.editor)
    assert upload(client, "photo.png", png_bytes()).status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"not an image", "请上传一张有效的图片"),
        ("fake.png", b"MZ\x90\x00 a program", "请上传一张有效的图片"),
        ("anim.gif", b"GIF89a", "不支持的图片格式"),
        ("huge.png", b"\x89PNG" + b"\x00" * (5 * 1024 * 1024 + 1), "5.0"),
    ],
)
def test_non_images_and_oversized_files_are_refused(
    client: Any, world: Any, name: str, content: bytes, message: str
) -> None:
    client.force_login(world.admin)
    response = upload(client, name, content)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert message in errors, errors
    assert not get_image_model().objects.exists()
