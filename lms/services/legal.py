"""Writes for legal documents: recording that a person accepted them."""

from django.db import transaction

from audit.services import audit_record
from lms.legal import LegalDocument
from lms.models import LegalAcceptance, User


@transaction.atomic
def legal_accept(*, user: User, documents: tuple[LegalDocument, ...]) -> list[LegalAcceptance]:
    """Record that `user` accepted the version in force of each document (once
    per version; accepting again changes nothing), with an audit row."""
    rows = []
    for document in documents:
        row, created = LegalAcceptance.objects.get_or_create(
            user=user, document=document.slug, version=document.version
        )
        if created:
            audit_record(
                actor=user,
                action="legal.accepted",
                target=row,
                subject_user=user,
                data={"document": document.slug, "version": document.version},
            )
        rows.append(row)
    return rows
