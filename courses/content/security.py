"""Course "Security diploma": for adults and teens, for instance a jobseeker
who wants a certificate on their CV. Six modules and a final exam drawn from
the 150-question exam bank in banks/security-exam/ (practice has its own bank,
banks/security-practice/)."""

from courses.content.text import t


def _lesson(slug, title, minutes, competences, body) -> dict:
    return {
        "slug": slug,
        "title": title,
        "minutes": minutes,
        "competences": competences,
        "body": body,
    }


def _p(en, nl, fr, de) -> tuple:
    return ("paragraph", t(f"<p>{en}</p>", f"<p>{nl}</p>", f"<p>{fr}</p>", f"<p>{de}</p>"))


COURSE = {
    "slug": "security-diploma",
    "track": "security",
    "audience": "adults",
    "target_level": 3,
    "estimated_minutes": 240,
    "competences": ["2.6", "4.1", "4.2", "5.1"],
    "certificate_validity_months": 36,
    "title": t(
        "Security diploma", "Veiligheidsdiploma", "Diplôme de sécurité", "Sicherheitsdiplom"
    ),
    "summary": t(
        "Protect your accounts, spot phishing and fraud, keep your data private and your devices safe. Pass the final exam and show employers a certificate they can check.",
        "Bescherm je accounts, herken phishing en fraude, hou je gegevens privé en je toestellen veilig. Slaag voor het eindexamen en toon werkgevers een certificaat dat ze kunnen controleren.",
        "Protégez vos comptes, repérez l'hameçonnage et la fraude, gardez vos données privées et vos appareils sûrs. Réussissez l'examen final et montrez aux employeurs un certificat vérifiable.",
        "Schützen Sie Ihre Konten, erkennen Sie Phishing und Betrug, halten Sie Ihre Daten privat und Ihre Geräte sicher. Bestehen Sie die Abschlussprüfung und zeigen Sie Arbeitgebern ein überprüfbares Zertifikat.",
    ),
    "outcomes": [
        t(
            "Use a password manager and two-step verification",
            "Een wachtwoordbeheerder en tweestapsverificatie gebruiken",
            "Utiliser un gestionnaire de mots de passe et la vérification en deux étapes",
            "Einen Passwort-Manager und die Zwei-Schritt-Bestätigung nutzen",
        ),
        t(
            "Recognise phishing, smishing and fake webshops, and report them",
            "Phishing, smishing en valse webshops herkennen en melden",
            "Reconnaître et signaler l'hameçonnage, le smishing et les fausses boutiques",
            "Phishing, Smishing und gefälschte Webshops erkennen und melden",
        ),
        t(
            "Set the privacy of your social media accounts",
            "De privacy van je sociale-media-accounts instellen",
            "Régler la confidentialité de vos comptes de réseaux sociaux",
            "Die Privatsphäre Ihrer Social-Media-Konten einstellen",
        ),
        t(
            "Keep devices up to date and make backups that survive ransomware",
            "Toestellen up-to-date houden en back-ups maken die ransomware overleven",
            "Tenir vos appareils à jour et faire des sauvegardes qui résistent aux rançongiciels",
            "Geräte aktuell halten und Sicherungen anlegen, die Ransomware überstehen",
        ),
    ],
    "prerequisites": t(
        "<p>You use e-mail and a smartphone. The course <i>Basic digital skills</i> is a good start if you do not yet.</p>",
        "<p>Je gebruikt e-mail en een smartphone. De cursus <i>Digitale basisvaardigheden</i> is een goed begin als dat nog niet zo is.</p>",
        "<p>Vous utilisez l'e-mail et un smartphone. Sinon, le cours <i>Compétences numériques de base</i> est un bon début.</p>",
        "<p>Sie nutzen E-Mail und ein Smartphone. Wenn nicht, ist der Kurs <i>Digitale Grundkompetenzen</i> ein guter Anfang.</p>",
    ),
    "modules": [
        {
            "slug": "passwords",
            "title": t(
                "Passwords and password managers",
                "Wachtwoorden en wachtwoordbeheerders",
                "Mots de passe et gestionnaires de mots de passe",
                "Passwörter und Passwort-Manager",
            ),
            "intro": t(
                "One strong password per account, without having to remember them all.",
                "Eén sterk wachtwoord per account, zonder ze allemaal te moeten onthouden.",
                "Un mot de passe solide par compte, sans devoir tous les retenir.",
                "Ein starkes Passwort pro Konto, ohne sich alle merken zu müssen.",
            ),
            "lessons": [
                _lesson(
                    "passwords-and-managers",
                    t(
                        "Long passwords and a manager",
                        "Lange wachtwoorden en een beheerder",
                        "Des mots de passe longs et un gestionnaire",
                        "Lange Passwörter und ein Manager",
                    ),
                    20,
                    ["4.2"],
                    [
                        _p(
                            "Criminals do not guess passwords one by one: computers try billions per second, starting with leaked passwords. Length beats tricks.",
                            "Criminelen raden wachtwoorden niet één voor één: computers proberen er miljarden per seconde, te beginnen met gelekte wachtwoorden. Lengte wint van trucjes.",
                            "Les criminels ne devinent pas les mots de passe un par un : des ordinateurs en essaient des milliards par seconde, en commençant par ceux qui ont fuité. La longueur bat les astuces.",
                            "Kriminelle raten Passwörter nicht einzeln: Computer probieren Milliarden pro Sekunde, zuerst geleakte Passwörter. Länge schlägt Tricks.",
                        ),
                        (
                            "steps",
                            {
                                "title": t(
                                    "Start with a password manager",
                                    "Begin met een wachtwoordbeheerder",
                                    "Commencer avec un gestionnaire de mots de passe",
                                    "Mit einem Passwort-Manager beginnen",
                                ),
                                "steps": [
                                    t(
                                        "<p>Install a known password manager, such as Bitwarden or KeePassXC, or use the one built into your phone.</p>",
                                        "<p>Installeer een bekende wachtwoordbeheerder, zoals Bitwarden of KeePassXC, of gebruik die van je telefoon.</p>",
                                        "<p>Installez un gestionnaire connu, comme Bitwarden ou KeePassXC, ou utilisez celui de votre téléphone.</p>",
                                        "<p>Installieren Sie einen bekannten Passwort-Manager wie Bitwarden oder KeePassXC oder nutzen Sie den Ihres Telefons.</p>",
                                    ),
                                    t(
                                        "<p>Choose one long main password of four random words. Write it on paper and keep it at home.</p>",
                                        "<p>Kies één lang hoofdwachtwoord van vier willekeurige woorden. Schrijf het op papier en bewaar het thuis.</p>",
                                        "<p>Choisissez un long mot de passe principal de quatre mots au hasard. Notez-le sur papier et gardez-le chez vous.</p>",
                                        "<p>Wählen Sie ein langes Hauptpasswort aus vier zufälligen Wörtern. Notieren Sie es auf Papier und bewahren Sie es zu Hause auf.</p>",
                                    ),
                                    t(
                                        "<p>Each time you sign in somewhere, let the manager save the password. Change weak ones to a generated password.</p>",
                                        "<p>Laat de beheerder bij elke aanmelding het wachtwoord bewaren. Vervang zwakke door een gegenereerd wachtwoord.</p>",
                                        "<p>À chaque connexion, laissez le gestionnaire enregistrer le mot de passe. Remplacez les faibles par un mot de passe généré.</p>",
                                        "<p>Lassen Sie den Manager bei jeder Anmeldung das Passwort speichern. Ersetzen Sie schwache durch ein erzeugtes Passwort.</p>",
                                    ),
                                ],
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": t(
                                    "Has your password leaked?",
                                    "Is je wachtwoord gelekt?",
                                    "Votre mot de passe a-t-il fuité ?",
                                    "Wurde Ihr Passwort geleakt?",
                                ),
                                "text": t(
                                    "<p>Most password managers warn you when one of your passwords appears in a known leak. Change it at once.</p>",
                                    "<p>De meeste wachtwoordbeheerders waarschuwen als een van je wachtwoorden in een bekend lek opduikt. Wijzig het meteen.</p>",
                                    "<p>La plupart des gestionnaires vous préviennent quand un de vos mots de passe apparaît dans une fuite connue. Changez-le aussitôt.</p>",
                                    "<p>Die meisten Passwort-Manager warnen Sie, wenn eines Ihrer Passwörter in einem bekannten Leak auftaucht. Ändern Sie es sofort.</p>",
                                ),
                            },
                        ),
                        (
                            "h5p",
                            {
                                "title": t(
                                    "Practise: strong passwords",
                                    "Oefen: sterke wachtwoorden",
                                    "Exercez-vous : des mots de passe solides",
                                    "Üben: starke Passwörter",
                                ),
                                "instructions": t(
                                    "Three questions. Your best score counts; try as often as you like.",
                                    "Drie vragen. Je beste score telt; probeer zo vaak als je wilt.",
                                    "Trois questions. Votre meilleur score compte ; essayez autant de fois que vous voulez.",
                                    "Drei Fragen. Ihr bestes Ergebnis zählt; versuchen Sie es so oft Sie möchten.",
                                ),
                                "content": "strong-passwords",
                                "pass_mark_percent": 60,
                                "required": False,
                            },
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "two-step-verification",
            "title": t(
                "Two-step verification",
                "Tweestapsverificatie",
                "Vérification en deux étapes",
                "Zwei-Schritt-Bestätigung",
            ),
            "intro": t(
                "A second lock on your most important accounts.",
                "Een tweede slot op je belangrijkste accounts.",
                "Un deuxième verrou sur vos comptes les plus importants.",
                "Ein zweites Schloss für Ihre wichtigsten Konten.",
            ),
            "lessons": [
                _lesson(
                    "second-lock",
                    t(
                        "A second lock on your accounts",
                        "Een tweede slot op je accounts",
                        "Un deuxième verrou sur vos comptes",
                        "Ein zweites Schloss für Ihre Konten",
                    ),
                    15,
                    ["4.2", "4.1"],
                    [
                        _p(
                            "With two-step verification, your password alone is not enough: you also confirm on your phone, with an app code, itsme or a security key.",
                            "Met tweestapsverificatie volstaat je wachtwoord alleen niet: je bevestigt ook op je telefoon, met een code uit een app, itsme of een beveiligingssleutel.",
                            "Avec la vérification en deux étapes, votre mot de passe seul ne suffit pas : vous confirmez aussi sur votre téléphone, avec un code d'application, itsme ou une clé de sécurité.",
                            "Mit der Zwei-Schritt-Bestätigung reicht Ihr Passwort allein nicht: Sie bestätigen zusätzlich auf dem Telefon, mit einem App-Code, itsme oder einem Sicherheitsschlüssel.",
                        ),
                        (
                            "accordion",
                            {
                                "title": t(
                                    "Where to turn it on first",
                                    "Waar je het eerst aanzet",
                                    "Où l'activer en premier",
                                    "Wo Sie es zuerst einschalten",
                                ),
                                "items": [
                                    (
                                        t(
                                            "Your e-mail",
                                            "Je e-mail",
                                            "Votre e-mail",
                                            "Ihre E-Mail",
                                        ),
                                        t(
                                            "<p>Whoever controls your mailbox can reset all your other passwords.</p>",
                                            "<p>Wie je mailbox controleert, kan al je andere wachtwoorden herstellen.</p>",
                                            "<p>Qui contrôle votre messagerie peut réinitialiser tous vos autres mots de passe.</p>",
                                            "<p>Wer Ihr Postfach kontrolliert, kann alle anderen Passwörter zurücksetzen.</p>",
                                        ),
                                    ),
                                    (
                                        t(
                                            "Social media and chat apps",
                                            "Sociale media en chatapps",
                                            "Réseaux sociaux et messageries",
                                            "Soziale Medien und Chat-Apps",
                                        ),
                                        t(
                                            "<p>Stolen accounts are used to trick your friends into paying.</p>",
                                            "<p>Gestolen accounts worden gebruikt om je vrienden te doen betalen.</p>",
                                            "<p>Les comptes volés servent à piéger vos amis pour qu'ils paient.</p>",
                                            "<p>Gestohlene Konten werden genutzt, um Ihre Freunde zum Zahlen zu bringen.</p>",
                                        ),
                                    ),
                                    (
                                        t(
                                            "Your password manager",
                                            "Je wachtwoordbeheerder",
                                            "Votre gestionnaire de mots de passe",
                                            "Ihr Passwort-Manager",
                                        ),
                                        t(
                                            "<p>It holds the keys to everything else.</p>",
                                            "<p>Hij bewaart de sleutels van al de rest.</p>",
                                            "<p>Il garde les clés de tout le reste.</p>",
                                            "<p>Er verwahrt die Schlüssel zu allem anderen.</p>",
                                        ),
                                    ),
                                ],
                            },
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "phishing-and-smishing",
            "title": t(
                "Phishing and smishing",
                "Phishing en smishing",
                "Hameçonnage et smishing",
                "Phishing und Smishing",
            ),
            "intro": t(
                "Fake messages that want your codes or your money.",
                "Valse berichten die je codes of je geld willen.",
                "Les faux messages qui veulent vos codes ou votre argent.",
                "Gefälschte Nachrichten, die Ihre Codes oder Ihr Geld wollen.",
            ),
            "lessons": [
                _lesson(
                    "spotting-phishing",
                    t(
                        "Spotting phishing and smishing",
                        "Phishing en smishing herkennen",
                        "Repérer l'hameçonnage et le smishing",
                        "Phishing und Smishing erkennen",
                    ),
                    20,
                    ["4.2", "2.1"],
                    [
                        _p(
                            "Phishing messages pretend to come from your bank, bpost, itsme or the tax office. They create urgency and send you to a fake site that steals what you type.",
                            "Phishingberichten doen alsof ze van je bank, bpost, itsme of de belastingen komen. Ze zetten je onder druk en sturen je naar een valse site die steelt wat je typt.",
                            "Les messages d'hameçonnage se font passer pour votre banque, bpost, itsme ou les impôts. Ils vous pressent et vous envoient vers un faux site qui vole ce que vous tapez.",
                            "Phishing-Nachrichten geben vor, von Ihrer Bank, bpost, itsme oder dem Finanzamt zu kommen. Sie erzeugen Druck und schicken Sie auf eine gefälschte Seite, die stiehlt, was Sie eingeben.",
                        ),
                        (
                            "steps",
                            {
                                "title": t(
                                    "Check a message in three steps",
                                    "Controleer een bericht in drie stappen",
                                    "Vérifier un message en trois étapes",
                                    "Eine Nachricht in drei Schritten prüfen",
                                ),
                                "steps": [
                                    t(
                                        "<p><b>Stop.</b> Urgency is the trick. Nothing is so urgent that you cannot take five minutes.</p>",
                                        "<p><b>Stop.</b> Haast is de truc. Niets is zo dringend dat je geen vijf minuten kunt nemen.</p>",
                                        "<p><b>Stop.</b> L'urgence est le piège. Rien n'est si urgent que vous ne puissiez prendre cinq minutes.</p>",
                                        "<p><b>Stopp.</b> Eile ist der Trick. Nichts ist so dringend, dass Sie sich nicht fünf Minuten nehmen können.</p>",
                                    ),
                                    t(
                                        "<p><b>Look</b> at the real sender address and, without clicking, at where the link leads.</p>",
                                        "<p><b>Kijk</b> naar het echte adres van de afzender en, zonder te klikken, naar waar de link naartoe gaat.</p>",
                                        "<p><b>Regardez</b> la vraie adresse de l'expéditeur et, sans cliquer, où mène le lien.</p>",
                                        "<p><b>Schauen</b> Sie auf die echte Absenderadresse und, ohne zu klicken, wohin der Link führt.</p>",
                                    ),
                                    t(
                                        "<p><b>Check</b> through the app or the site you open yourself. Forward doubtful messages to suspicious@safeonweb.be.</p>",
                                        "<p><b>Controleer</b> via de app of de site die je zelf opent. Stuur twijfelachtige berichten door naar verdacht@safeonweb.be.</p>",
                                        "<p><b>Vérifiez</b> via l'application ou le site que vous ouvrez vous-même. Transférez les messages douteux à suspect@safeonweb.be.</p>",
                                        "<p><b>Prüfen</b> Sie über die App oder die Seite, die Sie selbst öffnen. Leiten Sie zweifelhafte Nachrichten an verdaechtig@safeonweb.be weiter.</p>",
                                    ),
                                ],
                            },
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "online-fraud",
            "title": t(
                "Online fraud and fake webshops",
                "Online fraude en valse webshops",
                "Fraude en ligne et fausses boutiques",
                "Online-Betrug und gefälschte Webshops",
            ),
            "intro": t(
                "Buying, selling and meeting people online without being robbed.",
                "Online kopen, verkopen en mensen leren kennen zonder bestolen te worden.",
                "Acheter, vendre et rencontrer en ligne sans se faire voler.",
                "Online kaufen, verkaufen und Menschen kennenlernen, ohne bestohlen zu werden.",
            ),
            "lessons": [
                _lesson(
                    "fake-webshops",
                    t(
                        "Fake webshops and online fraud",
                        "Valse webshops en online fraude",
                        "Fausses boutiques et fraude en ligne",
                        "Gefälschte Webshops und Online-Betrug",
                    ),
                    20,
                    ["4.2"],
                    [
                        _p(
                            "A fake webshop looks real, sells at unbeatable prices and never delivers. Before you buy from a shop you do not know, check its company number, its reviews elsewhere and how you can pay.",
                            "Een valse webshop ziet er echt uit, verkoopt aan onverslaanbare prijzen en levert nooit. Controleer voor je koopt bij een onbekende winkel het ondernemingsnummer, beoordelingen elders en hoe je kunt betalen.",
                            "Une fausse boutique a l'air vraie, vend à des prix imbattables et ne livre jamais. Avant d'acheter dans une boutique inconnue, vérifiez son numéro d'entreprise, les avis ailleurs et les moyens de paiement.",
                            "Ein gefälschter Webshop sieht echt aus, verkauft zu unschlagbaren Preisen und liefert nie. Prüfen Sie vor dem Kauf bei einem unbekannten Shop die Unternehmensnummer, Bewertungen anderswo und die Zahlungsarten.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "title": t(
                                    "Been cheated?",
                                    "Opgelicht?",
                                    "Victime d'une arnaque ?",
                                    "Betrogen worden?",
                                ),
                                "text": t(
                                    "<p>Report it on the Meldpunt of the FPS Economy and file a complaint with the police. Call your bank at once if you paid.</p>",
                                    "<p>Meld het bij het Meldpunt van de FOD Economie en dien klacht in bij de politie. Bel meteen je bank als je betaald hebt.</p>",
                                    "<p>Signalez-le au Point de contact du SPF Économie et portez plainte à la police. Appelez tout de suite votre banque si vous avez payé.</p>",
                                    "<p>Melden Sie es bei der Meldestelle des FÖD Wirtschaft und erstatten Sie Anzeige bei der Polizei. Rufen Sie sofort Ihre Bank an, wenn Sie bezahlt haben.</p>",
                                ),
                            },
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "privacy-on-social-media",
            "title": t(
                "Privacy on social media",
                "Privacy op sociale media",
                "La vie privée sur les réseaux sociaux",
                "Privatsphäre in sozialen Medien",
            ),
            "intro": t(
                "Decide who sees what, today and in ten years.",
                "Beslis wie wat ziet, vandaag en over tien jaar.",
                "Décidez qui voit quoi, aujourd'hui et dans dix ans.",
                "Entscheiden Sie, wer was sieht, heute und in zehn Jahren.",
            ),
            "lessons": [
                _lesson(
                    "privacy-settings",
                    t(
                        "Your privacy settings",
                        "Je privacyinstellingen",
                        "Vos paramètres de confidentialité",
                        "Ihre Datenschutzeinstellungen",
                    ),
                    20,
                    ["4.2", "2.6"],
                    [
                        _p(
                            "Social networks earn money with what they know about you. Their settings decide who sees your posts, your friends list, your photos and where you are.",
                            "Sociale netwerken verdienen geld met wat ze over je weten. Hun instellingen bepalen wie je berichten, je vriendenlijst, je foto's en je locatie ziet.",
                            "Les réseaux sociaux gagnent de l'argent avec ce qu'ils savent de vous. Leurs paramètres décident qui voit vos publications, vos amis, vos photos et où vous êtes.",
                            "Soziale Netzwerke verdienen Geld mit dem, was sie über Sie wissen. Ihre Einstellungen entscheiden, wer Ihre Beiträge, Freunde, Fotos und Ihren Standort sieht.",
                        ),
                        (
                            "steps",
                            {
                                "title": t(
                                    "A privacy check in ten minutes",
                                    "Een privacycheck in tien minuten",
                                    "Un contrôle de confidentialité en dix minutes",
                                    "Ein Datenschutz-Check in zehn Minuten",
                                ),
                                "steps": [
                                    t(
                                        "<p>Open the settings and look for <b>Privacy</b> or <b>Privacy check-up</b>.</p>",
                                        "<p>Open de instellingen en zoek <b>Privacy</b> of <b>Privacycheck</b>.</p>",
                                        "<p>Ouvrez les paramètres et cherchez <b>Confidentialité</b> ou <b>Vérification de confidentialité</b>.</p>",
                                        "<p>Öffnen Sie die Einstellungen und suchen Sie <b>Privatsphäre</b> oder <b>Privatsphäre-Check</b>.</p>",
                                    ),
                                    t(
                                        "<p>Set future posts to <b>Friends</b>, and limit who can see your friends list and find you by phone number.</p>",
                                        "<p>Zet toekomstige berichten op <b>Vrienden</b> en beperk wie je vriendenlijst ziet en je via je telefoonnummer vindt.</p>",
                                        "<p>Réglez les futures publications sur <b>Amis</b>, et limitez qui voit vos amis et peut vous trouver par votre numéro.</p>",
                                        "<p>Stellen Sie künftige Beiträge auf <b>Freunde</b> und begrenzen Sie, wer Ihre Freundesliste sieht und Sie über die Telefonnummer findet.</p>",
                                    ),
                                    t(
                                        "<p>Use <b>View as</b> to see your profile as a stranger sees it.</p>",
                                        "<p>Gebruik <b>Bekijken als</b> om je profiel te zien zoals een vreemde het ziet.</p>",
                                        "<p>Utilisez <b>Voir en tant que</b> pour voir votre profil comme un inconnu.</p>",
                                        "<p>Nutzen Sie <b>Anzeigen als</b>, um Ihr Profil wie ein Fremder zu sehen.</p>",
                                    ),
                                ],
                            },
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "updates-backups-ransomware",
            "title": t(
                "Updates, backups and ransomware",
                "Updates, back-ups en ransomware",
                "Mises à jour, sauvegardes et rançongiciels",
                "Updates, Sicherungen und Ransomware",
            ),
            "intro": t(
                "Keep your devices healthy and your files safe from loss.",
                "Hou je toestellen gezond en je bestanden veilig tegen verlies.",
                "Gardez vos appareils en bonne santé et vos fichiers à l'abri.",
                "Halten Sie Ihre Geräte gesund und Ihre Dateien sicher vor Verlust.",
            ),
            "lessons": [
                _lesson(
                    "updates-and-backups",
                    t(
                        "Updates and backups",
                        "Updates en back-ups",
                        "Mises à jour et sauvegardes",
                        "Updates und Sicherungen",
                    ),
                    20,
                    ["4.1", "5.1"],
                    [
                        _p(
                            "Updates close the holes that criminals use. Backups save you when things go wrong anyway: a broken phone, a theft, or ransomware that locks your files.",
                            "Updates dichten de lekken die criminelen gebruiken. Back-ups redden je als het toch misgaat: een kapotte telefoon, een diefstal of ransomware die je bestanden vergrendelt.",
                            "Les mises à jour bouchent les failles utilisées par les criminels. Les sauvegardes vous sauvent quand ça tourne mal malgré tout : téléphone cassé, vol ou rançongiciel qui bloque vos fichiers.",
                            "Updates schließen die Lücken, die Kriminelle nutzen. Sicherungen retten Sie, wenn trotzdem etwas schiefgeht: ein kaputtes Telefon, ein Diebstahl oder Ransomware, die Ihre Dateien sperrt.",
                        ),
                        (
                            "callout",
                            {
                                "kind": "success",
                                "title": t(
                                    "The 3-2-1 rule",
                                    "De 3-2-1-regel",
                                    "La règle 3-2-1",
                                    "Die 3-2-1-Regel",
                                ),
                                "text": t(
                                    "<p>Three copies of your files, on two different kinds of storage, one of them away from home or disconnected.</p>",
                                    "<p>Drie kopieën van je bestanden, op twee soorten opslag, waarvan één buitenshuis of losgekoppeld.</p>",
                                    "<p>Trois copies de vos fichiers, sur deux types de support, dont une hors de chez vous ou débranchée.</p>",
                                    "<p>Drei Kopien Ihrer Dateien, auf zwei Arten von Speicher, eine davon außer Haus oder getrennt.</p>",
                                ),
                            },
                        ),
                    ],
                ),
            ],
        },
        {
            "slug": "final-exam",
            "title": t("Final exam", "Eindexamen", "Examen final", "Abschlussprüfung"),
            "intro": t(
                "Practise, then take the exam for your diploma.",
                "Oefen, en leg dan het examen af voor je diploma.",
                "Entraînez-vous, puis passez l'examen pour votre diplôme.",
                "Üben Sie und legen Sie dann die Prüfung für Ihr Diplom ab.",
            ),
            "lessons": [
                _lesson(
                    "practice-exam",
                    t("Practice exam", "Oefenexamen", "Examen d'entraînement", "Übungsprüfung"),
                    15,
                    ["4.1", "4.2"],
                    [
                        (
                            "quiz",
                            {
                                "title": t(
                                    "Practice exam",
                                    "Oefenexamen",
                                    "Examen d'entraînement",
                                    "Übungsprüfung",
                                ),
                                "instructions": t(
                                    "Ten practice questions with feedback after each answer. Try as often as you like: the exam has its own questions.",
                                    "Tien oefenvragen met feedback na elk antwoord. Probeer zo vaak je wilt: het examen heeft zijn eigen vragen.",
                                    "Dix questions d'entraînement avec un retour après chaque réponse. Essayez autant de fois que vous voulez : l'examen a ses propres questions.",
                                    "Zehn Übungsfragen mit Rückmeldung nach jeder Antwort. Versuchen Sie es so oft Sie möchten: Die Prüfung hat eigene Fragen.",
                                ),
                                "bank": "security-practice",
                                "mode": "practice",
                                "question_count": 10,
                                "pass_mark_percent": 75,
                                "required": False,
                            },
                        ),
                    ],
                ),
                _lesson(
                    "exam",
                    t("Final exam", "Eindexamen", "Examen final", "Abschlussprüfung"),
                    45,
                    ["4.1", "4.2", "2.6", "5.1"],
                    [
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
                                    "<p>Take the exam alone, in a quiet place, signed in with your own password. You have 45 minutes for 30 questions, drawn for you from a bank of 150, and need 75% to pass. After the exam you see your result per topic, not the answers. You may try three times: after a first failed attempt you wait one day, after a second two days.</p>",
                                    "<p>Leg het examen alleen af, op een rustige plek, aangemeld met je eigen wachtwoord. Je hebt 45 minuten voor 30 vragen, voor jou gekozen uit 150, en hebt 75% nodig om te slagen. Na het examen zie je je resultaat per onderwerp, niet de antwoorden. Je mag drie keer proberen: na een eerste mislukte poging wacht je één dag, na een tweede twee dagen.</p>",
                                    "<p>Passez l'examen seul, dans un endroit calme, connecté avec votre propre mot de passe. Vous avez 45 minutes pour 30 questions, tirées pour vous parmi 150, et devez obtenir 75 % pour réussir. Après l'examen, vous voyez votre résultat par thème, pas les réponses. Vous avez trois essais : après un premier échec, vous attendez un jour, après un deuxième, deux jours.</p>",
                                    "<p>Legen Sie die Prüfung allein an einem ruhigen Ort ab, angemeldet mit Ihrem eigenen Passwort. Sie haben 45 Minuten für 30 Fragen, für Sie aus 150 ausgewählt, und brauchen 75 % zum Bestehen. Nach der Prüfung sehen Sie Ihr Ergebnis pro Thema, nicht die Antworten. Sie haben drei Versuche: Nach einem ersten Fehlversuch warten Sie einen Tag, nach einem zweiten zwei Tage.</p>",
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": t(
                                    "Security diploma: final exam",
                                    "Veiligheidsdiploma: eindexamen",
                                    "Diplôme de sécurité : examen final",
                                    "Sicherheitsdiplom: Abschlussprüfung",
                                ),
                                "instructions": t(
                                    "Thirty questions drawn from all modules. Your result per topic is shown when you hand in or the time is up.",
                                    "Dertig vragen uit alle modules. Je resultaat per onderwerp zie je wanneer je indient of de tijd om is.",
                                    "Trente questions tirées de tous les modules. Votre résultat par thème s'affiche quand vous rendez l'examen ou quand le temps est écoulé.",
                                    "Dreißig Fragen aus allen Modulen. Ihr Ergebnis pro Thema sehen Sie nach der Abgabe oder wenn die Zeit abgelaufen ist.",
                                ),
                                "bank": "security-exam",
                                "mode": "exam",
                                # Per competence and difficulty (easy, medium, hard):
                                # 30 questions from a bank five times larger.
                                "blueprint": [
                                    ("4.1", 1, 3),
                                    ("4.1", 2, 4),
                                    ("4.1", 3, 3),
                                    ("4.2", 1, 3),
                                    ("4.2", 2, 4),
                                    ("4.2", 3, 3),
                                    ("2.6", 1, 2),
                                    ("2.6", 2, 2),
                                    ("2.6", 3, 1),
                                    ("5.1", 1, 2),
                                    ("5.1", 2, 2),
                                    ("5.1", 3, 1),
                                ],
                                "pass_mark_percent": 75,
                                "max_attempts": 3,
                                "cooldown_minutes": 1440,
                                "time_limit_minutes": 45,
                                "grading_policy": "best",
                                "required": True,
                            },
                        ),
                    ],
                ),
            ],
        },
    ],
}
