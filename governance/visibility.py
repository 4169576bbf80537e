"""What one viewer may see of the Secretariat's record: every list, count, feed and export starts here.

Live pages only, narrowed by Wagtail page privacy through library.access.visible_pages, so a
meeting limited to the Executive Committee (and the decisions below it) never reaches anyone
else, not even as a number. The functions sit beside the models, whose pages list through them
too; the rest of the app reads them here.
"""

from __future__ import annotations

from .models import (
    visible_activities,
    visible_decisions,
    visible_meetings,
    visible_resources,
    visible_workplans,
)

__all__ = [
    "visible_activities",
    "visible_decisions",
    "visible_meetings",
    "visible_resources",
    "visible_workplans",
]
