"""A crowd arriving at once: 1,000 learners over a minute, each opening the
catalogue and the course, enrolling, reading lessons and marking them done,
taking the quiz and looking at their progress, against the real server
(gunicorn, production settings, PostgreSQL).

    python -m benchmarks.crowd [--learners 1000] [--over 60] [--seed 21]

An open model: learners arrive at seeded random times whatever the server's
pace (unlike benchmarks/load.py, whose connections wait for each answer), so a
slow server makes the crowd pile up as it would in a classroom or a campaign.
Each learner is a coroutine of one client process (asyncio, plain sockets, no
third-party client): the driver stays light on the CPU the server needs.

Accounts are prepared like benchmarks/learning.py's: fresh learners with a
session made on the server (signing up is a password hash each, and is not
what this scenario measures). Everything else goes as a browser goes: the CSRF
cookie and the form's token read from the pages, redirects followed, the quiz
answered from the choices the attempt page offers.
"""

import argparse
import asyncio
import contextlib
import datetime
import gzip
import json
import os
import random
import re
import resource
import signal
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from benchmarks.server import ROOT, django_in_process, gunicorn

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/digiskills_bench"
STEPS = (
    "catalogue",
    "course",
    "enrol",
    "lesson",
    "done",
    "quiz_lesson",
    "quiz_start",
    "attempt",
    "submit",
    "result",
    "progress",
)
# At most this many requests in flight from the client (open sockets); the
# rest wait in the client, and that wait counts in their time.
IN_FLIGHT = 400
REQUEST_TIMEOUT = 120.0

_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_ENROL = re.compile(r'action="(/[a-z]{2}/learning/courses/\d+/enrol/)"')
_DONE = re.compile(r'action="(/[a-z]{2}/learning/lessons/\d+/done/)"')
_START = re.compile(r'action="(/[a-z]{2}/learning/lessons/\d+/activities/[^/"]+/start/)"')
_SUBMIT = re.compile(r'action="(/[a-z]{2}/learning/attempts/[0-9a-f-]+/submit/)"')
_CHOICE = re.compile(r'name="q-([^"]+)" id="[^"]*" value="([^"]+)"')


# --- Preparing: the course, the learners and their sessions ------------------------


@dataclass(frozen=True)
class Plan:
    catalogue: str
    course: str
    quiz_lesson: str
    cookies: list[dict[str, str]]


