"""What the player origin sends over the wire: H5P core, the player's own files
and library code under addresses whose bytes never change (cached for a year,
immutable), compressed for a browser that accepts gzip."""

import gzip
import posixpath
import re

import pytest

from courses.h5p.delivery import IMMUTABLE, SHORT, assets_version

pytestmark = pytest.mark.django_db

PLAYER = {"HTTP_HOST": "player.testserver"}
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def _page(client, h5p, learner) -> str:
    return client.get(f"/h5p/play/{h5p.token(learner)}/", **PLAYER).content.decode()


def _addresses(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/h5p/[^"]+)"', html)


def test_player_page_names_every_script_and_style_by_version(client, h5p, learner):
    addresses = _addresses(_page(client, h5p, learner))

    version = assets_version()
    assert f"/h5p/assets/v{version}/frame.bundle.js" in addresses
    assert f"/h5p/assets/v{version}/styles/h5p.css" in addresses
    checksum = h5p.content.main_library.checksum[:16]
    assert f"/h5p/libraries/H5P.DigiskillsQuiz-1.1.0@{checksum}/quiz.js" in addresses
    assert all(
        re.match(r"^/h5p/(assets/v[0-9a-f]{16}/|libraries/[^/]+@[0-9a-f]{16}/)", address)
        for address in addresses
    ), addresses


def test_versioned_player_core_is_compressed_and_immutable(client, h5p, learner):
    address = f"/h5p/assets/v{assets_version()}/frame.bundle.js"

    response = client.get(address, **PLAYER, **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert response["Cache-Control"] == IMMUTABLE == "public, max-age=31536000, immutable"
    assert response["Vary"] == "Accept-Encoding"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = gzip.decompress(response.content)
    assert int(response["Content-Length"]) == len(response.content) < len(body) // 2
    plain = client.get(address, **PLAYER)
    assert "Content-Encoding" not in plain
    assert plain.content == body
    # The player's policy still applies to what the origin sends.
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_style_sheet_fonts_share_the_version_of_the_style_sheet(client, h5p):
    version = assets_version()
    css = gzip.decompress(
        client.get(f"/h5p/assets/v{version}/styles/h5p.css", **PLAYER, **GZIP).content
    ).decode()
    font = re.search(r"url\(['\"]?(\.\./fonts/[^'\")?#]+\.woff2)", css).group(1)

    # As the browser resolves it against the style sheet's address.
    address = posixpath.normpath(f"/h5p/assets/v{version}/styles/{font}")
    response = client.get(address, **PLAYER, **GZIP)

    assert response.status_code == 200
    assert response["Content-Type"] == "font/woff2"
    assert "Content-Encoding" not in response  # woff2 is compressed already
    assert response["Cache-Control"] == IMMUTABLE


@pytest.mark.parametrize("version", [None, "0123456789abcdef"])
def test_unversioned_or_stale_assets_are_cached_briefly(client, h5p, version):
    prefix = f"/h5p/assets/v{version}" if version else "/h5p/assets"

    response = client.get(f"{prefix}/frame.bundle.js", **PLAYER, **GZIP)

    assert response.status_code == 200
    assert response["Cache-Control"] == SHORT


def test_asset_is_not_sent_again_for_its_etag(client, h5p):
    address = f"/h5p/assets/v{assets_version()}/player/bridge.js"
    first = client.get(address, **PLAYER, **GZIP)

    again = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"], **PLAYER, **GZIP)

    assert again.status_code == 304
    assert again.content == b""
    other = client.get(address, HTTP_IF_NONE_MATCH='"0000"', **PLAYER, **GZIP)
    assert other.status_code == 200


def test_gzip_refused_with_q_zero_is_not_sent(client, h5p):
    response = client.get(
        f"/h5p/assets/v{assets_version()}/frame.bundle.js",
        HTTP_ACCEPT_ENCODING="gzip;q=0, identity",
        **PLAYER,
    )

    assert "Content-Encoding" not in response


def test_library_file_under_its_checksum_is_compressed_and_immutable(client, h5p):
    checksum = h5p.content.main_library.checksum[:16]

    response = client.get(
        f"/h5p/libraries/H5P.DigiskillsQuiz-1.1.0@{checksum}/quiz.js", **PLAYER, **GZIP
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Content-Encoding"] == "gzip"
    assert response["Cache-Control"] == IMMUTABLE
    assert b"H5P.DigiskillsQuiz" in gzip.decompress(response.content)


def test_library_file_under_another_checksum_is_not_found(client, h5p):
    response = client.get(
        "/h5p/libraries/H5P.DigiskillsQuiz-1.1.0@0123456789abcdef/quiz.js", **PLAYER, **GZIP
    )

    assert response.status_code == 404


def test_library_file_without_checksum_is_cached_briefly(client, h5p):
    response = client.get("/h5p/libraries/H5P.DigiskillsQuiz-1.1.0/quiz.js", **PLAYER, **GZIP)

    assert response.status_code == 200
    assert response["Cache-Control"] == SHORT


def test_player_page_itself_is_never_cached(client, h5p, learner):
    response = client.get(f"/h5p/play/{h5p.token(learner)}/", **PLAYER, **GZIP)

    assert response["Cache-Control"] == "no-store"
