import factory
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from board.models import Agency, Board, Role, RoleAssignment, Sector, User
from subgroups.models import SubGroup

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Test Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Test Safeguarding Children Board {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")
    local_authority = factory.Sequence(lambda n: f"Test Borough {n}")


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    board = factory.SubFactory(BoardFactory)
    role = Role.BOARD_MEMBER


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    sector = Sector.POLICE


class SubGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubGroup

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Sub-group {n}")


def signed_in_client(user: User) -> Client:
    """A test client signed in as `user`, with two-factor sign-in completed as a real
    sign-in would leave it (a confirmed authenticator device recorded in the session)."""
    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Test authenticator", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def user_with_role(board: Board, role: Role, **kwargs) -> User:
    user = UserFactory(**kwargs)
    RoleAssignmentFactory(user=user, board=board, role=role)
    return user
