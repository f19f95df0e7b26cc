"""Exports of learners' data by partner staff: each is journalled (who took
which learners' data, in which format)."""

from audit.services import audit_record
from lms.models import User


def learners_export_record(*, exported_by: User, target, file_format: str) -> None:
    """Journal an export of the learners of `target` (a cohort or an organisation)."""
    audit_record(
        actor=exported_by,
        action="partners.learners_export",
        target=target,
        data={"format": file_format},
    )
