"""Access: team-only matters and ethical walls, seen through the binding."""

from __future__ import annotations

import pytest

import lexcase
from conftest import Office


def test_team_only_matter_is_hidden_from_a_paralegal_off_the_team(office: Office) -> None:
    m = office.matter(visibility="team")
    assert m.visibility == "team"
    para = office.as_("paralegal").matters
    with pytest.raises(lexcase.NotFoundError):
        para.get(m.id)
    assert para.list().total == 0
    # The responsible fee earner and the admin (who sees restricted matters) still see it.
    assert office.as_("fee_earner").matters.get(m.id) == m
    assert office.admin.matters.list().total == 1
    # Put on the team, the paralegal sees it.
    paralegal = office.users["paralegal"].id
    m = office.admin.matters.add_team_member(m.id, m.version, paralegal, "paralegal")
    assert para.get(m.id).id == m.id
    m = office.admin.matters.set_visibility(m.id, m.version, "firm")
    assert office.as_("secretary").matters.get(m.id).visibility == "firm"
    with pytest.raises(lexcase.ValidationError):
        office.admin.matters.set_visibility(m.id, m.version, "everyone")


def test_an_ethical_wall_hides_the_matter_everywhere(office: Office) -> None:
    s = office.admin
    m = office.matter("Acacia Avenue purchase")
    walled_user = office.users["secretary"]
    walled = office.as_("secretary")
    assert walled.matters.get(m.id).id == m.id
    m = s.matters.add_ethical_wall(m.id, m.version, walled_user.id, "acted for the seller before")
    (wall,) = m.walls
    assert (wall.user, wall.reason, wall.by) == (
        walled_user.id,
        "acted for the seller before",
        office.users["admin"].id,
    )
    with pytest.raises(lexcase.NotFoundError) as err:
        walled.matters.get(m.id)
    assert err.value.entity == "matter"
    assert walled.matters.list().total == 0
    assert walled.matters.list(text="acacia").total == 0
    assert walled.matters.mine().total == 0
    assert walled.audit.history(m.id) == []
    assert all(e.matter != m.id for e in walled.audit.changes_since(0, 1000).events)
    with pytest.raises(lexcase.NotFoundError):
        walled.matters.set_key_date(m.id, m.version, "completion", None)
    with pytest.raises(lexcase.NotFoundError):
        walled.matters.update(m.id, m.version, title="Peek")
    # Everybody else still sees it.
    assert office.as_("paralegal").matters.list(text="acacia").total == 1
    # A team member cannot be walled; the wall comes down again.
    with pytest.raises(lexcase.ValidationError):
        s.matters.add_ethical_wall(m.id, m.version, office.users["fee_earner"].id, "x")
    m = s.matters.remove_ethical_wall(m.id, m.version, walled_user.id)
    assert m.walls == []
    assert walled.matters.get(m.id).id == m.id


def test_walls_need_the_capability(office: Office) -> None:
    m = office.matter()
    with pytest.raises(lexcase.PermissionDeniedError) as err:
        office.as_("fee_earner").matters.add_ethical_wall(
            m.id, m.version, office.users["secretary"].id, "reason"
        )
    assert err.value.action == "manage_matter_access"
