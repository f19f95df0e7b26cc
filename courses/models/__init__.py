"""Content models of courses/, one module per part.

Learner state never lives here: lms/ keys its records by the content's
`translation_key` (shared by the nl/fr/de/en versions of a page or question)
and by StreamField block ids (kept across translations), so progress and
attempts survive a change of language.
"""

from courses.models.content import LoadedContent
from courses.models.digcomp import DigCompArea, DigCompCompetence
from courses.models.h5p import H5PContent, H5PLibrary
from courses.models.home import HomePage, SiteSettings
from courses.models.pages import CatalogPage, CoursePage, LessonPage, ModulePage
from courses.models.puzzles import PuzzleLevel, PuzzleWorld
from courses.models.questions import Question, QuestionBank

__all__ = [
    "CatalogPage",
    "CoursePage",
    "DigCompArea",
    "DigCompCompetence",
    "H5PContent",
    "H5PLibrary",
    "HomePage",
    "LessonPage",
    "LoadedContent",
    "ModulePage",
    "PuzzleLevel",
    "PuzzleWorld",
    "Question",
    "QuestionBank",
    "SiteSettings",
]
