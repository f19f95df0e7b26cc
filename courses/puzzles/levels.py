"""The first twelve levels: sequences (1-3), loops (4-7), conditionals
(8-10) and a first function (11-12). Written for children of eight to twelve:
short sentences that read well aloud. Editors change them in the admin; this
is only what a new installation starts with."""

SEQUENCE = ["move", "turn_left", "turn_right"]
LOOPS = [*SEQUENCE, "repeat"]
UNTIL = [*SEQUENCE, "repeat_until"]
CONDITIONS = [*UNTIL, "if", "if_else"]

LEVELS = [
    {
        "number": 1,
        "maze": "\n".join(
            [
                "#####",
                "#>.G#",
                "#####",
            ]
        ),
        "blocks": SEQUENCE,
        "ideal": 2,
        "text": {
            "en": (
                "First steps",
                "Help the robot reach the flag.",
                "The flag is two squares ahead.",
            ),
            "nl": (
                "Eerste stapjes",
                "Help de robot naar de vlag.",
                "De vlag staat twee vakjes verder.",
            ),
            "fr": (
                "Premiers pas",
                "Aide le robot à atteindre le drapeau.",
                "Le drapeau est deux cases plus loin.",
            ),
            "de": (
                "Erste Schritte",
                "Hilf dem Roboter zur Fahne.",
                "Die Fahne ist zwei Felder weiter.",
            ),
        },
    },
    {
        "number": 2,
        "maze": "\n".join(
            [
                "#####",
                "#>.##",
                "##.##",
                "##G##",
                "#####",
            ]
        ),
        "blocks": SEQUENCE,
        "ideal": 4,
        "text": {
            "en": (
                "Around the corner",
                "Go forward, then turn. Reach the flag.",
                "Turn right at the corner.",
            ),
            "nl": (
                "Om de hoek",
                "Ga vooruit en draai dan. Ga naar de vlag.",
                "Draai rechts bij de hoek.",
            ),
            "fr": (
                "Au coin",
                "Avance, puis tourne. Va jusqu’au drapeau.",
                "Tourne à droite au coin.",
            ),
            "de": (
                "Um die Ecke",
                "Geh vorwärts und dreh dich dann. Geh zur Fahne.",
                "Dreh dich an der Ecke nach rechts.",
            ),
        },
    },
    {
        "number": 3,
        "maze": "\n".join(
            [
                "######",
                "#..G##",
                "#.####",
                "#^####",
                "######",
            ]
        ),
        "blocks": SEQUENCE,
        "ideal": 5,
        "text": {
            "en": (
                "Up and over",
                "Go up, then go to the flag.",
                "The robot looks up. Which way is right?",
            ),
            "nl": (
                "Naar boven",
                "Ga naar boven en dan naar de vlag.",
                "De robot kijkt naar boven. Waar is rechts?",
            ),
            "fr": (
                "En haut",
                "Monte, puis va jusqu’au drapeau.",
                "Le robot regarde vers le haut. Où est la droite ?",
            ),
            "de": (
                "Nach oben",
                "Geh nach oben und dann zur Fahne.",
                "Der Roboter schaut nach oben. Wo ist rechts?",
            ),
        },
    },
    {
        "number": 4,
        "maze": "\n".join(
            [
                "#########",
                "#>.....G#",
                "#########",
            ]
        ),
        "blocks": LOOPS,
        "ideal": 2,
        "text": {
            "en": (
                "A long road",
                "The road is long. Use only two blocks.",
                "Put “move forward” inside “repeat”.",
            ),
            "nl": (
                "Een lange weg",
                "De weg is lang. Gebruik maar twee blokken.",
                "Zet “ga vooruit” in “herhaal”.",
            ),
            "fr": (
                "Une longue route",
                "La route est longue. Utilise seulement deux blocs.",
                "Mets « avance » dans « répète ».",
            ),
            "de": (
                "Ein langer Weg",
                "Der Weg ist lang. Nimm nur zwei Blöcke.",
                "Leg „geh vorwärts“ in „wiederhole“.",
            ),
        },
    },
    {
        "number": 5,
        "maze": "\n".join(
            [
                "######",
                "####G#",
                "###..#",
                "##..##",
                "#>.###",
                "######",
            ]
        ),
        "blocks": LOOPS,
        "ideal": 5,
        "text": {
            "en": (
                "The stairs",
                "Climb the stairs to the flag.",
                "Each step is the same. Repeat it.",
            ),
            "nl": (
                "De trap",
                "Klim de trap op naar de vlag.",
                "Elke trede is hetzelfde. Herhaal ze.",
            ),
            "fr": (
                "L’escalier",
                "Monte l’escalier jusqu’au drapeau.",
                "Chaque marche est pareille. Répète-la.",
            ),
            "de": (
                "Die Treppe",
                "Steig die Treppe hinauf zur Fahne.",
                "Jede Stufe ist gleich. Wiederhole sie.",
            ),
        },
    },
    {
        "number": 6,
        "maze": "\n".join(
            [
                "#######",
                "#>....#",
                "#####.#",
                "#####.#",
                "#####.#",
                "#G....#",
                "#######",
            ]
        ),
        "blocks": LOOPS,
        "ideal": 4,
        "text": {
            "en": (
                "A loop in a loop",
                "Go around to the flag. You can put a loop inside a loop.",
                "Four steps, then turn right. Do that three times.",
            ),
            "nl": (
                "Een lus in een lus",
                "Loop rond naar de vlag. Je mag een lus in een lus zetten.",
                "Vier stappen, dan rechts draaien. Doe dat drie keer.",
            ),
            "fr": (
                "Une boucle dans une boucle",
                "Fais le tour jusqu’au drapeau. Tu peux mettre une boucle dans une boucle.",
                "Quatre pas, puis tourne à droite. Fais-le trois fois.",
            ),
            "de": (
                "Eine Schleife in einer Schleife",
                "Geh außen herum zur Fahne. Du darfst eine Schleife in eine Schleife legen.",
                "Vier Schritte, dann rechts drehen. Mach das dreimal.",
            ),
        },
    },
    {
        "number": 7,
        "maze": "\n".join(
            [
                "########",
                "#>.#####",
                "##..####",
                "###..###",
                "####..##",
                "#####..#",
                "######G#",
                "########",
            ]
        ),
        "blocks": UNTIL,
        "ideal": 5,
        "text": {
            "en": (
                "Down to the flag",
                "Go down the stairs. Repeat until you reach the flag.",
                "Use “repeat until the goal”. You do not need to count.",
            ),
            "nl": (
                "Naar beneden",
                "Ga de trap af. Herhaal tot je bij de vlag bent.",
                "Gebruik “herhaal tot het doel”. Je hoeft niet te tellen.",
            ),
            "fr": (
                "Vers le bas",
                "Descends l’escalier. Répète jusqu’au drapeau.",
                "Utilise « répète jusqu’au but ». Pas besoin de compter.",
            ),
            "de": (
                "Nach unten",
                "Geh die Treppe hinunter. Wiederhole, bis du bei der Fahne bist.",
                "Nimm „wiederhole bis zum Ziel“. Du musst nicht zählen.",
            ),
        },
    },
    {
        "number": 8,
        "maze": "\n".join(
            [
                "#######",
                "#.....#",
                "#.###.#",
                "#.###G#",
                "#^#####",
                "#######",
            ]
        ),
        "blocks": CONDITIONS,
        "ideal": 4,
        "text": {
            "en": (
                "Look to the right",
                "Walk, and turn right when there is a path.",
                "Use “if there is a path to the right”.",
            ),
            "nl": (
                "Kijk naar rechts",
                "Stap verder en draai rechts als er een pad is.",
                "Gebruik “als er een pad is naar rechts”.",
            ),
            "fr": (
                "Regarde à droite",
                "Avance, et tourne à droite quand il y a un chemin.",
                "Utilise « s’il y a un chemin à droite ».",
            ),
            "de": (
                "Schau nach rechts",
                "Geh weiter und dreh dich nach rechts, wenn dort ein Weg ist.",
                "Nimm „wenn ein Weg rechts ist“.",
            ),
        },
    },
    {
        "number": 9,
        "maze": "\n".join(
            [
                "#######",
                "##....#",
                "##.##.#",
                "##G##.#",
                "#####.#",
                "#>....#",
                "#######",
            ]
        ),
        "blocks": CONDITIONS,
        "ideal": 4,
        "text": {
            "en": (
                "The snail",
                "Walk ahead if you can. If not, turn left.",
                "Use “if there is a path ahead, else”.",
            ),
            "nl": (
                "De slak",
                "Ga vooruit als het kan. Anders draai je links.",
                "Gebruik “als er een pad is vooruit, anders”.",
            ),
            "fr": (
                "L’escargot",
                "Avance si tu peux. Sinon, tourne à gauche.",
                "Utilise « s’il y a un chemin devant, sinon ».",
            ),
            "de": (
                "Die Schnecke",
                "Geh vorwärts, wenn es geht. Sonst dreh dich nach links.",
                "Nimm „wenn ein Weg vorne ist, sonst“.",
            ),
        },
    },
    {
        "number": 10,
        "maze": "\n".join(
            [
                "#######",
                "#>..###",
                "###.###",
                "###...#",
                "#####.#",
                "#####G#",
                "#######",
            ]
        ),
        "blocks": CONDITIONS,
        "ideal": 6,
        "text": {
            "en": (
                "Left or right?",
                "At each wall, the robot must choose: left or right.",
                "Walk ahead if you can. Else, check the left.",
            ),
            "nl": (
                "Links of rechts?",
                "Bij elke muur kiest de robot: links of rechts.",
                "Ga vooruit als het kan. Anders kijk je links.",
            ),
            "fr": (
                "Gauche ou droite ?",
                "À chaque mur, le robot choisit : gauche ou droite.",
                "Avance si tu peux. Sinon, regarde à gauche.",
            ),
            "de": (
                "Links oder rechts?",
                "An jeder Mauer wählt der Roboter: links oder rechts.",
                "Geh vorwärts, wenn es geht. Sonst schau nach links.",
            ),
        },
    },
    {
        "number": 11,
        "maze": "\n".join(
            [
                "##########",
                "########G#",
                "#######..#",
                "###.....##",
                "##..######",
                "#>.#######",
                "##########",
            ]
        ),
        "blocks": [*SEQUENCE, "function"],
        "ideal": 12,
        "text": {
            "en": (
                "Your own block",
                "Teach the robot a new block: climb one step. Use it four times.",
                "Put the step in “define the function”. Then call it.",
            ),
            "nl": (
                "Je eigen blok",
                "Leer de robot een nieuw blok: één trede klimmen. Gebruik het vier keer.",
                "Zet de trede in “maak de functie”. Roep ze dan op.",
            ),
            "fr": (
                "Ton propre bloc",
                "Apprends un nouveau bloc au robot : monter une marche. Utilise-le quatre fois.",
                "Mets la marche dans « définis la fonction ». Puis appelle-la.",
            ),
            "de": (
                "Dein eigener Block",
                "Bring dem Roboter einen neuen Block bei: eine Stufe steigen. Nimm ihn viermal.",
                "Leg die Stufe in „lege die Funktion fest“. Dann ruf sie auf.",
            ),
        },
    },
    {
        "number": 12,
        "maze": "\n".join(
            [
                "##########",
                "####..####",
                "###....###",
                "##..##..##",
                "#>.####.G#",
                "##########",
            ]
        ),
        "blocks": [*LOOPS, "function"],
        "ideal": 11,
        "text": {
            "en": (
                "Over the mountain",
                "Climb up the mountain and go down the other side.",
                "Repeat your function. One step at the top, then turn right.",
            ),
            "nl": (
                "Over de berg",
                "Klim de berg op en ga aan de andere kant naar beneden.",
                "Herhaal je functie. Eén stap bovenaan, dan rechts draaien.",
            ),
            "fr": (
                "Par-dessus la montagne",
                "Monte la montagne et descends de l’autre côté.",
                "Répète ta fonction. Un pas en haut, puis tourne à droite.",
            ),
            "de": (
                "Über den Berg",
                "Steig auf den Berg und geh auf der anderen Seite hinunter.",
                "Wiederhole deine Funktion. Ein Schritt oben, dann rechts drehen.",
            ),
        },
    },
]
