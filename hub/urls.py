from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from library.serving import serve_document
from search import urls as search_urls

from .health import health
from .identity import favicon, logo
from .members import MemberSignInView, member_start
from .sitemaps import sitemap

# A busy database answers 503 with Retry-After wherever the error surfaces (hub/busy.py).
handler500 = "hub.busy.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's serve view with the hub's headers (PDFs open inline at #page=N): library/serving.py
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="document_file"),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include(search_urls)),
    path("alerts/", include("alerts.urls")),
    path("health/", health, name="health"),
    path("sign-in/", MemberSignInView.as_view(), name="sign_in"),
    path("start/", member_start, name="member_start"),
    path("brand/logo.svg", logo, name="network_logo"),
    path("favicon.ico", favicon, name="favicon"),
    path("about/", TemplateView.as_view(template_name="hub/about.html"), name="about"),
    path("privacy/", TemplateView.as_view(template_name="hub/privacy.html"), name="privacy"),
    path("sign-out/", LogoutView.as_view(next_page="/"), name="sign_out"),
]

if settings.DEBUG:
    # Media is never served directly: documents go through Wagtail's serve view.
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [
    # Before Wagtail's catch-all, so these addresses never fall through to page routing.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("opendata.urls")),
    path("", include("library.urls")),
    path("", include("governance.urls")),
    path("", include("hub.entity_urls")),
    path("", include(wagtail_urls)),
]
