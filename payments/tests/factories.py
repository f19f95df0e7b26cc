import uuid
from decimal import Decimal

import factory
from django.utils import timezone

from lms.tests.factories import UserFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory
from payments.models import BillingDetails, Order, Price
from payments.money import line_amounts


class PriceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Price

    kind = Price.Kind.SEAT_PACK
    course_key = factory.LazyFunction(uuid.uuid4)
    seats = 10
    unit_amount_cents = 4_000
    vat_rate = Decimal("21.00")


class EmployerFactory(OrganisationFactory):
    kind = Organisation.Kind.EMPLOYER


class BillingDetailsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BillingDetails

    organisation = factory.SubFactory(EmployerFactory)
    name = factory.SelfAttribute("organisation.name")
    street = "Wetstraat 16"
    postcode = "1000"
    city = "Brussel"
    country = "BE"
    company_number = "0403170701"
    vat_number = "BE0403170701"
    email = "boekhouding@example.be"
    language = "nl"


class OrderFactory(factory.django.DjangoModelFactory):
    """A seat-pack order, pending unless `paid=True`."""

    class Meta:
        model = Order

    class Params:
        paid = factory.Trait(status=Order.Status.PAID, paid_at=factory.LazyFunction(timezone.now))

    kind = Order.Kind.SEAT_PACK
    buyer = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(EmployerFactory)
    price = factory.SubFactory(PriceFactory)
    course_key = factory.SelfAttribute("price.course_key")
    quantity = factory.SelfAttribute("price.seats")
    unit_amount_cents = factory.SelfAttribute("price.unit_amount_cents")
    vat_rate = factory.SelfAttribute("price.vat_rate")
    net_cents = factory.LazyAttribute(
        lambda o: line_amounts(
            unit_cents=o.unit_amount_cents, quantity=o.quantity, vat_rate=o.vat_rate
        )[0]
    )
    vat_cents = factory.LazyAttribute(
        lambda o: line_amounts(
            unit_cents=o.unit_amount_cents, quantity=o.quantity, vat_rate=o.vat_rate
        )[1]
    )
    gross_cents = factory.LazyAttribute(lambda o: o.net_cents + o.vat_cents)
    billing = factory.LazyAttribute(
        lambda o: {
            "name": o.organisation.name if o.organisation else "Amina El Idrissi",
            "street": "Wetstraat 16",
            "postcode": "1000",
            "city": "Brussel",
            "country": "BE",
            "company_number": "0403170701",
            "vat_number": "BE0403170701",
            "email": "boekhouding@example.be",
            "language": "nl",
        }
    )
    language = "nl"
    stripe_payment_intent = factory.Sequence(lambda n: f"pi_test_{n:08d}")
