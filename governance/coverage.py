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
# Labels are the objectives' short titles (library.gcm), which fit whole in this width: a long
# title cut at a fixed length ran into the row's note and broke words in two.
LABEL_WIDTH = 300
# Objectives with no activity: red, bold (as attributes: no inline style under the CSP).
GAP_INK = 'fill="#b3261e" font-weight="600"'
CELL_WIDTH = 150
HEADER = 40


def shade(count: int, maximum: int) -> int:
    """0 for none; otherwise 1 to 4 by the count's share of the column's largest count."""
    if count <= 0 or maximum <= 0:
        return 0
    return min(4, -(-4 * count // maximum))  # ceil(4 × count / maximum)


@dataclass(frozen=True)
class LegendStep:
    colour: str
    low: int
    high: int

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


def legend(maximum: int) -> list[LegendStep]:
    """The counts each shade stands for in a column whose largest count is `maximum`: each
    column shades to its own maximum, so one decision can be as dark as 13 resources."""
    steps = [LegendStep(SHADES[0], 0, 0)]
    for step in range(1, 5):
        counts = [n for n in range(1, maximum + 1) if shade(n, maximum) == step]
        if counts:
            steps.append(LegendStep(SHADES[step], counts[0], counts[-1]))
    return steps


def columns() -> tuple[tuple[str, str], ...]:
    return (
        ("resources", _("Resources")),
        ("activities", _("Workplan activities")),
        ("decisions", _("Decisions")),
    )


def legends(rows: list[ObjectiveCoverage]) -> list[tuple[str, list[LegendStep]]]:
    """One legend per column, with the numbers each shade stands for."""
    return [
        (label, legend(max((getattr(r, key) for r in rows), default=0))) for key, label in columns()
    ]


def heat_map_svg(rows: list[ObjectiveCoverage]) -> str:
    """The heat map as an inline <svg>: one row per objective, one column per kind of record.

    A drawing for the eye; screen readers get the same numbers from the table on the page (the
    SVG is hidden from them), and every cell carries its number, so it reads without colour.
    """
    from library.gcm import short_title

    kinds = columns()
    maxima = {key: max((getattr(r, key) for r in rows), default=0) for key, _label in kinds}
    width = LABEL_WIDTH + CELL_WIDTH * len(kinds) + 10
    height = HEADER + ROW * len(rows) + 10
    parts = [
        # Presentation attributes, not a <style> block: the site's CSP refuses inline styles.
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heat-map" aria-hidden="true" '
        f'focusable="false" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="system-ui,sans-serif" font-size="13">',
    ]
    for index, (_key, label) in enumerate(kinds):
        x = LABEL_WIDTH + CELL_WIDTH * index + CELL_WIDTH / 2
        parts.append(
            f'<text class="h" font-weight="600" x="{x:.0f}" y="{HEADER - 14}" '
            f'text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    note = _("no activity or decision")
    for index, row in enumerate(rows):
        y = HEADER + ROW * index
        if row.no_activity:
            # Nothing planned or decided: the row says so in words, and in colour.
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{ROW}" fill="#fde8e8"/>')
        label = f"{row.objective.number}. {short_title(row.objective.number, row.objective.title)}"
        css = f' class="gap" {GAP_INK}' if row.no_activity else ""
        parts.append(
            f"<g><title>{escape(str(row.objective))}</title>"
            f'<text{css} x="6" y="{y + 17}">{escape(label)}</text></g>'
        )
        for column, (key, column_label) in enumerate(kinds):
            count = getattr(row, key)
            x = LABEL_WIDTH + CELL_WIDTH * column
            if row.no_activity and key == "activities":
                # One cell across activities and decisions: "no activity" means both are none.
                parts.append(
                    f'<rect x="{x + 2}" y="{y + 2}" width="{2 * CELL_WIDTH - 4}" '
                    f'height="{ROW - 4}" fill="#ffffff" stroke="#b3261e"/>'
                    f'<text class="gap" {GAP_INK} x="{x + CELL_WIDTH:.0f}" y="{y + 17}" '
                    f'text-anchor="middle">0 · {escape(note)}</text>'
                )
                continue
            if row.no_activity and key == "decisions":
                continue
            step = shade(count, maxima[key])
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
