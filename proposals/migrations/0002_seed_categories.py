"""The categories from the seed document. Staff may edit them afterwards in the admin."""

from django.db import migrations

CATEGORIES = ["公共设施", "环境卫生", "矛盾纠纷", "社区服务", "公共安全", "社会治安", "其他"]


def seed(apps, schema_editor):
    Category = apps.get_model("consult", "Category")
    for position, name in enumerate(CATEGORIES):
        Category.objects.get_or_create(name=name, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("consult", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
