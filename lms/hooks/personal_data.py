"""The hooks through which other apps add their part to a person's data
export and to the erasure of their account (GDPR articles 15, 17 and 20).

lms may not import certificates or partners (they import lms), so each app
registers its part when it starts (`<app>.apps.<App>Config.ready`):

    from lms.hooks.personal_data import register_personal_data
    register_personal_data(
        "certificates",
        collect=certificates_personal_data,   # (*, user) -> list | dict (JSON-ready)
        erase=certificates_erase_for,         # (*, user, actor, reason) -> int
        erase_note=_("your certificates are revoked ..."),  # optional: said on the delete page
    )

`collect` returns plain JSON values (str, numbers, lists, dicts) and runs a
bounded number of queries whatever the person holds. `erase` runs inside the
transaction of `lms.services.erasure.account_erase`, before lms pseudonymises
the account, and returns how many rows it changed (kept in the audit line).
"""

from collections.abc import Callable
from dataclasses import dataclass

from lms.models import User

Collect = Callable[..., object]  # (*, user: User) -> JSON value
Erase = Callable[..., int]  # (*, user: User, actor: User | None, reason: str) -> int


@dataclass(frozen=True)
class PersonalDataPart:
    name: str
    collect: Collect | None
    erase: Erase | None
    # What erasure does with this part, as the delete page tells the person.
    erase_note: str | None = None


_parts: dict[str, PersonalDataPart] = {}


def register_personal_data(
    name: str, *, collect: Collect | None, erase: Erase | None, erase_note: str | None = None
) -> None:
    """Register an app's part under `name` (registering a name again replaces it)."""
    _parts[name] = PersonalDataPart(name=name, collect=collect, erase=erase, erase_note=erase_note)


def personal_data_parts() -> list[PersonalDataPart]:
    """The registered parts, in the order of their names."""
    return [_parts[name] for name in sorted(_parts)]


def personal_data_erase_notes() -> list[str]:
    """What erasure does with each part that says it, for the delete page."""
    return [p.erase_note for p in personal_data_parts() if p.erase_note]


def personal_data_collect(*, user: User) -> dict[str, object]:
    """{part name: what the part holds about `user`}."""
    return {p.name: p.collect(user=user) for p in personal_data_parts() if p.collect is not None}


def personal_data_erase(*, user: User, actor: User | None, reason: str) -> dict[str, int]:
    """Ask every part to erase what it holds about `user`: {part name: rows}."""
    return {
        p.name: p.erase(user=user, actor=actor, reason=reason)
        for p in personal_data_parts()
        if p.erase is not None
    }
