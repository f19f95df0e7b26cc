"""A helper's organisation as lms knows it: named by a foreign key, but its name
and its rules come from partners (`lms.hooks.coaching`), deny by default."""

import pytest
from django.urls import reverse

from lms.hooks import coaching as hooks
from lms.models import HelperProfile
from lms.selectors.coaching import helper_profiles_listing, organisation_names_fill
from lms.services.coaching import CoachingError, helper_profile_activate
from lms.tests.factories import UserFactory
from lms.tests.factories_coaching import ConsentFactory, HelperProfileFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

COURSE_KEY = "6f1d3c9e-0000-4000-8000-000000000002"


def test_names_of_many_organisations_come_in_one_question(django_assert_num_queries):
    profiles = [
        HelperProfileFactory(organisation=OrganisationFactory(name=name))
        for name in ("Bib Gent", "CPAS Namur", "ÖSHZ Eupen")
    ]
    fresh = list(HelperProfile.objects.filter(pk__in=[p.pk for p in profiles]))
    with django_assert_num_queries(1):
        organisation_names_fill(fresh)
    assert sorted(p.organisation_name for p in fresh) == ["Bib Gent", "CPAS Namur", "ÖSHZ Eupen"]


def test_a_consent_for_one_helper_names_no_organisation(django_assert_num_queries):
    consent = ConsentFactory(helper=HelperProfileFactory().user)
    with django_assert_num_queries(0):
        assert organisation_names_fill([consent])[0].organisation_name == ""


def test_the_managers_list_is_sorted_by_organisation_then_username():
    staff = UserFactory(is_staff=True, is_superuser=True)
    zeta = OrganisationFactory(name="Zeta")
    alpha = OrganisationFactory(name="alpha")
    HelperProfileFactory(organisation=zeta, user=UserFactory(username="aaron"))
    HelperProfileFactory(organisation=alpha, user=UserFactory(username="zoe"))
    HelperProfileFactory(organisation=alpha, user=UserFactory(username="bea"))
    listed = [(p.organisation_name, p.user.username) for p in helper_profiles_listing(user=staff)]
    assert listed == [("alpha", "bea"), ("alpha", "zoe"), ("Zeta", "aaron")]


def test_activation_asks_partners_whether_training_is_required():
    organisation = OrganisationFactory(helper_training_course_key=COURSE_KEY)
    profile = HelperProfileFactory(organisation=organisation, status=HelperProfile.Status.PENDING)
    manager = UserFactory(is_staff=True)
    with pytest.raises(CoachingError) as error:
        helper_profile_activate(
            profile=profile, activated_by=manager, has_required_certificate=False
        )
    assert error.value.code == "training_missing"
    # Partners' answer, not a copy kept by lms: the requirement lifted there counts at once.
    organisation.helper_training_course_key = None
    organisation.save(update_fields=["helper_training_course_key"])
    helper_profile_activate(profile=profile, activated_by=manager, has_required_certificate=False)
    assert HelperProfile.objects.get(pk=profile.pk).is_active


def test_without_partners_facts_nobody_is_named_or_activated(monkeypatch):
    monkeypatch.delitem(hooks._rules, "facts")
    profile = HelperProfileFactory(status=HelperProfile.Status.PENDING)
    fresh = HelperProfile.objects.get(pk=profile.pk)
    assert fresh.organisation_name == ""
    with pytest.raises(CoachingError) as error:
        helper_profile_activate(
            profile=fresh, activated_by=UserFactory(is_staff=True), has_required_certificate=True
        )
    assert error.value.code == "organisation_unknown"
    assert HelperProfile.objects.get(pk=profile.pk).status == HelperProfile.Status.PENDING


def test_the_helpers_page_names_the_organisation(client):
    profile = HelperProfileFactory(organisation=OrganisationFactory(name="Bibliotheek Leuven"))
    client.force_login(profile.user)
    response = client.get(reverse("lms:helpers"))
    assert response.status_code == 200
    assert "Bibliotheek Leuven" in response.content.decode()


def test_the_admin_lists_and_filters_helpers_by_organisation_name(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    leuven = OrganisationFactory(name="Bibliotheek Leuven")
    namur = OrganisationFactory(name="EPN Namur")
    HelperProfileFactory(organisation=leuven, user=UserFactory(display_name="Helper Leuven"))
    HelperProfileFactory(organisation=namur, user=UserFactory(display_name="Helper Namur"))
    client.force_login(admin)
    url = "/django-admin/lms/helperprofile/"
    listing = client.get(url).content.decode()
    assert "Bibliotheek Leuven" in listing and "EPN Namur" in listing
    only = client.get(url, {"organisation": leuven.pk}).content.decode()
    assert "Helper Leuven" in only and "Helper Namur" not in only
    # A value that is no organisation is refused as a bad filter, not a 500.
    response = client.get(url, {"organisation": "not-a-number"})
    assert response.status_code == 302 and response["Location"].endswith("?e=1")
