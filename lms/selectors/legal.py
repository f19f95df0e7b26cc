"""Reads for legal documents."""

from lms.legal import TO_ACCEPT, LegalDocument
from lms.models import LegalAcceptance, User


def legal_documents_to_accept(*, user: User) -> list[LegalDocument]:
    """The documents whose version in force `user` has not accepted yet.
    Children in a class section have none: their parents consent for them."""
    if not user.is_authenticated or user.account_type == User.AccountType.YOUNG:
        return []
    accepted = set(
        LegalAcceptance.objects.filter(
            user=user, document__in=[doc.slug for doc in TO_ACCEPT]
        ).values_list("document", "version")
    )
    return [doc for doc in TO_ACCEPT if (doc.slug, doc.version) not in accepted]
