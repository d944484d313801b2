"""Fixtures: a firm on an in-memory database with one user in every role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest

import lexcase

ROLES = ("admin", "partner", "fee_earner", "paralegal", "secretary", "accounts", "read_only")


def new_firm(path: str = ":memory:") -> tuple[lexcase.Firm, lexcase.User]:
    """An initialised firm and its first admin."""
    firm = lexcase.open(path)
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


@pytest.fixture
def office() -> Iterator[Office]:
    firm, admin = new_firm()
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
