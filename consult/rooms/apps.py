from django.apps import AppConfig


class RoomsConfig(AppConfig):
    name = "consult.rooms"
    label = "rooms"
    verbose_name = "议事厅"
    default_auto_field = "django.db.models.BigAutoField"
