"""The paper consent form a digital helper prints for a person to sign.

One A4 page in the person's language: the person's name and username, the
helper and the organisation, what the helper may do and for how long, the date
and the form's reference (made by the platform). The signed form is either
confirmed by the person at their next sign-in or scanned and checked by a
second member of the organisation (`lms.services.coaching`)."""

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from frontend import pdf
from frontend.pdf import FONT, FONT_BOLD, INK, MUTED
from lms.models import HelperConsent

SCOPE_TEXTS = {
    "see_progress": gettext_lazy("See my progress in my courses"),
    "enrol": gettext_lazy("Enrol me in courses"),
    "act_in_session": gettext_lazy("Act for me during a coaching session"),
}


def consent_form_pdf(*, consent: HelperConsent, organisation_name: str) -> bytes:
    """The consent form as PDF bytes."""
    person = consent.learner
    buffer = io.BytesIO()
    width, height = A4
    left, inner = 20 * mm, width - 40 * mm
    language = person.preferred_language or "en"
    with translation.override(language):
        canvas = pdf.canvas_new(
            buffer,
            pagesize=A4,
            meta=pdf.Metadata(
                title=_("Consent for a digital helper"),
                subject=consent.paper_reference,
                language=language,
            ),
        )
        y = height - 25 * mm
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 18)
        canvas.drawString(left, y, _("Consent for a digital helper"))
        y -= 12 * mm
        helper = consent.requested_by
        rows = [
            (_("Reference"), consent.paper_reference),
            (_("Date"), timezone.localdate().strftime("%d/%m/%Y")),
            (_("Person"), f"{person} ({person.username})"),
            (
                _("Helper"),
                _("every helper of %(organisation)s") % {"organisation": organisation_name}
                if consent.organisation_id
                else str(helper),
            ),
            (_("Organisation"), organisation_name),
            (_("For how long"), str(consent.get_duration_display())),
        ]
        for label, value in rows:
            canvas.setFont(FONT, 11)
            canvas.setFillColor(MUTED)
            canvas.drawString(left, y, label)
            canvas.setFont(FONT_BOLD, 12)
            canvas.setFillColor(INK)
            canvas.drawString(left + 45 * mm, y, value[:70])
            y -= 8 * mm
        y -= 4 * mm
        canvas.setFont(FONT_BOLD, 12)
        canvas.drawString(left, y, _("I allow the helper to:"))
        y -= 7 * mm
        canvas.setFont(FONT, 12)
        for scope in consent.scopes:
            canvas.drawString(left + 5 * mm, y, f"- {SCOPE_TEXTS[scope]}")
            y -= 7 * mm
        y -= 4 * mm
        notes = [
            _(
                "This consent has no effect until I confirm it on Digiskills after signing "
                "in, or until a second person of the organisation has checked this signed form."
            ),
            _(
                "I can withdraw it at any time on the “My helpers” page of my account. "
                "Everything the helper does on my account is shown to me there."
            ),
        ]
        canvas.setFont(FONT, 11)
        for note in notes:
            for line in pdf.text_wrap(note, FONT, 11, inner):
                canvas.drawString(left, y, line)
                y -= 6 * mm
            y -= 2 * mm
        y -= 10 * mm
        canvas.setFont(FONT, 11)
        canvas.drawString(left, y, _("Signature of the person:"))
        canvas.line(left + 55 * mm, y - 1 * mm, left + inner, y - 1 * mm)
        y -= 14 * mm
        canvas.drawString(left, y, _("Signature of the helper:"))
        canvas.line(left + 55 * mm, y - 1 * mm, left + inner, y - 1 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
