"""The home page's words in the four languages, used by `site_bootstrap`.

Written for the people Digiskills serves: plain words, short sentences.
"""

HOME = {
    "en": {
        "title": "Digital skills for everyone in Belgium",
        "slug": "home",
        "lead": (
            "Learn at your own pace, for free, in your language. Start with the basics, "
            "earn a security diploma for your CV, or let your children discover coding."
        ),
        "tracks_heading": "Choose where to start",
        "tracks": [
            (
                "Basic digital skills",
                "Search the web, use e-mail, and do your paperwork online "
                "with itsme and the e-Box.",
            ),
            (
                "Security diploma",
                "Spot phishing, protect your accounts and your data, and show "
                "employers a certificate they can check.",
            ),
            (
                "Coding for kids",
                "Puzzles with blocks for children from 8 years old, in class or at home.",
            ),
        ],
        "help_heading": "Not alone",
        "help": "<p>A digital helper at your library, public computer room or social service "
        "can help you take your first steps. You decide what they may see.</p>",
    },
    "nl": {
        "title": "Digitale vaardigheden voor iedereen in België",
        "slug": "startpagina",
        "lead": (
            "Leer op je eigen tempo, gratis, in je eigen taal. Begin bij de basis, haal een "
            "veiligheidsdiploma voor je cv, of laat je kinderen kennismaken met programmeren."
        ),
        "tracks_heading": "Kies waar je begint",
        "tracks": [
            (
                "Digitale basisvaardigheden",
                "Zoeken op het internet, e-mail gebruiken en je "
                "papierwerk online regelen met itsme en de e-Box.",
            ),
            (
                "Veiligheidsdiploma",
                "Herken phishing, bescherm je accounts en je gegevens, en toon "
                "werkgevers een certificaat dat ze kunnen controleren.",
            ),
            (
                "Programmeren voor kinderen",
                "Puzzels met blokken voor kinderen vanaf 8 jaar, in de klas of thuis.",
            ),
        ],
        "help_heading": "Niet alleen",
        "help": "<p>Een digitale helper in je bibliotheek, openbare computerruimte of sociale "
        "dienst helpt je op weg. Jij beslist wat die persoon mag zien.</p>",
    },
    "fr": {
        "title": "Des compétences numériques pour tout le monde en Belgique",
        "slug": "accueil",
        "lead": (
            "Apprenez à votre rythme, gratuitement, dans votre langue. Commencez par les bases, "
            "obtenez un diplôme de sécurité pour votre CV, ou faites découvrir le code à vos "
            "enfants."
        ),
        "tracks_heading": "Choisissez par où commencer",
        "tracks": [
            (
                "Compétences numériques de base",
                "Chercher sur internet, utiliser l'e-mail et faire "
                "vos démarches en ligne avec itsme et l'e-Box.",
            ),
            (
                "Diplôme de sécurité",
                "Repérez l'hameçonnage, protégez vos comptes et vos données, "
                "et montrez aux employeurs un certificat qu'ils peuvent vérifier.",
            ),
            (
                "Le code pour les enfants",
                "Des puzzles à blocs pour les enfants dès 8 ans, en classe ou à la maison.",
            ),
        ],
        "help_heading": "Pas tout seul",
        "help": "<p>Un aidant numérique de votre bibliothèque, espace public numérique ou "
        "service social peut vous aider à faire vos premiers pas. Vous décidez de ce "
        "qu'il peut voir.</p>",
    },
    "de": {
        "title": "Digitale Kompetenzen für alle in Belgien",
        "slug": "startseite",
        "lead": (
            "Lernen Sie in Ihrem Tempo, kostenlos, in Ihrer Sprache. Beginnen Sie mit den "
            "Grundlagen, erwerben Sie ein Sicherheitsdiplom für Ihren Lebenslauf oder lassen "
            "Sie Ihre Kinder das Programmieren entdecken."
        ),
        "tracks_heading": "Wählen Sie Ihren Einstieg",
        "tracks": [
            (
                "Digitale Grundkompetenzen",
                "Im Internet suchen, E-Mails nutzen und Behördengänge "
                "online erledigen mit itsme und der e-Box.",
            ),
            (
                "Sicherheitsdiplom",
                "Phishing erkennen, Konten und Daten schützen und Arbeitgebern "
                "ein überprüfbares Zertifikat zeigen.",
            ),
            (
                "Programmieren für Kinder",
                "Blockpuzzles für Kinder ab 8 Jahren, in der Klasse oder zu Hause.",
            ),
        ],
        "help_heading": "Nicht allein",
        "help": "<p>Eine digitale Begleitperson in Ihrer Bibliothek, Ihrem öffentlichen "
        "Computerraum oder Sozialdienst hilft Ihnen bei den ersten Schritten. Sie "
        "entscheiden, was diese Person sehen darf.</p>",
    },
}
