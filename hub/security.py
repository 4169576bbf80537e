"""The hub's guards around confidential material: caching, request size, sign-in attempts, files.

- Pages a signed-in member sees may name restricted resources: they are `Cache-Control: private`
  and vary on the cookie, so no shared cache ever hands them to someone else.
- A request body larger than HUB_MAX_REQUEST_MB is refused before Django reads it (413).
- Failed sign-ins are counted per account and address; past HUB_LOGIN_ATTEMPTS within
  HUB_LOGIN_LOCKOUT_MINUTES, sign-in is refused with a message saying when to try again.
- A document is served only to someone who may see a live resource it is attached to (or an
  editor); a file attached to nothing public is not downloadable by guessing its id.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from wagtail.admin.forms.auth import LoginForm

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


def _attempts_key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.casefold()}|{address}".encode()).hexdigest()[:32]
    return f"hub-login-failures:{digest}"


def _address(request: HttpRequest | None) -> str:
    return (request.META.get("REMOTE_ADDR", "") if request is not None else "") or "unknown"


def locked_for(username: str, request: HttpRequest | None) -> int:
    """Seconds until this account may try again from this address (0: it may now)."""
    failures = cache.get(_attempts_key(username, _address(request))) or []
    window = settings.HUB_LOGIN_LOCKOUT_MINUTES * 60
    recent = [moment for moment in failures if moment > time.time() - window]
    if len(recent) < settings.HUB_LOGIN_ATTEMPTS:
        return 0
    return max(1, int(min(recent) + window - time.time()))


@receiver(user_login_failed)
def count_failure(sender, credentials: dict, request: HttpRequest | None = None, **kwargs) -> None:
    username = str(credentials.get("username", ""))
    key = _attempts_key(username, _address(request))
    window = settings.HUB_LOGIN_LOCKOUT_MINUTES * 60
    failures = [m for m in (cache.get(key) or []) if m > time.time() - window]
    failures.append(time.time())
    cache.set(key, failures[-50:], timeout=window)


@receiver(user_logged_in)
def forget_failures(sender, request: HttpRequest, user, **kwargs) -> None:
    cache.delete(_attempts_key(user.get_username(), _address(request)))


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
    """A file is never more visible than the pages it belongs to.

    Editors (admin access) may fetch files as the admin lets them; everyone else needs a live
    page holding it (a resource, a meeting's minutes...) that they may see. Collection privacy is
    checked by Wagtail's own hook before this one.
    """
    from library.access import document_holders, visible_pages

    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    return any(
        visible_pages(holders(document).live(), user).exists() for holders in document_holders()
    )


def check_page_access(page, request: HttpRequest) -> HttpResponse | None:
    """Members-only pages need a member: a signed-in account in no group is refused (Wagtail
    alone would let any signed-in account through), as search treats it."""
    from library.access import can_view_page

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or can_view_page(user, page):
        return None  # anonymous visitors get Wagtail's own sign-in redirect
    return render(
        request,
        "hub/refused.html",
        {
            "message": _(
                "Your account is not (yet) a member of a network group, so this page is not "
                "available to you. Ask the Secretariat to add you to the Members group."
            )
        },
        status=403,
    )


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
