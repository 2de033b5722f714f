"""The pages people use: list, detail, new-proposal form, review queue, 我的."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.models import AuditEntry
from proposals.models import Proposal, ProposalImage, State
from tests.proposals.conftest import category, login, make_proposal, published_rows


def _form(world, **overrides):
    data = {
        "title": "路灯不亮",
        "body": "三组路口的路灯坏了一个月。",
        "category": category().pk,
        "region": world.village_a.pk,
        "publish": "1",
    }
    return {**data, **overrides}


def _png(size=(40, 30), fmt="PNG", extra=b""):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, fmt)
    return out.getvalue() + extra


def test_a_resident_raises_a_proposal_through_the_form(client, world):
    response = login(client, world.resident_a).post("/proposals/new/", _form(world))
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == f"/proposals/{proposal.pk}/"
    assert proposal.state == State.COLLECTING and proposal.author == world.resident_a
    assert AuditEntry.objects.filter(verb="proposal.collecting").exists()


def test_the_form_offers_only_the_residents_own_villages(client, world):
    page = login(client, world.resident_a).get("/proposals/new/").content.decode()
    assert "村A" in page and "村B" not in page


def test_someone_without_a_village_is_told_to_join_first(client, world):
    page = login(client, world.outsider).get("/proposals/new/").content.decode()
    assert "/me/join/" in page


@pytest.mark.parametrize(
    ("overrides", "snippet"),
    [
        ({"title": ""}, "title"),
        ({"body": "<script>alert(1)</script>"}, "HTML"),
        ({"body": "x" * 5001}, "5000"),
        ({"category": "999"}, "category"),
        ({"region": str(10**6)}, "region"),
    ],
)
def test_the_form_refuses_bad_input_and_saves_nothing(client, settings, world, overrides, snippet):
    settings.LANGUAGE_CODE = "en"
    response = login(client, world.resident_a).post(
        "/proposals/new/", _form(world, **overrides), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert b"errorlist" in response.content
    assert not Proposal.objects.exists()


def test_the_form_refuses_a_region_outside_the_membership(client, world):
    response = login(client, world.resident_a).post(
        "/proposals/new/", _form(world, region=world.village_b.pk)
    )
    assert response.status_code == 400 and not Proposal.objects.exists()


def test_images_are_re_encoded_without_what_came_after_the_pixels(client, world):
    payload = b"<?php system($_GET['c']); ?>"
    upload = SimpleUploadedFile("holiday-photo.png", _png(extra=payload), content_type="image/png")
    login(client, world.resident_a).post("/proposals/new/", {**_form(world), "images": [upload]})
    image = ProposalImage.objects.get()
    data = image.file.read()
    assert payload not in data and data.startswith(b"\x89PNG")
    assert image.file.name.endswith(".png") and "holiday" not in image.file.name
    served = client.get(f"/proposals/{image.proposal_id}/images/{image.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.png", b"GIF89a not really"),
        ("doc.pdf", b"%PDF-1.4 hello"),
        ("anim.gif", _png(fmt="GIF")),
        ("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10)),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_saved(client, world, name, content):
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = login(client, world.resident_a).post(
        "/proposals/new/", {**_form(world), "images": [upload]}
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists() and not ProposalImage.objects.exists()


def test_more_than_six_images_are_refused(client, world):
    uploads = [SimpleUploadedFile(f"{i}.png", _png(), content_type="image/png") for i in range(7)]
    response = login(client, world.resident_a).post(
        "/proposals/new/", {**_form(world), "images": uploads}
    )
    assert response.status_code == 400 and not Proposal.objects.exists()


def test_draft_images_are_private(client, world):
    upload = SimpleUploadedFile("a.png", _png(), content_type="image/png")
    data = {**_form(world), "images": [upload]}
    del data["publish"]
    login(client, world.resident_a).post("/proposals/new/", data)
    image = ProposalImage.objects.get()
    login(client, world.resident_a2)
    assert client.get(f"/proposals/{image.proposal_id}/images/{image.pk}/").status_code == 404


def test_the_detail_escapes_text_and_links_addresses(client, world):
    proposal = make_proposal(
        world, title="温度<5度 & 路滑", body="见 https://example.cn/a?b=1&c=2 说明\n第二行 “引号”"
    )
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "温度&lt;5度 &amp; 路滑" in page
    assert '<a href="https://example.cn/a?b=1&amp;c=2" rel="nofollow noopener ugc"' in page
    assert "说明<br>第二行" in page


def test_the_detail_shows_the_timeline_with_who_when_and_why(client, world):
    proposal = make_proposal(world, State.REJECTED)
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "陈主任" in page and "理由" in page
    assert page.index("王秀英") < page.index("陈主任")


def test_a_neighbour_supports_through_the_page(client, world):
    proposal = make_proposal(world)
    client = login(client, world.resident_a2)
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert f'action="/proposals/{proposal.pk}/support/"' in page
    client.post(f"/proposals/{proposal.pk}/support/")
    proposal.refresh_from_db()
    assert proposal.support_count == 1


def test_the_author_sees_no_support_button(client, world):
    proposal = make_proposal(world)
    page = login(client, world.resident_a).get(f"/proposals/{proposal.pk}/").content.decode()
    assert f'action="/proposals/{proposal.pk}/support/"' not in page


def test_the_committee_accepts_through_the_page(client, world):
    proposal = make_proposal(world, State.REVIEWING)
    client = login(client, world.committee_a)
    assert b"/review/" in client.get(f"/proposals/{proposal.pk}/").content
    client.post(f"/proposals/{proposal.pk}/review/", {"decision": "accept"})
    proposal.refresh_from_db()
    assert proposal.state == State.DELIBERATING


def test_a_rejection_without_reason_is_refused_on_the_page(client, world):
    proposal = make_proposal(world, State.REVIEWING)
    response = login(client, world.committee_a).post(
        f"/proposals/{proposal.pk}/review/", {"decision": "reject", "reason": ""}, follow=True
    )
    proposal.refresh_from_db()
    assert proposal.state == State.REVIEWING
    assert b"message error" in response.content


def test_the_list_filters_and_sorts(client, world):
    quiet = make_proposal(world, title="安静的议题")
    busy = make_proposal(world, State.REVIEWING, title="热门的议题")
    Proposal.objects.filter(pk=busy.pk).update(support_count=9)
    other = make_proposal(world, author=world.resident_b, title="和睦村的议题")
    page = client.get("/proposals/?sort=support").content.decode()
    assert page.index("热门的议题") < page.index("安静的议题")
    page = client.get(f"/proposals/?region={world.village_b.pk}").content.decode()
    assert other.title in page and quiet.title not in page
    page = client.get("/proposals/?state=reviewing").content.decode()
    assert busy.title in page and quiet.title not in page


def test_the_list_ignores_nonsense_filters_without_error(client, world):
    make_proposal(world)
    assert client.get("/proposals/?region=abc&state=zzz&page=999").status_code == 200


def test_the_review_queue_shows_only_my_villages(client, world):
    mine = make_proposal(world, State.REVIEWING, title="村A待审")
    theirs = make_proposal(world, State.REVIEWING, author=world.resident_b, title="村B待审")
    page = login(client, world.committee_a).get("/proposals/review/").content.decode()
    assert mine.title in page and theirs.title not in page
    page = login(client, world.staff).get("/proposals/review/").content.decode()
    assert mine.title in page and theirs.title in page


def test_mine_lists_my_proposals_supports_and_follows(client, world):
    own = make_proposal(world, author=world.resident_a2, title="我提的")
    supported = make_proposal(world, title="我附议的")
    client = login(client, world.resident_a2)
    client.post(f"/proposals/{supported.pk}/support/")
    page = client.get("/proposals/mine/").content.decode()
    assert own.title in page and supported.title in page


@pytest.mark.parametrize("rows", [1, 200])
def test_the_list_page_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    published_rows(world, rows)
    client = login(client, world.resident_a2)
    # session, user, unread badge, regions, categories (filter form), count, page
    with django_assert_max_num_queries(8):
        response = client.get("/proposals/?sort=support")
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 50])
def test_the_detail_page_runs_a_fixed_number_of_queries(
    client, world, rows, django_assert_max_num_queries
):
    proposal = make_proposal(world, State.REVIEWING)
    for _ in range(rows):
        AuditEntry.objects.create(
            actor=world.committee_a,
            verb="proposal.reviewing",
            target_type_id=AuditEntry.objects.first().target_type_id,
            target_id=proposal.pk,
        )
    client = login(client, world.committee_a)
    # Fixed, whatever the rows: the page, its timeline, room and ballot panels, related content.
    with django_assert_max_num_queries(16):
        assert client.get(f"/proposals/{proposal.pk}/").status_code == 200
