"""Reads of course content, in two parts: `catalogue` (what pages show: the
catalogue, outlines, a lesson's place, the sitemap, fallbacks) and `learning`
(what lms/ needs to grade and track: lessons in order, activities, answer keys).
"""

from courses.selectors.catalogue import *  # noqa: F403
from courses.selectors.catalogue import CATALOGUE_URLS_CACHE_KEY  # noqa: F401
from courses.selectors.learning import *  # noqa: F403
