"""Django's password-validator messages that its own catalogs miss.

Django 5.2 words MinimumLengthValidator's error with "%d" where it used to say
"%(min_length)d"; Django's Dutch catalog still holds only the old wording, so
Dutch sign-up and password pages showed "This password is too short..." in
English. Naming the message here lets makemessages keep the project's own
translations of it (lms/locale, nl/fr/de).
"""

from django.utils.translation import ngettext_lazy

DJANGO_MESSAGES_TRANSLATED_HERE = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        1,
    ),
)
