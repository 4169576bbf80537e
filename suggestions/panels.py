"""The resource form's panel: what the hub read in the attached files, to accept in one click."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class ReadingPanel(Panel):
    """Objectives and principles suggested, near-duplicates found and facts read from the
    resource's attached files. It only proposes: every value goes into the form by the
    editor's click, and nothing is saved until the editor saves."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("heading", _("Suggestions from the attached files"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "suggestions/reading_panel.html"

        def get_context_data(self, parent_context=None):
            from .editor import document_views

            context = super().get_context_data(parent_context)
            context["views"] = document_views(self.instance)
            return context


def add_reading_panel() -> None:
    """Put the panel in the resource form, right after the attached files it reads (once: the
    app registry calls ready() once per process)."""
    from library.pages import ResourcePage

    panels = ResourcePage.content_panels
    if any(isinstance(panel, ReadingPanel) for panel in panels):
        return
    files = next(
        n
        for n, panel in enumerate(panels)
        if getattr(panel, "relation_name", None) == "attachments"
    )
    panels.insert(files + 1, ReadingPanel())
