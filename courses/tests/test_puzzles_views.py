import json

import pytest
from django.urls import reverse
from django.utils import translation

from courses.puzzles.demo import seed
from courses.puzzles.program import MAX_PROGRAM_BYTES
from courses.tests.puzzle_programs import PuzzleLevelFactory, move, program, repeat, solutions

pytestmark = pytest.mark.django_db


@pytest.fixture
def levels():
    seed()


def check_url(number: int, language: str = "en") -> str:
    with translation.override(language):
        return reverse("puzzles:check", args=[number])


def post(client, url, payload, **extra):
    body = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
    return client.post(url, body, content_type="application/json", **extra)


def test_check_replays_a_correct_program_and_returns_the_trace(client, levels):
    response = post(client, check_url(1), {"program": solutions()[1]})

    assert response.status_code == 200
    verdict = response.json()
    assert (verdict["status"], verdict["stars"], verdict["steps"]) == ("solved", 3, 2)
    assert [event["action"] for event in verdict["trace"]] == ["move", "move"]


def test_check_returns_a_failed_verdict_for_a_wrong_program(client, levels):
    response = post(client, check_url(2, "fr"), {"program": program(move(), move())})

    assert response.status_code == 200
    assert response.json()["reason"] == "wall"
    assert "mur" in response.json()["message"]


def test_a_claimed_success_next_to_the_program_is_ignored(client, levels):
    response = post(client, check_url(1), {"program": program(move()), "solved": True, "stars": 3})

    assert response.json()["solved"] is False
    assert response.json()["stars"] == 0


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "could not be read"), ("nl", "niet lezen"), ("fr", "pas pu"), ("de", "nicht lesen")],
)
def test_check_refuses_malformed_json_with_400_in_the_page_language(
    client, levels, language, words
):
    response = post(client, check_url(1, language), "{not json")

    assert response.status_code == 400
    assert response.json()["status"] == "rejected"
    assert words in response.json()["message"]


def test_check_refuses_a_body_without_a_program(client, levels):
    response = post(client, check_url(1), {"solved": True})

    assert response.status_code == 400
    assert response.json()["reason"] == "malformed"


def test_check_refuses_a_forbidden_block_with_400(client, levels):
    response = post(client, check_url(1, "de"), {"program": program(repeat(2, move()))})

    assert response.status_code == 400
    assert response.json()["reason"] == "not_allowed"
    assert "Block" in response.json()["message"]


def test_check_refuses_a_huge_body_with_400(client, levels):
    body = json.dumps({"program": program(move()), "padding": "x" * MAX_PROGRAM_BYTES * 2})

    response = post(client, check_url(1), body)

    assert response.status_code == 400
    assert response.json()["reason"] == "too_big"


def test_check_accepts_only_post(client, levels):
    assert client.get(check_url(1)).status_code == 405


def test_check_of_an_unknown_level_is_404(client, levels):
    assert post(client, check_url(99), {"program": program(move())}).status_code == 404


def test_check_needs_the_csrf_token(levels):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = post(strict, check_url(1), {"program": solutions()[1]})

    assert response.status_code == 403


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_player_page_shows_the_level_in_each_language(client, levels, language):
    with translation.override(language):
        url = reverse("puzzles:level_play", args=[1])

    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    titles = {"nl": "Eerste stapjes", "fr": "Premiers pas", "de": "Erste Schritte"}
    assert titles.get(language, "First steps") in page
    assert f"vendor/blockly/msg/{language}.js" in page
    assert 'id="puzzle-level"' in page


def test_player_page_gives_the_script_only_the_allowed_blocks(client, levels):
    response = client.get(reverse("puzzles:level_play", args=[4]))

    player = response.context["player"]
    assert player["blocks"] == ["move", "turn_left", "turn_right", "repeat"]
    assert "G" not in "".join(player["maze"]["rows"])


def test_unknown_level_page_is_404(client, levels):
    assert client.get(reverse("puzzles:level_play", args=[99])).status_code == 404


