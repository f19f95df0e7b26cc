import pytest

pytestmark = pytest.mark.django_db


def test_a_form_with_errors_names_each_problem_and_links_it_to_its_field(client, home_page):
    html = client.post("/en/design-system/", {"full_name": "", "language": "xx"}).content.decode()
    assert 'role="alert"' in html
    assert '<a href="#id_full_name">' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_full_name_helptext id_full_name_error"' in html
    assert 'id="id_full_name_error"' in html


def test_every_component_is_on_the_design_system_page(client, home_page):
    html = client.get("/en/design-system/").content.decode()
    for marker in (
        'class="skip-link"',
        'class="btn"',
        'class="card"',
        'role="progressbar"',
        "alert--error",
        'class="lang-switcher"',
        'class="site-nav"',
    ):
        assert marker in html, marker
