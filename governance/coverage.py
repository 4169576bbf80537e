"""GCM coverage at a glance: the 23 objectives against resources, workplan activities and decisions.

Counts are over what the viewer may see (three grouped queries, never one per objective); the
heat map is an SVG drawn here, so it needs no JavaScript and prints as it shows. Each cell
carries its number as text, so the map reads without colour too.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.db.models import Count
from django.utils.translation import gettext as _

from library.models import GcmObjective

from .visibility import visible_activities, visible_decisions, visible_resources


@dataclass
class ObjectiveCoverage:
    objective: GcmObjective
    resources: int = 0
    activities: int = 0
    decisions: int = 0

    @property
    def no_activity(self) -> bool:
        """Nothing planned or decided for it: no workplan activity and no decision."""
        return not self.activities and not self.decisions


def _counts(queryset, relation: str = "objectives__number") -> dict[int, int]:
    rows = (
        queryset.order_by()
        .filter(**{f"{relation}__isnull": False})
        .values(relation)
        .annotate(n=Count("pk", distinct=True))
    )
    return {row[relation]: row["n"] for row in rows}


def coverage(user) -> list[ObjectiveCoverage]:
    resources = _counts(visible_resources(user))
    activities = _counts(visible_activities(user))
    decisions = _counts(visible_decisions(user))
    return [
        ObjectiveCoverage(
            objective=objective,
            resources=resources.get(objective.number, 0),
            activities=activities.get(objective.number, 0),
            decisions=decisions.get(objective.number, 0),
        )
        for objective in GcmObjective.objects.order_by("number")
    ]


# Light to dark blue in five steps: step 0 is "none", the darkest is the column's maximum.
SHADES = ("#f4f6f8", "#d6e6f6", "#9cc3ea", "#4f8fd0", "#0b5cad")
INK_ON = ("#1d2a35", "#1d2a35", "#1d2a35", "#ffffff", "#ffffff")
ROW = 26
# Objectives with no activity: red, bold (as attributes: no inline style under the CSP).
GAP_INK = 'fill="#b3261e" font-weight="600"'
LABEL_WIDTH = 430
CELL_WIDTH = 150
HEADER = 58


def shade(count: int, maximum: int) -> int:
    """0 for none; otherwise 1 to 4 by the count's share of the column's largest count."""
    if count <= 0 or maximum <= 0:
        return 0
    return min(4, -(-4 * count // maximum))  # ceil(4 × count / maximum)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heat_map_svg(rows: list[ObjectiveCoverage]) -> str:
    """The heat map as an inline <svg>: one row per objective, one column per kind of record."""
    columns = (
        ("resources", _("Resources")),
        ("activities", _("Workplan activities")),
        ("decisions", _("Decisions")),
    )
    maxima = {key: max((getattr(r, key) for r in rows), default=0) for key, _label in columns}
    width = LABEL_WIDTH + CELL_WIDTH * len(columns) + 10
    height = HEADER + ROW * len(rows) + 10
    title = _("GCM objectives against resources, workplan activities and decisions")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heat-map" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        # Presentation attributes, not a <style> block: the site's CSP refuses inline styles.
        f'aria-labelledby="heat-map-title" font-family="system-ui,sans-serif" font-size="13">',
        f'<title id="heat-map-title">{escape(title)}</title>',
    ]
    for index, (_key, label) in enumerate(columns):
        x = LABEL_WIDTH + CELL_WIDTH * index + CELL_WIDTH / 2
        parts.append(
            f'<text class="h" font-weight="600" x="{x:.0f}" y="{HEADER - 14}" '
            f'text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    for index, row in enumerate(rows):
        y = HEADER + ROW * index
        if row.no_activity:
            # Objectives with nothing planned or decided: marked in words and colour.
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{ROW}" fill="#fde8e8"/>')
            parts.append(
                f'<text class="gap" {GAP_INK} x="{LABEL_WIDTH - 8}" y="{y + 17}" '
                f'text-anchor="end">'
                f"{escape(_('no activity'))}</text>"
            )
        limit = 40 if row.no_activity else 58
        label = f"{row.objective.number}. {_short(row.objective.title, limit)}"
        css = f' class="gap" {GAP_INK}' if row.no_activity else ""
        parts.append(
            f"<g><title>{escape(str(row.objective))}</title>"
            f'<text{css} x="6" y="{y + 17}">{escape(label)}</text></g>'
        )
        for column, (key, column_label) in enumerate(columns):
            count = getattr(row, key)
            step = shade(count, maxima[key])
            x = LABEL_WIDTH + CELL_WIDTH * column
            tip = f"{row.objective.short_label}: {count} {column_label.lower()}"
            parts.append(
                f"<g><title>{escape(tip)}</title>"
                f'<rect x="{x + 2}" y="{y + 2}" width="{CELL_WIDTH - 4}" height="{ROW - 4}" '
                f'fill={quoteattr(SHADES[step])} stroke="#d8dee4"/>'
                f'<text x="{x + CELL_WIDTH / 2:.0f}" y="{y + 17}" text-anchor="middle" '
                f"fill={quoteattr(INK_ON[step])}>{count}</text></g>"
            )
    parts.append("</svg>")
    return "".join(parts)
