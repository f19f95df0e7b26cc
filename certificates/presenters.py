"""How a verdict reads: the words for each status and the public data of a
certificate, shared by the verification pages and the JSON API. Never e-mail,
birth date or a child's name."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from certificates import verification as v
from certificates.dates import issuer_date
from certificates.models import Certificate

HEADLINES = {
    v.VALID: _("Valid certificate"),
    v.EXPIRED: _("Expired certificate"),
    v.REVOKED: _("Revoked certificate"),
    v.REPLACED: _("Replaced by a newer certificate"),
    v.WITHDRAWN: _("Withdrawn by the holder"),
    v.UNKNOWN: _("Unknown certificate"),
    v.MISTYPED: _("This code contains a typing mistake"),
    v.MALFORMED: _("This is not a verification code"),
    v.BAD_SIGNATURE: _("The signature does not match: the credential was altered"),
    v.UNKNOWN_KEY: _("Not signed by Digiskills"),
    v.NOT_A_CREDENTIAL: _("This is not a Digiskills credential"),
    v.STATUS_LIST: _("This is a status list, not a certificate"),
    v.NOT_PDF: _("This file is not a PDF"),
    v.NO_CREDENTIAL: _("This PDF carries no signed credential"),
    v.EDITED: _("This PDF was changed after it was issued"),
}

EXPLANATIONS = {
    v.VALID: _("Digiskills issued this certificate and it is valid today."),
    v.EXPIRED: _("Digiskills issued this certificate, but its validity period has ended."),
    v.REVOKED: _("Digiskills revoked this certificate. It no longer counts."),
    v.REPLACED: _(
        "Digiskills issued this certificate again with a corrected name, under a new code. "
        "Check the newer certificate."
    ),
    v.WITHDRAWN: _("The holder stopped sharing this certificate. Ask them for a current one."),
    v.UNKNOWN: _("No certificate has this code. Check the code with the holder."),
    v.MISTYPED: _(
        "One character is wrong: the last character does not match the others. Compare the "
        "code with the paper, character by character."
    ),
    v.MALFORMED: _("A code has 16 letters and digits, for example 7K3M-Q9XD-2HFA-BWNC."),
    v.BAD_SIGNATURE: _("Do not trust this file: its content is not what Digiskills signed."),
    v.UNKNOWN_KEY: _("The credential was signed with a key Digiskills never published."),
    v.NOT_A_CREDENTIAL: _("The file or text is not a signed Digiskills credential."),
    v.STATUS_LIST: _(
        "Digiskills signed this list of revoked certificates. It proves nothing about a "
        "person: ask the holder for their certificate, its code or its signed credential."
    ),
    v.NOT_PDF: _("Upload the PDF certificate itself, or type its code."),
    v.NO_CREDENTIAL: _(
        "Digiskills certificates carry their signed credential inside the PDF. This one does "
        "not: it was not made by Digiskills or was rebuilt. Type its code instead."
    ),
    v.EDITED: _("The texts printed on this PDF differ from what Digiskills issued; see below."),
}

# The same words as printed on the PDF (certificates/pdf.py).
FIELD_LABELS = {
    "holder": _("Awarded to"),
    "course": _("For completing the course"),
    "track": _("Track"),
    "competences": _("DigComp 2.2 competences"),
    "level": _("DigComp proficiency level"),
    "score": _("Exam result"),
    "issued": _("Date of issue"),
    "valid_until": _("Valid until"),
    "issuer": _("Issued by"),
    "code": _("Verification code"),
    "accessible": _("An accessible version of this certificate:"),
}

LEVELS = {
    v.VALID: "success",
    v.EXPIRED: "warning",
    v.WITHDRAWN: "warning",
    v.REPLACED: "warning",
}


def _iso_date(moment) -> str | None:
    return issuer_date(moment).isoformat() if moment else None


def _date(moment) -> str | None:
    return formats.date_format(issuer_date(moment), "DATE_FORMAT") if moment else None


def certificate_public(certificate: Certificate, language: str, status: str) -> dict:
    """What anyone may know of a certificate. A withdrawn one shows nothing; a
    revoked one says when, never why (the reason is for the holder and staff).
    Dates are the issuer's calendar days, as printed on the certificate."""
    if status == v.WITHDRAWN:
        return {"code": certificate.display_code}
    c = certificate
    return {
        "code": c.display_code,
        "holder": c.content["holder_name"] if c.show_holder_name else None,
        "course": c.text("course", language),
        "track": c.text("track", language),
        "competences": [
            {"code": item["code"], "title": item["title"].get(language) or item["title"]["en"]}
            for item in c.content["competences"]
        ],
        "level": c.text("level", language),
        "issued_on": _iso_date(c.issued_at),
        "issued_on_text": _date(c.issued_at),
        "valid_until": _iso_date(c.expires_at),
        "valid_until_text": _date(c.expires_at),
        "issuer": c.content["issuer"],
        "revoked_on": _iso_date(c.revoked_at) if status == v.REVOKED else None,
        "revoked_on_text": _date(c.revoked_at) if status == v.REVOKED else None,
        "replaced_on": _iso_date(c.revoked_at) if status == v.REPLACED else None,
        "replaced_on_text": _date(c.revoked_at) if status == v.REPLACED else None,
        "replaced_by": _replacement(c) if status == v.REPLACED else None,
    }


def _replacement(certificate: Certificate) -> dict:
    """The newest certificate of a chain of corrections: its code and page."""
    from certificates.links import verify_url
    from certificates.selectors import certificate_current

    current = certificate_current(certificate=certificate)
    return {"code": current.display_code, "verify_url": verify_url(current.code)}


def verdict_data(verdict: v.Verdict, language: str) -> dict:
    data = {
        "status": verdict.status,
        "headline": str(HEADLINES[verdict.status]),
        "explanation": str(EXPLANATIONS[verdict.status]),
        "level": LEVELS.get(verdict.status, "error"),
        "signature_checked": verdict.signature_checked,
        "certificate": None,
    }
    if verdict.certificate is not None:
        status = v.certificate_status(verdict.certificate)
        data["certificate"] = certificate_public(verdict.certificate, language, status)
    if verdict.fields:
        hide_name = verdict.certificate is not None and not verdict.certificate.show_holder_name
        data["fields"] = [
            {
                "field": check.key,
                "label": str(FIELD_LABELS[check.key]),
                "on_pdf": list(check.on_pdf) if not (hide_name and check.key == "holder") else None,
                "on_record": list(check.on_record)
                if not (hide_name and check.key == "holder")
                else None,
                "matches": check.matches,
            }
            for check in verdict.fields
        ]
        data["unexpected_text"] = verdict.unexpected_text
    return data
