"""The bounded reader of dropped PDFs: it finds the attached credential and the
claimed language, and a child process that overruns its time or memory is
stopped and reaped."""

import os

import pytest

from benchmarks import hostile_pdfs
from certificates import pdf_probe
from certificates.tests.helpers import (
    issue_after_exam,
    issued_pdf,
    pdf_with_attachment,
    pdf_without_credential,
)


@pytest.fixture
def forked(monkeypatch) -> list[int]:
    """The pids of the children the probe forks (only those: the test process
    may have others, such as a Celery worker of the suite)."""
    pids = []
    fork = os.fork

    def recording_fork() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    return pids


def _reaped(pids: list[int]) -> bool:
    """Every child the probe forked is gone and collected (no zombie)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(pids)


@pytest.mark.django_db
def test_it_reads_the_credential_and_the_language_of_our_pdf(security_course, learner, forked):
    certificate = issue_after_exam(user=learner, course=security_course)
    found = pdf_probe.probe(issued_pdf(certificate, "fr"))
    assert found == pdf_probe.Probe(pdf_probe.CREDENTIAL, certificate.credential_jwt.encode(), "fr")
    assert _reaped(forked)


def test_a_pdf_without_the_attachment_has_none():
    assert pdf_probe.probe(pdf_without_credential()).outcome == pdf_probe.NONE
    other = pdf_with_attachment(b"hello", name="notes.txt")
    assert pdf_probe.probe(other).outcome == pdf_probe.NONE


def test_an_attachment_bomb_stops_at_the_credential_ceiling():
    found = pdf_probe.read(hostile_pdfs.attachment_bomb(size=200_000))
    assert found.outcome == pdf_probe.TOO_COMPLEX


def test_an_attachment_just_under_the_ceiling_is_read():
    data = b"x" * pdf_probe.MAX_CREDENTIAL_BYTES
    found = pdf_probe.probe(pdf_with_attachment(data))
    assert (found.outcome, len(found.credential)) == (pdf_probe.CREDENTIAL, len(data))
    over = pdf_probe.probe(pdf_with_attachment(data + b"x"))
    assert over.outcome == pdf_probe.TOO_COMPLEX


def test_a_child_over_its_time_is_killed_and_reaped(forked):
    found = pdf_probe.probe(hostile_pdfs.broken_xref(), seconds=0.05)
    assert found.outcome == pdf_probe.TOO_COMPLEX
    assert _reaped(forked)


def test_a_child_over_its_memory_stops_and_says_too_complex(monkeypatch, forked):
    # 1 MB above what the child maps, and a reading that needs 64 MB at once
    # (how much a real parse needs depends on the free heap it inherits).
    def greedy(data: bytes):
        bytearray(64 * 1024 * 1024)
        return pdf_probe.Probe(pdf_probe.NONE)

    monkeypatch.setattr(pdf_probe, "MEMORY_BYTES", 1024 * 1024)
    monkeypatch.setattr(pdf_probe, "read", greedy)
    found = pdf_probe.probe(b"%PDF-1.7", seconds=5)
    assert found.outcome == pdf_probe.TOO_COMPLEX
    assert _reaped(forked)


def test_a_child_within_its_memory_answers(monkeypatch, forked):
    def modest(data: bytes):
        bytearray(512 * 1024)
        return pdf_probe.Probe(pdf_probe.NONE)

    monkeypatch.setattr(pdf_probe, "MEMORY_BYTES", 16 * 1024 * 1024)
    monkeypatch.setattr(pdf_probe, "read", modest)
    assert pdf_probe.probe(b"%PDF-1.7", seconds=5).outcome == pdf_probe.NONE
    assert _reaped(forked)


def test_more_pages_than_a_certificate_has_is_too_complex():
    assert pdf_probe.read(hostile_pdfs.many_pages(pages=pdf_probe.MAX_PAGES)).outcome == (
        pdf_probe.NONE
    )
    assert pdf_probe.read(hostile_pdfs.many_pages(pages=pdf_probe.MAX_PAGES + 1)).outcome == (
        pdf_probe.TOO_COMPLEX
    )


def test_a_name_tree_cycle_is_too_complex():
    assert pdf_probe.read(hostile_pdfs.name_tree_maze(size=20_000)).outcome == (
        pdf_probe.TOO_COMPLEX
    )
