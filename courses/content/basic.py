"""Course "Basic digital skills": for adults who are starting out, for
instance a senior who wants to use online public services. Four modules, each
with lessons and a short quiz. Plain words, short sentences."""

from courses.content.text import FALSE, TRUE, choice, t

BANKS = [
    {
        "key": "basic-search",
        "title": t(
            "Basic skills: searching and judging information",
            "Basisvaardigheden: informatie zoeken en beoordelen",
            "Compétences de base : chercher et évaluer l'information",
            "Grundkompetenzen: Informationen suchen und bewerten",
        ),
        "questions": [
            {
                "kind": "single",
                "competence": "1.1",
                "prompt": t(
                    "You want to know when the town hall is open. What do you type in the search engine?",
                    "Je wilt weten wanneer het gemeentehuis open is. Wat typ je in de zoekmachine?",
                    "Vous voulez savoir quand la maison communale est ouverte. Que tapez-vous dans le moteur de recherche ?",
                    "Sie möchten wissen, wann das Gemeindehaus geöffnet ist. Was geben Sie in die Suchmaschine ein?",
                ),
                "choices": [
                    choice(
                        t(
                            "opening hours town hall + the name of your town",
                            "openingsuren gemeentehuis + de naam van je gemeente",
                            "heures d'ouverture maison communale + le nom de votre commune",
                            "Öffnungszeiten Gemeindehaus + der Name Ihrer Gemeinde",
                        ),
                        True,
                        t(
                            "Yes: a few precise words, with the name of your town.",
                            "Ja: enkele precieze woorden, met de naam van je gemeente.",
                            "Oui : quelques mots précis, avec le nom de votre commune.",
                            "Ja: wenige genaue Wörter, mit dem Namen Ihrer Gemeinde.",
                        ),
                    ),
                    choice(
                        t(
                            "hello, can you tell me when it is open please",
                            "hallo, kun je me zeggen wanneer het open is aub",
                            "bonjour, pouvez-vous me dire quand c'est ouvert svp",
                            "Hallo, können Sie mir bitte sagen, wann geöffnet ist",
                        ),
                        False,
                        t(
                            'A search engine does not know what "it" is. Use precise words.',
                            'Een zoekmachine weet niet wat "het" is. Gebruik precieze woorden.',
                            "Un moteur de recherche ne sait pas ce que « c' » désigne. Utilisez des mots précis.",
                            "Eine Suchmaschine weiß nicht, was „es“ ist. Verwenden Sie genaue Wörter.",
                        ),
                    ),
                    choice(
                        t("town", "gemeente", "commune", "Gemeinde"),
                        False,
                        t(
                            "One word gives millions of results. Add what you are looking for.",
                            "Eén woord geeft miljoenen resultaten. Voeg toe wat je zoekt.",
                            "Un seul mot donne des millions de résultats. Ajoutez ce que vous cherchez.",
                            "Ein Wort ergibt Millionen Treffer. Fügen Sie hinzu, was Sie suchen.",
                        ),
                    ),
                ],
                "explanation": t(
                    "Type a few precise words: what you want and where.",
                    "Typ enkele precieze woorden: wat je zoekt en waar.",
                    "Tapez quelques mots précis : ce que vous cherchez et où.",
                    "Geben Sie wenige genaue Wörter ein: was Sie suchen und wo.",
                ),
            },
            {
                "kind": "true_false",
                "competence": "1.2",
                "prompt": t(
                    "The first result of a search is always the most reliable one.",
                    "Het eerste zoekresultaat is altijd het meest betrouwbare.",
                    "Le premier résultat d'une recherche est toujours le plus fiable.",
                    "Der erste Suchtreffer ist immer der zuverlässigste.",
                ),
                "choices": [
                    choice(
                        TRUE,
                        False,
                        t(
                            "No: the first results are often advertisements.",
                            "Nee: de eerste resultaten zijn vaak advertenties.",
                            "Non : les premiers résultats sont souvent des publicités.",
                            "Nein: Die ersten Treffer sind oft Werbung.",
                        ),
                    ),
                    choice(
                        FALSE,
                        True,
                        t(
                            'Right: look for the word "Sponsored" and check who wrote the page.',
                            'Juist: let op het woord "Gesponsord" en kijk wie de pagina schreef.',
                            "Exact : repérez le mot « Sponsorisé » et vérifiez qui a écrit la page.",
                            "Richtig: Achten Sie auf das Wort „Gesponsert“ und prüfen Sie, wer die Seite geschrieben hat.",
                        ),
                    ),
                ],
                "explanation": t(
                    "Search engines often show paid results first. To reach a government service, type the address you know (for example belgium.be) rather than clicking the first result: anyone can buy a .be address.",
                    "Zoekmachines tonen vaak eerst betaalde resultaten. Voor een overheidsdienst typ je beter zelf het adres dat je kent (bijvoorbeeld belgium.be) dan op het eerste resultaat te klikken: iedereen kan een .be-adres kopen.",
                    "Les moteurs de recherche affichent souvent d'abord des résultats payés. Pour un service public, tapez vous-même l'adresse que vous connaissez (par exemple belgium.be) plutôt que de cliquer sur le premier résultat : n'importe qui peut acheter une adresse en .be.",
                    "Suchmaschinen zeigen oft zuerst bezahlte Treffer. Für eine Behörde tippen Sie besser selbst die Adresse ein, die Sie kennen (zum Beispiel belgium.be), statt auf den ersten Treffer zu klicken: Jeder kann eine .be-Adresse kaufen.",
                ),
            },
            {
                "kind": "multiple",
                "competence": "1.2",
                "prompt": t(
                    "Which signs help you judge if a news article can be trusted? Choose all that apply.",
                    "Welke tekens helpen je beoordelen of een nieuwsartikel te vertrouwen is? Kies alles wat klopt.",
                    "Quels indices vous aident à juger si un article est fiable ? Choisissez toutes les bonnes réponses.",
                    "Welche Hinweise helfen Ihnen zu beurteilen, ob ein Artikel vertrauenswürdig ist? Wählen Sie alle zutreffenden.",
                ),
                "choices": [
                    choice(
                        t(
                            "The author and the date are given",
                            "De auteur en de datum staan erbij",
                            "L'auteur et la date sont indiqués",
                            "Autor und Datum sind angegeben",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            "Other known news sites tell the same story",
                            "Andere bekende nieuwssites brengen hetzelfde verhaal",
                            "D'autres sites d'information connus racontent la même chose",
                            "Andere bekannte Nachrichtenseiten berichten dasselbe",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            "The title is in capital letters with many exclamation marks",
                            "De titel staat in hoofdletters met veel uitroeptekens",
                            "Le titre est en majuscules avec beaucoup de points d'exclamation",
                            "Der Titel steht in Großbuchstaben mit vielen Ausrufezeichen",
                        ),
                        False,
                        t(
                            "Shouting titles are a warning sign, not a sign of quality.",
                            "Schreeuwerige titels zijn een waarschuwing, geen teken van kwaliteit.",
                            "Un titre qui crie est un signal d'alerte, pas un gage de qualité.",
                            "Schreiende Titel sind ein Warnzeichen, kein Qualitätsmerkmal.",
                        ),
                    ),
                    choice(
                        t(
                            "Many people shared it",
                            "Veel mensen hebben het gedeeld",
                            "Beaucoup de gens l'ont partagé",
                            "Viele Menschen haben ihn geteilt",
                        ),
                        False,
                        t(
                            "False news is often shared more than true news.",
                            "Vals nieuws wordt vaak meer gedeeld dan echt nieuws.",
                            "Les fausses informations sont souvent plus partagées que les vraies.",
                            "Falschmeldungen werden oft häufiger geteilt als echte Nachrichten.",
                        ),
                    ),
                ],
                "explanation": t(
                    "Check who wrote it, when, and whether other reliable sources confirm it.",
                    "Kijk wie het schreef, wanneer, en of andere betrouwbare bronnen het bevestigen.",
                    "Vérifiez qui l'a écrit, quand, et si d'autres sources fiables le confirment.",
                    "Prüfen Sie, wer ihn wann geschrieben hat und ob andere zuverlässige Quellen ihn bestätigen.",
                ),
            },
        ],
    },
    {
        "key": "basic-email",
        "title": t(
            "Basic skills: e-mail and messaging",
            "Basisvaardigheden: e-mail en berichten",
            "Compétences de base : e-mail et messagerie",
            "Grundkompetenzen: E-Mail und Nachrichten",
        ),
        "questions": [
            {
                "kind": "single",
                "competence": "2.1",
                "prompt": t(
                    "Where do you type the e-mail address of the person you write to?",
                    "Waar typ je het e-mailadres van de persoon aan wie je schrijft?",
                    "Où tapez-vous l'adresse e-mail de la personne à qui vous écrivez ?",
                    "Wo geben Sie die E-Mail-Adresse der Person ein, der Sie schreiben?",
                ),
                "choices": [
                    choice(
                        t(
                            'In the "To" field',
                            'In het veld "Aan"',
                            "Dans le champ « À »",
                            "Im Feld „An“",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            'In the "Subject" field',
                            'In het veld "Onderwerp"',
                            "Dans le champ « Objet »",
                            "Im Feld „Betreff“",
                        ),
                        False,
                        t(
                            "The subject says in a few words what your message is about.",
                            "Het onderwerp zegt in enkele woorden waarover je bericht gaat.",
                            "L'objet dit en quelques mots de quoi parle votre message.",
                            "Der Betreff sagt in wenigen Wörtern, worum es geht.",
                        ),
                    ),
                    choice(
                        t(
                            "At the bottom of the message",
                            "Onderaan het bericht",
                            "En bas du message",
                            "Unten in der Nachricht",
                        ),
                        False,
                    ),
                ],
                "explanation": t(
                    'The address goes in "To". Use "Cc" for someone who should read along.',
                    'Het adres komt in "Aan". Gebruik "Cc" voor iemand die mag meelezen.',
                    "L'adresse va dans « À ». Utilisez « Cc » pour quelqu'un qui doit lire aussi.",
                    "Die Adresse gehört in „An“. Nutzen Sie „Cc“ für jemanden, der mitlesen soll.",
                ),
            },
            {
                "kind": "true_false",
                "competence": "2.1",
                "prompt": t(
                    'With "Reply all", every person who got the message receives your answer.',
                    'Met "Allen antwoorden" krijgt iedereen die het bericht ontving je antwoord.',
                    "Avec « Répondre à tous », toutes les personnes qui ont reçu le message reçoivent votre réponse.",
                    "Mit „Allen antworten“ erhalten alle, die die Nachricht bekommen haben, Ihre Antwort.",
                ),
                "choices": [choice(TRUE, True), choice(FALSE, False)],
                "explanation": t(
                    'Think twice before "Reply all": often only the sender needs your answer.',
                    'Denk twee keer na voor "Allen antwoorden": vaak heeft enkel de afzender je antwoord nodig.',
                    "Réfléchissez avant « Répondre à tous » : souvent, seul l'expéditeur a besoin de votre réponse.",
                    "Überlegen Sie vor „Allen antworten“: Oft braucht nur der Absender Ihre Antwort.",
                ),
            },
            {
                "kind": "single",
                "competence": "2.5",
                "prompt": t(
                    "Your grandson sends you a photo of his class in a family chat group. What is polite?",
                    "Je kleinzoon stuurt een foto van zijn klas in de familiegroep. Wat is beleefd?",
                    "Votre petit-fils envoie une photo de sa classe dans le groupe familial. Qu'est-ce qui est poli ?",
                    "Ihr Enkel schickt ein Foto seiner Klasse in die Familiengruppe. Was ist höflich?",
                ),
                "choices": [
                    choice(
                        t(
                            "Enjoy it, but do not share it outside the group without asking",
                            "Ervan genieten, maar het niet buiten de groep delen zonder te vragen",
                            "En profiter, mais ne pas la partager hors du groupe sans demander",
                            "Sich freuen, es aber nicht ohne Nachfrage außerhalb der Gruppe teilen",
                        ),
                        True,
                        t(
                            "Yes: other children are on the photo, and their parents decide.",
                            "Ja: er staan andere kinderen op de foto, en hun ouders beslissen.",
                            "Oui : d'autres enfants sont sur la photo, et leurs parents décident.",
                            "Ja: Andere Kinder sind auf dem Foto, und ihre Eltern entscheiden.",
                        ),
                    ),
                    choice(
                        t(
                            "Post it on your public social media page",
                            "Ze op je openbare sociale-mediapagina zetten",
                            "La publier sur votre page publique de réseau social",
                            "Es auf Ihrer öffentlichen Social-Media-Seite posten",
                        ),
                        False,
                        t(
                            "Everyone could see these children. Ask first.",
                            "Iedereen zou deze kinderen kunnen zien. Vraag het eerst.",
                            "Tout le monde pourrait voir ces enfants. Demandez d'abord.",
                            "Jeder könnte diese Kinder sehen. Fragen Sie zuerst.",
                        ),
                    ),
                ],
                "explanation": t(
                    "A photo of other people is theirs too: ask before you share it further.",
                    "Een foto van anderen is ook van hen: vraag het voor je hem verder deelt.",
                    "Une photo d'autres personnes leur appartient aussi : demandez avant de la partager.",
                    "Ein Foto anderer gehört auch ihnen: Fragen Sie, bevor Sie es weitergeben.",
                ),
            },
        ],
    },
    {
        "key": "basic-public-services",
        "title": t(
            "Basic skills: online public services",
            "Basisvaardigheden: online overheidsdiensten",
            "Compétences de base : services publics en ligne",
            "Grundkompetenzen: Online-Behördendienste",
        ),
        "questions": [
            {
                "kind": "single",
                "competence": "2.3",
                "prompt": t(
                    "What is itsme?", "Wat is itsme?", "Qu'est-ce qu'itsme ?", "Was ist itsme?"
                ),
                "choices": [
                    choice(
                        t(
                            "An app on your phone to prove who you are online",
                            "Een app op je telefoon om online te bewijzen wie je bent",
                            "Une application sur votre téléphone pour prouver qui vous êtes en ligne",
                            "Eine App auf Ihrem Telefon, mit der Sie online beweisen, wer Sie sind",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            "A social network of the government",
                            "Een sociaal netwerk van de overheid",
                            "Un réseau social de l'État",
                            "Ein soziales Netzwerk der Behörden",
                        ),
                        False,
                    ),
                    choice(
                        t(
                            "A website to pay your taxes",
                            "Een website om je belastingen te betalen",
                            "Un site pour payer vos impôts",
                            "Eine Webseite, um Steuern zu zahlen",
                        ),
                        False,
                        t(
                            "You can use itsme on such sites, but itsme itself only proves who you are.",
                            "Je kunt itsme op zulke sites gebruiken, maar itsme zelf bewijst enkel wie je bent.",
                            "Vous pouvez utiliser itsme sur ces sites, mais itsme prouve seulement qui vous êtes.",
                            "Sie können itsme auf solchen Seiten nutzen, aber itsme beweist nur, wer Sie sind.",
                        ),
                    ),
                ],
                "explanation": t(
                    "itsme is a digital identity: you confirm with your five-digit code on your own phone.",
                    "itsme is een digitale identiteit: je bevestigt met je code van vijf cijfers op je eigen telefoon.",
                    "itsme est une identité numérique : vous confirmez avec votre code à cinq chiffres sur votre propre téléphone.",
                    "itsme ist eine digitale Identität: Sie bestätigen mit Ihrem fünfstelligen Code auf Ihrem eigenen Telefon.",
                ),
            },
            {
                "kind": "true_false",
                "competence": "4.2",
                "prompt": t(
                    "A helper at the library may type your itsme code for you.",
                    "Een helper in de bibliotheek mag je itsme-code voor jou intypen.",
                    "Un aidant à la bibliothèque peut taper votre code itsme à votre place.",
                    "Eine Begleitperson in der Bibliothek darf Ihren itsme-Code für Sie eingeben.",
                ),
                "choices": [
                    choice(
                        TRUE,
                        False,
                        t(
                            "No: your code is like your signature. Only you type it.",
                            "Nee: je code is zoals je handtekening. Alleen jij typt hem.",
                            "Non : votre code est comme votre signature. Vous seul le tapez.",
                            "Nein: Ihr Code ist wie Ihre Unterschrift. Nur Sie geben ihn ein.",
                        ),
                    ),
                    choice(FALSE, True),
                ],
                "explanation": t(
                    "A helper can show you where to tap, but you type your code yourself and nobody else knows it.",
                    "Een helper kan tonen waar je moet tikken, maar je typt je code zelf en niemand anders kent hem.",
                    "Un aidant peut vous montrer où appuyer, mais vous tapez votre code vous-même et personne d'autre ne le connaît.",
                    "Eine Begleitperson kann zeigen, wo Sie tippen, aber Sie geben Ihren Code selbst ein, und niemand sonst kennt ihn.",
                ),
            },
            {
                "kind": "single",
                "competence": "2.3",
                "prompt": t(
                    "What do you find in your e-Box?",
                    "Wat vind je in je e-Box?",
                    "Que trouvez-vous dans votre e-Box ?",
                    "Was finden Sie in Ihrer e-Box?",
                ),
                "choices": [
                    choice(
                        t(
                            "Official letters from public services, such as your pension or tax office",
                            "Officiële brieven van overheidsdiensten, zoals je pensioendienst of de belastingen",
                            "Des courriers officiels des services publics, comme votre caisse de pension ou les impôts",
                            "Offizielle Briefe von Behörden, etwa von der Rentenkasse oder dem Finanzamt",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            "Advertising from shops",
                            "Reclame van winkels",
                            "De la publicité des magasins",
                            "Werbung von Geschäften",
                        ),
                        False,
                    ),
                    choice(
                        t(
                            "Messages from your friends",
                            "Berichten van je vrienden",
                            "Des messages de vos amis",
                            "Nachrichten Ihrer Freunde",
                        ),
                        False,
                    ),
                ],
                "explanation": t(
                    "The e-Box is your official mailbox: public services send letters there instead of on paper, if you agree.",
                    "De e-Box is je officiële brievenbus: overheidsdiensten sturen er brieven naartoe in plaats van op papier, als je dat wilt.",
                    "L'e-Box est votre boîte aux lettres officielle : les services publics y envoient leurs courriers au lieu du papier, si vous le souhaitez.",
                    "Die e-Box ist Ihr offizieller Briefkasten: Behörden schicken Ihnen Briefe dorthin statt auf Papier, wenn Sie zustimmen.",
                ),
            },
        ],
    },
    {
        "key": "basic-data",
        "title": t(
            "Basic skills: protecting your data",
            "Basisvaardigheden: je gegevens beschermen",
            "Compétences de base : protéger vos données",
            "Grundkompetenzen: Ihre Daten schützen",
        ),
        "questions": [
            {
                "kind": "single",
                "competence": "4.2",
                "prompt": t(
                    "Which password is the strongest?",
                    "Welk wachtwoord is het sterkst?",
                    "Quel mot de passe est le plus solide ?",
                    "Welches Passwort ist am stärksten?",
                ),
                "choices": [
                    choice(
                        t(
                            "blue-teapot-garden-sunday",
                            "blauwe-theepot-tuin-zondag",
                            "théière-bleue-jardin-dimanche",
                            "blaue-Teekanne-Garten-Sonntag",
                        ),
                        True,
                        t(
                            "Yes: four random words make a long password that is easy to remember.",
                            "Ja: vier willekeurige woorden vormen een lang wachtwoord dat je makkelijk onthoudt.",
                            "Oui : quatre mots au hasard font un mot de passe long et facile à retenir.",
                            "Ja: Vier zufällige Wörter ergeben ein langes Passwort, das man sich leicht merkt.",
                        ),
                    ),
                    choice(
                        t("Marie1956", "Marie1956", "Marie1956", "Marie1956"),
                        False,
                        t(
                            "A name and a birth year are easy to guess.",
                            "Een naam en een geboortejaar zijn makkelijk te raden.",
                            "Un prénom et une année de naissance se devinent facilement.",
                            "Ein Name und ein Geburtsjahr sind leicht zu erraten.",
                        ),
                    ),
                    choice(
                        t("123456", "123456", "123456", "123456"),
                        False,
                        t(
                            "This is the most used password in the world: it is tried first.",
                            "Dit is het meest gebruikte wachtwoord ter wereld: het wordt als eerste geprobeerd.",
                            "C'est le mot de passe le plus utilisé au monde : il est essayé en premier.",
                            "Das ist das meistgenutzte Passwort der Welt: Es wird zuerst ausprobiert.",
                        ),
                    ),
                ],
                "explanation": t(
                    "Length matters most. Use a different password for every account.",
                    "Lengte is het belangrijkst. Gebruik voor elk account een ander wachtwoord.",
                    "La longueur compte le plus. Utilisez un mot de passe différent pour chaque compte.",
                    "Die Länge zählt am meisten. Verwenden Sie für jedes Konto ein anderes Passwort.",
                ),
            },
            {
                "kind": "true_false",
                "competence": "4.2",
                "prompt": t(
                    'Your bank may call you and ask for your card code to "protect your account".',
                    'Je bank kan je bellen en je kaartcode vragen om "je rekening te beschermen".',
                    "Votre banque peut vous appeler et demander votre code de carte pour « protéger votre compte ».",
                    "Ihre Bank darf Sie anrufen und nach Ihrer Karten-PIN fragen, um „Ihr Konto zu schützen“.",
                ),
                "choices": [
                    choice(
                        TRUE,
                        False,
                        t(
                            "Never: this is a well-known fraud. Hang up and call your bank yourself.",
                            "Nooit: dit is een bekende fraude. Leg in en bel zelf je bank.",
                            "Jamais : c'est une fraude connue. Raccrochez et appelez vous-même votre banque.",
                            "Niemals: Das ist ein bekannter Betrug. Legen Sie auf und rufen Sie selbst Ihre Bank an.",
                        ),
                    ),
                    choice(FALSE, True),
                ],
                "explanation": t(
                    "Your bank never asks for your codes, not by phone, e-mail or text message.",
                    "Je bank vraagt nooit je codes, niet telefonisch, per e-mail of per sms.",
                    "Votre banque ne demande jamais vos codes, ni par téléphone, ni par e-mail, ni par SMS.",
                    "Ihre Bank fragt nie nach Ihren Codes, weder am Telefon noch per E-Mail oder SMS.",
                ),
            },
            {
                "kind": "multiple",
                "competence": "4.2",
                "prompt": t(
                    "Which information should you not post publicly online? Choose all that apply.",
                    "Welke informatie zet je beter niet openbaar online? Kies alles wat klopt.",
                    "Quelles informations ne faut-il pas publier en ligne ? Choisissez toutes les bonnes réponses.",
                    "Welche Angaben sollten Sie nicht öffentlich posten? Wählen Sie alle zutreffenden.",
                ),
                "choices": [
                    choice(
                        t(
                            "Your home address",
                            "Je thuisadres",
                            "Votre adresse",
                            "Ihre Wohnadresse",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            "A photo of your identity card",
                            "Een foto van je identiteitskaart",
                            "Une photo de votre carte d'identité",
                            "Ein Foto Ihres Personalausweises",
                        ),
                        True,
                    ),
                    choice(
                        t(
                            "That you will be on holiday for three weeks",
                            "Dat je drie weken op vakantie bent",
                            "Que vous partez trois semaines en vacances",
                            "Dass Sie drei Wochen im Urlaub sind",
                        ),
                        True,
                        t(
                            "Burglars read social media too.",
                            "Inbrekers lezen ook sociale media.",
                            "Les cambrioleurs lisent aussi les réseaux sociaux.",
                            "Einbrecher lesen auch soziale Medien.",
                        ),
                    ),
                    choice(
                        t(
                            "The name of your favourite book",
                            "De titel van je favoriete boek",
                            "Le titre de votre livre préféré",
                            "Den Titel Ihres Lieblingsbuchs",
                        ),
                        False,
                    ),
                ],
                "explanation": t(
                    "Keep what can be used to steal, rob or impersonate you to yourself.",
                    "Hou voor jezelf wat gebruikt kan worden om je te bestelen of je identiteit te stelen.",
                    "Gardez pour vous ce qui peut servir à vous voler ou à usurper votre identité.",
                    "Behalten Sie für sich, was genutzt werden kann, um Sie zu bestehlen oder sich als Sie auszugeben.",
                ),
            },
        ],
    },
]


