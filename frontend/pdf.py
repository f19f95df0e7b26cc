"""Every PDF the project draws starts here: the embedded fonts, the colours, the
QR code, the wrapping of text, the metadata (real creation date in Brussels
time, language, title) and the canvas factory; for documents that must last,
the parts of PDF/A-3b that reportlab does not write (XMP metadata, an sRGB
output intent, associated files).

Usage::

    from frontend import pdf

    meta = pdf.Metadata(title="Login cards", language="nl")
    buffer = io.BytesIO()
    canvas = pdf.canvas_new(buffer, pagesize=A4, meta=meta)
    pdf.qr_draw(canvas, "https://…", x=0, y=0, size=80)
    canvas.showPage()
    canvas.save()

No base-14 font is ever used (they are not embedded, and a PDF/A file must
embed every font): Bitstream Vera ships with reportlab, covers the Latin
letters of the names we meet (é, ü, ß, ç, ł, ş, ğ …) and is embedded as a
subset with a ToUnicode map, so that the text stays real text.
"""

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

import segno
from django.utils import timezone
from reportlab.graphics import shapes as _graphics_shapes
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "Vera"
FONT_BOLD = "VeraBd"
FONT_ITALIC = "VeraIt"
FONT_BOLD_ITALIC = "VeraBI"
for _name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
    pdfmetrics.registerFont(TTFont(_name, f"{_name}.ttf"))
# <b> and <i> in platypus paragraphs pick the right face of the family.
pdfmetrics.registerFontFamily(
    FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
)

# reportlab.graphics (charts) starts every drawing in its default font,
# Helvetica, which would then sit unembedded in the file even when no text
# uses it: the project's drawings start in Vera.
_graphics_shapes.STATE_DEFAULTS["fontName"] = FONT

INK = HexColor("#1b1f24")
MUTED = HexColor("#4a5560")
ACCENT = HexColor("#0b5cad")
CUT = HexColor("#8a96a3")
WHITE = HexColor("#ffffff")

PRODUCER = "Digiskills (ReportLab)"


@dataclass(frozen=True)
class Metadata:
    """What a PDF says about itself (document properties, XMP)."""

    title: str
    author: str = "Digiskills"
    subject: str = ""
    keywords: str = ""
    creator: str = "Digiskills"
    language: str = "en"
    # When it was drawn; now when not given. Written in Brussels time with its offset.
    created: dt.datetime | None = None
    extra: dict = field(default_factory=dict)

    def moment(self) -> dt.datetime:
        return timezone.localtime(self.created or timezone.now())


class _TimeStamp:
    """reportlab's TimeStamp for a given moment with its offset (reportlab
    itself uses the server clock's zone, or 1 January 2000 when invariant)."""

    def __init__(self, moment: dt.datetime):
        offset = int(moment.utcoffset().total_seconds()) // 60
        self.t = moment.timestamp()
        self.lt = moment.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh, self.dmm = divmod(abs(offset), 60)
        if offset < 0:
            self.dhh = -self.dhh
        self.tzname = moment.tzname()


def pdf_date(moment: dt.datetime) -> str:
    """A PDF date string (D:YYYYMMDDHHmmSS+HH'mm'), offset included."""
    moment = timezone.localtime(moment)
    offset = int(moment.utcoffset().total_seconds()) // 60
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


