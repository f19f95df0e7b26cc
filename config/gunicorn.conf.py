"""gunicorn's settings for production, from the environment:
`gunicorn -c config/gunicorn.conf.py config.wsgi:application`.

Sync workers: every page is short CPU work plus a few database and Redis
round trips; slow clients are nginx's business (it buffers requests and
responses), so a worker is never held by a phone on 3G. See the README,
"From one machine to many"."""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's own advice, 2 × cores + 1; each worker keeps one database
# connection (DATABASE_CONN_MAX_AGE), count them against PostgreSQL's or
# PgBouncer's limit.
workers = _int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"
# A request over this is killed and logged (the longest pages, fund reports
# and exports of tens of thousands of rows, stay well under 30 s).
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind nginx/a load balancer that keeps connections to us open.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle a worker now and then (memory of pandas, PDF rendering), not all at once.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "warning")
