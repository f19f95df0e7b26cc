"""Demo prices, a demo employer and demo fee waivers. Demo only (run by
`seed_demo`, after partners): seat packs of 10, 50 and 100 seats for every
course that issues a certificate, an exam fee on the security diploma
(€ 20,66 + 21 % VAT = € 25,00), the employer organisation that `employer`
manages, and five fee waivers of the demo DBSF project. Idempotent."""

from decimal import Decimal

from django.db import transaction

from courses.models import CoursePage
from lms.models import User
from partners.models import Membership, Organisation, Project
from partners.services import membership_grant
from payments.models import BillingDetails, Price, Voucher
from payments.services.prices import price_create
from payments.services.waivers import fee_waivers_issue

DEMO_EMPLOYER_SLUG = "veilig-werk"
DEMO_PROJECT_REFERENCE = "DBSF-2026-042"
SECURITY_DIPLOMA_SLUG = "security-diploma"
# Seats in the pack -> price of a seat in cents, without VAT.
SEAT_PACKS = {10: 3_000, 50: 2_700, 100: 2_400}
EXAM_FEE_CENTS = 2_066
DEMO_WAIVERS = 5


def _price(**fields) -> None:
    lookup = {k: fields[k] for k in ("kind", "course_key", "seats")}
    if not Price.objects.filter(is_active=True, **lookup).exists():
        price_create(vat_rate=Decimal("21.00"), created_by=None, **fields)


@transaction.atomic
def seed() -> Organisation | None:
    """Returns the demo employer organisation (None without the demo accounts)."""
    keys = set(
        CoursePage.objects.filter(certificate_enabled=True).values_list(
            "translation_key", flat=True
        )
    )
    for key in sorted(keys, key=str):
        for seats, cents in SEAT_PACKS.items():
            _price(kind=Price.Kind.SEAT_PACK, course_key=key, seats=seats, unit_amount_cents=cents)
    diploma = CoursePage.objects.filter(slug=SECURITY_DIPLOMA_SLUG).first()
    if diploma is not None:
        _price(
            kind=Price.Kind.EXAM_FEE,
            course_key=diploma.translation_key,
            seats=None,
            unit_amount_cents=EXAM_FEE_CENTS,
        )
    organisation = _employer()
    if diploma is not None:
        _waivers(diploma.translation_key)
    return organisation


def _employer() -> Organisation | None:
    manager = User.objects.filter(username="employer").first()
    if manager is None:
        return None
    organisation, _ = Organisation.objects.get_or_create(
        slug=DEMO_EMPLOYER_SLUG,
        defaults={"name": "Veilig Werk bv", "kind": Organisation.Kind.EMPLOYER, "language": "nl"},
    )
    membership_grant(organisation=organisation, user=manager, role=Membership.Role.MANAGER)
    BillingDetails.objects.get_or_create(
        organisation=organisation,
        defaults={
            "name": "Veilig Werk bv",
            "street": "Kunstlaan 10",
            "postcode": "1000",
            "city": "Brussel",
            "country": "BE",
            "company_number": "0812345603",
            "vat_number": "BE0812345603",
            "email": "boekhouding@veiligwerk.example",
            "language": "nl",
        },
    )
    return organisation


def _waivers(course_key) -> None:
    project = Project.objects.filter(reference=DEMO_PROJECT_REFERENCE).first()
    officer = User.objects.filter(username="fund-officer").first()
    if project is None or Voucher.objects.filter(project=project).exists():
        return
    fee_waivers_issue(
        organisation=project.organisation,
        project=project,
        course_key=course_key,
        count=DEMO_WAIVERS,
        issued_by=officer,
    )