def xmp_date(moment: dt.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def canvas_new(buffer, *, pagesize, meta: Metadata, **kwargs) -> Canvas:
    """A canvas writing into `buffer`, with the document properties set, the
    language in the catalogue and the real creation date."""
    kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
    kwargs.pop("invariant", None)
    kwargs.pop("lang", None)
    canvas = Canvas(buffer, pagesize=pagesize, lang=meta.language, invariant=0, **kwargs)
    canvas._doc._timeStamp = _TimeStamp(meta.moment())
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(meta.keywords)
    canvas.setCreator(meta.creator)
    canvas.setProducer(PRODUCER)
    return canvas


def canvas_maker(meta: Metadata):
    """A `canvasmaker` for platypus (SimpleDocTemplate.build) using `canvas_new`;
    give the template `doc_template_options(meta)` too, since platypus sets the
    document properties again from its own."""

    def make(filename, *, pagesize, **kwargs):
        return canvas_new(filename, pagesize=pagesize, meta=meta, **kwargs)

    return make


def doc_template_options(meta: Metadata) -> dict:
    """The document properties of `meta` as platypus template arguments."""
    return {
        "title": meta.title,
        "author": meta.author,
        "subject": meta.subject,
        "creator": meta.creator,
        "producer": PRODUCER,
        "keywords": meta.keywords,
        "lang": meta.language,
        "displayDocTitle": 1,
        "initialFontName": FONT,
    }


# --- Text -----------------------------------------------------------------


def text_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of `text` that fit `width` points (a word longer than the width
    gets a line of its own)."""
    lines, current = [], ""
    for word in str(text).split():
        candidate = f"{current} {word}".strip()
        if pdfmetrics.stringWidth(candidate, font, size) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def font_size_fit(text: str, font: str, size: float, width: float, *, minimum: float) -> float:
    """The largest size from `size` down to `minimum` at which `text` fits `width`."""
    while size > minimum and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    return size


# --- QR codes -------------------------------------------------------------


def qr_make(text: str) -> segno.QRCode:
    """A QR code (error correction M). A fixed mask skips segno's evaluation of
    all eight masks (most of the time a QR code takes); mask 0 reads as well."""
    return segno.make_qr(text, error="m", mask=0, boost_error=False)


def qr_draw(
    canvas: Canvas, qr: "segno.QRCode | str", *, x: float, y: float, size: float, quiet: int = 0
) -> None:
    """Draw the QR code's dark modules in the current fill colour in a square
    of `size` points with its lower left corner at (x, y), `quiet` modules of
    white margin inside that square. One path of rectangles, one per
    horizontal run, written in module units (integers) under a scaling
    transform: formatting thousands of float coordinates was most of the time."""
    if isinstance(qr, str):
        qr = qr_make(qr)
    matrix = qr.matrix
    count = len(matrix)
    operators = []
    for row_number, row in enumerate(matrix):
        bottom = count - 1 - row_number + quiet
        start = None
        for column, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                operators.append(f"{start + quiet} {bottom} {column - start} 1 re")
                start = None
    module = size / (count + 2 * quiet)
    canvas.saveState()
    canvas.transform(module, 0, 0, module, x, y)
    canvas.addLiteral("\n".join(operators) + "\nf")
    canvas.restoreState()


def link_add(canvas: Canvas, url: str, *, rect: tuple, description: str) -> None:
    """A link annotation over `rect` (x1, y1, x2, y2) opening `url`: printable
    (/F 4, as PDF/A asks) and described for assistive technology (/Contents)."""
    canvas.linkURL(url, rect, relative=0, thickness=0, F=4, Contents=PDFString(description))


# --- PDF/A-3b -------------------------------------------------------------


@cache
def srgb_icc_profile() -> bytes:
    """An sRGB ICC profile built by Little CMS (through Pillow): no file needed."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@dataclass(frozen=True)
class Attachment:
    """A file embedded as a PDF/A-3 associated file."""

    name: str
    data: bytes
    mime: str
    description: str
    # Source: the file the page was made from; Data: data the page shows.
    relationship: str = "Source"
    modified: dt.datetime | None = None


def _xmp(meta: Metadata, *, conformance: bool) -> bytes:
    moment = xmp_date(meta.moment())
    language = escape(meta.language)
    pdfaid = (
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
        "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
        "</rdf:Description>"
        if conformance
        else ""
    )
    description = (
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.subject)}'
        "</rdf:li></rdf:Alt></dc:description>"
        if meta.subject
        else ""
    )
    keywords = f"<pdf:Keywords>{escape(meta.keywords)}</pdf:Keywords>" if meta.keywords else ""
    xml = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f"{pdfaid}"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:format>application/pdf</dc:format>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.title)}</rdf:li>'
        "</rdf:Alt></dc:title>"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>"
        f"{description}"
        f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
        "</rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreatorTool>{escape(meta.creator)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{moment}</xmp:CreateDate>"
        f"<xmp:ModifyDate>{moment}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{moment}</xmp:MetadataDate>"
        "</rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<pdf:Producer>{escape(PRODUCER)}</pdf:Producer>{keywords}"
        # reportlab always writes /Trapped /False in the document information.
        "<pdf:Trapped>False</pdf:Trapped>"
        "</rdf:Description>"
        "</rdf:RDF></x:xmpmeta>" + " " * 512 + '<?xpacket end="w"?>'
        # Room for an editor to rewrite the packet in place.
    )
    return xml.encode()


