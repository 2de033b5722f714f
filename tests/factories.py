"""Factories for the tests. Prefer the `world` personas in conftest for permission tests."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import Membership, MembershipStatus, Region, RegionKind, Role, User

PASSWORD = "Test-pass-2026!"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    phone = factory.Sequence(lambda n: f"+86139{n:08d}")
    phone_verified = True
    display_name = factory.Sequence(lambda n: f"居民{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


def add_region(name: str, kind: str, parent: Region | None = None) -> Region:
    if parent is None:
        return Region.add_root(name=name, kind=kind)
    return Region.objects.get(pk=parent.pk).add_child(name=name, kind=kind)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.RESIDENT
    status = MembershipStatus.APPROVED


def village_tree() -> dict[str, Region]:
    """市 → 区 → 街道 → 村A, 村B; plus another township with 村C."""
    city = add_region("测试市", RegionKind.CITY)
    district = add_region("测试区", RegionKind.DISTRICT, city)
    township = add_region("测试街道", RegionKind.TOWNSHIP, district)
    village_a = add_region("村A", RegionKind.VILLAGE, township)
    village_b = add_region("村B", RegionKind.VILLAGE, township)
    other_township = add_region("另一街道", RegionKind.TOWNSHIP, district)
    village_c = add_region("村C", RegionKind.VILLAGE, other_township)
    return {
        "city": Region.objects.get(pk=city.pk),
        "district": Region.objects.get(pk=district.pk),
        "township": Region.objects.get(pk=township.pk),
        "village_a": Region.objects.get(pk=village_a.pk),
        "village_b": Region.objects.get(pk=village_b.pk),
        "other_township": Region.objects.get(pk=other_township.pk),
        "village_c": Region.objects.get(pk=village_c.pk),
    }
