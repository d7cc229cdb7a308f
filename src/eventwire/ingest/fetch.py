"""A polite, bounded HTTP client: the only place eventwire touches the network.

Every request has a timeout, a clear User-Agent and a per-host pause; bodies are streamed and
cut off at a size cap (a 50 MB page is refused after the cap, never held in memory whole);
redirects are followed by hand so that each hop is checked; and addresses that resolve to
private, loopback or link-local networks are refused unless the user allows them, so a feed or
URL list cannot make eventwire probe the machine's own network. Each host's ``robots.txt`` is
read once per run and obeyed (RFC 9309: a missing file allows everything, a server error
disallows everything) unless the user passes ``--ignore-robots``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..config import FetchSettings
from ..errors import FetchError

if TYPE_CHECKING:
    import httpx

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_BODY_TIMEOUTS = 4  # a whole body may take this many read timeouts, no more


@dataclass(frozen=True, slots=True)
class Fetched:
    """One successful response: the final address (after redirects) and the body."""

    url: str
    content: bytes
    content_type: str
    fetched_at: datetime


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://")) and bool(urlsplit(value).hostname)


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def check_address(url: str, allow_private: bool) -> None:
    """Refuse a URL whose host resolves to a non-public address (unless allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"[E566] not an http(s) URL: {url}")
    if allow_private:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"[E561] cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not _is_public(ip):
            raise FetchError(
                f"[E560] refused {url}: {parts.hostname} is a private/loopback address ({ip}); "
                "pass --allow-private to fetch it")


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    return ip.is_global and not ip.is_multicast


class Fetcher:
    """Fetch pages under :class:`~eventwire.config.FetchSettings`; use as a context manager.

    ``transport`` lets callers inject an ``httpx`` transport (a proxy, a recorded session)
    instead of patching.
    """

    def __init__(self, settings: FetchSettings | None = None, transport: Any = None) -> None:
        self.settings = settings or FetchSettings()
        self._transport = transport
        self._client: httpx.Client | None = None
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=httpx.Timeout(self.settings.timeout_s),
                headers={"User-Agent": self.settings.user_agent},
                follow_redirects=False,
                transport=self._transport,
            )
        return self._client

    def get(self, url: str) -> Fetched:
        """GET ``url``: the final response body, or :class:`FetchError` saying why not."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            check_address(current, self.settings.allow_private)
            self._check_robots(current)
            self._wait_turn(current)
            status, location, fetched = self._get_once(current)
            if fetched is not None:
                return fetched
            if status in _REDIRECTS and location:
                current = urljoin(current, location)
                continue
            raise FetchError(f"[E563] HTTP {status} for {current}")
        raise FetchError(f"[E564] more than {self.settings.max_redirects} redirects from {url}")

    def _check_robots(self, url: str) -> None:
        """Refuse ``url`` when its host's robots.txt disallows our User-Agent."""
        if not self.settings.respect_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._read_robots(origin)
        if not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError(f"[E567] robots.txt of {parts.netloc} disallows fetching {url}; "
                             "pass --ignore-robots to fetch it anyway")

    def _read_robots(self, origin: str) -> RobotFileParser:
        """The host's rules: its robots.txt (redirects followed), allow-all when there is none
        (4xx or unreachable: the page fetch then says why), disallow-all on a server error."""
        rules = RobotFileParser(origin + "/robots.txt")
        current = rules.url
        try:
            for _ in range(self.settings.max_redirects + 1):
                check_address(current, self.settings.allow_private)
                status, location, fetched = self._get_once(current, self.settings.max_robots_bytes)
                if fetched is not None:
                    rules.parse(fetched.content.decode("utf-8", "replace").splitlines())
                    return rules
                if status in _REDIRECTS and location:
                    current = urljoin(current, location)
                    continue
                break
        except FetchError:
            status = 404  # unreachable or too large: no rules to obey
        rules.disallow_all = status >= 500
        rules.allow_all = status < 500
        return rules

    def _wait_turn(self, url: str) -> None:
        """Per-host politeness: at least ``per_host_interval_s`` between two requests to a host."""
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            pause = self.settings.per_host_interval_s - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _get_once(self, url: str, cap: int | None = None) -> tuple[int, str | None, Fetched | None]:
        """One request: (status, redirect target, body when 2xx, at most ``cap`` bytes)."""
        import httpx

        try:
            with self.client.stream("GET", url) as resp:
                self._check_peer(resp, url)
                if resp.status_code in _REDIRECTS or not resp.is_success:
                    return resp.status_code, resp.headers.get("location"), None
                body = self._read_capped(resp, url, cap or self.settings.max_bytes)
                return resp.status_code, None, Fetched(
                    str(resp.url), body, resp.headers.get("content-type", ""), datetime.now(UTC).replace(tzinfo=None))
        except httpx.TimeoutException as exc:
            raise FetchError(f"[E562] timed out after {self.settings.timeout_s:g} s: {url}") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(f"[E566] not a valid URL: {url}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"[E561] cannot reach {url}: {exc or type(exc).__name__}") from exc

    def _check_peer(self, resp: httpx.Response, url: str) -> None:
        """The address actually connected to must be public too: DNS may answer differently the
        second time (rebinding), so the check before the request is not enough on its own."""
        if self.settings.allow_private:
            return
        stream = resp.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return  # an injected transport without sockets: nothing to check
        ip = ipaddress.ip_address(str(peer[0]).split("%")[0])
        if not _is_public(ip):
            raise FetchError(f"[E560] refused {url}: connected to private/loopback address {ip}; "
                             "pass --allow-private to fetch it")

    def _read_capped(self, resp: httpx.Response, url: str, cap: int) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"[E565] {url} is {megabytes(int(declared))}, over the {megabytes(cap)} size cap")
        budget = self.settings.timeout_s * _BODY_TIMEOUTS
        deadline = time.monotonic() + budget
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(f"[E565] {url} is larger than the {megabytes(cap)} size cap")
            if time.monotonic() > deadline:  # a server dripping bytes never trips the per-read timeout
                raise FetchError(f"[E562] body still arriving after {budget:g} s ({megabytes(size)} read): {url}")
            chunks.append(chunk)
        return b"".join(chunks)
