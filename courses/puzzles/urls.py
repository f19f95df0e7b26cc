from django.urls import path

from courses.puzzles import views

app_name = "puzzles"

urlpatterns = [
    path("", views.level_list, name="level_list"),
    path("<int:number>/", views.level_play, name="level_play"),
    path("<int:number>/check/", views.level_check, name="check"),
]
