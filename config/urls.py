from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates.urls import public_urlpatterns as certificates_public
from config import security, views
from config.login_paths import login_through_allauth
from courses import views as courses_views
from frontend import views as frontend_views
from lms import identity_providers

urlpatterns = [
    # First: the verification API is the busiest address outside the language
    # prefixes, and URL resolution tries the patterns in order. Its addresses
    # (api/certificates/, certificates/, .well-known/) match none of the others.
    path("", include(certificates_public)),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("csp-report", security.csp_report, name="csp-report"),
    path("i18n/setlang/", frontend_views.set_language, name="set_language"),
    path("sitemap.xml", courses_views.sitemap, name="sitemap"),
    # Admin sign-ins go through allauth's (throttled, with MFA): before the includes.
    path("cms/login/", login_through_allauth, {"default_next": "/cms/"}, name="cms_login"),
    path(
        "django-admin/login/",
        login_through_allauth,
        {"default_next": "/django-admin/"},
        name="django_admin_login",
    ),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
    # The partner REST API, versioned, outside the language prefixes.
    path("", include("partners.api.urls")),
    # Stripe's signed webhook, one address whatever the language.
    path("payments/stripe/", include("payments.webhook_urls")),
    # itsme and CSAM send people back here, one address whatever the language.
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        identity_providers.callback,
        name="identity_service_callback",
    ),
]

if settings.BENCHMARK_ROUTES:
    # The benchmarks' yardstick, only in the settings the benchmarks start with.
    urlpatterns.append(path("bench/bare", views.bare, name="bench-bare"))

urlpatterns += i18n_patterns(
    # First: the public verification page is the busiest address of the
    # prefixed ones, and URL resolution tries the patterns in order (about a
    # tenth of the page's time behind allauth's and lms's). Its addresses
    # (verify/, me/certificates/, certificates/) match nothing of the others.
    path("", include("certificates.urls")),
    # Wagtail's page-privacy sign-in (WAGTAIL_FRONTEND_LOGIN_URL) is allauth's too.
    path("_util/login/", login_through_allauth, {"default_next": "/"}, name="frontend_login"),
    # Shadows allauth's own OpenID Connect callback, which skips our checks.
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        identity_providers.callback,
        name="identity_service_callback_localised",
    ),
    path("accounts/", include("allauth.urls")),
    path("", include("lms.urls")),
    path("puzzles/", include("courses.puzzles.urls")),
    path("partners/", include("partners.urls")),
    path("fund/", include("analytics.urls")),
    path("payments/", include("payments.urls")),
    path("", include("frontend.urls")),
    # Wagtail serves every page it does not know last, so it comes last.
    path("", include("courses.urls_pages")),
    prefix_default_language=True,
)

# 400 and 500 render without the request's context (nothing may need the
# database); 403 and 404 use Django's own handlers with our templates.
handler400 = "frontend.views.bad_request"
handler500 = "frontend.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
