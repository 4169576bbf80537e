"""Shared previews: a signed, expiring link that shows a draft to anyone who holds it.

Wagtail 8 previews only for signed-in editors, so a TWG member who wants a colleague outside
the admin to read a draft gets a link from the page's header menu ("Share preview link"). The
link names the page, not a revision: it always shows the latest draft. It is read-only, expires
after ``LINK_DAYS`` days, is never indexed (``X-Robots-Tag``) and never cached by a shared cache.
A link that was tampered with or has expired says so; a page that was deleted is a 404.
"""

from __future__ import annotations

import datetime

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

SALT = "hub.publishing.share-preview"
LINK_DAYS = 7
MAX_AGE = datetime.timedelta(days=LINK_DAYS)


def make_token(page: Page) -> str:
    return signing.dumps({"page": page.pk}, salt=SALT, compress=True)


def share_url(request: HttpRequest, page: Page) -> str:
    return request.build_absolute_uri(reverse("share_preview", args=[make_token(page)]))


def user_may_share(user, page: Page) -> bool:
    """Whoever may edit the page, or review it at its current step, may share its draft."""
    if page.permissions_for_user(user).can_edit():
        return True
    task = page.current_workflow_task
    return bool(task and task.specific.user_can_access_editor(page, user))


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    response = TemplateResponse(
        request, "hub/share_preview_invalid.html", {"message": message}, status=status
    )
    return _private(response)


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"  # the link must not leak to linked sites
    return response


def serve_shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The public end of a shared link: the page's latest draft, as the site would show it."""
    if request.method not in ("GET", "HEAD"):
        return _private(HttpResponse(status=405, headers={"Allow": "GET, HEAD"}))
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return _refused(request, _("This preview link has expired. Ask for a new one."), status=410)
    except signing.BadSignature:
        return _refused(
            request, _("This preview link is not valid. Check that it was copied whole."), 404
        )
    if not isinstance(data, dict) or not isinstance(data.get("page"), int):
        return _refused(request, _("This preview link is not valid."), 404)
    page = get_object_or_404(Page, pk=data["page"]).specific
    revision = page.get_latest_revision()
    draft = revision.as_object() if revision is not None else page
    response = draft.make_preview_request(request, draft.default_preview_mode)
    return _private(response)


def share_preview_admin(request: HttpRequest, page_id: int) -> HttpResponse:
    """Admin page that hands out a link for one page (header menu: "Share preview link")."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not user_may_share(request.user, page):
        raise PermissionDenied
    context = {
        "page": page,
        "share_url": share_url(request, page),
        "expires": timezone.now() + MAX_AGE,
        "days": LINK_DAYS,
    }
    return TemplateResponse(request, "hub/admin/share_preview.html", context)


__all__ = ["make_token", "serve_shared_preview", "share_preview_admin", "user_may_share"]