def _quiz(bank: str, title: dict | None = None) -> tuple:
    return (
        "quiz",
        {
            "title": title
            or t(
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
            "bank": bank,
            "mode": "practice",
            "question_count": 3,
            "pass_mark_percent": 60,
        },
    )


COURSE = {
    "slug": "basic-digital-skills",
    "track": "basic",
    "audience": "adults",
    "target_level": 2,
    "estimated_minutes": 150,
    "competences": ["1.1", "1.2", "2.1", "2.3", "2.5", "4.2"],
    "certificate_validity_months": None,
    "title": t(
        "Basic digital skills",
        "Digitale basisvaardigheden",
        "Compétences numériques de base",
        "Digitale Grundkompetenzen",
    ),
    "summary": t(
        "Search the internet, write e-mails, do your paperwork online with itsme and the e-Box, and keep your data safe. Step by step, at your own pace.",
        "Zoeken op het internet, e-mails schrijven, je papierwerk online regelen met itsme en de e-Box, en je gegevens veilig houden. Stap voor stap, op je eigen tempo.",
        "Chercher sur internet, écrire des e-mails, faire vos démarches en ligne avec itsme et l'e-Box, et protéger vos données. Pas à pas, à votre rythme.",
        "Im Internet suchen, E-Mails schreiben, Behördengänge online mit itsme und der e-Box erledigen und Ihre Daten schützen. Schritt für Schritt, in Ihrem Tempo.",
    ),
    "outcomes": [
        t(
            "Find information online and judge whether you can trust it",
            "Informatie online vinden en beoordelen of je ze kunt vertrouwen",
            "Trouver une information en ligne et juger si elle est fiable",
            "Informationen online finden und beurteilen, ob sie vertrauenswürdig sind",
        ),
        t(
            "Write, answer and forward an e-mail",
            "Een e-mail schrijven, beantwoorden en doorsturen",
            "Écrire, répondre à et transférer un e-mail",
            "Eine E-Mail schreiben, beantworten und weiterleiten",
        ),
        t(
            "Sign in with itsme and read your letters in the e-Box",
            "Aanmelden met itsme en je brieven lezen in de e-Box",
            "Vous connecter avec itsme et lire vos courriers dans l'e-Box",
            "Sich mit itsme anmelden und Ihre Briefe in der e-Box lesen",
        ),
        t(
            "Choose strong passwords and decide what you share",
            "Sterke wachtwoorden kiezen en beslissen wat je deelt",
            "Choisir des mots de passe solides et décider de ce que vous partagez",
            "Starke Passwörter wählen und entscheiden, was Sie teilen",
        ),
    ],
    "prerequisites": t(
        "<p>You can switch on a computer, tablet or smartphone. For the itsme lessons you need a smartphone and your identity card.</p>",
        "<p>Je kunt een computer, tablet of smartphone aanzetten. Voor de lessen over itsme heb je een smartphone en je identiteitskaart nodig.</p>",
        "<p>Vous savez allumer un ordinateur, une tablette ou un smartphone. Pour les leçons sur itsme, il vous faut un smartphone et votre carte d'identité.</p>",
        "<p>Sie können einen Computer, ein Tablet oder ein Smartphone einschalten. Für die itsme-Lektionen brauchen Sie ein Smartphone und Ihren Personalausweis.</p>",
    ),
    "modules": [
        {
            "slug": "searching-and-judging",
            "title": t(
                "Searching and judging information online",
                "Informatie online zoeken en beoordelen",
                "Chercher et évaluer l'information en ligne",
                "Informationen online suchen und bewerten",
            ),
            "intro": t(
                "How to find what you need, and how to know if you can trust it.",
                "Hoe je vindt wat je nodig hebt, en hoe je weet of je het kunt vertrouwen.",
                "Comment trouver ce dont vous avez besoin, et savoir si c'est fiable.",
                "Wie Sie finden, was Sie brauchen, und wie Sie wissen, ob Sie ihm trauen können.",
            ),
            "lessons": [
                {
                    "slug": "searching-well",
                    "title": t("Searching well", "Goed zoeken", "Bien chercher", "Gut suchen"),
                    "minutes": 10,
                    "competences": ["1.1"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>A search engine, such as Google, Bing or Qwant, looks for pages that contain the words you type. The better your words, the better the answers.</p>",
                                "<p>Een zoekmachine, zoals Google, Bing of Qwant, zoekt pagina's met de woorden die je typt. Hoe beter je woorden, hoe beter de antwoorden.</p>",
                                "<p>Un moteur de recherche, comme Google, Bing ou Qwant, cherche les pages qui contiennent les mots que vous tapez. Meilleurs sont vos mots, meilleures sont les réponses.</p>",
                                "<p>Eine Suchmaschine wie Google, Bing oder Qwant sucht Seiten mit den Wörtern, die Sie eingeben. Je besser Ihre Wörter, desto besser die Antworten.</p>",
                            ),
                        ),
                        (
                            "steps",
                            {
                                "title": t(
                                    "Search for the opening hours of your library",
                                    "Zoek de openingsuren van je bibliotheek",
                                    "Cherchez les heures d'ouverture de votre bibliothèque",
                                    "Suchen Sie die Öffnungszeiten Ihrer Bibliothek",
                                ),
                                "steps": [
                                    t(
                                        "<p>Open your web browser and click in the search box.</p>",
                                        "<p>Open je webbrowser en klik in het zoekvak.</p>",
                                        "<p>Ouvrez votre navigateur et cliquez dans la zone de recherche.</p>",
                                        "<p>Öffnen Sie Ihren Browser und klicken Sie in das Suchfeld.</p>",
                                    ),
                                    t(
                                        "<p>Type a few precise words: <b>library opening hours</b> and the name of your town.</p>",
                                        "<p>Typ enkele precieze woorden: <b>bibliotheek openingsuren</b> en de naam van je gemeente.</p>",
                                        "<p>Tapez quelques mots précis : <b>bibliothèque heures d'ouverture</b> et le nom de votre commune.</p>",
                                        "<p>Geben Sie wenige genaue Wörter ein: <b>Bibliothek Öffnungszeiten</b> und den Namen Ihrer Gemeinde.</p>",
                                    ),
                                    t(
                                        '<p>Press Enter. Skip the results marked "Sponsored" and open the site of your town.</p>',
                                        '<p>Druk op Enter. Sla de resultaten met "Gesponsord" over en open de site van je gemeente.</p>',
                                        "<p>Appuyez sur Entrée. Passez les résultats marqués « Sponsorisé » et ouvrez le site de votre commune.</p>",
                                        "<p>Drücken Sie die Eingabetaste. Überspringen Sie die Treffer mit „Gesponsert“ und öffnen Sie die Seite Ihrer Gemeinde.</p>",
                                    ),
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "success",
                                "title": t("Tip", "Tip", "Astuce", "Tipp"),
                                "text": t(
                                    '<p>Put words between quotes, like "e-Box", to find exactly those words.</p>',
                                    '<p>Zet woorden tussen aanhalingstekens, zoals "e-Box", om precies die woorden te vinden.</p>',
                                    '<p>Mettez des mots entre guillemets, comme "e-Box", pour trouver exactement ces mots.</p>',
                                    '<p>Setzen Sie Wörter in Anführungszeichen, wie "e-Box", um genau diese Wörter zu finden.</p>',
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": "can-you-trust-it",
                    "title": t(
                        "Can you trust what you read?",
                        "Kun je vertrouwen wat je leest?",
                        "Pouvez-vous croire ce que vous lisez ?",
                        "Können Sie glauben, was Sie lesen?",
                    ),
                    "minutes": 10,
                    "competences": ["1.2"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>Anyone can put a page online. Before you believe or share something, ask yourself a few questions.</p>",
                                "<p>Iedereen kan een pagina online zetten. Voor je iets gelooft of deelt, stel je jezelf enkele vragen.</p>",
                                "<p>Tout le monde peut mettre une page en ligne. Avant de croire ou de partager quelque chose, posez-vous quelques questions.</p>",
                                "<p>Jeder kann eine Seite ins Netz stellen. Bevor Sie etwas glauben oder teilen, stellen Sie sich ein paar Fragen.</p>",
                            ),
                        ),
                        (
                            "accordion",
                            {
                                "title": t(
                                    "Questions to ask",
                                    "Vragen om te stellen",
                                    "Les questions à se poser",
                                    "Fragen, die Sie sich stellen sollten",
                                ),
                                "items": [
                                    (
                                        t(
                                            "Who wrote it?",
                                            "Wie schreef het?",
                                            "Qui l'a écrit ?",
                                            "Wer hat es geschrieben?",
                                        ),
                                        t(
                                            "<p>Look for a name, an organisation and contact details. No author is a warning sign.</p>",
                                            "<p>Zoek een naam, een organisatie en contactgegevens. Geen auteur is een waarschuwing.</p>",
                                            "<p>Cherchez un nom, une organisation et des coordonnées. Pas d'auteur, c'est un signal d'alerte.</p>",
                                            "<p>Suchen Sie einen Namen, eine Organisation und Kontaktdaten. Kein Autor ist ein Warnzeichen.</p>",
                                        ),
                                    ),
                                    (
                                        t(
                                            "When was it written?",
                                            "Wanneer werd het geschreven?",
                                            "Quand a-t-il été écrit ?",
                                            "Wann wurde es geschrieben?",
                                        ),
                                        t(
                                            "<p>Old news shared again can mislead. Check the date.</p>",
                                            "<p>Oud nieuws dat opnieuw gedeeld wordt, kan misleiden. Kijk naar de datum.</p>",
                                            "<p>Une vieille information partagée à nouveau peut tromper. Vérifiez la date.</p>",
                                            "<p>Alte Nachrichten, die erneut geteilt werden, können täuschen. Prüfen Sie das Datum.</p>",
                                        ),
                                    ),
                                    (
                                        t(
                                            "Do others say the same?",
                                            "Zeggen anderen hetzelfde?",
                                            "D'autres disent-ils la même chose ?",
                                            "Sagen andere dasselbe?",
                                        ),
                                        t(
                                            "<p>Search the story on a known news site, such as VRT, RTBF or BRF.</p>",
                                            "<p>Zoek het verhaal op een bekende nieuwssite, zoals VRT, RTBF of BRF.</p>",
                                            "<p>Cherchez l'histoire sur un site d'information connu, comme la RTBF, la VRT ou le BRF.</p>",
                                            "<p>Suchen Sie die Geschichte auf einer bekannten Nachrichtenseite wie BRF, VRT oder RTBF.</p>",
                                        ),
                                    ),
                                ],
                            },
                        ),
                        _quiz("basic-search"),
                    ],
                },
            ],
        },
        {
            "slug": "email-and-messaging",
            "title": t(
                "E-mail and messaging",
                "E-mail en berichten",
                "E-mail et messagerie",
                "E-Mail und Nachrichten",
            ),
            "intro": t(
                "Keep in touch with family, your doctor or the municipality.",
                "Blijf in contact met familie, je dokter of de gemeente.",
                "Restez en contact avec votre famille, votre médecin ou la commune.",
                "Bleiben Sie in Kontakt mit Familie, Arzt oder Gemeinde.",
            ),
            "lessons": [
                {
                    "slug": "your-first-email",
                    "title": t(
                        "Your first e-mail",
                        "Je eerste e-mail",
                        "Votre premier e-mail",
                        "Ihre erste E-Mail",
                    ),
                    "minutes": 15,
                    "competences": ["2.1"],
                    "body": [
                        (
                            "steps",
                            {
                                "title": t(
                                    "Write an e-mail",
                                    "Een e-mail schrijven",
                                    "Écrire un e-mail",
                                    "Eine E-Mail schreiben",
                                ),
                                "steps": [
                                    t(
                                        "<p>Open your mailbox and choose <b>New message</b>.</p>",
                                        "<p>Open je mailbox en kies <b>Nieuw bericht</b>.</p>",
                                        "<p>Ouvrez votre messagerie et choisissez <b>Nouveau message</b>.</p>",
                                        "<p>Öffnen Sie Ihr Postfach und wählen Sie <b>Neue Nachricht</b>.</p>",
                                    ),
                                    t(
                                        "<p>In <b>To</b>, type the address of the person, for example marie.peeters@example.be.</p>",
                                        "<p>Typ in <b>Aan</b> het adres van de persoon, bijvoorbeeld marie.peeters@example.be.</p>",
                                        "<p>Dans <b>À</b>, tapez l'adresse de la personne, par exemple marie.peeters@example.be.</p>",
                                        "<p>Geben Sie bei <b>An</b> die Adresse der Person ein, zum Beispiel marie.peeters@example.be.</p>",
                                    ),
                                    t(
                                        "<p>In <b>Subject</b>, say in a few words what it is about.</p>",
                                        "<p>Zeg in <b>Onderwerp</b> in enkele woorden waarover het gaat.</p>",
                                        "<p>Dans <b>Objet</b>, dites en quelques mots de quoi il s'agit.</p>",
                                        "<p>Schreiben Sie bei <b>Betreff</b> in wenigen Wörtern, worum es geht.</p>",
                                    ),
                                    t(
                                        "<p>Write your message, then click <b>Send</b>.</p>",
                                        "<p>Schrijf je bericht en klik op <b>Verzenden</b>.</p>",
                                        "<p>Écrivez votre message, puis cliquez sur <b>Envoyer</b>.</p>",
                                        "<p>Schreiben Sie Ihre Nachricht und klicken Sie auf <b>Senden</b>.</p>",
                                    ),
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": t(
                                    "Good to know",
                                    "Goed om te weten",
                                    "Bon à savoir",
                                    "Gut zu wissen",
                                ),
                                "text": t(
                                    "<p>An e-mail you sent cannot be taken back. Read it once more before you click Send.</p>",
                                    "<p>Een verzonden e-mail kun je niet terugnemen. Lees hem nog eens voor je op Verzenden klikt.</p>",
                                    "<p>Un e-mail envoyé ne peut pas être repris. Relisez-le avant de cliquer sur Envoyer.</p>",
                                    "<p>Eine gesendete E-Mail lässt sich nicht zurückholen. Lesen Sie sie noch einmal, bevor Sie auf Senden klicken.</p>",
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": "messaging-apps",
                    "title": t(
                        "Messaging apps, politely and safely",
                        "Berichtenapps, beleefd en veilig",
                        "Les messageries, poliment et en sécurité",
                        "Messenger-Apps, höflich und sicher",
                    ),
                    "minutes": 10,
                    "competences": ["2.1", "2.5"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>Apps such as WhatsApp or Signal send messages, photos and voice messages for free over the internet. Family groups are a nice way to stay in touch.</p>",
                                "<p>Apps zoals WhatsApp of Signal sturen gratis berichten, foto's en spraakberichten via het internet. Familiegroepen zijn een fijne manier om in contact te blijven.</p>",
                                "<p>Des applications comme WhatsApp ou Signal envoient gratuitement des messages, des photos et des messages vocaux par internet. Les groupes familiaux sont un bon moyen de garder le contact.</p>",
                                "<p>Apps wie WhatsApp oder Signal senden Nachrichten, Fotos und Sprachnachrichten kostenlos über das Internet. Familiengruppen sind eine schöne Art, in Kontakt zu bleiben.</p>",
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": t("Watch out", "Opgelet", "Attention", "Vorsicht"),
                                "text": t(
                                    '<p>"Hi Mum, this is my new number, can you pay a bill for me?" This is a common scam. Call your child on the old number before you pay anything.</p>',
                                    '<p>"Hoi mama, dit is mijn nieuwe nummer, kun je een rekening voor me betalen?" Dit is een bekende oplichting. Bel je kind op het oude nummer voor je iets betaalt.</p>',
                                    "<p>« Coucou maman, c'est mon nouveau numéro, tu peux payer une facture pour moi ? » C'est une arnaque courante. Appelez votre enfant sur l'ancien numéro avant de payer quoi que ce soit.</p>",
                                    "<p>„Hallo Mama, das ist meine neue Nummer, kannst du eine Rechnung für mich bezahlen?“ Das ist ein häufiger Betrug. Rufen Sie Ihr Kind unter der alten Nummer an, bevor Sie etwas bezahlen.</p>",
                                ),
                            },
                        ),
                        _quiz("basic-email"),
                    ],
                },
            ],
        },
        {
            "slug": "online-public-services",
            "title": t(
                "Online public services with itsme and the e-Box",
                "Online overheidsdiensten met itsme en de e-Box",
                "Services publics en ligne avec itsme et l'e-Box",
                "Online-Behördendienste mit itsme und der e-Box",
            ),
            "intro": t(
                "Do your paperwork from home: your pension, your taxes, your documents.",
                "Regel je papierwerk van thuis uit: je pensioen, je belastingen, je documenten.",
                "Faites vos démarches depuis chez vous : pension, impôts, documents.",
                "Erledigen Sie Behördengänge von zu Hause: Rente, Steuern, Dokumente.",
            ),
            "lessons": [
                {
                    "slug": "itsme",
                    "title": t(
                        "itsme: proving who you are",
                        "itsme: bewijzen wie je bent",
                        "itsme : prouver qui vous êtes",
                        "itsme: beweisen, wer Sie sind",
                    ),
                    "minutes": 15,
                    "competences": ["2.3", "2.6"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>With itsme on your smartphone, you sign in to the sites of the government, your bank or your health insurance fund. It replaces the card reader.</p>",
                                "<p>Met itsme op je smartphone meld je je aan op de sites van de overheid, je bank of je ziekenfonds. Het vervangt de kaartlezer.</p>",
                                "<p>Avec itsme sur votre smartphone, vous vous connectez aux sites de l'État, de votre banque ou de votre mutualité. Il remplace le lecteur de carte.</p>",
                                "<p>Mit itsme auf Ihrem Smartphone melden Sie sich auf den Seiten der Behörden, Ihrer Bank oder Ihrer Krankenkasse an. Es ersetzt den Kartenleser.</p>",
                            ),
                        ),
                        (
                            "steps",
                            {
                                "title": t(
                                    "Sign in with itsme",
                                    "Aanmelden met itsme",
                                    "Se connecter avec itsme",
                                    "Mit itsme anmelden",
                                ),
                                "steps": [
                                    t(
                                        "<p>On the website, choose <b>itsme</b> and type your mobile number.</p>",
                                        "<p>Kies op de website <b>itsme</b> en typ je gsm-nummer.</p>",
                                        "<p>Sur le site, choisissez <b>itsme</b> et tapez votre numéro de GSM.</p>",
                                        "<p>Wählen Sie auf der Webseite <b>itsme</b> und geben Sie Ihre Handynummer ein.</p>",
                                    ),
                                    t(
                                        "<p>Open the itsme app on your phone. Check the name of the site that asks.</p>",
                                        "<p>Open de itsme-app op je telefoon. Kijk welke site het vraagt.</p>",
                                        "<p>Ouvrez l'application itsme sur votre téléphone. Vérifiez le nom du site qui demande.</p>",
                                        "<p>Öffnen Sie die itsme-App auf Ihrem Telefon. Prüfen Sie den Namen der Seite, die anfragt.</p>",
                                    ),
                                    t(
                                        "<p>Confirm with your secret five-digit code.</p>",
                                        "<p>Bevestig met je geheime code van vijf cijfers.</p>",
                                        "<p>Confirmez avec votre code secret à cinq chiffres.</p>",
                                        "<p>Bestätigen Sie mit Ihrem geheimen fünfstelligen Code.</p>",
                                    ),
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": t(
                                    "Only confirm what you started",
                                    "Bevestig enkel wat je zelf startte",
                                    "Ne confirmez que ce que vous avez lancé",
                                    "Bestätigen Sie nur, was Sie selbst begonnen haben",
                                ),
                                "text": t(
                                    "<p>If itsme asks you to confirm and you did not just try to sign in, refuse. Someone may be trying to use your identity.</p>",
                                    "<p>Vraagt itsme je om te bevestigen terwijl je je niet net aanmeldde? Weiger dan. Misschien probeert iemand je identiteit te gebruiken.</p>",
                                    "<p>Si itsme vous demande de confirmer alors que vous n'essayiez pas de vous connecter, refusez. Quelqu'un essaie peut-être d'utiliser votre identité.</p>",
                                    "<p>Wenn itsme Sie um Bestätigung bittet, obwohl Sie sich nicht gerade anmelden wollten, lehnen Sie ab. Vielleicht versucht jemand, Ihre Identität zu nutzen.</p>",
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": "your-e-box",
                    "title": t(
                        "Your e-Box: official letters online",
                        "Je e-Box: officiële brieven online",
                        "Votre e-Box : vos courriers officiels en ligne",
                        "Ihre e-Box: offizielle Briefe online",
                    ),
                    "minutes": 15,
                    "competences": ["2.3"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>The e-Box is a safe mailbox of the government. Your pension service, the tax office or your municipality can send letters there. You open it with itsme or your identity card, on myebox.be or in the e-Box app.</p>",
                                "<p>De e-Box is een veilige brievenbus van de overheid. Je pensioendienst, de belastingen of je gemeente kunnen er brieven naartoe sturen. Je opent hem met itsme of je identiteitskaart, op myebox.be of in de e-Box-app.</p>",
                                "<p>L'e-Box est une boîte aux lettres sécurisée de l'État. Votre service de pension, les impôts ou votre commune peuvent y envoyer des courriers. Vous l'ouvrez avec itsme ou votre carte d'identité, sur myebox.be ou dans l'application e-Box.</p>",
                                "<p>Die e-Box ist ein sicherer Briefkasten der Behörden. Ihre Rentenkasse, das Finanzamt oder Ihre Gemeinde können Ihnen dort Briefe schicken. Sie öffnen sie mit itsme oder Ihrem Personalausweis, auf myebox.be oder in der e-Box-App.</p>",
                            ),
                        ),
                        (
                            "accordion",
                            {
                                "title": t(
                                    "Questions people ask",
                                    "Vragen die mensen stellen",
                                    "Questions fréquentes",
                                    "Häufige Fragen",
                                ),
                                "items": [
                                    (
                                        t(
                                            "Will I still get letters on paper?",
                                            "Krijg ik nog brieven op papier?",
                                            "Vais-je encore recevoir des lettres papier ?",
                                            "Bekomme ich noch Briefe auf Papier?",
                                        ),
                                        t(
                                            "<p>Yes, unless you choose to receive some letters only in your e-Box. You decide per service.</p>",
                                            "<p>Ja, tenzij je kiest om sommige brieven enkel in je e-Box te krijgen. Je beslist per dienst.</p>",
                                            "<p>Oui, sauf si vous choisissez de recevoir certains courriers seulement dans votre e-Box. Vous décidez par service.</p>",
                                            "<p>Ja, es sei denn, Sie wählen, bestimmte Briefe nur in der e-Box zu erhalten. Sie entscheiden je Dienst.</p>",
                                        ),
                                    ),
                                    (
                                        t(
                                            "How do I know a new letter arrived?",
                                            "Hoe weet ik dat er een nieuwe brief is?",
                                            "Comment savoir qu'un nouveau courrier est arrivé ?",
                                            "Woher weiß ich, dass ein neuer Brief da ist?",
                                        ),
                                        t(
                                            "<p>Give your e-mail address in the e-Box settings: you get a short e-mail, without the letter itself.</p>",
                                            "<p>Geef je e-mailadres in de instellingen van de e-Box: je krijgt een korte e-mail, zonder de brief zelf.</p>",
                                            "<p>Indiquez votre adresse e-mail dans les paramètres de l'e-Box : vous recevez un court e-mail, sans le courrier lui-même.</p>",
                                            "<p>Geben Sie in den Einstellungen der e-Box Ihre E-Mail-Adresse an: Sie erhalten eine kurze E-Mail, ohne den Brief selbst.</p>",
                                        ),
                                    ),
                                ],
                            },
                        ),
                        _quiz("basic-public-services"),
                    ],
                },
            ],
        },
        {
            "slug": "protecting-your-data",
            "title": t(
                "Protecting your data",
                "Je gegevens beschermen",
                "Protéger vos données",
                "Ihre Daten schützen",
            ),
            "intro": t(
                "Good passwords, and thinking before you share.",
                "Goede wachtwoorden, en nadenken voor je deelt.",
                "De bons mots de passe, et réfléchir avant de partager.",
                "Gute Passwörter und nachdenken, bevor Sie teilen.",
            ),
            "lessons": [
                {
                    "slug": "strong-passwords",
                    "title": t(
                        "Strong passwords",
                        "Sterke wachtwoorden",
                        "Des mots de passe solides",
                        "Starke Passwörter",
                    ),
                    "minutes": 10,
                    "competences": ["4.2"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>A good password is <b>long</b>. Take three or four words that have nothing to do with each other, such as <i>blue-teapot-garden-sunday</i>. Use a different password for each site.</p>",
                                "<p>Een goed wachtwoord is <b>lang</b>. Neem drie of vier woorden die niets met elkaar te maken hebben, zoals <i>blauwe-theepot-tuin-zondag</i>. Gebruik voor elke site een ander wachtwoord.</p>",
                                "<p>Un bon mot de passe est <b>long</b>. Prenez trois ou quatre mots sans rapport entre eux, comme <i>théière-bleue-jardin-dimanche</i>. Utilisez un mot de passe différent pour chaque site.</p>",
                                "<p>Ein gutes Passwort ist <b>lang</b>. Nehmen Sie drei oder vier Wörter, die nichts miteinander zu tun haben, wie <i>blaue-Teekanne-Garten-Sonntag</i>. Verwenden Sie für jede Seite ein anderes Passwort.</p>",
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": t(
                                    "Never share your codes",
                                    "Deel nooit je codes",
                                    "Ne partagez jamais vos codes",
                                    "Geben Sie Ihre Codes nie weiter",
                                ),
                                "text": t(
                                    "<p>Your bank, the police or the government never ask for your password or card code.</p>",
                                    "<p>Je bank, de politie of de overheid vragen nooit je wachtwoord of kaartcode.</p>",
                                    "<p>Votre banque, la police ou l'État ne demandent jamais votre mot de passe ou votre code de carte.</p>",
                                    "<p>Ihre Bank, die Polizei oder die Behörden fragen nie nach Ihrem Passwort oder Ihrer Karten-PIN.</p>",
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": "what-you-share",
                    "title": t(
                        "Think before you share",
                        "Denk na voor je deelt",
                        "Réfléchir avant de partager",
                        "Erst denken, dann teilen",
                    ),
                    "minutes": 10,
                    "competences": ["4.2", "2.6"],
                    "body": [
                        (
                            "paragraph",
                            t(
                                "<p>What you put online can stay there for years and be seen by strangers. Before you post, ask: would I pin this on the notice board of the supermarket?</p>",
                                "<p>Wat je online zet, kan er jaren blijven staan en door vreemden gezien worden. Vraag je voor je iets post af: zou ik dit op het prikbord van de supermarkt hangen?</p>",
                                "<p>Ce que vous mettez en ligne peut y rester des années et être vu par des inconnus. Avant de publier, demandez-vous : est-ce que je l'afficherais au tableau du supermarché ?</p>",
                                "<p>Was Sie online stellen, kann jahrelang bleiben und von Fremden gesehen werden. Fragen Sie sich vor dem Posten: Würde ich das ans Schwarze Brett im Supermarkt hängen?</p>",
                            ),
                        ),
                        _quiz("basic-data"),
                    ],
                },
            ],
        },
        {
            "slug": "final-test",
            "title": t("Final test", "Eindtest", "Test final", "Abschlusstest"),
            "intro": t(
                "Show what you learned and receive your certificate.",
                "Toon wat je geleerd hebt en krijg je certificaat.",
                "Montrez ce que vous avez appris et recevez votre certificat.",
                "Zeigen Sie, was Sie gelernt haben, und erhalten Sie Ihr Zertifikat.",
            ),
            "lessons": [
                {
                    "slug": "final-test",
                    "title": t("Final test", "Eindtest", "Test final", "Abschlusstest"),
                    "minutes": 30,
                    "competences": ["1.1", "1.2", "2.1", "2.3", "2.5", "4.2"],
                    "body": [
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": t(
                                    "Before you start",
                                    "Voor je begint",
                                    "Avant de commencer",
                                    "Bevor Sie beginnen",
                                ),
                                "text": t(
                                    "<p>Do the test alone, signed in with your own password. You have 30 minutes for 20 questions on everything in the course, and need 70% to pass. The questions are new: they are not the ones of the practice quizzes. Afterwards you see your result per topic. You may try three times; after a failed attempt you wait a day, then two days.</p>",
                                    "<p>Doe de test alleen, aangemeld met je eigen wachtwoord. Je hebt 30 minuten voor 20 vragen over de hele cursus en hebt 70% nodig om te slagen. De vragen zijn nieuw: het zijn niet die van de oefenquizzen. Daarna zie je je resultaat per onderwerp. Je mag drie keer proberen; na een mislukte poging wacht je een dag, daarna twee dagen.</p>",
                                    "<p>Faites le test seul, connecté avec votre propre mot de passe. Vous avez 30 minutes pour 20 questions sur tout le cours et devez obtenir 70 % pour réussir. Les questions sont nouvelles : ce ne sont pas celles des quiz d'entraînement. Ensuite, vous voyez votre résultat par thème. Vous avez trois essais ; après un échec, vous attendez un jour, puis deux jours.</p>",
                                    "<p>Machen Sie den Test allein, angemeldet mit Ihrem eigenen Passwort. Sie haben 30 Minuten für 20 Fragen zum ganzen Kurs und brauchen 70 % zum Bestehen. Die Fragen sind neu: Es sind nicht die der Übungsquiz. Danach sehen Sie Ihr Ergebnis pro Thema. Sie haben drei Versuche; nach einem Fehlversuch warten Sie einen Tag, danach zwei Tage.</p>",
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": t(
                                    "Basic digital skills: final test",
                                    "Digitale basisvaardigheden: eindtest",
                                    "Compétences numériques de base : test final",
                                    "Digitale Grundkompetenzen: Abschlusstest",
                                ),
                                "instructions": t(
                                    "Twenty questions drawn for you from every module. Your result per topic is shown when you hand in or the time is up.",
                                    "Twintig vragen voor jou gekozen uit alle modules. Je resultaat per onderwerp zie je wanneer je indient of de tijd om is.",
                                    "Vingt questions tirées pour vous de tous les modules. Votre résultat par thème s'affiche quand vous rendez le test ou quand le temps est écoulé.",
                                    "Zwanzig Fragen, für Sie aus allen Modulen ausgewählt. Ihr Ergebnis pro Thema sehen Sie nach der Abgabe oder wenn die Zeit abgelaufen ist.",
                                ),
                                "bank": "basic-exam",
                                "mode": "exam",
                                # Per competence and difficulty: 20 questions from
                                # a bank five times larger (100).
                                "blueprint": [
                                    ("1.1", 1, 2),
                                    ("1.1", 2, 2),
                                    ("1.2", 1, 2),
                                    ("1.2", 2, 1),
                                    ("2.1", 1, 2),
                                    ("2.1", 2, 2),
                                    ("2.3", 1, 2),
                                    ("2.3", 2, 2),
                                    ("2.5", 1, 1),
                                    ("2.5", 2, 1),
                                    ("4.2", 1, 2),
                                    ("4.2", 2, 1),
                                ],
                                "pass_mark_percent": 70,
                                "max_attempts": 3,
                                "cooldown_minutes": 1440,
                                "time_limit_minutes": 30,
                                "grading_policy": "best",
                                "required": True,
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}
