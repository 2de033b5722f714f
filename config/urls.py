from allauth.account.views import SignupView
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import content_index
from config.api import api
from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Sign-up creates the user, then texts a code; if texting is refused (rate limit),
    # the whole request rolls back instead of leaving a half-made account.
    path("accounts/signup/", transaction.atomic(SignupView.as_view()), name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("content/", content_index, name="content_index"),
    path("proposals/", include("proposals.urls")),
    path("", include("ballots.urls")),  # /ballots/…
    path("", include("outcomes.urls")),  # /outcomes/…
    path("notifications/", include("inbox.urls")),
    path("proposals/", include("rooms.urls")),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Wagtail serves every other path from its page tree: keep it last.
urlpatterns.append(path("", include(wagtail_urls)))
