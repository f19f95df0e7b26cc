"""Certificates benchmarks: 1,000,000 certificates generated with SQL for the
`verify` scenarios, and the PDF rendering micro-benchmark
(`python -m benchmarks.certificates pdf`)."""

import json
import random
import sys
import time

TOTAL = 1_000_000
PER_LIST = 65_536  # half of a 131,072-entry status list, as services fill them
SAMPLE = 2_000


def _codes(count: int, seed: int = 5) -> list[str]:
    from certificates import codes

    rng = random.Random(seed)
    out = []
    for _ in range(count):
        data = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.DATA_LENGTH))
        out.append(data + codes.check_symbol(data))
    return out


def prepare_certificates() -> None:
    """1,000,000 certificates (idempotent): codes made in Python and COPYed into
    a scratch table, rows made by one INSERT ... SELECT generate_series."""
    from django.db import connection

    from certificates.models import Certificate, SigningKey, StatusList
    from certificates.services import signing_key_rotate
    from lms.models import User

    if Certificate.objects.count() >= TOTAL:
        return
    holder, _ = User.objects.get_or_create(
        username="bench-holder", defaults={"first_name": "Bench", "last_name": "Holder"}
    )
    key = (
        SigningKey.objects.filter(active=True, purpose=SigningKey.Purpose.CREDENTIAL).first()
        or signing_key_rotate()
    )
    lists = [StatusList.objects.create() for _ in range(TOTAL // PER_LIST + 1)]
    content = {
        "holder_name": "Lotte Peeters",
        "issuer": "Digiskills",
        "track_code": "security",
        "level_number": 3,
        "course": {lang: f"Security diploma ({lang})" for lang in ("nl", "fr", "de", "en")},
        "track": dict.fromkeys(("nl", "fr", "de", "en"), "Security diploma"),
        "level": dict.fromkeys(("nl", "fr", "de", "en"), "3 · Intermediate"),
        "criteria": dict.fromkeys(("nl", "fr", "de", "en"), "Completed the course."),
        "competences": [
            {
                "code": "4.1",
                "title": dict.fromkeys(("nl", "fr", "de", "en"), "Protecting devices"),
            },
            {
                "code": "4.2",
                "title": dict.fromkeys(("nl", "fr", "de", "en"), "Protecting personal data"),
            },
        ],
    }
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM certificates_certificate")
        cursor.execute("DROP TABLE IF EXISTS bench_codes")
        cursor.execute("CREATE UNLOGGED TABLE bench_codes (n integer PRIMARY KEY, code text)")
        with cursor.cursor.copy("COPY bench_codes (n, code) FROM STDIN") as copy:
            for n, code in enumerate(_codes(TOTAL)):
                copy.write_row((n, code))
        # Status index: an odd multiplier permutes 0..131071, so indexes are
        # unique within a list and spread over it.
        cursor.execute(
            """
            INSERT INTO certificates_certificate (
                public_id, code, holder_id, course_key, content_version, language, content,
                issued_at, expires_at, signing_key_id, credential_jwt,
                status_list_id, status_index, revoked_at, revocation_reason, withdrawn_at,
                pdf_files, enrolment_id)
            SELECT md5('c' || n)::uuid, code, %(holder)s, md5('k' || n)::uuid, 1, 'nl',
                   %(content)s::jsonb, now() - n * interval '1 minute',
                   CASE WHEN n %% 2 = 0 THEN now() + interval '2 years' END,
                   %(key)s, 'eyJhbGciOiJSUzI1NiJ9.e30.bench',
                   %(first_list)s + n / %(per_list)s,
                   ((n %% %(per_list)s)::bigint * 104729) %% 131072,
                   CASE WHEN n %% 1000 = 7 THEN now() END,
                   CASE WHEN n %% 1000 = 7 THEN 'Benchmark revocation' ELSE '' END,
                   NULL, '{}'::jsonb, NULL
            FROM bench_codes
            """,
            {
                "holder": holder.pk,
                "content": json.dumps(content),
                "key": key.pk,
                "first_list": lists[0].pk,
                "per_list": PER_LIST,
            },
        )
        cursor.execute("DROP TABLE bench_codes")
        cursor.execute("ANALYZE certificates_certificate")


def _sample_codes() -> list[str]:
    from django.db import connection

    from certificates import codes

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT code FROM certificates_certificate TABLESAMPLE SYSTEM (1) LIMIT %s", [SAMPLE]
        )
        found = [codes.display(row[0]) for row in cursor.fetchall()]
    random.Random(1).shuffle(found)
    return found


def api_paths() -> list[str]:
    return [f"/api/certificates/verify/{code}" for code in _sample_codes()]


def page_paths() -> list[str]:
    return [f"/en/verify/?code={code}" for code in _sample_codes()]


# --- PDF rendering micro-benchmark --------------------------------------------


def pdf_benchmark(count: int = 600) -> dict:
    """Certificates rendered per second of CPU (one core), each with its own QR
    code, drawn (PDF/A-3b) and then sealed (PAdES), and a check that the printed
    QR codes decode to the right address and the seal is there."""
    import io

    import pypdfium2
    import zxingcpp
    from django.utils import timezone
    from pypdf import PdfReader

    from certificates import codes, credentials, keys
    from certificates.links import verify_url
    from certificates.models import Certificate, SigningKey
    from certificates.pdf import ATTACHMENT_NAME, pdf_draw, pdf_render
    from certificates.seal import SEAL_FIELD

    kid, public, private = keys.new_key_pair()
    key = SigningKey(
        kid=kid, public_jwk=public, private_jwk_encrypted=keys.encrypt_private_jwk(private, kid=kid)
    )
    kid, public, private, pem = keys.new_document_key()
    seal_key = SigningKey(
        kid=kid,
        purpose=SigningKey.Purpose.DOCUMENT,
        public_jwk=public,
        private_jwk_encrypted=keys.encrypt_private_jwk(private, kid=kid),
        certificate_pem=pem,
    )
    content = {
        "holder_name": "Lotte Peeters",
        "issuer": "Digiskills",
        "issuer_address": "Rue de l'Exemple 1, 1000 Brussels, Belgium",
        "track_code": "security",
        "score": {"percent": 87, "pass_mark": 75},
        "course": {"nl": "Veiligheidsdiploma: veilig online", "en": "Security diploma"},
        "track": {"nl": "Veiligheidsdiploma", "en": "Security diploma"},
        "level": {"nl": "3 · Gemiddeld", "en": "3 · Intermediate"},
        "competences": [
            {"code": "4.1", "title": {"en": "Protecting devices", "nl": "Apparaten beschermen"}},
            {"code": "4.2", "title": {"en": "Protecting personal data and privacy"}},
        ],
    }
    now = timezone.now()
    certificates = []
    for _ in range(count):
        certificate = Certificate(
            code=codes.generate(), content=content, issued_at=now, expires_at=None, language="nl"
        )
        certificate.signing_key = key
        certificate.credential_jwt = credentials.sign({"jti": certificate.code}, key)
        certificates.append(certificate)
    pdf_render(certificates[0], "nl", seal_key=seal_key)  # warm-up: fonts, translations, key
    started = time.process_time()
    for certificate in certificates:
        pdf_draw(certificate, "nl")
    draw_cpu = time.process_time() - started
    started = time.process_time()
    documents = [pdf_render(certificate, "nl", seal_key=seal_key) for certificate in certificates]
    cpu = time.process_time() - started
    decoded = 0
    for certificate, data in list(zip(certificates, documents, strict=True))[
        :: max(1, count // 20)
    ]:
        document = pypdfium2.PdfDocument(data)
        try:
            image = document[0].render(scale=150 / 72).to_pil()
        finally:
            document.close()
        texts = [b.text for b in zxingcpp.read_barcodes(image)]
        assert texts == [verify_url(certificate.code)], texts
        reader = PdfReader(io.BytesIO(data))
        assert reader.attachments[ATTACHMENT_NAME] == [certificate.credential_jwt.encode()]
        assert reader.trailer["/Root"]["/AcroForm"]["/Fields"][0]["/T"] == SEAL_FIELD
        decoded += 1
    return {
        "pdfs": count,
        "cpu_seconds": round(cpu, 3),
        "per_second_per_core": round(count / cpu, 1),
        "ms_per_pdf_sealed": round(1000 * cpu / count, 2),
        "ms_per_pdf_drawn_only": round(1000 * draw_cpu / count, 2),
        "qr_codes_decoded": decoded,
        "bytes_per_pdf": sum(map(len, documents)) // count,
    }


def main() -> int:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    django.setup()
    result = pdf_benchmark(int(sys.argv[2]) if len(sys.argv) > 2 else 600)
    print(json.dumps(result, indent=2))
    return 0 if result["per_second_per_core"] >= 120 else 1


if __name__ == "__main__":
    sys.exit(main())
