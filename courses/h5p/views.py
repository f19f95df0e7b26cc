"""H5P playback on the player origin (H5P_PLAYER_ORIGIN, routed by
courses.h5p.origin, no cookies): the player page of one activity, its library
files, its media and the player's own scripts; access only by the signed token
in the address (courses.h5p.tokens).

What the player reports goes to the platform's bridge (lms.views.h5p); the
learner's saved state comes from lms through `courses.h5p.hooks`.
"""

import re

from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from courses.h5p.delivery import (
    COMPRESS_MAX_BYTES,
    IMMUTABLE,
    SHORT,
    asset_path,
    assets_url,
    assets_version,
    compressible,
    payload,
    respond,
    split_version,
)
from courses.h5p.hooks import saved_state_read
from courses.h5p.player import (
    h5p_content_by_uuid,
    h5p_file_open,
    h5p_integration_content,
    h5p_library_file,
    h5p_media_file,
)
from courses.h5p.selectors import h5p_content_waiting_for
from courses.h5p.tokens import (
    PAGE_MAX_AGE,
    SESSION_MAX_AGE,
    platform_origin,
    player_origin,
    player_token_read,
)

EXPIRED = (
    "This exercise link has expired: reload the lesson page. / "
    "Deze link is verlopen: laad de les opnieuw. / "
    "Ce lien a expiré : rechargez la leçon. / "
    "Dieser Link ist abgelaufen: Laden Sie die Lektion neu."
)
WAITING = (
    "This exercise is not available yet. / Deze oefening is nog niet beschikbaar. / "
    "Cet exercice n'est pas encore disponible. / Diese Übung ist noch nicht verfügbar."
)
RANGE_MAX_BYTES = 4 * 1024 * 1024
# One range only ("bytes=0-", "bytes=100-199", "bytes=-500"): what media
# elements ask for.
_RANGE = re.compile(r"^bytes=(\d{0,15})-(\d{0,15})$")
_ASSET = re.compile(r"^[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*\.(?:js|css|woff2?|gif|svg)$")


# --- Player origin ------------------------------------------------------------


