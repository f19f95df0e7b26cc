"""What the query budgets of the tests share."""

from django.db import connection

# The signed-in person's groups and admin access (the menu's roles) come with
# the person on PostgreSQL (lms.auth_backends); elsewhere a query of their own.
ROLES_QUERY = 0 if connection.vendor == "postgresql" else 1
