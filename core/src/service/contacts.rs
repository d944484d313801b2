//! Contacts: people and organisations, firm-wide.

use chrono::NaiveDate;

use super::Session;
use super::context::WriteCtx;
use crate::access::Capability;
use crate::contacts::{
    Affiliation, AffiliationKind, Contact, ContactChanges, ContactKind, IdentityStatus,
    IdentityVerification, NewContact, VerificationMethod,
};
use crate::error::{LexcaseError, Result};
use crate::ids::ContactId;
use crate::store::{ContactQuery, Page, Paged};
use crate::text;

/// Contacts of the firm. Everybody may read them; changing needs `manage_contacts`.
#[derive(Debug)]
pub struct ContactService<'s> {
    session: &'s Session,
}

impl<'s> ContactService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    fn insert(ctx: &mut WriteCtx<'_>, new: NewContact) -> Result<Contact> {
        let contact = Contact::create(new, ctx.now)?;
        ctx.create(contact, "contact.created")
    }

    /// Creates a contact.
    pub fn create(&self, new: NewContact) -> Result<Contact> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageContacts)?;
            Self::insert(ctx, new)
        })
    }

    /// Creates many contacts in one transaction (imports): all or none.
    pub fn create_many(&self, new: Vec<NewContact>) -> Result<Vec<Contact>> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageContacts)?;
            new.into_iter().map(|n| Self::insert(ctx, n)).collect()
        })
    }

    /// A contact by id.
    pub fn get(&self, id: ContactId) -> Result<Contact> {
        self.session.read(|ctx| {
            ctx.tx
                .contact(id)?
                .ok_or_else(|| LexcaseError::not_found("contact"))
        })
    }

    /// Contacts whose name has a word starting with `name_prefix` (case and accents ignored;
    /// empty lists all), optionally of one kind, ordered by sort name.
    pub fn search(
        &self,
        name_prefix: &str,
        kind: Option<ContactKind>,
        page: Page,
    ) -> Result<Paged<Contact>> {
        if name_prefix.chars().count() > crate::validate::MAX_LINE {
            return Err(LexcaseError::validation("name_prefix", "too long"));
        }
        let folded = text::fold(name_prefix);
        let query = ContactQuery {
            name_prefix: (!folded.is_empty()).then_some(folded),
            kind,
        };
        self.session.read(|ctx| ctx.tx.contacts(&query, page))
    }

    fn change(
        &self,
        id: ContactId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Contact, &WriteCtx<'_>) -> Result<()>,
    ) -> Result<Contact> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageContacts)?;
            let before = ctx.contact(id)?;
            ctx.amend(before, expected_version, action, f)
        })
    }

    /// Changes names or replaces lists of details.
    pub fn update(
        &self,
        id: ContactId,
        expected_version: u64,
        changes: ContactChanges,
    ) -> Result<Contact> {
        self.change(id, expected_version, "contact.updated", |c, _| {
            c.apply(changes)
        })
    }

    /// Records the outcome of identity verification.
    pub fn record_identity_verification(
        &self,
        id: ContactId,
        expected_version: u64,
        status: IdentityStatus,
        checked_on: Option<NaiveDate>,
        method: Option<VerificationMethod>,
    ) -> Result<Contact> {
        self.change(
            id,
            expected_version,
            "contact.identity_recorded",
            |c, ctx| {
                c.identity = IdentityVerification::record(
                    status,
                    checked_on,
                    method,
                    ctx.actor.id,
                    ctx.now,
                    ctx.today()?,
                )?;
                Ok(())
            },
        )
    }

    /// Records that this contact works for / is a subsidiary of `other`.
    pub fn add_affiliation(
        &self,
        id: ContactId,
        expected_version: u64,
        kind: AffiliationKind,
        other: ContactId,
        position: Option<&str>,
    ) -> Result<Contact> {
        self.change(
            id,
            expected_version,
            "contact.affiliation_added",
            |c, ctx| {
                if other == id {
                    return Err(LexcaseError::validation(
                        "affiliation",
                        "a contact cannot be affiliated to itself",
                    ));
                }
                let target = ctx.contact(other)?;
                kind.check(c.kind, target.kind)?;
                if c.affiliations
                    .iter()
                    .any(|a| a.kind == kind && a.other == other)
                {
                    return Err(LexcaseError::Conflict {
                        reason: "the affiliation exists".into(),
                    });
                }
                if kind == AffiliationKind::SubsidiaryOf && subsidiary_cycle(ctx, id, other)? {
                    return Err(LexcaseError::validation(
                        "affiliation",
                        "would make an organisation its own parent",
                    ));
                }
                c.affiliations
                    .push(Affiliation::new(kind, other, position)?);
                Ok(())
            },
        )
    }

    /// Removes an affiliation.
    pub fn remove_affiliation(
        &self,
        id: ContactId,
        expected_version: u64,
        kind: AffiliationKind,
        other: ContactId,
    ) -> Result<Contact> {
        self.change(
            id,
            expected_version,
            "contact.affiliation_removed",
            |c, _| {
                let before = c.affiliations.len();
                c.affiliations
                    .retain(|a| !(a.kind == kind && a.other == other));
                if c.affiliations.len() == before {
                    return Err(LexcaseError::not_found("affiliation"));
                }
                Ok(())
            },
        )
    }
}

/// Whether `parent` is (transitively) a subsidiary of `child` already.
fn subsidiary_cycle(ctx: &WriteCtx<'_>, child: ContactId, parent: ContactId) -> Result<bool> {
    let mut frontier = vec![parent];
    let mut seen = std::collections::HashSet::new();
    while let Some(next) = frontier.pop() {
        if next == child {
            return Ok(true);
        }
        if !seen.insert(next) || seen.len() > 10_000 {
            continue;
        }
        let c = ctx.contact(next)?;
        frontier.extend(
            c.affiliations
                .iter()
                .filter(|a| a.kind == AffiliationKind::SubsidiaryOf)
                .map(|a| a.other),
        );
    }
    Ok(false)
}
