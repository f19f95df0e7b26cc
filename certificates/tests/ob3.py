"""The official 1EdTech Open Badges 3.0 JSON schema (bundled, see
schemas/SOURCE.md), for the tests."""

import base64
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft201909Validator

SCHEMA_PATH = (
    Path(__file__).resolve().parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
)


@cache
def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def credential_errors(document: dict) -> list[str]:
    """Every violation of the AchievementCredential schema."""
    validator = Draft201909Validator(_schema(), format_checker=Draft201909Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def achievement_errors(document: dict) -> list[str]:
    """Every violation of the schema's Achievement (1EdTech publishes no
    separate Achievement schema)."""
    schema = {
        "$schema": _schema()["$schema"],
        "$defs": _schema()["$defs"],
        "$ref": "#/$defs/Achievement",
    }
    validator = Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def jwt_parts(token: str) -> tuple[dict, dict]:
    """(header, payload) of a compact JWS, unverified (the tests check the
    signature elsewhere)."""

    def part(text: str) -> dict:
        return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))

    header, payload, _signature = token.split(".")
    return part(header), part(payload)
