"""Forms of the checkout: billing details (company and VAT numbers checked by
their check digits), the pack chosen, the test payment on the local fake."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from payments.services.orders import FAKE_TEST_CARDS, FAKE_TEST_IBANS
from payments.vat import company_number_normalise, vat_number_normalise

NEW_ORGANISATION = "new"

COUNTRIES = [
    ("BE", _("Belgium")),
    ("NL", _("Netherlands")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("LU", _("Luxembourg")),
    ("AT", _("Austria")),
    ("ES", _("Spain")),
    ("IT", _("Italy")),
    ("IE", _("Ireland")),
    ("PT", _("Portugal")),
    ("PL", _("Poland")),
    ("GB", _("United Kingdom")),
    ("CH", _("Switzerland")),
    ("US", _("United States")),
]


class BillingForm(forms.Form):
    """Who is invoiced. The company number is asked only for Belgian
    organisations; the VAT number is optional for a person."""

    name = forms.CharField(label=_("Name on the invoice"), max_length=200)
    street = forms.CharField(label=_("Street and number"), max_length=200)
    postcode = forms.CharField(label=_("Postcode"), max_length=16)
    city = forms.CharField(label=_("City"), max_length=100)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, initial="BE")
    company_number = forms.CharField(
        label=_("Company number (KBO/BCE)"),
        max_length=20,
        required=False,
        help_text=_("Belgian organisations: 10 digits, like 0403.170.701."),
    )
    vat_number = forms.CharField(
        label=_("VAT number"),
        max_length=20,
        required=False,
        help_text=_(
            "With the country code, like BE0403170701. A valid VAT number of another EU "
            "country means no Belgian VAT (reverse charge)."
        ),
    )
    email = forms.EmailField(label=_("E-mail address for the invoice"))
    language = forms.ChoiceField(label=_("Language of the invoice"), choices=settings.LANGUAGES)

    def __init__(self, *args, organisation_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_required = organisation_required
        for field in ("name", "street", "postcode", "city", "email"):
            self.fields[field].widget.attrs.setdefault(
                "autocomplete",
                {
                    "name": "organization" if organisation_required else "name",
                    "street": "street-address",
                    "postcode": "postal-code",
                    "city": "address-level2",
                    "email": "email",
                }[field],
            )

    def clean_company_number(self):
        typed = self.cleaned_data.get("company_number", "").strip()
        return company_number_normalise(typed) if typed else ""

    def clean_vat_number(self):
        typed = self.cleaned_data.get("vat_number", "").strip()
        return vat_number_normalise(typed) if typed else ""

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if (
            self.organisation_required
            and country == "BE"
            and not cleaned.get("company_number")
            and "company_number" not in self.errors
        ):
            self.add_error(
                "company_number", _("A Belgian organisation is invoiced with its company number.")
            )
        vat = cleaned.get("vat_number")
        if vat and country and vat[:2] != {"GR": "EL"}.get(country, country):
            self.add_error(
                "vat_number", _("This VAT number is of another country than the address.")
            )
        return cleaned


class SeatPackForm(BillingForm):
    """A seat pack of one course, for an organisation the buyer manages or a
    new one, with its billing details."""

    price = forms.TypedChoiceField(label=_("Seat pack"), coerce=int, widget=forms.RadioSelect)
    organisation = forms.ChoiceField(label=_("Buy for"))
    organisation_name = forms.CharField(
        label=_("Name of the new organisation"), max_length=200, required=False
    )

    field_order = ["price", "organisation", "organisation_name"]

    def __init__(self, *args, prices, organisations, **kwargs):
        super().__init__(*args, organisation_required=True, **kwargs)
        self.fields["price"].choices = list(prices)
        self.fields["organisation"].choices = [(o.slug, o.name) for o in organisations] + [
            (NEW_ORGANISATION, _("A new organisation (you become its manager)"))
        ]
        self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("organisation") == NEW_ORGANISATION
            and not cleaned.get("organisation_name", "").strip()
        ):
            self.add_error("organisation_name", _("Give the name of the new organisation."))
        return cleaned


class FakePaymentForm(forms.Form):
    """The labelled test payment of the local fake: a test card or test IBAN."""

    method = forms.ChoiceField(
        label=_("Test payment method"), widget=forms.RadioSelect, initial="4242424242424242"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request: the labels are in the reader's language.
        self.fields["method"].choices = [
            (number, f"{number[:4]} {number[4:8]} {number[8:12]} {number[12:]} · {label}")
            for number, label in FAKE_TEST_CARDS.items()
        ] + [(iban, f"{iban} · {label}") for iban, label in FAKE_TEST_IBANS.items()]

    def payment(self) -> dict:
        method = self.cleaned_data["method"]
        return {"iban": method} if method in FAKE_TEST_IBANS else {"card_number": method}


class RefundForm(forms.Form):
    seats = forms.IntegerField(label=_("Unused seats to cancel and refund"), min_value=1)
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)
