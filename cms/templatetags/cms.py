"""{% related_content proposal %}: 法治/德治 pages on a matter's subject, on its page.

Proposals sit below cms in the layers, so the proposal page loads this tag rather than its
view importing cms.
"""

from typing import Any

from django import template

from cms.related import related_content_for
from core.segment import segments

register = template.Library()


@register.inclusion_tag("cms/_related_content.html", takes_context=True)
def related_content(context: template.Context, proposal: Any) -> dict[str, Any]:
    """Same category, or a word of the title (two characters or more) as a tag."""
    words = [word for word in segments(proposal.title) if len(word) >= 2]
    pages = related_content_for(proposal.category.name, words)
    return {"related_pages": pages, "request": context.get("request")}
