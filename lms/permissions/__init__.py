"""Who may do what. Deny by default: every check returns True only on a rule
that allows, and `access_*` functions return the object or raise."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lms.models import Attempt, Enrolment, User
from lms.roles import EXPORT_LEARNER_STATEMENTS, Role
from lms.selectors import user_roles


def has_role(user: User, role: Role) -> bool:
    return user.is_authenticated and user.is_active and role in user_roles(user=user)


def require_role(user: User, role: Role) -> None:
    if not has_role(user, role):
        raise PermissionDenied


def access_live_page(model, page_id: int):
    """A live page of the given type, or 404 (drafts are not for learners)."""
    page = model.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def access_lesson_enrolment(user: User, lesson) -> Enrolment:
    """The enrolment through which `user` may work on `lesson`, or raise."""
    from courses.selectors import lesson_place
    from lms.selectors import lesson_enrolment

    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    # The lesson's course from its place (kept under the page-tree version),
    # as the lesson page does: the enrolment without a tree walk.
    course = lesson_place(lesson=lesson).course
    course, enrolment = lesson_enrolment(learner=user, lesson=lesson, course=course)
    if enrolment is None or enrolment.status == Enrolment.Status.CANCELLED:
        raise PermissionDenied
    return enrolment


def access_enrolment(user: User, enrolment_id: int) -> Enrolment:
    """One's own enrolment; anybody else's is not found."""
    if not user.is_authenticated:
        raise PermissionDenied
    enrolment = Enrolment.objects.filter(pk=enrolment_id, learner=user).first()
    if enrolment is None:
        raise Http404
    return enrolment


def access_attempt(user: User, public_id) -> Attempt:
    """One's own attempt; another learner's attempt is not found (404, so that
    its existence is not revealed)."""
    if not user.is_authenticated:
        raise PermissionDenied
    attempt = (
        Attempt.objects.select_related("enrolment__learner", "enrolment__course")
        .filter(public_id=public_id, enrolment__learner=user)
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt


def has_permission(user: User, permission: str) -> bool:
    """An active account holding `permission` through a role's group (a
    superuser holds every permission, as everywhere in Django)."""
    return user.is_authenticated and user.is_active and user.has_perm(permission)


def access_course_statements(user: User) -> None:
    """A course's xAPI statements (every learner's, children's included) only
    with `lms.export_learner_statements` (data protection officers); never
    through is_staff or the editors' group."""
    if not has_permission(user, EXPORT_LEARNER_STATEMENTS):
        raise PermissionDenied


def access_teacher(user: User) -> None:
    """Class sections are for teachers."""
    require_role(user, Role.TEACHER)


def access_section(user: User, section_id: int):
    """A teacher's own section; another teacher's section is not found (404)."""
    from lms.models import ClassSection

    access_teacher(user)
    section = ClassSection.objects.filter(pk=section_id, teacher=user).first()
    if section is None:
        raise Http404
    return section


def access_section_child(user: User, section_id: int, child_id: int):
    """A child of one of the teacher's own sections, or 404."""
    from lms.models import SectionChild

    section = access_section(user, section_id)
    child = (
        SectionChild.objects.select_related("user", "section")
        .filter(pk=child_id, section=section)
        .first()
    )
    if child is None:
        raise Http404
    return child


def access_own_personal_data(user: User) -> User:
    """The signed-in person, for "Download my data" and "Delete my account".
    Young learners are refused: their parents ask the teacher or the school
    (their data goes with their class)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if user.account_type == User.AccountType.YOUNG:
        raise PermissionDenied
    return user


def user_is_staff_role(user: User) -> bool:
    """Does this account work with other people's data (a staff role)? Django
    staff or superuser, any role beyond learner (editor, teacher, helper,
    partner staff, fund officer, employer, officers, administrators), a helper
    profile or a role in a partner organisation. Such accounts must use a
    second factor (lms.middleware) and get the shorter idle limit
    (SESSION_IDLE_TIMEOUT_STAFF)."""
    from lms.selectors.coaching import account_holds_power

    return bool(user.is_authenticated and user.is_active and account_holds_power(user))
