"""The crowd scenario (benchmarks/crowd.py) finds on the real pages what a
learner clicks: the enrol, "mark as done", quiz start and submit forms, their
CSRF token and the quiz's choices; and its HTTP client reads what gunicorn
sends (chunked, gzip, cookies)."""

import asyncio
import gzip

import pytest

from benchmarks import crowd
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_scenario_finds_every_form_a_learner_uses(client, home_page):
    tree = course_tree(home_page)
    client.force_login(UserFactory(preferred_language="en"))

    course = client.get(tree.course.url).content.decode()
    enrol = crowd._ENROL.search(course).group(1)
    assert crowd._TOKEN.search(course)
    lesson_url = client.post(enrol)["Location"]
    lesson = client.get(lesson_url).content.decode()
    assert crowd._DONE.search(lesson)
    quiz = client.get(tree.practice_lesson.url).content.decode()
    attempt_url = client.post(crowd._START.search(quiz).group(1))["Location"]
    attempt = client.get(attempt_url).content.decode()

    assert crowd._SUBMIT.search(attempt)
    choices: dict[str, list[str]] = {}
    for key, choice in crowd._CHOICE.findall(attempt):
        choices.setdefault(key, []).append(choice)
    assert choices
    assert all(len(ids) >= 2 for ids in choices.values())


def test_the_client_reads_chunked_gzip_and_keeps_cookies():
    body = gzip.compress(b"<p>Lesson done.</p>")
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)

    async def answer(reader, writer):
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 302 Found\r\nLocation: /en/next/\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Encoding: gzip\r\nSet-Cookie: csrftoken=abc; Path=/; Secure\r\n"
            b'Set-Cookie: messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0\r\n\r\n'
            + chunked
        )
        await writer.drain()
        writer.close()

    async def scenario():
        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        cookies = {"sessionid": "s", "messages": "old"}
        async with server:
            reply = await crowd.http(port, "POST", "/en/done/", cookies, [("a", "1")])
        return reply, cookies

    reply, cookies = asyncio.run(scenario())

    assert reply.status == 302
    assert reply.header("location") == "/en/next/"
    assert reply.body == "<p>Lesson done.</p>"
    assert cookies == {"sessionid": "s", "csrftoken": "abc"}
