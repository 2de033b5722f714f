"""Websocket routes of every app, gathered in one list for config.asgi."""

from django.urls import URLPattern

from rooms.routing import websocket_urlpatterns as rooms_websockets

websocket_urlpatterns: list[URLPattern] = [*rooms_websockets]
