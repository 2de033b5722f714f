from django.urls import path

from ballots import views

app_name = "ballots"

urlpatterns = [
    path("proposals/<int:pk>/ballot/new/", views.ballot_new, name="ballot_new"),
    path("proposals/<int:pk>/outcome/new/", views.outcome_new, name="outcome_new"),
    path("ballots/<int:pk>/", views.ballot_detail, name="ballot_detail"),
    path("ballots/<int:pk>/vote/", views.vote, name="vote"),
    path("ballots/<int:pk>/receipts/", views.receipts, name="receipts"),
    path("ballots/<int:pk>/paper/", views.paper_tally, name="paper_tally"),
    path("ballots/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("ballots/defaults/<int:region_id>/", views.defaults, name="defaults"),
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
