//! Probes of the read methods about matters, people, the calendar, documents and the audit
//! trail (see [`super::probes`]).

use lexcase::service::MatterFilter;
use lexcase::store::{DeadlineQuery, TaskQuery};

use super::probes::{Probe, Read, addressed, all, bytes, firmwide, out};

const SEARCHED: [&str; 3] = ["QXZ", "Zephyr", "Quill"];

fn audit_and_matters() -> Vec<Read> {
    vec![
        Read {
            service: "AuditService",
            method: "verify",
            probe: Probe::Disclosed(
                |s, _| out(s.audit().verify()),
                "chain verification counts every event of the firm (its owner keeps it as is)",
            ),
        },
        Read {
            service: "AuditService",
            method: "head",
            probe: Probe::Disclosed(
                |s, _| out(s.audit().head()),
                "the head to anchor outside the file is the last event of the firm's whole chain \
                 (needs view_audit, like verify)",
            ),
        },
        Read {
            service: "AuditService",
            method: "verify_against",
            probe: Probe::Disclosed(
                |s, _| {
                    let audit = s.audit();
                    out(audit.head().and_then(|head| match head {
                        Some(head) => audit.verify_against(&head).map(Some),
                        None => Ok(None),
                    }))
                },
                "verification against an anchored head counts every event of the firm, as verify",
            ),
        },
        Read {
            service: "AuditService",
            method: "verify_state",
            probe: Probe::Disclosed(
                |s, _| out(s.audit().verify_state()),
                "the check of every row of the file counts every row (needs view_audit; rows no \
                 event explains are listed by kind, id and field, never values)",
            ),
        },
        addressed("AuditService", "history", |s, _, i| {
            let ids = [
                i.matter.into(),
                i.matter2.into(),
                i.task.into(),
                i.communication.into(),
                i.bill.into(),
                i.joint_bill.into(),
                i.payment.into(),
                i.trust_entry.into(),
                i.time_entry.into(),
            ];
            out(ids
                .map(|id| s.audit().history(id))
                .into_iter()
                .collect::<Result<Vec<_>, _>>())
        }),
        firmwide("AuditService", "history", |s, k| {
            let ids = [
                k.open.into(),
                k.client.into(),
                k.fee_earner.into(),
                uuid::Uuid::nil(),
            ];
            out(ids
                .map(|id| s.audit().history(id))
                .into_iter()
                .collect::<Result<Vec<_>, _>>())
        }),
        firmwide("AuditService", "changes_since", |s, _| {
            out(s.audit().changes_since(0, 1000).map(|b| (b.events, b.more)))
        }),
        addressed("MatterService", "get", |s, _, i| {
            out(s.matters().get(i.matter))
        }),
        firmwide("MatterService", "list", |s, k| {
            let mut seen = vec![out(s.matters().list(MatterFilter::default(), all()))];
            for text in SEARCHED {
                let filter = MatterFilter {
                    text: Some(text.into()),
                    ..MatterFilter::default()
                };
                seen.push(out(s.matters().list(filter, all())));
            }
            let by_client = MatterFilter {
                client: Some(k.client),
                ..MatterFilter::default()
            };
            seen.push(out(s.matters().list(by_client, all())));
            seen.join("\n")
        }),
        firmwide("MatterService", "mine", |s, _| {
            out(s.matters().mine(None, all()))
        }),
        addressed("ConflictService", "get", |s, _, i| {
            out(s.conflicts().get(i.matter))
        }),
        firmwide("ConflictService", "get", |s, k| {
            out(s.conflicts().get(k.open))
        }),
        Read {
            service: "ConflictService",
            method: "search",
            probe: Probe::Disclosed(
                |s, _| {
                    let names = ["Zephyr Holdings plc".into(), "Quentin Quill".into()];
                    out(s.conflicts().search(&names, &[]))
                },
                "a walled user learns that a conflict exists, not where (the hit is withheld)",
            ),
        },
        firmwide("ContactService", "get", |s, k| {
            out(s.contacts().get(k.client)) + &out(s.contacts().get(k.zephyr))
        }),
        firmwide("ContactService", "search", |s, _| {
            SEARCHED
                .map(|t| out(s.contacts().search(t, None, all())))
                .join("\n")
        }),
        firmwide("InterchangeService", "export_contacts", |s, k| {
            out(s.interchange().export_contacts(&[k.client, k.zephyr]))
        }),
        firmwide("InterchangeService", "user_calendar", |s, k| {
            [k.fee_earner, k.partner]
                .map(|u| out(s.interchange().user_calendar(u, k.from, k.to)))
                .join("\n")
        }),
        addressed("InterchangeService", "matter_calendar", |s, _, i| {
            out(s.interchange().matter_calendar(i.matter))
        }),
        firmwide("SettingsService", "get", |s, _| out(s.settings().get())),
        firmwide("UserService", "me", |s, _| out(s.users().me())),
        firmwide("UserService", "get", |s, k| {
            out(s.users().get(k.fee_earner))
        }),
        firmwide("UserService", "list", |s, _| out(s.users().list(all()))),
    ]
}

