"""Pages about ballots. Each view parses input, calls one action, renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Region
from accounts.permissions import may_moderate
from ballots import actions, queries
from ballots.access import get_ballot_for
from ballots.forms import BallotForm, DefaultsForm, PaperTallyForm
from ballots.models import BallotState, RollEntry
from ballots.permissions import may_open_ballot, may_record_paper, may_run_ballots
from core.errors import ActionError
from core.views import form_error, found, post_action
from proposals.access import get_proposal_for

PAGE_SIZE = 20


# --- Ballots -----------------------------------------------------------------


def ballot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = found(lambda: get_ballot_for(request.user, pk))
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
    ballot = found(lambda: get_ballot_for(request.user, pk))
    page = Paginator(queries.receipts(ballot), 200).get_page(request.GET.get("page"))
    query = (request.GET.get("q") or "").strip().upper()
    matched = queries.receipts(ballot).filter(receipt=query).exists() if query else None
    context = {"ballot": ballot, "page": page, "query": query, "found": matched}
    return render(request, "ballots/receipts.html", context)


@login_required
def ballot_new(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = found(lambda: get_proposal_for(request.user, pk))
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
            form_error(form, exc)
        else:
            messages.success(request, _("The vote is set up."))
            return redirect(ballot)
    context = {"form": form, "proposal": proposal}
    return render(request, "ballots/ballot_form.html", context, status=400 if form.errors else 200)


@login_required
def paper_tally(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = found(lambda: get_ballot_for(request.user, pk))
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
            form_error(form, exc)
        else:
            messages.success(request, _("The paper vote was recorded."))
            return redirect(ballot)
    context = {"form": form, "ballot": ballot}
    return render(request, "ballots/paper_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = found(lambda: get_ballot_for(request.user, pk))
    return post_action(
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
            form_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("ballots:defaults", region_id=region_id)
    return render(request, "ballots/defaults_form.html", {"form": form, "region": region})
