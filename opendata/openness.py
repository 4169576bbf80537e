"""What every open endpoint shares: a per-address rate limit (429 with Retry-After) and CORS
open for reading, so partners' pages can fetch the hub from the browser.

The limit is a fixed window per minute in Django's cache (the production cache is the database's,
shared by every web process), keyed on the address the request came from. Reads only: nothing
here writes, so CORS allows any origin without credentials.
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    """The caller's address. Behind HUB_PROXY_HOPS trusted proxies (production: nginx, one hop)
    REMOTE_ADDR is the proxy's, so the address is read from X-Forwarded-For, counting from the
    right: entries further left were written by the caller and may be anything."""
    hops = settings.HUB_PROXY_HOPS
    if hops > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if len(entries) >= hops:
            return entries[-hops][:64]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def seconds_to_wait(request: HttpRequest) -> int:
    """0 when this request may go ahead (and is counted); else seconds until the next window."""
    limit = settings.HUB_API_RATE_LIMIT
    if limit <= 0:
        return 0
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:24]
    key = f"opendata-rate:{digest}:{window}"
    # add() is atomic where the cache allows it: the first request of a window sets the count.
    if cache.add(key, 1, WINDOW_SECONDS + 5):
        return 0
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.set(key, 1, WINDOW_SECONDS + 5)
        return 0
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)


def allow_cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response["Access-Control-Expose-Headers"] = "Retry-After, Link"
    return response


def too_many(seconds: int) -> HttpResponse:
    response = JsonResponse(
        {
            "error": {
                "status": 429,
                "message": _(
                    "Too many requests from your address; please wait %(seconds)s seconds."
                )
                % {"seconds": seconds},
            }
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def open_endpoint(
    view: Callable[..., HttpResponse] | None = None, *, methods: tuple[str, ...] = ("GET", "HEAD")
):
    """Reads only (and CORS preflight); rate-limited per address; CORS headers on every answer."""
    if view is None:
        return functools.partial(open_endpoint, methods=methods)

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            return allow_cors(HttpResponse(status=204))
        if request.method not in methods:
            response = JsonResponse(
                {"error": {"status": 405, "message": _("Only GET is allowed here.")}},
                status=405,
            )
            response["Allow"] = ", ".join((*methods, "OPTIONS"))
            return allow_cors(response)
        wait = seconds_to_wait(request)
        if wait:
            return allow_cors(too_many(wait))
        return allow_cors(view(request, *args, **kwargs))

    wrapped.csrf_exempt = True  # reads only; lets a preflight through the CSRF middleware
    return wrapped
