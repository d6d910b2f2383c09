"""Fetch a web page a user asked for without letting them reach the server's own network.

The server fetches whatever address a user types, so this is a server-side request forgery
surface. Every host is resolved and each of its addresses checked; the connection then goes to
the checked address (Host header and TLS name set to the host name), so DNS cannot answer
differently between the check and the fetch. Redirects are followed by hand and re-checked.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from quizapp.sources.extract import SourceError

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = 10.0
MAX_REDIRECTS = 3
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain")
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "quizapp article import (+https://github.com/quizapp)"
CHUNK = 64 * 1024
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(SourceError):
    """A web address the app will not or cannot fetch; the message says why."""


@dataclass(frozen=True)
class Fetched:
    """A fetched document: its bytes, media type and final address after redirects."""

    data: bytes
    content_type: str
    url: str


def fetch_url(url: str, allowed_hosts: Iterable[str] = (), *, timeout: float = TIMEOUT) -> Fetched:
    """GET an http(s) page on a public address (or an allowed host), at most 5 MB in 10 s."""
    allowed = {host.strip().lower().strip("[]") for host in allowed_hosts if host.strip()}
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        response = _request(url, allowed, deadline)
        try:
            if response.status not in REDIRECTS:
                return _body(response, url, deadline)
            location = response.headers.get("Location")
        finally:
            response.release_conn()
        if not location:
            raise FetchError("The site answered with a redirect that leads nowhere.")
        url = urljoin(url, location)
    raise FetchError(f"The page redirects more than {MAX_REDIRECTS} times; give its final address.")


def _request(url: str, allowed: set[str], deadline: float) -> urllib3.BaseHTTPResponse:
    """One GET to the checked address of `url`'s host, without following redirects."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http:// and https:// web addresses can be imported.")
    if parts.username or parts.password:
        raise FetchError("Web addresses with a user name or password are not accepted.")
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("This web address has an invalid port.") from None
    if not host:
        raise FetchError("This web address has no host name.")
    address = checked_address(host, port, allowed)
    if parts.scheme == "https":
        # Connect to the checked address but verify the certificate for the host name.
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            address, port, retries=False, maxsize=1, server_hostname=host, assert_hostname=host
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, retries=False, maxsize=1)
    host_header = host if ":" not in host else f"[{host}]"
    if parts.port:
        host_header += f":{parts.port}"
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        return pool.urlopen(
            "GET",
            path,
            headers={
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": ", ".join(CONTENT_TYPES),
                "Accept-Encoding": "identity",
            },
            redirect=False,
            preload_content=False,
            timeout=urllib3.Timeout(total=_remaining(deadline)),
            assert_same_host=False,
        )
    except urllib3.exceptions.SSLError:
        raise FetchError(
            f"No secure (HTTPS) connection to {host}: its certificate or TLS set-up is invalid."
        ) from None
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"{host} did not answer within {TIMEOUT:.0f} seconds.") from None
    except urllib3.exceptions.HTTPError:
        raise FetchError(f"Could not connect to {host}.") from None


def checked_address(host: str, port: int, allowed: set[str]) -> str:
    """The address to connect to: every address of `host` must be public, unless allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The host name {host} does not exist.") from None
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise FetchError(f"The host name {host} does not exist.")
    if host.lower() in allowed or any(a.split("%")[0] in allowed for a in addresses):
        return addresses[0]
    for address in addresses:
        if not is_public(address):
            raise FetchError(
                f"{host} is on a private or local network ({address.split('%')[0]}); "
                "only public web pages can be imported."
            )
    return addresses[0]


def is_public(address: str) -> bool:
    """Whether an IP address is globally routable unicast (IPv4 inside IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv6 forms that carry an IPv4 address reach that address: judge it instead.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            ip = embedded
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


def _body(response: urllib3.BaseHTTPResponse, url: str, deadline: float) -> Fetched:
    """The body of a final answer: a supported type, streamed up to the size cap."""
    if response.status >= 400:
        raise FetchError(f"The site answered {response.status}: the page could not be fetched.")
    content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in CONTENT_TYPES:
        raise FetchError(
            f"This address serves {content_type or 'an unknown type'}; "
            "only web pages (HTML), PDF files and plain text can be imported."
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise FetchError(_too_large())
    chunks, size = [], 0
    try:
        for chunk in response.stream(CHUNK):
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError(_too_large())
            if time.monotonic() > deadline:
                raise FetchError(f"The page took longer than {TIMEOUT:.0f} seconds to download.")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"The page took longer than {TIMEOUT:.0f} seconds to download.") from None
    except urllib3.exceptions.HTTPError:
        raise FetchError("The download broke off; try again.") from None
    return Fetched(data=b"".join(chunks), content_type=content_type, url=url)


def _too_large() -> str:
    return f"The page is larger than {MAX_BYTES // (1024 * 1024)} MB; it was not imported."


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"The page took longer than {TIMEOUT:.0f} seconds to download.")
    return left


def allowed_hosts(setting: str | Iterable[str] | None) -> list[str]:
    """The IMPORT_ALLOWED_HOSTS setting as a list: a comma-separated text or a list."""
    if not setting:
        return []
    items = setting.split(",") if isinstance(setting, str) else setting
    return [str(item).strip() for item in items if str(item).strip()]
