//! The walled matter of the systematic walk, with data in every area: parties, a conflict
//! check with a decision, the lifecycle over a gate, workflow, tasks (one anchored), notes,
//! documents with versions, the calendar, deadlines (one chained), email with an attachment,
//! a recorded call and a filed unfiled message, time, a timer, an expense, billing terms, an
//! invoice with an adjustment and a credit note, a bill over two walled matters with a
//! write-off, payments, client money with a transfer and a reversal, compliance overrides.
//! Every text carries the marker `QXZ`; the amounts are unusual; the ids are collected.

use lexcase::appointments::{Attendee, NewAppointment};
use lexcase::bills::{Allocation, Bill, BillStatus, FeeArrangement, NewPayment};
use lexcase::client_money::{ClientMoneyEntryKind, NewClientMoneyEntry};
use lexcase::communications::{Channel, Direction, NewCommunication, Participant, ParticipantRole};
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::documents::{DocumentStatus, NewDocument};
use lexcase::matters::{CustomValue, HitDisposition, Matter, PartyRole};
use lexcase::notes::NoteSubject;
use lexcase::service::DraftRequest;
use lexcase::tasks::{DueAnchor, NewTask, TaskDue, TaskStatus};
use lexcase::timekeeping::{ExpenseTax, NewExpense, NewTimeEntry, TermsScope};
use lexcase::{
    AppointmentId, BillId, CommunicationId, DeadlineId, DocumentId, ExpenseId, MatterId, NoteId,
    PaymentId, TaskId, TimeEntryId, TrustEntryId,
};
use rust_decimal::Decimal;

use super::fixture::{Walled, day, dec, gbp};
use super::records::{ingest, stranger_email};
use super::world::{Known, london};

/// Ids of records of the walled matter — or, for comparison, of records that do not exist.
#[derive(Debug, Clone)]
pub struct Ids {
    /// The walled matter.
    pub matter: MatterId,
    /// A second walled matter of the same client.
    pub matter2: MatterId,
    /// A task.
    pub task: TaskId,
    /// A note.
    pub note: NoteId,
    /// A document.
    pub document: DocumentId,
    /// A calendar entry.
    pub appointment: AppointmentId,
    /// A deadline.
    pub deadline: DeadlineId,
    /// An email with an attachment.
    pub communication: CommunicationId,
    /// A time entry.
    pub time_entry: TimeEntryId,
    /// An expense.
    pub expense: ExpenseId,
    /// An invoice.
    pub bill: BillId,
    /// A bill over both walled matters.
    pub joint_bill: BillId,
    /// A payment of the invoice.
    pub payment: PaymentId,
    /// A client-money receipt.
    pub trust_entry: TrustEntryId,
}

impl Ids {
    /// Ids that name nothing.
    pub fn missing() -> Self {
        Self {
            matter: MatterId::new(),
            matter2: MatterId::new(),
            task: TaskId::new(),
            note: NoteId::new(),
            document: DocumentId::new(),
            appointment: AppointmentId::new(),
            deadline: DeadlineId::new(),
            communication: CommunicationId::new(),
            time_entry: TimeEntryId::new(),
            expense: ExpenseId::new(),
            bill: BillId::new(),
            joint_bill: BillId::new(),
            payment: PaymentId::new(),
            trust_entry: TrustEntryId::new(),
        }
    }
}

/// The walled matters' ids and every string that would give them away.
pub struct Secret {
    /// The ids.
    pub ids: Ids,
    /// Ids, numbers, texts and amounts that must never reach a walled viewer.
    pub strings: Vec<String>,
}

fn walled_matter(w: &Walled, title: &str) -> Matter {
    let mut new = w.f.new_matter(title, vec![w.client.id]);
    new.originating = None;
    new.description = "QXZ confidential".into();
    let mut m = w.f.fee_earner.matters().create(new).unwrap();
    for s in w.walled_out() {
        m =
            w.f.admin
                .matters()
                .add_ethical_wall(m.id, m.version, s.actor_id(), "QXZ")
                .unwrap();
    }
    m
}

