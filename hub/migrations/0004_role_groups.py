"""The role groups: Secretariat editors, Executive Committee, Members (see hub/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from hub.roles import create_role_groups


def forwards(apps, schema_editor):
    # Django creates permissions after the whole migrate run; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_role_groups(apps)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Secretariat editors", "Executive Committee", "Members"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0003_twg_groups_sections_review_task"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("library", "0004_places_and_languages"),
        ("hub_search", "0002_synonyms_promotions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
