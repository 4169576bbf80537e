"""The network's identity: its name and logo (replaceable in the admin), a favicon, a footer with
about, contact and privacy, one date format, and an empty search page with ways in."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats

from wagtail.models import Site

import pytest

from hub.identity import NetworkIdentity, check_svg

pytestmark = pytest.mark.django_db

LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def test_every_page_names_the_network_and_has_a_footer_with_about_contact_privacy(client, library):
    html = client.get("/").content.decode()
    assert "UN Network on Migration in Rwanda" in html
    assert 'rel="icon"' in html and 'class="logo"' in html
    for link in ('href="/about/"', 'href="/privacy/"', 'href="mailto:'):
        assert link in html
    assert "confidentiality and data protection" in html
    assert client.get("/about/").status_code == 200
    assert "Secretariat" in client.get("/privacy/").content.decode()
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 302 and favicon["Location"].endswith("favicon.svg")


def test_the_secretariat_replaces_name_logo_and_contact_in_site_settings(
    client, library, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    identity = NetworkIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.network_name = "UN Network on Migration in Rwanda (test)"
    identity.contact_email = "secretariat@example.org"
    identity.logo = SimpleUploadedFile("mark.svg", LOGO, content_type="image/svg+xml")
    identity.full_clean()
    identity.save()
    html = client.get("/").content.decode()
    assert "UN Network on Migration in Rwanda (test)" in html
    assert "mailto:secretariat@example.org" in html
    assert 'src="/brand/logo.svg?v=' in html
    served = client.get("/brand/logo.svg")
    assert served.status_code == 200 and served["Content-Type"] == "image/svg+xml"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]
    assert b"".join(served.streaming_content) == LOGO


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    ],
)
def test_a_logo_that_is_not_a_plain_svg_is_refused(content):
    with pytest.raises(ValidationError):
        check_svg(SimpleUploadedFile("logo.svg", content))


def test_one_date_format_everywhere():
    day = datetime.date(2025, 12, 9)
    assert formats.date_format(day) == "9 December 2025"
    assert formats.date_format(day, "SHORT_DATE_FORMAT") == "9 December 2025"


def test_the_empty_search_page_offers_objectives_collections_and_latest(client, library):
    html = client.get("/search/").content.decode()
    assert "Start from an objective of the Global Compact" in html
    assert "6</span> Fair recruitment, decent work" in html
    assert "Latest resources" in html
    assert html.count('role="search"') == 1  # the page's own box; the header's is left out
