"""`{% import_welcomes batch as welcomes %}`: the held welcomes of an import,
for the release box (`partners/_release.html`) included on the import page."""

from django import template

from partners.selectors import import_welcomes_status

register = template.Library()


@register.simple_tag
def import_welcomes(batch):
    return import_welcomes_status(batch=batch)
