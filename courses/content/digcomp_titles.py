"""DigComp 2.2 titles in Dutch, French and German (the English ones come from
digcomp-2.2.json). Wording follows the official translations where they exist."""

TITLES = {
    "1": {
        "nl": "Informatie- en datageletterdheid",
        "fr": "Maîtrise de l'information et des données",
        "de": "Informations- und Datenkompetenz",
    },
    "1.1": {
        "nl": "Browsen, zoeken en filteren van data, informatie en digitale inhoud",
        "fr": "Naviguer, rechercher et filtrer des données, des informations et des contenus numériques",
        "de": "Durchsuchen, Suchen und Filtern von Daten, Informationen und digitalen Inhalten",
    },
    "1.2": {
        "nl": "Evalueren van data, informatie en digitale inhoud",
        "fr": "Évaluer des données, des informations et des contenus numériques",
        "de": "Bewerten von Daten, Informationen und digitalen Inhalten",
    },
    "1.3": {
        "nl": "Beheren van data, informatie en digitale inhoud",
        "fr": "Gérer des données, des informations et des contenus numériques",
        "de": "Verwalten von Daten, Informationen und digitalen Inhalten",
    },
    "2": {
        "nl": "Communicatie en samenwerking",
        "fr": "Communication et collaboration",
        "de": "Kommunikation und Zusammenarbeit",
    },
    "2.1": {
        "nl": "Interactie via digitale technologieën",
        "fr": "Interagir par le biais des technologies numériques",
        "de": "Interagieren mithilfe digitaler Technologien",
    },
    "2.2": {
        "nl": "Delen via digitale technologieën",
        "fr": "Partager par le biais des technologies numériques",
        "de": "Teilen mithilfe digitaler Technologien",
    },
    "2.3": {
        "nl": "Actief burgerschap via digitale technologieën",
        "fr": "S'engager dans la citoyenneté par le biais des technologies numériques",
        "de": "Bürgerschaftliches Engagement mithilfe digitaler Technologien",
    },
    "2.4": {
        "nl": "Samenwerken via digitale technologieën",
        "fr": "Collaborer par le biais des technologies numériques",
        "de": "Zusammenarbeiten mithilfe digitaler Technologien",
    },
    "2.5": {"nl": "Netiquette", "fr": "Nétiquette", "de": "Netiquette"},
    "2.6": {
        "nl": "Digitale identiteit beheren",
        "fr": "Gérer son identité numérique",
        "de": "Verwalten der digitalen Identität",
    },
    "3": {
        "nl": "Digitale contentcreatie",
        "fr": "Création de contenus numériques",
        "de": "Erstellung digitaler Inhalte",
    },
    "3.1": {
        "nl": "Ontwikkelen van digitale inhoud",
        "fr": "Développer des contenus numériques",
        "de": "Entwickeln digitaler Inhalte",
    },
    "3.2": {
        "nl": "Integreren en herwerken van digitale inhoud",
        "fr": "Intégrer et réélaborer des contenus numériques",
        "de": "Integrieren und Neuerarbeiten digitaler Inhalte",
    },
    "3.3": {
        "nl": "Auteursrecht en licenties",
        "fr": "Droits d'auteur et licences",
        "de": "Urheberrechte und Lizenzen",
    },
    "3.4": {"nl": "Programmeren", "fr": "Programmation", "de": "Programmieren"},
    "4": {"nl": "Veiligheid", "fr": "Sécurité", "de": "Sicherheit"},
    "4.1": {
        "nl": "Apparaten beschermen",
        "fr": "Protéger les appareils",
        "de": "Schützen von Geräten",
    },
    "4.2": {
        "nl": "Persoonsgegevens en privacy beschermen",
        "fr": "Protéger les données personnelles et la vie privée",
        "de": "Schützen personenbezogener Daten und der Privatsphäre",
    },
    "4.3": {
        "nl": "Gezondheid en welzijn beschermen",
        "fr": "Protéger la santé et le bien-être",
        "de": "Schützen von Gesundheit und Wohlbefinden",
    },
    "4.4": {
        "nl": "Het milieu beschermen",
        "fr": "Protéger l'environnement",
        "de": "Schützen der Umwelt",
    },
    "5": {"nl": "Problemen oplossen", "fr": "Résolution de problèmes", "de": "Problemlösung"},
    "5.1": {
        "nl": "Technische problemen oplossen",
        "fr": "Résoudre des problèmes techniques",
        "de": "Lösen technischer Probleme",
    },
    "5.2": {
        "nl": "Behoeften en technologische antwoorden identificeren",
        "fr": "Identifier les besoins et les réponses technologiques",
        "de": "Erkennen von Bedürfnissen und technologischen Antworten",
    },
    "5.3": {
        "nl": "Creatief gebruik maken van digitale technologieën",
        "fr": "Utiliser les technologies numériques de manière créative",
        "de": "Kreatives Nutzen digitaler Technologien",
    },
    "5.4": {
        "nl": "Lacunes in digitale competenties identificeren",
        "fr": "Identifier les lacunes en matière de compétences numériques",
        "de": "Erkennen digitaler Kompetenzlücken",
    },
}
