"""A player's own puzzle progress: stars and the next level on the world map,
the "My puzzles" page linked from "My learning", never anybody else's."""

import pytest
from django.urls import reverse

from courses.puzzles.demo import seed
from lms.models import PuzzleProgress, User
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def levels():
    seed()


@pytest.fixture
def player(client):
    user = UserFactory(account_type=User.AccountType.YOUNG, preferred_language="en")
    client.force_login(user)
    return user


def progress(user, number, *, stars=0, attempts=1):
    return PuzzleProgress.objects.create(
        user=user, level_number=number, attempts=attempts, solved=stars > 0, best_stars=stars
    )


def entries(response) -> dict:
    return {
        entry.level.number: entry for world in response.context["worlds"] for entry in world.levels
    }


def test_the_world_map_shows_my_stars_in_words_and_the_next_level(client, levels, player):
    progress(player, 1, stars=3)
    progress(player, 2, stars=2)
    progress(player, 3, stars=0, attempts=4)

    response = client.get(reverse("puzzles:level_list"))

    by_number = entries(response)
    assert (by_number[1].stars, by_number[2].stars, by_number[3].solved) == (3, 2, False)
    assert [n for n, entry in by_number.items() if entry.is_next] == [3]
    page = response.content.decode()
    assert "Solved: 3 of 3 stars" in page
    assert "Solved: 2 of 3 stars" in page
    assert "Not solved yet. Try again!" in page
    assert page.count("Play this level next!") == 1
    assert 'aria-current="step"' in page
    assert "2 of 9 levels solved. 5 of 27 stars." in page


def test_the_next_level_comes_in_world_order(client, levels, player):
    for number in (1, 2, 3, 13, 15, 31, 16, 14, 17):  # all of world 1
        progress(player, number, stars=3)

    by_number = entries(client.get(reverse("puzzles:level_list")))

    assert [n for n, entry in by_number.items() if entry.is_next] == [4]


def test_the_world_map_costs_two_queries_whatever_my_progress(
    client, levels, player, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("puzzles:level_list"))  # the site and its settings get cached
    with CaptureQueriesContext(connection) as nothing_played:
        client.get(reverse("puzzles:level_list"))
    map_queries = [q["sql"] for q in nothing_played if "puzzle" in q["sql"].lower()]
    for number in range(1, 31):
        progress(player, number, stars=2)

    with django_assert_num_queries(len(nothing_played)):
        client.get(reverse("puzzles:level_list"))

    # The levels with their worlds in one query, the player's progress in one.
    assert len(map_queries) == 2


def test_my_puzzles_shows_my_levels_and_stars_world_by_world(client, levels, player):
    progress(player, 1, stars=3)
    progress(player, 4, stars=1)

    response = client.get(reverse("lms:my_puzzles"))

    assert response.status_code == 200
    worlds = response.context["worlds"]
    assert [(w.number, w.solved_count, w.stars) for w in worlds] == [
        (1, 1, 3),
        (2, 1, 1),
        (3, 0, 0),
        (4, 0, 0),
    ]
    page = response.content.decode()
    assert "1 of 9 levels solved. 3 of 27 stars." in page
    assert "Solved: 1 of 3 stars" in page


def test_my_puzzles_never_shows_another_players_progress(client, levels, player):
    other = UserFactory(account_type=User.AccountType.YOUNG)
    progress(other, 1, stars=3)
    progress(other, 2, stars=3)

    response = client.get(reverse("lms:my_puzzles"))

    assert all(w.solved_count == 0 for w in response.context["worlds"])
    assert "of 3 stars" not in response.content.decode()
    assert "0 of 9 levels solved" in response.content.decode()


def test_the_world_map_never_shows_another_players_stars(client, levels, player):
    progress(UserFactory(), 1, stars=3)

    by_number = entries(client.get(reverse("puzzles:level_list")))

    assert by_number[1].solved is False
    assert by_number[1].is_next is True


def test_my_puzzles_needs_a_sign_in(client, levels):
    response = client.get(reverse("lms:my_puzzles"))

    assert response.status_code == 302
    assert "login" in response["Location"] or "class" in response["Location"]


def test_my_learning_links_to_my_puzzles_with_my_totals(client, levels, player):
    progress(player, 1, stars=3)
    progress(player, 2, stars=2)
    progress(UserFactory(), 3, stars=3)

    page = client.get(reverse("lms:dashboard")).content.decode()

    assert reverse("lms:my_puzzles") in page
    assert "You solved 2 puzzles and earned 5 stars." in page


def test_my_learning_shows_no_puzzles_to_an_adult_who_never_played(client, levels):
    client.force_login(UserFactory())

    page = client.get(reverse("lms:dashboard")).content.decode()

    assert reverse("lms:my_puzzles") not in page


def test_the_level_to_play_next_is_a_button_above_the_map(client, levels, player):
    progress(player, 1, stars=3)
    progress(player, 2, stars=1)

    page = client.get(reverse("puzzles:level_list")).content.decode()

    button = f'href="{reverse("puzzles:level_play", args=[3])}">Play level 3</a>'
    assert button in page
    assert page.index(button) < page.index('data-level="1"')
    assert page.count(">Play level ") == 1


def test_no_next_level_button_once_every_level_is_solved(client, levels, player):
    from courses.models import PuzzleLevel

    for number in PuzzleLevel.objects.values_list("number", flat=True).distinct():
        progress(player, number, stars=3)

    page = client.get(reverse("puzzles:level_list")).content.decode()

    assert ">Play level " not in page


def test_a_visitor_gets_no_next_level_button(client, levels):
    page = client.get(reverse("puzzles:level_list")).content.decode()

    assert ">Play level " not in page


def test_my_learning_does_not_say_not_started_to_a_child_who_solved_levels(client, levels, player):
    progress(player, 1, stars=3)

    page = client.get(reverse("lms:dashboard")).content.decode()

    assert "You solved 1 puzzle and earned 3 stars." in page
    assert "You have not started a course yet." not in page


def test_my_learning_says_not_started_before_the_first_level_is_played(client, levels, player):
    progress(player, 1, stars=0, attempts=0)

    page = client.get(reverse("lms:dashboard")).content.decode()

    assert "You solved 0 puzzles and earned 0 stars." in page
    assert "You have not started a course yet." in page
