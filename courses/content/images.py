"""Pictures the demo content needs, drawn here so that nothing is fetched:
a phishing e-mail for the scenario question of the security exam."""

from io import BytesIO

from PIL import Image, ImageDraw


def phishing_parcel_png() -> bytes:
    """A fake bpost e-mail, as it would look in a mailbox (PNG, 640x400)."""
    image = Image.new("RGB", (640, 400), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 640, 56), fill="#e2001a")
    draw.text((20, 20), "bpost", fill="white")
    lines = [
        ("From: bpost-service@delivery-be.top", "#333333"),
        ("Subject: Your parcel is waiting", "#333333"),
        ("", "#333333"),
        ("Dear customer,", "#111111"),
        ("Your parcel could not be delivered: €1.99 customs fees are due.", "#111111"),
        ("Pay within 24 hours or the parcel is returned.", "#111111"),
    ]
    y = 76
    for text, colour in lines:
        draw.text((20, y), text, fill=colour)
        y += 28
    draw.rectangle((20, y + 10, 180, y + 50), fill="#e2001a")
    draw.text((50, y + 24), "Pay now", fill="white")
    draw.text((20, y + 70), "https://bpost-delivery.top/pay", fill="#1a0dab")
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


IMAGES = {"phishing-parcel": ("Phishing e-mail: parcel customs fees", phishing_parcel_png)}
