"""内容: the sections, search over all content, and choosing one's village.

Served at /content/ (url name `content_index`): GET lists or searches (?q=), POST
remembers the visitor's chosen village.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from cms import village
from cms.listing import content_for_region, paginate
from cms.search import search_content

QUERY_MAX = 100


def content_index(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return choose_village(request)
    if "q" in request.GET:
        return search(request)
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    sections = root.get_children().live().public() if root else Page.objects.none()
    chosen = village.chosen_village(request)
    return render(
        request,
        "cms/content_index.html",
        {
            "sections": sections,
            "village": chosen,
            "latest": content_for_region(chosen, limit=10),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:QUERY_MAX]
    terms, pages = search_content(query)
    results = paginate(request, pages) if terms else None
    return render(request, "cms/search.html", {"query": query, "terms": terms, "results": results})


def choose_village(request: HttpRequest) -> HttpResponse:
    try:
        chosen = village.choose_village(request, request.POST.get("village"))
    except ValueError:
        messages.error(request, _("Please choose a village or a community from the list."))
    else:
        if chosen is None:
            messages.success(request, _("Showing content for every place."))
        else:
            messages.success(request, _("Showing what is near %(place)s.") % {"place": chosen})
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
        target = "/"
    return HttpResponseRedirect(target)
