"""A piece of text in the four languages, in a fixed order so that the data
modules read like a parallel text: English, Dutch, French, German."""


def t(en: str, nl: str, fr: str, de: str) -> dict[str, str]:
    return {"en": en, "nl": nl, "fr": fr, "de": de}


def choice(text: dict, correct: bool = False, feedback: dict | None = None) -> dict:
    """One answer option of a question."""
    return {"text": text, "correct": correct, "feedback": feedback or {}}


TRUE = t("True", "Waar", "Vrai", "Richtig")
FALSE = t("False", "Niet waar", "Faux", "Falsch")
