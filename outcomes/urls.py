from django.urls import path

from outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("proposals/<int:pk>/outcome/new/", views.outcome_new, name="outcome_new"),
    path("outcomes/", views.outcome_list, name="outcome_list"),
    path("outcomes/<int:pk>/", views.outcome_detail, name="outcome_detail"),
    path("outcomes/<int:pk>/print/", views.outcome_print, name="outcome_print"),
    path("outcomes/<int:pk>/object/", views.object_to, name="object"),
    path("outcomes/objections/<int:pk>/answer/", views.answer, name="answer"),
    path("outcomes/<int:pk>/implement/", views.implement, name="implement"),
    path("outcomes/<int:pk>/progress/", views.progress, name="progress"),
    path("outcomes/<int:pk>/complete/", views.complete, name="complete"),
    path("outcomes/<int:pk>/rate/", views.rate, name="rate"),
]
