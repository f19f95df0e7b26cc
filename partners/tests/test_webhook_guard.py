"""Webhooks reach public hosts only: every spelling of a private, local or
reserved address is refused at registration and again at delivery, plain http
does not open the door to private hosts, and a delivery connects to the very
address it checked (no DNS-rebinding window)."""

import socket
from urllib.parse import urlsplit

import pytest

from partners.models import WebhookDelivery, WebhookEndpoint
from partners.netguard import address_is_public, host_refusal
from partners.services.webhooks import (
    WebhookUrlError,
    webhook_delivery_attempt,
    webhook_event_emit,
    webhook_url_check,
)
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# Hosts that stand for a private, loopback, link-local or reserved address.
REFUSED_HOSTS = [
    "127.0.0.1",
    "127.0.0.2",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1",  # carrier-grade NAT
    "0.0.0.0",  # noqa: S104 (refused, not bound)
    "224.0.0.1",  # multicast
    "255.255.255.255",
    "240.0.0.1",  # reserved
    "2130706433",  # 127.0.0.1 in decimal
    "017700000001",  # in octal
    "0x7f000001",  # in hex
    "0x7f.1",
    "0177.0.0.1",
    "127.1",
    "3232235777",  # 192.168.1.1 in decimal
    "[::1]",
    "[::]",
    "[::127.0.0.1]",  # IPv4-compatible
    "[::ffff:127.0.0.1]",  # IPv4-mapped
    "[::ffff:10.0.0.1]",
    "[::ffff:7f00:1]",
    "[64:ff9b::127.0.0.1]",  # NAT64 carrying a private IPv4 address
    "[64:ff9b::a00:1]",
    "[64:ff9b:1::1]",  # local-use NAT64
    "[2002:7f00:1::]",  # 6to4 of 127.0.0.1
    "[2002:c0a8:101::1]",  # 6to4 of 192.168.1.1
    "[2001:0:4136:e378:8000:63bf:80ff:fffe]",  # Teredo
    "[fe80::1]",
    "[fe80::1%25eth0]",
    "[fc00::1]",
    "[fd12:3456::1]",
    "[ff02::1]",
    "localhost",
    "LOCALHOST.",
    "api.localhost",
    "printer.local",
    "metadata.google.internal",
    "intranet",
]


@pytest.fixture(autouse=True)
def production(settings):
    # Plain http stays allowed (the receiver is http); the private-host
    # checks must hold all the same.
    settings.PARTNERS_WEBHOOK_ALLOW_HTTP = True
    settings.PARTNERS_WEBHOOK_ALLOW_LOOPBACK = False


@pytest.mark.parametrize("host", REFUSED_HOSTS)
@pytest.mark.parametrize("scheme", ["https", "http"])
def test_a_non_public_host_is_refused_at_registration(scheme, host):
    with pytest.raises(WebhookUrlError):
        webhook_url_check(f"{scheme}://{host}/in")


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.example.be/in",
        "https://8.8.8.8/in",
        "https://[2a00:1450:4001:80b::200e]/in",
        "https://[::ffff:8.8.8.8]/in",
        "https://[64:ff9b::8.8.8.8]/in",
        "https://hooks.example.be:8443/in?x=1",
        "https://1password.com/in",
    ],
)
def test_a_public_host_is_accepted(url):
    assert webhook_url_check(url) == url


def test_allowing_http_does_not_allow_private_hosts(settings):
    settings.PARTNERS_WEBHOOK_ALLOW_HTTP = True
    with pytest.raises(WebhookUrlError):
        webhook_url_check("http://127.0.0.1:8000/in")
    assert webhook_url_check("http://hooks.example.be/in")


def test_the_loopback_setting_lets_in_loopback_and_nothing_else(settings):
    settings.PARTNERS_WEBHOOK_ALLOW_LOOPBACK = True
    for host in ("127.0.0.1", "[::1]", "localhost"):
        assert host_refusal(f"http://{host}:9/in") is None
    for host in ("10.1.2.3", "[::ffff:10.0.0.1]", "2130706433", "[::127.0.0.1]", "169.254.169.254"):
        assert host_refusal(f"http://{host}:9/in") is not None, host


