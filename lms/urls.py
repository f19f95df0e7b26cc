from django.urls import path

from lms import views

app_name = "lms"

urlpatterns = [
    path("me/", views.profile, name="profile"),
]
