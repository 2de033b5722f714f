from django.urls import path

from rooms import views

app_name = "rooms"

urlpatterns = [
    path("<int:pk>/room/", views.room, name="room"),
    path("<int:pk>/room/say/", views.say, name="say"),
    path("<int:pk>/room/messages/<int:seq>/hide/", views.hide, name="hide"),
    path("<int:pk>/room/messages/<int:seq>/report/", views.report, name="report"),
    path("<int:pk>/room/mute/", views.mute, name="mute"),
    path("<int:pk>/room/close/", views.close, name="close"),
    path("<int:pk>/room/open/", views.reopen, name="open"),
    path("<int:pk>/room/log/", views.moderation_log, name="log"),
    path("<int:pk>/room/sessions/new/", views.session_new, name="session_new"),
    path("<int:pk>/room/sessions/<int:session_id>/minutes/", views.minutes, name="minutes"),
]
