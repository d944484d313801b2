"""Fixtures: a firm with one user in every role, on an in-memory SQLite database and, when
``LEXCASE_TEST_PG_URL`` names a PostgreSQL database (``scripts/test.sh`` starts one), on a new
firm of that database too: every test taking ``office`` (or ``backend``) runs on both."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest

import lexcase

PG_URL = os.environ.get("LEXCASE_TEST_PG_URL")
PG_OWNER_URL = os.environ.get("LEXCASE_TEST_PG_OWNER_URL")
BACKENDS = ["sqlite"] + (["postgres"] if PG_URL else [])


@pytest.fixture(scope="session", autouse=True)
def postgres_schema() -> None:
    """Migrates the PostgreSQL test database once, as its owner, granting the application role
    (as a deployment does); without an owner URL the application role migrates it itself."""
    if PG_URL and PG_OWNER_URL:
        lexcase.migrate_postgres(
            PG_OWNER_URL, app_role=os.environ.get("LEXCASE_TEST_PG_APP_ROLE", "lexcase_app")
        )

ROLES = ("admin", "partner", "fee_earner", "paralegal", "secretary", "accounts", "read_only")


def open_new(backend: str = "sqlite") -> lexcase.Firm:
    """A new, empty firm: in memory, or a new firm of the PostgreSQL test database."""
    if backend == "postgres":
        assert PG_URL is not None
        return lexcase.open(PG_URL, firm=uuid.uuid4())
    return lexcase.open(":memory:")


def new_firm(path: str = ":memory:", backend: str = "sqlite") -> tuple[lexcase.Firm, lexcase.User]:
    """An initialised firm and its first admin."""
    firm = open_new(backend) if path == ":memory:" else lexcase.open(path)
    admin = firm.initialise(
        name="Smith & Partners LLP",
        currency="GBP",
        matter_number_format="{CLIENT3}-{SEQ:4}",
        time_zone="Europe/London",
        admin_name="Ada Admin",
        admin_email="ada@smith.example",
    )
    return firm, admin


@dataclass(frozen=True)
class Office:
    """A firm with a user in every role, and helpers to act as them."""

    firm: lexcase.Firm
    users: dict[str, lexcase.User]

    def as_(self, role: str) -> lexcase.Session:
        """A session acting as the user holding `role`."""
        return self.firm.session(self.users[role].id)

    @property
    def admin(self) -> lexcase.Session:
        return self.as_("admin")

    def client(self, given: str = "Jane", family: str = "Smith") -> lexcase.Contact:
        return self.admin.contacts.create_person(given_name=given, family_name=family)

    def matter(
        self,
        title: str = "Purchase of 12 Acacia Avenue",
        *,
        client: lexcase.Contact | None = None,
        responsible: str = "fee_earner",
        visibility: str = "firm",
    ) -> lexcase.Matter:
        """A pending matter for `client` (a new "Jane Smith" by default)."""
        client = client or self.client()
        return self.admin.matters.create(
            title=title,
            practice_area="conveyancing",
            clients=[client.id],
            responsible=self.users[responsible].id,
            visibility=visibility,
        )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The store a test runs on: ``sqlite``, and ``postgres`` when a database is configured."""
    name: str = request.param
    return name


@pytest.fixture
def office(backend: str) -> Iterator[Office]:
    firm, admin = new_firm(backend=backend)
    session = firm.session(admin.id)
    users = {"admin": admin}
    for role in ROLES[1:]:
        users[role] = session.users.create(
            name=f"{role.replace('_', ' ').title()} User",
            email=f"{role}@smith.example",
            role=role,
            default_rate=Decimal("100.00") if role in ("partner", "fee_earner") else None,
        )
    yield Office(firm=firm, users=users)
