"""Links other apps add to "My account". lms may not import them (they import
lms), so each registers a provider when it starts (`<app>.apps.<App>Config.ready`):

    from lms.hooks.account import register_account_links
    register_account_links(payments_account_links)  # (*, user) -> list[AccountLink]
"""

from collections.abc import Callable
from dataclasses import dataclass

from lms.models import User


@dataclass(frozen=True)
class AccountLink:
    label: str
    url: str


AccountLinks = Callable[..., list[AccountLink]]
_providers: list[AccountLinks] = []


def register_account_links(provider: AccountLinks) -> None:
    """Register `provider(*, user) -> list[AccountLink]` (idempotent)."""
    if provider not in _providers:
        _providers.append(provider)


def account_links(*, user: User) -> list[AccountLink]:
    """The links every registered app adds to `user`'s account page."""
    return [link for provider in _providers for link in provider(user=user)]
