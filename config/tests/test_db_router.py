"""The read replica: off unless configured, only where the code asks for it,
never inside a transaction, never for writes or migrations."""

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from config.db_router import ReplicaRouter, reading_from_replica, replica_alias
from lms.models import User

needs_replica = pytest.mark.skipif(
    "replica" not in __import__("django.conf").conf.settings.DATABASES,
    reason="the test settings configure a replica on PostgreSQL only",
)


def test_without_replica_reads_stay_on_default(settings):
    settings.DATABASE_REPLICA_READS = False
    assert replica_alias() == "default"
    with reading_from_replica() as alias:
        assert alias == "default"
        assert ReplicaRouter().db_for_read(User) == "default"


def test_the_router_sends_writes_and_migrations_to_default_and_other_reads_nowhere_special():
    router = ReplicaRouter()
    assert router.db_for_write(User) == "default"
    assert router.db_for_read(User) is None  # outside reading_from_replica
    assert router.allow_migrate("default", "lms") is True
    assert router.allow_migrate("replica", "lms") is False


@needs_replica
def test_the_switch_is_off_again_after_the_block(settings):
    settings.DATABASE_REPLICA_READS = True
    with reading_from_replica():
        with reading_from_replica():
            pass
        assert ReplicaRouter().db_for_read(User) == "replica"
    assert ReplicaRouter().db_for_read(User) is None


@needs_replica
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_reads_in_the_block_go_to_the_replica_connection(settings):
    settings.DATABASE_REPLICA_READS = True
    User.objects.create(username="committed")
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_default,
    ):
        with reading_from_replica():
            names = list(User.objects.values_list("username", flat=True))
        User.objects.count()  # after the block: default
    assert names == ["committed"]  # the mirror sees what default committed
    assert len(on_replica) == 1 and "lms_user" in on_replica[0]["sql"]
    assert len(on_default) == 1


@needs_replica
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_reads_inside_a_transaction_stay_on_default(settings):
    settings.DATABASE_REPLICA_READS = True
    with CaptureQueriesContext(connections["replica"]) as on_replica, transaction.atomic():
        User.objects.create(username="not yet committed")
        assert replica_alias() == "default"
        with reading_from_replica():
            # Its own write is visible: read where it was written.
            assert User.objects.filter(username="not yet committed").exists()
    assert len(on_replica) == 0
