"""What a "Get alerts" link carries (the search to save) and what the reader fills in."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from library.access import visible_pages
from library.browse import facet_specs, read_facet_selection
from library.collections import CollectionPage
from search.query import InvalidQuery, parse_query

from .models import DIGEST_LANGUAGES, Frequency

MAX_NAME = 200


class BadAlert(ValueError):
    """Nothing an alert can be made from; the message says why."""


@dataclass
class SavedSearch:
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    collection: CollectionPage | None = None
    labels: list[str] = field(default_factory=list)  # what the reader chose, in words
    notices: list[str] = field(default_factory=list)

    def default_name(self) -> str:
        if self.collection is not None:
            return self.collection.title[:MAX_NAME]
        parts = [f"“{self.query}”"] if self.query else []
        parts += self.labels
        return (", ".join(parts) or _("Everything new"))[:MAX_NAME]

    def hidden(self) -> list[tuple[str, str]]:
        """The saved search as form fields, so the POST saves exactly what was shown."""
        pairs = [("q", self.query)] if self.query else []
        for name, values in self.filters.items():
            pairs += [(name, value) for value in values]
        if self.collection is not None:
            pairs.append(("collection", str(self.collection.pk)))
        return pairs


def read_saved_search(params: QueryDict, user) -> SavedSearch:
    """The query, filters or collection to save, checked like the search page checks them."""
    raw = params.get("q", "")[:1000].strip()
    try:
        query = parse_query(raw)
    except InvalidQuery as error:
        raise BadAlert(str(error)) from error
    saved = SavedSearch(query=raw if not query.is_empty else "")
    if params.get("collection"):
        collection_id = params.get("collection", "")
        collection = None
        if collection_id.isdigit() and len(collection_id) < 12:
            collection = (
                visible_pages(CollectionPage.objects.live(), user)
                .filter(pk=int(collection_id))
                .first()
            )
        if collection is None:
            raise BadAlert(_("There is no such collection, or it is not public."))
        saved.collection = collection
        return saved
    selection, known, notices = read_facet_selection(params, facet_specs())
    saved.filters = selection
    saved.notices = notices
    for name, values in selection.items():
        saved.labels += [str(known[name][value][0]) for value in values if value in known[name]]
    return saved


class MemberAlertForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=MAX_NAME)
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often"), choices=Frequency.choices, initial=Frequency.DAILY
    )
    # Not "language": that is the search facet of a resource's language.
    email_language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mails"), choices=DIGEST_LANGUAGES
    )


class VisitorAlertForm(MemberAlertForm):
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address"),
        max_length=254,
        error_messages={
            "invalid": gettext_lazy(
                "“%(value)s” is not an e-mail address. Check it, for example name@example.org."
            )
        },
    )

    field_order = ["email", "name", "frequency", "email_language"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
