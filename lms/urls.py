from django.urls import path

from lms.views import accounts, h5p, learning, xapi

app_name = "lms"

urlpatterns = [
    path("me/", accounts.profile, name="profile"),
    path("learning/", learning.dashboard, name="dashboard"),
    path("learning/courses/<int:course_id>/enrol/", learning.course_enrol, name="course_enrol"),
    path(
        "learning/enrolments/<int:enrolment_id>/leave/", learning.course_leave, name="course_leave"
    ),
    path(
        "learning/lessons/<int:lesson_id>/done/", learning.lesson_complete, name="lesson_complete"
    ),
    path(
        "learning/lessons/<int:lesson_id>/activities/<str:activity_key>/start/",
        learning.quiz_start,
        name="quiz_start",
    ),
    path("learning/attempts/<uuid:public_id>/", learning.attempt_detail, name="attempt"),
    path("learning/attempts/<uuid:public_id>/save/", learning.attempt_save, name="attempt_save"),
    path(
        "learning/attempts/<uuid:public_id>/submit/", learning.attempt_submit, name="attempt_submit"
    ),
    path("learning/attempts/<uuid:public_id>/focus/", learning.attempt_focus, name="attempt_focus"),
    path("learning/h5p/bridge/", h5p.bridge, name="h5p_bridge"),
    path("learning/xapi/statements/", xapi.statements_export, name="statements_export"),
]
