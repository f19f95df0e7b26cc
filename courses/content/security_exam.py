"""The security diploma's final exam bank: 40 questions on the six modules
(passwords, two-step verification, phishing, fraud, privacy, updates and
backups), in the four languages. Written for a jobseeker who wants the
diploma on their CV: concrete situations, no jargon without explanation."""

from courses.content.text import FALSE, TRUE, choice, t


def q(kind, competence, difficulty, prompt, choices, explanation, **extra) -> dict:
    return {
        "kind": kind,
        "competence": competence,
        "difficulty": difficulty,
        "prompt": prompt,
        "choices": choices,
        "explanation": explanation,
        **extra,
    }


def tf(competence, difficulty, prompt, true_is_right, explanation) -> dict:
    return q(
        "true_false",
        competence,
        difficulty,
        prompt,
        [choice(TRUE, true_is_right), choice(FALSE, not true_is_right)],
        explanation,
    )


QUESTIONS = [
    # --- passwords and password managers -----------------------------------
    q(
        "single",
        "4.2",
        1,
        t(
            "What makes a password hard to crack?",
            "Wat maakt een wachtwoord moeilijk te kraken?",
            "Qu'est-ce qui rend un mot de passe difficile à casser ?",
            "Was macht ein Passwort schwer zu knacken?",
        ),
        [
            choice(t("Its length", "De lengte", "Sa longueur", "Seine Länge"), True),
            choice(
                t(
                    "Replacing the letter o by a 0",
                    "De letter o vervangen door een 0",
                    "Remplacer la lettre o par un 0",
                    "Den Buchstaben o durch eine 0 ersetzen",
                )
            ),
            choice(
                t(
                    "Adding your birth year",
                    "Je geboortejaar toevoegen",
                    "Ajouter votre année de naissance",
                    "Ihr Geburtsjahr anhängen",
                )
            ),
        ],
        t(
            "Each extra character multiplies the work of an attacker. Tricks like 0 for o are known to cracking tools.",
            "Elk extra teken vermenigvuldigt het werk van een aanvaller. Trucjes zoals 0 voor o kennen kraakprogramma's al.",
            "Chaque caractère en plus multiplie le travail de l'attaquant. Les astuces comme 0 pour o sont connues des outils de cassage.",
            "Jedes zusätzliche Zeichen vervielfacht die Arbeit eines Angreifers. Tricks wie 0 statt o kennen Knackprogramme längst.",
        ),
    ),
    tf(
        "4.2",
        1,
        t(
            "Using the same strong password on several sites is safe.",
            "Hetzelfde sterke wachtwoord op meerdere sites gebruiken is veilig.",
            "Utiliser le même mot de passe solide sur plusieurs sites est sûr.",
            "Dasselbe starke Passwort auf mehreren Seiten zu verwenden, ist sicher.",
        ),
        False,
        t(
            "If one site leaks it, criminals try it everywhere else. Use one password per site.",
            "Lekt één site het, dan proberen criminelen het overal. Gebruik één wachtwoord per site.",
            "Si un site le laisse fuiter, les criminels l'essaient partout. Un mot de passe par site.",
            "Wenn eine Seite es verliert, probieren Kriminelle es überall. Ein Passwort pro Seite.",
        ),
    ),
    q(
        "single",
        "4.2",
        1,
        t(
            "What does a password manager do?",
            "Wat doet een wachtwoordbeheerder?",
            "Que fait un gestionnaire de mots de passe ?",
            "Was macht ein Passwort-Manager?",
        ),
        [
            choice(
                t(
                    "It creates and remembers a different strong password for every site",
                    "Hij maakt en onthoudt een ander sterk wachtwoord voor elke site",
                    "Il crée et retient un mot de passe solide différent pour chaque site",
                    "Er erstellt und merkt sich für jede Seite ein anderes starkes Passwort",
                ),
                True,
            ),
            choice(
                t(
                    "It sends your passwords to your contacts for safekeeping",
                    "Hij stuurt je wachtwoorden naar je contacten om ze te bewaren",
                    "Il envoie vos mots de passe à vos contacts pour les garder",
                    "Er schickt Ihre Passwörter zur Aufbewahrung an Ihre Kontakte",
                )
            ),
            choice(
                t(
                    "It makes all your passwords the same",
                    "Hij maakt al je wachtwoorden gelijk",
                    "Il rend tous vos mots de passe identiques",
                    "Er macht alle Ihre Passwörter gleich",
                )
            ),
        ],
        t(
            "You remember one strong main password; the manager remembers the rest.",
            "Je onthoudt één sterk hoofdwachtwoord; de beheerder onthoudt de rest.",
            "Vous retenez un seul mot de passe principal solide ; le gestionnaire retient le reste.",
            "Sie merken sich ein starkes Hauptpasswort; der Manager merkt sich den Rest.",
        ),
    ),
    q(
        "single",
        "4.2",
        2,
        t(
            "Which main password is best for your password manager?",
            "Welk hoofdwachtwoord is het best voor je wachtwoordbeheerder?",
            "Quel mot de passe principal est le meilleur pour votre gestionnaire ?",
            "Welches Hauptpasswort ist für Ihren Passwort-Manager am besten?",
        ),
        [
            choice(
                t(
                    "Four random words you have never used anywhere",
                    "Vier willekeurige woorden die je nergens anders gebruikte",
                    "Quatre mots au hasard jamais utilisés ailleurs",
                    "Vier zufällige Wörter, die Sie nirgends sonst verwendet haben",
                ),
                True,
            ),
            choice(
                t(
                    "Your e-mail password, so you only need one",
                    "Je e-mailwachtwoord, dan heb je er maar één",
                    "Le mot de passe de votre e-mail, comme ça vous n'en avez qu'un",
                    "Ihr E-Mail-Passwort, damit Sie nur eines brauchen",
                )
            ),
            choice(
                t(
                    "The name of your dog",
                    "De naam van je hond",
                    "Le nom de votre chien",
                    "Der Name Ihres Hundes",
                )
            ),
        ],
        t(
            "The main password guards everything: long, unique, never reused.",
            "Het hoofdwachtwoord bewaakt alles: lang, uniek, nooit hergebruikt.",
            "Le mot de passe principal protège tout : long, unique, jamais réutilisé.",
            "Das Hauptpasswort schützt alles: lang, einzigartig, nie wiederverwendet.",
        ),
    ),
    tf(
        "4.2",
        2,
        t(
            "Writing your passwords in a notebook kept safely at home is worse than using the same password everywhere.",
            "Je wachtwoorden in een schriftje thuis bewaren is slechter dan overal hetzelfde wachtwoord gebruiken.",
            "Noter vos mots de passe dans un carnet gardé chez vous est pire que d'utiliser partout le même.",
            "Passwörter in einem zu Hause sicher verwahrten Heft zu notieren, ist schlimmer als überall dasselbe Passwort.",
        ),
        False,
        t(
            "A burglar in your home is rarer than a leak online. A notebook at home is better than reuse; a password manager is better still.",
            "Een inbreker in je huis is zeldzamer dan een lek online. Een schriftje thuis is beter dan hergebruik; een wachtwoordbeheerder nog beter.",
            "Un cambrioleur chez vous est plus rare qu'une fuite en ligne. Un carnet à la maison vaut mieux que la réutilisation ; un gestionnaire encore mieux.",
            "Ein Einbrecher ist seltener als ein Datenleck. Ein Heft zu Hause ist besser als Wiederverwendung; ein Passwort-Manager noch besser.",
        ),
    ),
    q(
        "multiple",
        "4.2",
        2,
        t(
            "A site you use tells you it was hacked. What do you do? Choose all that apply.",
            "Een site die je gebruikt meldt dat hij gehackt werd. Wat doe je? Kies alles wat klopt.",
            "Un site que vous utilisez annonce avoir été piraté. Que faites-vous ? Choisissez toutes les bonnes réponses.",
            "Eine Seite, die Sie nutzen, meldet einen Hackerangriff. Was tun Sie? Wählen Sie alle zutreffenden.",
        ),
        [
            choice(
                t(
                    "Change the password of that site",
                    "Het wachtwoord van die site wijzigen",
                    "Changer le mot de passe de ce site",
                    "Das Passwort dieser Seite ändern",
                ),
                True,
            ),
            choice(
                t(
                    "Change it on every other site where you used the same one",
                    "Het wijzigen op elke andere site waar je hetzelfde gebruikte",
                    "Le changer sur tous les autres sites où vous utilisiez le même",
                    "Es auf allen anderen Seiten ändern, wo Sie dasselbe genutzt haben",
                ),
                True,
            ),
            choice(
                t(
                    "Turn on two-step verification",
                    "Tweestapsverificatie aanzetten",
                    "Activer la vérification en deux étapes",
                    "Die Zwei-Schritt-Bestätigung einschalten",
                ),
                True,
            ),
            choice(
                t(
                    "Nothing: it is the site's problem",
                    "Niets: het is het probleem van de site",
                    "Rien : c'est le problème du site",
                    "Nichts: Das ist das Problem der Seite",
                )
            ),
        ],
        t(
            "Act quickly: your password may already be on a list that criminals share.",
            "Handel snel: je wachtwoord staat misschien al op een lijst die criminelen delen.",
            "Agissez vite : votre mot de passe est peut-être déjà sur une liste que s'échangent les criminels.",
            "Handeln Sie schnell: Ihr Passwort steht vielleicht schon auf einer Liste, die Kriminelle teilen.",
        ),
    ),
    # --- two-step verification -----------------------------------------------
    q(
        "single",
        "4.2",
        1,
        t(
            "What is two-step verification?",
            "Wat is tweestapsverificatie?",
            "Qu'est-ce que la vérification en deux étapes ?",
            "Was ist die Zwei-Schritt-Bestätigung?",
        ),
        [
            choice(
                t(
                    "Signing in with your password plus a second proof, such as a code on your phone",
                    "Aanmelden met je wachtwoord plus een tweede bewijs, zoals een code op je telefoon",
                    "Se connecter avec son mot de passe plus une deuxième preuve, comme un code sur le téléphone",
                    "Anmelden mit Passwort plus einem zweiten Nachweis, etwa einem Code auf dem Telefon",
                ),
                True,
            ),
            choice(
                t(
                    "Typing your password twice",
                    "Je wachtwoord twee keer typen",
                    "Taper son mot de passe deux fois",
                    "Das Passwort zweimal eingeben",
                )
            ),
            choice(
                t(
                    "Having two different passwords for one site",
                    "Twee verschillende wachtwoorden hebben voor één site",
                    "Avoir deux mots de passe différents pour un site",
                    "Zwei verschiedene Passwörter für eine Seite haben",
                )
            ),
        ],
        t(
            "Even if someone steals your password, they still lack the second proof.",
            "Zelfs als iemand je wachtwoord steelt, mist die nog het tweede bewijs.",
            "Même si quelqu'un vole votre mot de passe, il lui manque la deuxième preuve.",
            "Selbst wenn jemand Ihr Passwort stiehlt, fehlt ihm der zweite Nachweis.",
        ),
    ),
    tf(
        "4.2",
        1,
        t(
            "Someone calls, says he works for your bank and asks for the code you just received by text message. You may give it.",
            "Iemand belt, zegt dat hij voor je bank werkt en vraagt de code die je net per sms kreeg. Je mag die geven.",
            "Quelqu'un appelle, dit travailler pour votre banque et demande le code que vous venez de recevoir par SMS. Vous pouvez le donner.",
            "Jemand ruft an, sagt, er arbeite für Ihre Bank, und fragt nach dem Code, den Sie gerade per SMS erhalten haben. Sie dürfen ihn nennen.",
        ),
        False,
        t(
            "That code is your second key. Whoever asks for it is a fraudster. Hang up.",
            "Die code is je tweede sleutel. Wie erom vraagt, is een oplichter. Leg in.",
            "Ce code est votre deuxième clé. Celui qui le demande est un escroc. Raccrochez.",
            "Dieser Code ist Ihr zweiter Schlüssel. Wer danach fragt, ist ein Betrüger. Legen Sie auf.",
        ),
    ),
    q(
        "single",
        "4.1",
        2,
        t(
            "Which second step is hardest for a criminal to steal?",
            "Welke tweede stap is het moeilijkst te stelen voor een crimineel?",
            "Quelle deuxième étape est la plus difficile à voler pour un criminel ?",
            "Welcher zweite Schritt ist für Kriminelle am schwersten zu stehlen?",
        ),
        [
            choice(
                t(
                    "An authenticator app or itsme on your own phone",
                    "Een authenticator-app of itsme op je eigen telefoon",
                    "Une application d'authentification ou itsme sur votre propre téléphone",
                    "Eine Authenticator-App oder itsme auf Ihrem eigenen Telefon",
                ),
                True,
            ),
            choice(
                t(
                    "A code sent by e-mail to the same mailbox",
                    "Een code per e-mail naar dezelfde mailbox",
                    "Un code envoyé par e-mail dans la même messagerie",
                    "Ein Code per E-Mail an dasselbe Postfach",
                )
            ),
            choice(
                t(
                    "A security question such as your mother's maiden name",
                    "Een veiligheidsvraag zoals de meisjesnaam van je moeder",
                    "Une question de sécurité comme le nom de jeune fille de votre mère",
                    "Eine Sicherheitsfrage wie der Mädchenname Ihrer Mutter",
                )
            ),
        ],
        t(
            "An app on a device you hold is stronger than e-mail codes or answers others can find.",
            "Een app op een toestel dat je zelf hebt, is sterker dan e-mailcodes of antwoorden die anderen kunnen vinden.",
            "Une application sur un appareil que vous détenez est plus sûre que des codes par e-mail ou des réponses que d'autres peuvent trouver.",
            "Eine App auf einem Gerät in Ihrer Hand ist sicherer als E-Mail-Codes oder Antworten, die andere herausfinden können.",
        ),
    ),
    q(
        "single",
        "4.2",
        2,
        t(
            "You get a sign-in request on your phone but you are not signing in anywhere. What do you do?",
            "Je krijgt een aanmeldverzoek op je telefoon maar je meldt je nergens aan. Wat doe je?",
            "Vous recevez une demande de connexion sur votre téléphone alors que vous ne vous connectez nulle part. Que faites-vous ?",
            "Sie erhalten eine Anmeldeanfrage auf dem Telefon, melden sich aber nirgends an. Was tun Sie?",
        ),
        [
            choice(
                t(
                    "Refuse it and change your password",
                    "Weigeren en je wachtwoord wijzigen",
                    "La refuser et changer votre mot de passe",
                    "Ablehnen und Ihr Passwort ändern",
                ),
                True,
            ),
            choice(
                t(
                    "Accept it to make the messages stop",
                    "Aanvaarden zodat de meldingen stoppen",
                    "L'accepter pour que les messages s'arrêtent",
                    "Annehmen, damit die Meldungen aufhören",
                )
            ),
            choice(
                t(
                    "Ignore it and keep the same password",
                    "Negeren en hetzelfde wachtwoord houden",
                    "L'ignorer et garder le même mot de passe",
                    "Ignorieren und das Passwort behalten",
                )
            ),
        ],
        t(
            "Someone knows your password. Refusing blocks them; a new password stops them trying.",
            "Iemand kent je wachtwoord. Weigeren blokkeert hem; een nieuw wachtwoord stopt zijn pogingen.",
            "Quelqu'un connaît votre mot de passe. Refuser le bloque ; un nouveau mot de passe arrête ses tentatives.",
            "Jemand kennt Ihr Passwort. Ablehnen blockiert ihn; ein neues Passwort beendet seine Versuche.",
        ),
    ),
    tf(
        "4.2",
        1,
        t(
            "It is worth turning on two-step verification for your e-mail account first.",
            "Het loont om tweestapsverificatie eerst voor je e-mailaccount aan te zetten.",
            "Il vaut la peine d'activer la vérification en deux étapes d'abord pour votre messagerie.",
            "Es lohnt sich, die Zwei-Schritt-Bestätigung zuerst für Ihr E-Mail-Konto einzuschalten.",
        ),
        True,
        t(
            "Your mailbox can reset the passwords of all your other accounts: protect it first.",
            "Via je mailbox kun je de wachtwoorden van al je andere accounts herstellen: bescherm hem eerst.",
            "Votre messagerie permet de réinitialiser tous vos autres mots de passe : protégez-la d'abord.",
            "Über Ihr Postfach lassen sich alle anderen Passwörter zurücksetzen: Schützen Sie es zuerst.",
        ),
    ),
    q(
        "single",
        "4.1",
        3,
        t(
            "You change phones. What must you do before you reset the old one?",
            "Je krijgt een nieuwe telefoon. Wat moet je doen voor je de oude wist?",
            "Vous changez de téléphone. Que devez-vous faire avant de réinitialiser l'ancien ?",
            "Sie wechseln das Telefon. Was müssen Sie tun, bevor Sie das alte zurücksetzen?",
        ),
        [
            choice(
                t(
                    "Move your authenticator app and itsme to the new phone",
                    "Je authenticator-app en itsme naar de nieuwe telefoon overzetten",
                    "Transférer votre application d'authentification et itsme vers le nouveau téléphone",
                    "Ihre Authenticator-App und itsme auf das neue Telefon übertragen",
                ),
                True,
            ),
            choice(
                t(
                    "Turn off two-step verification everywhere for good",
                    "Tweestapsverificatie overal voorgoed uitzetten",
                    "Désactiver définitivement la vérification en deux étapes partout",
                    "Die Zwei-Schritt-Bestätigung überall für immer ausschalten",
                )
            ),
            choice(
                t(
                    "Nothing: the codes move by themselves",
                    "Niets: de codes verhuizen vanzelf",
                    "Rien : les codes suivent tout seuls",
                    "Nichts: Die Codes ziehen von selbst um",
                )
            ),
        ],
        t(
            "Otherwise you lock yourself out. Keep the backup codes the site gave you in a safe place.",
            "Anders sluit je jezelf buiten. Bewaar de reservecodes van de site op een veilige plek.",
            "Sinon vous vous enfermez dehors. Gardez les codes de secours du site en lieu sûr.",
            "Sonst sperren Sie sich aus. Bewahren Sie die Ersatzcodes der Seite sicher auf.",
        ),
    ),
    # --- phishing and smishing ---------------------------------------------------
    q(
        "scenario",
        "4.2",
        2,
        t(
            "Look at this e-mail. Is it phishing?",
            "Bekijk deze e-mail. Is het phishing?",
            "Regardez cet e-mail. Est-ce de l'hameçonnage ?",
            "Sehen Sie sich diese E-Mail an. Ist es Phishing?",
        ),
        [
            choice(
                t(
                    "Yes: the sender and the link do not belong to bpost, and it pushes you to pay quickly",
                    "Ja: de afzender en de link horen niet bij bpost, en je wordt opgejaagd om snel te betalen",
                    "Oui : l'expéditeur et le lien n'appartiennent pas à bpost, et on vous presse de payer vite",
                    "Ja: Absender und Link gehören nicht zu bpost, und Sie werden gedrängt, schnell zu zahlen",
                ),
                True,
            ),
            choice(
                t(
                    "No: it has the bpost logo, so it is real",
                    "Nee: het bpost-logo staat erop, dus het is echt",
                    "Non : il y a le logo de bpost, donc c'est vrai",
                    "Nein: Es hat das bpost-Logo, also ist es echt",
                ),
                False,
                t(
                    "Anyone can copy a logo.",
                    "Iedereen kan een logo kopiëren.",
                    "N'importe qui peut copier un logo.",
                    "Jeder kann ein Logo kopieren.",
                ),
            ),
        ],
        t(
            "Look at the real sender address and where the link leads. Real parcel services do not ask for small payments by link.",
            "Kijk naar het echte adres van de afzender en waar de link naartoe leidt. Echte pakjesdiensten vragen geen kleine betalingen via een link.",
            "Regardez la vraie adresse de l'expéditeur et où mène le lien. Les vrais services de colis ne demandent pas de petits paiements par lien.",
            "Achten Sie auf die echte Absenderadresse und das Ziel des Links. Echte Paketdienste verlangen keine kleinen Zahlungen per Link.",
        ),
        image="phishing-parcel",
        image_alt=t(
            'An e-mail with a bpost logo from "bpost-service@delivery-be.top", subject "Your parcel is waiting". It asks to pay €1.99 customs fees within 24 hours via the button "Pay now", which links to bpost-delivery.top/pay.',
            'Een e-mail met een bpost-logo van "bpost-service@delivery-be.top", onderwerp "Your parcel is waiting". Hij vraagt om binnen 24 uur €1,99 douanekosten te betalen met de knop "Pay now", die leidt naar bpost-delivery.top/pay.',
            "Un e-mail avec un logo bpost, envoyé par « bpost-service@delivery-be.top », objet « Your parcel is waiting ». Il demande de payer 1,99 € de frais de douane dans les 24 heures via le bouton « Pay now », qui mène à bpost-delivery.top/pay.",
            "Eine E-Mail mit bpost-Logo von „bpost-service@delivery-be.top“, Betreff „Your parcel is waiting“. Sie fordert auf, binnen 24 Stunden 1,99 € Zollgebühren über die Schaltfläche „Pay now“ zu zahlen, die zu bpost-delivery.top/pay führt.",
        ),
    ),
    q(
        "multiple",
        "4.2",
        1,
        t(
            "Which signs point to a phishing message? Choose all that apply.",
            "Welke tekens wijzen op een phishingbericht? Kies alles wat klopt.",
            "Quels signes indiquent un message d'hameçonnage ? Choisissez toutes les bonnes réponses.",
            "Welche Anzeichen deuten auf eine Phishing-Nachricht hin? Wählen Sie alle zutreffenden.",
        ),
        [
            choice(
                t(
                    'It is urgent: "within 24 hours or your account is closed"',
                    'Het is dringend: "binnen 24 uur of je account wordt gesloten"',
                    "C'est urgent : « sous 24 heures ou votre compte sera fermé »",
                    "Es ist dringend: „binnen 24 Stunden, sonst wird Ihr Konto gesperrt“",
                ),
                True,
            ),
            choice(
                t(
                    "It asks for codes or card details",
                    "Er wordt naar codes of kaartgegevens gevraagd",
                    "On vous demande des codes ou des données de carte",
                    "Es wird nach Codes oder Kartendaten gefragt",
                ),
                True,
            ),
            choice(
                t(
                    "The link leads to a strange address",
                    "De link leidt naar een vreemd adres",
                    "Le lien mène à une adresse étrange",
                    "Der Link führt zu einer seltsamen Adresse",
                ),
                True,
            ),
            choice(
                t(
                    "It uses your first name",
                    "Het gebruikt je voornaam",
                    "Il utilise votre prénom",
                    "Sie nennt Ihren Vornamen",
                ),
                False,
                t(
                    "Criminals often know your name too; it proves nothing.",
                    "Criminelen kennen vaak ook je naam; het bewijst niets.",
                    "Les criminels connaissent souvent votre nom ; cela ne prouve rien.",
                    "Kriminelle kennen oft auch Ihren Namen; das beweist nichts.",
                ),
            ),
        ],
        t(
            "Pressure, a request for codes and odd links are the classic signs.",
            "Druk, een vraag naar codes en vreemde links zijn de klassieke tekens.",
            "La pression, la demande de codes et les liens bizarres sont les signes classiques.",
            "Druck, die Frage nach Codes und seltsame Links sind die klassischen Anzeichen.",
        ),
    ),
    q(
        "single",
        "4.2",
        1,
        t(
            "What is smishing?",
            "Wat is smishing?",
            "Qu'est-ce que le smishing ?",
            "Was ist Smishing?",
        ),
        [
            choice(
                t(
                    "Phishing by text message",
                    "Phishing via sms",
                    "De l'hameçonnage par SMS",
                    "Phishing per SMS",
                ),
                True,
            ),
            choice(
                t(
                    "A virus that breaks your screen",
                    "Een virus dat je scherm kapotmaakt",
                    "Un virus qui casse votre écran",
                    "Ein Virus, das Ihren Bildschirm zerstört",
                )
            ),
            choice(
                t(
                    "A way to send photos",
                    "Een manier om foto's te sturen",
                    "Une façon d'envoyer des photos",
                    "Eine Art, Fotos zu verschicken",
                )
            ),
        ],
        t(
            "The same trick as phishing e-mails, but by SMS or chat app.",
            "Dezelfde truc als phishingmails, maar via sms of chatapp.",
            "La même ruse que les e-mails d'hameçonnage, mais par SMS ou messagerie.",
            "Derselbe Trick wie Phishing-Mails, aber per SMS oder Chat-App.",
        ),
    ),
    q(
        "single",
        "4.2",
        1,
        t(
            "Where can you forward a suspicious message in Belgium?",
            "Waar kun je in België een verdacht bericht naar doorsturen?",
            "Où pouvez-vous transférer un message suspect en Belgique ?",
            "Wohin können Sie in Belgien eine verdächtige Nachricht weiterleiten?",
        ),
        [
            choice(
                t(
                    "To suspicious@safeonweb.be",
                    "Naar verdacht@safeonweb.be",
                    "À suspect@safeonweb.be",
                    "An verdaechtig@safeonweb.be",
                ),
                True,
            ),
            choice(
                t(
                    "To the sender, to ask if it is real",
                    "Naar de afzender, om te vragen of het echt is",
                    "À l'expéditeur, pour demander si c'est vrai",
                    "An den Absender, um zu fragen, ob es echt ist",
                )
            ),
            choice(
                t(
                    "To all your contacts, as a warning",
                    "Naar al je contacten, als waarschuwing",
                    "À tous vos contacts, pour les avertir",
                    "An alle Kontakte, als Warnung",
                )
            ),
        ],
        t(
            "Safeonweb, of the Centre for Cybersecurity Belgium, blocks the fake links it receives.",
            "Safeonweb, van het Centrum voor Cybersecurity België, blokkeert de valse links die het ontvangt.",
            "Safeonweb, du Centre pour la Cybersécurité Belgique, bloque les faux liens qu'il reçoit.",
            "Safeonweb vom Zentrum für Cybersicherheit Belgien sperrt die gefälschten Links, die es erhält.",
        ),
    ),
    tf(
        "4.2",
        2,
        t(
            "A message with a padlock icon and https in the link is always safe.",
            "Een bericht met een hangslot en https in de link is altijd veilig.",
            "Un message avec un cadenas et https dans le lien est toujours sûr.",
            "Eine Nachricht mit Schloss-Symbol und https im Link ist immer sicher.",
        ),
        False,
        t(
            "The padlock only means the connection is encrypted. Fake sites have one too.",
            "Het hangslot betekent enkel dat de verbinding versleuteld is. Valse sites hebben er ook een.",
            "Le cadenas signifie seulement que la connexion est chiffrée. Les faux sites en ont aussi.",
            "Das Schloss bedeutet nur, dass die Verbindung verschlüsselt ist. Auch gefälschte Seiten haben es.",
        ),
    ),
    q(
        "single",
        "4.2",
        2,
        t(
            "You clicked a phishing link and typed your bank details. What do you do first?",
            "Je klikte op een phishinglink en gaf je bankgegevens in. Wat doe je eerst?",
            "Vous avez cliqué sur un lien d'hameçonnage et saisi vos données bancaires. Que faites-vous d'abord ?",
            "Sie haben auf einen Phishing-Link geklickt und Ihre Bankdaten eingegeben. Was tun Sie zuerst?",
        ),
        [
            choice(
                t(
                    "Call Card Stop (078 170 170) and your bank to block your card",
                    "Card Stop (078 170 170) en je bank bellen om je kaart te blokkeren",
                    "Appeler Card Stop (078 170 170) et votre banque pour bloquer votre carte",
                    "Card Stop (078 170 170) und Ihre Bank anrufen, um Ihre Karte zu sperren",
                ),
                True,
            ),
            choice(
                t(
                    "Wait to see if money disappears",
                    "Afwachten of er geld verdwijnt",
                    "Attendre de voir si de l'argent disparaît",
                    "Abwarten, ob Geld verschwindet",
                )
            ),
            choice(
                t(
                    "Delete the e-mail and forget it",
                    "De e-mail wissen en het vergeten",
                    "Supprimer l'e-mail et oublier",
                    "Die E-Mail löschen und vergessen",
                )
            ),
        ],
        t(
            "Block first, then file a complaint with the police. Every minute counts.",
            "Eerst blokkeren, daarna klacht indienen bij de politie. Elke minuut telt.",
            "Bloquez d'abord, puis portez plainte à la police. Chaque minute compte.",
            "Zuerst sperren, dann Anzeige bei der Polizei erstatten. Jede Minute zählt.",
        ),
    ),
    q(
        "single",
        "2.1",
        2,
        t(
            'A text message says: "Your itsme expires today, renew here" with a link. What is true?',
            'Een sms zegt: "Je itsme vervalt vandaag, vernieuw hier" met een link. Wat klopt?',
            "Un SMS dit : « Votre itsme expire aujourd'hui, renouvelez ici » avec un lien. Qu'est-ce qui est vrai ?",
            "Eine SMS sagt: „Ihr itsme läuft heute ab, hier erneuern“ mit einem Link. Was stimmt?",
        ),
        [
            choice(
                t(
                    "itsme does not send such links; open the app yourself to check",
                    "itsme stuurt zulke links niet; open zelf de app om te controleren",
                    "itsme n'envoie pas de tels liens ; ouvrez vous-même l'application pour vérifier",
                    "itsme verschickt keine solchen Links; öffnen Sie selbst die App, um nachzusehen",
                ),
                True,
            ),
            choice(
                t(
                    "Click quickly, or you lose access",
                    "Snel klikken, anders verlies je de toegang",
                    "Cliquez vite, sinon vous perdez l'accès",
                    "Schnell klicken, sonst verlieren Sie den Zugang",
                )
            ),
            choice(
                t(
                    "Answer the message with your code",
                    "Het bericht beantwoorden met je code",
                    "Répondre au message avec votre code",
                    "Die Nachricht mit Ihrem Code beantworten",
                )
            ),
        ],
        t(
            "Check through the app or the official site you open yourself, never through the link you got.",
            "Controleer via de app of de officiële site die je zelf opent, nooit via de link die je kreeg.",
            "Vérifiez via l'application ou le site officiel que vous ouvrez vous-même, jamais via le lien reçu.",
            "Prüfen Sie über die App oder die offizielle Seite, die Sie selbst öffnen, nie über den erhaltenen Link.",
        ),
    ),
    # --- online fraud and fake webshops ------------------------------------------
    q(
        "multiple",
        "4.2",
        1,
        t(
            "Which signs point to a fake webshop? Choose all that apply.",
            "Welke tekens wijzen op een valse webshop? Kies alles wat klopt.",
            "Quels signes indiquent une fausse boutique en ligne ? Choisissez toutes les bonnes réponses.",
            "Welche Anzeichen deuten auf einen gefälschten Webshop hin? Wählen Sie alle zutreffenden.",
        ),
        [
            choice(
                t(
                    "Prices far below everywhere else",
                    "Prijzen ver onder die van elders",
                    "Des prix bien plus bas que partout ailleurs",
                    "Preise weit unter denen anderswo",
                ),
                True,
            ),
            choice(
                t(
                    "No company number or address",
                    "Geen ondernemingsnummer of adres",
                    "Pas de numéro d'entreprise ni d'adresse",
                    "Keine Unternehmensnummer oder Adresse",
                ),
                True,
            ),
            choice(
                t(
                    "Only bank transfer accepted, no card or Bancontact",
                    "Alleen overschrijving, geen kaart of Bancontact",
                    "Seulement le virement, pas de carte ni de Bancontact",
                    "Nur Überweisung, keine Karte und kein Bancontact",
                ),
                True,
            ),
            choice(
                t(
                    "Reviews on independent sites",
                    "Beoordelingen op onafhankelijke sites",
                    "Des avis sur des sites indépendants",
                    "Bewertungen auf unabhängigen Seiten",
                ),
                False,
            ),
        ],
        t(
            "Too cheap, no contact details and payment you cannot dispute: walk away.",
            "Te goedkoop, geen contactgegevens en een betaling die je niet kunt betwisten: ga weg.",
            "Trop bon marché, pas de coordonnées et un paiement impossible à contester : partez.",
            "Zu billig, keine Kontaktdaten und eine Zahlung, die man nicht anfechten kann: Finger weg.",
        ),
    ),
    tf(
        "4.2",
        1,
        t(
            "You can check a Belgian company number in the Crossroads Bank for Enterprises (KBO/BCE).",
            "Je kunt een Belgisch ondernemingsnummer opzoeken in de Kruispuntbank van Ondernemingen (KBO).",
            "Vous pouvez vérifier un numéro d'entreprise belge dans la Banque-Carrefour des Entreprises (BCE).",
            "Sie können eine belgische Unternehmensnummer in der Zentralen Datenbank der Unternehmen (ZDU/KBO) prüfen.",
        ),
        True,
        t(
            "A real Belgian shop has a number you can look up for free.",
            "Een echte Belgische winkel heeft een nummer dat je gratis kunt opzoeken.",
            "Un vrai magasin belge a un numéro que vous pouvez vérifier gratuitement.",
            "Ein echtes belgisches Geschäft hat eine Nummer, die Sie kostenlos nachschlagen können.",
        ),
    ),
    q(
        "single",
        "4.2",
        2,
        t(
            'You sell a chair online. A buyer wants to pay through a link that asks for your card details "to receive the money". What is it?',
            'Je verkoopt een stoel online. Een koper wil betalen via een link die je kaartgegevens vraagt "om het geld te ontvangen". Wat is dit?',
            "Vous vendez une chaise en ligne. Un acheteur veut payer via un lien qui demande vos données de carte « pour recevoir l'argent ». Qu'est-ce que c'est ?",
            "Sie verkaufen online einen Stuhl. Ein Käufer will über einen Link zahlen, der Ihre Kartendaten verlangt, „um das Geld zu erhalten“. Was ist das?",
        ),
        [
            choice(
                t(
                    "Fraud: to receive money you never need your card codes",
                    "Fraude: om geld te ontvangen heb je nooit je kaartcodes nodig",
                    "Une fraude : pour recevoir de l'argent, il ne faut jamais vos codes de carte",
                    "Betrug: Um Geld zu erhalten, braucht man nie Ihre Kartencodes",
                ),
                True,
            ),
            choice(
                t(
                    "A normal way to be paid",
                    "Een normale manier om betaald te worden",
                    "Une façon normale d'être payé",
                    "Ein normaler Zahlungsweg",
                )
            ),
            choice(
                t(
                    "A safety check by the selling site",
                    "Een veiligheidscontrole van de verkoopsite",
                    "Un contrôle de sécurité du site de vente",
                    "Eine Sicherheitsprüfung der Verkaufsseite",
                )
            ),
        ],
        t(
            "Give your account number (IBAN) to receive money; never card codes or itsme confirmations.",
            "Geef je rekeningnummer (IBAN) om geld te ontvangen; nooit kaartcodes of itsme-bevestigingen.",
            "Donnez votre numéro de compte (IBAN) pour recevoir de l'argent ; jamais de codes de carte ni de confirmation itsme.",
            "Geben Sie zum Empfang Ihre Kontonummer (IBAN) an; nie Kartencodes oder itsme-Bestätigungen.",
        ),
    ),
    q(
        "single",
        "2.1",
        2,
        t(
            "Someone you met online a month ago asks you to lend money for a plane ticket to come and see you. What do you do?",
            "Iemand die je een maand geleden online leerde kennen, vraagt geld te lenen voor een vliegticket om je te komen bezoeken. Wat doe je?",
            "Quelqu'un rencontré en ligne il y a un mois vous demande de prêter de l'argent pour un billet d'avion pour venir vous voir. Que faites-vous ?",
            "Jemand, den Sie vor einem Monat online kennengelernt haben, bittet Sie um Geld für ein Flugticket, um Sie zu besuchen. Was tun Sie?",
        ),
        [
            choice(
                t(
                    "Refuse and talk about it with someone you trust",
                    "Weigeren en erover praten met iemand die je vertrouwt",
                    "Refuser et en parler à une personne de confiance",
                    "Ablehnen und mit einer Vertrauensperson darüber sprechen",
                ),
                True,
            ),
            choice(
                t(
                    "Send the money: love is worth it",
                    "Het geld sturen: liefde is het waard",
                    "Envoyer l'argent : l'amour en vaut la peine",
                    "Das Geld schicken: Liebe ist es wert",
                )
            ),
            choice(
                t(
                    "Send half, to be careful",
                    "De helft sturen, voor de zekerheid",
                    "Envoyer la moitié, par prudence",
                    "Zur Vorsicht die Hälfte schicken",
                )
            ),
        ],
        t(
            "This is romance fraud. The request for money is the sign, however sincere the person seems.",
            "Dit is liefdesfraude. De vraag naar geld is het teken, hoe oprecht de persoon ook lijkt.",
            "C'est une arnaque aux sentiments. La demande d'argent est le signe, même si la personne semble sincère.",
            "Das ist Liebesbetrug. Die Bitte um Geld ist das Zeichen, wie aufrichtig die Person auch wirkt.",
        ),
    ),
    tf(
        "4.2",
        2,
        t(
            "Paying with a credit card or Bancontact gives you more protection than a bank transfer to an unknown seller.",
            "Betalen met een kredietkaart of Bancontact geeft je meer bescherming dan een overschrijving naar een onbekende verkoper.",
            "Payer par carte de crédit ou Bancontact vous protège mieux qu'un virement à un vendeur inconnu.",
            "Die Zahlung per Kreditkarte oder Bancontact schützt Sie besser als eine Überweisung an einen unbekannten Verkäufer.",
        ),
        True,
        t(
            "With a card you can often dispute the payment; a transfer is very hard to get back.",
            "Met een kaart kun je de betaling vaak betwisten; een overschrijving krijg je zelden terug.",
            "Avec une carte, vous pouvez souvent contester le paiement ; un virement est très difficile à récupérer.",
            "Mit einer Karte können Sie die Zahlung oft anfechten; eine Überweisung bekommt man kaum zurück.",
        ),
    ),
    q(
        "single",
        "4.2",
        3,
        t(
            "A caller says he is from Microsoft: your computer is infected and he needs remote access to fix it. What is true?",
            "Een beller zegt dat hij van Microsoft is: je computer is besmet en hij heeft toegang op afstand nodig om het op te lossen. Wat klopt?",
            "Un appelant dit être de Microsoft : votre ordinateur est infecté et il a besoin d'un accès à distance pour le réparer. Qu'est-ce qui est vrai ?",
            "Ein Anrufer sagt, er sei von Microsoft: Ihr Computer sei infiziert, und er brauche Fernzugriff, um ihn zu reparieren. Was stimmt?",
        ),
        [
            choice(
                t(
                    "Microsoft never calls like this; hang up and install nothing",
                    "Microsoft belt nooit zo; leg in en installeer niets",
                    "Microsoft n'appelle jamais ainsi ; raccrochez et n'installez rien",
                    "Microsoft ruft nie so an; legen Sie auf und installieren Sie nichts",
                ),
                True,
            ),
            choice(
                t(
                    "Let him in, he is a professional",
                    "Laat hem binnen, hij is een professional",
                    "Laissez-le faire, c'est un professionnel",
                    "Lassen Sie ihn rein, er ist ein Profi",
                )
            ),
            choice(
                t(
                    "Give access but watch the screen closely",
                    "Toegang geven maar het scherm goed in het oog houden",
                    "Donner l'accès mais surveiller l'écran de près",
                    "Zugriff geben, aber den Bildschirm genau beobachten",
                )
            ),
        ],
        t(
            "Remote access gives full control of your computer and your bank sessions. This is helpdesk fraud.",
            "Toegang op afstand geeft volledige controle over je computer en je banksessies. Dit is helpdeskfraude.",
            "L'accès à distance donne le contrôle total de votre ordinateur et de vos sessions bancaires. C'est une fraude au faux support.",
            "Fernzugriff gibt volle Kontrolle über Ihren Computer und Ihre Banksitzungen. Das ist Support-Betrug.",
        ),
    ),
    # --- privacy on social media -------------------------------------------------
    q(
        "single",
        "4.2",
        1,
        t(
            'Who can see a post you share as "Public"?',
            'Wie kan een bericht zien dat je als "Openbaar" deelt?',
            "Qui peut voir une publication partagée en « Public » ?",
            "Wer kann einen Beitrag sehen, den Sie als „Öffentlich“ teilen?",
        ),
        [
            choice(
                t(
                    "Anyone, also people you do not know and search engines",
                    "Iedereen, ook mensen die je niet kent en zoekmachines",
                    "Tout le monde, y compris des inconnus et les moteurs de recherche",
                    "Jeder, auch Unbekannte und Suchmaschinen",
                ),
                True,
            ),
            choice(
                t(
                    "Only your friends",
                    "Alleen je vrienden",
                    "Seulement vos amis",
                    "Nur Ihre Freunde",
                )
            ),
            choice(t("Only you", "Alleen jij", "Seulement vous", "Nur Sie")),
        ],
        t(
            'Choose "Friends" or a smaller list for personal posts.',
            'Kies "Vrienden" of een kleinere lijst voor persoonlijke berichten.',
            "Choisissez « Amis » ou une liste plus restreinte pour les publications personnelles.",
            "Wählen Sie für persönliche Beiträge „Freunde“ oder eine kleinere Liste.",
        ),
    ),
    tf(
        "2.6",
        1,
        t(
            "An employer may look at your public social media profile before a job interview.",
            "Een werkgever kan je openbare sociale-mediaprofiel bekijken voor een sollicitatiegesprek.",
            "Un employeur peut regarder votre profil public sur les réseaux sociaux avant un entretien d'embauche.",
            "Ein Arbeitgeber kann sich Ihr öffentliches Social-Media-Profil vor einem Vorstellungsgespräch ansehen.",
        ),
        True,
        t(
            "What is public is seen. Check your profile as a stranger would see it.",
            "Wat openbaar is, wordt gezien. Bekijk je profiel zoals een vreemde het ziet.",
            "Ce qui est public est vu. Regardez votre profil comme un inconnu le verrait.",
            "Was öffentlich ist, wird gesehen. Sehen Sie Ihr Profil so an, wie ein Fremder es sieht.",
        ),
    ),
    q(
        "single",
        "4.2",
        2,
        t(
            'A quiz app asks: "Your first pet + the street you grew up in = your movie star name!". Why be careful?',
            'Een quizapp vraagt: "Je eerste huisdier + de straat waar je opgroeide = je filmsterrennaam!". Waarom opletten?',
            "Une appli de quiz demande : « Votre premier animal + la rue de votre enfance = votre nom de star ! ». Pourquoi se méfier ?",
            "Eine Quiz-App fragt: „Dein erstes Haustier + die Straße deiner Kindheit = dein Filmstar-Name!“. Warum vorsichtig sein?",
        ),
        [
            choice(
                t(
                    "These are typical answers to security questions for resetting passwords",
                    "Dat zijn typische antwoorden op veiligheidsvragen om wachtwoorden te herstellen",
                    "Ce sont des réponses typiques aux questions de sécurité pour réinitialiser un mot de passe",
                    "Das sind typische Antworten auf Sicherheitsfragen zum Zurücksetzen von Passwörtern",
                ),
                True,
            ),
            choice(
                t(
                    "The app could be slow",
                    "De app kan traag zijn",
                    "L'appli pourrait être lente",
                    "Die App könnte langsam sein",
                )
            ),
            choice(
                t(
                    "There is no risk, it is just fun",
                    "Er is geen risico, het is gewoon plezier",
                    "Aucun risque, c'est juste pour rire",
                    "Kein Risiko, es ist nur Spaß",
                )
            ),
        ],
        t(
            "Such games collect the answers criminals need to take over accounts.",
            "Zulke spelletjes verzamelen de antwoorden die criminelen nodig hebben om accounts over te nemen.",
            "Ces jeux collectent les réponses dont les criminels ont besoin pour prendre le contrôle de comptes.",
            "Solche Spiele sammeln die Antworten, die Kriminelle zur Übernahme von Konten brauchen.",
        ),
    ),
    q(
        "multiple",
        "4.2",
        2,
        t(
            "What helps protect your privacy on a social network? Choose all that apply.",
            "Wat helpt je privacy op een sociaal netwerk te beschermen? Kies alles wat klopt.",
            "Qu'est-ce qui aide à protéger votre vie privée sur un réseau social ? Choisissez toutes les bonnes réponses.",
            "Was hilft, Ihre Privatsphäre in einem sozialen Netzwerk zu schützen? Wählen Sie alle zutreffenden.",
        ),
        [
            choice(
                t(
                    "Checking the privacy settings once a year",
                    "Eens per jaar de privacyinstellingen nakijken",
                    "Vérifier les paramètres de confidentialité une fois par an",
                    "Einmal im Jahr die Datenschutzeinstellungen prüfen",
                ),
                True,
            ),
            choice(
                t(
                    "Accepting only friend requests from people you know",
                    "Alleen vriendschapsverzoeken aanvaarden van mensen die je kent",
                    "N'accepter que les demandes d'amis de personnes que vous connaissez",
                    "Nur Freundschaftsanfragen von Bekannten annehmen",
                ),
                True,
            ),
            choice(
                t(
                    "Turning off location on photos",
                    "De locatie op foto's uitzetten",
                    "Désactiver la localisation sur les photos",
                    "Den Standort bei Fotos ausschalten",
                ),
                True,
            ),
            choice(
                t(
                    "Using your full date of birth as your name",
                    "Je volledige geboortedatum als naam gebruiken",
                    "Utiliser votre date de naissance complète comme nom",
                    "Ihr vollständiges Geburtsdatum als Namen verwenden",
                ),
                False,
            ),
        ],
        t(
            "Small settings make a big difference; the defaults often share more than you think.",
            "Kleine instellingen maken een groot verschil; de standaardinstellingen delen vaak meer dan je denkt.",
            "De petits réglages font une grande différence ; les réglages par défaut partagent souvent plus que vous ne pensez.",
            "Kleine Einstellungen machen viel aus; die Voreinstellungen teilen oft mehr, als Sie denken.",
        ),
    ),
    tf(
        "4.2",
        2,
        t(
            "In the European Union you may ask a company which personal data it has about you.",
            "In de Europese Unie mag je een bedrijf vragen welke persoonsgegevens het over je heeft.",
            "Dans l'Union européenne, vous pouvez demander à une entreprise quelles données personnelles elle a sur vous.",
            "In der Europäischen Union dürfen Sie ein Unternehmen fragen, welche personenbezogenen Daten es über Sie hat.",
        ),
        True,
        t(
            "The GDPR gives you the right of access, and to ask for corrections or deletion.",
            "De GDPR (AVG) geeft je recht op inzage, en om verbetering of verwijdering te vragen.",
            "Le RGPD vous donne un droit d'accès, et le droit de demander une correction ou un effacement.",
            "Die DSGVO gibt Ihnen ein Auskunftsrecht sowie das Recht auf Berichtigung oder Löschung.",
        ),
    ),
    q(
        "single",
        "2.6",
        3,
        t(
            "An ex-partner threatens to share intimate photos of you. What do you do?",
            "Een ex-partner dreigt intieme foto's van je te delen. Wat doe je?",
            "Un ex-partenaire menace de partager des photos intimes de vous. Que faites-vous ?",
            "Ein Ex-Partner droht, intime Fotos von Ihnen zu teilen. Was tun Sie?",
        ),
        [
            choice(
                t(
                    "Keep the messages as proof, do not pay, and report it to the police and the Institute for the Equality of Women and Men",
                    "De berichten als bewijs bewaren, niet betalen, en het melden bij de politie en het Instituut voor de gelijkheid van vrouwen en mannen",
                    "Garder les messages comme preuve, ne pas payer, et le signaler à la police et à l'Institut pour l'égalité des femmes et des hommes",
                    "Die Nachrichten als Beweis aufbewahren, nicht zahlen und es der Polizei und dem Institut für die Gleichheit von Frauen und Männern melden",
                ),
                True,
            ),
            choice(
                t(
                    "Delete everything and say nothing",
                    "Alles wissen en niets zeggen",
                    "Tout effacer et ne rien dire",
                    "Alles löschen und nichts sagen",
                )
            ),
            choice(
                t(
                    "Do what the person asks so it stops",
                    "Doen wat de persoon vraagt zodat het stopt",
                    "Faire ce que la personne demande pour que ça s'arrête",
                    "Tun, was die Person verlangt, damit es aufhört",
                )
            ),
        ],
        t(
            "Sharing intimate images without consent is a crime in Belgium. You are not to blame, and help exists.",
            "Intieme beelden delen zonder toestemming is in België strafbaar. Jij treft geen schuld, en er is hulp.",
            "Diffuser des images intimes sans consentement est un délit en Belgique. Vous n'êtes pas coupable, et de l'aide existe.",
            "Intime Bilder ohne Einwilligung zu verbreiten, ist in Belgien strafbar. Sie sind nicht schuld, und es gibt Hilfe.",
        ),
    ),
    # --- updates, backups and ransomware -----------------------------------------
    q(
        "single",
        "4.1",
        1,
        t(
            "Why install updates on your phone and computer?",
            "Waarom updates installeren op je telefoon en computer?",
            "Pourquoi installer les mises à jour sur votre téléphone et votre ordinateur ?",
            "Warum Updates auf Telefon und Computer installieren?",
        ),
        [
            choice(
                t(
                    "They close security holes that criminals use",
                    "Ze dichten beveiligingslekken die criminelen gebruiken",
                    "Elles bouchent des failles de sécurité utilisées par les criminels",
                    "Sie schließen Sicherheitslücken, die Kriminelle nutzen",
                ),
                True,
            ),
            choice(
                t(
                    "They only change the colours",
                    "Ze veranderen enkel de kleuren",
                    "Elles changent seulement les couleurs",
                    "Sie ändern nur die Farben",
                )
            ),
            choice(
                t(
                    "They make the device slower on purpose",
                    "Ze maken het toestel bewust trager",
                    "Elles ralentissent l'appareil exprès",
                    "Sie machen das Gerät absichtlich langsamer",
                )
            ),
        ],
        t(
            "Turn on automatic updates: it is one of the best protections there is.",
            "Zet automatische updates aan: het is een van de beste beschermingen die er zijn.",
            "Activez les mises à jour automatiques : c'est l'une des meilleures protections.",
            "Schalten Sie automatische Updates ein: Das ist einer der besten Schutzmechanismen.",
        ),
    ),
    tf(
        "4.1",
        1,
        t(
            "A phone that no longer receives security updates stays just as safe.",
            "Een telefoon die geen beveiligingsupdates meer krijgt, blijft even veilig.",
            "Un téléphone qui ne reçoit plus de mises à jour de sécurité reste tout aussi sûr.",
            "Ein Telefon, das keine Sicherheitsupdates mehr erhält, bleibt genauso sicher.",
        ),
        False,
        t(
            "New holes are found every month and stay open. Do not use it for banking anymore.",
            "Elke maand worden nieuwe lekken gevonden die open blijven. Gebruik het niet meer om te bankieren.",
            "De nouvelles failles sont trouvées chaque mois et restent ouvertes. Ne l'utilisez plus pour la banque.",
            "Jeden Monat werden neue Lücken gefunden und bleiben offen. Nutzen Sie es nicht mehr fürs Banking.",
        ),
    ),
    q(
        "single",
        "4.1",
        1,
        t(
            "What is ransomware?",
            "Wat is ransomware?",
            "Qu'est-ce qu'un rançongiciel ?",
            "Was ist Ransomware?",
        ),
        [
            choice(
                t(
                    "Malware that locks your files and asks money to unlock them",
                    "Kwaadaardige software die je bestanden vergrendelt en geld vraagt om ze vrij te geven",
                    "Un logiciel malveillant qui bloque vos fichiers et demande de l'argent pour les débloquer",
                    "Schadsoftware, die Ihre Dateien sperrt und Geld für die Freigabe verlangt",
                ),
                True,
            ),
            choice(
                t(
                    "A program to save files",
                    "Een programma om bestanden te bewaren",
                    "Un programme pour sauvegarder des fichiers",
                    "Ein Programm zum Speichern von Dateien",
                )
            ),
            choice(
                t(
                    "An online shop for software",
                    "Een webwinkel voor software",
                    "Une boutique de logiciels en ligne",
                    "Ein Onlineshop für Software",
                )
            ),
        ],
        t(
            "Paying does not guarantee you get your files back. A backup does.",
            "Betalen garandeert niet dat je je bestanden terugkrijgt. Een back-up wel.",
            "Payer ne garantit pas de récupérer vos fichiers. Une sauvegarde, si.",
            "Zahlen garantiert nicht, dass Sie Ihre Dateien zurückbekommen. Eine Sicherung schon.",
        ),
    ),
    q(
        "single",
        "4.1",
        2,
        t(
            "What is a good backup?",
            "Wat is een goede back-up?",
            "Qu'est-ce qu'une bonne sauvegarde ?",
            "Was ist eine gute Sicherung?",
        ),
        [
            choice(
                t(
                    "A copy on an external disk that you unplug after the backup, plus one in the cloud",
                    "Een kopie op een externe schijf die je na de back-up loskoppelt, plus één in de cloud",
                    "Une copie sur un disque externe débranché après la sauvegarde, plus une dans le cloud",
                    "Eine Kopie auf einer externen Festplatte, die Sie danach abstecken, plus eine in der Cloud",
                ),
                True,
            ),
            choice(
                t(
                    "A second folder on the same computer",
                    "Een tweede map op dezelfde computer",
                    "Un deuxième dossier sur le même ordinateur",
                    "Ein zweiter Ordner auf demselben Computer",
                )
            ),
            choice(
                t(
                    "A disk that stays plugged in all the time",
                    "Een schijf die altijd aangesloten blijft",
                    "Un disque qui reste branché en permanence",
                    "Eine Festplatte, die immer angeschlossen bleibt",
                )
            ),
        ],
        t(
            "Ransomware also locks disks that are plugged in. Keep one copy disconnected.",
            "Ransomware vergrendelt ook schijven die aangesloten zijn. Hou één kopie losgekoppeld.",
            "Un rançongiciel bloque aussi les disques branchés. Gardez une copie débranchée.",
            "Ransomware sperrt auch angeschlossene Festplatten. Bewahren Sie eine Kopie getrennt auf.",
        ),
    ),
    tf(
        "4.1",
        2,
        t(
            "You should test now and then whether you can really restore files from your backup.",
            "Je test best af en toe of je echt bestanden kunt terugzetten uit je back-up.",
            "Il faut tester de temps en temps si vous pouvez vraiment restaurer des fichiers depuis votre sauvegarde.",
            "Sie sollten ab und zu testen, ob Sie Dateien wirklich aus Ihrer Sicherung wiederherstellen können.",
        ),
        True,
        t(
            "A backup you cannot restore is no backup.",
            "Een back-up die je niet kunt terugzetten, is geen back-up.",
            "Une sauvegarde qu'on ne peut pas restaurer n'est pas une sauvegarde.",
            "Eine Sicherung, die sich nicht wiederherstellen lässt, ist keine Sicherung.",
        ),
    ),
    q(
        "single",
        "5.1",
        2,
        t(
            'Your screen shows: "Your files are encrypted. Pay 0.1 bitcoin." What do you do first?',
            'Je scherm toont: "Je bestanden zijn versleuteld. Betaal 0,1 bitcoin." Wat doe je eerst?',
            "Votre écran affiche : « Vos fichiers sont chiffrés. Payez 0,1 bitcoin. » Que faites-vous d'abord ?",
            "Ihr Bildschirm zeigt: „Ihre Dateien sind verschlüsselt. Zahlen Sie 0,1 Bitcoin.“ Was tun Sie zuerst?",
        ),
        [
            choice(
                t(
                    "Disconnect the computer from the internet and the network, and ask for help",
                    "De computer loskoppelen van het internet en het netwerk, en hulp vragen",
                    "Déconnecter l'ordinateur d'internet et du réseau, et demander de l'aide",
                    "Den Computer vom Internet und Netzwerk trennen und Hilfe holen",
                ),
                True,
            ),
            choice(
                t(
                    "Pay quickly before the price goes up",
                    "Snel betalen voor de prijs stijgt",
                    "Payer vite avant que le prix n'augmente",
                    "Schnell zahlen, bevor der Preis steigt",
                )
            ),
            choice(
                t(
                    "Plug in your backup disk to save what is left",
                    "Je back-upschijf aansluiten om te redden wat er nog is",
                    "Brancher votre disque de sauvegarde pour sauver ce qui reste",
                    "Ihre Sicherungsfestplatte anschließen, um zu retten, was übrig ist",
                ),
                False,
                t(
                    "That would lock your backup too.",
                    "Dan wordt ook je back-up vergrendeld.",
                    "Votre sauvegarde serait bloquée aussi.",
                    "Dann würde auch Ihre Sicherung gesperrt.",
                ),
            ),
        ],
        t(
            "Stop the spread first. Then restore from a clean backup and report it.",
            "Stop eerst de verspreiding. Zet daarna terug vanaf een schone back-up en meld het.",
            "Arrêtez d'abord la propagation. Restaurez ensuite depuis une sauvegarde saine et signalez-le.",
            "Stoppen Sie zuerst die Ausbreitung. Stellen Sie dann aus einer sauberen Sicherung wieder her und melden Sie es.",
        ),
    ),
    q(
        "single",
        "4.1",
        2,
        t(
            "Where should you install apps from?",
            "Waar installeer je best apps vandaan?",
            "D'où faut-il installer les applications ?",
            "Woher sollten Sie Apps installieren?",
        ),
        [
            choice(
                t(
                    "The official store of your phone (App Store or Google Play)",
                    "De officiële winkel van je telefoon (App Store of Google Play)",
                    "La boutique officielle de votre téléphone (App Store ou Google Play)",
                    "Aus dem offiziellen Store Ihres Telefons (App Store oder Google Play)",
                ),
                True,
            ),
            choice(
                t(
                    "A link in a text message",
                    "Een link in een sms",
                    "Un lien dans un SMS",
                    "Einem Link in einer SMS",
                )
            ),
            choice(
                t(
                    "Any site that offers paid apps for free",
                    "Eender welke site die betalende apps gratis aanbiedt",
                    "N'importe quel site qui offre des applis payantes gratuitement",
                    "Jeder Seite, die kostenpflichtige Apps gratis anbietet",
                )
            ),
        ],
        t(
            "Apps from elsewhere often hide malware that reads your messages and codes.",
            "Apps van elders verbergen vaak kwaadaardige software die je berichten en codes leest.",
            "Les applis d'ailleurs cachent souvent des logiciels malveillants qui lisent vos messages et codes.",
            "Apps aus anderen Quellen verstecken oft Schadsoftware, die Ihre Nachrichten und Codes liest.",
        ),
    ),
    q(
        "multiple",
        "4.1",
        3,
        t(
            "You use a public computer at the library. What do you do before you leave? Choose all that apply.",
            "Je gebruikt een openbare computer in de bibliotheek. Wat doe je voor je vertrekt? Kies alles wat klopt.",
            "Vous utilisez un ordinateur public à la bibliothèque. Que faites-vous avant de partir ? Choisissez toutes les bonnes réponses.",
            "Sie nutzen einen öffentlichen Computer in der Bibliothek. Was tun Sie, bevor Sie gehen? Wählen Sie alle zutreffenden.",
        ),
        [
            choice(
                t(
                    "Sign out of every site",
                    "Je afmelden op elke site",
                    "Vous déconnecter de chaque site",
                    "Sich auf jeder Seite abmelden",
                ),
                True,
            ),
            choice(
                t(
                    "Close the browser",
                    "De browser sluiten",
                    "Fermer le navigateur",
                    "Den Browser schließen",
                ),
                True,
            ),
            choice(
                t(
                    "Take your downloaded files with you and delete them from the computer",
                    "Je gedownloade bestanden meenemen en van de computer wissen",
                    "Emporter vos fichiers téléchargés et les supprimer de l'ordinateur",
                    "Ihre heruntergeladenen Dateien mitnehmen und vom Computer löschen",
                ),
                True,
            ),
            choice(
                t(
                    "Let the browser remember your password for next time",
                    "De browser je wachtwoord laten onthouden voor de volgende keer",
                    "Laisser le navigateur retenir votre mot de passe pour la prochaine fois",
                    "Den Browser Ihr Passwort für das nächste Mal speichern lassen",
                ),
                False,
                t(
                    "The next user would get into your account.",
                    "De volgende gebruiker zou in je account kunnen.",
                    "L'utilisateur suivant entrerait dans votre compte.",
                    "Der nächste Nutzer käme in Ihr Konto.",
                ),
            ),
        ],
        t(
            "Leave nothing behind: no open session, no saved password, no file.",
            "Laat niets achter: geen open sessie, geen bewaard wachtwoord, geen bestand.",
            "Ne laissez rien : ni session ouverte, ni mot de passe enregistré, ni fichier.",
            "Hinterlassen Sie nichts: keine offene Sitzung, kein gespeichertes Passwort, keine Datei.",
        ),
    ),
    tf(
        "4.1",
        1,
        t(
            "Free public Wi-Fi is fine for reading the news, but better avoided for banking unless you use your mobile data.",
            "Gratis openbare wifi is prima om nieuws te lezen, maar vermijd je beter om te bankieren; gebruik dan je mobiele data.",
            "Le Wi-Fi public gratuit convient pour lire l'actualité, mais mieux vaut l'éviter pour la banque ; utilisez alors vos données mobiles.",
            "Kostenloses öffentliches WLAN ist zum Nachrichtenlesen in Ordnung, fürs Banking nutzen Sie besser Ihre mobilen Daten.",
        ),
        True,
        t(
            "On an unknown network, a fake hotspot can watch what you do.",
            "Op een onbekend netwerk kan een vals hotspot meekijken.",
            "Sur un réseau inconnu, un faux point d'accès peut voir ce que vous faites.",
            "In einem unbekannten Netz kann ein gefälschter Hotspot mitlesen.",
        ),
    ),
    q(
        "single",
        "5.1",
        3,
        t(
            "Your computer suddenly shows many pop-ups and a new toolbar you did not install. What is a good first step?",
            "Je computer toont plots veel pop-ups en een nieuwe werkbalk die je niet installeerde. Wat is een goede eerste stap?",
            "Votre ordinateur affiche soudain beaucoup de fenêtres et une nouvelle barre d'outils que vous n'avez pas installée. Quelle est une bonne première étape ?",
            "Ihr Computer zeigt plötzlich viele Pop-ups und eine neue Symbolleiste, die Sie nicht installiert haben. Was ist ein guter erster Schritt?",
        ),
        [
            choice(
                t(
                    "Run a full scan with your antivirus and remove programs you do not know",
                    "Een volledige scan doen met je antivirus en programma's verwijderen die je niet kent",
                    "Lancer une analyse complète avec votre antivirus et supprimer les programmes inconnus",
                    "Einen vollständigen Scan mit dem Virenschutz machen und unbekannte Programme entfernen",
                ),
                True,
            ),
            choice(
                t(
                    "Click the pop-up that says it will clean your computer",
                    "Klikken op de pop-up die belooft je computer op te kuisen",
                    "Cliquer sur la fenêtre qui promet de nettoyer votre ordinateur",
                    "Auf das Pop-up klicken, das verspricht, den Computer zu reinigen",
                )
            ),
            choice(
                t(
                    "Call the phone number shown in the pop-up",
                    "Het telefoonnummer in de pop-up bellen",
                    "Appeler le numéro affiché dans la fenêtre",
                    "Die im Pop-up angezeigte Nummer anrufen",
                )
            ),
        ],
        t(
            "Never trust what the pop-up offers. Use tools you installed yourself, or ask a digital helper.",
            "Vertrouw nooit wat de pop-up aanbiedt. Gebruik hulpmiddelen die je zelf installeerde, of vraag een digitale helper.",
            "Ne faites jamais confiance à ce que propose la fenêtre. Utilisez vos propres outils, ou demandez à un aidant numérique.",
            "Vertrauen Sie nie dem Angebot des Pop-ups. Nutzen Sie selbst installierte Werkzeuge oder fragen Sie eine digitale Begleitperson.",
        ),
    ),
]

BANK = {
    "key": "security-exam",
    "title": t(
        "Security diploma: final exam",
        "Veiligheidsdiploma: eindexamen",
        "Diplôme de sécurité : examen final",
        "Sicherheitsdiplom: Abschlussprüfung",
    ),
    "description": t(
        "Forty questions on passwords, two-step verification, phishing, fraud, privacy, updates and backups.",
        "Veertig vragen over wachtwoorden, tweestapsverificatie, phishing, fraude, privacy, updates en back-ups.",
        "Quarante questions sur les mots de passe, la vérification en deux étapes, l'hameçonnage, la fraude, la vie privée, les mises à jour et les sauvegardes.",
        "Vierzig Fragen zu Passwörtern, Zwei-Schritt-Bestätigung, Phishing, Betrug, Privatsphäre, Updates und Sicherungen.",
    ),
    "questions": QUESTIONS,
}