def prepare(*, learners: int, seed: int) -> Plan:
    """The 200-lesson bench course (benchmarks/learning.py) and `learners`
    fresh accounts, each signed in by a session made here."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    import benchmarks.scenarios  # noqa: F401 - loads benchmarks.learning in its order
    from benchmarks.learning import _course
    from courses.models import CatalogPage, LessonPage
    from lms.models import User

    course = _course()
    catalogue = CatalogPage.objects.ancestor_of(course).get()
    quiz_lesson = (
        LessonPage.objects.descendant_of(course).filter(slug="l19").order_by("path").first()
    )
    # Fresh learners for every run (none enrolled yet): the run's time names them.
    run = f"crowd-{int(time.time())}"
    users = User.objects.bulk_create(
        [
            User(
                username=f"{run}-{n}",
                password="!crowd",  # noqa: S106 - an unusable password
                display_name=f"Crowd learner {n}",
                preferred_language="en",
            )
            for n in range(learners)
        ]
    )
    expires = timezone.now() + datetime.timedelta(hours=2)
    sessions, cookies = [], []
    backend = settings.AUTHENTICATION_BACKENDS[0]
    for user in users:
        store = SessionStore()
        key = store._get_new_session_key()
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        sessions.append(
            Session(session_key=key, session_data=store.encode(data), expire_date=expires)
        )
        cookies.append({settings.SESSION_COOKIE_NAME: key})
    Session.objects.bulk_create(sessions, batch_size=1000)
    random.Random(seed).shuffle(cookies)
    return Plan(catalogue.url, course.url, quiz_lesson.url, cookies)


# --- The client: one HTTP/1.1 request per connection, as gunicorn's sync workers serve ----


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: str

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k == name), "")


class Failed(Exception):
    pass


def _dechunk(data: bytes) -> bytes:
    out, rest = bytearray(), data
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)


async def http(port: int, method: str, path: str, cookies: dict, form=None) -> Reply:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            "Connection: close",
            "Accept: text/html",
            "Accept-Encoding: gzip",
            "Accept-Language: en",
            "User-Agent: digiskills-crowd",
        ]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        body = b""
        if form is not None:
            body = urlencode(form).encode()
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        data = await reader.read()
    finally:
        writer.close()
    head, _, payload = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = []
    for line in header_lines:
        name, _, value = line.partition(":")
        headers.append((name.strip().lower(), value.strip()))
    reply = Reply(int(status_line.split(" ")[1]), headers, "")
    if reply.header("transfer-encoding") == "chunked":
        payload = _dechunk(payload)
    if reply.header("content-encoding") == "gzip":
        payload = gzip.decompress(payload)
    for name, value in headers:
        if name == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            if val and "max-age=0" not in value.lower():
                cookies[key.strip()] = val
            else:
                cookies.pop(key.strip(), None)
    reply.body = payload.decode("utf-8", "replace")
    return reply


# --- The learners ---------------------------------------------------------------------


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STEPS})
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STEPS, 0))
    samples: list[str] = field(default_factory=list)
    completed: int = 0
    requests: int = 0
    stopped: bool = False


class Learner:
    def __init__(self, n: int, plan: Plan, port: int, stats: Stats, gate, rng, lessons: int):
        self.n, self.plan, self.port, self.stats, self.gate = n, plan, port, stats, gate
        self.rng, self.lessons = rng, lessons
        self.cookies = dict(plan.cookies[n])

    async def step(self, name: str, method: str, path: str, form=None, expect=200) -> Reply:
        started = time.perf_counter()
        try:
            async with self.gate:
                reply = await asyncio.wait_for(
                    http(self.port, method, path, self.cookies, form), REQUEST_TIMEOUT
                )
        except (TimeoutError, OSError, ValueError, IndexError) as error:
            reply, problem = None, f"{type(error).__name__} {error}"
        else:
            problem = "" if reply.status == expect else f"status {reply.status}"
        self.stats.latencies[name].append((time.perf_counter() - started) * 1000)
        self.stats.requests += 1
        if problem:
            self.stats.errors[name] += 1
            if len(self.stats.samples) < 10:
                self.stats.samples.append(f"{name} {method} {path}: {problem}")
            raise Failed(name)
        return reply

    def _find(self, pattern: re.Pattern, reply: Reply, name: str) -> str:
        match = pattern.search(reply.body)
        if match is None:
            self.stats.errors[name] += 1
            if len(self.stats.samples) < 10:
                self.stats.samples.append(f"{name}: {pattern.pattern} not on the page")
            raise Failed(name)
        return match.group(1)

    async def pause(self, think: float) -> None:
        if think:
            await asyncio.sleep(self.rng.expovariate(1 / think))

    async def run(self, think: float) -> None:
        plan = self.plan
        await self.step("catalogue", "GET", plan.catalogue)
        await self.pause(think)
        page = await self.step("course", "GET", plan.course)
        action = self._find(_ENROL, page, "course")
        token = self._find(_TOKEN, page, "course")
        await self.pause(think)
        reply = await self.step("enrol", "POST", action, {"csrfmiddlewaretoken": token}, expect=302)
        location = reply.header("location")
        for _ in range(self.lessons):
            page = await self.step("lesson", "GET", location)
            action = self._find(_DONE, page, "lesson")
            token = self._find(_TOKEN, page, "lesson")
            await self.pause(think)
            reply = await self.step(
                "done", "POST", action, {"csrfmiddlewaretoken": token}, expect=302
            )
            location = reply.header("location")
        page = await self.step("quiz_lesson", "GET", plan.quiz_lesson)
        action = self._find(_START, page, "quiz_lesson")
        token = self._find(_TOKEN, page, "quiz_lesson")
        reply = await self.step(
            "quiz_start", "POST", action, {"csrfmiddlewaretoken": token}, expect=302
        )
        page = await self.step("attempt", "GET", reply.header("location"))
        action = self._find(_SUBMIT, page, "attempt")
        token = self._find(_TOKEN, page, "attempt")
        choices: dict[str, list[str]] = {}
        for key, choice in _CHOICE.findall(page.body):
            choices.setdefault(key, []).append(choice)
        if not choices:
            self._find(_CHOICE, page, "attempt")
        answers = [("csrfmiddlewaretoken", token)]
        answers += [(f"q-{key}", self.rng.choice(ids)) for key, ids in sorted(choices.items())]
        await self.pause(think)
        reply = await self.step("submit", "POST", action, answers, expect=302)
        await self.step("result", "GET", reply.header("location"))
        await self.pause(think)
        await self.step("progress", "GET", "/en/learning/")
        self.stats.completed += 1


async def crowd(
    *, plan: Plan, port: int, learners: int, over: float, seed: int, think: float, lessons: int
) -> tuple[Stats, float]:
    rng = random.Random(seed)
    arrivals = sorted(rng.uniform(0, over) for _ in range(learners))
    stats = Stats()
    gate = asyncio.Semaphore(IN_FLIGHT)
    started = time.perf_counter()

    async def arrive(n: int, at: float) -> None:
        await asyncio.sleep(max(0.0, at - (time.perf_counter() - started)))
        learner = Learner(n, plan, port, stats, gate, random.Random(seed * 100_003 + n), lessons)
        with contextlib.suppress(Failed):
            await learner.run(think)

    async def tell() -> None:
        while True:
            await asyncio.sleep(15)
            print(
                f"{time.perf_counter() - started:6.0f} s: {stats.requests} requests, "
                f"{stats.completed} learners done, {sum(stats.errors.values())} errors",
                flush=True,
            )

    teller = asyncio.ensure_future(tell())
    everyone = asyncio.gather(*(arrive(n, at) for n, at in enumerate(arrivals)))
    # Stopped early (Ctrl-C, a time limit's SIGTERM): the figures so far are
    # still reported, for the learners who completed by then.
    loop = asyncio.get_running_loop()
    stopped = []

    def stop() -> None:
        stopped.append(True)
        everyone.cancel()

    for name in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(name, stop)
    with contextlib.suppress(asyncio.CancelledError):
        await everyone
    teller.cancel()
    if stopped:
        stats.stopped = True
    return stats, time.perf_counter() - started


async def warm_up(*, plan: Plan, port: int, workers: int) -> None:
    """Each worker's first pages (imports, templates, URL maps) before the crowd
    comes: what is measured is a running server, not its start."""
    for path in (plan.catalogue, plan.course, plan.quiz_lesson, "/en/learning/"):
        for _ in range(2 * workers):
            await http(port, "GET", path, dict(plan.cookies[0]))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(stats: Stats, *, seconds: float, learners: int, over: float) -> dict:
    rows = []
    print(f"\n{'step':<12} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name in STEPS:
        values = stats.latencies[name]
        row = {
            "step": name,
            "requests": len(values),
            "errors": stats.errors[name],
            "p50_ms": round(percentile(values, 50), 1),
            "p95_ms": round(percentile(values, 95), 1),
            "p99_ms": round(percentile(values, 99), 1),
        }
        rows.append(row)
        print(
            f"{name:<12} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>8.1f} "
            f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f}"
        )
    everything = [v for values in stats.latencies.values() for v in values]
    summary = {
        "learners": learners,
        "arriving_over_s": over,
        "completed": stats.completed,
        "requests": stats.requests,
        "errors": sum(stats.errors.values()),
        "duration_s": round(seconds, 1),
        "throughput_rps": round(stats.requests / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(everything, 50), 1),
        "p95_ms": round(percentile(everything, 95), 1),
        "p99_ms": round(percentile(everything, 99), 1),
        "steps": rows,
        "error_samples": stats.samples,
        "stopped_early": stats.stopped,
    }
    print(
        f"\n{stats.completed}/{learners} learners completed, {stats.requests} requests, "
        f"{summary['errors']} errors, {summary['duration_s']} s, "
        f"{summary['throughput_rps']} req/s; all requests p50 {summary['p50_ms']} ms, "
        f"p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms"
    )
    for sample in stats.samples:
        print(f"  e.g. {sample}")
    if stats.stopped:
        print("STOPPED before every learner was done: the figures cover the run so far")
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--over", type=float, default=60.0, help="seconds over which they arrive")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--lessons", type=int, default=3, help="lessons each marks done")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between pages (s)")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2))
    args = parser.parse_args()
    # A time limit's SIGTERM stops the run as Ctrl-C does: the server started
    # below is stopped with it, never left running.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DB
    broker = os.environ.get("CELERY_BROKER_URL")
    commands = (("migrate", "--no-input"), ("collectstatic", "--no-input"))
    if not django_in_process(database_url, commands=commands):
        return 2
    started = time.perf_counter()
    plan = prepare(learners=args.learners, seed=args.seed)
    print(f"prepared {args.learners} learners in {time.perf_counter() - started:.1f}s")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))

    # The server shares this process's settings (the secret key signs the
    # sessions made above) and, as in production, sends tasks to the broker.
    env = {**os.environ}
    if broker:
        env["CELERY_BROKER_URL"] = broker
    with gunicorn(env, workers=args.workers) as port:
        asyncio.run(warm_up(plan=plan, port=port, workers=args.workers))
        stats, seconds = asyncio.run(
            crowd(
                plan=plan,
                port=port,
                learners=args.learners,
                over=args.over,
                seed=args.seed,
                think=args.think,
                lessons=args.lessons,
            )
        )
    summary = report(stats, seconds=seconds, learners=args.learners, over=args.over)
    summary.update({"workers": args.workers, "think_s": args.think, "seed": args.seed})
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    path = out / time.strftime("crowd-%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(summary, indent=2))
    print(f"\nsaved {path.relative_to(ROOT)}")
    return 1 if summary["errors"] or summary["stopped_early"] else 0


if __name__ == "__main__":
    sys.exit(main())
