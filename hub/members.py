"""Signing in and the members' start page.

A member who signs in lands back on the page they came from (the `next` the header link carries,
else the page the browser says it came from, when it is one of ours), or else on their start
page: the latest resources of their groups, their TWGs' pages and the upcoming meetings.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from foundation.organisations import WorkingGroup
from library.access import visible_pages
from library.views import newest_first, public_resources, rows_of

from .security import MemberLoginForm


class MemberSignInView(LoginView):
    form_class = MemberLoginForm
    template_name = "hub/sign_in.html"
    redirect_authenticated_user = True

    def get_redirect_url(self) -> str:
        chosen = super().get_redirect_url()  # a safe ?next= (or the form's hidden `next`)
        if chosen or self.request.method != "GET":
            return chosen
        return self._came_from()

    def _came_from(self) -> str:
        """The page the browser came from, when it is a page of this site (not sign-in itself)."""
        referer = self.request.headers.get("Referer", "")
        if not referer or not url_has_allowed_host_and_scheme(
            referer, allowed_hosts={self.request.get_host()}, require_https=False
        ):
            return ""
        parts = urlsplit(referer)
        if parts.netloc and parts.netloc != self.request.get_host():
            return ""
        path = parts.path or "/"
        if path.startswith((reverse("sign_in"), reverse("sign_out"), "/admin/")):
            return ""
        return path + (f"?{parts.query}" if parts.query else "")


@login_required
def member_start(request: HttpRequest) -> HttpResponse:
    """What a signed-in member sees first: their groups' work, their TWGs, the next meetings."""
    from governance.models import MeetingPage, today

    user = request.user
    groups = list(
        WorkingGroup.objects.filter(Q(group__user=user) | Q(chairs_group__user=user))
        .distinct()
        .order_by("name")
    )
    resources = public_resources(user)
    if groups:
        resources = resources.filter(working_group__in=groups)
    latest = rows_of(
        newest_first(resources).prefetch_related("objectives", "organisations", "languages")[:6]
    )
    meetings = (
        visible_pages(MeetingPage.objects.live(), user)
        .filter(date__gte=today())
        .order_by("date", "pk")[:5]
    )
    return render(
        request,
        "hub/member_start.html",
        {
            "working_groups": groups,
            "latest_resources": latest,
            "from_groups": bool(groups),
            "meetings": meetings,
        },
    )
