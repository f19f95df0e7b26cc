"""The player with real h5p.org exports: every library the activity needs, in
H5P core's order; library files and the player's assets readable from the
sandboxed frame's opaque origin (CORS), an activity's media and the player
page not; and the player's Content-Security-Policy, directive by directive."""

import re

import pytest

from courses.h5p.player import h5p_player_assets
from courses.tests.h5p_exports import h5p_export_activity
from lms.tests.h5p import h5p_value

pytestmark = pytest.mark.django_db

PLAYER = {"HTTP_HOST": "player.testserver"}


def _folder(url: str) -> str:
    return url.split("/")[3].rsplit("-", 1)[0]


def _position(urls: list[str], machine_name: str) -> int:
    return next(i for i, url in enumerate(urls) if _folder(url) == machine_name)


def test_accordion_loads_the_library_of_its_sub_content_before_itself(media_root):
    content = h5p_export_activity("H5P.Accordion")

    scripts, styles = h5p_player_assets(content=content)

    # H5P.AdvancedText is no dependency of H5P.Accordion: only the package's
    # h5p.json names it (the blanks's panels are AdvancedText sub-content).
    assert [_folder(url) for url in scripts] == ["H5P.AdvancedText", "H5P.Accordion"]
    assert re.match(
        r"^/h5p/libraries/H5P\.AdvancedText-1\.1\.\d+@[0-9a-f]{16}/text\.js$", scripts[0]
    )
    # FontAwesome (a style sheet, no script) before the blanks that uses it.
    assert _position(styles, "FontAwesome") < _position(styles, "H5P.Accordion")


@pytest.mark.parametrize(
    "name",
    ["H5P.CoursePresentation", "H5P.InteractiveVideo", "H5P.QuestionSet", "H5P.MultiChoice"],
)
def test_every_library_comes_after_the_ones_it_preloads(media_root, name):
    content = h5p_export_activity(name)
    pinned = {
        (r.machine_name, r.major_version, r.minor_version): r for r in content.libraries.all()
    }

    scripts, styles = h5p_player_assets(content=content)

    for urls, key in ((scripts, "preloadedJs"), (styles, "preloadedCss")):
        folders = [_folder(url) for url in urls]
        for row in pinned.values():
            if not row.metadata.get(key):
                continue
            # Each pinned library with files of this kind is loaded, once per file.
            assert folders.count(row.machine_name) == len(row.metadata[key]), row
            for item in row.metadata.get("preloadedDependencies") or []:
                dependency = pinned[
                    (item["machineName"], item["majorVersion"], item["minorVersion"])
                ]
                if dependency.metadata.get(key):
                    assert _position(urls, dependency.machine_name) < _position(
                        urls, row.machine_name
                    ), (dependency, row)


def test_sub_content_libraries_outside_the_main_librarys_tree_are_loaded(media_root):
    content = h5p_export_activity("H5P.QuestionSet")

    scripts, _styles = h5p_player_assets(content=content)

    folders = {_folder(url) for url in scripts}
    main_tree = {
        item["machineName"] for item in content.main_library.metadata["preloadedDependencies"]
    }
    assert {"H5P.MultiChoice", "H5P.DragQuestion", "H5P.Blanks"} <= folders
    assert not {"H5P.MultiChoice", "H5P.DragQuestion", "H5P.Blanks"} & main_tree
    assert not any(name.startswith("H5PEditor") for name in folders)


def _library(content, machine_name: str) -> str:
    row = content.libraries.get(machine_name=machine_name)
    return f"/h5p/libraries/{row.machine_name}-{row.version}"


@pytest.fixture
def blanks(tree, media_root, player_origin):
    content = h5p_export_activity("H5P.Blanks")
    lesson = tree.lessons[0]
    lesson.body.append(("h5p", h5p_value(content)))
    lesson.save_revision().publish()
    return content


def test_library_files_and_assets_are_readable_from_any_origin(client, blanks):
    font = client.get(
        f"{_library(blanks, 'FontAwesome')}/fontawesome-webfont.woff2", HTTP_ORIGIN="null", **PLAYER
    )
    script = client.get(f"{_library(blanks, 'H5P.Blanks')}/js/blanks.js", **PLAYER)
    core = client.get("/h5p/assets/frame.bundle.js", **PLAYER)
    bridge = client.get("/h5p/assets/player/bridge.js", **PLAYER)

    for response in (font, script, core, bridge):
        assert response.status_code == 200, response
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
    assert font["Content-Type"] == "font/woff2"


