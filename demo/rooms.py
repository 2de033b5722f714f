"""Demo data for rooms: a deliberating matter in 幸福村 (村A) with an open room, a short
transcript and a scheduled session. Safe to run again: found by title, messages by client_id."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import User
from core import ratelimit
from demo.accounts import ACCOUNTS, VILLAGE_A
from proposals import actions as consult_actions
from proposals.lifecycle import transition
from proposals.models import Category, Proposal, State
from rooms import actions
from rooms.models import Session

TITLE = "村口停车位怎么划，大家来商量"
BODY = (
    "村口到村委会这段路，晚上车都停在路边，消防车和救护车进不来。"
    "建议在村委会门口空地划出停车位，大家一起商量怎么划、怎么管。"
)
TRANSCRIPT = [
    ("resident1", "晚上八点以后，村口那段路两边都停满了，上次120救护车在路口等了好几分钟。"),
    ("resident2", "同意先划线。村委会门口那块空地可以停十几辆车。"),
    ("committee1", "谢谢大家。村委会初步测量过，空地可以划14个车位，另外路边划禁停黄线。"),
    ("resident1", "车位是不是按户分？有的人家两辆车，有的一辆都没有。"),
    ("resident2", "建议先到先停，不收费，但不能长期放不开的车。"),
    ("committee1", "这些问题我们在周五晚上的协商会上一条条讨论，欢迎大家来，也可以在这里先留言。"),
]


def _user(username: str) -> User:
    phone = next(a.phone for a in ACCOUNTS if a.username == username)
    return User.objects.get(phone=phone)


def _proposal(village: Any, author: User, committee: User) -> Proposal:
    found = Proposal.objects.filter(region=village, title=TITLE).first()
    if found is not None:
        return found
    category = Category.objects.filter(name="公共设施").first() or Category.objects.first()
    proposal = consult_actions.create_proposal(
        author,
        title=TITLE,
        body=BODY,
        category=category.pk if category else None,
        region=village.pk,
        submit=True,
    )
    transition(proposal, State.REVIEWING, None, system=True)
    consult_actions.accept_proposal(committee, proposal.pk, reason="涉及全村出行安全，进入协商。")
    proposal.refresh_from_db()  # the action moved its own copy to deliberating
    return proposal


def seed_rooms(regions: dict[str, Any]) -> None:
    village = regions[VILLAGE_A]
    committee = _user("committee1")
    with ratelimit.suspended():
        proposal = _proposal(village, _user("resident1"), committee)
        if proposal.state != State.DELIBERATING:
            return
        for number, (username, body) in enumerate(TRANSCRIPT):
            actions.say(_user(username), proposal.pk, body=body, client_id=f"demo-{number}")
        if not Session.objects.filter(room__proposal=proposal).exists():
            start = (timezone.localtime() + timedelta(days=2)).replace(
                hour=19, minute=30, second=0, microsecond=0
            )
            actions.schedule_session(
                committee,
                proposal.pk,
                title="停车位协商会",
                agenda=["村委会介绍测量情况", "车位怎么分配", "禁停黄线划在哪里", "谁来管理"],
                starts_at=start,
                ends_at=start + timedelta(minutes=90),
            )
