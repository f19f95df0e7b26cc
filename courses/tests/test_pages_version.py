"""The page-tree version changes with every change to the published tree (and
only then): whatever is cached from published pages keys on it."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from courses.models import CoursePage, ModulePage
from courses.selectors.catalogue import PAGES_VERSION_CACHE_KEY, pages_version

pytestmark = pytest.mark.django_db


def test_the_version_is_stable_while_nothing_changes(course):
    assert pages_version() == pages_version()


def test_a_draft_leaves_the_version_alone(course):
    before = pages_version()
    course.title = "Phishing (draft)"
    course.save_revision()
    assert pages_version() == before


def test_publish_unpublish_move_and_delete_each_change_the_version(course):
    seen = {pages_version()}
    course.title = "Phishing, second edition"
    course.save_revision().publish()
    seen.add(pages_version())
    course.unpublish()
    seen.add(pages_version())
    module = course.add_child(instance=ModulePage(title="M", slug="m"))
    module.save_revision().publish()
    seen.add(pages_version())
    other = course.get_parent().add_child(
        instance=CoursePage(
            title="Other", slug="other", track="basic", audience="adults", summary="S"
        )
    )
    module.move(other, pos="last-child")
    seen.add(pages_version())
    module.refresh_from_db()
    module.delete()
    seen.add(pages_version())
    assert len(seen) == 6, seen


def test_publishing_a_translation_changes_the_version(course):
    before = pages_version()
    french = course.copy_for_translation(Locale.objects.get(language_code="fr"))
    assert pages_version() == before  # a draft translation is not shown yet
    french.save_revision().publish()
    assert pages_version() != before


def test_a_cache_that_lost_the_version_starts_a_new_one(course):
    before = pages_version()
    cache.delete(PAGES_VERSION_CACHE_KEY)
    assert pages_version() != before


def test_a_request_reads_the_version_once():
    from courses.selectors.catalogue import (
        pages_version_request_finished,
        pages_version_request_started,
    )

    pages_version_request_started()
    try:
        version = pages_version()
        cache.set(PAGES_VERSION_CACHE_KEY, "changed-by-another-process", timeout=None)
        assert pages_version() == version
    finally:
        pages_version_request_finished()
    # The next request (and any code outside a request) sees the change.
    assert pages_version() == "changed-by-another-process"


def test_a_change_during_a_request_is_seen_by_the_rest_of_it(course):
    from courses.selectors.catalogue import (
        pages_version_request_finished,
        pages_version_request_started,
    )

    pages_version_request_started()
    try:
        before = pages_version()
        course.title = "Phishing, renamed"
        course.save_revision().publish()
        assert pages_version() != before
        assert pages_version() == cache.get(PAGES_VERSION_CACHE_KEY)
    finally:
        pages_version_request_finished()


def test_what_the_process_keeps_is_retired_with_the_version():
    from courses.selectors.catalogue import pages_cached, pages_local, pages_version_renew

    assert pages_cached("probe", lambda: "old") == "old"
    assert pages_local("probe", lambda: "old") == "old"
    assert pages_cached("probe", lambda: "new") == "old"
    pages_version_renew()
    assert pages_cached("probe", lambda: "new") == "new"
    assert pages_local("probe", lambda: "new") == "new"


def test_what_the_process_keeps_is_bounded():
    from courses.selectors.catalogue import _ProcessMemo

    memo = _ProcessMemo(size=2)
    for name in ("a", "b", "c"):
        memo.put("v1", name, name.upper())
    assert memo.peek("v1", "a") is None
    assert (memo.peek("v1", "b"), memo.peek("v1", "c")) == ("B", "C")
    # An older version never reads nor fills the newer one's entries.
    older = memo._entries("v1")
    assert memo.peek("v2", "b") is None
    older["d"] = "D"
    assert memo.peek("v2", "d") is None
