from django.urls import path

from ballots import views

app_name = "ballots"

urlpatterns = [
    path("proposals/<int:pk>/ballot/new/", views.ballot_new, name="ballot_new"),
    path("ballots/<int:pk>/", views.ballot_detail, name="ballot_detail"),
    path("ballots/<int:pk>/vote/", views.vote, name="vote"),
    path("ballots/<int:pk>/receipts/", views.receipts, name="receipts"),
    path("ballots/<int:pk>/paper/", views.paper_tally, name="paper_tally"),
    path("ballots/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("ballots/defaults/<int:region_id>/", views.defaults, name="defaults"),
]
