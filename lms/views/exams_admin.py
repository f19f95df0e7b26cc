"""Wagtail admin pages for editors: the exam-integrity summary per course and
the statistics of each question of an exam bank."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from courses.models import CoursePage, QuestionBank
from lms.permissions.exams import access_exam_statistics
from lms.selectors.exam_stats import bank_question_stats, course_exam_integrity, exam_courses


def exam_integrity_index(request):
    """Every certificate-bearing course, in every language, with a link to its summary."""
    access_exam_statistics(request.user)
    return TemplateResponse(request, "lms/exams_admin/index.html", {"courses": exam_courses()})


def exam_integrity_course(request, course_id: int):
    """One course: blueprint, bank size per cell and language, overlap, exposure."""
    access_exam_statistics(request.user)
    course = get_object_or_404(CoursePage, pk=course_id)
    return TemplateResponse(
        request,
        "lms/exams_admin/course.html",
        {"course": course, "exams": course_exam_integrity(course=course)},
    )


def exam_bank_statistics(request, bank_id: int):
    """Per question of an exam bank: drawn, share correct, discrimination, flags."""
    access_exam_statistics(request.user)
    bank = get_object_or_404(QuestionBank, pk=bank_id)
    return TemplateResponse(
        request,
        "lms/exams_admin/bank.html",
        {"bank": bank, "stats": bank_question_stats(bank=bank)},
    )
