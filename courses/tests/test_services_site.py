import pytest
from wagtail.models import Locale, Site

from courses.content.home import HOME
from courses.models import HomePage
from courses.services import site_bootstrap

pytestmark = pytest.mark.django_db


def test_bootstrap_creates_the_home_page_in_four_languages_as_site_root():
    home = site_bootstrap()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    titles = {p.locale.language_code: p.title for p in HomePage.objects.select_related("locale")}
    assert titles == {code: words["title"] for code, words in HOME.items()}
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"nl", "fr", "de", "en"}
    assert all(page.live for page in HomePage.objects.all())


def test_bootstrap_keeps_what_an_editor_wrote():
    home = site_bootstrap()
    home.lead = "Written by an editor"
    home.save_revision().publish()
    site_bootstrap()
    assert HomePage.objects.get(pk=home.pk).lead == "Written by an editor"
    assert HomePage.objects.count() == 4


@pytest.mark.parametrize("code", ["nl", "fr", "de", "en"])
def test_the_home_page_is_served_in_each_language(client, code):
    site_bootstrap()
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert HOME[code]["title"] in html


def test_bootstrap_site_command_is_safe_to_run_twice(capsys):
    from django.core.management import call_command

    call_command("bootstrap_site")
    call_command("bootstrap_site")
    assert HomePage.objects.count() == 4
    assert "Site ready" in capsys.readouterr().out
