"""The staff form for a price: the course by its translation_key (shown by
title), the amount typed in euros (`12,50` or `12.50`), the VAT rate."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from payments.models import Price
from payments.models.catalogue import STANDARD_VAT_RATE
from payments.services.prices import euros_to_cents


class PriceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Price.Kind.choices)
    course_key = forms.ChoiceField(label=_("Course"))
    seats = forms.IntegerField(
        label=_("Seats in the pack"),
        min_value=1,
        max_value=10_000,
        required=False,
        help_text=_("Seat packs only, for example 10, 50 or 100."),
    )
    amount = forms.CharField(
        label=_("Price per seat or per exam, in euros, without VAT"),
        max_length=12,
        help_text=_("For example 20,66 or 20.66."),
    )
    vat_rate = forms.DecimalField(
        label=_("VAT rate (%)"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        decimal_places=2,
        initial=STANDARD_VAT_RATE,
    )

    def __init__(self, *args, courses: list[tuple[str, str]], editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course_key"].choices = courses
        if editing:
            # What a price is for never changes: take it off sale and make another.
            for name in ("kind", "course_key"):
                self.fields[name].disabled = True

    def clean_amount(self) -> int:
        return euros_to_cents(self.cleaned_data["amount"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == Price.Kind.SEAT_PACK and not data.get("seats"):
            self.add_error("seats", _("A seat pack needs a number of seats (1 or more)."))
        if data.get("kind") == Price.Kind.EXAM_FEE:
            data["seats"] = None
        return data

    def add_service_error(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)
