"""Sign-in throttling: brute force is paused, and a stranger cannot lock a member out.

Requests come through the production proxy (deploy/nginx.conf appends the client's address to
X-Forwarded-For): REMOTE_ADDR is the proxy's for everyone.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, RequestFactory

import pytest

from hub.throttle import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
PASSWORD = "right-password-1"


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    settings.HUB_TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.HUB_LOGIN_ATTEMPTS = 5
    settings.HUB_LOGIN_ADDRESS_ATTEMPTS = 20
    settings.HUB_LOGIN_ACCOUNT_ATTEMPTS = 20
    cache.clear()
    yield
    cache.clear()


def sign_in(client: Client, password: str, address: str, username: str = "member") -> bool:
    """Sign in through the proxy from `address`; True when it worked."""
    response = client.post(
        "/sign-in/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )
    signed_in = response.status_code == 302 and "_auth_user_id" in client.session
    if signed_in:
        client.post("/sign-out/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)
    return signed_in


@pytest.fixture
def member():
    return User.objects.create_user("member", password=PASSWORD)


def test_the_client_address_is_read_through_trusted_proxies_only():
    factory = RequestFactory()
    through_proxy = factory.get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5"
    )
    # The right-most address the proxy saw; whatever the client wrote before it is not believed.
    assert client_address(through_proxy) == "203.0.113.5"
    chained = factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.9")
    assert client_address(chained) == "203.0.113.5"
    spoofed = factory.get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_address(spoofed) == "198.51.100.1"
    garbage = factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="<script>")
    assert client_address(garbage) == PROXY


def test_a_stranger_cannot_lock_a_member_out(member):
    stranger = Client()
    for _ in range(15):
        assert not sign_in(stranger, "guess", "203.0.113.66")
    # The stranger is paused...
    assert not sign_in(stranger, PASSWORD, "203.0.113.66")
    # ...the member, behind the same proxy, from their own address, is not.
    assert sign_in(Client(), PASSWORD, "198.51.100.20")


def test_a_member_s_known_browser_passes_even_when_the_account_is_under_attack(member):
    browser = Client()
    assert sign_in(browser, PASSWORD, "198.51.100.20")  # the browser is now known
    # Many machines guess the member's password: the account is paused for new devices...
    for n in range(25):
        sign_in(Client(), "guess", f"203.0.113.{n + 1}")
    assert not sign_in(Client(), PASSWORD, "198.51.100.99")
    # ...but the member's own browser signs in, even from an address the attacker used.
    assert sign_in(browser, PASSWORD, "203.0.113.1")


def test_brute_force_from_one_address_is_paused(member):
    attacker = Client()
    for _ in range(5):
        assert not sign_in(attacker, "guess", "203.0.113.66")
    response = attacker.post(
        "/sign-in/",
        {"username": "member", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in attacker.session


def test_one_address_guessing_many_accounts_is_paused(member):
    attacker = Client()
    for n in range(20):
        sign_in(attacker, "guess", "203.0.113.66", username=f"someone-{n}")
    assert not sign_in(attacker, PASSWORD, "203.0.113.66")  # even the right pair is paused
    assert sign_in(Client(), PASSWORD, "198.51.100.20")


def test_attempts_while_paused_do_not_stretch_the_pause(member, settings, monkeypatch):

    now = [1_000_000.0]
    monkeypatch.setattr("hub.throttle.time.time", lambda: now[0])
    attacker = Client()
    for _ in range(5):
        sign_in(attacker, "guess", "203.0.113.66")
    for _ in range(10):  # hammering while paused
        now[0] += 60
        sign_in(attacker, "guess", "203.0.113.66")
    assert not sign_in(attacker, PASSWORD, "203.0.113.66")
    now[0] = 1_000_000.0 + settings.HUB_LOGIN_LOCKOUT_MINUTES * 60 + 1
    assert sign_in(attacker, PASSWORD, "203.0.113.66")
