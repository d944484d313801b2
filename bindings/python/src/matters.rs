//! `session.matters`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lexcase::access::Visibility;
use lexcase::matters::{
    BillingArrangement, BillingKind, MatterChanges, MatterRole, MatterStatus, NewMatter, PartyRole,
    TeamMember,
};
use lexcase::money::Currency;
use lexcase::service::{MatterFilter, Session};
use lexcase::{ContactId, MatterId, PartyId, UserId};
use pyo3::prelude::*;

use crate::convert::{
    DateArg, Id, custom_value, date_opt, id_opt, mapping_items, page, parse, parse_opt, run,
};
use crate::matter_types::PyMatter;
use crate::page::PyPage;

/// `key_dates=`: a mapping of names to `datetime.date`.
#[derive(Default)]
pub(crate) struct KeyDates(BTreeMap<String, NaiveDate>);

impl<'a, 'py> FromPyObject<'a, 'py> for KeyDates {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        mapping_items(&obj, "key_dates")?
            .into_iter()
            .map(|(name, date)| Ok((name.extract()?, date.extract::<DateArg>()?.0)))
            .collect::<PyResult<_>>()
            .map(Self)
    }
}

/// `originating=` of `update`: left as it is unless given; `None` clears it.
#[derive(Default)]
pub(crate) enum Originating {
    /// Not given: leave it.
    #[default]
    Leave,
    /// Given: a user, or `None` to clear.
    Set(Option<UserId>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Originating {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Ok(Self::Set(id_opt(obj.extract::<Option<Id<UserId>>>()?)))
    }
}

fn currency(code: Option<&str>) -> PyResult<Option<Currency>> {
    code.map(|c| Currency::parse(c).map_err(crate::errors::to_py))
        .transpose()
}

/// Matters (`session.matters`). A matter the acting user may not see (an ethical wall, or
/// team-only and not on the team) does not exist for them: reads, lists, counts and writes all
/// behave as if it were absent (`NotFoundError`).
#[pyclass(frozen, module = "lexcase", name = "MatterService")]
pub struct PyMatterService(pub Session);

#[pymethods]
impl PyMatterService {
    /// Opens a new matter file in status `pending` with the next number. `currency` defaults
    /// to the firm's; `team` is a sequence of `(user_id, matter_role)` pairs.
    #[pyo3(signature = (*, title, practice_area, clients, responsible, originating=None, description="", billing="hourly", currency=None, visibility="firm", team=Vec::new(), key_dates=KeyDates::default()))]
    fn create(
        &self,
        py: Python<'_>,
        title: String,
        practice_area: String,
        clients: Vec<Id<ContactId>>,
        responsible: Id<UserId>,
        originating: Option<Id<UserId>>,
        description: &str,
        billing: &str,
        currency: Option<&str>,
        visibility: &str,
        team: Vec<(Id<UserId>, String)>,
        key_dates: KeyDates,
    ) -> PyResult<PyMatter> {
        let kind = parse::<BillingKind>(billing)?;
        let currency = self::currency(currency)?;
        let visibility = parse::<Visibility>(visibility)?;
        let team = team
            .into_iter()
            .map(|(Id(user), role)| {
                Ok(TeamMember {
                    user,
                    role: parse::<MatterRole>(&role)?,
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        run(py, || {
            self.0.matters().create(NewMatter {
                title,
                description: description.to_owned(),
                practice_area,
                clients: clients.into_iter().map(|Id(c)| c).collect(),
                responsible: responsible.0,
                originating: id_opt(originating),
                billing: kind,
                currency,
                visibility,
                team,
                key_dates: key_dates.0,
            })
        })
        .map(PyMatter)
    }

    /// A matter by id.
    fn get(&self, py: Python<'_>, id: Id<MatterId>) -> PyResult<PyMatter> {
        run(py, || self.0.matters().get(id.0)).map(PyMatter)
    }

    /// Matters the acting user may see, newest first, with the total count. `text` matches
    /// words of the number, the title and the parties' names (case and accents ignored);
    /// `fee_earner` matches the responsible, originating and team members.
    #[pyo3(signature = (*, status=None, practice_area=None, fee_earner=None, client=None, text=None, offset=0, limit=50, after=None) -> "Page[Matter]")]
    fn list(
        &self,
        py: Python<'_>,
        status: Option<&str>,
        practice_area: Option<String>,
        fee_earner: Option<Id<UserId>>,
        client: Option<Id<ContactId>>,
        text: Option<String>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let filter = MatterFilter {
            status: parse_opt::<MatterStatus>(status)?,
            practice_area,
            fee_earner: id_opt(fee_earner),
            client: id_opt(client),
            text,
        };
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.matters().list(filter, page))?;
        PyPage::new(py, paged, PyMatter)
    }

    /// The acting user's matters (responsible, originating or on the team), newest first.
    #[pyo3(signature = (*, status=None, offset=0, limit=50, after=None) -> "Page[Matter]")]
    fn mine(
        &self,
        py: Python<'_>,
        status: Option<&str>,
        #[pyo3(from_py_with = crate::ints::offset)] offset: i64,
        #[pyo3(from_py_with = crate::ints::limit)] limit: i64,
        after: Option<String>,
    ) -> PyResult<PyPage> {
        let status = parse_opt::<MatterStatus>(status)?;
        let page = page(offset, limit, after)?;
        let paged = run(py, || self.0.matters().mine(status, page))?;
        PyPage::new(py, paged, PyMatter)
    }

    /// Changes details; an argument left out leaves its field as it is. `originating=None`
    /// clears the originating fee earner. `billing` and `currency` make up the billing
    /// arrangement: given one alone, the other keeps the matter's current value.
    #[pyo3(signature = (id, expected_version, *, title=None, description=None, practice_area=None, responsible=None, originating=Originating::Leave, billing=None, currency=None))]
    fn update(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        title: Option<String>,
        description: Option<String>,
        practice_area: Option<String>,
        responsible: Option<Id<UserId>>,
        originating: Originating,
        billing: Option<&str>,
        currency: Option<&str>,
    ) -> PyResult<PyMatter> {
        let kind = parse_opt::<BillingKind>(billing)?;
        let currency = self::currency(currency)?;
        let originating = match originating {
            Originating::Leave => None,
            Originating::Set(user) => Some(user),
        };
        run(py, || {
            let billing = match (kind, currency) {
                (None, None) => None,
                (Some(kind), Some(currency)) => Some(BillingArrangement { kind, currency }),
                // The core takes the arrangement whole: complete it from the matter as it is
                // (a stale `expected_version` still fails in `update`).
                (kind, currency) => {
                    let current = self.0.matters().get(id.0)?.billing;
                    Some(BillingArrangement {
                        kind: kind.unwrap_or(current.kind),
                        currency: currency.unwrap_or(current.currency),
                    })
                }
            };
            let changes = MatterChanges {
                title,
                description,
                practice_area,
                responsible: id_opt(responsible),
                originating,
                billing,
            };
            self.0.matters().update(id.0, expected_version, changes)
        })
        .map(PyMatter)
    }

    /// Pending → open (the date opened is today in the firm's time zone). With compliance
    /// packs in force, blocking rules without an override refuse it (`ValidationError` on
    /// `rules`, naming them).
    fn open(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
    ) -> PyResult<PyMatter> {
        run(py, || self.0.matters().open(id.0, expected_version)).map(PyMatter)
    }

    /// Pending → open past blocking compliance rules: each is recorded as overridden with
    /// `reason` (kept, see `ComplianceService.overrides`). Needs `override_workflow_gates`.
    fn open_overriding(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        reason: &str,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0
                .matters()
                .open_overriding(id.0, expected_version, reason)
        })
        .map(PyMatter)
    }

    /// Open → closed.
    #[pyo3(signature = (id, expected_version, reason=None))]
    fn close(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        reason: Option<String>,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0.matters().close(id.0, expected_version, reason)
        })
        .map(PyMatter)
    }

