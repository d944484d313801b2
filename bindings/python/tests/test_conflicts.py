"""session.conflicts: spelling variants, company suffixes, former clients on closed matters,
affiliates, identifiers, walls, decisions and re-runs when parties change (the conformance
cases of tests/src/cases/conflicts.rs), and the name-matching module functions."""

from __future__ import annotations

import pytest

import lexcase
from conftest import Office


def new_matter(session: lexcase.Session, office: Office, title: str, client: lexcase.Contact) -> lexcase.Matter:
    return session.matters.create(
        title=title,
        practice_area="litigation",
        clients=[client.id],
        responsible=office.users["fee_earner"].id,
    )


def test_search_finds_variants_affiliates_and_former_clients(office: Office) -> None:
    fe = office.as_("fee_earner")
    admin = office.admin
    # A former client: Smith, on a matter now closed.
    smith = office.client("John", "Smith")
    old = new_matter(fe, office, "Smith purchase", smith)
    old = fe.matters.open(old.id, old.version)
    old = fe.matters.close(old.id, old.version)
    # Globex Corporation is the other side on a live matter; Dana works for Globex.
    globex = admin.contacts.create_organisation(
        name="Globex Corporation",
        identifiers=[lexcase.Identifier("company_number", "0123 4567", "GB")],
    )
    dana = office.client("Dana", "Scully")
    dana = admin.contacts.add_affiliation(
        dana.id, dana.version, kind="works_for", other=globex.id, position="General Counsel"
    )
    alice = office.client("Alice", "Brown")
    live = new_matter(fe, office, "Brown v Globex", alice)
    live = fe.matters.add_party(live.id, live.version, contact=globex.id, role="opposing_party")

    conflicts = fe.conflicts
    hits = conflicts.search(names=["Jon Smyth"])
    on_old = next(h for h in hits if h.matter == old.id)
    assert (on_old.role, on_old.matter_status) == ("client", "closed")
    assert on_old.matter_number == old.number
    assert (on_old.contact, on_old.name, on_old.query) == (smith.id, "John Smith", "Jon Smyth")
    assert on_old.explanation and on_old.reasons
    assert 600 <= on_old.score < 1000
    assert not on_old.withheld and on_old.via is None and on_old.decision is None

    hits = conflicts.search(names=["GLOBEX CORP."])
    adverse = next(h for h in hits if h.matter == live.id)
    assert (adverse.role, adverse.contact) == ("opposing_party", globex.id)
    assert "same_after_normalising" in [r.kind for r in adverse.reasons]
    # Dana is found through her employer.
    via = [h for h in hits if h.contact == dana.id]
    assert via and via[0].via is not None and "works for" in via[0].via
    assert "works for" in via[0].explanation
    # Best first.
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)

    # By company number, whatever its spacing.
    by_number = conflicts.search(identifiers=["01234567"])
    exact = [h for h in by_number if h.contact == globex.id]
    assert exact and exact[0].score == 1000
    assert [(r.kind, r.value) for r in exact[0].reasons] == [("identifier", "01234567")]
    assert conflicts.search(names=["Mary Jones"]) == []

    # Wall a second fee earner off the live matter: the hit stays, its details go.
    fe2_user = admin.users.create(name="Second Earner", email="fe2@smith.example", role="fee_earner")
    live = fe.matters.get(live.id)
    admin.matters.add_ethical_wall(live.id, live.version, fe2_user.id, "acts for Globex")
    walled = office.firm.session(fe2_user.id).conflicts.search(names=["Globex"])
    hidden = next(h for h in walled if h.withheld)
    assert (hidden.matter, hidden.matter_number, hidden.matter_status, hidden.role) == (None,) * 4
    assert hidden.contact == globex.id
    assert "cannot see" in hidden.explanation
    # The fee earner on the matter still sees where it is.
    assert not any(h.withheld for h in fe.conflicts.search(names=["Globex"]))

    with pytest.raises(lexcase.PermissionDeniedError):
        office.as_("read_only").conflicts.search(names=["x"])
    with pytest.raises(lexcase.ValidationError) as blank:
        conflicts.search(names=[" "])
    assert blank.value.field == "names"


