//! `Matter` and its parts: `StatusChange`, `TeamMember`, `Party`, `EthicalWall`.

use lexcase::access::EthicalWall;
use lexcase::matters::{Matter, Party, StatusChange, TeamMember};
use pyo3::prelude::*;

use crate::record::py_record;

py_record! {
    /// One step of a matter's status history.
    PyStatusChange(StatusChange) as "StatusChange" eq;
    repr(from_status, to_status, on, reason);
    |s| {
        /// Previous status (`None` at creation).
        from_status = s.from,
        /// New status.
        to_status = s.to,
        /// Effective date, in the firm's time zone.
        on,
        /// When it was recorded (UTC).
        at,
        /// Who recorded it.
        by,
        /// Why (recorded for reopenings and archiving).
        reason,
    }
}

py_record! {
    /// A member of a matter's team with their matter role (`supervisor`, `fee_earner`,
    /// `paralegal`, `secretary`, `other`).
    PyTeamMember(TeamMember) as "TeamMember" eq hash;
    repr(user, role);
    |t| {
        /// The user.
        user,
        /// Their role on the matter.
        role,
    }
}

py_record! {
    /// A contact on a matter in a role (`client`, `opposing_party`, `opposing_counsel`,
    /// `co_counsel`, `court`, `judge`, `witness`, `expert`, `lender`, `agent`, `other`),
    /// optionally acting for another party.
    PyParty(Party) as "Party" eq;
    repr(id, contact, role, acting_for);
    |p| {
        /// This party's id on this matter.
        id,
        /// The contact.
        contact,
        /// Their role on the matter.
        role,
        /// The party they act for (counsel for X, agent for Y).
        acting_for,
        /// Their own reference for the matter.
        reference,
        /// When they were added (UTC).
        added_at,
    }
}

py_record! {
    /// An ethical wall: `user` is screened from the matter; for them it does not exist.
    PyEthicalWall(EthicalWall) as "EthicalWall" eq;
    repr(user, reason, by, at);
    |e| {
        /// The screened user.
        user,
        /// Why (for the compliance file).
        reason,
        /// Who put the wall up.
        by,
        /// When (UTC).
        at,
    }
}

py_record! {
    /// A matter (case). `status` is `pending`, `open`, `closed` or `archived`; `billing` is
    /// `hourly`, `fixed_fee`, `contingency` or `non_billable`; `visibility` is `firm` or `team`.
    PyMatter(Matter) as "Matter" eq;
    repr(id, number, title, status, version);
    |m| {
        /// Identifier.
        id,
        /// The firm's reference number, e.g. `SMI-0042`.
        number,
        /// Short title.
        title,
        /// Longer description.
        description,
        /// Practice area, e.g. "conveyancing".
        practice_area,
        /// Lifecycle status.
        status,
        /// Date first opened.
        opened_on,
        /// Date last closed (cleared on reopening; the history keeps every date).
        closed_on,
        /// Date archived.
        archived_on,
        /// Every status change, oldest first.
        status_history,
        /// Responsible fee earner.
        responsible,
        /// Originating fee earner (who brought the work in).
        originating,
        /// Further team members.
        team,
        /// Clients and other parties.
        parties,
        /// The client contacts' ids.
        clients = m.clients().collect::<Vec<_>>(),
        /// Billing arrangement kind.
        billing = m.billing.kind,
        /// ISO 4217 currency the matter is billed in.
        currency = m.billing.currency,
        /// Named key dates, e.g. "completion".
        key_dates,
        /// `firm` (everyone but walled users) or `team` (the team only).
        visibility = m.access.visibility,
        /// Ethical walls screening users from the matter.
        walls = m.access.walls,
        /// Who created it.
        created_by,
        /// When created (UTC).
        created_at,
        /// Optimistic-concurrency version.
        version,
        /// Custom field values by key (`str`, `int`, `bool`, `Decimal`, `date` or contact `UUID`).
        custom_fields,
    }
}
