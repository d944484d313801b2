//! Interchange: a user's or a matter's calendar as iCalendar, contacts as vCard 4.0 and back.

use chrono::{DateTime, NaiveDate, Utc};

use super::Session;
use super::context::{ReadCtx, load_settings};
use crate::access::Capability;
use crate::appointments::{Appointment, Attendee, Schedule};
use crate::contacts::{Contact, NewContact};
use crate::docket::Deadline;
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, UserId};
use crate::interchange::{
    ICalendar, IcalAttendee, appointment_events, contacts_to_vcards, deadline_todo, parse_vcards,
    task_todo,
};
use crate::notes::{Note, NoteSubject};
use crate::progress::{Counter, Progress, Silent};
use crate::store::{DeadlineQuery, Paged, TaskQuery};
use crate::tasks::Task;

/// The PRODID of every calendar lexcase writes.
const PRODID: &str = concat!("-//lexcase//lexcase ", env!("CARGO_PKG_VERSION"), "//EN");

/// The most contacts one export or import takes.
const MAX_CARDS: usize = 10_000;

/// iCalendar export of calendars, deadlines and tasks; vCard export and import of contacts.
#[derive(Debug)]
pub struct InterchangeService<'s> {
    session: &'s Session,
}

/// Names and addresses of an entry's attendees for ATTENDEE lines.
fn attendees(ctx: &ReadCtx<'_>, entry: &Appointment) -> Result<Vec<IcalAttendee>> {
    let mut out = Vec::new();
    for attendee in &entry.attendees {
        match *attendee {
            Attendee::User(id) => {
                if let Some(user) = ctx.tx.user(id)? {
                    out.push(IcalAttendee {
                        name: user.name,
                        email: Some(user.email),
                    });
                }
            }
            Attendee::Contact(id) => {
                if let Some(contact) = ctx.tx.contact(id)? {
                    out.push(IcalAttendee {
                        name: contact.display_name(),
                        email: contact.emails.first().map(|e| e.address.clone()),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// Builds one calendar from entries, deadlines and tasks.
fn calendar(
    ctx: &ReadCtx<'_>,
    entries: &[Appointment],
    deadlines: &[Deadline],
    tasks: &[Task],
    dtstamp: DateTime<Utc>,
) -> Result<String> {
    let mut cal = ICalendar::new(PRODID);
    for entry in entries {
        for event in appointment_events(entry, &attendees(ctx, entry)?, dtstamp)? {
            cal.add_event(event)?;
        }
    }
    for todo in deadlines.iter().filter_map(|d| deadline_todo(d, dtstamp)) {
        cal.add_todo(todo)?;
    }
    for todo in tasks.iter().filter_map(|t| task_todo(t, dtstamp)) {
        cal.add_todo(todo)?;
    }
    Ok(cal.to_ics())
}

impl<'s> InterchangeService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// A user's calendar between two dates (inclusive, firm's zone) as iCalendar: the
    /// entries they organise or attend (whole series), the deadlines they are responsible
    /// for and the tasks assigned to them falling due in the range — on matters the actor
    /// may see.
    pub fn user_calendar(&self, user: UserId, from: NaiveDate, to: NaiveDate) -> Result<String> {
        if to < from {
            return Err(LexcaseError::validation(
                "to",
                "the range ends before it starts",
            ));
        }
        let dtstamp = self.session.firm().now();
        self.session.read(|ctx| {
            let zone = load_settings(ctx.tx)?.zone()?;
            let (start, end) = Schedule::all_day(from, to).span(zone)?;
            let entries = ctx
                .tx
                .appointments_for_user(user, start, end, &ctx.viewer())?;
            let deadlines = Paged::collect_all(|page| {
                let query = DeadlineQuery {
                    responsible: Some(user),
                    due_from: Some(from),
                    due_to: Some(to),
                    ..DeadlineQuery::default()
                };
                ctx.tx.deadlines(&query, &ctx.viewer(), page)
            })?;
            let tasks = Paged::collect_all(|page| {
                let query = TaskQuery {
                    assignee: Some(user),
                    due_from: Some(from),
                    due_to: Some(to),
                    ..TaskQuery::default()
                };
                ctx.tx.tasks(&query, &ctx.viewer(), page)
            })?;
            calendar(ctx, &entries, &deadlines, &tasks, dtstamp)
        })
    }

    /// A matter's whole calendar as iCalendar: its entries, deadlines and dated tasks.
    pub fn matter_calendar(&self, matter: MatterId) -> Result<String> {
        let dtstamp = self.session.firm().now();
        // Years 1 to 9999: every instant a schedule can name, as sortable text.
        let all_time = DateTime::from_timestamp(-62_135_596_800, 0)
            .zip(DateTime::from_timestamp(253_402_300_799, 0))
            .ok_or_else(|| LexcaseError::storage("time range out of bounds"))?;
        self.session.read(|ctx| {
            ctx.matter(matter)?;
            let entries = ctx
                .tx
                .appointments_of_matter(matter, all_time.0, all_time.1)?;
            let deadlines = Paged::collect_all(|page| {
                let query = DeadlineQuery {
                    matter: Some(matter),
                    ..DeadlineQuery::default()
                };
                ctx.tx.deadlines(&query, &ctx.viewer(), page)
            })?;
            let tasks = ctx.tx.tasks_of_matter(matter)?;
            calendar(ctx, &entries, &deadlines, &tasks, dtstamp)
        })
    }

    /// Contacts as vCard 4.0, in the order given (an unknown id is not found).
    pub fn export_contacts(&self, ids: &[ContactId]) -> Result<String> {
        crate::validate::bounded("contacts", ids, MAX_CARDS)?;
        self.session.read(|ctx| {
            let contacts = ids
                .iter()
                .map(|id| {
                    ctx.tx
                        .contact(*id)?
                        .ok_or_else(|| LexcaseError::not_found("contact"))
                })
                .collect::<Result<Vec<Contact>>>()?;
            Ok(contacts_to_vcards(&contacts))
        })
    }

    /// Imports vCards (3.0 is refused; 4.0 only) as new contacts, with each card's NOTE as a
    /// note on its contact — all in one transaction: a bad card imports nothing.
    pub fn import_contacts(&self, vcf: &str) -> Result<Vec<Contact>> {
        self.import_contacts_with_progress(vcf, &mut Silent)
    }

    /// [`InterchangeService::import_contacts`], reporting each card imported to `progress`
    /// (phase `contacts.import`, of the cards read); a cancel ends it with
    /// [`LexcaseError::Cancelled`] and rolls the whole import back: no contact is created.
    pub fn import_contacts_with_progress(
        &self,
        vcf: &str,
        progress: &mut dyn Progress,
    ) -> Result<Vec<Contact>> {
        let cards = parse_vcards(vcf)?;
        crate::validate::bounded("contacts", &cards, MAX_CARDS)?;
        self.session.write(|ctx| {
            ctx.require(Capability::ManageContacts)?;
            let mut counter =
                Counter::start(progress, "contacts.import", Some(cards.len() as u64))?;
            let mut created = Vec::with_capacity(cards.len());
            for card in cards {
                let new: NewContact = card.contact;
                let contact = ctx.create(Contact::create(new, ctx.now)?, "contact.imported")?;
                if let Some(text) = card.note.as_deref().filter(|n| !n.trim().is_empty()) {
                    let note = Note::create(
                        NoteSubject::Contact(contact.id),
                        text,
                        ctx.actor.id,
                        ctx.now,
                    )?;
                    ctx.create(note, "note.added")?;
                }
                created.push(contact);
                counter.step()?;
            }
            Ok(created)
        })
    }
}
