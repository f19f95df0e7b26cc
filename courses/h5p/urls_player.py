"""The URLs of the H5P player origin (H5P_PLAYER_ORIGIN), and nothing else:
courses.h5p.origin resolves a player-origin request against this module only."""

from django.urls import path

from courses.h5p import views as h5p

urlpatterns = [
    path("h5p/play/<str:token>/", h5p.player_page, name="h5p_player"),
    path("h5p/play/<str:token>/content/<path:path>", h5p.player_media, name="h5p_player_media"),
    path(
        "h5p/libraries/<str:folder>/<path:path>",
        h5p.player_library_file,
        name="h5p_player_library",
    ),
    path("h5p/assets/<path:path>", h5p.player_asset, name="h5p_player_asset"),
]
