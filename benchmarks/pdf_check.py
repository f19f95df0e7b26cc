"""The anonymous PDF check against 5 MB hostile PDFs (benchmarks/hostile_pdfs.py).

    python -m benchmarks.pdf_check [rounds]

drops each hostile file on the public page and posts it to the JSON API
(Django's test client, every middleware, the configured database, migrated
first) and prints the wall time of each check, the verdict, and what the
forked parse costs over reading in the worker itself. It exits 1 when a check
took 2 s or more: the budget of the issue.

The `pdf-<kind>` scenarios of `make bench` post the same files to the JSON API
under gunicorn, quoted against the bare Django view."""

import json
import os
import statistics
import sys
import time

from benchmarks.hostile_pdfs import HOSTILE
from benchmarks.scenarios import Scenario

BUDGET_SECONDS = 2.0
API = "/api/certificates/verify"
PAGE = "/en/verify/pdf/"


def _scenario(kind: str) -> Scenario:
    return Scenario(
        f"pdf-{kind}",
        f"anonymous PDF check (JSON API) of a 5 MB hostile PDF: {kind}",
        lambda: [API],
        method="POST",
        body=HOSTILE[kind],
        headers=lambda: {"Content-Type": "application/pdf"},
        # The verdicts of refused files: not a failure of the server.
        answers=(413, 415, 422),
        env={"CERTIFICATES_VERIFY_RATE": "100000000/60"},
    )


PDF_CHECK_SCENARIOS = [_scenario(kind) for kind in HOSTILE]


def fork_overhead(samples: int = 30) -> dict:
    """Median milliseconds to read a 1 KB PDF in this process and in a forked
    child: the fixed price of the budget."""
    from benchmarks.hostile_pdfs import many_pages
    from certificates import pdf_probe

    data = many_pages(pages=1)

    def median_ms(read) -> float:
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            read(data)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    in_process = median_ms(pdf_probe.read)
    forked = median_ms(pdf_probe.probe)
    return {
        "in_process_ms": round(in_process, 2),
        "forked_ms": round(forked, 2),
        "overhead_ms": round(forked - in_process, 2),
    }


def hostile_benchmark(rounds: int = 3) -> dict:
    """Each hostile file `rounds` times through the page and the API."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.CERTIFICATES_VERIFY_RATE = "100000000/60"
    client = Client()
    # Warm-up: templates, translations and the site are loaded once per process.
    small = HOSTILE["many-pages"](pages=1)
    client.post(PAGE, {"file": SimpleUploadedFile("warm-up.pdf", small)})
    client.post(API, small, content_type="application/pdf")
    rows = []
    for kind, make in HOSTILE.items():
        data = make()
        page_times, api_times = [], []
        for _ in range(rounds):
            cache.clear()
            started = time.perf_counter()
            page = client.post(PAGE, {"file": SimpleUploadedFile(f"{kind}.pdf", data)})
            page_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            api = client.post(API, data, content_type="application/pdf")
            api_times.append(time.perf_counter() - started)
        rows.append(
            {
                "file": kind,
                "bytes": len(data),
                "verdict": api.json()["status"],
                "api_status": api.status_code,
                "page_status": page.status_code,
                "page_max_s": round(max(page_times), 3),
                "api_median_s": round(statistics.median(api_times), 3),
                "api_max_s": round(max(api_times), 3),
            }
        )
    worst = max(max(r["page_max_s"], r["api_max_s"]) for r in rows)
    return {
        # Other work on the machine shows in every figure.
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "rounds": rounds,
        "budget_s": BUDGET_SECONDS,
        "worst_s": worst,
        "files": rows,
        "fork": fork_overhead(),
    }


def main() -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    result = hostile_benchmark(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    print(
        f"{'file':<16} {'bytes':>8} {'verdict':<14} {'api':>4} {'page':>4} "
        f"{'page max s':>10} {'api p50 s':>9} {'api max s':>9}"
    )
    for row in result["files"]:
        print(
            f"{row['file']:<16} {row['bytes']:>8} {row['verdict']:<14} {row['api_status']:>4} "
            f"{row['page_status']:>4} {row['page_max_s']:>10.3f} {row['api_median_s']:>9.3f} "
            f"{row['api_max_s']:>9.3f}"
        )
    print(json.dumps({k: v for k, v in result.items() if k != "files"}, indent=2))
    return 0 if result["worst_s"] < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
