"""The demo H5P activity, "Strong passwords", in the four languages."""

L10N = {
    "nl": {
        "check": "Controleren",
        "next": "Volgende vraag",
        "finish": "Toon mijn score",
        "retry": "Opnieuw proberen",
        "correct": "Juist!",
        "incorrect": "Niet helemaal.",
        "chooseFirst": "Kies eerst een antwoord.",
        "progress": "Vraag :num van :total",
        "score": "Je scoorde :num op :total.",
        "passed": "Goed gedaan: je bent geslaagd.",
        "failed": "Nog niet: lees de les opnieuw en probeer nog eens.",
    },
    "fr": {
        "check": "Vérifier",
        "next": "Question suivante",
        "finish": "Voir mon score",
        "retry": "Réessayer",
        "correct": "Correct !",
        "incorrect": "Pas tout à fait.",
        "chooseFirst": "Choisissez d'abord une réponse.",
        "progress": "Question :num sur :total",
        "score": "Vous avez obtenu :num sur :total.",
        "passed": "Bravo : vous avez réussi.",
        "failed": "Pas encore : relisez la leçon et réessayez.",
    },
    "de": {
        "check": "Prüfen",
        "next": "Nächste Frage",
        "finish": "Mein Ergebnis zeigen",
        "retry": "Noch einmal versuchen",
        "correct": "Richtig!",
        "incorrect": "Nicht ganz.",
        "chooseFirst": "Wählen Sie zuerst eine Antwort.",
        "progress": "Frage :num von :total",
        "score": "Sie haben :num von :total Punkten erreicht.",
        "passed": "Gut gemacht: Sie haben bestanden.",
        "failed": "Noch nicht: Lesen Sie die Lektion noch einmal und versuchen Sie es erneut.",
    },
    "en": {
        "check": "Check",
        "next": "Next question",
        "finish": "See my score",
        "retry": "Try again",
        "correct": "Correct!",
        "incorrect": "Not quite.",
        "chooseFirst": "Choose an answer first.",
        "progress": "Question :num of :total",
        "score": "You scored :num out of :total.",
        "passed": "Well done: you passed.",
        "failed": "Not yet: read the lesson again and retry.",
    },
}

