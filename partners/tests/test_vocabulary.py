import pytest

from partners.models import Region
from partners.models.vocabulary import region_for_postcode


@pytest.mark.parametrize(
    ("postcode", "region"),
    [
        ("1000", Region.BRUSSELS),
        ("1210", Region.BRUSSELS),
        ("1348", Region.WALLONIA),
        ("1500", Region.FLANDERS),
        ("2000", Region.FLANDERS),
        ("3500", Region.FLANDERS),
        ("4000", Region.WALLONIA),
        ("4700", Region.EAST_BELGIUM),
        ("4780", Region.EAST_BELGIUM),
        ("4800", Region.WALLONIA),
        ("7000", Region.WALLONIA),
        ("8000", Region.FLANDERS),
        ("9000", Region.FLANDERS),
        (" 9000 ", Region.FLANDERS),
        (1000, Region.BRUSSELS),
    ],
)
def test_a_belgian_postcode_has_its_region(postcode, region):
    assert region_for_postcode(postcode) == region


@pytest.mark.parametrize("postcode", ["0999", "999", "10000", "75001", "B-1000", "", "abcd"])
def test_a_postcode_that_is_not_belgian_has_no_region(postcode):
    assert region_for_postcode(postcode) is None
