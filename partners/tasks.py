"""Celery tasks of partners: thin wrappers that load a batch by id and call
its service. Both are safe to retry: the batch's state decides what runs."""

from celery import shared_task

from partners.services.imports import import_batch_commit, import_batch_validate


@shared_task(acks_late=True)
def import_validate(batch_id: int) -> str:
    batch = import_batch_validate(batch_id=batch_id)
    return batch.status if batch else "missing"


@shared_task(acks_late=True)
def import_commit(batch_id: int) -> str:
    batch = import_batch_commit(batch_id=batch_id)
    return batch.status if batch else "missing"
