"""The hub's guards around confidential material: caching, request size, sign-in attempts, files.

- Pages a signed-in member sees may name restricted resources: they are `Cache-Control: private`
  and vary on the cookie, so no shared cache ever hands them to someone else.
- A request body larger than HUB_MAX_REQUEST_MB is refused before Django reads it (413).
- Failed sign-ins are counted (hub.throttle: per account and address, per address, per account,
  a known device passing); past the limits, sign-in is refused with a message saying when to try
  again.
- A document is served only to someone who may see a live page holding it, or to an editor with
  rights on its collection (library.document_access); admin access alone is not enough.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from wagtail.admin.forms.auth import LoginForm

from . import throttle

# -- caching -------------------------------------------------------------------------------------


class PrivateForMembersMiddleware:
    """Responses to signed-in users are private to their browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            cache_control = response.get("Cache-Control", "")
            if "no-store" not in cache_control:
                # patch_cache_control drops "public" when "private" is set.
                patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response


# -- request size --------------------------------------------------------------------------------


class RequestSizeLimitMiddleware:
    """Refuse oversized bodies from their declared length, before anything reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.HUB_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            message = _(
                "This upload is too large: at most %(mb)s MB may be sent at once. "
                "Send fewer or smaller files."
            ) % {"mb": limit // (1024 * 1024)}
            return render(request, "hub/refused.html", {"message": message}, status=413)
        return self.get_response(request)


# -- sign-in attempts ----------------------------------------------------------------------------


# The counting itself lives in hub.throttle (client address through trusted proxies, counts per
# account, address and known device).
_attempts_key = throttle.attempts_key
locked_for = throttle.locked_for


@receiver(user_login_failed)
def count_failure(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    throttle.count_failure(str(credentials.get("username", "")), request)


@receiver(user_logged_in)
def forget_failures(sender, request: HttpRequest, user, **kwargs) -> None:
    throttle.forget_failures(user.get_username(), request)


def lockout_message(seconds: int) -> str:
    return _(
        "Too many failed sign-in attempts. Please wait %(minutes)s minutes and try again, "
        "or ask the Secretariat to reset your password."
    ) % {"minutes": math.ceil(seconds / 60)}


class ThrottledModelBackend(ModelBackend):
    """Every sign-in path (admin, Django admin, API) refuses a locked account and address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and locked_for(str(username), request):
            raise PermissionDenied(lockout_message(locked_for(str(username), request)))
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottledLoginForm(LoginForm):
    """Wagtail's sign-in form, saying plainly when attempts are paused."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username:
            seconds = locked_for(str(username), self.request)
            if seconds:
                raise forms.ValidationError(lockout_message(seconds), code="locked")
        return super().clean()


# -- documents -----------------------------------------------------------------------------------


def may_download(document, user) -> bool:
    """A file is never more visible than the pages it belongs to (library.document_access)."""
    from library.document_access import may_download as decide

    return decide(document, user)


def check_page_access(page, request: HttpRequest) -> HttpResponse | None:
    """A page the viewer may not see answers exactly as a page that does not exist: 404.

    Decided for issue 19: a sign-in redirect for restricted pages (and 404 for unknown ones)
    confirmed to anyone that a restricted page exists at that address. Every viewer who may not
    see a page (anonymous, an account in no group, a member of another group) now gets the same
    "Page not found" as an unknown address; that page offers anonymous visitors "Members: sign in"
    with the address to come back to, so a member following a link still gets there. Runs before
    Wagtail's own view-restriction check (before_serve_page hooks run first). Pages behind a
    shared password are left to Wagtail's password form.
    """
    from wagtail.models import BaseViewRestriction

    from library.access import can_view_page, page_restrictions

    user = getattr(request, "user", None)
    if can_view_page(user, page):
        return None
    restrictions = page_restrictions(page)
    if any(r.restriction_type == BaseViewRestriction.PASSWORD for r in restrictions):
        return None
    raise Http404


def check_document_access(document, request: HttpRequest) -> HttpResponse | None:
    if may_download(document, getattr(request, "user", None)):
        return None
    # Not found, not forbidden: a guessed id must not confirm that a file exists.
    return HttpResponseNotFound(_("There is no such document."))


class MemberLoginForm(AuthenticationForm):
    """The members' sign-in form (front end), saying plainly when attempts are paused."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username:
            seconds = locked_for(str(username), self.request)
            if seconds:
                raise forms.ValidationError(lockout_message(seconds), code="locked")
        return super().clean()
