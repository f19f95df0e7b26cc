import pytest

from lms import demo
from lms.models import ClassSection, SectionChild, User
from lms.services import picture_login_check

pytestmark = pytest.mark.django_db


def test_the_demo_class_has_five_children_with_known_pictures():
    demo.seed()
    code, name, pictures = demo.sections_seed()
    section = ClassSection.objects.get(code=code)
    assert section.teacher.username == "teacher"
    assert section.children.count() == 5
    noah = SectionChild.objects.get(section=section, first_name=name)
    assert noah.user == User.objects.get(username="young-learner")
    assert picture_login_check(child=noah, pictures=pictures) == noah.user
    assert section.children.filter(consent_at__isnull=False).count() == 2


def test_the_demo_class_is_seeded_once():
    demo.seed()
    first = demo.sections_seed()
    second = demo.sections_seed()
    assert first == second
    assert ClassSection.objects.count() == 1 and SectionChild.objects.count() == 5
