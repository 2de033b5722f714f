from django import forms

from inbox.models import Preference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["in_app", "email", "sms"]
