//! The leaks of issue 11, one case each: what a viewer behind a wall used to learn, and now
//! does not.

use lexcase::ErrorCode;
use lexcase::bills::BillKind;
use lexcase::client_money::BankStatement;
use lexcase::contacts::NewContact;
use lexcase::matters::PartyRole;
use lexcase::money::Currency;

use super::fixture::{Walled, assert_feed_silent, day, feed, gbp};
use super::records::{email, ingest, issue_bill, pay, receive, stranger_email};
use crate::fixture::{SharedStore, assert_code};

/// Item 1: A conflict check of a matter the partner may see that hits the walled matter: its
/// events name the walled matter's number, status and the party's role, so they belong to
/// both matters and the partner sees neither them nor the details (only that a conflict
/// exists).
pub fn conflict_checks_name_walled_matters_only_to_those_who_see_them(store: SharedStore) {
    let w = Walled::new(store);
    let zephyr =
        w.f.admin
            .contacts()
            .create(NewContact::organisation("Zephyr Holdings plc"))
            .unwrap();
    let fe = w.f.fee_earner.matters();
    let walled = w.matter(&w.walled);
    fe.add_party(
        walled.id,
        walled.version,
        zephyr.id,
        PartyRole::OpposingParty,
        None,
        None,
    )
    .unwrap();
    let open = w.matter(&w.open);
    let open = fe
        .add_party(
            open.id,
            open.version,
            zephyr.id,
            PartyRole::Other,
            None,
            None,
        )
        .unwrap();
    let check = w.f.fee_earner.conflicts().run(open.id).unwrap();
    assert!(check.hits.iter().any(|h| h.matter == Some(walled.id)));
    let open = fe.get(open.id).unwrap();
    fe.change_party_role(
        open.id,
        open.version,
        open.parties[1].id,
        PartyRole::Witness,
    )
    .unwrap();
    let secrets = [
        walled.id.to_string(),
        walled.number.clone(),
        "opposing_party".into(),
    ];
    for s in w.walled_out() {
        assert_feed_silent(s, &[open.id.into()], &secrets);
        let seen = s.conflicts().get(open.id).unwrap().unwrap();
        assert!(seen.hits.iter().any(|h| h.withheld));
        assert!(!format!("{seen:?}").contains(&walled.number));
    }
}

/// Item 2: Ingesting again a message already filed to the walled matter used to return it (body,
/// subject, matter); now it is a conflict, as when a concurrent ingest wins.
pub fn a_repeated_message_id_does_not_return_a_walled_communication(store: SharedStore) {
    let w = Walled::new(store);
    let raw = email(
        &format!("[{}] heads of terms", w.walled.number),
        "Zephyr will pay 41 million.",
        "hot@quill.example",
    );
    let filed = ingest(&w, &raw).communication;
    assert_eq!(filed.matter, Some(w.walled.id));
    for s in w.walled_out() {
        let again = s.communications().ingest_email(&raw);
        assert_code(again, ErrorCode::Conflict);
    }
    let again = w.f.fee_earner.communications().ingest_email(&raw).unwrap();
    assert!(again.duplicate && again.communication.id == filed.id);
}

/// Item 3: A bill on the open and the walled matter: its events used to be scoped to its first
/// matter only, so its lines (and the walled matter's work) reached the partner.
pub fn a_bill_on_several_matters_is_hidden_from_anyone_walled_from_one(store: SharedStore) {
    let w = Walled::new(store);
    let bill = issue_bill(&w, &[&w.open, &w.walled], "Zephyr due diligence");
    assert_eq!(bill.matters.len(), 2);
    let secrets = [
        bill.id.to_string(),
        w.walled.id.to_string(),
        "Zephyr due diligence".into(),
    ];
    for s in w.walled_out() {
        assert_feed_silent(s, &[bill.id.into(), w.open.id.into()], &secrets);
        assert_code(s.bills().get(bill.id), ErrorCode::NotFound);
    }
    assert!(format!("{:?}", feed(&w.f.accounts)).contains("Zephyr due diligence"));
}

/// Item 4: An unfiled email was audited with no matter and the feed needed no capability: anyone
/// read its body, even after it was filed to the walled matter. Now events of an unfiled
/// communication need `edit_matters`, and once filed they follow its matter.
pub fn unfiled_mail_in_the_feed_needs_edit_matters_and_follows_its_filing(store: SharedStore) {
    let w = Walled::new(store);
    let raw = stranger_email(
        "Whistle",
        "The Zephyr board resigns on Friday.",
        "w@x.example",
    );
    let comm = ingest(&w, &raw).communication;
    assert_eq!(comm.matter, None);
    let secrets = ["Zephyr board".to_owned(), comm.id.to_string()];
    for s in [&w.f.read_only, &w.f.accounts] {
        assert_feed_silent(s, &[comm.id.into()], &secrets);
    }
    assert!(format!("{:?}", feed(&w.f.partner)).contains("Zephyr board"));
    w.f.admin
        .communications()
        .file(comm.id, comm.version, w.walled.id)
        .unwrap();
    for s in w.walled_out() {
        assert_feed_silent(s, &[comm.id.into()], &secrets);
    }
    assert!(format!("{:?}", feed(&w.f.fee_earner2)).contains("Zephyr board"));
}

