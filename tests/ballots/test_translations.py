"""Every message of the ballots app has a Simplified Chinese translation."""

from pathlib import Path

import polib
from django.utils import translation

from ballots.models import PassRule

PO = Path(__file__).resolve().parents[2] / "ballots/locale/zh_Hans/LC_MESSAGES/django.po"


def test_the_catalogue_is_complete_and_not_fuzzy():
    po = polib.pofile(str(PO))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert not po.metadata_is_fuzzy


def test_chinese_is_served():
    with translation.override("zh-hans"):
        assert str(PassRule.TWO_THIRDS.label) == "达到投票人数的三分之二"
