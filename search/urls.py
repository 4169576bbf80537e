from django.urls import path

from .suggest_views import suggest_view
from .views import search_view

urlpatterns = [
    path("", search_view, name="search"),
    path("suggest", suggest_view, name="search_suggest"),
]

from .analytics_views import search_click  # noqa: E402

urlpatterns += [path("click", search_click, name="search_click")]
