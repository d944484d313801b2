//! The firm the systematic walk runs in, before the walled matter exists: a client on a matter
//! everyone may see with data in every area, the contacts the walled matter will use, the
//! firm's billing settings and a custom field. What the partner sees of it is the baseline
//! every firm-wide read must still give once the walled matter holds data everywhere.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::appointments::{Attendee, NewAppointment, Schedule};
use lexcase::contacts::{Email, NewContact};
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::documents::NewDocument;
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind};
use lexcase::money::Currency;
use lexcase::notes::NoteSubject;
use lexcase::tasks::{NewTask, TaskDue};
use lexcase::timekeeping::FirmBillingSettings;
use lexcase::{ContactId, MatterId, UserId};

use super::fixture::{Walled, day, dec};
use super::records::{email, ingest, issue_bill, pay, receive};

/// What the walk may name before the walled matter exists.
pub struct Known {
    /// The client of the open matter (and of the walled ones to come).
    pub client: ContactId,
    /// The organisation that will be the walled matter's opposing party.
    pub zephyr: ContactId,
    /// The matter everyone may see.
    pub open: MatterId,
    /// The fee earner responsible for every matter.
    pub fee_earner: UserId,
    /// The partner (walled from the matter to come).
    pub partner: UserId,
    /// Today by the firm's clock.
    pub today: NaiveDate,
    /// A window of dates around today.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// The firm's currency.
    pub gbp: Currency,
}

/// A time in London.
pub fn london(start: &str, end: &str) -> Schedule {
    let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
    Schedule::timed(at(start), at(end), "Europe/London")
}

/// Puts data in every area on the open matter and returns what the walk may name.
pub fn build(w: &Walled) -> Known {
    let f = &w.f;
    let settings = f.admin.settings().get().unwrap();
    let def = CustomFieldDefinition::new("deal_code", "Deal code", CustomFieldKind::Text, vec![]);
    f.admin
        .settings()
        .define_custom_field(settings.version, def.unwrap())
        .unwrap();
    let billing = FirmBillingSettings {
        tax_rate: dec("0.20"),
        ..FirmBillingSettings::default()
    };
    f.accounts.time().set_billing_settings(billing, 0).unwrap();
    let mut zephyr = NewContact::organisation("Zephyr Holdings plc");
    zephyr.emails = vec![Email::new("deals@zephyr.example", None).unwrap()];
    let zephyr = f.admin.contacts().create(zephyr).unwrap();
    let open = &w.open;
    f.fee_earner.conflicts().run(open.id).unwrap();
    f.fee_earner
        .workflow()
        .start(open.id, "ew-residential-purchase", None)
        .unwrap();
    f.fee_earner
        .tasks()
        .create(NewTask {
            matter: Some(open.id),
            title: "Lease plan".into(),
            due: Some(TaskDue::On {
                date: day("2026-12-01"),
            }),
            ..NewTask::default()
        })
        .unwrap();
    f.fee_earner
        .notes()
        .add(
            NoteSubject::Matter(open.id),
            "Landlord wants a longer term.",
        )
        .unwrap();
    let doc = NewDocument {
        matter: open.id,
        name: "Draft lease".into(),
        category: "lease".into(),
        media_type: "text/plain".into(),
    };
    f.fee_earner
        .documents()
        .add(doc, b"lease", Some("lease renewal draft"))
        .unwrap();
    let mut meeting = NewAppointment::new(
        "Lease meeting",
        london("2026-12-02T10:00:00", "2026-12-02T11:00:00"),
    );
    meeting.matter = Some(open.id);
    meeting.attendees = vec![Attendee::User(f.fee_earner.actor_id())];
    f.fee_earner.appointments().create(meeting).unwrap();
    let trigger = DeadlineTrigger::Date {
        date: day("2026-11-30"),
    };
    let rule = builtin_rule("cpr-acknowledgment-of-service").unwrap();
    f.fee_earner
        .docket()
        .add(NewDeadline::new(open.id, rule, trigger))
        .unwrap();
    let raw = email(
        &format!("[{}] lease", open.number),
        "Lease attached",
        "lease@q.example",
    );
    ingest(w, &raw);
    receive(w, open.id, w.client.id, "250.00");
    let bill = issue_bill(w, &[open], "Lease renewal");
    pay(w, "50.00", Some(bill.id), "LEASE-1");
    super::records::time(w, open, 1200, "Lease call");
    Known {
        client: w.client.id,
        zephyr: zephyr.id,
        open: open.id,
        fee_earner: f.fee_earner.actor_id(),
        partner: f.partner.actor_id(),
        today: f.firm.today().unwrap(),
        from: day("2026-11-01"),
        to: day("2027-03-31"),
        gbp: Currency::parse("GBP").unwrap(),
    }
}
