"""Content-Security-Policy on every HTML page, and a Permissions-Policy on every response.

- **The site** (everything outside the admins): a strict policy. Scripts, styles, fonts and
  images come from the hub itself only; no inline script, no inline style, no `eval`, no plugin,
  no framing, forms post to the hub only. The templates keep to it: behaviour lives in
  hub/static/hub/js/, never in `<script>` blocks, `on…=` attributes or `javascript:` links.
- **The admins** (`/admin/`, `/django-admin/`): the same sources, but Wagtail's own admin
  templates still carry inline scripts (panels, date pickers) and inline styles, so those two are
  allowed there, and same-origin framing is (the preview panel). Only editors reach it.
- A response that already carries its own policy (documents: `default-src 'none'`) keeps it.
- **Permissions-Policy** turns off the browser features the hub never uses (camera, microphone,
  location, payment...), so an injected script could not ask for them either.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

_COMMON = (
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
SITE_POLICY = "; ".join(
    (
        *_COMMON,
        "script-src 'self'",
        "style-src 'self'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
    )
)
ADMIN_POLICY = "; ".join(
    (
        *_COMMON,
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
    )
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)


def policy_for(path: str) -> str:
    return ADMIN_POLICY if path.startswith(ADMIN_PREFIXES) else SITE_POLICY


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html") and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy_for(request.path)
        return response
