"""Load the GCM's 23 objectives and 10 guiding principles: facts of the Compact, not content."""

from django.db import migrations

from library.gcm import GUIDING_PRINCIPLES, OBJECTIVES


def load(apps, schema_editor):
    GcmObjective = apps.get_model("library", "GcmObjective")
    GuidingPrinciple = apps.get_model("library", "GuidingPrinciple")
    for number, title in OBJECTIVES:
        GcmObjective.objects.update_or_create(number=number, defaults={"title": title})
    for number, title in GUIDING_PRINCIPLES:
        GuidingPrinciple.objects.update_or_create(number=number, defaults={"title": title})


def unload(apps, schema_editor):
    apps.get_model("library", "GcmObjective").objects.all().delete()
    apps.get_model("library", "GuidingPrinciple").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