def _delivery_to(url: str) -> WebhookDelivery:
    """An endpoint stored with `url` as if the rules had been looser when it was
    registered (or its name since pointed elsewhere), and one delivery to it."""
    organisation = OrganisationFactory()
    WebhookEndpoint.objects.create(
        organisation=organisation, url=url, events=["learner.enrolled"], secret="whsec_test"
    )
    [delivery] = webhook_event_emit(
        organisation_id=organisation.pk, event_type="learner.enrolled", data={}
    )
    return delivery


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",
        "0x7f000001",
        "0177.0.0.1",
        "127.1",
        "[::127.0.0.1]",
        "[::ffff:127.0.0.1]",
        "[64:ff9b::127.0.0.1]",
        "[2002:7f00:1::]",
        "[::1]",
        "0.0.0.0",  # noqa: S104 (refused, not bound)
        "localhost",
        "169.254.169.254",
    ],
)
def test_a_non_public_host_is_refused_at_delivery(receiver, host):
    port = urlsplit(receiver.url).port
    delivery = _delivery_to(f"http://{host}:{port}/hooks/digiskills")
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "retry"
    delivery.refresh_from_db()
    assert delivery.last_error.startswith(("refused", "the address does not resolve"))
    assert receiver.received == []


def test_delivery_refuses_a_name_with_any_private_address(receiver, monkeypatch):
    port = urlsplit(receiver.url).port
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if host == "hooks.example.be":
            public = real("8.8.8.8", port, type=socket.SOCK_STREAM)
            return public + real("127.0.0.1", port, type=socket.SOCK_STREAM)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    delivery = _delivery_to(f"http://hooks.example.be:{port}/in")
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "retry"
    delivery.refresh_from_db()
    assert "public host only" in delivery.last_error
    assert receiver.received == []


def test_delivery_connects_to_the_address_it_checked(receiver, monkeypatch, settings):
    """A name resolved once: the answer checked is the one connected to, with
    the name in the Host header; a second lookup (rebinding to another
    address) would not be used."""
    settings.PARTNERS_WEBHOOK_ALLOW_LOOPBACK = True  # the receiver is on 127.0.0.1
    port = urlsplit(receiver.url).port
    real = socket.getaddrinfo
    lookups = []

    def rebinding(host, *args, **kwargs):
        if host == "hooks.example.be":
            lookups.append(host)
            first = "127.0.0.1" if len(lookups) == 1 else "10.0.0.1"
            return real(first, port, type=socket.SOCK_STREAM)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    delivery = _delivery_to(f"http://hooks.example.be:{port}/hooks/digiskills?x=1")
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "delivered"
    assert lookups == ["hooks.example.be"]
    [received] = receiver.received
    assert received["headers"]["Host"] == f"hooks.example.be:{port}"
    assert received["path"] == "/hooks/digiskills?x=1"


def test_an_https_delivery_checks_the_certificate_for_the_name(monkeypatch, settings):
    """TLS to the pinned address still verifies the certificate for the name
    (SNI): a plain-http server answering there is not taken for the host."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    settings.PARTNERS_WEBHOOK_ALLOW_LOOPBACK = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_port
        real = socket.getaddrinfo
        monkeypatch.setattr(
            socket,
            "getaddrinfo",
            lambda host, *a, **k: real(
                "127.0.0.1" if host == "hooks.example.be" else host, *a, **k
            ),
        )
        delivery = _delivery_to(f"https://hooks.example.be:{port}/in")
        assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "retry"
        delivery.refresh_from_db()
        assert delivery.last_response_code is None
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("address", "public"),
    [("8.8.8.8", True), ("::ffff:8.8.8.8", True), ("64:ff9b::8.8.8.8", True), ("::8.8.8.8", False)],
)
def test_embedded_public_ipv4_addresses(address, public):
    import ipaddress

    assert address_is_public(ipaddress.ip_address(address)) is public
