"""Text responses compressed with gzip when the browser accepts it.

Django's GZipMiddleware, limited to text: images, PDFs, archives and the files
WhiteNoise already serves compressed are left as they are (compressing them
again wastes processor time and breaks ranges). Django masks CSRF tokens per
response, which keeps compressed pages out of reach of BREACH-style guessing."""

from django.middleware.gzip import GZipMiddleware

COMPRESSED_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/css",
        "text/csv",
        "text/javascript",
        "text/xml",
        "application/json",
        "application/ld+json",
        "application/javascript",
        "application/xml",
        "image/svg+xml",
    }
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        media_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if media_type not in COMPRESSED_TYPES:
            return response
        return super().process_response(request, response)
