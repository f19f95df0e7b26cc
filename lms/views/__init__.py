"""Views of lms/, one module per feature."""
