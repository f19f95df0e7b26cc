"""Course "Coaching as a digital helper": the short training a library, social
service or Connectoo desk can require before a helper is activated. One
module, two lessons and a small quiz; its certificate is what organisations
check (`partners.Organisation.helper_training_course_key`)."""

from courses.content.text import FALSE, TRUE, choice, t

BANK = {
    "key": "helpers-training",
    "title": t(
        "Digital helpers: consent and coaching",
        "Digitale helpers: toestemming en begeleiding",
        "Aidants numériques : consentement et accompagnement",
        "Digitale Helfer: Einwilligung und Begleitung",
    ),
    "questions": [
        {
            "kind": "single",
            "competence": "2.1",
            "prompt": t(
                "A person you coach asks you to type their password for them. What do you do?",
                "Iemand die je begeleidt, vraagt je om zijn wachtwoord voor hem te typen. Wat doe je?",
                "Une personne que vous accompagnez vous demande de taper son mot de passe à sa place. Que faites-vous ?",
                "Eine Person, die Sie begleiten, bittet Sie, ihr Passwort für sie einzugeben. Was tun Sie?",
            ),
            "choices": [
                choice(
                    t(
                        "I explain the steps and let the person type it",
                        "Ik leg de stappen uit en laat de persoon het zelf typen",
                        "J'explique les étapes et je laisse la personne le taper",
                        "Ich erkläre die Schritte und lasse die Person es selbst eingeben",
                    ),
                    True,
                    t(
                        "Yes: the password stays the person's own.",
                        "Ja: het wachtwoord blijft van de persoon zelf.",
                        "Oui : le mot de passe reste celui de la personne.",
                        "Ja: Das Passwort bleibt das der Person.",
                    ),
                ),
                choice(
                    t(
                        "I type it and write it down for next time",
                        "Ik typ het en schrijf het op voor de volgende keer",
                        "Je le tape et je le note pour la prochaine fois",
                        "Ich gebe es ein und schreibe es für das nächste Mal auf",
                    ),
                    False,
                    t(
                        "No: a helper never keeps a person's password.",
                        "Nee: een helper bewaart nooit het wachtwoord van iemand.",
                        "Non : un aidant ne garde jamais le mot de passe d'une personne.",
                        "Nein: Ein Helfer bewahrt nie das Passwort einer Person auf.",
                    ),
                ),
            ],
            "explanation": t(
                "Show, then let the person do it: they stay in control of their account.",
                "Toon het, en laat de persoon het dan doen: zo houdt die de controle over het account.",
                "Montrez, puis laissez faire la personne : elle garde la maîtrise de son compte.",
                "Zeigen Sie es und lassen Sie die Person es dann tun: So behält sie die Kontrolle über ihr Konto.",
            ),
        },
        {
            "kind": "true_false",
            "competence": "4.2",
            "prompt": t(
                "A person can withdraw their consent at any time, and you lose access at once.",
                "Iemand kan zijn toestemming altijd intrekken, en dan verlies je meteen de toegang.",
                "Une personne peut retirer son consentement à tout moment, et vous perdez l'accès aussitôt.",
                "Eine Person kann ihre Einwilligung jederzeit widerrufen, und Sie verlieren sofort den Zugang.",
            ),
            "choices": [choice(TRUE, True), choice(FALSE, False)],
            "explanation": t(
                "True: consent belongs to the person, on the “My helpers” page.",
                "Waar: de toestemming is van de persoon, op de pagina “Mijn helpers”.",
                "Vrai : le consentement appartient à la personne, sur la page « Mes aidants ».",
                "Richtig: Die Einwilligung gehört der Person, auf der Seite „Meine Helfer“.",
            ),
        },
        {
            "kind": "true_false",
            "competence": "2.1",
            "prompt": t(
                "During a session together you may take the person's certification exam for them.",
                "Tijdens een sessie samen mag je het certificeringsexamen voor de persoon afleggen.",
                "Pendant une séance ensemble, vous pouvez passer l'examen de certification à la place de la personne.",
                "Während einer gemeinsamen Sitzung dürfen Sie die Zertifikatsprüfung für die Person ablegen.",
            ),
            "choices": [choice(TRUE, False), choice(FALSE, True)],
            "explanation": t(
                "False: exams are always taken alone; the platform closes them during a session.",
                "Niet waar: examens leg je altijd alleen af; het platform sluit ze tijdens een sessie.",
                "Faux : les examens se passent toujours seul ; la plateforme les ferme pendant une séance.",
                "Falsch: Prüfungen legt man immer allein ab; die Plattform schließt sie während einer Sitzung.",
            ),
        },
    ],
}


