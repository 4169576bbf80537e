from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import LoginView, LogoutView
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import urls as search_urls

from .health import health
from .security import MemberLoginForm
from .sitemaps import sitemap

# A busy database answers 503 with Retry-After wherever the error surfaces (hub/busy.py).
handler500 = "hub.busy.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include(search_urls)),
    path("health/", health, name="health"),
    path(
        "sign-in/",
        LoginView.as_view(
            form_class=MemberLoginForm,
            template_name="hub/sign_in.html",
            redirect_authenticated_user=True,
        ),
        name="sign_in",
    ),
    path("sign-out/", LogoutView.as_view(next_page="/"), name="sign_out"),
]

if settings.DEBUG:
    # Media is never served directly: documents go through Wagtail's serve view.
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [
    # Before Wagtail's catch-all, so these addresses never fall through to page routing.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("library.urls")),
    path("", include("governance.urls")),
    path("", include("hub.entity_urls")),
    path("", include(wagtail_urls)),
]