def player_page(request: HttpRequest, token: str) -> HttpResponse:
    """The page inside the sandboxed frame: H5P core, the activity's libraries,
    its parameters and the learner's saved state."""
    session = player_token_read(token, max_age=PAGE_MAX_AGE)
    if session is None:
        return HttpResponse(EXPIRED, status=403, content_type="text/plain; charset=utf-8")
    content = h5p_content_by_uuid(key=session.content_uuid)
    if content is None:
        raise Http404
    # One read of its libraries, for the approval check and the load order.
    prefetch_related_objects([content], "libraries")
    if h5p_content_waiting_for(content=content):
        # Its library code is not approved yet: nothing of it is served.
        return HttpResponse(WAITING, status=409, content_type="text/plain; charset=utf-8")
    content_id = "1"
    origin = player_origin()
    entry = h5p_integration_content(
        content=content,
        content_url=f"{origin}/h5p/play/{token}/content",
        state=saved_state_read(
            user_id=session.user_id,
            lesson_id=session.lesson_id,
            activity_key=session.activity_key,
            content_uuid=session.content_uuid,
        ),
    )
    integration = {
        "baseUrl": origin,
        "url": f"{origin}/h5p",
        "siteUrl": origin,
        "postUserStatistics": False,
        "ajax": {"setFinished": "", "contentUserData": ""},
        # Truthy, or H5P core would not hand the saved state to the content;
        # the saves themselves go to the platform by message (bridge.js).
        "saveFreq": 15,
        "fullscreenDisabled": 1,
        "hubIsEnabled": False,
        "reportingIsEnabled": False,
        "l10n": {"H5P": {}},
        "core": {"scripts": [], "styles": []},
        "loadedJs": entry["scripts"],
        "loadedCss": entry["styles"],
        "contents": {f"cid-{content_id}": entry},
    }
    response = render(
        request,
        "courses/h5p/player.html",
        {
            "content": content,
            "content_id": content_id,
            "assets": assets_url(),
            "integration": integration,
            "bridge": {"platformOrigin": platform_origin()},
            "scripts": entry["scripts"],
            "styles": entry["styles"],
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def _file_response(file, *, cache: str) -> HttpResponse:
    stream = h5p_file_open(file=file)
    if stream is None:
        raise Http404
    response = FileResponse(stream, content_type=file.content_type)
    response["Cache-Control"] = cache
    return response


def _public(response: HttpResponse) -> HttpResponse:
    """Readable from any origin, the sandboxed frame's opaque one ("null")
    included: a font is fetched in CORS mode, and without this header the
    browser refuses H5P's icon fonts to the frame. Only for vetted code that
    is the same for everyone and needs no credentials (library files, the
    player's own assets); never for an activity's media or the player page."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def player_media(request: HttpRequest, token: str, path: str) -> HttpResponse:
    """A media file of the activity the token names, by its declared path."""
    session = player_token_read(token, max_age=SESSION_MAX_AGE)
    if session is None:
        return HttpResponse(EXPIRED, status=403, content_type="text/plain; charset=utf-8")
    content = h5p_content_by_uuid(key=session.content_uuid)
    file = h5p_media_file(content=content, path=path) if content else None
    if file is None:
        raise Http404
    match = _RANGE.match(request.headers.get("Range", ""))
    if match is None:
        response = _file_response(file, cache="private, max-age=3600")
        response["Accept-Ranges"] = "bytes"
        return response
    return _range_response(file, match)


def _range_response(file, match) -> HttpResponse:
    """One byte range of a media file (206): browsers seek in audio and video
    only when the server answers ranges (an InteractiveVideo resumes at the
    second the learner left)."""
    stream = h5p_file_open(file=file)
    if stream is None:
        raise Http404
    with stream:
        size = stream.size
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        elif last:
            start, end = max(size - int(last), 0), size - 1
        else:
            start, end = size, size
        if start > end or start >= size:
            refused = HttpResponse(status=416)
            refused["Content-Range"] = f"bytes */{size}"
            return refused
        # A server may answer less than asked: at most RANGE_MAX_BYTES at once.
        end = min(end, start + RANGE_MAX_BYTES - 1)
        stream.seek(start)
        data = stream.read(end - start + 1)
    response = HttpResponse(data, status=206, content_type=file.content_type)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def player_library_file(request: HttpRequest, folder: str, path: str) -> HttpResponse:
    """A file of an installed library version (vetted code, the same for every
    learner). Under its checksum (`Name-1.2.3@<checksum>`, the address the
    player page uses) it is cached for a year; text is sent compressed."""
    file = h5p_library_file(folder=folder, path=path)
    if file is None:
        raise Http404
    if compressible(file.content_type):
        stream = h5p_file_open(file=file)
        if stream is None:
            raise Http404
        with stream:
            if stream.size <= COMPRESS_MAX_BYTES:
                body = payload(
                    request,
                    key=f"{file.storage_path}@{file.checksum}",
                    data=stream.read(),
                    content_type=file.content_type,
                )
                return _public(
                    respond(
                        request,
                        body=body,
                        content_type=file.content_type,
                        immutable=file.versioned,
                    )
                )
    response = _file_response(file, cache=IMMUTABLE if file.versioned else SHORT)
    return _public(response)


def player_asset(request: HttpRequest, path: str) -> HttpResponse:
    """H5P core (npm h5p-standalone, copied by frontend/build.mjs) and the
    player's own scripts: a fixed set of static files, served on the player
    origin so that its CSP needs nothing but 'self'. Under the current build
    version (`v<hash>/…`, the address the player page uses) cached for a year."""
    version, path = split_version(path)
    if not _ASSET.match(path) or ".." in path:
        raise Http404
    # The frame's own files (courses/h5p/player/), and nothing else of ours.
    found = asset_path(path)
    if not found:
        raise Http404
    content_type = {
        "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "gif": "image/gif",
        "svg": "image/svg+xml",
    }[path.rsplit(".", 1)[-1]]
    with open(found, "rb") as handle:
        data = handle.read()
    body = payload(request, key=found, data=data, content_type=content_type)
    # A stale version (a page made before a deployment) gets today's file,
    # briefly cached: never a year of the wrong bytes under that address.
    immutable = version is not None and version == assets_version()
    return _public(respond(request, body=body, content_type=content_type, immutable=immutable))
