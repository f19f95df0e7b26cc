"""The legal documents, readable by anyone, and the page where a signed-in
person accepts a new version of the terms or the privacy notice."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from config.own_urls import own_url
from lms.forms.accounts import LegalAcceptForm
from lms.legal import DOCUMENTS, SESSION_PENDING_KEY
from lms.selectors import legal_documents_to_accept
from lms.services import legal_accept


def legal_page(request: HttpRequest, slug: str) -> HttpResponse:
    """One legal document in the language of the page, with its version."""
    document = DOCUMENTS.get(slug)
    if document is None:
        raise Http404
    context = {
        "document": document,
        "documents": DOCUMENTS.values(),
        "body_template": document.template_name(),
        "operator": settings.LEGAL_OPERATOR,
        # The privacy notice quotes the retention schedule the platform applies.
        "retention": {
            "warn_months": settings.GDPR_INACTIVE_WARN_MONTHS,
            "erase_months": settings.GDPR_INACTIVE_ERASE_MONTHS,
        },
    }
    return render(request, "lms/legal/page.html", context)


def _next(request: HttpRequest) -> str:
    return own_url(request, request.POST.get("next") or request.GET.get("next") or "")


@login_required
def legal_accept_page(request: HttpRequest) -> HttpResponse:
    """ "We updated our terms": what changed is linked, one checkbox accepts it.
    Nothing else is blocked meanwhile; the page can be left for later."""
    documents = legal_documents_to_accept(user=request.user)
    if not documents:
        request.session[SESSION_PENDING_KEY] = False
        return redirect(_next(request) or "lms:dashboard")
    form = LegalAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        legal_accept(user=request.user, documents=tuple(documents))
        request.session[SESSION_PENDING_KEY] = False
        messages.success(request, _("Thank you. Your acceptance has been recorded."))
        return redirect(_next(request) or "lms:dashboard")
    status = 400 if form.errors else 200
    context = {"form": form, "documents": documents, "next": _next(request)}
    return render(request, "lms/legal/accept.html", context, status=status)
