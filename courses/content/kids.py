"""Course "Coding for kids": for children from 8, in class or at home. An
introduction to read (not required) and one module per level, whose lesson
holds the coding puzzles of that level: a lesson is done when the server has
replayed a solution of each of its puzzles. No certificate: children earn a
class diploma that their teacher prints. Words a ten-year-old reads alone."""

from courses.content.text import t


def _p(en, nl, fr, de) -> tuple:
    return ("paragraph", t(f"<p>{en}</p>", f"<p>{nl}</p>", f"<p>{fr}</p>", f"<p>{de}</p>"))


def _puzzles(levels: list[int], title: tuple, instructions: tuple | None = None) -> tuple:
    """A puzzle block: cards that open `levels` in the player."""
    instructions = instructions or (
        "Solve each puzzle. When the robot reaches the flag, the puzzle is solved.",
        "Los elke puzzel op. Komt de robot bij de vlag? Dan is de puzzel opgelost.",
        "Résous chaque énigme. Quand le robot arrive au drapeau, l'énigme est résolue.",
        "Löse jedes Rätsel. Kommt der Roboter zur Fahne, ist das Rätsel gelöst.",
    )
    return (
        "puzzle",
        {"title": t(*title), "instructions": t(*instructions), "levels": levels, "required": True},
    )


