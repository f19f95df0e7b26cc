"""Who is invoiced: an organisation (an employer buying seats) or a person
(an individual paying an exam fee). Orders and invoices copy these details when
they are made; editing them later changes no invoice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BillingDetails(models.Model):
    """Name, address, company (KBO/BCE) and VAT numbers for invoices."""

    organisation = models.OneToOneField(
        "partners.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="billing_details",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="billing_details",
    )
    name = models.CharField(_("name on the invoice"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=16)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, default="BE")
    # Belgian enterprise number, 10 digits, stored without dots or spaces.
    company_number = models.CharField(_("company number (KBO/BCE)"), max_length=10, blank=True)
    # With its country prefix, compact: BE0123456749, NL123456789B01.
    vat_number = models.CharField(_("VAT number"), max_length=16, blank=True)
    email = models.EmailField(_("invoice e-mail"))
    language = models.CharField(
        _("invoice language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("billing details")
        verbose_name_plural = _("billing details")
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(user__isnull=True))
                | (Q(organisation__isnull=True) & Q(user__isnull=False)),
                name="payments_billing_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.name
