"""A small closed-loop HTTP load generator: N connections, each in its own
process, sending keep-alive requests (GET, or POST for write scenarios) back
to back for a fixed time. It reports throughput and latency percentiles.
Traffic goes to 127.0.0.1 only."""

import http.client
import multiprocessing
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))
        return ordered[index]


def _client(args) -> tuple[int, int, list[float]]:
    host, port, paths, seconds, headers, method, body, answers = args
    conn = http.client.HTTPConnection(host, port, timeout=30)
    done = errors = 0
    latencies = []
    deadline = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < deadline:
        path = paths[i % len(paths)]
        i += 1
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            ok = response.status < 400 or response.status in answers
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
        latencies.append((time.perf_counter() - started) * 1000)
        done += 1
        errors += 0 if ok else 1
    conn.close()
    return done, errors, latencies


def run_load(
    *,
    host: str,
    port: int,
    paths: list[str],
    connections: int,
    seconds: float,
    headers: dict[str, str] | list[dict[str, str]] | None = None,
    method: str = "GET",
    body: bytes | None = None,
    answers: tuple[int, ...] = (),
) -> LoadResult:
    """Drive `paths` (round-robin per connection) with `connections` clients.
    `headers` may be a list: connection c sends headers[c % len] (e.g. one
    signed-in learner per connection)."""
    per_connection = headers if isinstance(headers, list) else [headers or {}]
    jobs = [
        (
            host,
            port,
            paths[c % len(paths) :] + paths[: c % len(paths)],
            seconds,
            per_connection[c % len(per_connection)],
            method,
            body,
            answers,
        )
        for c in range(connections)
    ]
    started = time.perf_counter()
    with multiprocessing.Pool(connections) as pool:
        parts = pool.map(_client, jobs)
    elapsed = time.perf_counter() - started
    latencies = [lat for _, _, lats in parts for lat in lats]
    return LoadResult(
        requests=sum(p[0] for p in parts),
        errors=sum(p[1] for p in parts),
        seconds=min(elapsed, seconds + 1) if elapsed else seconds,
        latencies_ms=latencies,
    )
