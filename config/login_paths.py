"""Every sign-in goes through allauth's (issue 19).

The Wagtail admin (/cms/login/), the Django admin (/django-admin/login/) and
Wagtail's page-privacy login (/<lang>/_util/login/) have login forms of their
own that neither throttle nor ask for a second factor. Their URLs are answered
here instead: a GET is sent to allauth's sign-in page with `next`; a POST
(someone, or a script, posting to the old form) is handed to allauth's login
view, so its rate limits (per client and per account), its messages and its
MFA stage apply to it as to any other sign-in.
"""

from urllib.parse import urlencode

from allauth.account.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

allauth_login = LoginView.as_view()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def login_through_allauth(request: HttpRequest, *, default_next: str) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or default_next
    if request.method == "POST":
        data = request.POST.copy()
        # Django's and Wagtail's forms call the identifier "username".
        if not data.get("login"):
            data["login"] = data.get("username", "")
        data["next"] = next_url
        request.POST = data
        return allauth_login(request)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
