"""Pages about ballots and outcomes. Each view parses input, calls one action, renders."""

from collections.abc import Callable
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Region
from accounts.permissions import may_moderate
from ballots import actions, queries
from ballots.access import get_ballot_for, get_outcome_for
from ballots.forms import (
    AnswerForm,
    BallotForm,
    DefaultsForm,
    ObjectionForm,
    OutcomeForm,
    PaperTallyForm,
    ProgressForm,
    RatingForm,
)
from ballots.models import BallotState, Evaluation, Objection, RollEntry
from ballots.permissions import (
    may_manage_outcome,
    may_object,
    may_open_ballot,
    may_publish_outcome,
    may_rate,
    may_record_paper,
    may_run_ballots,
)
from core.errors import ActionError
from proposals.access import get_proposal_for
from proposals.models import State

PAGE_SIZE = 20


def _found(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except ActionError as exc:
        raise Http404(exc.message) from exc


def _form_error(form: Any, exc: ActionError) -> None:
    if exc.status == 404:
        raise Http404(exc.message)
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _post(request: HttpRequest, call: Callable[[], Any], done: str, to: Any) -> HttpResponse:
    try:
        call()
    except ActionError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect(to)


# --- Ballots -----------------------------------------------------------------


def ballot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = _found(lambda: get_ballot_for(request.user, pk))
    view = queries.ballot_view(request.user, ballot)
    context = {
        "ballot": ballot,
        "proposal": ballot.proposal,
        "view": view,
        "may_vote": ballot.state == BallotState.OPEN
        and view.entry is not None
        and not view.entry.channel,
        "may_run": may_run_ballots(request.user, ballot.proposal),
        "may_paper": may_record_paper(request.user, ballot),
    }
    return render(request, "ballots/ballot_detail.html", context)


@login_required
@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    """The receipt is shown once, in this response; reloading it cannot vote twice."""
    try:
        paper = actions.cast_vote(request.user, pk, request.POST.getlist("choice"))
    except ActionError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
        return redirect("ballots:ballot_detail", pk=pk)
    ballot = get_ballot_for(request.user, pk)
    return render(request, "ballots/receipt.html", {"ballot": ballot, "receipt": paper.receipt})


def receipts(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = _found(lambda: get_ballot_for(request.user, pk))
    page = Paginator(queries.receipts(ballot), 200).get_page(request.GET.get("page"))
    query = (request.GET.get("q") or "").strip().upper()
    found = queries.receipts(ballot).filter(receipt=query).exists() if query else None
    context = {"ballot": ballot, "page": page, "query": query, "found": found}
    return render(request, "ballots/receipts.html", context)


@login_required
def ballot_new(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _found(lambda: get_proposal_for(request.user, pk))
    if not may_open_ballot(request.user, proposal):
        raise Http404(_("This matter does not exist."))
    form = BallotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ballot = actions.create_ballot(
                request.user,
                pk,
                question=data["question"],
                kind=data["kind"],
                options=data["options"].splitlines(),
                max_choices=data["max_choices"] or 1,
                secret=data["secret"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                quorum_percent=data["quorum_percent"],
                pass_rule=data["pass_rule"],
            )
        except ActionError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("The vote is set up."))
            return redirect(ballot)
    context = {"form": form, "proposal": proposal}
    return render(request, "ballots/ballot_form.html", context, status=400 if form.errors else 200)


@login_required
def paper_tally(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = _found(lambda: get_ballot_for(request.user, pk))
    if not may_record_paper(request.user, ballot):
        raise Http404(_("This ballot does not exist."))
    roll = list(
        RollEntry.objects.filter(ballot=ballot, channel="")
        .select_related("user")
        .order_by("user__display_name", "user_id")
    )
    options = list(ballot.options.all())
    form = PaperTallyForm(request.POST or None, request.FILES or None, options=options, roll=roll)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_paper_tally(
                request.user,
                pk,
                counts=form.counts(),
                voters=form.cleaned_data["voters"],
                photo=form.cleaned_data["photo"],
                note=form.cleaned_data["note"],
            )
        except ActionError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("The paper vote was recorded."))
            return redirect(ballot)
    context = {"form": form, "ballot": ballot}
    return render(request, "ballots/paper_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = _found(lambda: get_ballot_for(request.user, pk))
    return _post(
        request,
        lambda: actions.cancel_ballot(request.user, pk, reason=request.POST.get("reason", "")),
        _("The vote was cancelled."),
        ballot.proposal,
    )


@login_required
def defaults(request: HttpRequest, region_id: int) -> HttpResponse:
    region = Region.objects.filter(pk=region_id).first()
    if region is None or not region.is_joinable or not may_moderate(request.user, region):
        raise Http404(_("This place does not exist."))
    quorum, rule = actions.ballot_defaults(region)
    form = DefaultsForm(request.POST or None, initial={"quorum_percent": quorum, "pass_rule": rule})
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_ballot_defaults(request.user, region_id, **form.cleaned_data)
        except ActionError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("ballots:defaults", region_id=region_id)
    return render(request, "ballots/defaults_form.html", {"form": form, "region": region})


# --- Outcomes ----------------------------------------------------------------


def outcome_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.outcome_list(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "ballots/outcome_list.html", {"page": page})


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
    outcome = _found(lambda: get_outcome_for(request.user, pk))
    return render(request, "ballots/outcome_detail.html", _outcome_context(request, outcome))


def outcome_print(request: HttpRequest, pk: int) -> HttpResponse:
    """An A4 notice for the village board, with a QR code (SVG, made here) to the page."""
    outcome = _found(lambda: get_outcome_for(request.user, pk))
    url = request.build_absolute_uri(outcome.get_absolute_url())
    qr = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")
    context = {
        "outcome": outcome,
        "proposal": outcome.proposal,
        "result": outcome.ballot.result if outcome.ballot else None,
        "qr_svg": qr,
        "url": url,
    }
    return render(request, "ballots/outcome_print.html", context)


@login_required
def outcome_new(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _found(lambda: get_proposal_for(request.user, pk))
    if not may_publish_outcome(request.user, proposal):
        raise Http404(_("This matter does not exist."))
    ballot, _outcome = queries.for_proposal(proposal)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = actions.publish_outcome(request.user, pk, **form.cleaned_data)
        except ActionError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("The outcome is published."))
            return redirect(outcome)
    context = {"form": form, "proposal": proposal, "ballot": ballot}
    return render(request, "ballots/outcome_form.html", context, status=400 if form.errors else 200)


def _redirect_outcome(pk: int) -> Any:
    from django.urls import reverse

    return reverse("ballots:outcome_detail", args=[pk])


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    objection = Objection.objects.filter(pk=pk).only("outcome_id").first()
    if objection is None:
        raise Http404
    return _post(
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
        return _post(
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
