from django.urls import path

from frontend import views

app_name = "frontend"

urlpatterns = [
    path("design-system/", views.design_system, name="design_system"),
    path("help/", views.help_page, name="help"),
]
