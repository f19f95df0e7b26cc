"""Demo content: the site skeleton and its contact details."""

from wagtail.models import Site

from courses.models import SiteSettings
from courses.services import site_bootstrap


def seed() -> None:
    site_bootstrap()
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.contact_email = "help@digiskills.example.be"
        settings.helpline_phone = "+32 2 000 00 00"
        settings.save()
