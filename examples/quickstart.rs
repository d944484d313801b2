//! # lexcase quickstart
//!
//! A guided tour of the engine on a real SQLite file: set up a firm, add its people and
//! contacts, open a residential purchase with its parties, find it again, screen a colleague
//! off it with an ethical wall, and read its audit trail.
//!
//! ```text
//! cargo run --example quickstart                 # uses ./lexcase-quickstart.sqlite (recreated)
//! cargo run --example quickstart -- firm.sqlite  # uses (and keeps) your own file
//! ```
//!
//! Without an argument the example recreates its own file, `lexcase-quickstart.sqlite`, in the
//! current directory. A path you give is never deleted: a new file is set up from scratch, an
//! existing lexcase file is opened as it is, and the tour adds one more matter to it.

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;

use chrono::{Days, NaiveDate, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::audit::{AuditEvent, FieldChange};
use lexcase::contacts::{
    AffiliationKind, Contact, Email, Identifier, IdentifierKind, IdentityStatus, NewContact, Phone,
    PostalAddress, VerificationMethod,
};
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, Matter, MatterRole, NewMatter, PartyRole};
use lexcase::service::{Firm, MatterFilter, Session};
use lexcase::store::Page;
use lexcase::users::{NewUser, User};
use lexcase::{LexcaseError, UserId};
use lexcase_sqlite::{SqliteOptions, SqliteStore};
use rust_decimal::Decimal;

/// The file the example owns (and recreates) when no path is given.
const DEFAULT_FILE: &str = "lexcase-quickstart.sqlite";
/// The first administrator's email: how the example finds its firm again in an existing file.
const ADMIN_EMAIL: &str = "alex.morgan@smith-partners.example";

type AnyResult<T> = Result<T, Box<dyn Error>>;