COURSE = {
    "slug": "coding-for-kids",
    "track": "kids",
    "audience": "children",
    "target_level": 1,
    "estimated_minutes": 120,
    "competences": ["3.4", "5.3"],
    "certificate_enabled": False,
    "certificate_validity_months": None,
    "title": t(
        "Coding for kids",
        "Programmeren voor kinderen",
        "Le code pour les enfants",
        "Programmieren für Kinder",
    ),
    "summary": t(
        "Help a robot find its way with blocks you put in the right order. Learn what a program, a loop and a choice are, one puzzle at a time.",
        "Help een robot de weg te vinden met blokken die je in de juiste volgorde legt. Leer wat een programma, een lus en een keuze zijn, puzzel per puzzel.",
        "Aide un robot à trouver son chemin avec des blocs que tu mets dans le bon ordre. Découvre ce qu'est un programme, une boucle et un choix, une énigme à la fois.",
        "Hilf einem Roboter, seinen Weg zu finden, mit Blöcken, die du in die richtige Reihenfolge bringst. Lerne, was ein Programm, eine Schleife und eine Entscheidung sind, Rätsel für Rätsel.",
    ),
    "outcomes": [
        t(
            "Give a computer orders in the right order",
            "Een computer opdrachten geven in de juiste volgorde",
            "Donner des ordres à un ordinateur dans le bon ordre",
            "Einem Computer Befehle in der richtigen Reihenfolge geben",
        ),
        t(
            "Use a loop instead of repeating yourself",
            "Een lus gebruiken in plaats van jezelf te herhalen",
            "Utiliser une boucle au lieu de te répéter",
            "Eine Schleife nutzen, statt dich zu wiederholen",
        ),
        t(
            'Let a program choose with "if ... then"',
            'Een programma laten kiezen met "als ... dan"',
            "Faire choisir un programme avec « si ... alors »",
            "Ein Programm mit „wenn ... dann“ entscheiden lassen",
        ),
    ],
    "prerequisites": t(
        "<p>You can read short sentences. No computer knowledge needed.</p>",
        "<p>Je kunt korte zinnen lezen. Je hoeft niets over computers te weten.</p>",
        "<p>Tu sais lire des phrases courtes. Pas besoin de connaître les ordinateurs.</p>",
        "<p>Du kannst kurze Sätze lesen. Du musst nichts über Computer wissen.</p>",
    ),
    "modules": [
        {
            "slug": "welcome",
            "title": t(
                "Welcome, young coder!",
                "Welkom, jonge programmeur!",
                "Bienvenue, jeune codeur !",
                "Willkommen, junger Programmierer!",
            ),
            "intro": t(
                "What is coding, and how do the puzzles work?",
                "Wat is programmeren, en hoe werken de puzzels?",
                "C'est quoi, coder ? Et comment marchent les énigmes ?",
                "Was ist Programmieren, und wie funktionieren die Rätsel?",
            ),
            "lessons": [
                {
                    "slug": "what-is-coding",
                    "required": False,
                    "title": t(
                        "What is coding?",
                        "Wat is programmeren?",
                        "C'est quoi, coder ?",
                        "Was ist Programmieren?",
                    ),
                    "minutes": 5,
                    "competences": ["3.4"],
                    "body": [
                        _p(
                            "A computer is very fast, but it does not think by itself. It only does what you tell it, step by step. A list of steps for a computer is called a <b>program</b>. Writing one is called <b>coding</b>.",
                            "Een computer is heel snel, maar hij denkt niet zelf. Hij doet alleen wat jij zegt, stap voor stap. Een lijst met stappen voor een computer heet een <b>programma</b>. Er een schrijven heet <b>programmeren</b>.",
                            "Un ordinateur est très rapide, mais il ne pense pas tout seul. Il fait seulement ce que tu lui dis, étape par étape. Une liste d'étapes pour un ordinateur s'appelle un <b>programme</b>. En écrire un, c'est <b>coder</b>.",
                            "Ein Computer ist sehr schnell, aber er denkt nicht selbst. Er macht nur, was du ihm sagst, Schritt für Schritt. Eine Liste von Schritten für einen Computer heißt <b>Programm</b>. Eines zu schreiben heißt <b>programmieren</b>.",
                        ),
                        _p(
                            "In the puzzles, you drag blocks like <i>move forward</i> or <i>turn left</i> to help a robot reach the star. Press <b>Run</b> to see what happens. Wrong? No problem: change a block and try again!",
                            "In de puzzels sleep je blokken zoals <i>ga vooruit</i> of <i>draai links</i> om een robot naar de ster te helpen. Druk op <b>Start</b> om te zien wat er gebeurt. Fout? Geen probleem: verander een blok en probeer opnieuw!",
                            "Dans les énigmes, tu fais glisser des blocs comme <i>avance</i> ou <i>tourne à gauche</i> pour aider un robot à atteindre l'étoile. Appuie sur <b>Lancer</b> pour voir ce qui se passe. Raté ? Pas grave : change un bloc et réessaie !",
                            "In den Rätseln ziehst du Blöcke wie <i>geh vorwärts</i> oder <i>dreh dich nach links</i>, um einem Roboter zum Stern zu helfen. Drück auf <b>Start</b>, um zu sehen, was passiert. Falsch? Kein Problem: Ändere einen Block und versuch es nochmal!",
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "title": t(
                                    "For parents and teachers",
                                    "Voor ouders en leerkrachten",
                                    "Pour les parents et les enseignants",
                                    "Für Eltern und Lehrkräfte",
                                ),
                                "text": t(
                                    "<p>Children play without an e-mail address: a teacher gives them a class code and a picture password. Progress is visible to the teacher only.</p>",
                                    "<p>Kinderen spelen zonder e-mailadres: een leerkracht geeft hen een klascode en een afbeeldingswachtwoord. Alleen de leerkracht ziet de vooruitgang.</p>",
                                    "<p>Les enfants jouent sans adresse e-mail : l'enseignant leur donne un code de classe et un mot de passe en images. Seul l'enseignant voit la progression.</p>",
                                    "<p>Kinder spielen ohne E-Mail-Adresse: Die Lehrkraft gibt ihnen einen Klassencode und ein Bilderpasswort. Nur die Lehrkraft sieht den Fortschritt.</p>",
                                ),
                            },
                        ),
                        (
                            "accordion",
                            {
                                "title": t(
                                    "Questions kids ask",
                                    "Vragen van kinderen",
                                    "Les questions des enfants",
                                    "Fragen von Kindern",
                                ),
                                "items": [
                                    (
                                        t(
                                            "Can I break the computer?",
                                            "Kan ik de computer kapotmaken?",
                                            "Est-ce que je peux casser l'ordinateur ?",
                                            "Kann ich den Computer kaputt machen?",
                                        ),
                                        t(
                                            "<p>No! You can try everything. Mistakes help you learn.</p>",
                                            "<p>Nee! Je mag alles proberen. Van fouten leer je.</p>",
                                            "<p>Non ! Tu peux tout essayer. Les erreurs t'aident à apprendre.</p>",
                                            "<p>Nein! Du darfst alles ausprobieren. Aus Fehlern lernst du.</p>",
                                        ),
                                    ),
                                    (
                                        t(
                                            "Do I have to type code?",
                                            "Moet ik code typen?",
                                            "Est-ce que je dois taper du code ?",
                                            "Muss ich Code tippen?",
                                        ),
                                        t(
                                            "<p>No, you use blocks. Each block is a real instruction for the computer.</p>",
                                            "<p>Nee, je gebruikt blokken. Elk blok is een echte opdracht voor de computer.</p>",
                                            "<p>Non, tu utilises des blocs. Chaque bloc est une vraie instruction pour l'ordinateur.</p>",
                                            "<p>Nein, du nutzt Blöcke. Jeder Block ist ein echter Befehl für den Computer.</p>",
                                        ),
                                    ),
                                ],
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "level-1-step-by-step",
            "title": t(
                "Level 1: step by step",
                "Level 1: stap voor stap",
                "Niveau 1 : étape par étape",
                "Level 1: Schritt für Schritt",
            ),
            "intro": t(
                "Put orders in the right order to reach the star.",
                "Zet opdrachten in de juiste volgorde om de ster te bereiken.",
                "Mets les ordres dans le bon ordre pour atteindre l'étoile.",
                "Bring die Befehle in die richtige Reihenfolge, um den Stern zu erreichen.",
            ),
            "lessons": [
                {
                    "slug": "robots-follow-orders",
                    "title": t(
                        "Robots follow orders",
                        "Robots volgen opdrachten",
                        "Les robots suivent les ordres",
                        "Roboter befolgen Befehle",
                    ),
                    "minutes": 5,
                    "competences": ["3.4"],
                    "body": [
                        _p(
                            'Try this with a friend: one of you is the robot, the other gives orders. "Two steps forward. Turn right. One step forward." Did the robot reach the door? The order of the steps matters!',
                            'Probeer dit met een vriend: de ene is de robot, de andere geeft opdrachten. "Twee stappen vooruit. Draai rechts. Eén stap vooruit." Kwam de robot bij de deur? De volgorde van de stappen is belangrijk!',
                            "Essaie avec un ami : l'un est le robot, l'autre donne les ordres. « Deux pas en avant. Tourne à droite. Un pas en avant. » Le robot est-il arrivé à la porte ? L'ordre des étapes compte !",
                            "Probier das mit einem Freund: Einer ist der Roboter, der andere gibt Befehle. „Zwei Schritte vorwärts. Dreh dich nach rechts. Ein Schritt vorwärts.“ Ist der Roboter an der Tür angekommen? Die Reihenfolge der Schritte ist wichtig!",
                        ),
                        _puzzles(
                            [1, 2, 3],
                            (
                                "Puzzles 1 to 3: the robot's first steps",
                                "Puzzels 1 tot 3: de eerste stappen van de robot",
                                "Énigmes 1 à 3 : les premiers pas du robot",
                                "Rätsel 1 bis 3: die ersten Schritte des Roboters",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "level-2-loops",
            "title": t(
                "Level 2: repeat with loops",
                "Level 2: herhalen met lussen",
                "Niveau 2 : répéter avec les boucles",
                "Level 2: Wiederholen mit Schleifen",
            ),
            "intro": t(
                "Say it once, let the computer repeat it.",
                "Zeg het één keer, laat de computer het herhalen.",
                "Dis-le une fois, l'ordinateur le répète.",
                "Sag es einmal, der Computer wiederholt es.",
            ),
            "lessons": [
                {
                    "slug": "again-and-again",
                    "title": t(
                        "Again and again", "Opnieuw en opnieuw", "Encore et encore", "Immer wieder"
                    ),
                    "minutes": 5,
                    "competences": ["3.4"],
                    "body": [
                        _p(
                            'Imagine you must tell the robot "move forward" ten times. Boring! A <b>loop</b> says: "repeat 10 times: move forward". Shorter, and fewer mistakes.',
                            'Stel je voor dat je de robot tien keer "ga vooruit" moet zeggen. Saai! Een <b>lus</b> zegt: "herhaal 10 keer: ga vooruit". Korter, en minder fouten.',
                            "Imagine que tu dois dire dix fois « avance » au robot. Ennuyeux ! Une <b>boucle</b> dit : « répète 10 fois : avance ». Plus court, et moins d'erreurs.",
                            "Stell dir vor, du musst dem Roboter zehnmal „geh vorwärts“ sagen. Langweilig! Eine <b>Schleife</b> sagt: „wiederhole 10-mal: geh vorwärts“. Kürzer und mit weniger Fehlern.",
                        ),
                        _puzzles(
                            [4, 5, 6, 7],
                            (
                                "Puzzles 4 to 7: loops",
                                "Puzzels 4 tot 7: lussen",
                                "Énigmes 4 à 7 : les boucles",
                                "Rätsel 4 bis 7: Schleifen",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "level-3-choices",
            "title": t(
                "Level 3: if ... then",
                "Level 3: als ... dan",
                "Niveau 3 : si ... alors",
                "Level 3: wenn ... dann",
            ),
            "intro": t(
                "Programs that look around and choose.",
                "Programma's die rondkijken en kiezen.",
                "Des programmes qui regardent autour d'eux et choisissent.",
                "Programme, die sich umsehen und entscheiden.",
            ),
            "lessons": [
                {
                    "slug": "making-choices",
                    "title": t(
                        "Making choices",
                        "Keuzes maken",
                        "Faire des choix",
                        "Entscheidungen treffen",
                    ),
                    "minutes": 5,
                    "competences": ["3.4", "5.3"],
                    "body": [
                        _p(
                            'Every morning you decide: <i>if</i> it rains, <i>then</i> I take my umbrella. Programs do the same. "If there is a wall in front, then turn left." Now the robot can find its way in any maze!',
                            'Elke ochtend beslis je: <i>als</i> het regent, <i>dan</i> neem ik mijn paraplu. Programma\'s doen hetzelfde. "Als er een muur voor je staat, draai dan links." Nu vindt de robot de weg in elk doolhof!',
                            "Chaque matin, tu décides : <i>si</i> il pleut, <i>alors</i> je prends mon parapluie. Les programmes font pareil. « Si il y a un mur devant, alors tourne à gauche. » Maintenant, le robot trouve son chemin dans n'importe quel labyrinthe !",
                            "Jeden Morgen entscheidest du: <i>wenn</i> es regnet, <i>dann</i> nehme ich meinen Schirm. Programme machen das auch. „Wenn vorne eine Wand ist, dann dreh dich nach links.“ Jetzt findet der Roboter den Weg durch jedes Labyrinth!",
                        ),
                        _puzzles(
                            [8, 9, 10],
                            (
                                "Puzzles 8 to 10: if ... then",
                                "Puzzels 8 tot 10: als ... dan",
                                "Énigmes 8 à 10 : si ... alors",
                                "Rätsel 8 bis 10: wenn ... dann",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "level-4-own-blocks",
            "title": t(
                "Level 4: make your own block",
                "Level 4: maak je eigen blok",
                "Niveau 4 : crée ton propre bloc",
                "Level 4: Bau deinen eigenen Block",
            ),
            "intro": t(
                "Give a group of blocks a name and use it again.",
                "Geef een groep blokken een naam en gebruik hem opnieuw.",
                "Donne un nom à un groupe de blocs et réutilise-le.",
                "Gib einer Gruppe von Blöcken einen Namen und nutze sie wieder.",
            ),
            "lessons": [
                {
                    "slug": "your-own-block",
                    "title": t(
                        "Your own block",
                        "Je eigen blok",
                        "Ton propre bloc",
                        "Dein eigener Block",
                    ),
                    "minutes": 5,
                    "competences": ["3.4"],
                    "body": [
                        _p(
                            "Do you do the same steps many times? Put them in one new block and give it a name. This is called a <b>function</b>. Now one block does all the steps!",
                            "Doe je vaak dezelfde stappen? Zet ze samen in één nieuw blok en geef het een naam. Dat heet een <b>functie</b>. Nu doet één blok alle stappen!",
                            "Tu fais souvent les mêmes étapes ? Mets-les ensemble dans un nouveau bloc et donne-lui un nom. Ça s'appelle une <b>fonction</b>. Maintenant, un seul bloc fait toutes les étapes !",
                            "Machst du oft die gleichen Schritte? Pack sie in einen neuen Block und gib ihm einen Namen. Das heißt <b>Funktion</b>. Jetzt macht ein einziger Block alle Schritte!",
                        ),
                        _puzzles(
                            [11, 12],
                            (
                                "Puzzles 11 and 12: your own block",
                                "Puzzels 11 en 12: je eigen blok",
                                "Énigmes 11 et 12 : ton propre bloc",
                                "Rätsel 11 und 12: dein eigener Block",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}
