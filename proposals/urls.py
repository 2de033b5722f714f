from django.urls import path

from proposals import views

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="proposal_list"),
    path("new/", views.proposal_new, name="proposal_new"),
    path("mine/", views.mine, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("<int:pk>/support/", views.support, name="support"),
    path("<int:pk>/unsupport/", views.unsupport, name="unsupport"),
    path("<int:pk>/follow/", views.follow, name="follow"),
    path("<int:pk>/unfollow/", views.unfollow, name="unfollow"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/images/<int:image_id>/", views.image, name="image"),
]
