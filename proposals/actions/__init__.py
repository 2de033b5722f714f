"""Every write about proposals. Views, the API, tasks and commands call these."""

from proposals.access import get_proposal_for, visible_proposals
from proposals.actions.proposals import (
    accept_proposal,
    create_proposal,
    edit_proposal,
    merge_proposal,
    reject_proposal,
    review_proposal,
    submit_proposal,
    withdraw_proposal,
)
from proposals.actions.supports import (
    follow_proposal,
    set_support_threshold,
    support_proposal,
    support_threshold,
    support_thresholds,
    unfollow_proposal,
    unsupport_proposal,
)

__all__ = [
    "accept_proposal",
    "create_proposal",
    "edit_proposal",
    "follow_proposal",
    "get_proposal_for",
    "merge_proposal",
    "reject_proposal",
    "review_proposal",
    "set_support_threshold",
    "submit_proposal",
    "support_proposal",
    "support_threshold",
    "support_thresholds",
    "unfollow_proposal",
    "unsupport_proposal",
    "visible_proposals",
    "withdraw_proposal",
]
