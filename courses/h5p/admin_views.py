"""Wagtail admin pages for H5P: the activities (editors) and the library store
(administrators). Loaded by one import line in courses/wagtail_hooks.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.h5p.errors import PackageRefused
from courses.h5p.forms import H5PContentUploadForm, H5PLibraryInstallForm
from courses.h5p.library_store import library_install
from courses.h5p.permissions import access_h5p_content_upload, access_h5p_library_install
from courses.h5p.selectors import h5p_content_list, h5p_library_list
from courses.h5p.services import h5p_content_create

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
                strip_libraries=form.cleaned_data["strip_libraries"],
            )
        except PackageRefused as refusal:
            form.add_error("file", refusal.message)
        else:
            messages.success(request, _("“%(title)s” was added.") % {"title": content.title})
            return redirect("h5p_content_index")
    contents = Paginator(h5p_content_list(), PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "courses/h5p/content_index.html",
        {
            "form": form,
            "contents": contents,
            "elided_page_range": contents.paginator.get_elided_page_range(contents.number),
            "may_install": request.user.has_perm("courses.add_h5plibrary"),
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
        {"form": form, "libraries": h5p_library_list()},
        status=400 if form.errors else 200,
    )


@hooks.register("register_admin_urls")
def register_h5p_urls():
    return [
        path("h5p/", content_index, name="h5p_content_index"),
        path("h5p/libraries/", library_index, name="h5p_library_index"),
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