    /// Closed → open again; the reason is required and recorded.
    fn reopen(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        reason: &str,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0.matters().reopen(id.0, expected_version, reason)
        })
        .map(PyMatter)
    }

    /// Closed (or never-opened pending) → archived; archived matters are read-only.
    #[pyo3(signature = (id, expected_version, reason=None))]
    fn archive(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        reason: Option<String>,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0.matters().archive(id.0, expected_version, reason)
        })
        .map(PyMatter)
    }

    /// Adds a contact as a party in `role`, optionally acting for another party (a party id).
    #[pyo3(signature = (id, expected_version, *, contact, role, acting_for=None, reference=None))]
    fn add_party(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        contact: Id<ContactId>,
        role: &str,
        acting_for: Option<Id<PartyId>>,
        reference: Option<String>,
    ) -> PyResult<PyMatter> {
        let role = parse::<PartyRole>(role)?;
        run(py, || {
            self.0.matters().add_party(
                id.0,
                expected_version,
                contact.0,
                role,
                id_opt(acting_for),
                reference,
            )
        })
        .map(PyMatter)
    }

    /// Removes a party (never the last client, never one that others act for).
    fn remove_party(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        party: Id<PartyId>,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0
                .matters()
                .remove_party(id.0, expected_version, party.0)
        })
        .map(PyMatter)
    }

    /// Changes a party's role.
    fn change_party_role(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        party: Id<PartyId>,
        role: &str,
    ) -> PyResult<PyMatter> {
        let role = parse::<PartyRole>(role)?;
        run(py, || {
            self.0
                .matters()
                .change_party_role(id.0, expected_version, party.0, role)
        })
        .map(PyMatter)
    }

    /// Records that `party` acts for the party `acting_for` (or for nobody with `None`).
    fn set_party_acting_for(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        party: Id<PartyId>,
        acting_for: Option<Id<PartyId>>,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0.matters().set_party_acting_for(
                id.0,
                expected_version,
                party.0,
                id_opt(acting_for),
            )
        })
        .map(PyMatter)
    }

    /// Adds a user to the team in a matter role (or changes their matter role).
    fn add_team_member(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        user: Id<UserId>,
        role: &str,
    ) -> PyResult<PyMatter> {
        let role = parse::<MatterRole>(role)?;
        run(py, || {
            self.0
                .matters()
                .add_team_member(id.0, expected_version, user.0, role)
        })
        .map(PyMatter)
    }

    /// Takes a user off the team.
    fn remove_team_member(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        user: Id<UserId>,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0
                .matters()
                .remove_team_member(id.0, expected_version, user.0)
        })
        .map(PyMatter)
    }

    /// Sets a named key date, or removes it with `None`.
    fn set_key_date(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        name: &str,
        date: Option<DateArg>,
    ) -> PyResult<PyMatter> {
        let date = date_opt(date);
        run(py, || {
            self.0
                .matters()
                .set_key_date(id.0, expected_version, name, date)
        })
        .map(PyMatter)
    }

    /// Sets a custom field defined in the firm settings, or clears it with `None`. The value's
    /// Python type picks its kind: `str` (text or choice), `bool`, `int`, `Decimal`,
    /// `datetime.date` or a contact's `UUID`. A `float` is refused.
    #[pyo3(signature = (id, expected_version, key, value: "_CustomValueArg"))]
    fn set_custom_field(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        key: &str,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<PyMatter> {
        let value = custom_value(value)?;
        run(py, || {
            self.0
                .matters()
                .set_custom_field(id.0, expected_version, key, value)
        })
        .map(PyMatter)
    }

    /// Makes the matter firm-visible (`firm`) or team-only (`team`).
    fn set_visibility(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        visibility: &str,
    ) -> PyResult<PyMatter> {
        let visibility = parse::<Visibility>(visibility)?;
        run(py, || {
            self.0
                .matters()
                .set_visibility(id.0, expected_version, visibility)
        })
        .map(PyMatter)
    }

    /// Puts up an ethical wall screening `user` from the matter.
    fn add_ethical_wall(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        user: Id<UserId>,
        reason: &str,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0
                .matters()
                .add_ethical_wall(id.0, expected_version, user.0, reason)
        })
        .map(PyMatter)
    }

    /// Takes down an ethical wall.
    fn remove_ethical_wall(
        &self,
        py: Python<'_>,
        id: Id<MatterId>,
        #[pyo3(from_py_with = crate::ints::expected_version)] expected_version: u64,
        user: Id<UserId>,
    ) -> PyResult<PyMatter> {
        run(py, || {
            self.0
                .matters()
                .remove_ethical_wall(id.0, expected_version, user.0)
        })
        .map(PyMatter)
    }
}
