from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.me, name="me"),
    path("join/", views.join, name="join"),
    path("requests/", views.requests_queue, name="requests"),
    path("requests/<int:pk>/decide/", views.decide, name="decide"),
]
