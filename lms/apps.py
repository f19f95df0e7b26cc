from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Learners and their learning: accounts, roles, progress, grading, journal."""

    name = "lms"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from courses.h5p.hooks import register_saved_state_reader
        from lms.selectors.learning import activity_state_read

        # The H5P player page resumes from the state lms keeps.
        register_saved_state_reader(activity_state_read)

        from django.contrib.auth.signals import user_logged_in

        from lms.signals.coaching import on_user_logged_in

        user_logged_in.connect(on_user_logged_in, dispatch_uid="lms.coaching.login")

        from lms import idle

        user_logged_in.connect(idle.on_user_logged_in, dispatch_uid="lms.idle.login")

        from allauth.account import signals as allauth_signals

        from lms.signals.coaching import on_password_chosen, on_user_signed_up

        for signal in (
            allauth_signals.password_set,
            allauth_signals.password_changed,
            allauth_signals.password_reset,
        ):
            signal.connect(on_password_chosen, dispatch_uid=f"lms.password_chosen.{id(signal)}")
        allauth_signals.user_signed_up.connect(
            on_user_signed_up, dispatch_uid="lms.password_chosen.signup"
        )

        from allauth.socialaccount import signals as social_signals

        from lms.identity_providers import on_identity_asserted

        social_signals.social_account_added.connect(
            on_identity_asserted, dispatch_uid="lms.identity.added"
        )
        social_signals.social_account_updated.connect(
            on_identity_asserted, dispatch_uid="lms.identity.updated"
        )

        from courses.puzzles.signals import puzzle_checked
        from lms.services.puzzles import on_puzzle_checked

        puzzle_checked.connect(on_puzzle_checked, dispatch_uid="lms.on_puzzle_checked")

        from allauth.mfa.signals import authenticator_added

        from lms.hooks.mfa import on_authenticator_added

        authenticator_added.connect(on_authenticator_added, dispatch_uid="lms.mfa.added")