fn main() -> AnyResult<()> {
    println!("lexcase {} quickstart", lexcase::VERSION);
    println!("=========================");

    // 1. The store -------------------------------------------------------------------------
    let path = store_path()?;
    let existed = path.exists();
    heading(1, "Open the store");
    // The default options are durable: WAL with synchronous=FULL, every commit is on disk
    // before the call returns.
    let store = SqliteStore::open(&path, SqliteOptions::default())
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    println!(
        "   {} {} (durability: FULL, the default)",
        if existed { "opened" } else { "created" },
        path.display()
    );
    let firm = Firm::new(store);

    // 2. The firm and its first administrator ----------------------------------------------
    heading(2, "Set up the firm");
    let Some(admin) = set_up_firm(&firm)? else {
        return Ok(());
    };
    let settings = firm.settings()?;
    println!(
        "   {} · currency {} · matter numbers {} · time zone {}",
        settings.name, settings.default_currency, settings.matter_number_format, settings.time_zone
    );
    println!("   first admin: {} <{}>", admin.name, admin.email);
    let today = settings.date_of(Utc::now())?;
    let admin_session = firm.session(admin.id)?;

    // 3. Users -----------------------------------------------------------------------------
    heading(3, "Add the people who work on matters");
    let partner = ensure_user(
        &admin_session,
        user(
            "Helen Carter",
            "helen.carter",
            Role::Partner,
            "450.00",
            "PT",
        )?,
    )?;
    let fee_earner = ensure_user(
        &admin_session,
        user(
            "Daniel Okafor",
            "daniel.okafor",
            Role::FeeEarner,
            "275.00",
            "AS",
        )?,
    )?;
    let paralegal = ensure_user(
        &admin_session,
        user(
            "Sophie Turner",
            "sophie.turner",
            Role::Paralegal,
            "120.00",
            "PL",
        )?,
    )?;
    let screened = ensure_user(
        &admin_session,
        user("Priya Shah", "priya.shah", Role::FeeEarner, "260.00", "AS")?,
    )?;
    for u in [&partner, &fee_earner, &paralegal, &screened] {
        println!(
            "   {:<14} {:<10} rate {:>14}  LEDES timekeeper {}",
            u.name,
            u.role.as_str(),
            u.default_rate
                .map(|r| format!("{} {:.2}/h", r.currency, r.amount))
                .unwrap_or_else(|| "-".into()),
            u.timekeeper_code.as_deref().unwrap_or("-"),
        );
    }
    let names: HashMap<UserId, String> = [&admin, &partner, &fee_earner, &paralegal, &screened]
        .into_iter()
        .map(|u| (u.id, u.name.clone()))
        .collect();

    // Everything from here on is done by somebody: each session carries its acting user, and
    // every call checks what that user may do.
    let daniel = firm.session(fee_earner.id)?;
    let helen = firm.session(partner.id)?;
    let priya = firm.session(screened.id)?;

    // 4. Contacts --------------------------------------------------------------------------
    heading(4, "Record the client and the other side");
    let client = daniel.contacts().create(client_contact())?;
    println!(
        "   client        {} <{}>, {}",
        client.display_name(),
        client.emails[0].address,
        client.phones[0].number
    );
    let mut bank = NewContact::organisation("Northbank Building Society");
    bank.identifiers = vec![Identifier {
        kind: IdentifierKind::CompanyNumber,
        value: "01234567".into(),
        jurisdiction: Some("GB".into()),
    }];
    let bank = daniel.contacts().create(bank)?;
    println!(
        "   lender        {} (company number {})",
        bank.display_name(),
        bank.identifiers[0].value
    );
    let banker = daniel
        .contacts()
        .create(NewContact::person("Carol", "Jenkins"))?;
    let banker = daniel.contacts().add_affiliation(
        banker.id,
        banker.version,
        AffiliationKind::WorksFor,
        bank.id,
        Some("Mortgage Operations Manager"),
    )?;
    println!(
        "   affiliation   {} works for {} as {}",
        banker.display_name(),
        bank.display_name(),
        banker.affiliations[0]
            .position
            .as_deref()
            .unwrap_or("(no position)")
    );
    let seller = daniel
        .contacts()
        .create(NewContact::person("Edward", "Marsh"))?;
    let seller_firm = daniel
        .contacts()
        .create(NewContact::organisation("Harbour Conveyancing LLP"))?;
    println!("   seller        {}", seller.display_name());
    println!("   seller's firm {}", seller_firm.display_name());

    // Anti-money-laundering: the client's identity is checked before we act.
    let client = daniel.contacts().record_identity_verification(
        client.id,
        client.version,
        IdentityStatus::Verified,
        Some(today),
        Some(VerificationMethod::Electronic),
    )?;
    println!(
        "   identity of {}: {} on {} ({})",
        client.display_name(),
        client.identity.status.as_str(),
        client
            .identity
            .checked_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        client
            .identity
            .method
            .map(|m| m.as_str())
            .unwrap_or_default()
    );

    // 5. The matter ------------------------------------------------------------------------
    heading(5, "Open a matter");
    let matter = daniel.matters().create(NewMatter {
        title: "Purchase of 12 Acacia Avenue, Bath".into(),
        description: "Freehold purchase with a mortgage from Northbank.".into(),
        practice_area: "residential conveyancing".into(),
        clients: vec![client.id],
        responsible: fee_earner.id,
        originating: Some(partner.id),
        billing: BillingKind::FixedFee,
        currency: Some(settings.default_currency),
        visibility: Visibility::Firm,
        team: Vec::new(),
        key_dates: Default::default(),
    })?;
    println!(
        "   {} \"{}\" created, status {}",
        matter.number,
        matter.title,
        matter.status.as_str()
    );
    // Every change names the version it was based on; a stale version is refused, never lost.
    let m = daniel.matters().add_party(
        matter.id,
        matter.version,
        bank.id,
        PartyRole::Lender,
        None,
        None,
    )?;
    let m = daniel.matters().add_party(
        m.id,
        m.version,
        seller.id,
        PartyRole::OpposingParty,
        None,
        None,
    )?;
    let seller_party = m
        .parties
        .iter()
        .find(|p| p.contact == seller.id)
        .map(|p| p.id);
    let m = daniel.matters().add_party(
        m.id,
        m.version,
        seller_firm.id,
        PartyRole::OpposingCounsel,
        seller_party,
        Some("HC/EM/4471".into()),
    )?;
    let m =
        daniel
            .matters()
            .add_team_member(m.id, m.version, paralegal.id, MatterRole::Paralegal)?;
    let completion = today
        .checked_add_days(Days::new(42))
        .ok_or("completion date out of range")?;
    let m = daniel
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(completion))?;
    let m = daniel.matters().open(m.id, m.version)?;
    let contacts: HashMap<_, _> = [&client, &bank, &seller, &seller_firm]
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    print_matter(&m, &contacts, &names);

    // 6. My matters ------------------------------------------------------------------------
    heading(6, "Daniel's matters (\"my matters\")");
    let mine = daniel.matters().mine(None, Page::default())?;
    println!("   {} matter(s)", mine.total);
    for m in &mine.items {
        println!("   {:<10} {:<40} {}", m.number, m.title, m.status.as_str());
    }

    // 7. Search ----------------------------------------------------------------------------
    heading(
        7,
        "Find matters by free text (number, title or any party's name)",
    );
    for text in ["acacia", "Marsh", "northbank"] {
        let found = daniel.matters().list(
            MatterFilter {
                text: Some(text.into()),
                ..MatterFilter::default()
            },
            Page::default(),
        )?;
        let numbers: Vec<&str> = found.items.iter().map(|m| m.number.as_str()).collect();
        println!(
            "   {:<11} → {} match(es): {}",
            format!("\"{text}\""),
            found.total,
            numbers.join(", ")
        );
    }

    // 8. Ethical wall ----------------------------------------------------------------------
    heading(8, "Screen a colleague off the matter (ethical wall)");
    let m = helen.matters().add_ethical_wall(
        m.id,
        m.version,
        screened.id,
        "acted for the seller in an earlier transaction",
    )?;
    println!(
        "   {} put up a wall around {} for {}: {}",
        partner.name, m.number, screened.name, m.access.walls[0].reason
    );
    let seen_by_daniel = daniel
        .matters()
        .list(MatterFilter::default(), Page::default())?;
    let seen_by_priya = priya
        .matters()
        .list(MatterFilter::default(), Page::default())?;
    println!(
        "   all matters as {}: total {}",
        fee_earner.name, seen_by_daniel.total
    );
    println!(
        "   all matters as {}: total {}",
        screened.name, seen_by_priya.total
    );
    match priya.matters().get(m.id) {
        Err(LexcaseError::NotFound { entity }) => println!(
            "   {} opens {} by id → {} not found: for her it does not exist",
            screened.name, m.number, entity
        ),
        Ok(_) => return Err("the ethical wall let a screened user through".into()),
        Err(other) => return Err(other.into()),
    }
    let her_view = priya.audit().history(m.id.into())?;
    println!(
        "   its audit history as {}: {} event(s)",
        screened.name,
        her_view.len()
    );

    // 9. Audit trail -----------------------------------------------------------------------
    heading(9, &format!("Audit trail of {}", m.number));
    for event in helen.audit().history(m.id.into())? {
        print_event(&event, &names);
    }
    let verification = helen.audit().verify()?;
    match &verification.first_broken {
        None => println!(
            "\n   audit chain verified: {} event(s), every hash intact",
            verification.events_checked
        ),
        Some(broken) => println!(
            "\n   audit chain BROKEN at event {}: {}",
            broken.seq, broken.reason
        ),
    }

    println!("\nDone. The firm lives in {}.", path.display());
    Ok(())
}

