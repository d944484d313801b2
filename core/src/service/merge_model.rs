//! Building the merge model of a document inside one read transaction, with the same access
//! checks as every query.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::context::{ReadCtx, load_settings};
use super::templates::letterhead_of;
use crate::bills::{Bill, StatementOfAccount};
use crate::error::Result;
use crate::ids::{ContactId, UserId};
use crate::matters::{Matter, PartyRole};
use crate::store::{DeadlineQuery, Page};
use crate::tasks::Assignee;
use crate::templates::model::{
    BillFields, ContactFields, DeadlineFields, FeeEarnerFields, FirmFields, KeyDateFields,
    MatterFields, PartyFields, PaymentFields, StatementFields, TaskFields,
};
use crate::templates::{Locale, MergeModel};
use crate::users::User;

/// The most deadlines or tasks a document lists.
const MAX_LISTED: u32 = 500;

/// What a document is about: a matter, a bill, a statement, or a mix.
#[derive(Debug, Default)]
pub(crate) struct ModelScope {
    /// The matter (already checked visible).
    pub matter: Option<Matter>,
    /// The bill (already checked visible).
    pub bill: Option<Bill>,
    /// The statement and the day it is drawn up to.
    pub statement: Option<(StatementOfAccount, NaiveDate)>,
}

/// Users by id, read once each.
struct Users<'c, 't> {
    ctx: &'c ReadCtx<'t>,
    seen: HashMap<UserId, Option<User>>,
}

impl Users<'_, '_> {
    fn get(&mut self, id: UserId) -> Result<Option<User>> {
        if let Some(user) = self.seen.get(&id) {
            return Ok(user.clone());
        }
        let user = self.ctx.tx.user(id)?;
        self.seen.insert(id, user.clone());
        Ok(user)
    }

    fn name(&mut self, id: Option<UserId>) -> Result<String> {
        Ok(match id {
            Some(id) => self.get(id)?.map(|u| u.name).unwrap_or_default(),
            None => String::new(),
        })
    }
}

fn contact_fields(
    ctx: &ReadCtx<'_>,
    id: ContactId,
    reference: Option<&str>,
) -> Result<Option<ContactFields>> {
    Ok(ctx
        .tx
        .contact(id)?
        .map(|c| ContactFields::of(&c, reference)))
}

