"""A matter's page points residents to the 法治/德治 content on its subject."""

from django.core.management import call_command
from django.test import Client

from proposals.models import Proposal, State


def test_a_neighbour_dispute_links_to_the_mediation_questions(db: None) -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    dispute = (
        Proposal.objects.filter(category__name="矛盾纠纷")
        .exclude(state__in=[State.DRAFT, State.WITHDRAWN])
        .first()
    )
    assert dispute is not None
    page = Client().get(f"/proposals/{dispute.pk}/").content.decode()
    assert "related-content" in page
    assert "人民调解" in page


def test_a_matter_without_related_content_shows_no_empty_box(db: None) -> None:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from cms.models import ContentPage

    ContentPage.objects.all().unpublish()
    proposal = Proposal.objects.exclude(state__in=[State.DRAFT, State.WITHDRAWN]).first()
    assert proposal is not None
    page = Client().get(f"/proposals/{proposal.pk}/").content.decode()
    assert "related-content" not in page
