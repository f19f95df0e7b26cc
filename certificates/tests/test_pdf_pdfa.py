"""The PDF/A-3b requirements the certificate PDF implements, checked on the
structure of the sealed file with pypdf (veraPDF is not available here: this
is not a conformance validation, it checks each requirement we implement)."""

import io
import re
from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import BooleanObject, ContentStream

from certificates.pdf import ATTACHMENT_NAME, page_url, pdf_render

pytestmark = pytest.mark.django_db
BASE_14 = {
    "Courier",
    "Helvetica",
    "Times",
    "Symbol",
    "ZapfDingbats",
}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


@pytest.fixture
def data(certificate) -> bytes:
    return pdf_render(certificate, "nl")


@pytest.fixture
def reader(data) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def xmp_values(reader: PdfReader) -> dict[str, str]:
    """Every simple XMP property, as element or attribute, by prefix:name."""
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    packet = stream.get_data().split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0]
    root = ElementTree.fromstring(packet)  # noqa: S314 (our own file, written by this test)
    prefixes = {uri: prefix for prefix, uri in NS.items()}
    values = {}
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for name, value in description.attrib.items():
            if name.startswith("{"):
                uri, local = name[1:].split("}")
                values[f"{prefixes.get(uri, uri)}:{local}"] = value
        for child in description:
            uri, local = child.tag[1:].split("}")
            items = [li.text or "" for li in child.iter(f"{{{NS['rdf']}}}li")]
            values[f"{prefixes.get(uri, uri)}:{local}"] = items[0] if items else child.text or ""
    return values


def pdf_date(value: str) -> datetime:
    match = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'?", value)
    assert match, value
    sign = 1 if match[2] == "+" else -1
    offset = timedelta(hours=int(match[3]), minutes=int(match[4])) * sign
    return datetime.strptime(match[1], "%Y%m%d%H%M%S").replace(
        tzinfo=timezone.get_fixed_timezone(offset)
    )


def test_the_xmp_claims_pdf_a_3b(reader):
    values = xmp_values(reader)
    assert values["pdfaid:part"] == "3"
    assert values["pdfaid:conformance"] == "B"


def test_the_xmp_and_the_document_information_say_the_same(reader):
    info, values = reader.trailer["/Info"], xmp_values(reader)
    assert values["dc:title"] == info["/Title"]
    assert values["dc:creator"] == info["/Author"]
    assert values["dc:description"] == info["/Subject"]
    assert values["pdf:Keywords"] == info["/Keywords"]
    assert values["pdf:Producer"] == info["/Producer"]
    assert values["xmp:CreatorTool"] == info["/Creator"]
    assert values["pdf:Trapped"] == info["/Trapped"].lstrip("/")
    assert datetime.fromisoformat(values["xmp:CreateDate"]) == pdf_date(info["/CreationDate"])
    assert datetime.fromisoformat(values["xmp:ModifyDate"]) == pdf_date(info["/ModDate"])
    assert values["dc:language"] == "nl"


def test_the_creation_date_is_the_render_time_in_brussels(reader):
    created = pdf_date(reader.trailer["/Info"]["/CreationDate"])
    assert abs(created - timezone.now()) < timedelta(minutes=2)
    brussels = timezone.localtime(timezone.now())
    assert created.utcoffset() == brussels.utcoffset()
    assert xmp_values(reader)["xmp:CreateDate"].endswith(("+01:00", "+02:00"))


def test_the_metadata_stream_is_not_filtered(reader):
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert stream["/Type"] == "/Metadata" and stream["/Subtype"] == "/XML"
    assert "/Filter" not in stream


def test_an_srgb_output_intent_carries_its_icc_profile(reader):
    (intent,) = [i.get_object() for i in reader.trailer["/Root"]["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    icc = profile.get_data()
    assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB "


def _fonts(reader: PdfReader):
    page = reader.pages[0]
    for font in page["/Resources"]["/Font"].values():
        yield font.get_object()


def test_every_font_is_embedded_and_none_is_a_base_14_font(reader):
    fonts = list(_fonts(reader))
    assert fonts
    for font in fonts:
        base = font["/BaseFont"].lstrip("/").split("+")[-1]
        assert not any(base.startswith(name) for name in BASE_14), base
        descriptor = font["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert b"Helvetica" not in reader.stream.getvalue()


def test_the_document_has_an_id(reader):
    document_id = reader.trailer["/ID"]
    # pypdf hands random bytes that happen to decode as text back as text: the
    # file's own bytes are what counts.
    raw = [getattr(part, "original_bytes", part) for part in document_id]
    assert len(raw) == 2 and all(len(part) == 16 for part in raw)


def test_the_file_starts_with_a_binary_comment(data):
    first, second = data.split(b"\n", 2)[:2]
    assert first.startswith(b"%PDF-1.")
    assert second.startswith(b"%") and sum(byte > 127 for byte in second[1:5]) == 4


def test_the_credential_is_an_associated_file_with_its_mime_type(reader, certificate):
    catalog = reader.trailer["/Root"]
    names = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == ATTACHMENT_NAME
    spec = names[1].get_object()
    assert spec["/Type"] == "/Filespec"
    assert spec["/F"] == spec["/UF"] == ATTACHMENT_NAME
    assert spec["/Desc"]
    assert spec["/AFRelationship"] in ("/Source", "/Data")
    assert [a.get_object() for a in catalog["/AF"]] == [spec]
    stream = spec["/EF"]["/F"].get_object()
    assert stream["/Type"] == "/EmbeddedFile"
    assert stream["/Subtype"] == "/application/vc+jwt"
    assert stream["/Params"]["/Size"] == len(certificate.credential_jwt.encode())
    assert pdf_date(stream["/Params"]["/ModDate"]) == certificate.issued_at.replace(microsecond=0)
    assert stream.get_data() == certificate.credential_jwt.encode()


def test_the_mime_type_is_written_as_a_pdf_name_with_an_escaped_slash(data):
    assert b"/Subtype /application#2Fvc+jwt" in data


def test_every_annotation_is_printable_and_visible(reader):
    annotations = [a.get_object() for a in reader.pages[0]["/Annots"]]
    assert {a["/Subtype"] for a in annotations} == {"/Link", "/Widget"}
    for annotation in annotations:
        flags = annotation["/F"]
        assert flags & 4, annotation  # Print
        assert not flags & (1 | 2 | 32), annotation  # Invisible, Hidden, NoView
        rect = [float(v) for v in annotation["/Rect"]]
        zero = rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0
        assert annotation["/Subtype"] == "/Link" or "/AP" in annotation or zero


def test_nothing_forbidden_in_pdf_a(data, reader):
    assert "/Encrypt" not in reader.trailer
    for forbidden in (b"/JavaScript", b"/JS ", b"/Launch", b"/LZWDecode", b"/TR ", b"/Sound"):
        assert forbidden not in data


def test_colours_are_rgb_only_matching_the_output_intent(reader):
    operators = {
        op for _operands, op in ContentStream(reader.pages[0].get_contents(), reader).operations
    }
    assert {b"rg"} <= operators
    assert not operators & {b"k", b"K", b"sc", b"scn", b"cs"}


def test_accessibility_is_claimed_honestly(reader, certificate):
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    # reportlab cannot tag a PDF: it must not claim to be tagged.
    assert "/MarkInfo" not in catalog and "/StructTreeRoot" not in catalog
    links = [
        a.get_object() for a in reader.pages[0]["/Annots"] if a.get_object()["/Subtype"] == "/Link"
    ]
    assert [link["/A"]["/URI"] for link in links] == [page_url(certificate, "nl")]
    assert links[0]["/Contents"]
