"""The values partners write in a learner file, in any of our four languages,
and what they stand for."""

from partners.importing.columns import normalise
from partners.models import Gender, Situation, TargetGroup

LANGUAGES = {
    normalise(alias): code
    for code, aliases in {
        "nl": (
            "nl",
            "nld",
            "dut",
            "nederlands",
            "dutch",
            "néerlandais",
            "niederländisch",
            "vlaams",
        ),
        "fr": ("fr", "fra", "fre", "français", "francais", "french", "frans", "französisch"),
        "de": ("de", "deu", "ger", "deutsch", "german", "duits", "allemand"),
        "en": ("en", "eng", "english", "engels", "anglais", "englisch"),
    }.items()
    for alias in aliases
}
GENDERS = {
    normalise(alias): code
    for code, aliases in {
        Gender.FEMALE: ("f", "v", "w", "female", "woman", "vrouw", "femme", "frau", "weiblich"),
        Gender.MALE: ("m", "h", "male", "man", "homme", "mann", "männlich"),
        Gender.X: ("x", "d", "other", "ander", "anders", "autre", "divers", "nonbinary"),
        Gender.UNKNOWN: ("u", "unknown", "onbekend", "inconnu", "unbekannt"),
    }.items()
    for alias in aliases
}
SITUATIONS = {
    normalise(alias): code
    for code, aliases in {
        Situation.JOBSEEKER: (
            "jobseeker",
            "werkzoekend",
            "werkzoekende",
            "demandeur d'emploi",
            "demandeuse d'emploi",
            "chômeur",
            "arbeitssuchend",
            "arbeitsuchend",
            "arbeitslos",
            "unemployed",
        ),
        Situation.EMPLOYED: (
            "employed",
            "werkend",
            "aan het werk",
            "werknemer",
            "emploi",
            "en emploi",
            "travailleur",
            "salarié",
            "beschäftigt",
            "erwerbstätig",
        ),
        Situation.STUDENT: ("student", "scholier", "leerling", "étudiant", "élève", "schüler"),
        Situation.OTHER: ("other", "ander", "andere", "autre", "sonstige", "anders"),
        Situation.JOB_FOUND: (
            "job_found",
            "job found",
            "werk gevonden",
            "emploi trouvé",
            "arbeit gefunden",
        ),
        Situation.FURTHER_TRAINING: (
            "further_training",
            "further training",
            "verdere opleiding",
            "formation continue",
            "weiterbildung",
        ),
        Situation.UNKNOWN: ("unknown", "onbekend", "inconnu", "unbekannt"),
    }.items()
    for alias in aliases
}
TARGET_GROUPS = {
    normalise(alias): code
    for code, aliases in {
        TargetGroup.YOUNG_PEOPLE: (
            "young_people",
            "young people",
            "youth",
            "jongeren",
            "jeunes",
            "jugendliche",
        ),
        TargetGroup.JOBSEEKERS: (
            "jobseekers",
            "werkzoekenden",
            "demandeurs d'emploi",
            "arbeitssuchende",
        ),
        TargetGroup.LOW_EDUCATED: (
            "low_educated",
            "low-educated adults",
            "laaggeschoolden",
            "laaggeschoolde volwassenen",
            "peu qualifiés",
            "adultes peu qualifiés",
            "geringqualifizierte",
        ),
        TargetGroup.SENIORS: ("seniors", "senioren", "aînés", "ainés"),
        TargetGroup.WOMEN_IN_DIGITAL: (
            "women_in_digital",
            "women in digital",
            "vrouwen",
            "vrouwen in digitaal",
            "femmes",
            "femmes numériques",
            "frauen",
            "frauen in der digitalisierung",
        ),
        TargetGroup.DISABILITY: (
            "disability",
            "people with a disability",
            "handicap",
            "beperking",
            "personen met een beperking",
            "personnes handicapées",
            "behinderung",
            "menschen mit behinderung",
        ),
        TargetGroup.NEWCOMERS: (
            "newcomers",
            "nieuwkomers",
            "primo-arrivants",
            "primoarrivants",
            "neuankömmlinge",
            "zugewanderte",
        ),
    }.items()
    for alias in aliases
}
