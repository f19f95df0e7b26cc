"""Printed login cards for people without e-mail or phone.

Generic: digital helpers print them for assisted accounts, partners for
imported learners without e-mail. Usage::

    from lms.services.cards import login_cards_render
    pdf_bytes = login_cards_render(users=[person], issued_by=request.user)

Each card carries the person's name, username, a fresh one-time sign-in code
(stored hashed, valid `CARD_VALIDITY`, replacing any earlier card), a QR code to
the card sign-in page and short instructions in large type, in the person's
language (or `language`). Four cards (A6) per A4 page, cut along the lines.
`login_card_redeem` checks a code typed on the sign-in page.

A card is only for an assisted account that never chose its own password
(`card_refusal` says why not, per person): never for staff, children, people
with an e-mail address who manage their account, or anybody who chose a
password (`User.password_chosen_at`). After that a card no longer signs in
(`CARD_REFUSED`), and the card is invalidated. Each card printed and each
sign-in by card is journalled about the person and e-mailed to them
(`lms.notices`).
"""

import io
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontend import pdf
from frontend.pdf import FONT, FONT_BOLD, INK, MUTED
from lms.exceptions import LearningError
from lms.models import LoginCard, User
from lms.notices import account_notice_record
from lms.selectors.coaching import account_holds_power

CARD_VALIDITY = timedelta(days=30)
# What `login_card_redeem` returns for a card refused because the person chose a password.
CARD_REFUSED = "refused"
# No look-alike characters (0/O, 1/I/L, 5/S, 2/Z, 8/B): easy to read and type.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 10  # 25**10, about 46 bits, with a rate limit on the sign-in page