/// Item 5: The statement of account and aged debt left walls out of account.
pub fn statements_and_aged_debt_leave_out_walled_matters(store: SharedStore) {
    let w = Walled::new(store);
    let gbp_code = Currency::parse("GBP").unwrap();
    let open_bill = issue_bill(&w, &[&w.open], "Lease renewal");
    let seen_before: Vec<_> = w
        .walled_out()
        .iter()
        .map(|s| {
            let statement = s.payments().statement(w.client.id, gbp_code).unwrap();
            let aged = s.payments().aged_debt(day("2026-12-31"), gbp_code).unwrap();
            (statement, aged)
        })
        .collect();
    let walled_bill = issue_bill(&w, &[&w.walled], "Zephyr takeover");
    let payment = pay(&w, "100.00", Some(walled_bill.id), "QUILL-ZEPHYR");
    let number = walled_bill.number.clone().unwrap();
    for (s, before) in w.walled_out().into_iter().zip(&seen_before) {
        let statement = s.payments().statement(w.client.id, gbp_code).unwrap();
        let aged = s.payments().aged_debt(day("2026-12-31"), gbp_code).unwrap();
        assert_eq!(&(statement.clone(), aged), before);
        assert!(!format!("{statement:?}").contains(&number));
        assert!(!format!("{statement:?}").contains("QUILL-ZEPHYR"));
        assert_eq!(statement.balance, open_bill.totals.total);
    }
    let full =
        w.f.admin
            .payments()
            .statement(w.client.id, gbp_code)
            .unwrap();
    assert_eq!(
        full.balance,
        open_bill.totals.total + walled_bill.totals.total - payment.amount.amount
    );
    assert_eq!(walled_bill.kind, BillKind::Invoice);
}

/// Item 6: Reconciliation returned and audited every client ledger, walled ones included.
pub fn reconciliation_covers_only_the_ledgers_the_actor_may_see(store: SharedStore) {
    let w = Walled::new(store);
    receive(&w, w.open.id, w.client.id, "100.00");
    receive(&w, w.walled.id, w.client.id, "9137.41");
    let statement = |amount: &str| BankStatement {
        date: day("2026-11-30"),
        balance: gbp(amount).into(),
        deposits_in_transit: vec![],
        outstanding_payments: vec![],
    };
    let mine =
        w.f.partner
            .client_money()
            .reconcile(statement("100.00"))
            .unwrap();
    let r = &mine.reconciliation;
    assert_eq!(r.ledgers.len(), 1);
    assert_eq!(r.ledgers[0].matter, w.open.id);
    assert_eq!(r.cash_book_balance, gbp("100.00"));
    assert!(r.balanced);
    assert!(!format!("{mine:?}").contains("9137.41"));
    let firm = w.f.admin.client_money().reconcile(BankStatement {
        date: day("2026-11-29"),
        ..statement("9237.41")
    });
    let firm = firm.unwrap().reconciliation;
    assert!(firm.balanced && firm.ledgers.len() == 2);
    let secrets = [
        "9137.41".to_owned(),
        "9237.41".into(),
        w.walled.id.to_string(),
    ];
    for s in w.walled_out() {
        assert_feed_silent(s, &[uuid::Uuid::nil()], &secrets);
    }
}

/// Item 7: Payments were audited with no matter, so their allocations reached every user who may
/// see rates; and a payment of a walled bill was returned by id.
pub fn payments_follow_the_matters_of_the_bills_they_pay(store: SharedStore) {
    let w = Walled::new(store);
    let bill = issue_bill(&w, &[&w.walled], "Zephyr takeover");
    let paid = pay(&w, "120.00", Some(bill.id), "ZEPHYR-1");
    let held = pay(&w, "33.33", None, "ZEPHYR-2");
    let held =
        w.f.accounts
            .payments()
            .allocate(held.id, held.version, bill.id, "33.33".parse().unwrap())
            .unwrap();
    let secrets = [
        bill.id.to_string(),
        "ZEPHYR-1".into(),
        "ZEPHYR-2".into(),
        w.walled.id.to_string(),
    ];
    for s in w.walled_out() {
        assert_feed_silent(s, &[paid.id.into(), held.id.into()], &secrets);
        for id in [paid.id, held.id] {
            let hidden = assert_code(s.payments().get(id), ErrorCode::NotFound);
            let missing = assert_code(
                s.payments().get(lexcase::PaymentId::new()),
                ErrorCode::NotFound,
            );
            assert_eq!(hidden.to_string(), missing.to_string());
            let allocate = s
                .payments()
                .allocate(id, 1, bill.id, "1".parse().unwrap())
                .unwrap_err();
            assert_eq!(allocate.to_string(), missing.to_string());
        }
    }
    assert_eq!(w.f.admin.payments().get(paid.id).unwrap().id, paid.id);
}
