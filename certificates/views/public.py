"""Public verification: no account, rate limited per client, four languages."""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from certificates import ratelimit, tasks, verification
from certificates.forms import CodeForm, PdfForm, ReceiptForm
from certificates.models import VerificationReceipt
from certificates.presenters import verdict_data


def too_many(request: HttpRequest, template: str = "certificates/too_many.html") -> HttpResponse:
    response = render(request, template, status=429)
    response["Retry-After"] = str(ratelimit.retry_after())
    return response


def receipt_enqueue(request: HttpRequest, verdict, channel: str, organisation: str = "") -> None:
    """Tell the holder their certificate was checked: once per client, channel and
    organisation an hour (reloading the page is not a new check), written off
    the request path."""
    if verdict.certificate is None:
        return
    organisation = organisation.strip()[:200]
    named = hashlib.blake2b(organisation.casefold().encode(), digest_size=8).hexdigest()
    key = f"cert-receipt:{ratelimit.client_key(request)}:{verdict.certificate.pk}:{channel}:{named}"
    if cache.add(key, 1, timeout=3600):
        tasks.receipt_record.delay_on_commit(verdict.certificate.pk, channel, organisation)


# Never cached: a revocation must show at once.
@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Type a code, or arrive from the QR code with the code filled in."""
    language = get_language()
    context = {"form": CodeForm(request.GET or None), "receipt_sent": False}
    if request.method == "POST":
        # The verifier says who they are: a receipt with their organisation.
        receipt = ReceiptForm(request.POST)
        if not ratelimit.allow(request):
            return too_many(request)
        if receipt.is_valid():
            verdict = verification.verify_code(receipt.cleaned_data["code"])
            receipt_enqueue(
                request,
                verdict,
                VerificationReceipt.Channel.CODE,
                receipt.cleaned_data["organisation"],
            )
            context.update(
                form=CodeForm({"code": receipt.cleaned_data["code"]}),
                verdict=verdict_data(verdict, language),
                receipt_sent=True,
            )
        return render(request, "certificates/verify.html", context)
    form = context["form"]
    if form.is_bound and form.is_valid():
        if not ratelimit.allow(request):
            return too_many(request)
        verdict = verification.verify_code(form.cleaned_data["code"])
        receipt_enqueue(request, verdict, VerificationReceipt.Channel.CODE)
        context["verdict"] = verdict_data(verdict, language)
        if verdict.certificate is not None:
            context["receipt_form"] = ReceiptForm(initial={"code": verdict.certificate.code})
    return render(request, "certificates/verify.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def verify_pdf(request: HttpRequest) -> HttpResponse:
    """Drop the PDF: signature, status and every printed field against the record."""
    form = PdfForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST":
        if not ratelimit.allow(request):
            return too_many(request)
        if form.is_valid():
            verdict = verification.verify_pdf(form.cleaned_data["file"].read())
            receipt_enqueue(request, verdict, VerificationReceipt.Channel.PDF)
            context["verdict"] = verdict_data(verdict, get_language())
    return render(request, "certificates/verify_pdf.html", context)