def card_code_normalise(code: str) -> str:
    """What the person typed, without spaces or dashes, in capitals."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _code_hash(user_id: int, code: str) -> str:
    return salted_hmac(
        "lms.login_card", f"{user_id}:{card_code_normalise(code)}", algorithm="sha256"
    ).hexdigest()


def card_signin_url(*, username: str = "", language: str = "en") -> str:
    """The absolute address of the card sign-in page, as printed in the QR code."""
    with translation.override(language):
        path = reverse("lms:card_signin")
    query = f"?{urlencode({'u': username})}" if username else ""
    return f"{settings.SITE_URL}{path}{query}"


class CardRefused(LearningError):
    """A card that may not be printed or may no longer sign in."""


def card_refusal(user: User) -> str | None:
    """Why no login card may be printed for `user` (translated), or None when
    the account is an assisted one that never chose its own password."""
    name = {"name": str(user)}
    if not user.is_active:
        return _("%(name)s: this account is closed.") % name
    if account_holds_power(user):
        return _("%(name)s: staff accounts never get a login card.") % name
    if user.account_type == User.AccountType.YOUNG:
        return _("%(name)s: children sign in with their class code and pictures.") % name
    if user.password_chosen_at is not None:
        return _("%(name)s chose their own password and signs in with it.") % name
    if user.email and user.account_type != User.AccountType.ASSISTED:
        return _("%(name)s has an e-mail address and signs in with it.") % name
    return None


def cards_split(users) -> tuple[list[User], list[tuple[User, str]]]:
    """The people a card may be printed for, and the others with the reason."""
    eligible, refused = [], []
    for user in users:
        reason = card_refusal(user)
        if reason is None:
            eligible.append(user)
        else:
            refused.append((user, reason))
    return eligible, refused


@transaction.atomic
def login_card_issue(*, user: User, issued_by: User | None) -> str:
    """A fresh one-time code for `user`; any earlier card stops working.
    Returns the code in clear (only ever printed, never stored). Refused
    (`CardRefused`) for anybody `card_refusal` names."""
    reason = card_refusal(user)
    if reason is not None:
        raise CardRefused(reason, code="card_refused")
    now = timezone.now()
    LoginCard.objects.filter(user=user, used_at__isnull=True, replaced_at__isnull=True).update(
        replaced_at=now
    )
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    card = LoginCard.objects.create(
        user=user,
        code_hash=_code_hash(user.pk, code),
        issued_by=issued_by,
        issued_at=now,
        expires_at=now + CARD_VALIDITY,
    )
    account_notice_record(actor=issued_by, action="card.print", target=card, subject_user=user)
    return code


@transaction.atomic
def login_card_redeem(*, username: str, code: str) -> User | str | None:
    """The active account whose current card carries `code`, or None. A code
    signs in once; a replaced or expired card never does. When the person has
    chosen their own password since, the card is invalidated (journalled,
    e-mailed) and `CARD_REFUSED` is returned instead of the user."""
    user = User.objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        return None
    card = (
        LoginCard.objects.select_for_update()
        .filter(
            user=user,
            used_at__isnull=True,
            replaced_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if card is None or not constant_time_compare(card.code_hash, _code_hash(user.pk, code)):
        return None
    if user.password_chosen_at is not None or card_refusal(user) is not None:
        card.replaced_at = timezone.now()
        card.save(update_fields=["replaced_at"])
        account_notice_record(
            actor=None, action="card.signin_refused", target=card, subject_user=user
        )
        return CARD_REFUSED
    card.used_at = timezone.now()
    card.save(update_fields=["used_at"])
    account_notice_record(actor=None, action="card.signin", target=card, subject_user=user)
    return user


def display_code(code: str) -> str:
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


CARD_W, CARD_H = A4[0] / 2, A4[1] / 2
MARGIN = 9 * mm


def _draw_card(canvas: Canvas, *, user: User, code: str, x: float, y: float, language: str):
    url = card_signin_url(username=user.username, language=language)
    with translation.override(language):
        # Dashed cutting lines around the card.
        canvas.setStrokeColor(MUTED)
        canvas.setDash(3, 3)
        canvas.rect(x, y, CARD_W, CARD_H, 1, 0)
        canvas.setDash()
        left, inner = x + MARGIN, CARD_W - 2 * MARGIN
        line_y = y + CARD_H - MARGIN - 13
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawString(left, line_y, _("Digiskills login card"))
        line_y -= 26
        for line in pdf.text_wrap(str(user), FONT_BOLD, 18, inner)[:2]:
            canvas.setFont(FONT_BOLD, 18)
            canvas.drawString(left, line_y, line)
            line_y -= 22
        for label, value in ((_("Username"), user.username), (_("Code"), display_code(code))):
            line_y -= 4
            canvas.setFont(FONT, 12)
            canvas.setFillColor(MUTED)
            canvas.drawString(left, line_y, label)
            size = pdf.font_size_fit(value, FONT_BOLD, 16, inner, minimum=10)
            canvas.setFont(FONT_BOLD, size)
            canvas.setFillColor(INK)
            canvas.drawString(left, line_y - 19, value)
            line_y -= 42
        steps = [
            _("1. Go to %(address)s or scan the square code.")
            % {"address": url.split("?")[0].split("//", 1)[-1]},
            _("2. Type your username and the code."),
            _("3. Choose a password you will remember."),
        ]
        canvas.setFont(FONT, 13)
        for step in steps:
            for line in pdf.text_wrap(step, FONT, 13, inner):
                canvas.drawString(left, line_y, line)
                line_y -= 17
        # The QR code bottom right, with a quiet zone of white around it.
        qr_size = 30 * mm
        canvas.setFillColor(INK)
        pdf.qr_draw(canvas, url, x=x + CARD_W - MARGIN - qr_size, y=y + MARGIN, size=qr_size)
        canvas.setFont(FONT, 10)
        canvas.setFillColor(MUTED)
        expiry = timezone.localtime(timezone.now() + CARD_VALIDITY)
        note = _("The code works once, until %(date)s.") % {"date": expiry.strftime("%d/%m/%Y")}
        note_y = y + MARGIN + 14
        for line in pdf.text_wrap(note, FONT, 10, inner - qr_size - 4 * mm):
            canvas.drawString(left, note_y, line)
            note_y -= 13


@transaction.atomic
def login_cards_render(*, users, issued_by: User | None, language: str | None = None) -> bytes:
    """Issue a fresh code for each user and draw one card per user, four per
    A4 page. Returns the PDF as bytes. Earlier cards of these users stop working."""
    users = list(users)
    if not users:
        raise CardRefused(_("There is nobody to print a card for."), code="no_cards")
    buffer = io.BytesIO()
    canvas = pdf.canvas_new(
        buffer,
        pagesize=A4,
        meta=pdf.Metadata(
            title=_("Digiskills login cards"), language=language or translation.get_language()
        ),
    )
    positions = [(0, CARD_H), (CARD_W, CARD_H), (0, 0), (CARD_W, 0)]
    for index, user in enumerate(users):
        if index and index % 4 == 0:
            canvas.showPage()
        code = login_card_issue(user=user, issued_by=issued_by)
        x, y = positions[index % 4]
        _draw_card(
            canvas,
            user=user,
            code=code,
            x=x,
            y=y,
            language=language or user.preferred_language or settings.LANGUAGE_CODE,
        )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