def test_media_and_the_player_page_are_not_readable_from_other_origins(
    client, blanks, tree, learner
):
    from courses.h5p.tokens import player_token_make

    token = player_token_make(
        user_id=learner.pk,
        lesson_id=tree.lessons[0].pk,
        activity_key="x",
        content_uuid=blanks.uuid,
    )
    media_path = blanks.media[0]["path"]
    media = client.get(f"/h5p/play/{token}/content/{media_path}", HTTP_ORIGIN="null", **PLAYER)
    page = client.get(f"/h5p/play/{token}/", HTTP_ORIGIN="null", **PLAYER)
    missing = client.get(f"{_library(blanks, 'FontAwesome')}/nothing.woff2", **PLAYER)

    assert media.status_code == page.status_code == 200
    assert "Access-Control-Allow-Origin" not in media
    assert "Access-Control-Allow-Origin" not in page
    assert missing.status_code == 404
    assert "Access-Control-Allow-Origin" not in missing


def test_player_policy_allows_what_content_types_need_and_no_more(client, blanks, tree, learner):
    from courses.h5p.tokens import player_token_make

    token = player_token_make(
        user_id=learner.pk,
        lesson_id=tree.lessons[0].pk,
        activity_key="x",
        content_uuid=blanks.uuid,
    )
    response = client.get(f"/h5p/play/{token}/", **PLAYER)

    directives = [
        item.strip().split(" ", 1) for item in response["Content-Security-Policy"].split(";")
    ]
    policy = dict(directives)
    assert len(policy) == len(directives)  # no directive given twice
    assert policy["default-src"] == "'none'"
    # EmbeddedJS compiles templates with new Function; still no inline or
    # remote script.
    assert policy["script-src"] == "'self' 'unsafe-eval'"
    # Style sheets from the player origin only; inline style attributes only.
    assert policy["style-src"] == "'self'"
    assert policy["style-src-attr"] == "'unsafe-inline'"
    assert policy["img-src"] == "'self' data: blob:"
    # A linked https video plays; no plain http, no other scheme.
    assert policy["media-src"] == "'self' data: blob: https:"
    assert policy["font-src"] == "'self' data:"
    assert policy["connect-src"] == "'none'"
    assert policy["frame-ancestors"] == "http://testserver"
    assert policy["form-action"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert set(policy) == {
        "default-src",
        "script-src",
        "style-src",
        "style-src-attr",
        "img-src",
        "media-src",
        "font-src",
        "connect-src",
        "frame-ancestors",
        "form-action",
        "base-uri",
    }
    assert not re.search(r"https?://(?!testserver)", response["Content-Security-Policy"])


def _media_url(blanks, tree, learner) -> str:
    from courses.h5p.tokens import player_token_make

    token = player_token_make(
        user_id=learner.pk, lesson_id=tree.lessons[0].pk, activity_key="x", content_uuid=blanks.uuid
    )
    return f"/h5p/play/{token}/content/{blanks.media[0]['path']}"


def test_media_answer_one_byte_range_so_that_video_can_seek(client, blanks, tree, learner):
    url = _media_url(blanks, tree, learner)
    whole = client.get(url, **PLAYER)
    data = b"".join(whole.streaming_content)

    middle = client.get(url, HTTP_RANGE="bytes=10-19", **PLAYER)
    end = client.get(url, HTTP_RANGE="bytes=-5", **PLAYER)
    rest = client.get(url, HTTP_RANGE=f"bytes={len(data) - 3}-", **PLAYER)

    assert whole["Accept-Ranges"] == "bytes"
    assert (middle.status_code, middle.content) == (206, data[10:20])
    assert middle["Content-Range"] == f"bytes 10-19/{len(data)}"
    assert middle["Content-Type"] == blanks.media[0]["content_type"]
    assert (end.status_code, end.content) == (206, data[-5:])
    assert (rest.status_code, rest.content) == (206, data[-3:])
    assert "Access-Control-Allow-Origin" not in middle


@pytest.mark.parametrize("header", ["bytes=999999999-", "bytes=20-10", "bytes=-0"])
def test_a_range_outside_the_file_is_refused(client, blanks, tree, learner, header):
    response = client.get(_media_url(blanks, tree, learner), HTTP_RANGE=header, **PLAYER)

    assert response.status_code == 416
    assert response["Content-Range"].startswith("bytes */")


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "items=0-9", "bytes=a-b"])
def test_a_range_not_understood_gets_the_whole_file(client, blanks, tree, learner, header):
    response = client.get(_media_url(blanks, tree, learner), HTTP_RANGE=header, **PLAYER)

    assert response.status_code == 200


def test_a_range_needs_a_valid_token(client, blanks):
    response = client.get(
        f"/h5p/play/forged/content/{blanks.media[0]['path']}", HTTP_RANGE="bytes=0-9", **PLAYER
    )

    assert response.status_code == 403
