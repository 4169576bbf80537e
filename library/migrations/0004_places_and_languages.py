"""Load Rwanda's provinces and districts and its official languages."""

from django.db import migrations
from django.utils.text import slugify

from library.gcm import LANGUAGES, PROVINCES


def load(apps, schema_editor):
    Place = apps.get_model("library", "Place")
    Language = apps.get_model("library", "Language")
    country, _ = Place.objects.get_or_create(
        name="Rwanda", defaults={"slug": "rwanda", "level": "national"}
    )
    for province, districts in PROVINCES.items():
        parent, _ = Place.objects.get_or_create(
            name=province,
            defaults={"slug": slugify(province), "level": "province", "parent": country},
        )
        for district in districts:
            Place.objects.get_or_create(
                name=district,
                defaults={"slug": slugify(district), "level": "district", "parent": parent},
            )
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})


def unload(apps, schema_editor):
    apps.get_model("library", "Place").objects.filter(level="district").delete()
    apps.get_model("library", "Place").objects.filter(level="province").delete()
    apps.get_model("library", "Place").objects.all().delete()
    apps.get_model("library", "Language").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("library", "0003_collections_places_organisations")]
    operations = [migrations.RunPython(load, unload)]
