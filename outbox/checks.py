"""A system check: Redis must not deliver a running or waiting task twice."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def visibility_timeout_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The broker's visibility timeout exceeds the longest task plus the longest
    countdown a message may carry; the soft time limit comes before the hard one."""
    problems = []
    longest = settings.CELERY_TASK_TIME_LIMIT + settings.CELERY_MAX_COUNTDOWN
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    if timeout <= longest:
        problems.append(
            checks.Warning(
                f"CELERY_VISIBILITY_TIMEOUT ({timeout} s) is not longer than the task time "
                f"limit plus the longest countdown ({longest} s): Redis would deliver a "
                "running or waiting task a second time.",
                id="outbox.W001",
            )
        )
    if settings.CELERY_TASK_SOFT_TIME_LIMIT >= settings.CELERY_TASK_TIME_LIMIT:
        problems.append(
            checks.Warning(
                "CELERY_TASK_SOFT_TIME_LIMIT should be below CELERY_TASK_TIME_LIMIT, so that "
                "a task can save its progress before it is killed.",
                id="outbox.W002",
            )
        )
    return problems
