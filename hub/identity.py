"""The network's identity on every page: its name, its logo and how to reach the Secretariat.

Kept in the admin's site settings (*Settings → Network identity*), so the Secretariat changes
them without a release. The logo is an SVG file: it is served by the hub itself with a policy
that lets it draw and do nothing else, and pages show it through <img>, where an SVG never runs
script. With no logo uploaded, the hub's own mark is shown.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

MAX_LOGO_BYTES = 200 * 1024
# An event handler attribute (onload=...) runs script as surely as a <script> element does.
_HANDLER = re.compile(r"\son[a-z]+\s*=")
DEFAULT_NAME = "UN Network on Migration in Rwanda"


def check_svg(upload) -> None:
    """An SVG by content (an <svg> root within the first bytes), small, and without script."""
    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo must be smaller than 200 KB."))
    upload.seek(0)
    head = upload.read(MAX_LOGO_BYTES + 1).decode("utf-8", errors="replace").lower()
    upload.seek(0)
    if "<svg" not in head[:2048]:
        raise ValidationError(_("This is not an SVG file: upload the logo as .svg."))
    if "<script" in head or "javascript:" in head or _HANDLER.search(head):
        raise ValidationError(_("The logo may not contain scripts."))


@register_setting(icon="site")
class NetworkIdentity(BaseSiteSetting):
    network_name = models.CharField(
        _("network name"),
        max_length=120,
        default=DEFAULT_NAME,
        help_text=_("Shown beside the logo."),
    )
    logo = models.FileField(
        _("logo (SVG)"),
        upload_to="identity/",
        blank=True,
        validators=[FileExtensionValidator(["svg"]), check_svg],
        help_text=_("An SVG file, at most 200 KB, without scripts. Empty: the hub's own mark."),
    )
    contact_email = models.EmailField(
        _("contact address"),
        blank=True,
        help_text=_("Where the footer's “Contact” writes to. Empty: the site's sender address."),
    )

    panels = [FieldPanel("network_name"), FieldPanel("logo"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("network identity")

    @property
    def contact(self) -> str:
        return self.contact_email or settings.DEFAULT_FROM_EMAIL

    @property
    def logo_url(self) -> str:
        if self.logo:
            return f"/brand/logo.svg?v={self.logo.name.rsplit('/', 1)[-1]}"
        return static("hub/img/logo.svg")


def identity(request: HttpRequest) -> dict:
    """Context processor: the identity of the site the request is for."""
    try:
        found = NetworkIdentity.for_request(request)
    except Exception:  # no site yet (first migration, a bare test database): the defaults
        found = NetworkIdentity(network_name=DEFAULT_NAME)
    return {"identity": found}


@cache_control(max_age=3600)
def logo(request: HttpRequest) -> HttpResponse:
    """The uploaded logo, as an image that can draw and nothing else."""
    found = NetworkIdentity.for_request(request)
    if not found.logo:
        return HttpResponseRedirect(static("hub/img/logo.svg"))
    response = FileResponse(found.logo.open("rb"), content_type="image/svg+xml")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the hub's icon."""
    return HttpResponseRedirect(static("hub/favicon.svg"))
