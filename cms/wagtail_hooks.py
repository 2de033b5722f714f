from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(CategoryViewSet)


def _asks_to_publish(request: HttpRequest) -> bool:
    return request.method == "POST" and bool(request.POST.get("action-publish"))


def _refuse_publish(request: HttpRequest) -> HttpResponse:
    messages.error(
        request,
        _("You may not publish directly. Submit the page for review: a moderator will publish it."),
    )
    return HttpResponseRedirect(request.get_full_path())


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(
    request: HttpRequest, parent_page: Any, page_class: Any
) -> HttpResponse | None:
    """Wagtail would quietly save a draft instead; say no out loud, save nothing."""
    perms = parent_page.permissions_for_user(request.user)
    if _asks_to_publish(request) and not perms.can_publish_subpage():
        return _refuse_publish(request)
    return None


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request: HttpRequest, page: Any) -> HttpResponse | None:
    if _asks_to_publish(request) and not page.permissions_for_user(request.user).can_publish():
        return _refuse_publish(request)
    return None
