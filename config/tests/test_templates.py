"""The project's templates kept per language with their fixed texts and
addresses in place (config.templates): the same pages as the templates render,
a copy per language, escaping as the rendering asks, nothing fixed that
depends on more than the language."""

import re

import pytest
from django.template import Context, engines
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation

from config.templates import FixedText, IncludedTemplate, LocalisedLoader, localise

pytestmark = pytest.mark.django_db

CONTENT = "certificates/_verify_content.html"


def _nodes(nodelist):
    for node in nodelist:
        yield node
        for attribute in node.child_nodelists:
            yield from _nodes(getattr(node, attribute, None) or [])
        for _condition, branch in getattr(node, "conditions_nodelists", []):
            yield from _nodes(branch)


def _loader() -> LocalisedLoader:
    (loader,) = engines["django"].engine.template_loaders
    assert isinstance(loader, LocalisedLoader)
    return loader


def _plain(name: str):
    """The template compiled from its file as Django's own loader would."""
    from django.template.backends.django import Template as BackendTemplate
    from django.template.base import Template

    loaded = get_template(name).template
    compiled = Template(loaded.source, loaded.origin, loaded.name, loaded.engine)
    return BackendTemplate(compiled, engines["django"])


TOKEN = re.compile(r'value="[A-Za-z0-9]{64}"')


def _render(template, request) -> str:
    return TOKEN.sub('value="csrf"', template.render({}, request))


def test_fixed_texts_are_translated_in_advance_once_per_language():
    from django.templatetags.i18n import TranslateNode

    with translation.override("fr"):
        french = get_template(CONTENT).template
        assert get_template(CONTENT).template is french
    with translation.override("nl"):
        dutch = get_template(CONTENT).template
    assert dutch is not french
    found = list(_nodes(french.nodelist))
    assert not [n for n in found if isinstance(n, TranslateNode)]
    assert any(isinstance(n, FixedText) and n.asvar == "sent" for n in found)
    assert any(isinstance(n, FixedText) and "Vérifier un certificat" in n.raw for n in found)
    assert not any(isinstance(n, FixedText) and "Vérifier" in n.raw for n in _nodes(dutch.nodelist))


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_a_page_renders_as_its_template_does(language, signed_in, rf: RequestFactory):
    from django.contrib.auth.models import AnonymousUser

    from lms.tests.factories import UserFactory

    request = rf.get(f"/{language}/help/")
    request.user = UserFactory() if signed_in else AnonymousUser()
    request.session = {}
    with translation.override(language):
        localised = get_template("base.html")
        fixed = [n for n in _nodes(localised.template.nodelist) if isinstance(n, FixedText)]
        assert len(fixed) > 20
        _render(localised, request)  # what the tags keep for later (the catalogue's address)
        expected = _render(_plain("base.html"), request)
        assert _render(localised, request) == expected
    assert ("Afmelden" in expected) == (signed_in and language == "nl")


def test_the_rendering_is_djangos_with_autoescape_on_and_off():
    source = (
        '{% load i18n %}<p>{% translate "I have read the privacy notice" %}</p>'
        "<a href=\"{% url 'frontend:help' %}\">"
    )
    localised = engines["django"].from_string(source).template
    with translation.override("fr"):
        localise(localised.nodelist)
        plain = engines["django"].from_string(source).template
        for autoescape in (True, False):
            expected = plain.render(Context(autoescape=autoescape))
            assert localised.render(Context(autoescape=autoescape)) == expected
    assert [type(n) for n in localised.nodelist].count(FixedText) == 2
    # Django's own: a translated literal is not escaped.
    assert "<p>J'ai lu la déclaration de confidentialité</p>" in expected


def test_names_and_quoted_arguments_are_fixed_too():
    source = (
        "{% load i18n %}"
        '{% translate "Help" as help %}{{ help }}|'
        "{% url 'lms:legal' 'privacy' %}|"
        "{% url 'lms:legal' slug='terms' as terms %}{{ terms }}|"
        "{% url 'no-such-page' as missing %}[{{ missing }}]"
    )
    localised = engines["django"].from_string(source).template
    with translation.override("fr"):
        localise(localised.nodelist)
        expected = engines["django"].from_string(source).template.render(Context())
        assert localised.render(Context()) == expected
    assert [type(n) for n in localised.nodelist].count(FixedText) == 4
    assert expected == "Aide|/fr/privacy/|/fr/terms/|[]"


def test_what_depends_on_more_than_the_language_stays_a_tag():
    source = (
        "{% load i18n %}"
        '{% translate "Help" context "menu" %}|'
        "{% translate greeting %}|"
        "{% url 'lms:legal' slug %}|"
        '{% language "nl" %}{% translate "Sign out" %}{% endlanguage %}|'
        '{% autoescape off %}{% translate "Sign out" %}{% endautoescape %}|'
        '{% translate "Help" noop %}'
    )
    template = engines["django"].from_string(source)
    with translation.override("fr"):
        localise(template.template.nodelist)
        assert not [n for n in _nodes(template.template.nodelist) if isinstance(n, FixedText)]
        rendered = template.template.render(Context({"greeting": "Help", "slug": "cookies"}))
    assert rendered.split("|")[1:4] == ["Aide", "/fr/cookies/", "Afmelden"]
    # An address that does not resolve fails when rendered, as before.
    broken = engines["django"].from_string("{% url 'no-such-page' %}").template
    localise(broken.nodelist)
    assert not isinstance(broken.nodelist[0], FixedText)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user, request.session = AnonymousUser(), {}
    return request


