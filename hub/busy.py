"""A database too busy to write, or a disk too full to take an upload: 503 with Retry-After and a
page that says so, never a 500.

SQLite lets one writer at a time; a writer waits up to HUB_DATABASE_BUSY_SECONDS for the lock
(the connection's timeout) and then fails with "database is locked". PostgreSQL's equivalents
are a lock or statement timeout. Either way the request's writes did not happen (the failing
statement is rolled back with its transaction), so the honest answer is "busy, send it again":
503 Service Unavailable, `Retry-After`, and a page telling the person that nothing was saved and
their form is still in the browser (Back).

A full disk (the temporary folder an upload is spooled to, or the media folder) is the same kind of
fault: nothing of the request was kept, sending it again once space is freed passes.

Views' exceptions are caught by the middleware; anything failing elsewhere (a session saved on the
way out) reaches handler500, which gives the same answer for the same cause.
"""

from __future__ import annotations

import errno
import logging
import sys
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10
# What SQLite and PostgreSQL say when a write could not get its lock in time.
BUSY_MESSAGES = (
    "database is locked",
    "database table is locked",
    "database is busy",
    "lock timeout",
    "could not obtain lock",
    "deadlock detected",
)


def is_busy(error: BaseException | None) -> bool:
    if not isinstance(error, OperationalError):
        return False
    text = str(error).lower()
    return any(message in text for message in BUSY_MESSAGES)


# What the kernel says when a write finds no space (or a user's quota spent).
NO_SPACE_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


def is_out_of_space(error: BaseException | None) -> bool:
    """A full disk, wherever the write was (Django wraps some OSErrors, hence the chain)."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in NO_SPACE_ERRNOS:
            return True
        error = error.__cause__ or error.__context__
    return False


def _plain_busy_page() -> str:
    """The same message without the site's template (rendering it may need the database)."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        "<body><h1>{title}</h1><p>{saved}</p><p>{again}</p></body></html>"
    ).format(
        title=escape(_("The hub is busy: please try again")),
        saved=escape(
            _(
                "The hub is saving other changes and could not save yours in time. "
                "Nothing was saved from this request."
            )
        ),
        again=escape(
            _("Go back (your form is still filled in) and send it again in a few seconds.")
        ),
    )


def _plain_full_page() -> str:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        "<body><h1>{title}</h1><p>{saved}</p></body></html>"
    ).format(
        title=escape(_("The hub cannot store files just now")),
        saved=escape(
            _(
                "The server's disk is full. Nothing was saved from this request; "
                "please send it again later."
            )
        ),
    )


def busy_response(request: HttpRequest, *, disk_full: bool = False) -> HttpResponse:
    cause = "disk full" if disk_full else "database busy"
    logger.warning("%s: answered 503 to %s %s", cause, request.method, request.path)
    template, plain = (
        ("hub/disk_full.html", _plain_full_page)
        if disk_full
        else ("hub/busy.html", _plain_busy_page)
    )
    try:
        response = render(request, template, status=503)
    except Exception:  # noqa: BLE001 - the page's context needs the database: the plain page then
        response = HttpResponse(plain(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseBusyMiddleware:
    """Turns a view's "database is locked" or "no space left" into 503 + Retry-After."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_busy(exception):
            return busy_response(request)
        if is_out_of_space(exception):
            return busy_response(request, disk_full=True)
        return None


def server_error(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """handler500: the busy answer when the cause was a busy database or a full disk (an upload
    spooled to a full temporary folder fails while the CSRF check reads the form, before any
    view), else Django's own 500."""
    error = sys.exc_info()[1]
    if is_busy(error):
        return busy_response(request)
    if is_out_of_space(error):
        return busy_response(request, disk_full=True)
    return django_server_error(request, *args, **kwargs)