def test_checks_are_stored_decided_and_rerun(office: Office) -> None:
    fe = office.as_("fee_earner")
    partner = office.as_("partner")
    acme = office.admin.contacts.create_organisation(name="Acme Widgets Ltd")
    first = new_matter(fe, office, "Acme supply dispute", acme)
    fe.matters.open(first.id, first.version)
    bob = office.client("Bob", "Stone")
    m = new_matter(fe, office, "Stone v Acme", bob)
    m = fe.matters.add_party(m.id, m.version, contact=acme.id, role="opposing_party")
    conflicts = fe.conflicts
    assert conflicts.get(m.id) is None
    check = conflicts.run(m.id)
    assert (check.matter, check.status, check.run_by) == (m.id, "hits", fe.actor_id)
    assert set(check.names) == {"Acme Widgets Ltd", "Bob Stone"}
    assert check.unresolved == len(check.hits) > 0
    index = next(i for i, h in enumerate(check.hits) if h.matter == first.id)
    assert check.hits[index].role == "client", "adverse to a current client"
    assert conflicts.get(m.id) == check

    # Waiving needs a partner (manage_matter_access); clearing does not, but needs a note.
    with pytest.raises(lexcase.PermissionDeniedError):
        conflicts.decide(m.id, check.version, hit=index, disposition="waived", note="consent on file")
    with pytest.raises(lexcase.ValidationError) as bad:
        conflicts.decide(m.id, check.version, hit=index, disposition="ignored", note="x")  # type: ignore[arg-type]
    assert bad.value.field == "disposition"
    with pytest.raises(lexcase.ValidationError) as no_note:
        conflicts.decide(m.id, check.version, hit=index, disposition="cleared", note=" ")
    assert no_note.value.field == "note"
    with pytest.raises(lexcase.NotFoundError):
        conflicts.decide(m.id, check.version, hit=len(check.hits), disposition="cleared", note="x")
    with pytest.raises(lexcase.StaleVersionError):
        partner.conflicts.decide(m.id, check.version + 1, hit=0, disposition="waived", note="x")

    for i in range(len(check.hits)):
        check = partner.conflicts.decide(
            m.id, check.version, hit=i, disposition="waived", note="informed consent confirmed in writing"
        )
    assert (check.status, check.unresolved) == ("resolved", 0)
    decision = check.hits[index].decision
    assert decision is not None
    assert (decision.disposition, decision.by) == ("waived", partner.actor_id)
    assert decision.note == "informed consent confirmed in writing"

    # A new party with a conflict of its own: the check runs again by itself.
    carol = office.client("Carol", "Danvers")
    elsewhere = new_matter(fe, office, "Danvers estate", carol)
    m = fe.matters.get(m.id)
    fe.matters.add_party(m.id, m.version, contact=carol.id, role="witness")
    rerun = conflicts.get(m.id)
    assert rerun is not None and rerun.version > check.version
    assert (rerun.status, rerun.unresolved) == ("hits", 1)
    assert any(h.matter == elsewhere.id and h.decision is None for h in rerun.hits)
    assert any(h.matter == first.id and h.decision is not None for h in rerun.hits), "decisions kept"

    # Declining one hit declines the check.
    new_index = next(i for i, h in enumerate(rerun.hits) if h.decision is None)
    declined = partner.conflicts.decide(
        m.id, rerun.version, hit=new_index, disposition="declined", note="acting for the estate"
    )
    assert declined.status == "declined"


def test_name_matching_functions() -> None:
    assert lexcase.soundex("Robert") == lexcase.soundex("Rupert") == "R163"
    assert lexcase.soundex("Smith") == lexcase.soundex("Smyth")
    found = lexcase.score_names("Jon Smyth", "John Smith")
    assert found is not None and 600 <= found.score < 1000
    assert "John Smith" in found.explanation
    kinds = {r.kind for r in found.reasons}
    assert kinds & {"similar", "sounds_like"}, kinds
    sounds = [r for r in found.reasons if r.kind == "sounds_like"]
    assert sounds and all(r.key is not None and r.shared is None for r in sounds)
    assert repr(sounds[-1]) == "MatchReason(kind='sounds_like', key='S530')"
    same = lexcase.score_names("GLOBEX CORP.", "Globex Corporation")
    assert same is not None and [r.kind for r in same.reasons][0] == "same_after_normalising"
    exact = lexcase.score_names("Acme Ltd", "Acme Ltd")
    assert exact is not None and exact.score == 1000
    assert lexcase.score_names("Mary Jones", "John Smith") is None
