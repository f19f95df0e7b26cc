"""Pages other apps add to the partner's menu. partners may not import the
apps above it (payments), so they register a provider when they start:

    from partners.menu import register_menu_links
    register_menu_links(seat_links)  # (*, user, organisation, roles) -> list[MenuLink]

Each provider decides from the person's roles in the organisation (a set of
`Membership.Role` values, read once for the menu) what to show; the pages
themselves check again.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MenuLink:
    """One entry of the partner's menu; `key` marks the page being shown."""

    key: str
    label: str
    url: str


MenuProvider = Callable[..., list[MenuLink]]
_providers: list[MenuProvider] = []


def register_menu_links(provider: MenuProvider) -> None:
    """Register `provider(*, user, organisation, roles) -> list[MenuLink]` (idempotent)."""
    if provider not in _providers:
        _providers.append(provider)


def menu_links(*, user, organisation, roles: set[str]) -> list[MenuLink]:
    """The entries every registered provider adds for `user` in `organisation`."""
    return [
        link
        for provider in _providers
        for link in provider(user=user, organisation=organisation, roles=roles)
    ]
