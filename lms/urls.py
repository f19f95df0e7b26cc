from django.urls import path, re_path

from lms.legal import DOCUMENTS
from lms.views import (
    accounts,
    coaching,
    h5p,
    learning,
    legal,
    personal_data,
    sections,
    sessions,
    xapi,
)

app_name = "lms"

urlpatterns = [
    path("me/", accounts.profile, name="profile"),
    path("me/legal-name/", accounts.legal_name, name="legal_name"),
    path("me/accept/", legal.legal_accept_page, name="legal_accept"),
    # /nl/privacy/, /fr/terms/...: only the documents' own addresses, so that
    # Wagtail keeps every other slug.
    re_path(rf"^(?P<slug>{'|'.join(DOCUMENTS)})/$", legal.legal_page, name="legal"),
    path("me/data/", personal_data.my_data, name="my_data"),
    path("me/delete/", personal_data.account_delete, name="account_delete"),
    path("me/session/keep-alive/", sessions.session_keepalive, name="session_keepalive"),
    path("me/session/status/", sessions.session_status, name="session_status"),
    path("learning/", learning.dashboard, name="dashboard"),
    path("learning/puzzles/", learning.my_puzzles, name="my_puzzles"),
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
    path("sections/", sections.section_list, name="sections"),
    path("sections/<int:section_id>/", sections.section_detail, name="section_detail"),
    path(
        "sections/<int:section_id>/children/",
        sections.section_children_add_view,
        name="section_children_add",
    ),
    path("sections/<int:section_id>/cards/", sections.section_cards, name="section_cards"),
    path("sections/<int:section_id>/close/", sections.section_close_view, name="section_close"),
    path("sections/<int:section_id>/export.csv", sections.section_export, name="section_export"),
    path(
        "sections/<int:section_id>/diplomas.pdf",
        sections.section_diplomas_view,
        name="section_diplomas",
    ),
    path(
        "sections/<int:section_id>/children/<int:child_id>/",
        sections.child_detail,
        name="section_child",
    ),
    path(
        "sections/<int:section_id>/children/<int:child_id>/pictures/",
        sections.child_reset,
        name="section_child_reset",
    ),
    path(
        "sections/<int:section_id>/children/<int:child_id>/consent/",
        sections.child_consent,
        name="section_child_consent",
    ),
    path(
        "sections/<int:section_id>/children/<int:child_id>/delete/",
        sections.child_remove,
        name="section_child_remove",
    ),
    path(
        "sections/<int:section_id>/children/<int:child_id>/letter.pdf",
        sections.child_letter,
        name="section_child_letter",
    ),
    path(
        "sections/<int:section_id>/children/<int:child_id>/unpause/",
        sections.child_unpause,
        name="section_child_unpause",
    ),
    path("class/", sections.class_login, name="class_login"),
    path("class/<str:code>/", sections.class_names, name="class_names"),
    path("class/<str:code>/<int:child_id>/", sections.class_pictures, name="class_pictures"),
]

# Digital helpers and the people they coach (lms/views/coaching.py).
urlpatterns += [
    path("helpers/", coaching.helper_dashboard, name="helpers"),
    path("helpers/people/new/", coaching.assisted_account_new, name="helpers_account_new"),
    path("helpers/consents/request/", coaching.consent_request_new, name="helpers_consent_request"),
    path(
        "helpers/consents/<int:consent_id>/paper/",
        coaching.paper_consent_detail,
        name="helpers_paper_consent",
    ),
    path(
        "helpers/consents/<int:consent_id>/paper/form.pdf",
        coaching.paper_consent_form,
        name="helpers_paper_consent_form",
    ),
    path(
        "helpers/consents/<int:consent_id>/paper/scan/",
        coaching.paper_consent_scan,
        name="helpers_paper_consent_scan",
    ),
    path(
        "helpers/consents/<int:consent_id>/paper/upload/",
        coaching.paper_consent_upload,
        name="helpers_paper_consent_upload",
    ),
    path(
        "helpers/consents/<int:consent_id>/paper/check/",
        coaching.paper_consent_check,
        name="helpers_paper_consent_check",
    ),
    path("helpers/people/<int:person_id>/", coaching.person_detail, name="helpers_person"),
    path("helpers/people/<int:person_id>/card/", coaching.card_print, name="helpers_card"),
    path(
        "helpers/people/<int:person_id>/sessions/new/",
        coaching.session_log,
        name="helpers_session_log",
    ),
    path(
        "helpers/people/<int:person_id>/live/start/", coaching.live_start, name="helpers_live_start"
    ),
    path("helpers/people/<int:person_id>/live/end/", coaching.live_end, name="helpers_live_end"),
    path(
        "helpers/people/<int:person_id>/enrol/",
        coaching.helper_enrol_person,
        name="helpers_enrol",
    ),
    path("helpers/manage/", coaching.helper_profiles, name="helper_profiles"),
    path(
        "helpers/manage/<int:profile_id>/<str:action>/",
        coaching.helper_profile_action,
        name="helper_profile_action",
    ),
    path("me/helpers/", coaching.my_helpers, name="my_helpers"),
    path(
        "me/helpers/consents/<int:consent_id>/answer/",
        coaching.my_consent_answer,
        name="my_consent_answer",
    ),
    path(
        "me/helpers/consents/<int:consent_id>/withdraw/",
        coaching.my_consent_withdraw,
        name="my_consent_withdraw",
    ),
    path("me/helpers/session/end/", coaching.my_live_end, name="my_live_end"),
    path("me/helpers/take-over/", coaching.my_take_over, name="my_take_over"),
    path("card/", coaching.card_signin, name="card_signin"),
]
