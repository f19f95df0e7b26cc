"""What the certificates app wrote in a person's journal, in words, for "My
account" (registered with `lms.notices` when the app starts)."""

from django.utils.translation import gettext_lazy

NOTICE_TEXTS = {
    "certificates.issue": gettext_lazy("A certificate was issued to you."),
    "certificates.reissue": gettext_lazy(
        "A certificate was issued to you again under a new code, in your corrected name."
    ),
    "certificates.revoke": gettext_lazy("%(actor)s revoked one of your certificates."),
    "certificates.share": gettext_lazy("You shared a certificate again."),
    "certificates.withdraw": gettext_lazy("You stopped sharing a certificate."),
    "certificates.code_renew": gettext_lazy(
        "A certificate got a new verification code: the old code no longer works."
    ),
    "certificates.sign_data_integrity": gettext_lazy(
        "A certificate was signed for digital wallets."
    ),
    "certificates.wallet_exchange": gettext_lazy("A certificate was added to a digital wallet."),
    "certificates.name_correction.request": gettext_lazy(
        "A correction of the name on your certificates was requested."
    ),
    "certificates.name_correction.approve": gettext_lazy(
        "%(actor)s approved the correction of the name on your certificates."
    ),
    "certificates.name_correction.reject": gettext_lazy(
        "%(actor)s refused the correction of the name on your certificates."
    ),
}
