"""A trigram index for the directory's text search, on PostgreSQL only.

The directory matches each search word with ``search_text LIKE '%word%'``
(``search_text`` is stored lower-cased). On PostgreSQL a GIN trigram index
answers that without reading every champion; SQLite (the embedded default)
has no such index and simply scans, which is fine at its scale.
"""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS champion_search_text_trgm "
        "ON champions_championprofile USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS champion_search_text_trgm")


class Migration(migrations.Migration):
    dependencies = [("champions", "0002_languages")]

    operations = [migrations.RunPython(create_index, drop_index)]