fn email_with_attachment(subject: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: Quentin Quill <quentin@quill.example>\r\nTo: fern.earner@smith.example\r\n\
         Subject: {subject}\r\nDate: Thu, 26 Nov 2026 16:05:00 +0000\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nQXZ heads of terms attached.\r\n\
         --B\r\nContent-Type: text/plain\r\n\
         Content-Disposition: attachment; filename=\"QXZ-heads.txt\"\r\n\r\nQXZ price 41m\r\n--B--\r\n"
    )
    .into_bytes()
}

fn draft(w: &Walled, matters: Vec<MatterId>) -> Bill {
    let bills = w.f.accounts.bills();
    bills
        .draft(DraftRequest {
            client: w.client.id,
            matters,
            period_from: day("2026-11-01"),
            period_to: day("2026-11-30"),
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: "QXZ professional services".into(),
        })
        .unwrap()
}

fn issue(w: &Walled, bill: Bill) -> Bill {
    let bills = w.f.accounts.bills();
    let bill = bills
        .transition(bill.id, bill.version, BillStatus::Approved)
        .unwrap();
    bills.issue(bill.id, bill.version).unwrap()
}

/// Puts data in every area on two matters the partner and the second admin are walled from.
pub fn build(w: &Walled, k: &Known) -> Secret {
    let f = &w.f;
    let fe = &f.fee_earner;
    let mut strings: Vec<String> = vec!["QXZ".into(), "7351.29".into(), "7777.77".into()];
    let m = walled_matter(w, "QXZ takeover");
    let m2 = walled_matter(w, "QXZ bid financing");
    let ms = fe.matters();
    let m = ms
        .add_party(
            m.id,
            m.version,
            k.zephyr,
            PartyRole::OpposingParty,
            None,
            None,
        )
        .unwrap();
    let m = ms
        .set_custom_field(
            m.id,
            m.version,
            "deal_code",
            Some(CustomValue::Text("QXZ-1".into())),
        )
        .unwrap();
    let m = ms
        .set_key_date(m.id, m.version, "completion", Some(day("2026-12-18")))
        .unwrap();
    let check = fe.conflicts().run(m.id).unwrap();
    if !check.hits.is_empty() {
        let decide = |c: &lexcase::matters::ConflictCheck| {
            fe.conflicts()
                .decide(m.id, c.version, 0, HitDisposition::Cleared, "QXZ cleared")
        };
        decide(&check).unwrap();
    }
    let m = ms.get(m.id).unwrap();
    let m = f
        .admin
        .matters()
        .open_overriding(m.id, m.version, "QXZ urgent")
        .unwrap();
    let progress = fe
        .workflow()
        .start(m.id, "ew-residential-purchase", None)
        .unwrap();
    fe.workflow()
        .complete_item(
            m.id,
            progress.version,
            "conflict_check",
            Some("QXZ checked"),
        )
        .unwrap();

    let task = |title: &str, due| {
        fe.tasks()
            .create(NewTask {
                matter: Some(m.id),
                title: title.into(),
                due: Some(due),
                ..NewTask::default()
            })
            .unwrap()
    };
    let t1 = task(
        "QXZ data room",
        TaskDue::On {
            date: day("2026-12-10"),
        },
    );
    task(
        "QXZ board pack",
        TaskDue::Relative {
            anchor: DueAnchor::Task(t1.id),
            days: 2,
            unit: lexcase::calendar::DayUnit::BusinessDays,
        },
    );
    fe.tasks()
        .set_status(t1.id, t1.version, TaskStatus::Complete)
        .unwrap();

    let note = fe
        .notes()
        .add(NoteSubject::Matter(m.id), "QXZ note: price 41m")
        .unwrap();
    fe.notes()
        .edit(note.id, note.version, "QXZ note: price 42m")
        .unwrap();
    let docs = fe.documents();
    let doc = |name: &str, category: &str| {
        let new = NewDocument {
            matter: m.id,
            name: name.into(),
            category: category.into(),
            media_type: "text/plain".into(),
        };
        docs.add(new, b"QXZ contents", Some("QXZ share purchase"))
            .unwrap()
    };
    let spa = doc("QXZ SPA", "contract");
    let spa = docs
        .add_version(spa.id, spa.version, b"QXZ v2", "text/plain", Some("QXZ v2"))
        .unwrap();
    docs.set_status(spa.id, spa.version, DocumentStatus::Final)
        .unwrap();
    let receipt = doc("QXZ courier receipt", "receipt");

    let mut hearing = NewAppointment::new(
        "QXZ hearing",
        london("2026-12-03T10:00:00", "2026-12-03T12:00:00"),
    );
    hearing.matter = Some(m.id);
    hearing.location = "QXZ room".into();
    hearing.recurrence = Some("FREQ=WEEKLY;COUNT=3".into());
    hearing.attendees = vec![Attendee::User(k.fee_earner)];
    let appointment = fe.appointments().create(hearing).unwrap();

    let rule = || builtin_rule("cpr-acknowledgment-of-service").unwrap();
    let d1 = fe
        .docket()
        .add(NewDeadline {
            title: Some("QXZ acknowledgment".into()),
            ..NewDeadline::new(
                m.id,
                rule(),
                DeadlineTrigger::Date {
                    date: day("2026-12-01"),
                },
            )
        })
        .unwrap();
    fe.docket()
        .add(NewDeadline::new(
            m.id,
            rule(),
            DeadlineTrigger::Deadline { id: d1.id },
        ))
        .unwrap();
    let key = DeadlineTrigger::KeyDate {
        name: "completion".into(),
    };
    fe.docket()
        .add(NewDeadline::new(m.id, rule(), key))
        .unwrap();

    let subject = format!("[{}] QXZ heads of terms", m.number);
    let mail = ingest(w, &email_with_attachment(&subject, "qxz1@quill.example"));
    let tip = ingest(
        w,
        &stranger_email("QXZ tip", "QXZ whistle", "qxz2@x.example"),
    );
    let tip = tip.communication;
    f.admin
        .communications()
        .file(tip.id, tip.version, m.id)
        .unwrap();
    let call = NewCommunication {
        matter: Some(m.id),
        channel: Channel::Phone,
        direction: Direction::Outbound,
        occurred_at: f.firm.now(),
        subject: "QXZ call".into(),
        body: "QXZ discussed price".into(),
        participants: vec![
            Participant::new(ParticipantRole::To, "Zephyr", "deals@zephyr.example").unwrap(),
        ],
    };
    fe.communications().record(call).unwrap();

    let time = fe.time();
    let entry = time
        .record(NewTimeEntry::new(
            m.id,
            day("2026-11-20"),
            7 * 3600 + 13 * 60,
            "QXZ drafting",
        ))
        .unwrap();
    time.record(NewTimeEntry::new(
        m2.id,
        day("2026-11-21"),
        3 * 3600 + 7,
        "QXZ financing",
    ))
    .unwrap();
    time.start_timer(m.id, "QXZ timed call").unwrap();
    let start = crate::fixture::start_instant();
    f.clock.set(start + chrono::Duration::minutes(17));
    time.stop_timer(None).unwrap();
    f.clock.set(start);
    let expense = time
        .record_expense(NewExpense {
            matter: m.id,
            date: day("2026-11-22"),
            description: "QXZ courier".into(),
            quantity: Decimal::ONE,
            unit_cost: gbp("43.21").into(),
            expense_code: None,
            vendor: "QXZ couriers".into(),
            receipt: Some(receipt.id),
            tax: ExpenseTax::Disbursement,
            billable: true,
        })
        .unwrap();
    let terms = f.accounts.time().terms(TermsScope::Matter(m.id)).unwrap();
    f.accounts.time().set_terms(terms.into(), 0).unwrap();

    let bills = f.accounts.bills();
    let invoice = draft(w, vec![m.id]);
    let invoice = bills
        .add_adjustment(
            invoice.id,
            invoice.version,
            "QXZ success fee",
            dec("7777.77"),
            true,
        )
        .unwrap();
    let invoice = issue(w, invoice);
    let invoice = bills
        .credit_note(invoice.id, invoice.version, dec("100.00"), "QXZ goodwill")
        .map(|note| {
            strings.push(note.id.to_string());
            strings.extend(note.number.clone());
            bills.get(invoice.id).unwrap()
        })
        .unwrap();
    time.record(NewTimeEntry::new(
        m.id,
        day("2026-11-23"),
        3600,
        "QXZ joint",
    ))
    .unwrap();
    time.record(NewTimeEntry::new(
        m2.id,
        day("2026-11-23"),
        1800,
        "QXZ joint",
    ))
    .unwrap();
    let joint = issue(w, draft(w, vec![m.id, m2.id]));
    let joint = f
        .accounts
        .payments()
        .write_off(joint.id, joint.version, dec("10.00"), "QXZ small balance")
        .unwrap();
    let pay = |amount: &str, bill: Option<BillId>, reference: &str| {
        let allocations = bill.map(|bill| Allocation {
            bill,
            amount: dec(amount),
        });
        f.accounts
            .payments()
            .record(NewPayment {
                client: w.client.id,
                received_on: day("2026-11-26"),
                amount: gbp(amount).into(),
                method: "bank transfer".into(),
                reference: reference.into(),
                allocations: allocations.into_iter().collect(),
            })
            .unwrap()
    };
    let payment = pay("555.55", Some(invoice.id), "QXZ-PAY-1");
    let held = pay("66.66", None, "QXZ-PAY-2");
    f.accounts
        .payments()
        .allocate(held.id, held.version, joint.id, dec("66.66"))
        .unwrap();

    let money = f.accounts.client_money();
    let entry_of = |kind, amount: &str, bill, reverses| NewClientMoneyEntry {
        matter: m.id,
        client: w.client.id,
        kind,
        amount: gbp(amount).into(),
        date: day("2026-11-24"),
        reference: "QXZ-REF".into(),
        counterparty: "QXZ counterparty".into(),
        description: "QXZ funds".into(),
        bill,
        reverses,
    };
    let receipt_in = money
        .record(
            entry_of(ClientMoneyEntryKind::Receipt, "7351.29", None, None),
            None,
        )
        .unwrap();
    money
        .record(
            entry_of(
                ClientMoneyEntryKind::TransferToOffice,
                "1000.00",
                Some(invoice.id),
                None,
            ),
            None,
        )
        .unwrap();
    let out = money
        .record(
            entry_of(ClientMoneyEntryKind::Payment, "123.45", None, None),
            None,
        )
        .unwrap();
    money
        .record(
            NewClientMoneyEntry::reversing(&out, day("2026-11-25"), "QXZ wrong payee"),
            None,
        )
        .unwrap();

    for bill in [&invoice, &joint] {
        strings.push(bill.id.to_string());
        strings.extend(bill.number.clone());
        strings.push(bill.totals.total.to_string());
    }
    strings.extend([
        m.id.to_string(),
        m.number.clone(),
        m2.id.to_string(),
        m2.number.clone(),
        payment.id.to_string(),
        held.id.to_string(),
        mail.communication.id.to_string(),
        tip.id.to_string(),
    ]);
    Secret {
        ids: Ids {
            matter: m.id,
            matter2: m2.id,
            task: t1.id,
            note: note.id,
            document: spa.id,
            appointment: appointment.id,
            deadline: d1.id,
            communication: mail.communication.id,
            time_entry: entry.id,
            expense: expense.id,
            bill: invoice.id,
            joint_bill: joint.id,
            payment: payment.id,
            trust_entry: receipt_in.id,
        },
        strings,
    }
}