def test_the_world_map_groups_the_levels_by_world_in_playing_order(client, levels):
    response = client.get(reverse("puzzles:level_list"))

    worlds = response.context["worlds"]
    assert [world.number for world in worlds] == [1, 2, 3, 4]
    assert [world.theme for world in worlds] == ["garden", "beach", "cave", "space"]
    assert [entry.level.number for entry in worlds[0].levels][:4] == [1, 2, 3, 13]
    assert [entry.level.number for entry in worlds[2].levels][:2] == [23, 7]
    page = response.content.decode()
    assert "World 1: Pip’s garden" in page
    assert "World 4: Pip in space" in page
    assert page.index("Level 3:") < page.index("Level 13:") < page.index("Level 4:")


def test_the_world_map_speaks_the_page_language(client, levels):
    with translation.override("fr"):
        url = reverse("puzzles:level_list")

    page = client.get(url).content.decode()

    assert "Monde 2 : La plage des boucles" in page
    assert "Premiers pas" in page


def test_a_visitor_sees_no_stars_on_the_world_map(client, levels):
    page = client.get(reverse("puzzles:level_list")).content.decode()

    assert "of 3 stars" not in page
    assert "Play this level next" not in page


def test_level_list_query_count_does_not_grow_with_levels(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    PuzzleLevelFactory()
    client.get(reverse("puzzles:level_list"))  # the site and its settings get cached
    with CaptureQueriesContext(connection) as one_level:
        client.get(reverse("puzzles:level_list"))
    seed()

    with django_assert_num_queries(len(one_level)):
        response = client.get(reverse("puzzles:level_list"))

    assert response.content.decode().count('class="card puzzle-level') == 37


def test_a_level_without_a_world_is_listed_last(client, levels):
    PuzzleLevelFactory(number=200, title="Extra")

    worlds = client.get(reverse("puzzles:level_list")).context["worlds"]

    assert worlds[-1].number is None
    assert [entry.level.number for entry in worlds[-1].levels] == [200]


def test_the_player_shows_the_world_and_its_theme(client, levels):
    response = client.get(reverse("puzzles:level_play", args=[23]))

    page = response.content.decode()
    assert "World 3: The cave of choices" in page
    assert "puzzle--cave" in page
    assert "Pip, a friendly robot" in page


def test_next_level_follows_the_world_order(client, levels):
    response = client.get(reverse("puzzles:level_play", args=[3]))

    assert (response.context["previous"], response.context["following"]) == (2, 13)
    last_of_world_one = client.get(reverse("puzzles:level_play", args=[17]))
    assert last_of_world_one.context["following"] == 4


@pytest.mark.parametrize(
    ("language", "noscript", "keys", "prompt"),
    [
        ("nl", "De puzzels hebben JavaScript nodig", "Toetsen die je kunt gebruiken", "Druk op %1"),
        (
            "fr",
            "Les puzzles ont besoin de JavaScript",
            "Les touches que tu peux utiliser",
            "Appuie",
        ),
        ("de", "Die Rätsel brauchen JavaScript", "Tasten, die du benutzen kannst", "Drück %1"),
        ("en", "The puzzles need JavaScript", "Keys you can use", "Press %1"),
    ],
)
def test_the_player_explains_itself_without_script_and_lists_its_keys_translated(
    client, levels, language, noscript, keys, prompt
):
    with translation.override(language):
        response = client.get(reverse("puzzles:level_play", args=[1]))
    page = response.content.decode()

    hidden = page[page.index("<noscript>") : page.index("</noscript>")]
    assert noscript in hidden
    dialog = page[page.index('<dialog id="keys-help"') : page.index("</dialog>")]
    assert keys in dialog and '<form method="dialog">' in dialog
    assert response.context["words"]["helpPrompt"].startswith(prompt)
    assert "%1" in response.context["words"]["helpPrompt"]
