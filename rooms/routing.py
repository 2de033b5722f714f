from django.urls import path

from rooms.consumers import RoomConsumer

websocket_urlpatterns = [
    path("ws/rooms/<int:proposal_id>/", RoomConsumer.as_asgi()),
]
