"""Writes around "Download my data": the export leaves an audit row."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from audit.services import audit_record
from lms.models import User
from lms.selectors.personal_data import personal_data_for

EXPORT_FORMATS = ("json", "html")


@transaction.atomic
def personal_data_export(*, user: User, export_format: str) -> dict:
    """Everything the platform holds about `user`, journaled as an export."""
    if export_format not in EXPORT_FORMATS:
        raise ValueError(export_format)
    data = personal_data_for(user=user)
    audit_record(
        actor=user,
        action="personal_data.export",
        target=user,
        subject_user=user,
        data={"format": export_format},
    )
    return data


def personal_data_json(data: dict) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
