"""Fee waivers: vouchers that waive a course's exam fee for the learners of a
funded project or an employment agency. Issued by a fund officer, or in bulk
for a partner cohort. What a waiver is worth is frozen at issue (the exam fee
with VAT then; 0 for a free exam), and is what the fund sees as waived."""

import datetime
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit_record
from partners.models import Cohort, Organisation, Project
from payments.models import Order, Voucher
from payments.money import line_amounts
from payments.selectors.exam_fees import exam_fee_price
from payments.services.vouchers import _create_voucher

MAX_WAIVERS_AT_ONCE = 500


def _fee_value_cents(course_key: UUID) -> int:
    price = exam_fee_price(course_key=course_key)
    if price is None:
        return 0
    return line_amounts(unit_cents=price.unit_amount_cents, quantity=1, vat_rate=price.vat_rate)[2]


@transaction.atomic
def fee_waivers_issue(
    *,
    organisation: Organisation,
    course_key: UUID,
    count: int,
    issued_by,
    project: Project | None = None,
    cohort: Cohort | None = None,
    expires_at: datetime.datetime | None = None,
) -> list[Voucher]:
    """`count` fee-waiver vouchers (checked codes) for `organisation`, worth
    the course's exam fee with VAT at issue. Callers check who may issue."""
    if not 1 <= count <= MAX_WAIVERS_AT_ONCE:
        raise ValueError(f"between 1 and {MAX_WAIVERS_AT_ONCE} waivers at once")
    if project is not None and project.organisation_id != organisation.pk:
        raise ValueError("the project belongs to another organisation")
    if cohort is not None and cohort.project.organisation_id != organisation.pk:
        raise ValueError("the cohort belongs to another organisation")
    value = _fee_value_cents(course_key)
    vouchers = [
        _create_voucher(
            kind=Voucher.Kind.FEE_WAIVER,
            course_key=course_key,
            organisation=organisation,
            project=project or (cohort.project if cohort is not None else None),
            cohort=cohort,
            value_cents=value,
            expires_at=expires_at,
            issued_by=issued_by,
        )
        for _n in range(count)
    ]
    audit_record(
        actor=issued_by,
        action="payments.fee_waivers_issue",
        target=project or organisation,
        data={
            "count": count,
            "course_key": str(course_key),
            "organisation": organisation.pk,
            "project": project.pk if project else None,
            "cohort": cohort.pk if cohort else None,
            "value_cents": value,
            "codes": [v.code for v in vouchers],
        },
    )
    return vouchers


def _settled_user_ids(user_ids: list[int], course_key: UUID) -> set[int]:
    # Any voucher used for the course (a paid seat too) or a paid exam fee.
    redeemed = Voucher.objects.filter(
        redeemed_by_id__in=user_ids, course_key=course_key
    ).values_list("redeemed_by_id", flat=True)
    paid = Order.objects.filter(
        buyer_id__in=user_ids,
        kind=Order.Kind.EXAM_FEE,
        course_key=course_key,
        status=Order.Status.PAID,
    ).values_list("buyer_id", flat=True)
    return set(redeemed) | set(paid)


@transaction.atomic
def cohort_fee_waivers_issue(*, cohort: Cohort, course_key: UUID, issued_by) -> list[Voucher]:
    """One fee waiver per member of `cohort` for `course_key`, redeemed at once
    for the member (every cohort member has an account): their fee is settled
    without typing a code. Idempotent: a member whose fee for the course is
    already settled (by a waiver, a seat or a payment) gets none, so re-running
    after new members join issues only the missing ones."""
    cohort = (
        Cohort.objects.select_for_update().select_related("project__organisation").get(pk=cohort.pk)
    )
    organisation = cohort.project.organisation
    members = [
        member.learner.user
        for member in cohort.members.select_related("learner__user").order_by("pk")
    ]
    settled = _settled_user_ids([user.pk for user in members], course_key)
    missing = [user for user in members if user.pk not in settled]
    if not missing:
        return []
    # The per-call limit is for what a person types; a large cohort is issued
    # in as many batches as it needs.
    vouchers = []
    for start in range(0, len(missing), MAX_WAIVERS_AT_ONCE):
        vouchers += fee_waivers_issue(
            organisation=organisation,
            course_key=course_key,
            count=len(missing[start : start + MAX_WAIVERS_AT_ONCE]),
            issued_by=issued_by,
            project=cohort.project,
            cohort=cohort,
        )
    now = timezone.now()
    redeemed = []
    for voucher, user in zip(vouchers, missing, strict=True):
        voucher.status = Voucher.Status.REDEEMED
        voucher.redeemed_by = user
        voucher.redeemed_at = now
        voucher.assigned_email = user.email or ""
        voucher.assigned_at = now
        try:
            with transaction.atomic():
                voucher.save(
                    update_fields=[
                        "status",
                        "redeemed_by",
                        "redeemed_at",
                        "assigned_email",
                        "assigned_at",
                    ]
                )
        except IntegrityError:
            # The member used another voucher for this course a moment ago:
            # this waiver stays unused, for the cohort to hand out.
            voucher.refresh_from_db()
            continue
        audit_record(
            actor=issued_by,
            action="payments.voucher_redeem",
            target=voucher,
            subject_user=user,
            data={"kind": voucher.kind, "course_key": str(course_key), "cohort": cohort.pk},
        )
        redeemed.append(voucher)
    return vouchers
