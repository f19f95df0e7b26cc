"""POST /learners: every problem in one answer, strict types, unknown fields,
vocabulary aliases, e-mails of other accounts, national register numbers."""

import pytest

from lms.tests.factories import UserFactory
from partners.models import LearnerTargetGroup, PartnerLearner
from partners.tests.factories import PartnerLearnerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/learners"
# 85.07.30-033.28: a national register number with valid check digits.
NATIONAL_NUMBER = "85073003328"


def _learner(external_id="VDAB-1", **overrides):
    return {"external_id": external_id, "first_name": "Zoë", **overrides}


def _errors(response):
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "invalid"
    return {(e["row"], e["field"], e["code"]) for e in response.json()["errors"]}


def test_problems_of_the_schema_and_between_items_come_in_one_answer(caller):
    learners = [
        _learner("A", email="ana@example.be"),
        _learner("B", birth_date=0),
        _learner("C", email="not-an-address", gender="z"),
        _learner("A"),
        _learner("D", email="ANA@example.be"),
        _learner("E", postcode="75001", shoe_size=44),
    ]
    assert _errors(caller.post(URL, {"learners": learners})) == {
        (1, "birth_date", "invalid_date"),
        (2, "email", "invalid_email"),
        (2, "gender", "invalid_choice"),
        (3, "external_id", "duplicate_id"),
        (4, "email", "duplicate_email"),
        (5, "postcode", "invalid_postcode"),
        (5, "shoe_size", "unknown_field"),
    }
    assert not PartnerLearner.objects.exists()


def test_each_item_has_a_json_pointer_into_the_body(caller):
    response = caller.post(URL, {"learners": [_learner("A"), _learner("B", gender="z")]})
    [error] = response.json()["errors"]
    assert error["pointer"] == "/learners/1/gender"
    assert error["parameter"] is None
    assert error["message"]


def test_a_duplicate_names_the_row_of_the_first(caller):
    response = caller.post(URL, {"learners": [_learner("A"), _learner("B"), _learner("A")]})
    [error] = response.json()["errors"]
    assert error["row"] == 2
    assert "0" in error["message"]


def test_unknown_fields_are_refused_and_named_at_every_level(caller):
    response = caller.post(URL, {"learners": [_learner(nickname="Zo")], "dry_run": True})
    assert _errors(response) == {
        (None, "dry_run", "unknown_field"),
        (0, "nickname", "unknown_field"),
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("birth_date", 0),
        ("birth_date", 19880229),
        ("birth_date", True),
        ("birth_date", "29/02/1988"),
        ("birth_date", "1988-02-29T00:00:00"),
        ("birth_date", "1988-2-29"),
        ("birth_date", "1987-02-29"),
        ("first_name", 12),
        ("first_name", True),
        ("external_id", 42),
        ("email", False),
        ("postcode", 2000),
        ("gender", 1),
        ("language", True),
        ("target_groups", "seniors"),
        ("target_groups", [7]),
    ],
)
def test_values_of_the_wrong_type_are_refused(caller, field, value):
    response = caller.post(URL, {"learners": [_learner(**{field: value})]})
    assert response.status_code == 422
    assert {e["field"].split(".")[0] for e in response.json()["errors"]} == {field}
    assert not PartnerLearner.objects.exists()


def test_a_cohort_id_as_text_or_boolean_is_refused(caller, api_cohort):
    for value in (str(api_cohort.pk), True):
        response = caller.post(URL, {"cohort_id": value, "learners": [_learner()]})
        assert _errors(response) == {(None, "cohort_id", "wrong_type")}


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("1900-01-01", True), ("1899-12-31", False), ("2999-01-01", False), ("2000-02-29", True)],
)
def test_birth_dates_are_iso_and_plausible(caller, value, accepted):
    response = caller.post(URL, {"learners": [_learner(birth_date=value)]})
    assert (response.status_code == 200) is accepted, response.content


def test_the_import_s_words_are_accepted_and_stored_as_codes(caller):
    response = caller.post(
        URL,
        {
            "learners": [
                _learner(
                    language="Nederlands",
                    gender="Vrouw",
                    situation="demandeur d'emploi",
                    target_groups=["Senioren", "women-in-digital", "JONGEREN"],
                )
            ]
        },
    )
    assert response.status_code == 200, response.content
    learner = PartnerLearner.objects.get()
    assert (learner.gender, learner.situation) == ("f", "jobseeker")
    assert learner.user.preferred_language == "nl"
    assert set(
        LearnerTargetGroup.objects.filter(learner=learner).values_list("target_group", flat=True)
    ) == {"seniors", "women_in_digital", "young_people"}


def test_an_outcome_takes_an_alias_and_answers_the_code(caller):
    PartnerLearnerFactory(organisation=caller.organisation, external_id="X-1")
    response = caller.put(
        "/api/v1/learners/X-1/outcomes/3m", {"situation": "werk gevonden"}, HTTP_ACCEPT="*/*"
    )
    assert response.status_code == 200, response.content
    assert response.json()["situation"] == "job_found"


