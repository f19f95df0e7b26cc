"""JSON-LD for the Data Integrity credential: the bundled contexts, a document
loader that serves only them (never the network), and RDF canonicalisation.

pyld 3.3 implements URDNA2015, which the W3C published as RDFC-1.0 (same
algorithm; the test suite checks that its output equals rdf-canonize's RDFC-1.0).
"""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
# Only for reading wallets' DID Authentication presentations.
CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1"
ED25519_2020 = "https://w3id.org/security/suites/ed25519-2020/v1"
BUNDLED = {
    CREDENTIALS_V1: "credentials-v1.jsonld",
    ED25519_2020: "ed25519-signature-2020-v1.jsonld",
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-v3p0-context-3.0.3.json",
    MULTIKEY_V1: "multikey-v1.jsonld",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
}


@cache
def bundled_context(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / BUNDLED[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options: dict | None = None) -> dict:
    """pyld's loader: a bundled context, or a refusal. Nothing is ever fetched."""
    if url not in BUNDLED:
        raise jsonld.JsonLdError(
            f"Refused to load {url}: only bundled contexts are used.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": bundled_context(url)}


def canonize(document: dict) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads of a JSON-LD document."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )
