"""A missing translation falls back to another language, never a 404.

Slugs are copied when a page is translated, so `/fr/<path>/` names the same
page as `/en/<path>/`. When a page has no French version yet, routing goes on
in its English (or other) version and the page shows a notice in French."""

from django.http import Http404
from django.utils.translation import get_language


class TranslationFallbackMixin:
    """Routing that, when a child is missing in this language, tries the same
    path under this page's translations (source language first)."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or getattr(request, "_courses_fallback", False):
                raise
        from courses.selectors import page_fallbacks

        request._courses_fallback = True
        try:
            for other in page_fallbacks(self):
                try:
                    return other.specific.route(request, path_components)
                except Http404:
                    continue
        finally:
            request._courses_fallback = False
        raise Http404

    def get_view_restrictions(self):
        # Served through courses.selectors.routing, the page carries the
        # restrictions of itself and its ancestors, cached with its address.
        restrictions = getattr(self, "_courses_view_restrictions", None)
        if restrictions is not None:
            return restrictions
        return super().get_view_restrictions()

    def fallback_context(self) -> dict:
        """`translation_fallback` is the page's language when it differs from
        the one the learner asked for (shown as a notice)."""
        language = (get_language() or "")[:2]
        page_language = self.locale.language_code
        return {
            "translation_fallback": page_language if page_language != language else "",
            "content_language": page_language,
        }