def test_a_word_of_no_vocabulary_is_refused_naming_the_codes(caller):
    response = caller.post(URL, {"learners": [_learner(target_groups=["astronauts"])]})
    [error] = response.json()["errors"]
    assert (error["row"], error["field"], error["code"]) == (0, "target_groups.0", "invalid_choice")
    assert "seniors" in error["message"]


def test_an_e_mail_of_another_account_is_422_on_its_field(caller):
    UserFactory(email="taken@example.be")
    learners = [_learner("A"), _learner("B", email="Taken@example.be")]
    response = caller.post(URL, {"learners": learners})
    assert _errors(response) == {(1, "email", "email_taken")}
    assert not PartnerLearner.objects.exists()


def test_the_message_is_the_same_for_another_organisation_s_learner_and_a_plain_account(
    caller, stranger
):
    UserFactory(email="plain@example.be")
    PartnerLearnerFactory(
        organisation=stranger.organisation, user=UserFactory(email="theirs@example.be")
    )
    response = caller.post(
        URL,
        {
            "learners": [
                _learner("A", email="plain@example.be"),
                _learner("B", email="theirs@example.be"),
            ]
        },
    )
    plain, theirs = response.json()["errors"]
    assert (plain["code"], plain["message"]) == (theirs["code"], theirs["message"])
    text = response.content.decode().lower()
    assert "organisation" not in text and stranger.organisation.name.lower() not in text


def test_a_known_learner_may_be_sent_again_with_their_own_e_mail(caller):
    payload = {"learners": [_learner("A", email="ana@example.be")]}
    assert caller.post(URL, payload).status_code == 200
    assert caller.post(URL, payload).status_code == 200
    assert PartnerLearner.objects.count() == 1


def test_a_national_register_number_as_learner_id_is_refused_saying_why(caller):
    for value in (NATIONAL_NUMBER, "85.07.30-033.28"):
        response = caller.post(URL, {"learners": [_learner(value)]}, HTTP_ACCEPT_LANGUAGE="en")
        [error] = response.json()["errors"]
        assert (error["row"], error["field"]) == (0, "external_id")
        assert error["code"] == "national_number"
        assert "national register" in error["message"]
    assert not PartnerLearner.objects.exists()


def test_eleven_digits_without_valid_check_digits_are_an_ordinary_id(caller):
    response = caller.post(URL, {"learners": [_learner("85073003329")]})
    assert response.status_code == 200, response.content


def test_validation_messages_are_translated(caller):
    response = caller.post(
        URL, {"learners": [_learner(NATIONAL_NUMBER)]}, HTTP_ACCEPT_LANGUAGE="nl"
    )
    [error] = response.json()["errors"]
    assert "rijksregister" in error["message"].lower()


def test_500_learners_are_accepted_and_501_refused(caller):
    learners = [_learner(f"L{i}") for i in range(501)]
    assert caller.post(URL, {"learners": learners[:500]}).status_code == 200
    response = caller.post(URL, {"learners": learners})
    assert _errors(response) == {(None, "learners", "too_long")}


def test_a_token_that_may_not_enrol_learns_nothing_about_e_mail_addresses(make_caller):
    UserFactory(email="taken@example.be")
    caller = make_caller(scopes=["cohorts:read"])
    response = caller.post(URL, {"learners": [_learner("A", email="taken@example.be")]})
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"


ODD_VALUES = [None, 0, -1, 1.5, 10**30, True, [], {}, "", " ", "x" * 5000, "\u0000", [[]], {"a": 1}]
FIELDS = [
    "external_id",
    "first_name",
    "last_name",
    "email",
    "language",
    "birth_date",
    "gender",
    "postcode",
    "situation",
    "target_groups",
]


def test_odd_values_in_any_field_are_answered_with_a_problem_never_a_server_error(caller, settings):
    settings.PARTNERS_API_RATE = "1000/60"
    for field in FIELDS:
        for value in ODD_VALUES:
            response = caller.post(URL, {"learners": [{**_learner("A"), field: value}]})
            assert response.status_code in (200, 422), (field, value, response.content)
            if response.status_code == 422:
                assert response["Content-Type"] == "application/problem+json"
                assert {e["field"].split(".")[0] for e in response.json()["errors"]} == {field}
    for body in (None, [], "text", 7, {"learners": None}, {"learners": [None, 7, "x"]}):
        response = caller.post(URL, body, HTTP_X_CASE="top")
        assert response.status_code in (400, 422), (body, response.content)
        assert response["Content-Type"] == "application/problem+json"


def test_a_nul_character_is_refused_not_a_server_error(caller):
    response = caller.post(URL, {"learners": [_learner("A\u0000B", first_name="Z\u0000")]})
    assert _errors(response) == {
        (0, "external_id", "control_character"),
        (0, "first_name", "control_character"),
    }


def test_a_nul_character_in_an_outcome_address_is_404(caller):
    response = caller.put("/api/v1/learners/A%00B/outcomes/3m", {"situation": "job_found"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
