"""Demo proposals in 幸福村 (村A) and 和睦村 (村B), in every state, made through the actions.

Idempotent: a proposal whose title already exists in its village is left alone.
"""

from dataclasses import dataclass, field
from typing import Any

from accounts.actions import grant_membership
from accounts.models import Region, Role, User
from accounts.permissions import may_participate
from core import ratelimit
from demo.accounts import VILLAGE_A, VILLAGE_B
from proposals import actions
from proposals.lifecycle import transition
from proposals.models import Category, Proposal, State

NEIGHBOURS = {
    VILLAGE_A: ["孙大爷", "周阿姨", "吴师傅", "郑大姐", "冯老师", "褚大哥"],
    VILLAGE_B: ["蒋奶奶", "沈叔叔", "韩大嫂", "杨师傅", "朱阿姨", "秦大爷"],
}

# Later states are reached through these steps (by the village's committee).
AFTER_REVIEW = {
    State.DELIBERATING: [State.DELIBERATING],
    State.VOTING: [State.DELIBERATING, State.VOTING],
    State.DECIDED: [State.DELIBERATING, State.VOTING, State.DECIDED],
    State.IMPLEMENTING: [State.DELIBERATING, State.VOTING, State.DECIDED, State.IMPLEMENTING],
    State.COMPLETED: [
        State.DELIBERATING,
        State.VOTING,
        State.DECIDED,
        State.IMPLEMENTING,
        State.COMPLETED,
    ],
}


@dataclass
class Demo:
    village: str
    author: str  # a demo username or a neighbour's name
    title: str
    body: str
    category: str
    state: State
    supporters: int = 0
    reason: str = ""
    merge_into: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


DEMO = [
    Demo(
        VILLAGE_A,
        "resident1",
        "村口路灯坏了一个多月",
        "村口到三组的路灯坏了一个多月，晚上一片漆黑。"
        "上周有老人骑车摔了一跤。希望尽快修好，最好换成太阳能路灯。",
        "公共设施",
        State.COLLECTING,
        2,
    ),
    Demo(
        VILLAGE_A,
        "孙大爷",
        "三组那盏路灯晚上不亮",
        "三组路口的灯不亮，走夜路不安全。",
        "公共设施",
        State.MERGED,
        1,
        reason="与“村口路灯坏了一个多月”是同一件事，合并办理。",
        merge_into="村口路灯坏了一个多月",
    ),
    Demo(
        VILLAGE_A,
        "resident2",
        "村委会门口停车乱，早晚堵车",
        "村委会门口和小学门口早晚车停得乱，"
        "接送孩子时经常堵住。建议划定停车位，安排志愿者早晚疏导。",
        "公共设施",
        State.REVIEWING,
        5,
    ),
    Demo(
        VILLAGE_A,
        "周阿姨",
        "垃圾分类投放点离三组太远",
        "现在的分类投放点在村东头，三组的老人要走十几分钟。"
        "建议在三组增设一个投放点，并安排定时清运。",
        "环境卫生",
        State.DELIBERATING,
        5,
    ),
    Demo(
        VILLAGE_A,
        "resident1",
        "河边加装护栏防止孩子落水",
        "河边那段小路没有护栏，暑假孩子多，很危险。建议加装护栏并竖警示牌。",
        "公共安全",
        State.VOTING,
        6,
    ),
    Demo(
        VILLAGE_A,
        "吴师傅",
        "广场舞音乐音量太大影响休息",
        "晚上九点以后广场舞音乐还很响，影响附近老人和学生休息。希望商量一个时间和音量的约定。",
        "矛盾纠纷",
        State.DECIDED,
        5,
    ),
    Demo(
        VILLAGE_A,
        "resident2",
        "老年活动室增设空调",
        "活动室夏天太热，老人们坐不住。建议安装两台空调，电费由村集体和使用者分担。",
        "社区服务",
        State.IMPLEMENTING,
        5,
    ),
    Demo(
        VILLAGE_A,
        "郑大姐",
        "修补二组道路坑洼",
        "二组主路有好几个大坑，下雨天积水，电动车容易打滑。",
        "公共设施",
        State.COMPLETED,
        6,
    ),
    Demo(
        VILLAGE_A,
        "冯老师",
        "给我家门口单独修一条路",
        "我家门口的土路不好走，希望村里出钱单独修一条水泥路。",
        "其他",
        State.REJECTED,
        5,
        reason="只涉及一户的私人通道，不属于村公共事务；可按“一事一议”自筹办理，村委会可协助联系施工队。",
    ),
    Demo(
        VILLAGE_A,
        "褚大哥",
        "外卖电动车乱停堵路",
        "中午外卖电动车停在路中间。",
        "社会治安",
        State.WITHDRAWN,
        1,
        reason="已和外卖站点沟通好了，先撤回。",
    ),
    Demo(
        VILLAGE_A,
        "resident1",
        "建议增设快递代收点",
        "快递都放在小卖部门口，经常丢件。建议在村委会旁边设一个代收点。",
        "社区服务",
        State.DRAFT,
    ),
    Demo(
        VILLAGE_B,
        "resident3",
        "邻居养狗深夜吠叫扰民",
        "东头邻居家的两条狗每天夜里叫，已经跟他们说过几次没有改善。希望村里出面调解，商量个办法。",
        "矛盾纠纷",
        State.REVIEWING,
        5,
    ),
    Demo(
        VILLAGE_B,
        "沈叔叔",
        "村道增设减速带",
        "村道直通省道，车开得很快，孩子上学不安全。建议在学校门口和村口各设一条减速带。",
        "公共安全",
        State.COLLECTING,
        3,
    ),
    Demo(
        VILLAGE_B,
        "韩大嫂",
        "自来水水压太低",
        "每天早上七点到八点水压特别低，楼上几乎没有水。",
        "公共设施",
        State.DELIBERATING,
        5,
    ),
    Demo(
        VILLAGE_B,
        "杨师傅",
        "健身器材损坏需要维修",
        "广场上的健身器材有两件坏了，螺丝松动，担心伤人。",
        "公共安全",
        State.COMPLETED,
        5,
    ),
]


