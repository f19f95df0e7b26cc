"""The catalogue page's words in the four languages, used by `site_bootstrap`."""

CATALOGUE = {
    "en": {
        "title": "Courses",
        "slug": "courses",
        "intro": "Free courses in your language. Filter by what you want to learn, "
        "for whom, and how much time you have.",
        "link_text": "See the courses",
    },
    "nl": {
        "title": "Cursussen",
        "slug": "cursussen",
        "intro": "Gratis cursussen in je eigen taal. Kies wat je wilt leren, voor wie, "
        "en hoeveel tijd je hebt.",
        "link_text": "Bekijk de cursussen",
    },
    "fr": {
        "title": "Cours",
        "slug": "cours",
        "intro": "Des cours gratuits dans votre langue. Choisissez ce que vous voulez "
        "apprendre, pour qui, et combien de temps vous avez.",
        "link_text": "Voir les cours",
    },
    "de": {
        "title": "Kurse",
        "slug": "kurse",
        "intro": "Kostenlose Kurse in Ihrer Sprache. Wählen Sie, was Sie lernen möchten, "
        "für wen und wie viel Zeit Sie haben.",
        "link_text": "Zu den Kursen",
    },
}
