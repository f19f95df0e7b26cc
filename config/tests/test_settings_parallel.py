"""The test settings give each xdist worker its own Redis cache database: every
test empties the cache, which must never empty another worker's."""

import pytest

from config.settings.test import worker_cache_url


def test_each_worker_gets_its_own_database_number():
    url = "redis://127.0.0.1:6379/15"
    assert worker_cache_url(url, "gw0") == url
    assert worker_cache_url(url, "gw1") == "redis://127.0.0.1:6379/13"
    assert worker_cache_url(url, "gw2") == "redis://127.0.0.1:6379/11"


def test_the_lowest_number_is_zero_and_below_it_is_refused():
    assert worker_cache_url("redis://cache:6379/2", "gw1") == "redis://cache:6379/0"
    with pytest.raises(RuntimeError, match="gw1"):
        worker_cache_url("redis://cache:6379/1", "gw1")


def test_a_cache_without_a_database_number_is_left_as_it_is():
    assert worker_cache_url("", "gw1") == ""
    assert worker_cache_url("locmem://", "gw1") == "locmem://"
