from django.conf import settings
from django.utils.translation import get_language_info


def languages(request) -> dict:
    """The four interface languages, each named in its own language."""
    return {
        "site_languages": [
            {"code": code, "name_local": get_language_info(code)["name_local"]}
            for code, _ in settings.LANGUAGES
        ]
    }
