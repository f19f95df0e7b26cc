"""PDFs lms draws: class login cards and diplomas (sections), the paper
consent form (consent)."""
