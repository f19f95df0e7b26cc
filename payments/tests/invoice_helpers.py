"""Shared by the invoice tests: text of a PDF (pdftotext, poppler), a paid
order at a given moment, a refund, a course with titles in four languages."""

import datetime as dt
import shutil
import subprocess
import zoneinfo
from contextlib import contextmanager
from unittest import mock

from wagtail.models import Locale

from courses.models import CatalogPage, CoursePage

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
TITLES = {
    "en": "Safe online",
    "nl": "Veilig online",
    "fr": "En sécurité en ligne",
    "de": "Sicher im Netz",
}


def pdf_text(data: bytes) -> str:
    """The text a reader gets out of the PDF: poppler's pdftotext when it is
    installed (CI), else pdfium's extraction (same glyph-to-Unicode maps)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        done = subprocess.run(  # noqa: S603 - fixed arguments, our own PDF on stdin
            [pdftotext, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
        )
        return done.stdout.decode()
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


@contextmanager
def brussels_time(*args):
    """`timezone.now()` is this moment of Brussels time."""
    moment = dt.datetime(*args, tzinfo=BRUSSELS)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def course_in_four_languages(home_page) -> CoursePage:
    catalog = CatalogPage.objects.child_of(home_page).first() or home_page.add_child(
        instance=CatalogPage(title="Courses", slug="courses")
    )
    course = catalog.add_child(
        instance=CoursePage(
            title=TITLES["en"],
            slug="safe-online",
            track="security",
            audience="adults",
            summary="Protect your accounts.",
        )
    )
    for code in ("nl", "fr", "de"):
        copy = course.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        copy.title = TITLES[code]
        copy.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def exam_fee_order(user, **billing):
    """A paid exam-fee order of a person (no organisation), € 50 without VAT."""
    from payments.models import Order, Price
    from payments.tests.factories import OrderFactory, PriceFactory

    return OrderFactory(
        paid=True,
        kind=Order.Kind.EXAM_FEE,
        organisation=None,
        buyer=user,
        price=PriceFactory(kind=Price.Kind.EXAM_FEE, seats=None, unit_amount_cents=5_000),
        quantity=1,
        billing={
            "name": "Zoë Dubois",
            "street": "Kerkstraat 1",
            "postcode": "9000",
            "city": "Gent",
            "country": "BE",
            "email": user.email,
            "language": "nl",
            **billing,
        },
    )