def _p(en, nl, fr, de) -> tuple:
    return ("paragraph", t(f"<p>{en}</p>", f"<p>{nl}</p>", f"<p>{fr}</p>", f"<p>{de}</p>"))


COURSE = {
    "slug": "digital-helpers",
    "track": "basic",
    "audience": "adults",
    "target_level": 3,
    "estimated_minutes": 30,
    "competences": ["2.1", "4.2"],
    "certificate_validity_months": 24,
    "title": t(
        "Coaching as a digital helper",
        "Begeleiden als digitale helper",
        "Accompagner en tant qu'aidant numérique",
        "Begleiten als digitaler Helfer",
    ),
    "summary": t(
        "For staff and volunteers of libraries, social services and Connectoo desks: ask for consent, create an assisted account, coach a session and respect the person's choices.",
        "Voor medewerkers en vrijwilligers van bibliotheken, sociale diensten en Connectoo-loketten: toestemming vragen, een begeleid account aanmaken, een sessie begeleiden en de keuzes van de persoon respecteren.",
        "Pour le personnel et les bénévoles des bibliothèques, services sociaux et guichets Connectoo : demander le consentement, créer un compte assisté, accompagner une séance et respecter les choix de la personne.",
        "Für Mitarbeitende und Freiwillige von Bibliotheken, Sozialdiensten und Connectoo-Schaltern: um Einwilligung bitten, ein begleitetes Konto erstellen, eine Sitzung begleiten und die Entscheidungen der Person respektieren.",
    ),
    "outcomes": [
        t(
            "Ask for consent and explain what it allows",
            "Om toestemming vragen en uitleggen wat ze toelaat",
            "Demander le consentement et expliquer ce qu'il permet",
            "Um Einwilligung bitten und erklären, was sie erlaubt",
        ),
        t(
            "Coach without taking over the person's account",
            "Begeleiden zonder het account van de persoon over te nemen",
            "Accompagner sans prendre la place de la personne sur son compte",
            "Begleiten, ohne das Konto der Person zu übernehmen",
        ),
    ],
    "prerequisites": t(
        "<p>You work or volunteer for an organisation that offers digital help.</p>",
        "<p>Je werkt of bent vrijwilliger bij een organisatie die digitale hulp biedt.</p>",
        "<p>Vous travaillez ou êtes bénévole dans une organisation qui offre une aide numérique.</p>",
        "<p>Sie arbeiten haupt- oder ehrenamtlich für eine Organisation, die digitale Hilfe anbietet.</p>",
    ),
    "modules": [
        {
            "slug": "consent-and-coaching",
            "title": t(
                "Consent and coaching",
                "Toestemming en begeleiding",
                "Consentement et accompagnement",
                "Einwilligung und Begleitung",
            ),
            "intro": t(
                "The person stays in control: you help, they decide.",
                "De persoon houdt de controle: jij helpt, die persoon beslist.",
                "La personne garde la maîtrise : vous aidez, elle décide.",
                "Die Person behält die Kontrolle: Sie helfen, die Person entscheidet.",
            ),
            "lessons": [
                {
                    "slug": "asking-for-consent",
                    "title": t(
                        "Asking for consent",
                        "Om toestemming vragen",
                        "Demander le consentement",
                        "Um Einwilligung bitten",
                    ),
                    "minutes": 10,
                    "competences": ["4.2"],
                    "body": [
                        _p(
                            "Before you see someone's progress or help on their account, the person agrees: on screen, or on the paper form you keep. They choose what you may do and for how long: one day, one month, six months or one year.",
                            "Voor je iemands voortgang ziet of helpt op het account, gaat de persoon akkoord: op het scherm, of op het papieren formulier dat jij bewaart. De persoon kiest wat je mag doen en hoe lang: één dag, één maand, zes maanden of één jaar.",
                            "Avant de voir la progression de quelqu'un ou de l'aider sur son compte, la personne donne son accord : à l'écran, ou sur le formulaire papier que vous conservez. Elle choisit ce que vous pouvez faire et pour combien de temps : un jour, un mois, six mois ou un an.",
                            "Bevor Sie den Fortschritt einer Person sehen oder auf ihrem Konto helfen, stimmt die Person zu: am Bildschirm oder auf dem Papierformular, das Sie aufbewahren. Sie wählt, was Sie tun dürfen und wie lange: einen Tag, einen Monat, sechs Monate oder ein Jahr.",
                        ),
                        _p(
                            "The person can withdraw consent at any time on their “My helpers” page. From that moment you no longer see their account.",
                            "De persoon kan de toestemming altijd intrekken op de pagina “Mijn helpers”. Vanaf dan zie je het account niet meer.",
                            "La personne peut retirer son consentement à tout moment sur sa page « Mes aidants ». À partir de là, vous ne voyez plus son compte.",
                            "Die Person kann die Einwilligung jederzeit auf ihrer Seite „Meine Helfer“ widerrufen. Ab dann sehen Sie ihr Konto nicht mehr.",
                        ),
                    ],
                },
                {
                    "slug": "coaching-a-session",
                    "title": t(
                        "Coaching a session",
                        "Een sessie begeleiden",
                        "Accompagner une séance",
                        "Eine Sitzung begleiten",
                    ),
                    "minutes": 15,
                    "competences": ["2.1"],
                    "body": [
                        _p(
                            "Start a session together when you sit with the person: what they learn meanwhile is marked “with a helper”. Show, then let the person do it. Exams are always taken alone.",
                            "Start een sessie samen wanneer je naast de persoon zit: wat die intussen leert, wordt gemarkeerd als “met een helper”. Toon het, en laat de persoon het dan doen. Examens leg je altijd alleen af.",
                            "Commencez une séance ensemble quand vous êtes avec la personne : ce qu'elle apprend pendant ce temps est marqué « avec un aidant ». Montrez, puis laissez-la faire. Les examens se passent toujours seul.",
                            "Starten Sie eine gemeinsame Sitzung, wenn Sie bei der Person sitzen: Was sie in dieser Zeit lernt, wird als „mit Helfer“ markiert. Zeigen Sie es, und lassen Sie die Person es dann tun. Prüfungen legt man immer allein ab.",
                        ),
                        _p(
                            "After the session, log it: date, duration, place, topics and a short note the person can read.",
                            "Noteer na de sessie: datum, duur, plaats, onderwerpen en een korte notitie die de persoon kan lezen.",
                            "Après la séance, enregistrez-la : date, durée, lieu, sujets et une courte note que la personne peut lire.",
                            "Erfassen Sie die Sitzung danach: Datum, Dauer, Ort, Themen und eine kurze Notiz, die die Person lesen kann.",
                        ),
                        (
                            "quiz",
                            {
                                "title": t(
                                    "Check what you know",
                                    "Test wat je weet",
                                    "Vérifiez ce que vous savez",
                                    "Prüfen Sie Ihr Wissen",
                                ),
                                "instructions": t(
                                    "Three short questions. You can try as often as you like.",
                                    "Drie korte vragen. Je mag zo vaak proberen als je wilt.",
                                    "Trois courtes questions. Vous pouvez essayer autant de fois que vous voulez.",
                                    "Drei kurze Fragen. Sie können es so oft versuchen, wie Sie möchten.",
                                ),
                                "bank": "helpers-training",
                                "mode": "practice",
                                "question_count": 3,
                                "pass_mark_percent": 60,
                                "required": False,
                            },
                        ),
                    ],
                },
                {
                    "slug": "final-check",
                    "title": t(
                        "Final check",
                        "Eindcontrole",
                        "Vérification finale",
                        "Abschlusskontrolle",
                    ),
                    "minutes": 10,
                    "competences": ["2.1", "4.2"],
                    "body": [
                        _p(
                            "Five questions on consent and coaching, drawn for you from a bank of twenty-five. You need four right answers. Take it alone: your organisation activates you as a helper once you hold the certificate.",
                            "Vijf vragen over toestemming en begeleiding, voor jou gekozen uit vijfentwintig. Je hebt vier juiste antwoorden nodig. Doe het alleen: je organisatie activeert je als helper zodra je het certificaat hebt.",
                            "Cinq questions sur le consentement et l'accompagnement, tirées pour vous parmi vingt-cinq. Il vous faut quatre bonnes réponses. Faites-le seul : votre organisation vous active comme aidant dès que vous avez le certificat.",
                            "Fünf Fragen zu Einwilligung und Begleitung, für Sie aus fünfundzwanzig ausgewählt. Sie brauchen vier richtige Antworten. Legen Sie sie allein ab: Ihre Organisation schaltet Sie als Helfer frei, sobald Sie das Zertifikat haben.",
                        ),
                        (
                            "quiz",
                            {
                                "title": t(
                                    "Digital helpers: final check",
                                    "Digitale helpers: eindcontrole",
                                    "Aidants numériques : vérification finale",
                                    "Digitale Helfer: Abschlusskontrolle",
                                ),
                                "bank": "helpers-exam",
                                "mode": "exam",
                                "blueprint": [
                                    ("2.1", 1, 1),
                                    ("2.1", 2, 1),
                                    ("4.2", 1, 2),
                                    ("4.2", 2, 1),
                                ],
                                "pass_mark_percent": 80,
                                "max_attempts": 5,
                                "cooldown_minutes": 60,
                                "time_limit_minutes": 15,
                                "required": True,
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}
