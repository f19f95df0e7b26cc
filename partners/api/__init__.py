"""The partner REST API (django-ninja). See main.py."""
