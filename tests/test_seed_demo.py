import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from courses.models import HomePage
from lms.models import User
from lms.roles import GROUP_NAMES, Role

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_an_account_for_every_role_and_prints_passwords(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    for role in Role:
        assert User.objects.filter(groups__name=GROUP_NAMES[role]).exists(), role
        assert str(role.label) in out
    assert "learner-demo-2026" in out
    assert User.objects.get(username="young-learner").email == ""


def test_seed_demo_twice_gives_the_same_platform():
    call_command("seed_demo")
    counts = (User.objects.count(), Page.objects.count(), Site.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), Page.objects.count(), Site.objects.count()) == counts
    assert HomePage.objects.count() == 4


def test_seed_demo_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("seed_demo")
    assert not User.objects.filter(username="learner").exists()
