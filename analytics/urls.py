"""Reports and the fund officer's dashboard, under /<lang>/fund/."""

app_name = "analytics"

urlpatterns: list = []
