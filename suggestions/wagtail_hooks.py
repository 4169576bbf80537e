"""The suggestions' script in the page editor (the panel itself is in ResourcePage's panels)."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_editor_js")
def reading_panel_js():
    return format_html('<script src="{}"></script>', static("suggestions/reading-panel.js"))
