"""The JSON endpoint behind the search box's suggestions: /search/suggest?q=."""

from __future__ import annotations

import logging

from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .backends import get_backend
from .suggest import MAX_LENGTH, suggest

logger = logging.getLogger(__name__)

# Suggestions change only when editors publish, so browsers and proxies may keep them a minute.
MAX_AGE = 60


@require_GET
def suggest_view(request: HttpRequest) -> JsonResponse:
    query = request.GET.get("q", "")
    if "\x00" in query:
        return _error(_("Your search contains characters that cannot be searched."))
    if len(query) > MAX_LENGTH:
        return _error(
            _("Suggestions are offered for at most %(limit)s characters.") % {"limit": MAX_LENGTH}
        )
    try:
        backend = get_backend()
    except Exception:  # noqa: BLE001 - a misconfigured engine must not break the search box
        logger.exception("No search backend for suggestions")
        backend = None
    suggestions, degraded = suggest(query, backend, request)
    if degraded:
        logger.warning("Search engine unavailable: suggesting objectives and organisations only")
    response = JsonResponse({"query": query, "suggestions": suggestions})
    if degraded:
        # Do not let caches keep the partial answer once the engine is back.
        patch_cache_control(response, no_store=True)
    elif request.user.is_authenticated:
        # A member's suggestions may name restricted titles: only their own browser may keep them.
        patch_cache_control(response, private=True, max_age=MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
    else:
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
    return response


def _error(message: str) -> JsonResponse:
    response = JsonResponse({"error": message, "suggestions": []}, status=400)
    patch_cache_control(response, no_store=True)
    return response
