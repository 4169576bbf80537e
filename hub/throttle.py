"""Sign-in throttling that strangers cannot turn against members.

- **The client's address** is REMOTE_ADDR, unless the request comes from a proxy the hub trusts
  (HUB_TRUSTED_PROXIES: addresses or networks, comma-separated; in production the nginx of
  deploy/nginx.conf, which appends the address it saw to X-Forwarded-For): then it is the
  right-most address in X-Forwarded-For that is not itself a trusted proxy. X-Forwarded-For from
  anyone else is ignored (it is whatever the client wrote).
- **Failures are counted** per account and address (HUB_LOGIN_ATTEMPTS), per address over all
  accounts (HUB_LOGIN_ADDRESS_ATTEMPTS: one machine guessing many accounts) and per account over
  all addresses (HUB_LOGIN_ACCOUNT_ATTEMPTS: many machines guessing one account), each within
  HUB_LOGIN_LOCKOUT_MINUTES from the first failure. Attempts refused while paused are not counted,
  so hammering does not stretch the pause.
- **A known device passes**: a successful sign-in leaves a signed cookie naming the account
  (hashed). From that browser, the account's and the address's counts do not apply; only that
  browser's own failures do (HUB_LOGIN_ATTEMPTS). A stranger guessing a member's password pauses
  sign-in for the stranger (and, past the account's limit, for new devices), never for the
  member's own browser.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

KNOWN_DEVICE_COOKIE = "hub_known_device"
KNOWN_DEVICE_SALT = "hub.throttle.known-device"
KNOWN_DEVICE_DAYS = 180
KNOWN_DEVICE_ACCOUNTS = 5  # accounts remembered per browser


# -- the client's address -------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple:
    networks = []
    for item in spec:
        try:
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            continue  # a typo in the setting trusts nothing rather than failing every request
    return tuple(networks)


def trusted_proxies() -> tuple:
    spec = getattr(settings, "HUB_TRUSTED_PROXIES", ())
    if isinstance(spec, str):
        spec = spec.split(",")
    return _networks(tuple(item for item in spec if item.strip()))


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted_proxies())


def client_address(request: HttpRequest | None) -> str:
    """The address of the client, read through the proxies the hub trusts (and only those)."""
    if request is None:
        return "unknown"
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not _is_trusted(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for candidate in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            return address  # garbage in the header: the proxy's own address is all we know
        if not _is_trusted(candidate):
            return candidate
        address = candidate
    return address


# -- counts ---------------------------------------------------------------------------------------


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def attempts_key(username: str, address: str) -> str:
    return f"hub-login-failures:{_digest(f'{username.casefold()}|{address}')}"


def _address_key(address: str) -> str:
    return f"hub-login-address:{_digest(address)}"


def _account_key(username: str) -> str:
    return f"hub-login-account:{_digest(username.casefold())}"


def _device_key(username: str, request: HttpRequest) -> str:
    device = request.COOKIES.get(KNOWN_DEVICE_COOKIE, "")
    return f"hub-login-device:{_digest(f'{username.casefold()}|{device}')}"


def _window() -> float:
    return settings.HUB_LOGIN_LOCKOUT_MINUTES * 60


def _recent(key: str) -> list[float]:
    since = time.time() - _window()
    return [moment for moment in (cache.get(key) or []) if moment > since]


def _paused_for(key: str, limit: int) -> int:
    recent = _recent(key)
    if len(recent) < limit:
        return 0
    return max(1, int(min(recent) + _window() - time.time()))


def _add(key: str) -> None:
    failures = _recent(key)
    failures.append(time.time())
    cache.set(key, failures[-200:], timeout=int(_window()) + 1)


def _account_hash(username: str) -> str:
    return _digest(f"account|{username.casefold()}")


def known_accounts(request: HttpRequest | None) -> list[str]:
    if request is None:
        return []
    value = request.COOKIES.get(KNOWN_DEVICE_COOKIE)
    if not value:
        return []
    try:
        accounts = signing.loads(
            value, salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_DAYS * 24 * 3600
        )
    except signing.BadSignature:
        return []
    return [str(a) for a in accounts] if isinstance(accounts, list) else []


def is_known_device(username: str, request: HttpRequest | None) -> bool:
    return _account_hash(username) in known_accounts(request)


def _checks(username: str, request: HttpRequest | None) -> list[tuple[str, int]]:
    attempts = settings.HUB_LOGIN_ATTEMPTS
    if request is not None and is_known_device(username, request):
        return [(_device_key(username, request), attempts)]
    address = client_address(request)
    return [
        (attempts_key(username, address), attempts),
        (_address_key(address), settings.HUB_LOGIN_ADDRESS_ATTEMPTS),
        (_account_key(username), settings.HUB_LOGIN_ACCOUNT_ATTEMPTS),
    ]


def locked_for(username: str, request: HttpRequest | None) -> int:
    """Seconds until this account may try again from this client (0: it may now)."""
    return max((_paused_for(key, limit) for key, limit in _checks(username, request)), default=0)


def count_failure(username: str, request: HttpRequest | None) -> None:
    if locked_for(username, request):
        return  # refused without a try: counting it would only stretch the pause
    for key, _limit in _checks(username, request):
        _add(key)


def forget_failures(username: str, request: HttpRequest | None) -> None:
    """A correct password clears this client's own counts (never the account's over all
    addresses: a member signing in must not hand a distributed guesser fresh attempts)."""
    cache.delete(attempts_key(username, client_address(request)))
    if request is not None:
        cache.delete(_device_key(username, request))
        # Remembered by the middleware below, which sets the cookie on the response.
        accounts = [a for a in known_accounts(request) if a != _account_hash(username)]
        request._hub_known_accounts = [_account_hash(username), *accounts][:KNOWN_DEVICE_ACCOUNTS]


class KnownDeviceMiddleware:
    """Sets the known-device cookie after a successful sign-in (hub.throttle.forget_failures)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        accounts = getattr(request, "_hub_known_accounts", None)
        if accounts:
            response.set_cookie(
                KNOWN_DEVICE_COOKIE,
                signing.dumps(accounts, salt=KNOWN_DEVICE_SALT),
                max_age=KNOWN_DEVICE_DAYS * 24 * 3600,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
