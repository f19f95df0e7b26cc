"""The hooks through which lms learns what other apps decide: whether a helper
holds the training certificate their organisation requires (certificates), and
the organisation rules of partners (below).

lms may not import certificates (certificates imports lms), so certificates
registers a checker when it starts (`certificates.apps.CertificatesConfig.ready`):

    from lms.hooks.coaching import register_training_check
    register_training_check(certificate_valid_exists)

Deny by default: with no checker registered, nobody counts as certified, so a
helper of an organisation that requires the training cannot be activated.
`helper_profile_activate` itself takes the answer as a plain bool.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from uuid import UUID

from lms.models import User

TrainingCheck = Callable[..., bool]  # (*, user: User, course_key: UUID) -> bool
_checks: list[TrainingCheck] = []


def register_training_check(check: TrainingCheck) -> None:
    """Register `check(*, user, course_key) -> bool` (idempotent)."""
    if check not in _checks:
        _checks.append(check)


def helper_holds_training(*, user: User, course_key: UUID | None) -> bool:
    """True when no training is required, or a registered checker confirms a
    valid certificate of `course_key` for `user`."""
    if course_key is None:
        return True
    return any(check(user=user, course_key=course_key) for check in _checks)


# --- organisation rules, owned by partners -------------------------------------
#
# Who manages an organisation, which people an organisation knows and who holds
# a role in one are partners' rules (`partners.permissions`). lms may not import
# partners (partners imports lms), so partners registers them when it starts
# (`partners.apps.PartnersConfig.ready`):
#
#     from lms.hooks.coaching import register_organisation_rules
#     register_organisation_rules(
#         manages=is_organisation_manager,              # (user, organisation_id=None) -> bool
#         managed_ids=organisations_managed_ids,        # (user) -> set[int]
#         knows_learner=organisation_knows_learner,     # (*, organisation_id, user) -> bool
#         holds_role=holds_organisation_role,           # (user) -> bool
#         facts=organisations_facts,                    # (ids) -> {id: OrganisationFacts}
#     )
#
# What lms shows or decides about an organisation (its name, whether it requires
# the helper training) comes from `facts` too: coaching's models name their
# organisation by a foreign key, but lms never reads partners' table through it
# (no join, no select_related; tests/test_import_direction.py checks).
#
# Deny by default: with nothing registered nobody manages an organisation, no
# organisation knows anybody, everybody is treated as holding a role (so no
# paper consent can be recorded for them), and no organisation is known (so no
# helper can be activated).


@dataclass(frozen=True)
class OrganisationFacts:
    """What lms may know of an organisation, as partners tells it."""

    name: str
    # The course whose certificate a helper of the organisation needs, or None.
    helper_training_course_key: UUID | None


_rules: dict[str, Callable] = {}


def register_organisation_rules(
    *,
    manages: Callable[..., bool],
    managed_ids: Callable[..., set[int]],
    knows_learner: Callable[..., bool],
    holds_role: Callable[..., bool],
    facts: Callable[..., dict[int, OrganisationFacts]],
) -> None:
    """Register partners' organisation rules (idempotent: the last one wins)."""
    _rules.update(
        manages=manages,
        managed_ids=managed_ids,
        knows_learner=knows_learner,
        holds_role=holds_role,
        facts=facts,
    )


def organisation_manager(user: User, organisation_id: int | None = None) -> bool:
    """Does `user` manage `organisation_id` (any organisation when None)?"""
    check = _rules.get("manages")
    return bool(check and check(user, organisation_id))


def organisations_managed(user: User) -> set[int]:
    """Ids of the active organisations `user` manages."""
    check = _rules.get("managed_ids")
    return set(check(user)) if check else set()


def organisation_knows_learner(*, organisation_id: int, user: User) -> bool:
    """Is `user` one of the organisation's own learners (enrolled by it)?"""
    check = _rules.get("knows_learner")
    return bool(check and check(organisation_id=organisation_id, user=user))


def holds_organisation_role(user: User) -> bool:
    """Does `user` hold a staff role (manager, trainer, reporter) in any organisation?"""
    check = _rules.get("holds_role")
    return True if check is None else bool(check(user))


def organisations_facts(ids: Iterable[int | None]) -> dict[int, OrganisationFacts]:
    """The facts of the organisations `ids` (None skipped) by id, in one
    question to partners; an id partners does not know is missing."""
    wanted = {i for i in ids if i is not None}
    check = _rules.get("facts")
    return dict(check(wanted)) if check and wanted else {}


def organisation_facts(organisation_id: int | None) -> OrganisationFacts | None:
    """The facts of one organisation, or None when partners does not know it."""
    return organisations_facts([organisation_id]).get(organisation_id)