fn work() -> Vec<Read> {
    vec![
        addressed("TaskService", "get", |s, _, i| out(s.tasks().get(i.task))),
        addressed("TaskService", "list", |s, _, i| {
            let query = TaskQuery {
                matter: Some(i.matter),
                ..TaskQuery::default()
            };
            out(s.tasks().list(query, all()))
        }),
        firmwide("TaskService", "list", |s, _| {
            out(s.tasks().list(TaskQuery::default(), all()))
        }),
        firmwide("TaskService", "mine", |s, _| out(s.tasks().mine(all()))),
        firmwide("TaskService", "team", |s, _| out(s.tasks().team(all()))),
        firmwide("TaskService", "overdue", |s, _| {
            out(s.tasks().overdue(all()))
        }),
        firmwide("TaskService", "due_this_week", |s, _| {
            out(s.tasks().due_this_week(all()))
        }),
        addressed("TaskService", "for_matter", |s, _, i| {
            out(s.tasks().for_matter(i.matter, all()))
        }),
        addressed("NoteService", "get", |s, _, i| out(s.notes().get(i.note))),
        addressed("NoteService", "for_matter", |s, _, i| {
            out(s.notes().for_matter(i.matter, all()))
        }),
        firmwide("NoteService", "for_contact", |s, k| {
            out(s.notes().for_contact(k.client, all()))
        }),
        firmwide("NoteService", "search", |s, _| {
            ["QXZ", "price", "Landlord"]
                .map(|t| out(s.notes().search(t, all())))
                .join("\n")
        }),
        addressed("DocumentService", "get", |s, _, i| {
            out(s.documents().get(i.document))
        }),
        addressed("DocumentService", "contents", |s, _, i| {
            bytes(s.documents().contents(i.document, None))
        }),
        addressed("DocumentService", "for_matter", |s, _, i| {
            out(s.documents().for_matter(i.matter, all()))
        }),
        firmwide("DocumentService", "search", |s, _| {
            ["QXZ", "share", "lease"]
                .map(|t| out(s.documents().search(t, all())))
                .join("\n")
        }),
        addressed("WorkflowService", "get", |s, _, i| {
            out(s.workflow().get(i.matter))
        }),
        addressed("WorkflowService", "report", |s, _, i| {
            out(s.workflow().report(i.matter))
        }),
        firmwide("WorkflowService", "template", |s, _| {
            out(s.workflow().template("ew-residential-purchase", None))
        }),
        firmwide("WorkflowService", "templates", |s, _| {
            out(s.workflow().templates())
        }),
        firmwide("WorkflowService", "stage_counts", |s, _| {
            out(s.workflow().stage_counts())
        }),
        firmwide("WorkflowService", "stuck", |s, _| {
            out(s.workflow().stuck(0, all()))
        }),
    ]
}

fn calendar_and_correspondence() -> Vec<Read> {
    vec![
        addressed("AppointmentService", "get", |s, _, i| {
            out(s.appointments().get(i.appointment))
        }),
        addressed("AppointmentService", "history", |s, _, i| {
            out(s.appointments().history(i.appointment))
        }),
        addressed("AppointmentService", "of_matter", |s, k, i| {
            out(s.appointments().of_matter(i.matter, k.from, k.to))
        }),
        firmwide("AppointmentService", "agenda", |s, k| {
            [k.fee_earner, k.partner]
                .map(|u| out(s.appointments().agenda(u, k.from, k.to)))
                .join("\n")
        }),
        firmwide("AppointmentService", "clashes", |s, k| {
            out(s.appointments().clashes(k.fee_earner, k.from, k.to))
        }),
        addressed("DocketService", "get", |s, _, i| {
            out(s.docket().get(i.deadline))
        }),
        addressed("DocketService", "history", |s, _, i| {
            out(s.docket().history(i.deadline))
        }),
        addressed("DocketService", "list", |s, _, i| {
            let query = DeadlineQuery {
                matter: Some(i.matter),
                ..DeadlineQuery::default()
            };
            out(s.docket().list(&query, all()))
        }),
        firmwide("DocketService", "list", |s, _| {
            out(s.docket().list(&DeadlineQuery::default(), all()))
        }),
        firmwide("DocketService", "entered_on", |s, k| {
            out(s.docket().entered_on(k.today, all()))
        }),
        firmwide("DocketService", "reminders", |s, k| {
            [None, Some(k.fee_earner)]
                .map(|u| out(s.docket().reminders(k.from, k.to, u)))
                .join("\n")
        }),
        addressed("CommunicationService", "get", |s, _, i| {
            out(s.communications().get(i.communication))
        }),
        addressed("CommunicationService", "of_matter", |s, _, i| {
            out(s.communications().of_matter(i.matter, all()))
        }),
        firmwide("CommunicationService", "unfiled", |s, _| {
            out(s.communications().unfiled(all()))
        }),
        addressed("CommunicationService", "raw_message", |s, _, i| {
            bytes(s.communications().raw_message(i.communication))
        }),
        addressed("CommunicationService", "attachment", |s, _, i| {
            bytes(s.communications().attachment(i.communication, 0))
        }),
    ]
}

/// The probes of this file.
pub fn reads() -> Vec<Read> {
    let mut reads = audit_and_matters();
    reads.extend(work());
    reads.extend(calendar_and_correspondence());
    reads
}
