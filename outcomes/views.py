"""Pages about outcomes. Each view parses input, calls one action, renders."""

from collections.abc import Callable
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ballots.queries import live_ballot
from core.errors import ActionError
from core.views import form_error, found, post_action
from outcomes import actions, queries
from outcomes.access import get_outcome_for
from outcomes.forms import AnswerForm, ObjectionForm, OutcomeForm, ProgressForm, RatingForm
from outcomes.models import Evaluation, Objection
from outcomes.permissions import may_manage_outcome, may_object, may_publish_outcome, may_rate
from proposals.access import get_proposal_for
from proposals.models import State

PAGE_SIZE = 20


def outcome_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.outcome_list(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "outcomes/outcome_list.html", {"page": page})


def _outcome_context(request: HttpRequest, outcome: Any) -> dict[str, Any]:
    user = request.user
    view = queries.outcome_view(outcome)
    manage = may_manage_outcome(user, outcome)
    rated = user.is_authenticated and Evaluation.objects.filter(outcome=outcome, user=user).exists()
    objected = (
        user.is_authenticated and Objection.objects.filter(outcome=outcome, author=user).exists()
    )
    state = outcome.proposal.state
    return {
        "outcome": outcome,
        "proposal": outcome.proposal,
        "view": view,
        "result": outcome.ballot.result if outcome.ballot else None,
        "may_manage": manage,
        "objection_form": ObjectionForm() if may_object(user, outcome) and not objected else None,
        "objected": objected,
        "answer_form": AnswerForm() if manage else None,
        "may_implement": manage and state == State.DECIDED and outcome.is_final,
        "progress_form": ProgressForm() if manage and state == State.IMPLEMENTING else None,
        "rating_form": RatingForm() if may_rate(user, outcome) and not rated else None,
        "rated": rated,
    }


def outcome_detail(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = found(lambda: get_outcome_for(request.user, pk))
    return render(request, "outcomes/outcome_detail.html", _outcome_context(request, outcome))


def outcome_print(request: HttpRequest, pk: int) -> HttpResponse:
    """An A4 notice for the village board, with a QR code (SVG, made here) to the page."""
    outcome = found(lambda: get_outcome_for(request.user, pk))
    url = request.build_absolute_uri(outcome.get_absolute_url())
    qr = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")
    context = {
        "outcome": outcome,
        "proposal": outcome.proposal,
        "result": outcome.ballot.result if outcome.ballot else None,
        "qr_svg": qr,
        "url": url,
    }
    return render(request, "outcomes/outcome_print.html", context)


@login_required
def outcome_new(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = found(lambda: get_proposal_for(request.user, pk))
    if not may_publish_outcome(request.user, proposal):
        raise Http404(_("This matter does not exist."))
    ballot = live_ballot(proposal)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = actions.publish_outcome(request.user, pk, **form.cleaned_data)
        except ActionError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("The outcome is published."))
            return redirect(outcome)
    context = {"form": form, "proposal": proposal, "ballot": ballot}
    return render(
        request, "outcomes/outcome_form.html", context, status=400 if form.errors else 200
    )


def _redirect_outcome(pk: int) -> Any:
    return reverse("outcomes:outcome_detail", args=[pk])


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    objection = Objection.objects.filter(pk=pk).only("outcome_id").first()
    if objection is None:
        raise Http404
    return post_action(
        request,
        lambda: actions.answer_objection(request.user, pk, request.POST.get("answer", "")),
        _("Your answer is published."),
        _redirect_outcome(objection.outcome_id),
    )


def _outcome_post(call: Callable[[Any, int, Any], Any], done: Any) -> Callable[..., HttpResponse]:
    """A one-form POST about an outcome: call the action, say so, back to the outcome page."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        return post_action(
            request, lambda: call(request.user, pk, request), str(done), _redirect_outcome(pk)
        )

    return view


implement = _outcome_post(
    lambda user, pk, request: actions.start_implementation(user, pk),
    gettext_lazy("The work has started."),
)
progress = _outcome_post(
    lambda user, pk, request: actions.add_progress(
        user,
        pk,
        text=request.POST.get("text", ""),
        percent=request.POST.get("percent"),
        photos=request.FILES.getlist("photos"),
    ),
    gettext_lazy("The progress update is published."),
)
complete = _outcome_post(
    lambda user, pk, request: actions.complete(user, pk),
    gettext_lazy("Marked as completed. Residents can now rate it."),
)
object_to = _outcome_post(
    lambda user, pk, request: actions.lodge_objection(user, pk, request.POST.get("text", "")),
    gettext_lazy("Your objection was lodged. The committee will answer it publicly."),
)
rate = _outcome_post(
    lambda user, pk, request: actions.rate_outcome(
        user, pk, rating=request.POST.get("rating", ""), comment=request.POST.get("comment", "")
    ),
    gettext_lazy("Thank you for your rating."),
)
