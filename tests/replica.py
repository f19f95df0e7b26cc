"""Marks for the tests of reads from the read replica (config/db_router.py)."""

import pytest
from django.conf import settings

# On PostgreSQL the test settings make "replica" a test mirror of default: the
# tests commit their data (a mirror never sees another connection's open
# transaction) and need both connections.
REPLICA_TEST = [
    pytest.mark.skipif(
        "replica" not in settings.DATABASES,
        reason="the test settings configure a replica on PostgreSQL only",
    ),
    pytest.mark.django_db(
        transaction=True, serialized_rollback=True, databases=["default", "replica"]
    ),
]
