"""Pages about proposals. Each view parses input, calls one action, renders."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Region
from accounts.permissions import may_moderate, moderated_paths
from core.errors import ActionError
from core.parse import as_id
from proposals import actions, queries
from proposals.forms import ListFilterForm, ProposalForm, ReviewForm, resident_places
from proposals.models import Follow, Proposal, ProposalImage, State, Support
from proposals.permissions import may_edit, may_review, may_support
from proposals.text import render_body

PAGE_SIZE = 20


def _visible(user: Any, pk: int) -> Proposal:
    try:
        return actions.get_proposal_for(user, pk)
    except ActionError as exc:
        raise Http404(exc.message) from exc


def proposal_list(request: HttpRequest) -> HttpResponse:
    form = ListFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {
            "region_path": form.region_path(),
            "state": form.cleaned_data.get("state") or None,
            "category": form.cleaned_data.get("category") or None,
            "sort": form.cleaned_data.get("sort") or "new",
        }
    page = Paginator(queries.proposal_list(request.user, **filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "proposals/proposal_list.html", context)


def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    proposal = _visible(user, pk)
    signed_in = user.is_authenticated
    context = {
        "proposal": proposal,
        "body_html": render_body(proposal.body),
        "images": list(proposal.images.all()),
        "timeline": queries.timeline(proposal),
        "supported": signed_in and Support.objects.filter(proposal=proposal, user=user).exists(),
        "following": signed_in and Follow.objects.filter(proposal=proposal, user=user).exists(),
        "may_support": may_support(user, proposal),
        "may_edit": may_edit(user, proposal),
        "may_withdraw": signed_in
        and proposal.author_id == user.pk
        and proposal.state in {State.DRAFT, State.COLLECTING},
        "threshold": actions.support_threshold(proposal.region),
        "collecting": proposal.state == State.COLLECTING,
    }
    if may_review(user, proposal):
        context["review_form"] = ReviewForm(merge_choices=queries.merge_candidates(proposal))
    return render(request, "proposals/proposal_detail.html", context)


def _form_error(form: Any, exc: ActionError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@login_required
def proposal_new(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = actions.create_proposal(
                request.user,
                title=data["title"],
                body=data["body"],
                category=data["category"],
                region=data["region"],
                submit="publish" in request.POST,
                images=data["images"],
            )
        except ActionError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request,
                _("Published. Neighbours can now support it.")
                if proposal.is_published
                else _("Saved as a draft."),
            )
            return redirect(proposal)
    context = {"form": form, "has_places": bool(resident_places(request.user))}
    status = 400 if form.errors else 200
    return render(request, "proposals/proposal_form.html", context, status=status)


@login_required
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _visible(request.user, pk)
    if not may_edit(request.user, proposal):
        messages.error(request, _("Only drafts can be changed, and only by their author."))
        return redirect(proposal)
    initial = {"title": proposal.title, "body": proposal.body, "category": proposal.category_id}
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        editing=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.edit_proposal(
                request.user,
                pk,
                title=data["title"],
                body=data["body"],
                category=data["category"],
                images=data["images"],
                remove_images=[
                    key for v in request.POST.getlist("remove_image") if (key := as_id(v))
                ],
            )
            if "publish" in request.POST:
                actions.submit_proposal(request.user, pk)
        except ActionError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(proposal)
    context = {
        "form": form,
        "proposal": proposal,
        "has_places": True,
        "images": list(proposal.images.all()),
    }
    return render(
        request, "proposals/proposal_form.html", context, status=400 if form.errors else 200
    )


def _post_action(request: HttpRequest, pk: int, call: Any, done: str) -> HttpResponse:
    try:
        call()
    except ActionError as exc:
        if exc.status == 404:
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("proposals:proposal_detail", pk=pk)


def _one_click(action: Callable[[Any, int], Any], done: Promise) -> Callable[..., HttpResponse]:
    """A POST-only page button that calls action(user, pk) and returns to the proposal."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        return _post_action(request, pk, lambda: action(request.user, pk), str(done))

    return view


support = _one_click(actions.support_proposal, gettext_lazy("Thank you: your support was counted."))
unsupport = _one_click(actions.unsupport_proposal, gettext_lazy("Your support was withdrawn."))
follow = _one_click(
    actions.follow_proposal, gettext_lazy("You will be told when this matter changes.")
)
unfollow = _one_click(actions.unfollow_proposal, gettext_lazy("You no longer follow this matter."))
submit = _one_click(
    actions.submit_proposal, gettext_lazy("Published. Neighbours can now support it.")
)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _post_action(
        request,
        pk,
        lambda: actions.withdraw_proposal(request.user, pk, reason=reason),
        _("The matter was withdrawn."),
    )


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    post = request.POST
    return _post_action(
        request,
        pk,
        lambda: actions.review_proposal(
            request.user,
            pk,
            decision=post.get("decision", ""),
            reason=post.get("reason", ""),
            merge_into=post.get("merge_into") or None,
        ),
        _("Your review was recorded."),
    )


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    places = Region.objects.filter(path__in=moderated_paths(request.user)).order_by("path")
    villages = [r for r in places if r.is_joinable]
    if request.method == "POST":
        try:  # the action validates both fields
            actions.set_support_threshold(
                request.user, request.POST.get("region", ""), request.POST.get("threshold")
            )
        except ActionError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The number of supports was saved."))
        return redirect("proposals:review_queue")
    villages = [r for r in villages if may_moderate(request.user, r)]
    thresholds = actions.support_thresholds(villages)
    context = {
        "proposals": queries.review_queue(request.user)[:200],
        "villages": [(r, thresholds[r.pk]) for r in villages],
    }
    return render(request, "proposals/review_queue.html", context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    base = Proposal.objects.select_related("region", "category")
    context = {
        "may_review": user.is_superuser or bool(moderated_paths(user)),
        "mine": base.filter(author=user)[:100],
        "supported": base.filter(supports__user=user).order_by("-supports__created")[:100],
        "followed": base.filter(follows__user=user, submitted_at__isnull=False).order_by(
            "-follows__created"
        )[:100],
    }
    return render(request, "proposals/mine.html", context)


def image(request: HttpRequest, pk: int, image_id: int) -> FileResponse:
    """Images are served through the proposal's permission check (drafts stay private)."""
    proposal = _visible(request.user, pk)
    found = ProposalImage.objects.filter(proposal=proposal, pk=image_id).first()
    if found is None:
        raise Http404
    types = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
    response = FileResponse(found.file.open("rb"), content_type=types[found.extension])
    response["Cache-Control"] = "private, max-age=3600"
    return response