/// Builds the model of a document about `scope`, dated `today`, sent by the actor.
pub(crate) fn build(ctx: &ReadCtx<'_>, scope: &ModelScope, today: NaiveDate) -> Result<MergeModel> {
    let settings = load_settings(ctx.tx)?;
    let letterhead = letterhead_of(ctx)?;
    let locale = letterhead
        .locale
        .unwrap_or_else(|| Locale::default_for(&settings));
    let mut users = Users {
        ctx,
        seen: HashMap::new(),
    };
    let mut model = MergeModel {
        firm: FirmFields::of(&settings, &letterhead, locale),
        today: locale.date(today),
        today_iso: today.to_string(),
        sender: FeeEarnerFields::of(&ctx.actor, "", locale),
        matter: None,
        client: None,
        clients: Vec::new(),
        parties: Vec::new(),
        fee_earners: Vec::new(),
        key_dates: Vec::new(),
        deadlines: Vec::new(),
        tasks: Vec::new(),
        bill: None,
        payments: Vec::new(),
        statement: None,
    };
    let mut earners: Vec<UserId> = Vec::new();
    let mut add_earner =
        |model: &mut MergeModel, users: &mut Users<'_, '_>, id: UserId, role: &str| -> Result<()> {
            if earners.contains(&id) {
                return Ok(());
            }
            earners.push(id);
            if let Some(user) = users.get(id)? {
                model
                    .fee_earners
                    .push(FeeEarnerFields::of(&user, role, locale));
            }
            Ok(())
        };
    if let Some(matter) = &scope.matter {
        let responsible = users
            .get(matter.responsible)?
            .map(|u| FeeEarnerFields::of(&u, "Responsible", locale))
            .unwrap_or_else(|| FeeEarnerFields::of(&ctx.actor, "Responsible", locale));
        let originating = users.name(matter.originating)?;
        model.matter = Some(MatterFields::of(matter, responsible, &originating, locale));
        add_earner(&mut model, &mut users, matter.responsible, "Responsible")?;
        if let Some(o) = matter.originating {
            add_earner(&mut model, &mut users, o, "Originating")?;
        }
        for member in &matter.team {
            add_earner(
                &mut model,
                &mut users,
                member.user,
                &FeeEarnerFields::team_role(member.role),
            )?;
        }
        for party in &matter.parties {
            let reference = party.reference.as_deref();
            let Some(contact) = contact_fields(ctx, party.contact, reference)? else {
                continue;
            };
            if party.role == PartyRole::Client {
                model.clients.push(contact);
                continue;
            }
            let acting_for = match party.acting_for.and_then(|p| matter.party(p).ok()) {
                Some(p) => ctx
                    .tx
                    .contact(p.contact)?
                    .map(|c| c.display_name())
                    .unwrap_or_default(),
                None => String::new(),
            };
            model.parties.push(PartyFields {
                role: party.role.as_str().to_owned(),
                role_label: crate::templates::model::label(party.role.as_str()),
                contact,
                acting_for,
            });
        }
        model.key_dates = matter
            .key_dates
            .iter()
            .map(|(k, d)| KeyDateFields::of(k, *d, locale))
            .collect();
        let query = DeadlineQuery {
            matter: Some(matter.id),
            open_only: true,
            ..DeadlineQuery::default()
        };
        for d in ctx
            .tx
            .deadlines(&query, &ctx.viewer(), Page::first(MAX_LISTED)?)?
            .items
        {
            let responsible = users.name(d.responsible)?;
            model
                .deadlines
                .push(DeadlineFields::of(&d, &responsible, locale));
        }
        let mut tasks: Vec<_> = ctx
            .tx
            .tasks_of_matter(matter.id)?
            .into_iter()
            .filter(|t| t.status.is_open())
            .collect();
        tasks.sort_by_key(|t| (t.due_date.is_none(), t.due_date));
        for t in tasks.iter().take(MAX_LISTED as usize) {
            let assignee = match t.assignee {
                Some(Assignee::User(u)) => users.name(Some(u))?,
                Some(Assignee::Contact(c)) => ctx
                    .tx
                    .contact(c)?
                    .map(|c| c.display_name())
                    .unwrap_or_default(),
                None => String::new(),
            };
            model
                .tasks
                .push(TaskFields::of(t, &assignee, today, locale));
        }
        model.client = model.clients.first().cloned();
    }
    if let Some(bill) = &scope.bill {
        let mut names = HashMap::new();
        for user in bill.lines.iter().filter_map(|l| l.user) {
            if let Some(u) = users.get(user)? {
                names.insert(user, u.name.clone());
            }
            add_earner(&mut model, &mut users, user, "Fee earner")?;
        }
        let credits = match bill.credits {
            Some(id) => ctx.tx.bill(id)?.and_then(|b| b.number),
            None => None,
        };
        model.bill = Some(BillFields::of(bill, &names, credits.as_deref(), locale));
        for payment in ctx.tx.payments_of_client(bill.client)? {
            for allocation in payment.allocations.iter().filter(|a| a.bill == bill.id) {
                model.payments.push(PaymentFields {
                    date: locale.date(payment.received_on),
                    amount: locale.money(allocation.amount, bill.currency),
                    method: payment.method.clone(),
                    reference: payment.reference.clone(),
                });
            }
        }
        let reference = scope.matter.as_ref().and_then(|m| {
            m.parties
                .iter()
                .find(|p| p.contact == bill.client)
                .and_then(|p| p.reference.clone())
        });
        model.client = contact_fields(ctx, bill.client, reference.as_deref())?;
    }
    if let Some((statement, as_of)) = &scope.statement {
        model.statement = Some(StatementFields::of(statement, *as_of, locale));
        model.client = contact_fields(ctx, statement.client, None)?;
    }
    Ok(model)
}
