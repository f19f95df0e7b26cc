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
    # Legal name (given, family), as on the identity card; children have none.
    legal_name: tuple[str, str] = ("", "")


DEMO_ACCOUNTS = [
    DemoAccount(
        Role.LEARNER,
        "learner",
        "learner-demo-2026",
        "Lotte Peeters",
        "lotte@example.be",
        legal_name=("Lotte", "Peeters"),
    ),
    DemoAccount(
        Role.YOUNG_LEARNER,
        "young-learner",
        "young-demo-2026",
        "Noah",
        language="fr",
        account_type=User.AccountType.YOUNG,
    ),
    DemoAccount(
        Role.TEACHER,
        "teacher",
        "teacher-demo-2026",
        "Sophie Dubois",
        "sophie@example.be",
        "fr",
        legal_name=("Sophie", "Dubois"),
    ),
    DemoAccount(
        Role.HELPER,
        "helper",
        "helper-demo-2026",
        "Jan Janssens",
        "jan@example.be",
        legal_name=("Jan", "Janssens"),
    ),
    DemoAccount(
        Role.PARTNER_STAFF,
        "partner",
        "partner-demo-2026",
        "Amina El Idrissi",
        "amina@example.be",
        "fr",
        legal_name=("Amina", "El Idrissi"),
    ),
    DemoAccount(
        Role.FUND_OFFICER,
        "fund-officer",
        "fund-demo-2026",
        "Pieter De Smet",
        "pieter@example.be",
        legal_name=("Pieter", "De Smet"),
    ),
    DemoAccount(
        Role.EMPLOYER,
        "employer",
        "employer-demo-2026",
        "Lena Schmitz",
        "lena@example.be",
        "de",
        legal_name=("Lena", "Schmitz"),
    ),
    DemoAccount(
        Role.EDITOR,
        "editor",
        "editor-demo-2026",
        "Marie Lambert",
        "marie@example.be",
        "en",
        is_staff=True,
        legal_name=("Marie", "Lambert"),
    ),
    DemoAccount(
        Role.CERTIFICATE_OFFICER,
        "certificates",
        "certificates-demo-2026",
        "Karim Benali",
        "karim@example.be",
        "fr",
        legal_name=("Karim", "Benali"),
    ),
    DemoAccount(
        Role.PLATFORM_ADMINISTRATOR,
        "platform-admin",
        "platform-demo-2026",
        "Sofie Wouters",
        "sofie@example.be",
        "nl",
        legal_name=("Sofie", "Wouters"),
    ),
    DemoAccount(
        Role.DATA_PROTECTION_OFFICER,
        "dpo",
        "dpo-demo-2026",
        "Thomas Renard",
        "thomas@example.be",
        "fr",
        legal_name=("Thomas", "Renard"),
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
        user.first_name, user.last_name = account.legal_name
        user.legal_name_source = (
            User.LegalNameSource.SELF if all(account.legal_name) else User.LegalNameSource.NONE
        )
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


# The demo class of `teacher`: five children (one of them `young-learner`),
# known picture passwords, consent recorded for some, a little progress.
DEMO_SECTION_NAME = "Demo 4B"
DEMO_CHILDREN = [
    ("Noah", ["sun", "tree", "key"]),
    ("Emma", ["moon", "fish", "house"]),
    ("Lina", ["star", "apple", "boat"]),
    ("Louis", ["car", "heart", "flower"]),
    ("Sara", ["tree", "sun", "moon"]),
]


@transaction.atomic
def sections_seed() -> tuple[str, str, list[str]]:
    """Create (or put back) the demo class; returns its code and one child's
    name and pictures for the seed output."""
    from lms.models import ClassSection, SectionChild
    from lms.services import (
        child_picture_password_set,
        consent_record,
        puzzle_result_record,
        section_children_add,
        section_create,
    )

    teacher = User.objects.get(username="teacher")
    section = ClassSection.objects.filter(
        teacher=teacher, name=DEMO_SECTION_NAME, status=ClassSection.Status.OPEN
    ).first()
    if section is None:
        section = section_create(
            teacher=teacher,
            name=DEMO_SECTION_NAME,
            language="fr",
            school_year="2026-2027",
            under_13=True,
        )
    young = User.objects.get(username="young-learner")
    noah = SectionChild.objects.filter(user=young).first()
    if noah is None:
        noah = SectionChild.objects.create(
            section=section, user=young, first_name="Noah", family_language="fr"
        )
    existing = set(section.children.values_list("first_name", flat=True))
    missing = [name for name, _pictures in DEMO_CHILDREN if name not in existing]
    if missing:
        section_children_add(section=section, text="\n".join(missing), added_by=teacher)
    children = {c.first_name: c for c in section.children.select_related("user")}
    for name, pictures in DEMO_CHILDREN:
        child_picture_password_set(child=children[name], pictures=pictures, set_by=teacher)
    for name, method, guardian in [
        ("Noah", "paper", "Claire Dubois"),
        ("Emma", "email", "Tom Peeters"),
    ]:
        if children[name].consent_at is None:
            consent_record(
                child=children[name], method=method, guardian_name=guardian, recorded_by=teacher
            )
    progress = [("Emma", 1, True, 3), ("Emma", 2, True, 2), ("Noah", 1, True, 3)]
    progress += [("Lina", 2, False, 0)] * 5
    for index, (name, level, solved, stars) in enumerate(progress):
        puzzle_result_record(
            user=children[name].user,
            level_number=level,
            idempotency_key=f"demo-{index}",
            digest=f"demo-{name}-{level}-{index}",
            solved=solved,
            stars=stars,
            block_count=4,
        )
    return section.code, "Noah", DEMO_CHILDREN[0][1]


def exam_pass_seed(*, learner: User, course) -> bool:
    """The demo learner sits the course's final exam and answers every question
    right, through the same services as the exam page (draw, save, grade on
    the server). Demo only. Returns whether a passed exam is on record."""
    from courses import selectors as content
    from courses.models import LessonPage
    from lms.exceptions import LearningError
    from lms.models import Attempt, Enrolment
    from lms.services import enrolment_create, quiz_attempt_start, quiz_attempt_submit

    enrolment = Enrolment.objects.filter(
        learner=learner, course_key=course.translation_key
    ).first() or enrolment_create(learner=learner, course=course, source=Enrolment.Source.SELF)
    if Attempt.objects.filter(enrolment=enrolment, exam=True, passed=True).exists():
        return True
    for lesson in LessonPage.objects.descendant_of(course).live().order_by("path"):
        for activity in content.lesson_activities(lesson=lesson):
            if activity.kind != "quiz" or not activity.is_exam:
                continue
            try:
                attempt, _created = quiz_attempt_start(
                    enrolment=enrolment, lesson=lesson, activity_key=activity.key
                )
            except LearningError:
                return False
            keys = [q["question"] for q in attempt.questions]
            questions = {str(k): q for k, q in content.questions_by_key(keys=keys).items()}
            answers = {
                key: sorted(content.question_answer_key(question=questions[key]))
                for key in keys
                if key in questions
            }
            attempt, _first = quiz_attempt_submit(attempt=attempt, answers=answers)
            return bool(attempt.passed)
    return False
