from django.db import migrations


def hide_by_emptying_the_name(apps, schema_editor):
    # The flag was false only on erased certificates (whose frozen name was
    # already emptied) and on certificates issued to children before they were
    # refused one. Emptying the frozen name keeps such a name hidden everywhere
    # once the flag is gone: what shows a name now asks whether there is one.
    Certificate = apps.get_model("certificates", "Certificate")
    for certificate in Certificate.objects.filter(show_holder_name=False).only("pk", "content"):
        if certificate.content.get("holder_name"):
            certificate.content = {**certificate.content, "holder_name": ""}
            certificate.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0008_receipt_token_and_check_time"),
    ]

    operations = [
        migrations.RunPython(hide_by_emptying_the_name, migrations.RunPython.noop),
        migrations.RemoveField(model_name="certificate", name="show_holder_name"),
    ]
