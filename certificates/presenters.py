"""How a verdict reads: the words for each status and the public data of a
certificate, shared by the verification pages and the JSON API. Never e-mail,
birth date or a child's name."""

from functools import lru_cache

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from certificates import verification as v
from certificates.dates import issuer_date
from certificates.models import ERASED_REASON, Certificate

ERASED_REASON_TEXT = _("Erased at the holder's request")

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
    v.TOO_LARGE: _("This file is too large to be a certificate"),
    v.NOT_PDF: _("This file is not a PDF"),
    v.UNREADABLE: _("This PDF cannot be read"),
    v.TOO_COMPLEX: _("This PDF is too complex to check"),
    v.NO_CREDENTIAL: _("This PDF carries no signed credential"),
    v.NOT_ISSUED: _("This is not a file Digiskills issued"),
    v.CODE_RENEWED: _("This certificate's code was replaced"),
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
    v.TOO_LARGE: _("A Digiskills certificate is far smaller than 5 MB. This file was not read."),
    v.NOT_PDF: _(
        "It may be a photo or a picture (PNG, JPEG) or another kind of document. A picture of "
        "a certificate proves nothing by itself."
    ),
    v.UNREADABLE: _(
        "The file says it is a PDF, but its structure is broken: no PDF reader can make sense "
        "of it. Digiskills never hands out such files."
    ),
    v.TOO_COMPLEX: _(
        "The file goes beyond anything a certificate needs (size once unpacked, number of "
        "pages, nesting or time to read), so we stopped reading it. A Digiskills certificate "
        "is one simple page."
    ),
    v.NO_CREDENTIAL: _(
        "Digiskills certificates carry their signed credential inside the PDF. This one does "
        "not: it may be a scan, a printout saved as PDF, or a file Digiskills did not make."
    ),
    v.NOT_ISSUED: _(
        "This file is not byte for byte one Digiskills handed out: it may have been edited. It "
        "carries the signed credential of a real certificate, shown here as Digiskills issued "
        "it. Anything in the file that differs from it was changed."
    ),
    v.CODE_RENEWED: _(
        "Digiskills signed this file, but its holder has since given the certificate a new "
        "verification code, so the code printed on it no longer counts. Nothing more is shown."
    ),
}

# What the person checking can do next, for the verdicts that ask for something.
NEXT_STEPS = {
    v.UNKNOWN_KEY: _(
        "Do not accept it as a Digiskills certificate. Type the code printed on it instead."
    ),
    v.BAD_SIGNATURE: _("Ask the holder for the file Digiskills sent them, or type the code."),
    v.NOT_A_CREDENTIAL: _(
        "Submit a Digiskills certificate PDF or its signed credential, or type the code."
    ),
    v.STATUS_LIST: _(
        "Submit the certificate's PDF or its signed credential, or type the code printed on it."
    ),
    v.TOO_LARGE: _("Upload the PDF Digiskills sent the holder, or type the code printed on it."),
    v.NOT_PDF: _(
        "Ask the holder for the PDF file Digiskills sent them, or type the code printed on the "
        "certificate."
    ),
    v.UNREADABLE: _("Type the code printed on the certificate instead."),
    v.TOO_COMPLEX: _("Type the code printed on the certificate instead."),
    v.NO_CREDENTIAL: _(
        "Type the code printed on the certificate to see it as Digiskills issued it."
    ),
    v.NOT_ISSUED: _(
        "Trust only the certificate as issued, shown here. If the file you were given says "
        "anything else, ask the holder for the original file."
    ),
    v.CODE_RENEWED: _("Ask the holder for the certificate's current code or file."),
}

LEVELS = {
    v.VALID: "success",
    v.EXPIRED: "warning",
    v.WITHDRAWN: "warning",
    v.REPLACED: "warning",
    v.CODE_RENEWED: "warning",
}


def _iso_date(moment) -> str | None:
    return issuer_date(moment).isoformat() if moment else None


def _date(moment) -> str | None:
    return _day_text(issuer_date(moment), get_language()) if moment else None


@lru_cache(maxsize=4096)
def _day_text(day, language: str | None) -> str:
    """A day as the active language writes it. Kept per day and language (many
    certificates share a day): Django's date formatting was a tenth of the
    JSON answer's time. `language` is the active one, so a kept text is never
    handed to another language."""
    return formats.date_format(day, "DATE_FORMAT")


