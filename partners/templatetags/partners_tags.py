from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or None."""
    return mapping.get(key) if mapping else None


@register.filter
def is_partner_staff(user) -> bool:
    """Whether to show "My organisation": people with a staff membership hold
    the platform's partner staff role (kept in step by membership_grant/revoke);
    the role set is read once per request."""
    from lms.permissions import has_role
    from lms.roles import Role

    return has_role(user, Role.PARTNER_STAFF)


@register.inclusion_tag("partners/_menu.html", takes_context=True)
def partner_menu(context, organisation, current: str = ""):
    """The partner's menu: every page of the organisation the person may open
    (organisation, cohorts, files, reports to the fund, API and webhooks, and
    what other apps register in `partners.menu`)."""
    from partners.menu import menu_links
    from partners.permissions import organisation_menu_rights

    request = context["request"]
    rights = organisation_menu_rights(request.user, organisation)
    return {
        "organisation": organisation,
        "current": current,
        "rights": rights,
        "more": menu_links(user=request.user, organisation=organisation, roles=rights["roles"]),
    }
