"""The demo places and people. Stable: tests, README and later demo data rely on them."""

from dataclasses import dataclass

from accounts.models import RegionKind, Role

DEMO_PASSWORD = "Demo-2026!"  # noqa: S105 - documented demo password, never used in production

RegionNode = tuple[str, str, list["RegionNode"]]  # (name, kind, children)

REGION_TREE: RegionNode = (
    "南通市",
    RegionKind.CITY,
    [
        (
            "崇川区",
            RegionKind.DISTRICT,
            [
                (
                    "和平桥街道",
                    RegionKind.TOWNSHIP,
                    [
                        ("幸福村", RegionKind.VILLAGE, []),  # 村A
                        ("和睦村", RegionKind.VILLAGE, []),  # 村B
                        ("桃园社区", RegionKind.COMMUNITY, []),
                    ],
                ),
                (
                    "钟秀街道",
                    RegionKind.TOWNSHIP,
                    [
                        ("钟秀社区", RegionKind.COMMUNITY, []),
                        ("新城社区", RegionKind.COMMUNITY, []),
                    ],
                ),
            ],
        ),
        (
            "海门区",
            RegionKind.DISTRICT,
            [
                (
                    "三厂街道",
                    RegionKind.TOWNSHIP,
                    [
                        ("永安村", RegionKind.VILLAGE, []),
                        ("大东村", RegionKind.VILLAGE, []),
                    ],
                ),
            ],
        ),
    ],
)

VILLAGE_A = "幸福村"
VILLAGE_B = "和睦村"
TOWNSHIP = "和平桥街道"
DISTRICT = "崇川区"
CITY = "南通市"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    phone: str
    display_name: str
    role: str | None
    place: str | None
    description: str


ACCOUNTS = [
    DemoAccount("resident1", "+8613800000001", "王秀英", Role.RESIDENT, VILLAGE_A, "村A 居民"),
    DemoAccount("resident2", "+8613800000002", "李建国", Role.RESIDENT, VILLAGE_A, "村A 居民"),
    DemoAccount("resident3", "+8613800000003", "张桂兰", Role.RESIDENT, VILLAGE_B, "村B 居民"),
    DemoAccount("committee1", "+8613800000011", "陈主任", Role.COMMITTEE, VILLAGE_A, "村A 村委会"),
    DemoAccount("committee2", "+8613800000012", "刘主任", Role.COMMITTEE, VILLAGE_B, "村B 村委会"),
    DemoAccount("staff1", "+8613800000021", "周干事", Role.STAFF, TOWNSHIP, "街道工作人员"),
    DemoAccount("editor1", "+8613800000031", "吴宣传", Role.EDITOR, CITY, "宣传员"),
    DemoAccount("dept1", "+8613800000041", "区住建局", Role.DEPARTMENT, DISTRICT, "部门"),
    DemoAccount("admin", "+8613800000099", "管理员", None, None, "超级管理员"),
]

# A newcomer waiting for committee1's decision, so the review queue is not empty.
APPLICANT = DemoAccount("newcomer", "+8613800000005", "赵新来", None, VILLAGE_A, "待审核的申请人")
