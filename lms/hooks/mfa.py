"""Adding a second factor proves it is at hand (a TOTP code was typed, a
passkey answered): the session counts as signed in with it, so someone who was
just made to enrol is not asked for the same factor again at once."""

from allauth.account.internal.flows.login import record_authentication


def on_authenticator_added(sender, request, user, authenticator, **kwargs) -> None:
    if request is None or authenticator.type == authenticator.Type.RECOVERY_CODES:
        return
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type, enrolled=True
    )
