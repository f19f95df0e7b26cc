from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from lms.models import User
from lms.roles import GROUP_NAMES, Role
from lms.services import welcome_enqueue


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up through allauth: a new person is a learner in the language they
    were browsing in, and is welcomed by e-mail once the account is committed."""

    def clean_email(self, email: str) -> str:
        # Children never have an e-mail address (My account > E-mail refuses it).
        user = getattr(getattr(self, "request", None), "user", None)
        if user is not None and getattr(user, "account_type", None) == User.AccountType.YOUNG:
            raise ValidationError(_("Accounts of children in a class have no e-mail address."))
        return super().clean_email(email)

    def save_user(self, request, user, form, commit=True):
        user.preferred_language = translation.get_language() or user.preferred_language
        data = getattr(form, "cleaned_data", {})
        # The sign-up form asks for the legal name (lms.forms.SignupForm);
        # allauth copies first_name / last_name, we say where they come from.
        if data.get("first_name") and data.get("last_name"):
            user.legal_name_source = User.LegalNameSource.SELF
        user.display_name = (data.get("display_name") or "").strip() or (
            (data.get("first_name") or "").split(" ")[0]
        )
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.LEARNER])
            user.groups.add(group)
            welcome_enqueue(user=user)
        return user
