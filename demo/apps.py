from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo places, people and sample content, made through every app's actions.

    The only app allowed to import all the others; production never loads its data.
    """

    name = "demo"
    verbose_name = _("Demo data")
