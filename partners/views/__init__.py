"""Pages for partner staff."""
