from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Page, Site


def content_index(request: HttpRequest) -> HttpResponse:
    """内容: the sections under the site's home page and the newest pages in them."""
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    sections = root.get_children().live().public().specific() if root else Page.objects.none()
    latest = (
        root.get_descendants()
        .live()
        .public()
        .filter(depth__gt=root.depth + 1)
        .order_by("-first_published_at")[:10]
        if root
        else Page.objects.none()
    )
    return render(request, "cms/content_index.html", {"sections": sections, "latest": latest})