def test_an_address_starts_with_the_script_prefix_it_was_compiled_under():
    try:
        set_script_prefix("/digiskills/")
        with translation.override("en"):
            under_prefix = get_template("base.html")
            html = _render(under_prefix, _anonymous())
        assert 'href="/digiskills/en/help/"' in html
    finally:
        set_script_prefix("/")
    with translation.override("en"):
        plain = get_template("base.html")
        html = _render(plain, _anonymous())
    assert plain.template is not under_prefix.template
    assert 'href="/en/help/"' in html


def test_templates_from_outside_the_project_are_kept_once_for_every_language():
    with translation.override("fr"):
        french = get_template("wagtailadmin/base.html").template
    with translation.override("de"):
        german = get_template("wagtailadmin/base.html").template
    assert french is german
    assert not [n for n in _nodes(french.nodelist) if isinstance(n, FixedText)]


def test_a_reset_forgets_the_localised_copies():
    with translation.override("de"):
        before = get_template(CONTENT).template
        _loader().reset()
        assert get_template(CONTENT).template is not before


def _includes(template):
    from django.template.loader_tags import IncludeNode

    return [n for n in _nodes(template.nodelist) if isinstance(n, IncludeNode)]


def test_an_include_of_a_quoted_name_holds_its_template_in_the_same_language():
    with translation.override("fr"):
        french = get_template(CONTENT).template
        verdict = get_template("certificates/_verdict.html").template
    with translation.override("nl"):
        dutch = get_template(CONTENT).template
    held = {n.template.template.name: n.template.template for n in _includes(french)}
    assert set(held) == {
        "frontend/components/form.html",
        "certificates/_verdict.html",
        "frontend/components/alert.html",
    }
    assert all(isinstance(n.template, IncludedTemplate) for n in _includes(french))
    assert held["certificates/_verdict.html"] is verdict
    dutch_verdict = [
        n.template.template for n in _includes(dutch) if "_verdict" in n.template.template.name
    ]
    assert dutch_verdict[0] is not verdict


CODE = "DGS-2026-ABCD-EFGH"


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_a_page_with_its_includes_renders_as_its_template_does(language):
    """The verdict, the alert `with` its level and text, and the forms (the
    verdict of a certificate in certificates/tests)."""
    from certificates import verification
    from certificates.forms import CodeForm, ReceiptForm
    from certificates.presenters import verdict_data

    with translation.override(language):
        verdict = verification.verify_code(CODE)
        for receipt_sent in (False, True):
            context = {
                "form": CodeForm({"code": CODE}),
                "verdict": verdict_data(verdict, language),
                "receipt_form": ReceiptForm(initial={"code": CODE}),
                "receipt_sent": receipt_sent,
                "csrf_token": "t" * 64,
            }
            rendered = get_template(CONTENT).template.render(Context(context))
            assert rendered == _plain(CONTENT).template.render(Context(context))
    assert "alert--success" in rendered and 'data-status="malformed"' in rendered


def test_with_and_only_still_apply_to_a_held_include():
    source = (
        '{% include "frontend/components/alert.html" with level="error" text=message %}|'
        '{% include "frontend/components/alert.html" with level="info" only %}'
    )
    context = {"message": "<b>Careful</b>", "text": "Not passed on"}
    with translation.override("de"):
        held = engines["django"].from_string(source).template
        localise(held.nodelist, _loader()._included)
        assert all(isinstance(n.template, IncludedTemplate) for n in _includes(held))
        rendered = held.render(Context(context))
        assert rendered == engines["django"].from_string(source).template.render(Context(context))
    assert "&lt;b&gt;Careful&lt;/b&gt;" in rendered and "Not passed on" not in rendered


def test_an_include_that_cannot_be_held_stays_a_tag():
    from django.template import TemplateDoesNotExist

    source = (
        "{% load i18n %}{% include name %}|"
        '{% language "nl" %}{% include "frontend/components/alert.html" %}{% endlanguage %}|'
        '{% include "no/such/template.html" %}'
    )
    template = engines["django"].from_string(source).template
    localise(template.nodelist, _loader()._included)
    assert not [n for n in _includes(template) if isinstance(n.template, IncludedTemplate)]
    with pytest.raises(TemplateDoesNotExist):
        template.render(Context({"name": "frontend/components/alert.html"}))


def test_a_template_being_loaded_is_not_held_by_its_own_include():
    """A template that includes itself (a tree, say) keeps the tag: holding it
    would load it without end."""
    loader = _loader()
    loader._names_loading().add("frontend/components/alert.html")
    try:
        assert loader._included("frontend/components/alert.html") is None
    finally:
        loader._names_loading().discard("frontend/components/alert.html")
    assert loader._included("frontend/components/alert.html") is not None
