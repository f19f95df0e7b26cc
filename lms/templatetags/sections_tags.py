from django import template

from lms.pictures import picture_svg as _picture_svg

register = template.Library()


@register.simple_tag
def picture_svg(picture, size=96, labelled=True):
    """A picture of a picture password as inline SVG (see lms.pictures)."""
    return _picture_svg(picture, size=size, labelled=labelled)


@register.filter
def stars_text(count: int) -> str:
    return "★" * int(count or 0)


@register.filter
def is_teacher(user) -> bool:
    """For the navigation: may this person run class sections?"""
    from lms.permissions import has_role
    from lms.roles import Role

    return has_role(user, Role.TEACHER)
