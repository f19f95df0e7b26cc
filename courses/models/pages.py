"""The course tree: catalogue -> course -> module -> lesson.

CoursePage carries everything the learning engine and certificates read: the
track and audience, DigComp competences and target level, the completion rule
(required lessons and required activities) and the certificate settings.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonStreamBlock, SourceBlock
from courses.durations import lesson_minutes
from courses.models.digcomp import DigCompLevel
from courses.models.fallback import TranslationFallbackMixin
from courses.page_forms import CoursePageForm, LessonPageForm


class Track(models.TextChoices):
    BASIC = "basic", _("Basic digital skills")
    SECURITY = "security", _("Security diploma")
    KIDS = "kids", _("Coding for kids")


class Audience(models.TextChoices):
    ADULTS = "adults", _("Adults")
    TEENS = "teens", _("Teens")
    CHILDREN = "children", _("Children")


class CatalogPage(TranslationFallbackMixin, Page):
    """The list of courses of one language, with filters and search."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.forms import CatalogueFilterForm
        from courses.selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        context["filter_form"] = form
        try:
            page = int(request.GET.get("page", 1))
        except ValueError:
            page = 1
        results = catalogue_courses(
            catalog=self, filters=form.filters(), request=request, page=page
        )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(results=results, entries=results.entries, query=query.urlencode())
        context.update(self.fallback_context())
        return context


class CoursePage(TranslationFallbackMixin, Page):
    """A course: what it teaches, to whom, and what completing it takes."""

    track = models.CharField(_("track"), max_length=16, choices=Track.choices)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    summary = models.TextField(_("summary"), max_length=500)
    competences = ParentalManyToManyField(
        "courses.DigCompCompetence", verbose_name=_("DigComp competences"), blank=True
    )
    target_level = models.PositiveSmallIntegerField(
        _("target DigComp level"), choices=DigCompLevel.choices, default=DigCompLevel.FOUNDATION_2
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    learning_outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("Learning outcome"), max_length=200))],
        blank=True,
        verbose_name=_("learning outcomes"),
    )
    prerequisites = RichTextField(_("prerequisites"), blank=True, features=["bold", "link", "ul"])
    # Completion: every lesson marked required is completed and every activity
    # marked required is passed (that includes the final exam, if any).
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("Off: learners are enrolled by a partner, a teacher or a voucher."),
    )
    # Off for new courses: it may be switched on only once a required lesson
    # holds the server-graded final exam (see courses.page_forms).
    certificate_enabled = models.BooleanField(_("issue a certificate"), default=False)
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Empty: the certificate does not expire."),
    )
    content_version = models.PositiveIntegerField(
        _("course version"),
        default=1,
        help_text=_(
            "Raise when the course changes so much that earlier certificates no longer cover it."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("track"),
                FieldPanel("audience"),
                FieldPanel(
                    "estimated_minutes",
                    read_only=True,
                    help_text=_("The sum of its lessons' durations, computed when they change."),
                ),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [FieldPanel("competences"), FieldPanel("target_level")],
            heading=_("DigComp 2.2"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("prerequisites"),
        MultiFieldPanel(
            [
                FieldPanel("self_enrolment"),
                FieldPanel("certificate_enabled"),
                FieldPanel("certificate_validity_months"),
                FieldPanel("content_version"),
            ],
            heading=_("Enrolment and certificate"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.FilterField("track"),
        index.FilterField("audience"),
        index.FilterField("target_level"),
        index.FilterField("estimated_minutes"),
    ]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = ["courses.ModulePage"]
    base_form_class = CoursePageForm

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        outline = selectors.course_outline(course=self)
        context.update(
            course=self,
            outline=outline,
            first_lesson=selectors.course_first_lesson(outline=outline),
            competences=selectors.course_competences(course=self),
            lesson_count=sum(len(item.lessons) for item in outline),
            **self.fallback_context(),
        )
        return context


class ModulePage(TranslationFallbackMixin, Page):
    """A chapter of a course: a few lessons on one theme."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_place_of_module

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_place_of_module(module=self), **self.fallback_context())
        return context


class LessonPage(TranslationFallbackMixin, Page):
    """One sitting of learning (5-20 minutes): content and activities. Its
    duration is computed from what it holds (courses.durations) whenever it
    is saved; "last reviewed" and the sources are shown to learners, and an
    editor marks a lesson whose facts need checking."""

    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))
    competences = ParentalManyToManyField(
        "courses.DigCompCompetence", verbose_name=_("DigComp competences"), blank=True
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=10)
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Off for optional extras that do not count towards completing the course."),
    )
    reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The day an editor last checked the facts and links of this lesson."),
    )
    sources = StreamField([("source", SourceBlock())], blank=True, verbose_name=_("sources"))
    review_requested = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Mark the lesson for an editor to check: it is listed in “Lessons to review”."),
    )
    review_note = models.TextField(_("what to check"), blank=True, max_length=1000)

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("competences"),
                FieldPanel(
                    "estimated_minutes",
                    read_only=True,
                    help_text=_(
                        "Computed when the lesson is saved: 200 words a minute plus each "
                        "activity's estimate."
                    ),
                ),
                FieldPanel("required"),
            ],
            heading=_("About this lesson"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("reviewed_on"),
                FieldPanel("sources"),
                FieldPanel("review_requested"),
                FieldPanel("review_note"),
            ],
            heading=_("Review"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = LessonPageForm

    class Meta:
        verbose_name = _("lesson")

    def save(self, *args, **kwargs):
        self.estimated_minutes = lesson_minutes(
            [(block["type"], block["value"]) for block in self.body.raw_data]
        )
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_place

        context = super().get_context(request, *args, **kwargs)
        place = lesson_place(lesson=self)
        context.update(
            lesson=self,
            course=place.course,
            module=place.module,
            place=place,
            **self.fallback_context(),
        )
        return context
