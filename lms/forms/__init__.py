"""Forms of lms, one module per area (accounts, coaching, sections)."""
