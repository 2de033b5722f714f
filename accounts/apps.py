from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and places")

    def ready(self) -> None:
        from accounts import notifications, todo  # noqa: F401  (renderers, 待办)
