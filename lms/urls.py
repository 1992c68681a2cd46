from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views

# One sign-in for everyone (allauth's, with its rate limits and two-step sign-in): Wagtail's own sign-in
# and password-reset pages only send people there. There is no Django admin; Wagtail's is the admin.
urlpatterns = [
    path("admin/login/", account_views.admin_sign_in, name="admin_sign_in"),
    re_path(r"^admin/password_reset/", account_views.admin_password_reset, name="admin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("certificates/", include("courses.certificates.urls")),
    path("champions/", include("champions.urls")),
    path("learning/", include("courses.learning.urls")),
    path("learning/scorm/", include("courses.scorm.urls")),
    path("sessions/", include("courses.sessions.urls")),
    path("partners/", include("reports.urls")),
    path("your-data/", include("privacy.urls")),
    path("sessions/", include("courses.sessions.public_urls")),
    path("api/v1/", include("reports.api.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving last: it catches every other path.
urlpatterns += [path("", include(wagtail_urls))]