def _neighbour(village: Region, name: str) -> User:
    username = f"demo-{village.pk}-{NEIGHBOURS[village.name].index(name)}"
    user, created = User.objects.get_or_create(username=username, defaults={"display_name": name})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    grant_membership(user=user, region=village, role=Role.RESIDENT)
    return user


def _person(name: str, village: Region) -> User:
    if name in NEIGHBOURS[village.name]:
        return _neighbour(village, name)
    return User.objects.get(username=name)


def _committee(village: Region) -> User:
    return User.objects.get(username="committee1" if village.name == VILLAGE_A else "committee2")


def _supporters(village: Region, author: User, count: int) -> list[User]:
    names = ["resident1", "resident2", "resident3"]
    people = [u for u in User.objects.filter(username__in=names) if u.pk != author.pk]
    people += [_neighbour(village, name) for name in NEIGHBOURS[village.name]]
    people = [p for p in people if p.pk != author.pk and may_participate(p, village)]
    return people[:count]


def _support(proposal: Proposal, supporters: list[User]) -> None:
    for supporter in supporters:
        if actions.support_proposal(supporter, proposal.pk).state != State.COLLECTING:
            break  # the threshold was reached: the matter went to review


def _make(demo: Demo, regions: dict[str, Region]) -> None:
    village = regions[demo.village]
    if Proposal.objects.filter(region=village, title=demo.title).exists():
        return
    author = _person(demo.author, village)
    category = Category.objects.get(name=demo.category)
    proposal = actions.create_proposal(
        author,
        title=demo.title,
        body=demo.body,
        category=category.pk,
        region=village.pk,
        submit=demo.state != State.DRAFT,
    )
    if demo.state == State.DRAFT:
        return
    committee = _committee(village)
    if demo.state == State.MERGED:
        _support(proposal, _supporters(village, author, demo.supporters))
        target = Proposal.objects.get(region=village, title=demo.merge_into)
        actions.merge_proposal(committee, proposal.pk, into=target.pk, reason=demo.reason)
        return
    _support(proposal, _supporters(village, author, demo.supporters))
    if demo.state == State.WITHDRAWN:
        actions.withdraw_proposal(author, proposal.pk, reason=demo.reason)
    elif demo.state == State.REJECTED:
        actions.reject_proposal(committee, proposal.pk, reason=demo.reason)
    elif demo.state in AFTER_REVIEW:
        actions.accept_proposal(committee, proposal.pk, reason="符合村务范围，进入议事厅协商。")
        for step in AFTER_REVIEW[demo.state][1:]:
            transition(proposal, step, committee)


def seed_consult(regions: dict[str, Region]) -> None:
    # Re-read the villages: treebeard's sorted inserts may have moved paths since they were made.
    regions = {name: Region.objects.get(pk=regions[name].pk) for name in (VILLAGE_A, VILLAGE_B)}
    with ratelimit.suspended():
        for village in (VILLAGE_A, VILLAGE_B):
            for name in NEIGHBOURS[village]:
                _neighbour(regions[village], name)
        for demo in DEMO:
            _make(demo, regions)