@lru_cache(maxsize=256)
def _texts(status: str, language: str | None) -> tuple[str, str, str | None]:
    """The headline, explanation and next step of a status, translated once
    per active language (they are fixed texts; translating the lazy strings
    on every lookup was a sixth of verdict_data)."""
    next_step = NEXT_STEPS.get(status)
    return (
        str(HEADLINES[status]),
        str(EXPLANATIONS[status]),
        str(next_step) if next_step else None,
    )


def certificate_public(certificate: Certificate, language: str, status: str) -> dict:
    """What anyone may know of a certificate. A withdrawn one shows nothing; a
    revoked one says when, never why (the reason is for the holder and staff),
    except erasure at the holder's request, which is said.
    Dates are the issuer's calendar days, as printed on the certificate."""
    if status == v.WITHDRAWN:
        return {"code": certificate.display_code}
    c = certificate
    return {
        "code": c.display_code,
        "holder": c.holder_name or None,
        # "Identity verified through itsme on ...", frozen at issue.
        "identity_verified": _identity_verified(c, language) if c.holder_name else None,
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
        "revoked_because": str(ERASED_REASON_TEXT)
        if status == v.REVOKED and c.revocation_reason == ERASED_REASON
        else None,
        "replaced_on": _iso_date(c.revoked_at) if status == v.REPLACED else None,
        "replaced_on_text": _date(c.revoked_at) if status == v.REPLACED else None,
        "replaced_by": _replacement(c) if status == v.REPLACED else None,
    }


def _identity_verified(certificate: Certificate, language: str) -> dict | None:
    verified = certificate.content.get("identity_verified")
    if not verified:
        return None
    return {
        "service": verified["service"],
        "verified_on": verified["verified_on"],
        "text": verified["text"].get(language) or verified["text"]["en"],
    }


def _replacement(certificate: Certificate) -> dict:
    """The newest certificate of a chain of corrections: its code and page."""
    from certificates.links import verify_url
    from certificates.selectors import certificate_current

    current = certificate_current(certificate=certificate)
    return {"code": current.display_code, "verify_url": verify_url(current.code)}


def as_issued(certificate: Certificate, language: str) -> dict:
    """The certificate as we issued it in `language`: each printed field, the
    address of its page image, and the fields as one text (the image's alt
    text). A young learner's name is never shown, nor their certificate's image."""
    from certificates.pdf import pdf_fields

    fields = []
    for printed in pdf_fields(certificate, language):
        hidden = printed.key == "holder" and not certificate.holder_name
        fields.append(
            {
                "field": printed.key,
                "label": printed.label,
                "values": None if hidden else list(printed.values),
            }
        )
    described = "; ".join(
        f"{item['label']}: {', '.join(item['values'])}" for item in fields if item["values"]
    )
    from certificates.links import as_issued_image_path

    return {
        "language": language,
        "fields": fields,
        # Page 1 as the server draws it from our own PDF (never the uploaded file).
        "image_path": as_issued_image_path(certificate.code, language)
        if certificate.holder_name
        else None,
        "description": str(_("The certificate as Digiskills issued it. %(fields)s"))
        % {"fields": described},
    }


def verdict_data(verdict: v.Verdict, language: str) -> dict:
    active = get_language()
    headline, explanation, next_step = _texts(verdict.status, active)
    data = {
        "status": verdict.status,
        "headline": headline,
        "explanation": explanation,
        "next_step": next_step,
        "level": LEVELS.get(verdict.status, "error"),
        "signature_checked": verdict.signature_checked,
        "certificate": None,
    }
    if verdict.language is not None:
        # A dropped file: issued by us (its SHA-256 is on record), and its language.
        data["file"] = {"issued": verdict.issued_file, "language": verdict.language}
    if verdict.certificate is not None:
        status = v.certificate_status(verdict.certificate)
        data["certificate"] = certificate_public(verdict.certificate, language, status)
        data["certificate_status"] = status
        data["certificate_headline"] = _texts(status, active)[0]
        if verdict.language is not None and status != v.WITHDRAWN:
            data["as_issued"] = as_issued(verdict.certificate, verdict.language)
    return data
