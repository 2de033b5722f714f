"""Demo content for the Wagtail site, created through Wagtail's API so revisions exist.

The site, its sections, categories, groups and workflow come from `setup_site`
(cms/setup.py), which seed_demo runs first; this only adds sample pages and people.
Idempotent: a page that already exists (same slug under the same parent) is left alone.
"""

import io
from datetime import date
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from accounts.models import Membership, MembershipStatus, Role, User
from cms import actions, editorial
from cms.models import (
    ArticlePage,
    Category,
    ExemplarPage,
    HomePage,
    Honour,
    LegalQAPage,
    VillageRulesPage,
)
from cms.setup import RULES_SLUG, categories, publish_child
from demo.accounts import CITY, TOWNSHIP, VILLAGE_A, VILLAGE_B


def demo_image(title: str, colour: tuple[int, int, int], text: str) -> Any:
    """A small generated picture (no internet needed), reused on later runs."""
    from PIL import Image, ImageDraw

    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = Image.new("RGB", (640, 400), colour)
    draw = ImageDraw.Draw(picture)
    for i in range(0, 640, 40):
        draw.line([(i, 400), (i + 200, 0)], fill=tuple(min(255, c + 25) for c in colour), width=8)
    draw.rectangle([(40, 300), (600, 360)], fill=(255, 255, 255))
    draw.text((60, 318), text, fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image_(
        title=title, file=ImageFile(buffer, name=f"{text.lower().replace(' ', '-')}.png")
    )
    image.save()
    return image


def child(parent: Page, slug: str) -> Page:
    """A page setup_site made (a section, the rules index)."""
    return parent.get_children().get(slug=slug).specific


def p(*paragraphs: str) -> RichText:
    return RichText("".join(f"<p>{text}</p>" for text in paragraphs))


def heading(text: str) -> tuple[str, dict[str, str]]:
    return ("heading", {"text": text, "size": "h2"})


def provisions(*items: tuple[str, str, str]) -> tuple[str, list[dict[str, str]]]:
    return ("provisions", [{"law": law, "article": art, "text": text} for law, art, text in items])


def seed_moral(home: HomePage, cats: dict[str, Category], regions: dict[str, Any]) -> None:
    moral = child(home, "dezhi")
    photo = demo_image("幸福村孝老爱亲志愿服务", (179, 38, 30), "Xingfu village volunteers")
    publish_child(
        moral,
        ArticlePage(
            title="好家风润万家：幸福村开展“最美家庭”评选",
            slug="zuimei-jiating",
            summary="村里评出十户“最美家庭”，孝老爱亲、邻里和睦的故事在村民中传开。",
            category=cats["孝老爱亲"],
            body=[
                heading("评选怎么来的"),
                (
                    "paragraph",
                    p(
                        "今年春天，幸福村妇联和村民委员会一起发起“最美家庭”评选，"
                        "由各村民小组推荐、村民代表会议评议，最终评出十户家庭。"
                    ),
                ),
                ("image", {"image": photo, "caption": "志愿者上门看望独居老人"}),
                (
                    "quote",
                    {"text": "家和万事兴，邻里守望才有好日子。", "source": "获评家庭代表 王秀英"},
                ),
                (
                    "paragraph",
                    p(
                        "评选结果在村务公开栏和本平台同时公示，村民如有不同意见，可在七日内向村委会反映。"
                    ),
                ),
            ],
        ),
        tags=("家风", "孝老爱亲"),
        regions=(regions[VILLAGE_A],),
    )
    publish_child(
        moral,
        ArticlePage(
            title="移风易俗倡议书：红白喜事简办，人情往来减负",
            slug="yifeng-yisu",
            summary="街道倡议红事新办、白事简办，不攀比、不铺张，减轻群众人情负担。",
            category=cats["移风易俗"],
            body=[
                heading("倡议内容"),
                (
                    "paragraph",
                    RichText(
                        "<ul><li>婚事新办：提倡集体婚礼、旅行结婚，不索要高额彩礼。</li>"
                        "<li>丧事简办：文明祭扫，不大操大办。</li>"
                        "<li>人情往来：随礼量力而行，不互相攀比。</li></ul>"
                    ),
                ),
                ("paragraph", p("各村红白理事会负责宣传和劝导，村规民约中的相关条款同样适用。")),
            ],
        ),
        tags=("移风易俗", "红白理事会"),
        regions=(regions[TOWNSHIP],),
    )
    publish_child(
        moral,
        ArticlePage(
            title="远亲不如近邻：做个讲理让理的好邻居",
            slug="hao-linju",
            summary="楼道堆物、垃圾乱放、装修噪音……邻里小事，多商量、多体谅。",
            category=cats["矛盾纠纷"],
            body=[
                heading("邻里相处小约定"),
                (
                    "paragraph",
                    p(
                        "垃圾分类投放，不在楼道、路边堆放杂物；装修和家里办事尽量避开午休和夜间；",
                        "有了矛盾先当面好好说，说不通可以请网格员、村调解委员会来帮忙。",
                    ),
                ),
                ("quote", {"text": "千里修书只为墙，让他三尺又何妨。", "source": "六尺巷的故事"}),
            ],
        ),
        tags=("邻里", "调解", "垃圾分类"),
    )
    publish_child(
        moral,
        ExemplarPage(
            title="十年如一日照顾孤寡老人的李建国",
            slug="li-jianguo",
            summary="幸福村村民李建国十年来义务照顾同组三位孤寡老人。",
            honour=Honour.GOOD_DEEDS,
            person="李建国",
            village=regions[VILLAGE_A],
            photo=demo_image("李建国", (11, 92, 173), "Li Jianguo"),
            story=p(
                "每天早上六点，李建国都会先去看看同组的三位孤寡老人，帮忙买菜、打扫、送医。",
                "十年来，他从没把这当成负担：“都是一个村的，搭把手是应该的。”",
            ),
            category=cats["孝老爱亲"],
        ),
        tags=("好人好事",),
    )
    publish_child(
        moral,
        ExemplarPage(
            title="和睦村道德模范张桂兰：化解邻里矛盾的“老娘舅”",
            slug="zhang-guilan",
            summary="退休教师张桂兰担任村调解员八年，调解纠纷两百余起。",
            honour=Honour.MORAL_MODEL,
            person="张桂兰",
            village=regions[VILLAGE_B],
            photo=demo_image("张桂兰", (29, 107, 54), "Zhang Guilan"),
            story=p(
                "张桂兰退休后加入和睦村人民调解委员会。宅基地边界、赡养老人、邻里噪音，"
                "她总是先听双方把话说完，再摆事实、讲法律、论人情。",
                "八年来她参与调解纠纷两百余起，调解成功率超过九成。",
            ),
            category=cats["矛盾纠纷"],
        ),
        tags=("调解", "道德模范"),
    )


def seed_legal(home: HomePage, cats: dict[str, Category], regions: dict[str, Any]) -> None:
    legal = child(home, "fazhi")
    publish_child(
        legal,
        ArticlePage(
            title="邻里纠纷怎么办？人民调解免费又管用",
            slug="renmin-tiaojie",
            summary="人民调解不收费，调解协议有法律约束力，还可以申请法院司法确认。",
            category=cats["矛盾纠纷"],
            body=[
                heading("什么是人民调解"),
                (
                    "paragraph",
                    p(
                        "人民调解是在人民调解委员会主持下，以法律、法规、政策和社会公德为依据，"
                        "对民间纠纷双方进行说服、疏导，促使当事人平等协商、自愿达成调解协议。"
                    ),
                ),
                heading("怎么申请"),
                (
                    "paragraph",
                    RichText(
                        "<ol><li>到村（社区）人民调解委员会当面申请，或打电话说明情况；</li>"
                        "<li>调解员约双方到场，听取意见；</li>"
                        "<li>达成协议的，签订书面调解协议书。</li></ol>"
                    ),
                ),
                provisions(
                    (
                        "中华人民共和国人民调解法",
                        "第四条",
                        "人民调解委员会调解民间纠纷，不收取任何费用。",
                    ),
                    (
                        "中华人民共和国人民调解法",
                        "第三十一条",
                        "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。",
                    ),
                ),
            ],
        ),
        tags=("调解", "人民调解", "邻里"),
    )
    publish_child(
        legal,
        ArticlePage(
            title="垃圾分类有法可依：这些规定要知道",
            slug="laji-fenlei",
            summary="生活垃圾分为四类，乱扔乱倒可能被处罚；村里设有定时定点投放点。",
            category=cats["环境卫生"],
            body=[
                heading("四类垃圾"),
                (
                    "paragraph",
                    p("可回收物、有害垃圾、厨余垃圾和其他垃圾，请分别投放到对应颜色的垃圾桶。"),
                ),
                provisions(
                    (
                        "中华人民共和国固体废物污染环境防治法",
                        "第四十九条",
                        "产生生活垃圾的单位、家庭和个人应当依法履行生活垃圾源头减量和分类投放义务，"
                        "承担生活垃圾产生者责任。",
                    )
                ),
            ],
        ),
        tags=("垃圾分类", "环境卫生"),
        regions=(regions[CITY],),
    )
    publish_child(
        legal,
        ArticlePage(
            title="赡养老人是法定义务：子女不能推来推去",
            slug="shanyang-yiwu",
            summary="成年子女对父母有赡养、扶助和保护的义务，协商不成可申请调解或起诉。",
            category=cats["婚姻家庭"],
            body=[
                (
                    "paragraph",
                    p("兄弟姐妹之间可以协商分担赡养费，但不能以放弃继承权为由拒绝赡养。"),
                ),
                provisions(
                    (
                        "中华人民共和国民法典",
                        "第一千零六十七条",
                        "成年子女不履行赡养义务的，缺乏劳动能力或者生活困难的父母，"
                        "有要求成年子女给付赡养费的权利。",
                    )
                ),
            ],
        ),
        tags=("赡养", "调解"),
    )
    publish_child(
        legal,
        LegalQAPage(
            title="法律问答：邻里纠纷与人民调解",
            slug="falv-wenda",
            summary="六个村民最常问的问题：调解收不收费、协议算不算数、宅基地和噪音怎么办。",
            intro="以下解答由街道司法所整理，仅供参考；具体问题可到村调解委员会或司法所咨询。",
            category=cats["矛盾纠纷"],
            questions=[
                (
                    "qa",
                    {
                        "question": "找人民调解委员会调解要花钱吗？",
                        "answer": p("不要钱。人民调解委员会调解民间纠纷，不收取任何费用。"),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "调解协议签了以后，对方不履行怎么办？",
                        "answer": p(
                            "调解协议具有法律约束力。双方可以在协议生效之日起三十日内共同向人民法院申请司法确认，"
                            "确认后一方拒不履行的，另一方可以申请强制执行。"
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "邻居在公共楼道堆放杂物，我该怎么办？",
                        "answer": p(
                            "先和邻居当面沟通；沟通不成可以向网格员或村（居）委会反映，也可以在本平台提出议题，"
                            "请大家一起商量楼道管理办法。"
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "两家为宅基地边界吵起来了，能调解吗？",
                        "answer": p(
                            "可以。宅基地边界纠纷属于常见民间纠纷，调解员会查看宅基地证和历史资料，"
                            "必要时请镇（街道）自然资源所协助。"
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "楼上装修噪音太大，影响老人休息，有什么规定？",
                        "answer": p(
                            "《中华人民共和国噪声污染防治法》规定，装修应当按照规定限定作业时间，"
                            "采取有效措施减轻噪声影响。可以先协商，也可以请物业或调解委员会出面。"
                        ),
                    },
                ),
                (
                    "qa",
                    {
                        "question": "调解不成功，还能去法院吗？",
                        "answer": p(
                            "能。人民调解不是起诉的前置条件，调解不成的，当事人可以依法向人民法院提起诉讼。"
                            "经济困难的，可以向司法所申请法律援助。"
                        ),
                    },
                ),
                provisions(
                    (
                        "中华人民共和国人民调解法",
                        "第三十三条",
                        "经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，"
                        "可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。",
                    )
                ),
            ],
        ),
        tags=("调解", "人民调解", "邻里", "法律援助"),
    )


def seed_other_sections(home: HomePage, cats: dict[str, Category], regions: dict[str, Any]) -> None:
    notices = child(home, "gonggao")
    publish_child(
        notices,
        ArticlePage(
            title="关于开展冬季消防安全检查的通知",
            slug="xiaofang-jiancha",
            summary="12月起，网格员将逐户检查电动车充电和取暖用电安全。",
            category=cats["村务公开"],
            body=[("paragraph", p("请村民配合检查，电动车不进楼道、不私拉电线充电。"))],
        ),
        regions=(regions[TOWNSHIP],),
    )
    party = child(home, "dangjian")
    publish_child(
        party,
        ArticlePage(
            title="党员带头议事：幸福村“有事好商量”议事会成立",
            slug="yishihui",
            summary="村党支部牵头，村民代表、党员、乡贤共同组成议事会。",
            body=[("paragraph", p("议事会每月召开一次，议题由村民在平台上提出、附议后进入议程。"))],
        ),
        regions=(regions[VILLAGE_A],),
    )


def seed_rules(home: HomePage, cats: dict[str, Category], regions: dict[str, Any]) -> None:
    index = child(home, RULES_SLUG)
    publish_child(
        index,
        VillageRulesPage(
            title="幸福村村规民约",
            slug="xingfu",
            village=regions[VILLAGE_A],
            summary="经幸福村村民会议表决通过，全体村民共同遵守。",
            version_label="2026年修订版",
            adopted_on=date(2026, 3, 15),
            category=cats["村务公开"],
            body=[
                heading("第一章 总则"),
                (
                    "paragraph",
                    p(
                        "第一条 为推进村民自治，建设文明和谐幸福村，"
                        "根据有关法律法规，结合本村实际，制定本村规民约。"
                    ),
                ),
                heading("第二章 环境卫生"),
                (
                    "paragraph",
                    p(
                        "第二条 村民应当做好垃圾分类，定时定点投放，不得在河道、路边倾倒垃圾。",
                        "第三条 房前屋后实行“门前三包”，不乱堆乱放。",
                    ),
                ),
                heading("第三章 邻里关系"),
                (
                    "paragraph",
                    p(
                        "第四条 邻里之间互谅互让、互帮互助。发生纠纷的，先协商解决；协商不成的，"
                        "可申请村人民调解委员会调解。"
                    ),
                ),
                heading("第四章 移风易俗"),
                (
                    "paragraph",
                    p("第五条 红白喜事由村红白理事会指导，婚事新办、丧事简办，反对铺张浪费。"),
                ),
                provisions(
                    (
                        "中华人民共和国村民委员会组织法",
                        "第二十七条",
                        "村民会议可以制定和修改村民自治章程、村规民约，并报乡、民族乡、镇的人民政府备案。",
                    )
                ),
            ],
        ),
    )


def link_demo_groups() -> None:
    """宣传员 follows approved editor memberships; the admin belongs to every group."""
    for membership in Membership.objects.filter(role=Role.EDITOR, status=MembershipStatus.APPROVED):
        actions.sync_editor_group(membership.user)
    admin = User.objects.filter(username="admin").first()
    if admin is not None:
        admin.groups.add(*Group.objects.filter(name__in=[editorial.EDITORS, editorial.MODERATORS]))
    for page in VillageRulesPage.objects.select_related("village"):
        actions.sync_rules_editors(page)


def seed_cms(regions: dict[str, Any]) -> None:
    home = HomePage.objects.get()
    cats = categories()
    seed_moral(home, cats, regions)
    seed_legal(home, cats, regions)
    seed_other_sections(home, cats, regions)
    seed_rules(home, cats, regions)
    link_demo_groups()
