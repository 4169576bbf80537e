from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuggestionsConfig(AppConfig):
    """The hub reading with the editor: objectives suggested, near-duplicates found, facts read."""

    name = "suggestions"
    verbose_name = _("Suggestions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from library import prefill

        from . import signals  # noqa: F401 - reads each document once its text is stored
        from .facts import printed_date
        from .panels import add_reading_panel

        add_reading_panel()
        # The resource form's dates prefer the date the reading found printed on page one.
        prefill.use_printed_dates(printed_date)