# title, intro, then per question: text, image alt (or ""), answers as
# (text, correct, feedback).
QUIZ = {
    "nl": {
        "title": "Sterke wachtwoorden",
        "intro": "<p>Drie korte vragen over <strong>veilige wachtwoorden</strong>.</p>",
        "questions": [
            (
                "Welk wachtwoord is het sterkst?",
                "Een hangslot naast een lange rij sterretjes, zoals een verborgen wachtwoord.",
                [
                    ("Marie1990", False, "Namen en geboortejaren zijn snel geraden."),
                    (
                        "fiets-wolk-tafel-regen",
                        True,
                        "Vier losse woorden zijn lang en makkelijk te onthouden.",
                    ),
                    ("P@ssw0rd", False, "Dit staat in elke lijst met gelekte wachtwoorden."),
                ],
            ),
            (
                "Mag je hetzelfde wachtwoord voor meerdere sites gebruiken?",
                "",
                [
                    ("Ja, als het sterk is", False, "Lekt één site, dan zijn al je accounts open."),
                    (
                        "Nee, gebruik voor elke site een ander",
                        True,
                        "Een wachtwoordbeheerder helpt daarbij.",
                    ),
                ],
            ),
            (
                "Wat maakt je account nog veiliger dan een sterk wachtwoord?",
                "",
                [
                    (
                        "Tweestapsverificatie",
                        True,
                        "Een tweede stap, zoals een code op je telefoon, houdt indringers buiten.",
                    ),
                    (
                        "Het wachtwoord op een briefje bij je computer",
                        False,
                        "Wie het briefje ziet, kent je wachtwoord.",
                    ),
                    (
                        "Elke week één teken veranderen",
                        False,
                        "Kleine wijzigingen zijn makkelijk te raden.",
                    ),
                ],
            ),
        ],
    },
    "fr": {
        "title": "Des mots de passe solides",
        "intro": "<p>Trois questions courtes sur les <strong>mots de passe sûrs</strong>.</p>",
        "questions": [
            (
                "Quel mot de passe est le plus solide ?",
                "Un cadenas à côté d'une longue rangée d'astérisques, "
                "comme un mot de passe masqué.",
                [
                    (
                        "Marie1990",
                        False,
                        "Les prénoms et les années de naissance se devinent vite.",
                    ),
                    (
                        "velo-nuage-table-pluie",
                        True,
                        "Quatre mots sans lien : long et facile à retenir.",
                    ),
                    (
                        "P@ssw0rd",
                        False,
                        "Il figure dans toutes les listes de mots de passe divulgués.",
                    ),
                ],
            ),
            (
                "Peut-on utiliser le même mot de passe sur plusieurs sites ?",
                "",
                [
                    (
                        "Oui, s'il est solide",
                        False,
                        "Si un site subit une fuite, tous vos comptes sont ouverts.",
                    ),
                    (
                        "Non, un mot de passe différent pour chaque site",
                        True,
                        "Un gestionnaire de mots de passe vous y aide.",
                    ),
                ],
            ),
            (
                "Qu'est-ce qui protège votre compte encore mieux qu'un mot de passe solide ?",
                "",
                [
                    (
                        "La vérification en deux étapes",
                        True,
                        "Une deuxième étape, comme un code sur votre téléphone, bloque les intrus.",
                    ),
                    (
                        "Le mot de passe noté sur un papier près de l'ordinateur",
                        False,
                        "Qui voit le papier connaît votre mot de passe.",
                    ),
                    (
                        "Changer un caractère chaque semaine",
                        False,
                        "De petites modifications se devinent facilement.",
                    ),
                ],
            ),
        ],
    },
    "de": {
        "title": "Starke Passwörter",
        "intro": "<p>Drei kurze Fragen zu <strong>sicheren Passwörtern</strong>.</p>",
        "questions": [
            (
                "Welches Passwort ist am stärksten?",
                "Ein Vorhängeschloss neben einer langen Reihe von Sternchen, "
                "wie ein verborgenes Passwort.",
                [
                    ("Marie1990", False, "Namen und Geburtsjahre sind schnell erraten."),
                    (
                        "Fahrrad-Wolke-Tisch-Regen",
                        True,
                        "Vier lose Wörter sind lang und leicht zu merken.",
                    ),
                    ("P@ssw0rd", False, "Es steht in jeder Liste geleakter Passwörter."),
                ],
            ),
            (
                "Darf man dasselbe Passwort für mehrere Websites verwenden?",
                "",
                [
                    (
                        "Ja, wenn es stark ist",
                        False,
                        "Wird eine Website gehackt, sind alle Ihre Konten offen.",
                    ),
                    (
                        "Nein, für jede Website ein anderes",
                        True,
                        "Ein Passwort-Manager hilft dabei.",
                    ),
                ],
            ),
            (
                "Was schützt Ihr Konto noch besser als ein starkes Passwort?",
                "",
                [
                    (
                        "Die Zwei-Faktor-Authentifizierung",
                        True,
                        "Ein zweiter Schritt, etwa ein Code auf dem Handy, "
                        "hält Eindringlinge fern.",
                    ),
                    (
                        "Das Passwort auf einem Zettel am Computer",
                        False,
                        "Wer den Zettel sieht, kennt Ihr Passwort.",
                    ),
                    (
                        "Jede Woche ein Zeichen ändern",
                        False,
                        "Kleine Änderungen sind leicht zu erraten.",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "Strong passwords",
        "intro": "<p>Three short questions about <strong>safe passwords</strong>.</p>",
        "questions": [
            (
                "Which password is the strongest?",
                "A padlock next to a long row of asterisks, like a hidden password.",
                [
                    ("Marie1990", False, "Names and years of birth are guessed quickly."),
                    (
                        "bike-cloud-table-rain",
                        True,
                        "Four unrelated words are long and easy to remember.",
                    ),
                    ("P@ssw0rd", False, "It is on every list of leaked passwords."),
                ],
            ),
            (
                "May you use the same password on several sites?",
                "",
                [
                    (
                        "Yes, if it is strong",
                        False,
                        "When one site leaks, all your accounts are open.",
                    ),
                    (
                        "No, use a different one for every site",
                        True,
                        "A password manager helps with that.",
                    ),
                ],
            ),
            (
                "What protects your account even better than a strong password?",
                "",
                [
                    (
                        "Two-step verification",
                        True,
                        "A second step, such as a code on your phone, keeps intruders out.",
                    ),
                    (
                        "The password on a note by your computer",
                        False,
                        "Whoever sees the note knows your password.",
                    ),
                    (
                        "Changing one character every week",
                        False,
                        "Small changes are easy to guess.",
                    ),
                ],
            ),
        ],
    },
}
