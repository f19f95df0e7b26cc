"""Shared set-up of the voucher tests: a live course (in English and Dutch),
an employer with a paid seat pack and its codes, and people in its roles."""

from django.utils.text import slugify
from wagtail.models import Locale

from courses.models import CatalogPage, CoursePage
from lms.tests.factories import UserFactory
from partners.services import membership_grant
from payments.models import Price
from payments.services.vouchers import vouchers_issue_for_order
from payments.tests.factories import EmployerFactory, OrderFactory, PriceFactory


def live_course(home_page, *, title: str = "Safe online", dutch: str = "") -> CoursePage:
    """A live course page without lessons (enough to enrol in), with a Dutch
    translation when `dutch` names it."""
    catalog = CatalogPage.objects.child_of(home_page).first()
    if catalog is None:
        catalog = home_page.add_child(instance=CatalogPage(title="Courses", slug="courses"))
    course = catalog.add_child(
        instance=CoursePage(
            title=title,
            slug=slugify(title) or "course",
            track="security",
            audience="adults",
            summary="Protect your accounts.",
            self_enrolment=False,
        )
    )
    if dutch:
        translated = course.copy_for_translation(
            Locale.objects.get(language_code="nl"), copy_parents=True
        )
        translated.title = dutch
        translated.save_revision().publish()
    return course


def seat_pack(course: CoursePage, *, seats: int = 3, organisation=None, language: str = "nl"):
    """A paid seat pack of `course` for an employer, with its vouchers issued."""
    organisation = organisation or EmployerFactory(language=language, name="Brouwerij Sas")
    price = Price.objects.filter(
        kind=Price.Kind.SEAT_PACK, course_key=course.translation_key, seats=seats
    ).first() or PriceFactory(course_key=course.translation_key, seats=seats)
    order = OrderFactory(paid=True, price=price, organisation=organisation)
    return order, vouchers_issue_for_order(order=order)


def member(organisation, role: str, **fields):
    user = UserFactory(preferred_language="en", **fields)
    membership_grant(organisation=organisation, user=user, role=role)
    return user
