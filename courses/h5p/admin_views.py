"""Wagtail admin pages for H5P: the activities (editors) and the library store
(administrators). Loaded by one import line in courses/wagtail_hooks.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.h5p.errors import PackageRefused
from courses.h5p.forms import H5PContentUploadForm, H5PLibraryInstallForm
from courses.h5p.library_store import library_approve, library_install, library_remove
from courses.h5p.permissions import (
    access_h5p_content_delete,
    access_h5p_content_upload,
    access_h5p_library_install,
    access_h5p_library_remove,
)
from courses.h5p.selectors import (
    h5p_content_list,
    h5p_content_waiting_for,
    h5p_lessons_playing,
    h5p_library_list,
    h5p_library_proposals,
    h5p_library_review,
)
from courses.h5p.services import h5p_content_create, h5p_content_delete
from courses.models import H5PContent, H5PLibrary

PER_PAGE = 50


def content_index(request):
    access_h5p_content_upload(request.user)
    form = H5PContentUploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            content = h5p_content_create(
                upload=form.cleaned_data["file"],
                language=form.cleaned_data["language"],
                title=form.cleaned_data["title"],
                uploaded_by=request.user,
                translation_of=form.cleaned_data["translation_of"],
            )
        except PackageRefused as refusal:
            form.add_error("file", refusal.message)
        else:
            waiting = h5p_content_waiting_for(content=content)
            if waiting:
                messages.warning(
                    request,
                    _(
                        "“%(title)s” was added. It plays once an administrator has approved "
                        "the libraries it brought: %(libraries)s."
                    )
                    % {"title": content.title, "libraries": ", ".join(map(str, waiting))},
                )
            else:
                messages.success(request, _("“%(title)s” was added.") % {"title": content.title})
            return redirect("h5p_content_index")
    contents = Paginator(h5p_content_list(), PER_PAGE).get_page(request.GET.get("p"))
    for content in contents:
        content.waiting_for = h5p_content_waiting_for(content=content)
    return TemplateResponse(
        request,
        "courses/h5p/content_index.html",
        {
            "form": form,
            "contents": contents,
            "elided_page_range": contents.paginator.get_elided_page_range(contents.number),
            "may_install": request.user.has_perm("courses.add_h5plibrary"),
            "may_delete": request.user.has_perm("courses.delete_h5pcontent"),
        },
        status=400 if form.errors else 200,
    )


def library_index(request):
    access_h5p_library_install(request.user)
    form = H5PLibraryInstallForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            installed = library_install(source=form.cleaned_data["file"], installed_by=request.user)
        except PackageRefused as refusal:
            form.add_error("file", refusal.message)
        else:
            messages.success(
                request,
                _("Installed: %(libraries)s.") % {"libraries": ", ".join(map(str, installed))},
            )
            return redirect("h5p_library_index")
    return TemplateResponse(
        request,
        "courses/h5p/library_index.html",
        {
            "form": form,
            "libraries": h5p_library_list().filter(approved_at__isnull=False),
            "proposals": h5p_library_proposals(),
        },
        status=400 if form.errors else 200,
    )


def content_delete(request, pk: int):
    """Confirm, then delete an activity; refused (naming the lessons) while a
    published lesson plays it."""
    access_h5p_content_delete(request.user)
    content = get_object_or_404(H5PContent.objects.select_related("main_library"), pk=pk)
    refusal = None
    if request.method == "POST":
        try:
            h5p_content_delete(content=content, deleted_by=request.user)
        except PackageRefused as error:
            refusal = error.message
        else:
            messages.success(request, _("“%(title)s” was deleted.") % {"title": content.title})
            return redirect("h5p_content_index")
    return TemplateResponse(
        request,
        "courses/h5p/content_delete.html",
        {"content": content, "lessons": h5p_lessons_playing(content=content), "refusal": refusal},
        status=409 if refusal else 200,
    )


def content_libraries(request, pk: int):
    """The libraries an activity waits for, each linked to its review, and one
    button to approve them all (an administrator's act)."""
    access_h5p_library_install(request.user)
    content = get_object_or_404(H5PContent.objects.select_related("main_library"), pk=pk)
    if request.method == "POST":
        approved = []
        for library in h5p_content_waiting_for(content=content):
            approved += library_approve(library=library, approved_by=request.user)
        messages.success(
            request,
            _("Approved: %(libraries)s.")
            % {"libraries": ", ".join(sorted({str(row) for row in approved})) or "—"},
        )
        return redirect("h5p_content_libraries", pk=content.pk)
    return TemplateResponse(
        request,
        "courses/h5p/content_libraries.html",
        {"content": content, "waiting": h5p_content_waiting_for(content=content)},
    )


def library_detail(request, pk: int):
    """One library: its files and version, a diff against the installed
    version it upgrades, the activities using it; approve or remove it."""
    access_h5p_library_install(request.user)
    library = get_object_or_404(H5PLibrary, pk=pk)
    refusal = None
    if request.method == "POST" and request.POST.get("action") == "approve":
        approved = library_approve(library=library, approved_by=request.user)
        messages.success(
            request,
            _("Approved: %(libraries)s.")
            % {"libraries": ", ".join(map(str, approved)) or str(library)},
        )
        return redirect("h5p_library_detail", pk=library.pk)
    if request.method == "POST" and request.POST.get("action") == "remove":
        access_h5p_library_remove(request.user)
        try:
            library_remove(library=library, removed_by=request.user)
        except PackageRefused as error:
            refusal = error.message
        else:
            messages.success(request, _("Removed: %(library)s.") % {"library": library})
            return redirect("h5p_library_index")
    return TemplateResponse(
        request,
        "courses/h5p/library_detail.html",
        {
            "review": h5p_library_review(library=library),
            "refusal": refusal,
            "may_remove": request.user.has_perm("courses.delete_h5plibrary"),
        },
        status=409 if refusal else 200,
    )


@hooks.register("register_admin_urls")
def register_h5p_urls():
    return [
        path("h5p/", content_index, name="h5p_content_index"),
        path("h5p/<int:pk>/delete/", content_delete, name="h5p_content_delete"),
        path("h5p/<int:pk>/libraries/", content_libraries, name="h5p_content_libraries"),
        path("h5p/libraries/", library_index, name="h5p_library_index"),
        path("h5p/libraries/<int:pk>/", library_detail, name="h5p_library_detail"),
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_h5p_menu_item():
    return _PermissionMenuItem(
        gettext_lazy("H5P activities"),
        reverse("h5p_content_index"),
        icon_name="media",
        order=450,
        permission="courses.add_h5pcontent",
    )


@hooks.register("register_settings_menu_item")
def register_h5p_library_menu_item():
    return _PermissionMenuItem(
        gettext_lazy("H5P libraries"),
        reverse("h5p_library_index"),
        icon_name="code",
        order=900,
        permission="courses.add_h5plibrary",
    )
