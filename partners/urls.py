"""Pages for partner staff, under /<lang>/partners/."""

app_name = "partners"

urlpatterns: list = []
