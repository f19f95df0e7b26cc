"""Point a running localstripe's webhooks at this platform (`make run` calls
it after starting localstripe): localstripe then signs its events with
STRIPE_WEBHOOK_SECRET and posts them to <url>."""

import time

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from payments import stripe_client


class Command(BaseCommand):
    help = "Register this platform's Stripe webhook at the local fake Stripe (localstripe)."

    def add_arguments(self, parser):
        parser.add_argument(
            "url", help="the webhook address, e.g. http://127.0.0.1:8000/payments/stripe/webhook/"
        )
        parser.add_argument(
            "--wait", type=float, default=20.0, help="seconds to wait for localstripe"
        )

    def handle(self, *args, url: str, wait: float, **options):
        if not stripe_client.is_local_fake():
            raise CommandError("STRIPE_API_BASE does not point at a localstripe on this machine.")
        if not settings.STRIPE_WEBHOOK_SECRET:
            raise CommandError("STRIPE_WEBHOOK_SECRET is empty.")
        base = settings.STRIPE_API_BASE.rstrip("/")
        deadline = time.monotonic() + wait
        while True:
            try:
                requests.get(
                    f"{base}/v1/customers", auth=(settings.STRIPE_SECRET_KEY, ""), timeout=1
                )
                break
            except requests.RequestException as error:
                if time.monotonic() > deadline:
                    raise CommandError(f"localstripe does not answer at {base}") from error
                time.sleep(0.2)
        answer = requests.post(
            f"{base}/_config/webhooks/digiskills",
            data={"url": url, "secret": settings.STRIPE_WEBHOOK_SECRET},
            timeout=5,
        )
        if answer.status_code != 200:
            raise CommandError(f"localstripe refused the webhook: {answer.status_code}")
        self.stdout.write(f"localstripe at {base} sends its events to {url}")
