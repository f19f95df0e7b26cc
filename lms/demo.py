"""Demo accounts, one for every role of DESIGN.md. Demo only: `seed_demo`
refuses to run unless DEMO_MODE is on, which it never is in production."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from lms.models import User
from lms.roles import GROUP_NAMES, Role


@dataclass(frozen=True)
class DemoAccount:
    role: Role
    username: str
    password: str
    display_name: str
    email: str = ""
    language: str = "nl"
    account_type: str = User.AccountType.STANDARD
    is_staff: bool = False
    is_superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount(Role.LEARNER, "learner", "learner-demo-2026", "Lotte Peeters", "lotte@example.be"),
    DemoAccount(
        Role.YOUNG_LEARNER,
        "young-learner",
        "young-demo-2026",
        "Noah",
        language="fr",
        account_type=User.AccountType.YOUNG,
    ),
    DemoAccount(
        Role.TEACHER, "teacher", "teacher-demo-2026", "Sophie Dubois", "sophie@example.be", "fr"
    ),
    DemoAccount(Role.HELPER, "helper", "helper-demo-2026", "Jan Janssens", "jan@example.be"),
    DemoAccount(
        Role.PARTNER_STAFF,
        "partner",
        "partner-demo-2026",
        "Amina El Idrissi",
        "amina@example.be",
        "fr",
    ),
    DemoAccount(
        Role.FUND_OFFICER, "fund-officer", "fund-demo-2026", "Pieter De Smet", "pieter@example.be"
    ),
    DemoAccount(
        Role.EMPLOYER, "employer", "employer-demo-2026", "Lena Schmitz", "lena@example.be", "de"
    ),
    DemoAccount(
        Role.EDITOR,
        "editor",
        "editor-demo-2026",
        "Marie Lambert",
        "marie@example.be",
        "en",
        is_staff=True,
    ),
    DemoAccount(
        Role.EDITOR,
        "admin",
        "admin-demo-2026",
        "Administrator",
        "admin@example.be",
        "en",
        is_staff=True,
        is_superuser=True,
    ),
]


@transaction.atomic
def seed() -> list[tuple[str, str, str, str]]:
    """Create or reset the demo accounts; returns (role, username, e-mail, password) rows."""
    rows = []
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.display_name = account.display_name
        user.email = account.email
        user.preferred_language = account.language
        user.account_type = account.account_type
        user.is_staff = account.is_staff
        user.is_superuser = account.is_superuser
        user.is_active = True
        user.set_password(account.password)
        user.save()
        user.groups.add(Group.objects.get(name=GROUP_NAMES[account.role]))
        rows.append(
            (str(account.role.label), account.username, account.email or "—", account.password)
        )
    learning_seed()
    return rows


def learning_seed() -> int:
    """Enrol the demo learner in the courses that exist (none may exist yet),
    open for self-enrolment, through the same service as the enrol button.
    Returns how many enrolments there are."""
    from courses.models import CoursePage
    from lms.models import Enrolment
    from lms.services import enrolment_create

    learner = User.objects.get(username="learner")
    seen = set()
    for course in CoursePage.objects.live().filter(self_enrolment=True).order_by("pk"):
        if course.translation_key in seen:
            continue
        seen.add(course.translation_key)
        enrolment_create(learner=learner, course=course, source=Enrolment.Source.SELF)
    return len(seen)
