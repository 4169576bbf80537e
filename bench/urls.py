"""The hub's addresses plus the peer's search view (bench.peer_view), for the benchmark only."""

from django.urls import path

from hub.urls import urlpatterns as hub_urlpatterns

from .peer_view import peer_search

urlpatterns = [path("peer-search/", peer_search, name="peer_search"), *hub_urlpatterns]
