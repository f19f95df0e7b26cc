"""Outgoing calls to partners' webhook addresses reach public hosts only.

`host_refusal` judges the host as written in the address (at registration and
again at each delivery): names of the local network, IP literals that are not
global, and every other spelling of an IP address that resolvers accept
(`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`, `[::127.0.0.1]`,
`[::ffff:10.0.0.1]`, NAT64 `[64:ff9b::a00:1]`, 6to4 and Teredo addresses
carrying a private IPv4 address...).

`resolve_public` resolves a name once and checks every address it gets;
`pinned_post` then connects to that very address, with the name in the Host
header and in TLS (SNI and certificate check), so the name cannot be pointed
elsewhere between the check and the connection (DNS rebinding).

PARTNERS_WEBHOOK_ALLOW_LOOPBACK lets a test receiver on 127.0.0.1 or ::1 in
(tests and local development); nothing else non-global ever passes."""

import http.client
import ipaddress
import re
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

LOCAL_SUFFIXES = (
    ".localhost",
    ".local",
    ".internal",
    ".intranet",
    ".lan",
    ".home",
    ".corp",
    ".home.arpa",
    ".localdomain",
)
NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
# The last label of a name that is really a number in some base (resolvers
# read `2130706433`, `0x7f000001` or `127.1` as IPv4 addresses).
NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)", re.IGNORECASE)
RESPONSE_READ_LIMIT = 64 * 1024


def _loopback_allowed(address: IPAddress) -> bool:
    return bool(getattr(settings, "PARTNERS_WEBHOOK_ALLOW_LOOPBACK", False)) and (
        address == ipaddress.ip_address("::1")
        or (address.version == 4 and address in ipaddress.ip_network("127.0.0.0/8"))
    )


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, Teredo
    client, or the deprecated IPv4-compatible form)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in NAT64 or address in IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


def _plainly_global(address: IPAddress) -> bool:
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (address.version == 6 and address.is_site_local)
    )


def address_is_public(address: IPAddress) -> bool:
    """Whether a webhook may be sent to this address."""
    if _loopback_allowed(address):
        return True
    if address.version == 6:
        if address.scope_id or address in NAT64_LOCAL or address.teredo is not None:
            return False
        if address in IPV4_COMPATIBLE:
            # ::a.b.c.d is deprecated; a resolver or stack may still use the IPv4 part.
            return False
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return _plainly_global(embedded) and not _loopback_allowed(embedded)
    return _plainly_global(address)


def host_refusal(url: str) -> str | None:
    """Why the host of `url` is refused (a short English reason for logs), or
    None when it is a public IP address or a name still to be resolved."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return "the address cannot be read"
    if not host:
        return "the address names no host"
    if host == "localhost":
        allowed = getattr(settings, "PARTNERS_WEBHOOK_ALLOW_LOOPBACK", False)
        return None if allowed else "a local network name"
    if host.endswith(LOCAL_SUFFIXES):
        return "a local network name"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address is not None:
        return None if address_is_public(address) else "a private or reserved address"
    if "%" in host or ":" in host:
        return "an address that is not a public one"
    if NUMERIC_LABEL.fullmatch(host.rsplit(".", 1)[-1]):
        # An IPv4 address in another spelling (decimal, octal, hex, short):
        # refused whatever it stands for; public addresses are written dotted.
        return "an IP address in an unusual form"
    if "." not in host:
        return "a local network name"
    return None


def resolve_public(host: str, port: int) -> tuple[str | None, str]:
    """Resolve `host` once: (the address to connect to, "") when every address
    it resolves to is public, else (None, the reason)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None, "the host name does not resolve"
    addresses = []
    for info in infos:
        try:
            addresses.append(ipaddress.ip_address(info[4][0]))
        except ValueError:
            return None, "the host resolves to an unreadable address"
    if not addresses:
        return None, "the host name does not resolve"
    if not all(address_is_public(address) for address in addresses):
        return None, "the address does not resolve to a public host only"
    return str(addresses[0]), ""


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address, whatever the name resolves to now."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._pinned = address

    def connect(self):
        self.sock = socket.create_connection((self._pinned, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to the checked address, with the name for SNI and the certificate."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._pinned = address

    def connect(self):
        sock = socket.create_connection((self._pinned, self.port), self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def pinned_post(url: str, *, body: bytes, headers: dict, timeout: float) -> tuple[int | None, str]:
    """POST `body` to `url` on a public host: the host is checked as written,
    resolved once, every address checked, and the connection made to the
    address checked. (status code or None, error text). Redirects are answers
    like any other: not followed."""
    refusal = host_refusal(url)
    if refusal:
        return None, f"refused: {refusal}"
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address, reason = resolve_public(host, port)
    if address is None:
        return None, reason
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(host, port, address=address, timeout=timeout)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(RESPONSE_READ_LIMIT)
        status = response.status
    except (OSError, http.client.HTTPException, ValueError) as error:
        return None, str(error)[:300] or type(error).__name__
    finally:
        connection.close()
    return status, "" if 200 <= status < 300 else f"HTTP {status}"
