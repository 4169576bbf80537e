"""The e-mails: a digest (HTML and plain text, one section per alert) and a visitor's confirmation.

Written in the subscriber's language (English or French), signed with the network's name, every
digest with a one-click way out: a link in the text and RFC 8058's List-Unsubscribe and
List-Unsubscribe-Post headers pointing at the same signed address.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Alert
from .tokens import confirm_token, leave_token

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)
_TAG = re.compile(r"<[^>]+>")


def absolute(url: str) -> str:
    """Links in e-mails must carry the site's public address."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + url.lstrip("/")


def plain(fragment_html: str) -> str:
    """A highlighted fragment for the text part: the words found between asterisks."""
    text = _MARK.sub(lambda m: f"*{m.group(1)}*", fragment_html or "")
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def alert_url(alert: Alert) -> str:
    """Where the alert's full results are: its search, or its collection."""
    if alert.collection_id:
        return absolute(alert.collection.url or "/collections/")
    params = [("q", alert.query)] if alert.query else []
    for name, values in sorted((alert.filters or {}).items()):
        params += [(name, str(value)) for value in values]
    if not alert.query.strip():
        return absolute("/library/?" + urlencode(params))
    return absolute(reverse("search") + "?" + urlencode(params))


def language_of(alert: Alert) -> str:
    return alert.language if alert.language in ("en", "fr") else "en"


@dataclass
class Section:
    """One alert's part of a digest: the new resources it found, with the engine's highlights."""

    alert: Alert
    period: str
    items: list = field(default_factory=list)  # (ResourcePage, Hit | None)
    more: int = 0  # new resources found beyond the digest's limit
    delivery: object = None


def _item(page, hit) -> dict:
    organisations = [o.acronym or o.name for o in page.organisations.all()]
    fragments = list(hit.fragments_html) if hit else []
    files = []
    if hit:
        for document in hit.documents:
            files.append(
                {
                    "title": document.title,
                    "pages": [
                        {
                            "number": match.number,
                            "url": absolute(document.page_url(match.number)),
                            "html": match.fragment_html,
                            "text": plain(match.fragment_html),
                        }
                        for match in document.pages
                    ],
                }
            )
    when = page.publication_date or (page.first_published_at and page.first_published_at.date())
    return {
        "title": page.title,
        "title_html": hit.title_html if hit and hit.title_html else html.escape(page.title),
        "url": absolute(page.url or "/"),
        "type": page.get_resource_type_display(),
        "date": when,
        "organisations": ", ".join(organisations),
        "twg": page.working_group.name if page.working_group_id else "",
        "fragments": [{"html": f, "text": plain(f)} for f in fragments],
        "summary": "" if fragments else page.summary,
        "files": files,
    }


def build_digest(address: str, sections: list[Section]) -> EmailMultiAlternatives:
    first = sections[0].alert
    leave_url = absolute(
        reverse("alerts:leave", args=[leave_token([s.alert.pk for s in sections])])
    )
    with translation.override(language_of(first)):
        count = sum(len(s.items) + s.more for s in sections)
        if len(sections) == 1:
            subject = ngettext(
                "%(count)s new resource for “%(name)s”",
                "%(count)s new resources for “%(name)s”",
                count,
            ) % {"count": count, "name": first.name}
        else:
            subject = ngettext(
                "%(count)s new resource for your alerts",
                "%(count)s new resources for your alerts",
                count,
            ) % {"count": count}
        context = {
            "sections": [
                {
                    "name": s.alert.name,
                    "url": alert_url(s.alert),
                    "items": [_item(page, hit) for page, hit in s.items],
                    "more": s.more,
                    "leave_url": absolute(
                        reverse("alerts:leave", args=[leave_token([s.alert.pk])])
                    ),
                }
                for s in sections
            ],
            "leave_url": leave_url,
            "manage_url": absolute(reverse("alerts:mine")) if first.user_id else "",
            "site_name": settings.WAGTAIL_SITE_NAME,
            "home_url": absolute("/"),
            "subject": subject,
            "member": bool(first.user_id),
        }
        text = render_to_string("alerts/email/digest.txt", context)
        body_html = render_to_string("alerts/email/digest.html", context)
        subject = f"{settings.WAGTAIL_SITE_NAME}: {subject}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={
            "List-Unsubscribe": f"<{leave_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(body_html, "text/html")
    return message


def send_confirmation(alert: Alert) -> None:
    """Ask a visitor to confirm the address before anything else is sent to it."""
    confirm_url = absolute(reverse("alerts:confirm", args=[confirm_token(alert.pk)]))
    with translation.override(language_of(alert)):
        context = {
            "alert_name": alert.name,
            "confirm_url": confirm_url,
            "hours": settings.HUB_ALERTS_CONFIRM_HOURS,
            "frequency": alert.get_frequency_display(),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "home_url": absolute("/"),
        }
        subject = _("Please confirm your alert “%(name)s”") % {"name": alert.name}
        text = render_to_string("alerts/email/confirm.txt", context)
        body_html = render_to_string("alerts/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject=f"{settings.WAGTAIL_SITE_NAME}: {subject}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[alert.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(body_html, "text/html")
    message.send(fail_silently=False)