def _catalog_set(canvas: Canvas, key: str, value) -> None:
    """Set a catalogue entry reportlab does not know (it writes only the keys
    listed in PDFCatalog.__NoDefault__)."""
    catalog = canvas._doc.Catalog
    if key not in catalog.__NoDefault__:
        catalog.__NoDefault__ = [*catalog.__NoDefault__, key]
    setattr(catalog, key, value)


def metadata_add(canvas: Canvas, meta: Metadata, *, pdfa: bool = False) -> None:
    """The XMP metadata stream (the same facts as the document properties),
    claiming PDF/A-3b when `pdfa`; then the sRGB output intent PDF/A asks for."""
    document = canvas._doc
    # Unfiltered (no /Filter key at all), as PDF/A wants metadata readable by
    # any tool: reportlab writes "/Filter []" for an empty list, None leaves it out.
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        content=_xmp(meta, conformance=pdfa),
        filters=None,
    )
    document.Catalog.Metadata = document.Reference(stream)
    if pdfa:
        profile = PDFStream(
            PDFDictionary({"N": 3}), content=srgb_icc_profile(), filters=[PDFZCompress]
        )
        intent = PDFDictionary(
            {
                "Type": PDFName("OutputIntent"),
                "S": PDFName("GTS_PDFA1"),
                "OutputConditionIdentifier": PDFString("sRGB IEC61966-2.1"),
                "RegistryName": PDFString("http://www.color.org"),
                "Info": PDFString("sRGB IEC61966-2.1"),
                "DestOutputProfile": document.Reference(profile),
            }
        )
        _catalog_set(canvas, "OutputIntents", PDFArray([document.Reference(intent)]))


def viewer_preferences(canvas: Canvas) -> None:
    """Viewers show the title, not the file name (the language is set by `canvas_new`)."""
    canvas._doc.Catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})


def files_attach(canvas: Canvas, attachments: list[Attachment], *, moment: dt.datetime) -> None:
    """Embed files as associated files (PDF/A-3): the file specification has
    /F, /UF, /Desc and /AFRelationship, the stream its MIME type as /Subtype
    and /Params with size and date; each is listed in the catalogue's /AF and
    in the EmbeddedFiles name tree (reportlab has no API for either)."""
    document = canvas._doc
    names, specs = [], []
    for item in sorted(attachments, key=lambda a: a.name):
        stream = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("EmbeddedFile"),
                    # reportlab leaves "/" unescaped in a name: #2F is the slash.
                    "Subtype": "/" + PDFName(item.mime)[1:].replace("/", "#2F"),
                    "Params": PDFDictionary(
                        {
                            "Size": len(item.data),
                            "ModDate": PDFString(pdf_date(item.modified or moment)),
                        }
                    ),
                }
            ),
            content=item.data,
            filters=[PDFZCompress],
        )
        stream_ref = document.Reference(stream)
        spec = PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(item.name),
                "UF": PDFString(item.name),
                "Desc": PDFString(item.description),
                "AFRelationship": PDFName(item.relationship),
                "EF": PDFDictionary({"F": stream_ref, "UF": stream_ref}),
            }
        )
        reference = document.Reference(spec)
        names += [PDFString(item.name), reference]
        specs.append(reference)
    document.Catalog.Names = PDFDictionary(
        {"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})}
    )
    _catalog_set(canvas, "AF", PDFArray(specs))


def render(draw, *, pagesize, meta: Metadata, **kwargs) -> bytes:
    """Draw with `draw(canvas)` (which shows its pages) and return the bytes."""
    buffer = io.BytesIO()
    canvas = canvas_new(buffer, pagesize=pagesize, meta=meta, **kwargs)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()