/// The file to use: the first argument, or the example's own file, which is recreated.
fn store_path() -> AnyResult<PathBuf> {
    if let Some(given) = std::env::args_os().nth(1) {
        // A path the user gave is theirs: never deleted, opened as it is.
        return Ok(PathBuf::from(given));
    }
    let own = PathBuf::from(DEFAULT_FILE);
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let file = format!("{DEFAULT_FILE}{suffix}");
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot remove {file}: {e}").into()),
        }
    }
    Ok(own)
}

/// Initialises a new firm, or finds the quickstart's administrator in an existing one.
/// Returns `None` when the file belongs to another firm.
fn set_up_firm(firm: &Firm) -> AnyResult<Option<User>> {
    if !firm.is_initialised()? {
        let admin = firm.initialise(
            &FirmSetup {
                name: "Smith & Partners LLP".into(),
                default_currency: "GBP".into(),
                matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
                time_zone: "Europe/London".into(),
            },
            &NewUser {
                name: "Alex Morgan".into(),
                email: ADMIN_EMAIL.into(),
                role: Role::Admin,
                default_rate: None,
                rate_currency: None,
                timekeeper_code: None,
            },
        )?;
        println!("   initialised a new firm");
        return Ok(Some(admin));
    }
    // Sign in as the quickstart's admin by email (NotFound if this firm was not made here).
    let admin = match firm.session_by_email(ADMIN_EMAIL) {
        Ok(session) => Some(session.users().me()?),
        Err(lexcase::LexcaseError::NotFound { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let settings = firm.settings()?;
    match admin {
        Some(admin) => {
            println!("   the firm is already set up: continuing in it");
            Ok(Some(admin))
        }
        None => {
            println!(
                "   this file holds the firm \"{}\", which the quickstart did not create;\n   \
                 leaving it untouched. Run without an argument to use a fresh file.",
                settings.name
            );
            Ok(None)
        }
    }
}

fn user(name: &str, login: &str, role: Role, rate: &str, timekeeper: &str) -> AnyResult<NewUser> {
    Ok(NewUser {
        name: name.into(),
        email: format!("{login}@smith-partners.example"),
        role,
        // Money is exact: rates are decimals parsed from text, never binary floats.
        default_rate: Some(Decimal::from_str_exact(rate)?),
        rate_currency: None,
        timekeeper_code: Some(timekeeper.into()),
    })
}

/// Creates the user, or returns the one with that email from an earlier run.
fn ensure_user(admin: &Session, new: NewUser) -> AnyResult<User> {
    let mut offset = 0;
    loop {
        let page = admin.users().list(Page::new(offset, Page::MAX_LIMIT)?)?;
        if let Some(found) = page.items.iter().find(|u| u.email == new.email) {
            return Ok(found.clone());
        }
        offset += page.items.len() as u64;
        if page.items.is_empty() || offset >= page.total {
            break;
        }
    }
    Ok(admin.users().create(&new)?)
}

fn client_contact() -> NewContact {
    let mut c = NewContact::person("Amelia", "Hart");
    c.title = Some("Ms".into());
    c.emails = vec![Email {
        address: "amelia.hart@mail.example".into(),
        label: Some("home".into()),
    }];
    c.phones = vec![Phone {
        number: "+44 7700 900123".into(),
        label: Some("mobile".into()),
    }];
    c.addresses = vec![PostalAddress {
        lines: vec!["Flat 3".into(), "27 Pulteney Road".into()],
        locality: Some("Bath".into()),
        region: Some("Somerset".into()),
        postal_code: Some("BA2 4EZ".into()),
        country: Some("GB".into()),
        label: Some("home".into()),
    }];
    c
}

fn heading(n: u32, title: &str) {
    println!("\n{n}. {title}");
}

fn print_matter(
    m: &Matter,
    contacts: &HashMap<lexcase::ContactId, &Contact>,
    names: &HashMap<UserId, String>,
) {
    let who = |id: &UserId| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    println!("   {} \"{}\"", m.number, m.title);
    println!(
        "     status {} (opened {}), {} · {} in {}",
        m.status.as_str(),
        date(m.opened_on),
        m.practice_area,
        m.billing.kind.as_str(),
        m.billing.currency
    );
    println!(
        "     responsible {}, originating {}",
        who(&m.responsible),
        m.originating
            .as_ref()
            .map(who)
            .unwrap_or_else(|| "-".into())
    );
    for member in &m.team {
        println!(
            "     team: {} ({})",
            who(&member.user),
            member.role.as_str()
        );
    }
    for party in &m.parties {
        let name = contacts
            .get(&party.contact)
            .map(|c| c.display_name())
            .unwrap_or_default();
        let acting_for = party
            .acting_for
            .and_then(|id| m.parties.iter().find(|p| p.id == id))
            .and_then(|p| contacts.get(&p.contact))
            .map(|c| format!(", acting for {}", c.display_name()))
            .unwrap_or_default();
        let reference = party
            .reference
            .as_deref()
            .map(|r| format!(", their ref {r}"))
            .unwrap_or_default();
        println!(
            "     party: {:<17} {name}{acting_for}{reference}",
            party.role.as_str()
        );
    }
    for (name, day) in &m.key_dates {
        println!("     key date: {name} {day}");
    }
}

fn print_event(e: &AuditEvent, names: &HashMap<UserId, String>) {
    println!(
        "   #{:<3} {}  {:<14} {}",
        e.seq,
        e.at.format("%Y-%m-%d %H:%M:%S UTC"),
        names.get(&e.actor).map(String::as_str).unwrap_or("?"),
        e.action
    );
    if e.action.ends_with(".created") {
        let fields: Vec<&str> = e.changes.iter().map(|c| c.field.as_str()).collect();
        println!("        set: {}", fields.join(", "));
    } else {
        for change in &e.changes {
            println!("        {}", describe(change));
        }
    }
}

/// One changed field in a line: lists by their length, values in short JSON.
fn describe(change: &FieldChange) -> String {
    let (before, after) = (change.before.as_ref(), change.after.as_ref());
    match (
        before.and_then(|b| b.as_array()),
        after.and_then(|a| a.as_array()),
    ) {
        (Some(b), Some(a)) => format!("{}: {} → {} item(s)", change.field, b.len(), a.len()),
        _ => format!("{}: {} → {}", change.field, short(before), short(after)),
    }
}

/// A JSON value on one line, cut at 60 characters; "(none)" when absent.
fn short(value: Option<&impl std::fmt::Display>) -> String {
    let Some(value) = value else {
        return "(none)".into();
    };
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(59).collect::<String>())
    } else {
        text
    }
}
