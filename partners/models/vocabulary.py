"""Shared code lists. The values are stable identifiers used in imports, the
API and reports; the labels are what people read, in their language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    FLANDERS = "flanders", _("Flanders")
    WALLONIA = "wallonia", _("Wallonia")
    BRUSSELS = "brussels", _("Brussels-Capital")
    # The German-speaking Community: ADG's territory, postcodes inside Liège province.
    EAST_BELGIUM = "east_belgium", _("German-speaking Community")


class TargetGroup(models.TextChoices):
    YOUNG_PEOPLE = "young_people", _("Young people")
    JOBSEEKERS = "jobseekers", _("Jobseekers")
    LOW_EDUCATED = "low_educated", _("Low-educated adults")
    SENIORS = "seniors", _("Seniors")
    WOMEN_IN_DIGITAL = "women_in_digital", _("Women in digital")
    DISABILITY = "disability", _("People with a disability")
    NEWCOMERS = "newcomers", _("Newcomers")


class Gender(models.TextChoices):
    FEMALE = "f", _("Woman")
    MALE = "m", _("Man")
    X = "x", _("Non-binary / other")
    UNKNOWN = "u", _("Not given")


class Situation(models.TextChoices):
    """A learner's situation, at enrolment and at each follow-up."""

    JOBSEEKER = "jobseeker", _("Jobseeker")
    EMPLOYED = "employed", _("Employed")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other")
    JOB_FOUND = "job_found", _("Found a job")
    FURTHER_TRAINING = "further_training", _("In further training")
    UNKNOWN = "unknown", _("Unknown")


# German-speaking Community municipalities (Eupen, Kelmis, Lontzen, Raeren,
# Bütgenbach, Büllingen, Amel, Sankt Vith, Burg-Reuland) all lie in 4700-4799.
_EAST_BELGIUM = range(4700, 4800)


def region_for_postcode(postcode: str | int) -> str | None:
    """The region of a Belgian postcode, or None when it is not a Belgian one
    (four digits, 1000-9999)."""
    text = str(postcode).strip()
    if len(text) != 4 or not text.isdigit():
        return None
    number = int(text)
    if number < 1000:
        return None
    if number < 1300:
        return Region.BRUSSELS
    if number < 1500:
        return Region.WALLONIA  # Walloon Brabant
    if number < 4000:
        return Region.FLANDERS  # Flemish Brabant, Antwerp, Limburg
    if number in _EAST_BELGIUM:
        return Region.EAST_BELGIUM
    if number < 8000:
        return Region.WALLONIA  # Liège, Luxembourg, Namur, Hainaut
    return Region.FLANDERS  # West and East Flanders
