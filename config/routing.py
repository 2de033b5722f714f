"""Websocket routes of every app, gathered in one list for config.asgi."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
