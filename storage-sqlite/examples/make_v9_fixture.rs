//! # The schema-version-9 upgrade fixture
//!
//! Builds a firm file with data in every area of lexcase, through the public service API and
//! a fixed clock, and writes beside it a machine-readable dump of everything in it, so that a
//! later version of the store can open a copy, migrate it and check that every record and
//! every audit event survived.
//!
//! ```text
//! cargo run -p lexcase-sqlite --example make_v9_fixture -- storage-sqlite/tests/fixtures/v9
//! ```
//!
//! The output directory receives:
//!
//! - `firm-v9.lexcase` — the SQLite database, closed cleanly (its WAL checkpointed into it);
//! - `firm-v9.lexcase.blobs/` — document contents and email originals, as the default file
//!   blob store keeps them beside the database (`lexcase_sqlite::blobs_beside`);
//! - `expected.json` — the whole firm read back through the public API as the administrator,
//!   plus service-level results for a regression check.
//!
//! Identifiers are random (UUID v7), so every run makes a different but equivalent firm: the
//! committed fixture and its `expected.json` belong together. Before writing, the program
//! copies the closed file to a temporary directory, opens the copy, verifies its audit chain
//! and checks that a fresh dump of the copy equals the dump taken before closing.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::appointments::{
    AppointmentChanges, AppointmentKind, Attendee, NewAppointment, OccurrenceChange, Schedule,
};
use lexcase::audit::{AuditEvent, EntityKind};
use lexcase::billing::{
    Aggregation, CodePolicy, CodeSet, Discount, RoundingMode, RoundingPolicy, parse_duration,
};
use lexcase::bills::{Allocation, BillStatus, FeeArrangement, NewPayment};
use lexcase::calendar::{DayCount, DayUnit, HolidayList};
use lexcase::clock::{Clock, FixedClock};
use lexcase::communications::{Channel, Direction, NewCommunication, Participant, ParticipantRole};
use lexcase::contacts::{
    AffiliationKind, ContactChanges, Email, Identifier, IdentifierKind, IdentityStatus, NewContact,
    Phone, PostalAddress, VerificationMethod,
};
use lexcase::docket::{DeadlineChanges, DeadlineTrigger, NewDeadline};
use lexcase::documents::{ContentHash, DocumentStatus, NewDocument};
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind, FirmSetup};
use lexcase::matters::{
    BillingArrangement, BillingKind, ConflictCheck, ConflictHit, CustomValue, HitDisposition,
    MatterChanges, MatterRole, MatterStatus, NewMatter, PartyRole, TeamMember,
};
use lexcase::money::{Currency, Money};
use lexcase::notes::NoteSubject;
use lexcase::service::{DraftRequest, Firm, MatterFilter, Session, SettingsChanges};
use lexcase::store::{BillQuery, DeadlineQuery, Page, Paged, TaskQuery, WorkQuery};
use lexcase::tasks::{Assignee, DueAnchor, NewTask, Priority, TaskChanges, TaskDue, TaskStatus};
use lexcase::timekeeping::{
    Billability, BillingTerms, ExpenseChanges, ExpenseTax, FirmBillingSettings, NewExpense,
    NewTimeEntry, TermsScope, TimeEntryChanges, TimeSource,
};
use lexcase::trust::{
    BankStatement, NewTrustEntry, ReconciliationCadence, StatementItem, TrustEntryKind,
};
use lexcase::users::{NewUser, UserChanges};
use lexcase::workflow::MoveOutcome;
use lexcase::{ContactId, LexcaseError, MatterId, UserId};
use lexcase_sqlite::{SCHEMA_VERSION, SqliteOptions, SqliteStore, blobs_beside};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

type AnyResult<T> = Result<T, Box<dyn Error>>;

/// The database file's name in the output directory.
const DB_FILE: &str = "firm-v9.lexcase";
/// The dump's name in the output directory.
const EXPECTED_FILE: &str = "expected.json";
/// The administrator the dump signs in as.
const ADMIN_EMAIL: &str = "hana.vale@harbourvale.example";
/// Where the story's clock stands when it ends (and where the dump's clock-dependent part is
/// read): Friday 30 October 2026, 17:30 in London.
const END: &str = "2026-10-30T16:30:00Z";

fn main() -> AnyResult<()> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: make_v9_fixture <output directory>")?;
    std::fs::create_dir_all(&out)?;
    let db = out.join(DB_FILE);
    let blobs = blobs_dir(&db);
    // Start from nothing: only the fixture's own files are removed.
    for suffix in ["", "-wal", "-shm", "-journal"] {
        remove_if_present(&PathBuf::from(format!("{}{suffix}", db.display())))?;
    }
    if blobs.exists() {
        std::fs::remove_dir_all(&blobs)?;
    }
    remove_if_present(&out.join(EXPECTED_FILE))?;

    println!(
        "lexcase {} · schema version {SCHEMA_VERSION}",
        lexcase::VERSION
    );
    let clock = Arc::new(FixedClock::new(utc("2026-09-01T08:00:00Z")?));
    let firm = open_firm(&db, clock.clone())?;
    tell(&firm, clock.as_ref())?;
    clock.set(utc(END)?);
    let expected = dump(&firm)?;
    drop(firm);
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            return Err(format!(
                "{} was left behind: the store did not close cleanly",
                side.display()
            )
            .into());
        }
    }

    // Re-open a copy with today's code: the chain verifies and the copy reads back the same.
    let copy_dir = tempfile::tempdir()?;
    let copy = copy_dir.path().join(DB_FILE);
    std::fs::copy(&db, &copy)?;
    copy_tree(&blobs, &blobs_dir(&copy))?;
    let reopened = open_firm(&copy, Arc::new(FixedClock::new(utc(END)?)))?;
    let verification = reopened.session_by_email(ADMIN_EMAIL)?.audit().verify()?;
    if !verification.is_intact() {
        return Err(format!(
            "the copy's audit chain is broken: {:?}",
            verification.first_broken
        )
        .into());
    }
    let again = dump(&reopened)?;
    if again != expected {
        return Err("the re-opened copy does not read back the same as the original".into());
    }
    drop(reopened);

    let mut text = serde_json::to_string_pretty(&expected)?;
    text.push('\n');
    std::fs::write(out.join(EXPECTED_FILE), text)?;
    let events = expected["audit"]["events"].as_array().map_or(0, Vec::len);
    println!(
        "wrote {} ({} bytes), {} ({} blob files), {} ({} audit events, chain intact)",
        db.display(),
        std::fs::metadata(&db)?.len(),
        blobs.display(),
        count_files(&blobs)?,
        out.join(EXPECTED_FILE).display(),
        events
    );
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Small helpers

fn blobs_dir(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.blobs", db.display()))
}

fn remove_if_present(path: &Path) -> AnyResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn copy_tree(from: &Path, to: &Path) -> AnyResult<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn count_files(dir: &Path) -> AnyResult<usize> {
    let mut n = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        n += if entry.file_type()?.is_dir() {
            count_files(&entry.path())?
        } else {
            1
        };
    }
    Ok(n)
}

/// A firm on the file at `path` with the default options and the default blob store beside it.
fn open_firm(path: &Path, clock: Arc<FixedClock>) -> AnyResult<Firm> {
    let store = SqliteStore::open(path, SqliteOptions::default())?;
    Ok(Firm::with_clock(Arc::new(store), clock).with_blobs(blobs_beside(path)?))
}

fn utc(s: &str) -> AnyResult<DateTime<Utc>> {
    Ok(DateTime::parse_from_rfc3339(s)?.with_timezone(&Utc))
}

fn day(s: &str) -> AnyResult<NaiveDate> {
    Ok(s.parse()?)
}

fn local(s: &str) -> AnyResult<NaiveDateTime> {
    Ok(s.parse()?)
}

fn dec(s: &str) -> AnyResult<Decimal> {
    Ok(Decimal::from_str_exact(s)?)
}

fn gbp(s: &str) -> AnyResult<Money> {
    Ok(Money::new(dec(s)?, Currency::parse("GBP")?, "amount")?)
}

fn london(start: &str, end: &str) -> AnyResult<Schedule> {
    Ok(Schedule::timed(local(start)?, local(end)?, "Europe/London"))
}

fn email(address: &str, label: &str) -> AnyResult<Email> {
    Ok(Email::new(address, Some(label))?)
}

fn phone(number: &str, label: &str) -> AnyResult<Phone> {
    Ok(Phone::new(number, Some(label))?)
}

fn address(
    lines: &[&str],
    locality: &str,
    postal_code: &str,
    country: &str,
    label: &str,
) -> PostalAddress {
    PostalAddress {
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
        locality: Some(locality.into()),
        region: None,
        postal_code: Some(postal_code.into()),
        country: Some(country.into()),
        label: Some(label.into()),
    }
}

fn new_user(
    name: &str,
    login: &str,
    role: Role,
    rate: Option<&str>,
    code: Option<&str>,
) -> AnyResult<NewUser> {
    Ok(NewUser {
        name: name.into(),
        email: format!("{login}@harbourvale.example"),
        role,
        default_rate: rate.map(dec).transpose()?,
        rate_currency: None,
        timekeeper_code: code.map(str::to_owned),
    })
}

/// A new matter in GBP.
fn new_matter(
    title: &str,
    practice_area: &str,
    clients: Vec<ContactId>,
    responsible: UserId,
    billing: BillingKind,
) -> AnyResult<NewMatter> {
    Ok(NewMatter {
        title: title.into(),
        description: String::new(),
        practice_area: practice_area.into(),
        clients,
        responsible,
        originating: None,
        billing: BillingArrangement {
            kind: billing,
            currency: Currency::parse("GBP")?,
        },
        visibility: Visibility::Firm,
        team: Vec::new(),
        key_dates: BTreeMap::new(),
    })
}

/// The current version of a matter.
fn mv(s: &Session, id: MatterId) -> AnyResult<u64> {
    Ok(s.matters().get(id)?.version)
}

/// Runs a matter's conflict check and records a decision about every undecided hit.
fn check_conflicts(
    s: &Session,
    matter: MatterId,
    decide: &dyn Fn(usize, &ConflictHit) -> (HitDisposition, String),
) -> AnyResult<ConflictCheck> {
    let mut check = s.conflicts().run(matter)?;
    for i in 0..check.hits.len() {
        if check.hits[i].decision.is_some() {
            continue;
        }
        let (disposition, note) = decide(i, &check.hits[i]);
        check = s
            .conflicts()
            .decide(matter, check.version, i, disposition, &note)?;
    }
    Ok(check)
}

/// Clears every hit (a name alike, not the same person or company).
fn clear_all(_: usize, hit: &ConflictHit) -> (HitDisposition, String) {
    (
        HitDisposition::Cleared,
        format!("{} is not adverse: checked against the file", hit.name),
    )
}

/// A minimal base64 encoder for the email attachment (RFC 4648, with padding).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A raw RFC 5322 message, with a PDF attachment when `attachment` is given.
fn raw_email(
    from: &str,
    to: &str,
    subject: &str,
    date: &str,
    message_id: &str,
    body: &str,
    attachment: Option<(&str, &[u8])>,
) -> Vec<u8> {
    let head = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n"
    );
    let text = match attachment {
        None => format!("{head}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"),
        Some((name, bytes)) => format!(
            "{head}Content-Type: multipart/mixed; boundary=\"=_lexcase\"\r\n\r\n\
             --=_lexcase\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\
             --=_lexcase\r\nContent-Type: application/pdf\r\n\
             Content-Disposition: attachment; filename=\"{name}\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--=_lexcase--\r\n",
            base64(bytes)
        ),
    };
    text.into_bytes()
}

// ------------------------------------------------------------------------------------------
// The story: two months in the life of Harbour & Vale LLP, September and October 2026.

/// The firm's people, each with a session.
struct People {
    admin: Session,
    helen: Session,
    daniel: Session,
    priya: Session,
    sophie: Session,
    alan: Session,
}

fn tell(firm: &Firm, clock: &FixedClock) -> AnyResult<()> {
    // The clock only moves forward: every event of the story is later than the one before.
    let at = |s: &str| -> AnyResult<()> {
        let to = utc(s)?;
        if to < clock.now() {
            return Err(format!("the story's clock would go back to {s}").into());
        }
        clock.set(to);
        Ok(())
    };
    let gbp_currency = Currency::parse("GBP")?;
    let rule = |id: &str| -> AnyResult<lexcase::deadlines::DeadlineRule> {
        Ok(lexcase::deadlines::builtin_rule(id).ok_or_else(|| format!("no built-in rule {id}"))?)
    };

    // === Tuesday 1 September: the firm, its settings and its people =======================
    let admin_user = firm.initialise(
        &FirmSetup {
            name: "Harbour & Vale LLP".into(),
            default_currency: "GBP".into(),
            matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
            time_zone: "Europe/London".into(),
        },
        &NewUser {
            name: "Hana Vale".into(),
            email: ADMIN_EMAIL.into(),
            role: Role::Admin,
            default_rate: None,
            rate_currency: None,
            timekeeper_code: None,
        },
    )?;
    let admin = firm.session(admin_user.id)?;
    at("2026-09-01T08:05:00Z")?;
    let settings = admin.settings().get()?;
    let settings = admin.settings().update(
        settings.version,
        &SettingsChanges {
            name: Some("Harbour & Vale Solicitors LLP".into()),
            ..SettingsChanges::default()
        },
    )?;
    at("2026-09-01T08:10:00Z")?;
    let fields = [
        (
            "file_location",
            "File location",
            CustomFieldKind::Text,
            vec![],
        ),
        ("box_number", "Archive box", CustomFieldKind::Number, vec![]),
        (
            "property_value",
            "Property value",
            CustomFieldKind::Decimal,
            vec![],
        ),
        (
            "limitation_date",
            "Limitation date",
            CustomFieldKind::Date,
            vec![],
        ),
        ("legal_aid", "Legal aid", CustomFieldKind::Bool, vec![]),
        (
            "risk_rating",
            "AML risk rating",
            CustomFieldKind::Choice,
            vec!["low".to_owned(), "medium".to_owned(), "high".to_owned()],
        ),
        (
            "referrer",
            "Referred by",
            CustomFieldKind::ContactRef,
            vec![],
        ),
    ];
    let mut version = settings.version;
    for (key, label, kind, choices) in fields {
        let def = CustomFieldDefinition::new(key, label, kind, choices)?;
        version = admin.settings().define_custom_field(version, def)?.version;
    }
    at("2026-09-01T08:15:00Z")?;
    let holidays = [
        "2026-12-24",
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
    ]
    .iter()
    .map(|d| day(d))
    .collect::<AnyResult<Vec<_>>>()?;
    admin
        .settings()
        .set_holidays(version, Some(HolidayList::new("harbour-vale", holidays)?))?;

    at("2026-09-01T08:20:00Z")?;
    let users = admin.users();
    let helen = users.create(&new_user(
        "Helen Carter",
        "helen.carter",
        Role::Partner,
        Some("450.00"),
        Some("PT"),
    )?)?;
    let daniel = users.create(&new_user(
        "Daniel Okafor",
        "daniel.okafor",
        Role::FeeEarner,
        Some("275.00"),
        Some("AS"),
    )?)?;
    let priya = users.create(&new_user(
        "Priya Shah",
        "priya.shah",
        Role::FeeEarner,
        Some("260.00"),
        Some("AS"),
    )?)?;
    let sophie = users.create(&new_user(
        "Sophie Turner",
        "sophie.turner",
        Role::Paralegal,
        Some("120.00"),
        Some("PL"),
    )?)?;
    let sam = users.create(&new_user(
        "Sam Reed",
        "sam.reed",
        Role::Secretary,
        None,
        None,
    )?)?;
    let alan = users.create(&new_user(
        "Alan Booker",
        "alan.booker",
        Role::Accounts,
        None,
        None,
    )?)?;
    users.create(&new_user(
        "Rita Reader",
        "rita.reader",
        Role::ReadOnly,
        None,
        None,
    )?)?;
    let felix = users.create(&NewUser {
        rate_currency: Some("EUR".into()),
        ..new_user(
            "Felix Former",
            "felix.former",
            Role::FeeEarner,
            Some("210.00"),
            Some("FE"),
        )?
    })?;
    let p = People {
        admin: admin.clone(),
        helen: firm.session(helen.id)?,
        daniel: firm.session(daniel.id)?,
        priya: firm.session(priya.id)?,
        sophie: firm.session(sophie.id)?,
        alan: firm.session(alan.id)?,
    };
    let sam_s = firm.session(sam.id)?;

    at("2026-09-01T08:30:00Z")?;
    let mut activity_rates = BTreeMap::new();
    activity_rates.insert("A103".to_owned(), gbp("180.00")?);
    let billing = p.alan.time().set_billing_settings(
        FirmBillingSettings {
            rounding: RoundingPolicy {
                increment_minutes: 6,
                mode: RoundingMode::Up,
                minimum_minutes: 6,
                aggregation: Aggregation::PerEntry,
            },
            activity_rates,
            tax_name: "VAT".into(),
            tax_rate: dec("0.20")?,
            law_firm_id: "HARBOURVALE".into(),
            invoice_number_format: "HV{YYYY}{SEQ:4}".into(),
            payment_terms_days: 30,
            reconciliation: ReconciliationCadence::FiveWeeks,
            version: 0,
        },
        0,
    )?;
    at("2026-09-01T08:35:00Z")?;
    p.alan.time().set_billing_settings(
        FirmBillingSettings {
            payment_terms_days: 28,
            ..billing.clone()
        },
        billing.version,
    )?;

    at("2026-09-01T08:40:00Z")?;
    admin.compliance().set_packs_in_force(&[
        "core".into(),
        "ew-conveyancing".into(),
        "ew-litigation".into(),
    ])?;
    at("2026-09-01T08:45:00Z")?;
    admin
        .compliance()
        .install_pack(lexcase::rules::RulePack::from_toml(FIRM_RULES)?)?;

    // === Wednesday 2 September: contacts ==================================================
    at("2026-09-02T08:30:00Z")?;
    let contacts = sam_s.contacts();
    let amelia = contacts.create(NewContact {
        title: Some("Ms".into()),
        emails: vec![
            email("amelia.hart@mail.example", "home")?,
            email("a.hart@brightwork.example", "work")?,
        ],
        phones: vec![
            phone("+44 7700 900123", "mobile")?,
            phone("+44 1225 555 0101", "home")?,
        ],
        addresses: vec![
            address(
                &["Flat 3", "27 Pulteney Road"],
                "Bath",
                "BA2 4EZ",
                "GB",
                "home",
            ),
            address(&["9 Mill Lane"], "Frome", "BA11 1AA", "GB", "previous"),
        ],
        identifiers: vec![Identifier::new(
            IdentifierKind::Other,
            "passport 533380006",
            Some("GB"),
        )?],
        ..NewContact::person("Amelia", "Hart")
    })?;
    let tom = contacts.create(NewContact {
        title: Some("Mr".into()),
        emails: vec![email("tom.hart@mail.example", "home")?],
        ..NewContact::person("Tom", "Hart")
    })?;
    let northbank = contacts.create(NewContact {
        emails: vec![email("mortgages@northbank.example", "work")?],
        phones: vec![phone("+44 345 555 0199", "switchboard")?],
        addresses: vec![address(
            &["1 Harbour Street"],
            "Bristol",
            "BS1 4AA",
            "GB",
            "head office",
        )],
        identifiers: vec![
            Identifier::new(IdentifierKind::CompanyNumber, "01234567", Some("GB"))?,
            Identifier::new(IdentifierKind::VatNumber, "GB 123 4567 89", Some("GB"))?,
        ],
        ..NewContact::organisation("Northbank Building Society")
    })?;
    let carol = contacts.create(NewContact::person("Carol", "Jenkins"))?;
    contacts.add_affiliation(
        carol.id,
        carol.version,
        AffiliationKind::WorksFor,
        northbank.id,
        Some("Mortgage Operations Manager"),
    )?;
    let edward = contacts.create(NewContact {
        emails: vec![email("edward.marsh@post.example", "home")?],
        ..NewContact::person("Edward", "Marsh")
    })?;
    let harbour_conv = contacts.create(NewContact {
        emails: vec![email("conveyancing@harbourconv.example", "work")?],
        ..NewContact::organisation("Harbour Conveyancing LLP")
    })?;
    let kim = contacts.create(NewContact {
        phones: vec![phone("+44 1225 555 0177", "office")?],
        ..NewContact::person("Kim", "Lowe")
    })?;
    let acme = contacts.create(NewContact {
        emails: vec![
            email("legal@acmewidgets.example", "legal")?,
            email("accounts@acmewidgets.example", "accounts")?,
        ],
        phones: vec![
            phone("+44 117 496 0000", "switchboard")?,
            phone("+44 117 496 0123", "legal")?,
        ],
        addresses: vec![
            address(
                &["Unit 4", "Avonmouth Way"],
                "Bristol",
                "BS11 9YA",
                "GB",
                "registered office",
            ),
            address(&["PO Box 77"], "Bristol", "BS99 7AA", "GB", "post"),
        ],
        identifiers: vec![
            Identifier::new(IdentifierKind::CompanyNumber, "07654321", Some("GB"))?,
            Identifier::new(IdentifierKind::TaxId, "1234567890", Some("GB"))?,
            Identifier::new(IdentifierKind::VatNumber, "GB 987 6543 21", Some("GB"))?,
        ],
        ..NewContact::organisation("Acme Widgets Ltd")
    })?;
    let acme_holdings = contacts.create(NewContact {
        identifiers: vec![Identifier::new(
            IdentifierKind::CompanyNumber,
            "00998877",
            Some("GB"),
        )?],
        ..NewContact::organisation("Acme Holdings plc")
    })?;
    let borealis = contacts.create(NewContact {
        addresses: vec![PostalAddress {
            region: Some("DE".into()),
            ..address(
                &["1200 Market Street"],
                "Wilmington",
                "19801",
                "US",
                "registered office",
            )
        }],
        identifiers: vec![Identifier::new(
            IdentifierKind::TaxId,
            "98-7654321",
            Some("US"),
        )?],
        ..NewContact::organisation("Borealis Corp")
    })?;
    let grant_law = contacts.create(NewContact::organisation("Grant Law LLP"))?;
    let oliver = contacts.create(NewContact {
        emails: vec![email("ogrant@grant-law.example", "work")?],
        ..NewContact::person("Oliver", "Grant")
    })?;
    contacts.add_affiliation(
        oliver.id,
        oliver.version,
        AffiliationKind::WorksFor,
        grant_law.id,
        Some("Partner"),
    )?;
    let court = contacts.create(NewContact::organisation("County Court at Bristol"))?;
    let judge = contacts.create(NewContact {
        title: Some("HHJ".into()),
        ..NewContact::person("Anita", "Patel")
    })?;
    let expert = contacts.create(NewContact {
        title: Some("Dr".into()),
        ..NewContact::person("Rosa", "Lind")
    })?;
    let witness = contacts.create(NewContact::person("Zoë", "Ångström"))?;
    let counsel = contacts.create(NewContact {
        emails: vec![email("mfielding@chambers.example", "clerk")?],
        ..NewContact::person("Mark", "Fielding")
    })?;
    let jane = contacts.create(NewContact {
        emails: vec![email("jane.smith@mail.example", "home")?],
        ..NewContact::person("Jane", "Smith")
    })?;
    let bob = contacts.create(NewContact {
        emails: vec![email("bob@brown.example", "home")?],
        ..NewContact::person("Bob", "Brown")
    })?;
    p.admin
        .interchange()
        .import_contacts(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Nina Notary\r\nN:Notary;Nina;;;\r\n\
             EMAIL;TYPE=work:nina@notary.example\r\nTEL;TYPE=work:+44 20 7946 0999\r\n\
             NOTE:Notary public for the Borealis affidavits\r\nEND:VCARD\r\n",
        )?
        .into_iter()
        .next()
        .ok_or("the vCard imported nothing")?;

    at("2026-09-02T09:00:00Z")?;
    let tom = contacts.update(
        tom.id,
        tom.version,
        ContactChanges {
            phones: Some(vec![phone("+44 7700 900456", "mobile")?]),
            addresses: Some(vec![address(
                &["Flat 3", "27 Pulteney Road"],
                "Bath",
                "BA2 4EZ",
                "GB",
                "home",
            )]),
            ..ContactChanges::default()
        },
    )?;
    let amelia = p.daniel.contacts().record_identity_verification(
        amelia.id,
        amelia.version,
        IdentityStatus::Verified,
        Some(day("2026-09-02")?),
        Some(VerificationMethod::Electronic),
    )?;
    let acme = p.helen.contacts().record_identity_verification(
        acme.id,
        acme.version,
        IdentityStatus::Verified,
        Some(day("2026-09-02")?),
        Some(VerificationMethod::CertifiedCopies),
    )?;
    p.priya.contacts().record_identity_verification(
        jane.id,
        jane.version,
        IdentityStatus::Pending,
        None,
        None,
    )?;
    p.daniel.contacts().record_identity_verification(
        bob.id,
        bob.version,
        IdentityStatus::Failed,
        Some(day("2026-09-02")?),
        Some(VerificationMethod::VideoCall),
    )?;

    // === Thursday 3 September: an old remortgage file (closed, later archived) ============
    at("2026-09-03T09:00:00Z")?;
    let m7 = p.daniel.matters().create(NewMatter {
        description: "Remortgage to Northbank; completed, file to be archived.".into(),
        ..new_matter(
            "Remortgage of 27 Pulteney Road",
            "conveyancing",
            vec![amelia.id],
            daniel.id,
            BillingKind::NonBillable,
        )?
    })?;
    let m7 = p.daniel.matters().add_party(
        m7.id,
        m7.version,
        northbank.id,
        PartyRole::Lender,
        None,
        Some("NB/RM/2211".into()),
    )?;
    check_conflicts(&p.daniel, m7.id, &clear_all)?;
    p.daniel.matters().open(m7.id, m7.version)?;

    // === Monday 7 September: the Acacia Avenue purchase (joint clients, workflow) =========
    at("2026-09-07T08:30:00Z")?;
    let mut key_dates = BTreeMap::new();
    key_dates.insert("exchange".to_owned(), day("2026-10-30")?);
    let m1 = p.daniel.matters().create(NewMatter {
        description: "Freehold purchase with a Northbank mortgage; seller Edward Marsh.".into(),
        originating: Some(helen.id),
        team: vec![
            TeamMember {
                user: sophie.id,
                role: MatterRole::Paralegal,
            },
            TeamMember {
                user: helen.id,
                role: MatterRole::Supervisor,
            },
        ],
        key_dates,
        ..new_matter(
            "Purchase of 12 Acacia Avenue, Bath",
            "conveyancing",
            vec![amelia.id, tom.id],
            daniel.id,
            BillingKind::FixedFee,
        )?
    })?;
    let matters = p.daniel.matters();
    let m = matters.add_party(
        m1.id,
        m1.version,
        northbank.id,
        PartyRole::Lender,
        None,
        Some("NB/MO/88412".into()),
    )?;
    let m = matters.add_party(
        m.id,
        m.version,
        edward.id,
        PartyRole::OpposingParty,
        None,
        None,
    )?;
    let seller = m
        .parties
        .iter()
        .find(|x| x.contact == edward.id)
        .map(|x| x.id);
    let m = matters.add_party(
        m.id,
        m.version,
        harbour_conv.id,
        PartyRole::OpposingCounsel,
        seller,
        Some("HC/EM/4471".into()),
    )?;
    let m = matters.add_party(
        m.id,
        m.version,
        carol.id,
        PartyRole::Other,
        None,
        Some("lender's case manager".into()),
    )?;
    let m = matters.set_key_date(m.id, m.version, "completion", Some(day("2026-11-13")?))?;
    let m = matters.set_custom_field(
        m.id,
        m.version,
        "property_value",
        Some(CustomValue::Decimal(dec("475000.00")?)),
    )?;
    let m = matters.set_custom_field(
        m.id,
        m.version,
        "risk_rating",
        Some(CustomValue::Text("medium".into())),
    )?;
    let m = matters.set_custom_field(
        m.id,
        m.version,
        "referrer",
        Some(CustomValue::ContactRef(kim.id)),
    )?;
    let m = matters.set_custom_field(
        m.id,
        m.version,
        "file_location",
        Some(CustomValue::Text("Bath office, cabinet 3".into())),
    )?;
    at("2026-09-07T09:00:00Z")?;
    check_conflicts(&p.daniel, m1.id, &clear_all)?;
    let m = matters.open(m.id, m.version)?;
    at("2026-09-07T09:05:00Z")?;
    // The estate agent joins after the check, which runs again; a secretary joins the team.
    let m = matters.add_party(m.id, m.version, kim.id, PartyRole::Agent, None, None)?;
    let m1 = matters.add_team_member(m.id, m.version, sam.id, MatterRole::Secretary)?;
    at("2026-09-07T09:10:00Z")?;
    let wf = p.daniel.workflow();
    wf.start(m1.id, "ew-residential-purchase", None)?;

    // === Tuesday 8 September: Acme Widgets v Borealis Corp (litigation) ====================
    at("2026-09-08T08:30:00Z")?;
    let mut key_dates = BTreeMap::new();
    key_dates.insert("limitation".to_owned(), day("2031-06-30")?);
    key_dates.insert("trial".to_owned(), day("2027-03-15")?);
    let m2 = p.helen.matters().create(NewMatter {
        description: "Breach of a widget supply contract; claim in the County Court at Bristol."
            .into(),
        originating: Some(helen.id),
        team: vec![
            TeamMember {
                user: daniel.id,
                role: MatterRole::FeeEarner,
            },
            TeamMember {
                user: sophie.id,
                role: MatterRole::Paralegal,
            },
        ],
        key_dates,
        ..new_matter(
            "Acme Widgets v Borealis Corp",
            "litigation",
            vec![acme.id],
            helen.id,
            BillingKind::Hourly,
        )?
    })?;
    let lit = p.helen.matters();
    let m = lit.add_party(
        m2.id,
        m2.version,
        borealis.id,
        PartyRole::OpposingParty,
        None,
        Some("claim K00BS123".into()),
    )?;
    let defendant = m
        .parties
        .iter()
        .find(|x| x.contact == borealis.id)
        .map(|x| x.id);
    let m = lit.add_party(
        m.id,
        m.version,
        oliver.id,
        PartyRole::OpposingCounsel,
        None,
        Some("OG/BOR/17".into()),
    )?;
    let og = m
        .parties
        .iter()
        .find(|x| x.contact == oliver.id)
        .map(|x| x.id)
        .ok_or("party")?;
    let m = lit.set_party_acting_for(m.id, m.version, og, defendant)?;
    let m = lit.add_party(m.id, m.version, court.id, PartyRole::Court, None, None)?;
    let m = lit.add_party(m.id, m.version, judge.id, PartyRole::Judge, None, None)?;
    let m = lit.add_party(m.id, m.version, expert.id, PartyRole::Witness, None, None)?;
    let expert_party = m
        .parties
        .iter()
        .find(|x| x.contact == expert.id)
        .map(|x| x.id)
        .ok_or("party")?;
    let m = lit.change_party_role(m.id, m.version, expert_party, PartyRole::Expert)?;
    let m = lit.add_party(m.id, m.version, witness.id, PartyRole::Witness, None, None)?;
    let m = lit.add_party(
        m.id,
        m.version,
        counsel.id,
        PartyRole::CoCounsel,
        None,
        Some("Fielding Chambers".into()),
    )?;
    let m = lit.set_custom_field(m.id, m.version, "legal_aid", Some(CustomValue::Bool(false)))?;
    let m = lit.set_custom_field(m.id, m.version, "box_number", Some(CustomValue::Number(42)))?;
    let m = lit.set_custom_field(
        m.id,
        m.version,
        "limitation_date",
        Some(CustomValue::Date(day("2031-06-30")?)),
    )?;
    let m = lit.set_custom_field(
        m.id,
        m.version,
        "risk_rating",
        Some(CustomValue::Choice("low".into())),
    )?;
    let m = lit.set_custom_field(m.id, m.version, "legal_aid", None)?;
    let m = lit.update(
        m.id,
        m.version,
        MatterChanges {
            description: Some(
                "Breach of a widget supply contract (framework agreement of 2023); claim in \
                 the County Court at Bristol."
                    .into(),
            ),
            ..MatterChanges::default()
        },
    )?;
    at("2026-09-08T09:00:00Z")?;
    let waived = check_conflicts(&p.helen, m2.id, &|i, hit| {
        if i == 0 {
            (
                HitDisposition::Waived,
                format!("{}: informed consent of both clients on file", hit.name),
            )
        } else {
            clear_all(i, hit)
        }
    })?;
    println!("  litigation conflict check: {} hit(s)", waived.hits.len());
    let m = lit.open(m.id, m.version)?;
    at("2026-09-08T09:15:00Z")?;
    let m2 = lit.add_ethical_wall(
        m.id,
        m.version,
        priya.id,
        "acted for Borealis at her previous firm",
    )?;

    // The purchase: identity and conflict confirmed, the client-care letter filed.
    at("2026-09-08T10:00:00Z")?;
    p.daniel.contacts().record_identity_verification(
        tom.id,
        tom.version,
        IdentityStatus::Verified,
        Some(day("2026-09-08")?),
        Some(VerificationMethod::InPerson),
    )?;
    let w = wf.get(m1.id)?;
    let w = wf.complete_item(
        m1.id,
        w.version,
        "verify_identity",
        Some("both clients verified"),
    )?;
    wf.complete_item(m1.id, w.version, "conflict_check", None)?;
    at("2026-09-08T10:30:00Z")?;
    p.daniel.documents().add(
        NewDocument {
            matter: m1.id,
            name: "Client-care letter".into(),
            category: "client_care_letter".into(),
            media_type: "application/pdf".into(),
        },
        b"%PDF-1.4\n% Client-care letter, Acacia Avenue\n",
        Some(
            "Client care letter: costs estimate, complaints procedure, fixed fee of 1200 plus VAT",
        ),
    )?;

    // === Wednesday 9 September: Acme's second matter, the team-only restructuring =========
    at("2026-09-09T08:30:00Z")?;
    let m8 = p.daniel.matters().create(new_matter(
        "Acme Widgets: distribution agreement review",
        "commercial",
        vec![acme.id],
        daniel.id,
        BillingKind::Hourly,
    )?)?;
    check_conflicts(&p.daniel, m8.id, &clear_all)?;
    let m8 = p.daniel.matters().open(m8.id, m8.version)?;

    at("2026-09-09T10:00:00Z")?;
    let m3 = p.helen.matters().create(NewMatter {
        description: "Confidential group restructuring.".into(),
        visibility: Visibility::Team,
        team: vec![TeamMember {
            user: daniel.id,
            role: MatterRole::FeeEarner,
        }],
        ..new_matter(
            "Project Lighthouse",
            "corporate",
            vec![acme_holdings.id],
            helen.id,
            BillingKind::Hourly,
        )?
    })?;
    // Opened past the conflict-check rule on the partner's authority: a rule override.
    let m3 = p.helen.matters().open_overriding(
        m3.id,
        m3.version,
        "board meeting tomorrow; the conflict check follows within 24 hours",
    )?;
    if p.helen.compliance().overrides(m3.id)?.is_empty() {
        return Err("opening Project Lighthouse overrode no rule".into());
    }

    at("2026-09-09T11:00:00Z")?;
    let source_of_funds = p
        .daniel
        .tasks()
        .for_matter(m1.id, Page::first(100)?)?
        .items
        .into_iter()
        .find(|t| t.checklist_item.as_deref() == Some("source_of_funds"))
        .ok_or("the stage task")?;
    let source_of_funds = p.sophie.tasks().set_status(
        source_of_funds.id,
        source_of_funds.version,
        TaskStatus::InProgress,
    )?;
    at("2026-09-09T11:30:00Z")?;
    let cm = p.alan.client_money();
    cm.record(
        NewTrustEntry {
            matter: m1.id,
            client: amelia.id,
            kind: TrustEntryKind::Receipt,
            amount: gbp("5000.00")?,
            date: day("2026-09-09")?,
            reference: "BACS 88412".into(),
            counterparty: "Amelia and Tom Hart".into(),
            description: "On account of searches, fees and SDLT".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;

    // === Thursday 10 September: probate; terms for Acme; the particulars ==================
    at("2026-09-10T08:30:00Z")?;
    let m4 = p.priya.matters().create(NewMatter {
        description: "Estate of Margaret Smith (deceased 2 August 2026).".into(),
        ..new_matter(
            "Estate of Margaret Smith",
            "probate",
            vec![jane.id],
            priya.id,
            BillingKind::Hourly,
        )?
    })?;
    check_conflicts(&p.priya, m4.id, &clear_all)?;
    let m4 = p.priya.matters().open(m4.id, m4.version)?;

    at("2026-09-10T08:45:00Z")?;
    p.daniel.matters().close(
        m7.id,
        mv(&p.daniel, m7.id)?,
        Some("completed and registered".into()),
    )?;
    at("2026-09-10T09:00:00Z")?;
    let alan_time = p.alan.time();
    let mut acme_terms = BillingTerms::empty(TermsScope::Client(acme.id), alan.id, clock.now());
    acme_terms.rate = Some(gbp("300.00")?);
    acme_terms.user_rates.insert(sophie.id, gbp("140.00")?);
    acme_terms.codes = Some(CodePolicy {
        task_sets: vec![CodeSet::Litigation],
        allowed: vec![],
    });
    let acme_terms = alan_time.set_terms(acme_terms, 0)?;
    let mut m2_terms = BillingTerms::empty(TermsScope::Matter(m2.id), alan.id, clock.now());
    m2_terms.user_rates.insert(daniel.id, gbp("320.00")?);
    m2_terms.rounding = Some(RoundingPolicy {
        increment_minutes: 10,
        mode: RoundingMode::Up,
        minimum_minutes: 0,
        aggregation: Aggregation::PerEntry,
    });
    alan_time.set_terms(m2_terms, 0)?;
    at("2026-09-10T09:05:00Z")?;
    alan_time.set_terms(
        BillingTerms {
            rate: Some(gbp("310.00")?),
            ..acme_terms.clone()
        },
        acme_terms.version,
    )?;

    at("2026-09-10T10:00:00Z")?;
    let particulars = p.daniel.documents().add(
        NewDocument {
            matter: m2.id,
            name: "Particulars of claim".into(),
            category: "statement_of_case".into(),
            media_type: "text/plain".into(),
        },
        b"PARTICULARS OF CLAIM. The Claimant supplied widgets; the Defendant has not paid.\n",
        Some("particulars of claim widgets supplied unpaid invoices framework agreement"),
    )?;

    // === Friday 11 September: source of funds in =========================================
    at("2026-09-11T14:00:00Z")?;
    p.sophie.tasks().set_status(
        source_of_funds.id,
        source_of_funds.version,
        TaskStatus::Complete,
    )?;

    // === Monday 14 September: the lease renewal; the purchase moves to pre-exchange =======
    at("2026-09-14T08:30:00Z")?;
    let m5 = p.daniel.matters().create(new_matter(
        "Brown: lease renewal, 4 Quay Street",
        "property",
        vec![bob.id],
        daniel.id,
        BillingKind::Hourly,
    )?)?;
    check_conflicts(&p.daniel, m5.id, &clear_all)?;
    p.daniel.matters().open(m5.id, m5.version)?;
    at("2026-09-14T09:00:00Z")?;
    let progress = wf.get(m1.id)?;
    let moved = wf.move_to(m1.id, progress.version, "pre_exchange", None)?;
    if let MoveOutcome::Blocked(blockers) = &moved.outcome {
        return Err(format!("stage move blocked: {blockers:?}").into());
    }

    // Client money is reconciled while only the purchase holds any: `reconcile` in this
    // version sums the cash book with `ledger_balance`, which refuses the entries of more
    // than one client-matter ledger (see the fixture's README).
    at("2026-09-14T16:00:00Z")?;
    cm.reconcile(BankStatement {
        date: day("2026-09-14")?,
        balance: gbp("5000.00")?,
        deposits_in_transit: vec![],
        outstanding_payments: vec![],
    })?;

    // === Tuesday 15 September: the declined boundary dispute; searches back ===============
    at("2026-09-15T08:30:00Z")?;
    let m6 = p.daniel.matters().create(new_matter(
        "Brown v Acme Widgets: boundary",
        "litigation",
        vec![bob.id],
        daniel.id,
        BillingKind::Contingency,
    )?)?;
    p.daniel.matters().add_party(
        m6.id,
        m6.version,
        acme.id,
        PartyRole::OpposingParty,
        None,
        None,
    )?;
    // Acme is a current client: the firm declines to act, and leaves the other hits undecided.
    let check = p.helen.conflicts().run(m6.id)?;
    let on_acme = check
        .hits
        .iter()
        .position(|h| h.contact == acme.id && h.via.is_none())
        .ok_or("no hit on Acme")?;
    let declined = p.helen.conflicts().decide(
        m6.id,
        check.version,
        on_acme,
        HitDisposition::Declined,
        "Acme Widgets is a current client: we cannot act against it",
    )?;
    println!(
        "  boundary conflict check: {} ({} hits)",
        declined.status(),
        declined.hits.len()
    );

    at("2026-09-15T10:00:00Z")?;
    let w = wf.complete_item(
        m1.id,
        moved.progress.version,
        "search_local",
        Some("LLC1 and CON29 back: nothing adverse"),
    )?;
    let w = wf.complete_item(m1.id, w.version, "search_drainage", Some("CON29DW back"))?;
    at("2026-09-15T10:10:00Z")?;
    wf.reopen_item(m1.id, w.version, "search_drainage")?;
    at("2026-09-15T10:30:00Z")?;
    cm.record(
        NewTrustEntry {
            matter: m1.id,
            client: amelia.id,
            kind: TrustEntryKind::Payment,
            amount: gbp("350.00")?,
            date: day("2026-09-15")?,
            reference: "CHQ 100231".into(),
            counterparty: "Bath and North East Somerset Council".into(),
            description: "Local authority search fee".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;

    // === Wednesday 16 September: documents, tasks, a note, an appointment, SDLT ===========
    at("2026-09-16T09:00:00Z")?;
    p.sophie.documents().add(
        NewDocument {
            matter: m1.id,
            name: "TA6 Property Information Form".into(),
            category: "TA6".into(),
            media_type: "application/pdf".into(),
        },
        b"%PDF-1.4\n% TA6 from the seller's solicitors\n",
        Some("TA6 property information form boundaries disputes notices"),
    )?;
    let contract = p.daniel.documents().add(
        NewDocument {
            matter: m1.id,
            name: "Draft contract".into(),
            category: "contract".into(),
            media_type: "text/plain".into(),
        },
        b"AGREEMENT for the sale of 12 Acacia Avenue, Bath. Price: 475,000. Deposit: 10%.\n",
        Some("agreement for sale of 12 Acacia Avenue Bath price deposit ten percent"),
    )?;

    at("2026-09-16T10:00:00Z")?;
    let tasks = p.daniel.tasks();
    let order = tasks.create(NewTask {
        matter: Some(m1.id),
        title: "Order the mortgage deed from Northbank".into(),
        description: "Lender's panel form too.".into(),
        assignee: Some(Assignee::User(sophie.id)),
        priority: Priority::High,
        due: Some(TaskDue::On {
            date: day("2026-09-25")?,
        }),
    })?;
    tasks.create(NewTask {
        matter: Some(m1.id),
        title: "Clients sign the mortgage deed".into(),
        description: String::new(),
        assignee: Some(Assignee::Contact(amelia.id)),
        priority: Priority::Normal,
        due: Some(TaskDue::Relative {
            anchor: DueAnchor::Task(order.id),
            count: DayCount::new(5, DayUnit::BusinessDays)?,
        }),
    })?;
    tasks.create(NewTask {
        matter: Some(m1.id),
        title: "Report on title before exchange".into(),
        description: String::new(),
        assignee: Some(Assignee::User(daniel.id)),
        priority: Priority::High,
        due: Some(TaskDue::Relative {
            anchor: DueAnchor::KeyDate("exchange".into()),
            count: DayCount::new(-3, DayUnit::BusinessDays)?,
        }),
    })?;

    at("2026-09-16T11:00:00Z")?;
    let purchase_note = p.daniel.notes().add(
        NoteSubject::Matter(m1.id),
        "Seller wants exchange by the end of October.",
    )?;

    at("2026-09-16T12:00:00Z")?;
    let mut signing = NewAppointment::new(
        "Signing meeting with Amelia and Tom Hart",
        london("2026-10-27T14:00:00", "2026-10-27T15:00:00")?,
    );
    signing.matter = Some(m1.id);
    signing.kind = AppointmentKind::Appointment;
    signing.location = "Harbour & Vale, Bath office, room 1".into();
    signing.description = "Contract, transfer and mortgage deed to sign.".into();
    signing.attendees = vec![
        Attendee::User(daniel.id),
        Attendee::Contact(amelia.id),
        Attendee::Contact(tom.id),
    ];
    signing.reminders = vec![24 * 60, 30];
    let signing = p.daniel.appointments().create(signing)?;

    at("2026-09-16T12:30:00Z")?;
    let sdlt = p.daniel.docket().add(NewDeadline {
        responsible: Some(daniel.id),
        ..NewDeadline::new(
            m1.id,
            rule("sdlt-return")?,
            DeadlineTrigger::KeyDate {
                name: "completion".into(),
            },
        )
    })?;
    at("2026-09-16T12:35:00Z")?;
    p.daniel.docket().update(
        sdlt.id,
        sdlt.version,
        DeadlineChanges {
            reminders: Some(vec![10, 3]),
            responsible: Some(Some(sophie.id)),
            ..DeadlineChanges::default()
        },
    )?;

    // === Thursday 17 September: the client emails (filed by the parties of one matter) ====
    at("2026-09-17T07:45:00Z")?;
    p.sophie.communications().ingest_email(&raw_email(
        "Amelia Hart <amelia.hart@mail.example>",
        "daniel.okafor@harbourvale.example",
        "Mortgage offer has arrived",
        "Thu, 17 Sep 2026 08:40:00 +0100",
        "offer-1@mail.example",
        "The offer came this morning; scan attached.",
        Some((
            "mortgage-offer.pdf",
            b"%PDF-1.4\n% Northbank mortgage offer\n",
        )),
    ))?;

    // === Friday 18 September: the deed is late; the particulars amended and signed ========
    at("2026-09-18T09:00:00Z")?;
    let order = tasks.update(
        order.id,
        order.version,
        TaskChanges {
            priority: Some(Priority::Urgent),
            due: Some(Some(TaskDue::On {
                date: day("2026-09-30")?,
            })),
            ..TaskChanges::default()
        },
    )?;
    at("2026-09-18T10:00:00Z")?;
    let particulars = p.helen.documents().add_version(
        particulars.id,
        particulars.version,
        b"PARTICULARS OF CLAIM (amended). The Claimant supplied 12,000 widgets; GBP 84,000 unpaid.\n",
        "text/plain",
        Some("amended particulars of claim widgets supplied unpaid 84000 framework agreement"),
    )?;
    let particulars = p.helen.documents().set_status(
        particulars.id,
        particulars.version,
        DocumentStatus::Final,
    )?;
    p.helen
        .documents()
        .set_status(particulars.id, particulars.version, DocumentStatus::Signed)?;

    // === Monday 21 September: service; deadlines, the calendar, tasks =====================
    at("2026-09-21T08:30:00Z")?;
    let court_fee_receipt = p.sophie.documents().add(
        NewDocument {
            matter: m2.id,
            name: "Court fee receipt".into(),
            category: "receipt".into(),
            media_type: "image/png".into(),
        },
        b"\x89PNG\r\n\x1a\nfake receipt image",
        None,
    )?;
    at("2026-09-21T09:00:00Z")?;
    let docket = p.daniel.docket();
    let ack = docket.add(NewDeadline {
        title: Some("Borealis to acknowledge service".into()),
        responsible: Some(daniel.id),
        ..NewDeadline::new(
            m2.id,
            rule("cpr-acknowledgment-of-service")?,
            DeadlineTrigger::Date {
                date: day("2026-09-21")?,
            },
        )
    })?;
    let defence = docket.add(NewDeadline {
        responsible: Some(helen.id),
        reminders: Some(vec![14, 7, 2]),
        ..NewDeadline::new(
            m2.id,
            rule("cpr-defence-after-acknowledgment")?,
            DeadlineTrigger::KeyDate {
                name: "particulars_served".into(),
            },
        )
    })?;
    let review_rule = lexcase::deadlines::RulePack::from_toml(FIRM_DEADLINES)?
        .rules
        .into_iter()
        .next()
        .ok_or("no firm deadline rule")?;
    docket.add(NewDeadline::new(
        m2.id,
        review_rule,
        DeadlineTrigger::Deadline { id: defence.id },
    ))?;
    let limitation = docket.add(NewDeadline::new(
        m2.id,
        rule("limitation-contract")?,
        DeadlineTrigger::Date {
            date: day("2025-06-30")?,
        },
    ))?;
    at("2026-09-21T09:10:00Z")?;
    p.helen.matters().set_key_date(
        m2.id,
        mv(&p.helen, m2.id)?,
        "particulars_served",
        Some(day("2026-09-21")?),
    )?;

    at("2026-09-21T10:00:00Z")?;
    let cal = p.helen.appointments();
    let mut hearing = NewAppointment::new(
        "Case management conference",
        london("2026-11-20T10:00:00", "2026-11-20T11:30:00")?,
    );
    hearing.kind = AppointmentKind::Hearing;
    hearing.matter = Some(m2.id);
    hearing.location = "Bristol Civil Justice Centre, 2 Redcliff Street".into();
    hearing.attendees = vec![
        Attendee::User(helen.id),
        Attendee::User(daniel.id),
        Attendee::Contact(counsel.id),
    ];
    hearing.reminders = vec![7 * 24 * 60, 24 * 60];
    let hearing = cal.create(hearing)?;
    let mut weekly = NewAppointment::new(
        "Acme case team meeting",
        london("2026-10-05T09:30:00", "2026-10-05T10:00:00")?,
    );
    weekly.kind = AppointmentKind::Meeting;
    weekly.matter = Some(m2.id);
    weekly.recurrence = Some("FREQ=WEEKLY;BYDAY=MO;COUNT=8".into());
    weekly.attendees = vec![
        Attendee::User(helen.id),
        Attendee::User(daniel.id),
        Attendee::User(sophie.id),
    ];
    weekly.location = "Meeting room 2".into();
    let weekly = cal.create(weekly)?;
    at("2026-09-21T10:30:00Z")?;
    let mut window = NewAppointment::new(
        "Trial window",
        Schedule::all_day(day("2027-03-15")?, day("2027-03-19")?),
    );
    window.kind = AppointmentKind::Hearing;
    window.matter = Some(m2.id);
    window.attendees = vec![Attendee::User(helen.id)];
    cal.create(window)?;
    let mut away = NewAppointment::new(
        "Firm away day",
        Schedule::all_day(day("2026-10-16")?, day("2026-10-16")?),
    );
    away.attendees = vec![
        Attendee::User(helen.id),
        Attendee::User(daniel.id),
        Attendee::User(sophie.id),
        Attendee::User(priya.id),
    ];
    away.description = "No client meetings.".into();
    p.admin.appointments().create(away)?;
    let mut call = NewAppointment::new(
        "Call with counsel",
        london("2026-10-02T16:00:00", "2026-10-02T16:30:00")?,
    );
    call.kind = AppointmentKind::Call;
    call.matter = Some(m2.id);
    call.attendees = vec![Attendee::User(helen.id), Attendee::Contact(counsel.id)];
    let call = cal.create(call)?;

    at("2026-09-21T11:00:00Z")?;
    let lt = p.helen.tasks();
    let instruct = lt.create(NewTask {
        matter: Some(m2.id),
        title: "Instruct Dr Lind (quantum expert)".into(),
        description: "Letter of instruction under CPR 35.".into(),
        assignee: Some(Assignee::User(sophie.id)),
        priority: Priority::High,
        due: Some(TaskDue::On {
            date: day("2026-10-09")?,
        }),
    })?;
    lt.create(NewTask {
        matter: Some(m2.id),
        title: "Serve the expert report".into(),
        description: String::new(),
        assignee: Some(Assignee::User(daniel.id)),
        priority: Priority::Normal,
        due: Some(TaskDue::Relative {
            anchor: DueAnchor::Task(instruct.id),
            count: DayCount::new(20, DayUnit::CalendarDays)?,
        }),
    })?;
    lt.create(NewTask {
        matter: Some(m2.id),
        title: "Prepare the trial bundle".into(),
        description: String::new(),
        assignee: Some(Assignee::User(sophie.id)),
        priority: Priority::Normal,
        due: Some(TaskDue::Relative {
            anchor: DueAnchor::KeyDate("trial".into()),
            count: DayCount::new(-14, DayUnit::BusinessDays)?,
        }),
    })?;
    lt.create(NewTask {
        matter: Some(m2.id),
        title: "Provide disclosure documents".into(),
        description: "Delivery notes and invoices 2024-2026.".into(),
        assignee: Some(Assignee::Contact(acme.id)),
        priority: Priority::Low,
        due: None,
    })?;
    let review = lt.create(NewTask {
        matter: Some(m2.id),
        title: "Review the defence".into(),
        description: String::new(),
        assignee: Some(Assignee::User(helen.id)),
        priority: Priority::High,
        due: Some(TaskDue::On {
            date: day("2026-10-02")?,
        }),
    })?;
    at("2026-09-21T11:30:00Z")?;
    p.admin.tasks().create(NewTask {
        matter: None,
        title: "Renew professional indemnity insurance".into(),
        description: "Broker's proposal form due.".into(),
        assignee: Some(Assignee::User(admin_user.id)),
        priority: Priority::Normal,
        due: Some(TaskDue::On {
            date: day("2026-11-30")?,
        }),
    })?;
    let letterhead = p.admin.tasks().create(NewTask {
        matter: None,
        title: "Order new letterhead".into(),
        description: String::new(),
        assignee: None,
        priority: Priority::Low,
        due: None,
    })?;
    at("2026-09-21T11:40:00Z")?;
    p.admin
        .tasks()
        .set_status(letterhead.id, letterhead.version, TaskStatus::Cancelled)?;

    at("2026-09-21T16:00:00Z")?;
    p.sophie.time().record_expense(NewExpense {
        matter: m2.id,
        date: day("2026-09-18")?,
        description: "Court issue fee".into(),
        quantity: Decimal::ONE,
        unit_cost: gbp("455.00")?,
        expense_code: Some("E112".into()),
        vendor: "HMCTS".into(),
        receipt: Some(court_fee_receipt.id),
        tax: ExpenseTax::Disbursement,
        billable: true,
    })?;
    let rail = p.helen.time().record_expense(NewExpense {
        matter: m2.id,
        date: day("2026-09-21")?,
        description: "Rail fare to Bristol".into(),
        quantity: Decimal::ONE,
        unit_cost: gbp("48.60")?,
        expense_code: Some("E110".into()),
        vendor: "GWR".into(),
        receipt: None,
        tax: ExpenseTax::VatableCost,
        billable: true,
    })?;

    // === Tuesday 22 September: a timer, a logged call, the contract revised ===============
    at("2026-09-22T09:00:00Z")?;
    p.helen.time().update_expense(
        rail.id,
        rail.version,
        ExpenseChanges {
            unit_cost: Some(gbp("52.40")?),
            description: Some("Rail fare to Bristol (return)".into()),
            ..ExpenseChanges::default()
        },
    )?;
    p.sophie.time().record_expense(NewExpense {
        matter: m2.id,
        date: day("2026-09-22")?,
        description: "Courier (absorbed)".into(),
        quantity: dec("2")?,
        unit_cost: gbp("12.50")?,
        expense_code: Some("E107".into()),
        vendor: "City Couriers".into(),
        receipt: None,
        tax: ExpenseTax::VatableCost,
        billable: false,
    })?;
    let dt = p.daniel.time();
    at("2026-09-22T13:00:00Z")?;
    dt.start_timer(m2.id, "Telephone call with Oliver Grant")?;
    at("2026-09-22T13:10:00Z")?;
    dt.pause_timer()?;
    at("2026-09-22T13:30:00Z")?;
    dt.resume_timer()?;
    at("2026-09-22T13:42:00Z")?;
    dt.stop_timer(Some(
        "Call with Oliver Grant about the extension; attendance note",
    ))?;
    at("2026-09-22T13:45:00Z")?;
    let mut caller = Participant::new(ParticipantRole::From, "Oliver Grant", "+44 117 496 0999")?;
    caller.contact = Some(oliver.id);
    let mut callee = Participant::new(ParticipantRole::To, "Daniel Okafor", "")?;
    callee.user = Some(daniel.id);
    let logged_call = p.daniel.communications().record(NewCommunication {
        matter: Some(m2.id),
        channel: Channel::Phone,
        direction: Direction::Inbound,
        occurred_at: utc("2026-09-22T13:00:00Z")?,
        subject: "Borealis asks for 14 days more for the defence".into(),
        body: "Told him we would take instructions; no agreement given.".into(),
        participants: vec![caller, callee],
    })?;
    at("2026-09-22T13:50:00Z")?;
    let lit_note = p.helen.notes().add(
        NoteSubject::Matter(m2.id),
        "Borealis likely to counterclaim for late delivery.",
    )?;
    at("2026-09-22T15:00:00Z")?;
    let contract = p.daniel.documents().add_version(
        contract.id,
        contract.version,
        b"AGREEMENT for the sale of 12 Acacia Avenue, Bath. Price: 470,000. Deposit: 5%.\n",
        "text/plain",
        Some("agreement for sale of 12 Acacia Avenue Bath price reduced deposit five percent exchange"),
    )?;
    p.daniel
        .documents()
        .set_status(contract.id, contract.version, DocumentStatus::Final)?;

    // === 23 and 24 September: notes edited; money on account for Acme =====================
    at("2026-09-23T16:00:00Z")?;
    let purchase_note = p.daniel.notes().edit(
        purchase_note.id,
        purchase_note.version,
        "Seller wants exchange by 30 October; clients agree.",
    )?;
    at("2026-09-23T17:00:00Z")?;
    let short_by_charge = cm.reconcile(BankStatement {
        date: day("2026-09-23")?,
        balance: gbp("4985.00")?,
        deposits_in_transit: vec![],
        outstanding_payments: vec![StatementItem {
            description: "cheque 100231 (search fee) not yet presented".into(),
            amount: gbp("350.00")?,
        }],
    })?;
    println!(
        "  reconciliation of 23 September balanced: {}",
        short_by_charge.reconciliation.balanced
    );
    at("2026-09-24T09:00:00Z")?;
    p.helen.notes().edit(
        purchase_note.id,
        purchase_note.version,
        "Seller wants exchange by 30 October; clients agree. Price reduced to 470,000 after the \
         survey.",
    )?;
    let contact_note = p.sophie.notes().add(
        NoteSubject::Contact(acme.id),
        "Accounts contact prefers invoices by email to accounts@.",
    )?;
    at("2026-09-24T09:30:00Z")?;
    p.sophie.notes().edit(
        contact_note.id,
        contact_note.version,
        "Accounts contact prefers invoices by email to accounts@; PO number required.",
    )?;
    at("2026-09-24T10:00:00Z")?;
    cm.record(
        NewTrustEntry {
            matter: m2.id,
            client: acme.id,
            kind: TrustEntryKind::Receipt,
            amount: gbp("3000.00")?,
            date: day("2026-09-24")?,
            reference: "ACME PO 5521".into(),
            counterparty: "Acme Widgets Ltd".into(),
            description: "Money on account of costs".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;
    let misposted = cm.record(
        NewTrustEntry {
            matter: m2.id,
            client: acme.id,
            kind: TrustEntryKind::Receipt,
            amount: gbp("250.00")?,
            date: day("2026-09-24")?,
            reference: "BACS 90121".into(),
            counterparty: "Acme Holdings plc".into(),
            description: "Receipt".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;

    // === Friday 25 September: a reversal; the week's time recorded ========================
    at("2026-09-25T10:00:00Z")?;
    cm.reverse(
        misposted.id,
        day("2026-09-25")?,
        "posted to the wrong ledger: belongs to Project Lighthouse",
        None,
    )?;
    at("2026-09-25T10:30:00Z")?;
    cm.record(
        NewTrustEntry {
            matter: m8.id,
            client: acme.id,
            kind: TrustEntryKind::Receipt,
            amount: gbp("1000.00")?,
            date: day("2026-09-25")?,
            reference: "BACS 90188".into(),
            counterparty: "Acme Widgets Ltd".into(),
            description: "On account: counsel's fee".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;

    at("2026-09-25T17:00:00Z")?;
    let coded = |matter: MatterId,
                 date: &str,
                 duration: &str,
                 text: &str,
                 task: Option<&str>,
                 activity: Option<&str>|
     -> AnyResult<NewTimeEntry> {
        let mut e = NewTimeEntry::new(matter, day(date)?, parse_duration(duration)?, text);
        e.task_code = task.map(str::to_owned);
        e.activity_code = activity.map(str::to_owned);
        Ok(e)
    };
    dt.record(coded(
        m2.id,
        "2026-09-10",
        "2h30m",
        "Drafting particulars of claim",
        Some("L210"),
        Some("A103"),
    )?)?;
    let review_docs = dt.record(coded(
        m2.id,
        "2026-09-11",
        "1.5h",
        "Reviewing delivery records",
        Some("L110"),
        Some("A104"),
    )?)?;
    let mut internal = coded(
        m2.id,
        "2026-09-11",
        "0:45",
        "Internal file review",
        None,
        None,
    )?;
    internal.billability = Billability::NonBillable;
    dt.record(internal)?;
    let mut courtesy = coded(
        m2.id,
        "2026-09-14",
        "20m",
        "Courtesy call with the client",
        None,
        Some("A106"),
    )?;
    courtesy.billability = Billability::NoCharge;
    dt.record(courtesy)?;
    let ht = p.helen.time();
    let mut manual = coded(
        m2.id,
        "2026-09-21",
        "3h",
        "Attending to issue and service",
        Some("L120"),
        None,
    )?;
    manual.rate = Some(gbp("400.00")?);
    ht.record(manual)?;
    p.sophie.time().record(coded(
        m2.id,
        "2026-09-21",
        "2h",
        "Preparing the service bundle",
        Some("L120"),
        Some("A110"),
    )?)?;
    dt.record(coded(
        m8.id,
        "2026-09-15",
        "2h",
        "Reviewing the distribution agreement",
        None,
        Some("A104"),
    )?)?;
    dt.record(coded(
        m8.id,
        "2026-09-16",
        "1h20m",
        "Mark-up of the exclusivity clause",
        None,
        Some("A103"),
    )?)?;
    dt.record_expense(NewExpense {
        matter: m8.id,
        date: day("2026-09-16")?,
        description: "Companies House documents".into(),
        quantity: dec("3")?,
        unit_cost: gbp("3.00")?,
        expense_code: Some("E101".into()),
        vendor: "Companies House".into(),
        receipt: None,
        tax: ExpenseTax::Disbursement,
        billable: true,
    })?;
    dt.record(NewTimeEntry::new(
        m1.id,
        day("2026-09-14")?,
        parse_duration("1h")?,
        "Reviewing the contract pack",
    ))?;
    p.sophie.time().record(NewTimeEntry::new(
        m1.id,
        day("2026-09-15")?,
        parse_duration("45m")?,
        "Ordering searches",
    ))?;
    dt.record_for(
        TimeSource::Appointment(signing.id),
        3600,
        Some("Preparing the signing meeting"),
    )?;
    let pt = p.priya.time();
    pt.record(NewTimeEntry::new(
        m4.id,
        day("2026-09-10")?,
        parse_duration("1.2h")?,
        "Initial meeting with the executor",
    ))?;
    pt.record(NewTimeEntry::new(
        m4.id,
        day("2026-09-17")?,
        parse_duration("2h")?,
        "Preparing PA1P and IHT205",
    ))?;
    pt.record_expense(NewExpense {
        matter: m4.id,
        date: day("2026-09-18")?,
        description: "Probate application fee".into(),
        quantity: Decimal::ONE,
        unit_cost: gbp("300.00")?,
        expense_code: None,
        vendor: "HMCTS".into(),
        receipt: None,
        tax: ExpenseTax::Disbursement,
        billable: true,
    })?;
    dt.record(NewTimeEntry::new(
        m5.id,
        day("2026-09-16")?,
        parse_duration("1h")?,
        "Reviewing the section 25 notice",
    ))?;
    dt.record(NewTimeEntry::new(
        m5.id,
        day("2026-09-23")?,
        parse_duration("30m")?,
        "Letter to the landlord",
    ))?;

    // === Saturday 26 September: an entry corrected, a duplicate written off ===============
    at("2026-09-26T08:00:00Z")?;
    dt.update(
        review_docs.id,
        review_docs.version,
        TimeEntryChanges {
            seconds: Some(parse_duration("1h45m")?),
            narrative: Some("Reviewing delivery records and invoices".into()),
            ..TimeEntryChanges::default()
        },
    )?;
    let duplicate = dt.record(coded(
        m2.id,
        "2026-09-11",
        "30m",
        "Reviewing delivery records (duplicate)",
        Some("L110"),
        None,
    )?)?;
    at("2026-09-26T08:30:00Z")?;
    p.alan.time().write_off(duplicate.id, duplicate.version)?;

    // === Monday 28 and Tuesday 29 September: the call moved; the defence arrives ==========
    at("2026-09-28T09:00:00Z")?;
    let call = cal.update(
        call.id,
        call.version,
        AppointmentChanges {
            schedule: Some(london("2026-10-01T16:00:00", "2026-10-01T16:45:00")?),
            ..AppointmentChanges::default()
        },
    )?;
    at("2026-09-29T09:00:00Z")?;
    let ingested = p.sophie.communications().ingest_email(&raw_email(
        "Oliver Grant <ogrant@grant-law.example>",
        "helen.carter@harbourvale.example, daniel.okafor@harbourvale.example",
        &format!("RE: {} Defence and counterclaim", m2.number),
        "Tue, 29 Sep 2026 09:12:00 +0100",
        "defence-17@grant-law.example",
        "Please find our client's defence and counterclaim attached.",
        Some((
            "Defence and counterclaim.pdf",
            b"%PDF-1.4\n% DEFENCE AND COUNTERCLAIM of Borealis Corp\n",
        )),
    ))?;
    if ingested.communication.matter != Some(m2.id) {
        return Err("the defence was not filed by its matter number".into());
    }
    at("2026-09-29T09:30:00Z")?;
    let lit_note = p.helen.notes().edit(
        lit_note.id,
        lit_note.version,
        "Borealis has counterclaimed for late delivery (defence of 29 September).",
    )?;
    at("2026-09-29T10:00:00Z")?;
    ht.record_for(
        TimeSource::Communication(ingested.communication.id),
        5400,
        Some("Considering the defence and counterclaim"),
    )?;
    p.sophie
        .time()
        .record_for(TimeSource::Task(instruct.id), 1800, None)?;
    dt.record_for(TimeSource::Communication(logged_call.id), 600, None)?;
    at("2026-09-29T11:00:00Z")?;
    p.sophie
        .tasks()
        .set_status(order.id, order.version, TaskStatus::Complete)?;

    // === Wednesday 30 September: a letter; the lease bill issued; a reconciliation ========
    at("2026-09-30T10:00:00Z")?;
    let mut to = Participant::new(ParticipantRole::To, "Grant Law LLP", "DX 7831 Bristol")?;
    to.contact = Some(grant_law.id);
    p.helen.communications().record(NewCommunication {
        matter: Some(m2.id),
        channel: Channel::Letter,
        direction: Direction::Outbound,
        occurred_at: clock.now(),
        subject: "Reply to defence: extension refused".into(),
        body: "We refer to your call of 22 September.".into(),
        participants: vec![to],
    })?;
    at("2026-09-30T16:00:00Z")?;
    let bills = p.alan.bills();
    let b4 = bills.draft(DraftRequest {
        client: bob.id,
        matters: vec![m5.id],
        period_from: day("2026-09-01")?,
        period_to: day("2026-09-30")?,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "Lease renewal: work to 30 September".into(),
    })?;
    let b4 = bills.transition(b4.id, b4.version, BillStatus::Approved)?;
    let b4 = bills.issue(b4.id, b4.version)?;
    at("2026-09-30T17:10:00Z")?;
    cal.cancel(call.id, call.version)?;

    // === Thursday 1 October: a void, two files closed, a rate rise, the Acme bill drafted =
    at("2026-10-01T08:30:00Z")?;
    bills.void(
        b4.id,
        b4.version,
        "addressed to Bob Brown personally; the tenant is Brown Trading Ltd",
    )?;
    let m5 = p.daniel.matters().close(
        m5.id,
        mv(&p.daniel, m5.id)?,
        Some("lease renewed by agreement".into()),
    )?;
    at("2026-10-01T09:00:00Z")?;
    let daniel_now = p.admin.users().get(daniel.id)?;
    p.admin.users().update(
        daniel.id,
        daniel_now.version,
        &UserChanges {
            default_rate: Some(dec("285.00")?),
            ..UserChanges::default()
        },
    )?;
    at("2026-10-01T09:30:00Z")?;
    p.daniel.notes().edit(
        lit_note.id,
        lit_note.version,
        "Borealis has counterclaimed for late delivery (defence of 29 September); reply due \
         with the defence to counterclaim.",
    )?;
    at("2026-10-01T10:00:00Z")?;
    let b1 = bills.draft(DraftRequest {
        client: acme.id,
        matters: vec![m2.id, m8.id],
        period_from: day("2026-09-01")?,
        period_to: day("2026-09-30")?,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "Professional services to 30 September 2026".into(),
    })?;
    let b1 = bills.transition(b1.id, b1.version, BillStatus::Approved)?;
    let b1 = bills.transition(b1.id, b1.version, BillStatus::Draft)?;
    let b1 = bills.transition(b1.id, b1.version, BillStatus::Approved)?;
    at("2026-10-01T15:00:00Z")?;
    lt.set_status(review.id, review.version, TaskStatus::Complete)?;

    // === Friday 2 October: the Acme bill issued ===========================================
    at("2026-10-02T09:00:00Z")?;
    let b1 = bills.issue(b1.id, b1.version)?;

    // === Monday 5 October: the probate bill; the lease file reopened ======================
    at("2026-10-05T09:00:00Z")?;
    let b2 = bills.draft(DraftRequest {
        client: jane.id,
        matters: vec![m4.id],
        period_from: day("2026-09-01")?,
        period_to: day("2026-09-30")?,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "Estate administration: first interim bill".into(),
    })?;
    let b2 = bills.set_line_discount(b2.id, b2.version, 1, Some(Discount::Percent(dec("10")?)))?;
    let b2 = bills.add_adjustment(
        b2.id,
        b2.version,
        "Office copies of the will",
        dec("15.00")?,
        true,
    )?;
    let b2 = bills.transition(b2.id, b2.version, BillStatus::Approved)?;
    let b2 = bills.issue(b2.id, b2.version)?;
    at("2026-10-05T10:00:00Z")?;
    p.daniel.matters().reopen(
        m5.id,
        m5.version,
        "landlord served a fresh section 25 notice",
    )?;

    // === Tuesday 6 October: deadlines closed ==============================================
    at("2026-10-06T08:30:00Z")?;
    cal.update(
        hearing.id,
        hearing.version,
        AppointmentChanges {
            location: Some("Bristol Civil Justice Centre, court 4".into()),
            ..AppointmentChanges::default()
        },
    )?;
    at("2026-10-06T09:00:00Z")?;
    let ack = docket.get(ack.id)?;
    docket.complete(ack.id, ack.version)?;
    let limitation = docket.get(limitation.id)?;
    docket.vacate(
        limitation.id,
        limitation.version,
        "claim issued on 18 September 2026, well within the period",
    )?;
    at("2026-10-06T09:30:00Z")?;
    dt.record(NewTimeEntry::new(
        m5.id,
        day("2026-10-06")?,
        parse_duration("1h10m")?,
        "Considering the fresh notice",
    ))?;

    // === 7 and 8 October: two emails from Bob, a party to two live matters ================
    at("2026-10-07T08:00:00Z")?;
    let comms = p.sophie.communications();
    comms.ingest_email(&raw_email(
        "Bob Brown <bob@brown.example>",
        "daniel.okafor@harbourvale.example",
        "Fence photos",
        "Wed, 07 Oct 2026 08:55:00 +0100",
        "bob-1@brown.example",
        "Photos of the fence attached.",
        Some(("fence.pdf", b"%PDF-1.4\n% photos of the fence\n")),
    ))?;
    at("2026-10-08T08:00:00Z")?;
    let queued = comms
        .ingest_email(&raw_email(
            "bob@brown.example",
            "daniel.okafor@harbourvale.example",
            "New notice from the landlord",
            "Thu, 08 Oct 2026 08:30:00 +0100",
            "bob-2@brown.example",
            "The landlord sent another notice yesterday.",
            None,
        ))?
        .communication;
    at("2026-10-08T09:00:00Z")?;
    comms.file(queued.id, queued.version, m5.id)?;

    // === Friday 9 October: one meeting of the series moved ================================
    at("2026-10-09T15:00:00Z")?;
    let weekly = cal.change_occurrence(
        weekly.id,
        weekly.version,
        local("2026-10-12T09:30:00")?,
        OccurrenceChange::Changed {
            schedule: Some(london("2026-10-13T14:00:00", "2026-10-13T14:30:00")?),
            title: Some("Acme case team meeting (moved: Monday court list)".into()),
            location: None,
        },
    )?;

    // === Thursday 15 October: Jane pays, less 10.00 written off ===========================
    at("2026-10-15T10:00:00Z")?;
    let payments = p.alan.payments();
    let short = b2.totals.total - dec("10.00")?;
    payments.record(NewPayment {
        client: jane.id,
        received_on: day("2026-10-15")?,
        amount: Money::new(short, gbp_currency, "amount")?,
        method: "bank transfer".into(),
        reference: "SMITH ESTATE".into(),
        allocations: vec![Allocation {
            bill: b2.id,
            amount: short,
        }],
    })?;
    at("2026-10-15T10:05:00Z")?;
    let b2 = bills.get(b2.id)?;
    payments.write_off(
        b2.id,
        b2.version,
        dec("10.00")?,
        "small balance written off",
    )?;

    // === Tuesday 20 October: Acme pays part; the probate file closed ======================
    at("2026-10-20T10:00:00Z")?;
    let p1 = payments.record(NewPayment {
        client: acme.id,
        received_on: day("2026-10-20")?,
        amount: gbp("2000.00")?,
        method: "BACS".into(),
        reference: "ACME REMIT 7781".into(),
        allocations: vec![Allocation {
            bill: b1.id,
            amount: dec("1500.00")?,
        }],
    })?;
    at("2026-10-20T15:00:00Z")?;
    p.priya.matters().close(
        m4.id,
        mv(&p.priya, m4.id)?,
        Some("estate administered".into()),
    )?;

    // === Wednesday 21 October: more of the payment allocated; the remortgage archived =====
    at("2026-10-21T10:00:00Z")?;
    payments.allocate(p1.id, p1.version, b1.id, dec("300.00")?)?;
    at("2026-10-21T11:00:00Z")?;
    let m7 = p.admin.matters().set_custom_field(
        m7.id,
        mv(&p.admin, m7.id)?,
        "box_number",
        Some(CustomValue::Number(1187)),
    )?;
    p.admin.matters().archive(
        m7.id,
        m7.version,
        Some("seven years' retention from 2026".into()),
    )?;

    at("2026-10-21T12:00:00Z")?;
    // Companies House now shows Acme Widgets as a subsidiary of Acme Holdings.
    let acme_now = sam_s.contacts().get(acme.id)?;
    sam_s.contacts().add_affiliation(
        acme.id,
        acme_now.version,
        AffiliationKind::SubsidiaryOf,
        acme_holdings.id,
        None,
    )?;

    // === Thursday 22 October: a credit note; a ledger overdrawn on authority, put right ====
    at("2026-10-22T10:00:00Z")?;
    let b1 = bills.get(b1.id)?;
    bills.credit_note(
        b1.id,
        b1.version,
        dec("120.00")?,
        "goodwill: delay in service of the claim",
    )?;
    at("2026-10-22T11:00:00Z")?;
    p.helen.client_money().record(
        NewTrustEntry {
            matter: m8.id,
            client: acme.id,
            kind: TrustEntryKind::Payment,
            amount: gbp("1200.00")?,
            date: day("2026-10-22")?,
            reference: "CHAPS 4410".into(),
            counterparty: "Fielding Chambers".into(),
            description: "Counsel's fee for the opinion".into(),
            bill: None,
            reverses: None,
        },
        Some("counsel's fee due today; Acme's further 500.00 cleared this afternoon"),
    )?;
    at("2026-10-22T15:00:00Z")?;
    cm.record(
        NewTrustEntry {
            matter: m8.id,
            client: acme.id,
            kind: TrustEntryKind::Receipt,
            amount: gbp("500.00")?,
            date: day("2026-10-22")?,
            reference: "BACS 90302".into(),
            counterparty: "Acme Widgets Ltd".into(),
            description: "Further money on account".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;

    // === Friday 23 October: a meeting cancelled; October's time (work in progress) ========
    at("2026-10-23T15:00:00Z")?;
    cal.change_occurrence(
        weekly.id,
        weekly.version,
        local("2026-10-26T09:30:00")?,
        OccurrenceChange::Cancelled,
    )?;
    at("2026-10-23T17:00:00Z")?;
    dt.record(NewTimeEntry::new(
        m2.id,
        day("2026-10-19")?,
        parse_duration("3h")?,
        "Drafting the reply and defence to counterclaim",
    ))?;
    ht.record(NewTimeEntry::new(
        m2.id,
        day("2026-10-21")?,
        parse_duration("1h")?,
        "Conference with counsel",
    ))?;
    dt.record(NewTimeEntry::new(
        m8.id,
        day("2026-10-20")?,
        parse_duration("50m")?,
        "Call with Acme's sales director",
    ))?;
    dt.record(NewTimeEntry::new(
        m1.id,
        day("2026-10-22")?,
        parse_duration("1.5h")?,
        "Replies to enquiries",
    ))?;
    let mut lighthouse = NewTimeEntry::new(
        m3.id,
        day("2026-10-12")?,
        parse_duration("4h")?,
        "Board minutes and share transfer forms",
    );
    lighthouse.activity_code = Some("A103".into());
    ht.record(lighthouse)?;

    // === Wednesday 28 October: the fixed-fee bill, paid from client money =================
    at("2026-10-28T10:00:00Z")?;
    let b3 = bills.draft(DraftRequest {
        client: amelia.id,
        matters: vec![m1.id],
        period_from: day("2026-09-01")?,
        period_to: day("2026-10-31")?,
        arrangement: FeeArrangement::FixedFee {
            amount: dec("1200.00")?,
            show_time: false,
        },
        discount: None,
        description: "Purchase of 12 Acacia Avenue: agreed fixed fee".into(),
    })?;
    let b3 = bills.transition(b3.id, b3.version, BillStatus::Approved)?;
    let b3 = bills.issue(b3.id, b3.version)?;
    at("2026-10-28T11:00:00Z")?;
    cm.record(
        NewTrustEntry {
            matter: m1.id,
            client: amelia.id,
            kind: TrustEntryKind::TransferToOffice,
            amount: Money::new(b3.totals.total, gbp_currency, "amount")?,
            date: day("2026-10-28")?,
            reference: b3.number.clone().unwrap_or_default(),
            counterparty: String::new(),
            description: "Costs per invoice (fixed fee)".into(),
            bill: Some(b3.id),
            reverses: None,
        },
        None,
    )?;

    // === Friday 30 October: a draft left as a draft; a reconciliation; timers; a leaver ===
    at("2026-10-30T09:00:00Z")?;
    bills.draft(DraftRequest {
        client: bob.id,
        matters: vec![m5.id],
        period_from: day("2026-09-01")?,
        period_to: day("2026-10-31")?,
        arrangement: FeeArrangement::Hourly,
        discount: Some(Discount::Percent(dec("5")?)),
        description: "Lease renewal: work to 31 October".into(),
    })?;
    at("2026-10-30T15:30:00Z")?;
    p.sophie
        .time()
        .start_timer(m1.id, "Checking the completion statement")?;
    at("2026-10-30T15:50:00Z")?;
    p.sophie.time().pause_timer()?;
    at("2026-10-30T16:00:00Z")?;
    ht.start_timer(m2.id, "Reading the counterclaim")?;
    at("2026-10-30T16:15:00Z")?;
    p.admin.users().update(
        felix.id,
        felix.version,
        &UserChanges {
            active: Some(false),
            ..UserChanges::default()
        },
    )?;
    at(END)?;
    println!("story told");
    Ok(())
}

/// The firm's own compliance pack (installed and put in force).
const FIRM_RULES: &str = r#"
id = "harbour-vale"
version = 1
title = "Harbour & Vale house rules"

[[rules]]
id = "high_wip"
version = 1
title = "WIP above 5,000 needs a bill"
condition = 'time.unbilled_value > 5000.0'
severity = "warn"
message = "Matter {matter.number} has {time.unbilled_value} unbilled."
remedy = "Bill the client or agree a payment on account."

[[tests]]
name = "fires above the limit"
facts = { time = { unbilled_value = 6000.0 } }
expect = ["high_wip"]

[[tests]]
name = "quiet below it"
facts = { time = { unbilled_value = 100.0 } }
expect = []
"#;

/// The firm's own deadline rule: a partner review 7 days before another deadline.
const FIRM_DEADLINES: &str = r#"
id = "harbour-vale"
version = 1
title = "Harbour & Vale practice deadlines"

[[rules]]
id = "internal-review"
title = "Partner review of the draft"
citation = "Harbour & Vale practice note 3"
period = { amount = 7, unit = "days" }
direction = "before"
method = "calendar"
roll = "backward"
service_days = false
court_office_act = false
holidays = "england-wales+firm"
"#;

// ------------------------------------------------------------------------------------------
// The dump: everything read back through the public API as the administrator.

fn v<T: Serialize>(value: &T) -> AnyResult<Value> {
    Ok(serde_json::to_value(value)?)
}

/// A `None` for a not-found error, the value otherwise.
fn found<T>(result: lexcase::Result<T>) -> AnyResult<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(LexcaseError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Sorts records by the sequence number of the first audit event about them (creation order).
fn by_creation<T>(items: &mut [T], first: &HashMap<Uuid, u64>, id: impl Fn(&T) -> Uuid) {
    items.sort_by_key(|item| (first.get(&id(item)).copied().unwrap_or(u64::MAX), id(item)));
}

/// Fails unless the records listed through the API are exactly those the audit trail created.
fn same_ids(what: &str, listed: impl IntoIterator<Item = Uuid>, audited: &[Uuid]) -> AnyResult<()> {
    let listed: BTreeSet<Uuid> = listed.into_iter().collect();
    let audited: BTreeSet<Uuid> = audited.iter().copied().collect();
    if listed != audited {
        return Err(format!(
            "{what}: the API lists {} record(s), the audit trail names {}",
            listed.len(),
            audited.len()
        )
        .into());
    }
    Ok(())
}

fn dump(firm: &Firm) -> AnyResult<Value> {
    let admin = firm.session_by_email(ADMIN_EMAIL)?;

    // The full audit trail, paged to the end, and what it says was created.
    let mut events: Vec<AuditEvent> = Vec::new();
    let mut cursor = 0;
    loop {
        let batch = admin.audit().changes_since(cursor, 1000)?;
        events.extend(batch.events);
        cursor = batch.next_cursor;
        if !batch.more {
            break;
        }
    }
    let head = firm.store().read()?.audit_head()?;
    let head_seq = head.as_ref().map_or(0, |h| h.seq);
    if events.len() as u64 != head_seq
        || events
            .iter()
            .enumerate()
            .any(|(i, e)| e.seq != i as u64 + 1)
    {
        return Err("the administrator's change feed is not the whole chain".into());
    }
    let mut first: HashMap<Uuid, u64> = HashMap::new();
    let mut of_kind: BTreeMap<&'static str, Vec<Uuid>> = BTreeMap::new();
    for e in &events {
        if e.entity_id.is_nil() {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = first.entry(e.entity_id) {
            slot.insert(e.seq);
            of_kind
                .entry(e.entity_kind.as_str())
                .or_default()
                .push(e.entity_id);
        }
    }
    let audited = |kind: EntityKind| of_kind.get(kind.as_str()).cloned().unwrap_or_default();

    let users = Paged::collect_all(|p| admin.users().list(p))?;
    let contacts = Paged::collect_all(|p| admin.contacts().search("", None, p))?;
    same_ids(
        "users",
        users.iter().map(|u| u.id.into()),
        &audited(EntityKind::User),
    )?;
    let created_contacts: Vec<Uuid> = events
        .iter()
        .filter(|e| {
            e.entity_kind == EntityKind::Contact
                && (e.action == "contact.created" || e.action == "contact.imported")
        })
        .map(|e| e.entity_id)
        .collect();
    same_ids(
        "contacts",
        contacts.iter().map(|c| c.id.into()),
        &created_contacts,
    )?;

    let mut matters = Paged::collect_all(|p| admin.matters().list(MatterFilter::default(), p))?;
    matters.sort_by(|a, b| a.number.cmp(&b.number));
    let created_matters: Vec<Uuid> = events
        .iter()
        .filter(|e| e.action == "matter.created")
        .map(|e| e.entity_id)
        .collect();
    same_ids(
        "matters",
        matters.iter().map(|m| m.id.into()),
        &created_matters,
    )?;

    let mut matter_dumps = Vec::new();
    let mut notes = Vec::new();
    let mut documents = Vec::new();
    let mut communications = Vec::new();
    let mut trust = Vec::new();
    for m in &matters {
        let workflow = found(admin.workflow().get(m.id))?;
        let report = match &workflow {
            Some(_) => Some(v(&admin.workflow().report(m.id)?)?),
            None => None,
        };
        let terms = admin.time().terms(TermsScope::Matter(m.id))?;
        matter_dumps.push(json!({
            "matter": v(m)?,
            "workflow": v(&workflow)?,
            "workflow_report": report,
            "conflict_check": v(&admin.conflicts().get(m.id)?)?,
            "rule_overrides": v(&admin.compliance().overrides(m.id)?)?,
            "billing_terms": if terms.version > 0 { v(&terms)? } else { Value::Null },
        }));
        notes.extend(Paged::collect_all(|p| admin.notes().for_matter(m.id, p))?);
        documents.extend(Paged::collect_all(|p| {
            admin.documents().for_matter(m.id, p)
        })?);
        communications.extend(Paged::collect_all(|p| {
            admin.communications().of_matter(m.id, p)
        })?);
        trust.extend(admin.client_money().entries(m.id)?);
    }
    let mut client_terms = Vec::new();
    for c in &contacts {
        notes.extend(Paged::collect_all(|p| admin.notes().for_contact(c.id, p))?);
        let terms = admin.time().terms(TermsScope::Client(c.id))?;
        if terms.version > 0 {
            client_terms.push(v(&terms)?);
        }
    }
    communications.extend(Paged::collect_all(|p| admin.communications().unfiled(p))?);

    let mut tasks = Paged::collect_all(|p| admin.tasks().list(TaskQuery::default(), p))?;
    by_creation(&mut tasks, &first, |t| t.id.into());
    same_ids(
        "tasks",
        tasks.iter().map(|t| t.id.into()),
        &audited(EntityKind::Task),
    )?;
    by_creation(&mut notes, &first, |n| n.id.into());
    same_ids(
        "notes",
        notes.iter().map(|n| n.id.into()),
        &audited(EntityKind::Note),
    )?;
    by_creation(&mut documents, &first, |d| d.id.into());
    same_ids(
        "documents",
        documents.iter().map(|d| d.id.into()),
        &audited(EntityKind::Document),
    )?;
    // Every version's contents read back from the blob store and match their hash.
    let mut blob_hashes = BTreeSet::new();
    for d in &documents {
        for version in &d.versions {
            let bytes = admin.documents().contents(d.id, Some(version.number))?;
            if ContentHash::of(&bytes) != version.hash || bytes.len() as u64 != version.size {
                return Err(format!(
                    "document {} version {} does not read back",
                    d.id, version.number
                )
                .into());
            }
            blob_hashes.insert(version.hash.as_str().to_owned());
        }
    }
    by_creation(&mut communications, &first, |c| c.id.into());
    same_ids(
        "communications",
        communications.iter().map(|c| c.id.into()),
        &audited(EntityKind::Communication),
    )?;
    for c in &communications {
        if let Some(raw) = &c.raw {
            if ContentHash::of(&admin.communications().raw_message(c.id)?) != *raw {
                return Err("an email original does not read back".into());
            }
            blob_hashes.insert(raw.as_str().to_owned());
        }
        for (i, a) in c.attachments.iter().enumerate() {
            if ContentHash::of(&admin.communications().attachment(c.id, i)?) != a.hash {
                return Err("an attachment does not read back".into());
            }
            blob_hashes.insert(a.hash.as_str().to_owned());
        }
    }

    let mut appointments = audited(EntityKind::Appointment)
        .into_iter()
        .map(|id| admin.appointments().get(id.into()))
        .collect::<lexcase::Result<Vec<_>>>()?;
    by_creation(&mut appointments, &first, |a| a.id.into());

    let mut deadlines = Paged::collect_all(|p| admin.docket().list(&DeadlineQuery::default(), p))?;
    by_creation(&mut deadlines, &first, |d| d.id.into());
    same_ids(
        "deadlines",
        deadlines.iter().map(|d| d.id.into()),
        &audited(EntityKind::Deadline),
    )?;

    let mut time_entries = Paged::collect_all(|p| admin.time().list(&WorkQuery::default(), p))?;
    by_creation(&mut time_entries, &first, |e| e.id.into());
    same_ids(
        "time entries",
        time_entries.iter().map(|e| e.id.into()),
        &audited(EntityKind::TimeEntry),
    )?;
    let mut expenses = Paged::collect_all(|p| admin.time().expenses(&WorkQuery::default(), p))?;
    by_creation(&mut expenses, &first, |e| e.id.into());
    same_ids(
        "expenses",
        expenses.iter().map(|e| e.id.into()),
        &audited(EntityKind::Expense),
    )?;

    let mut timers = Vec::new();
    for u in users.iter().filter(|u| u.active) {
        if let Some(timer) = firm.session(u.id)?.time().timer()? {
            timers.push(v(&timer)?);
        }
    }

    let mut bills = Paged::collect_all(|p| admin.bills().list(&BillQuery::default(), p))?;
    by_creation(&mut bills, &first, |b| b.id.into());
    same_ids(
        "bills",
        bills.iter().map(|b| b.id.into()),
        &audited(EntityKind::Bill),
    )?;
    let mut payments = audited(EntityKind::Payment)
        .into_iter()
        .map(|id| admin.payments().get(id.into()))
        .collect::<lexcase::Result<Vec<_>>>()?;
    by_creation(&mut payments, &first, |p| p.id.into());
    by_creation(&mut trust, &first, |e| e.id.into());
    same_ids(
        "client-money entries",
        trust.iter().map(|e| e.id.into()),
        &audited(EntityKind::ClientMoney),
    )?;
    // Reconciliations have no list in the API: the audit trail keeps each record.
    let reconciliations: Vec<Value> = events
        .iter()
        .filter(|e| e.action == "client_money.reconciled")
        .map(|e| json!({ "seq": e.seq, "changes": e.changes }))
        .collect();

    // Service-level results for a regression check (none of them reads the clock).
    let gbp_currency = Currency::parse("GBP")?;
    let (wip_matters, wip_users) = admin.reports().wip()?;
    let count = |s: &Session, filter: MatterFilter| -> AnyResult<Value> {
        let page = s.matters().list(filter, Page::default())?;
        Ok(json!({
            "total": page.total,
            "numbers": page.items.iter().map(|m| m.number.clone()).collect::<Vec<_>>(),
        }))
    };
    let by_email = |email: &str| -> AnyResult<Session> { Ok(firm.session_by_email(email)?) };
    let daniel = by_email("daniel.okafor@harbourvale.example")?;
    let priya = by_email("priya.shah@harbourvale.example")?;
    let rita = by_email("rita.reader@harbourvale.example")?;
    let find_contact = |name: &str| -> AnyResult<ContactId> {
        contacts
            .iter()
            .find(|c| c.display_name() == name)
            .map(|c| c.id)
            .ok_or_else(|| format!("no contact {name}").into())
    };
    let acme = find_contact("Acme Widgets Ltd")?;
    let bob = find_contact("Bob Brown")?;
    let jane = find_contact("Jane Smith")?;
    let amelia = find_contact("Amelia Hart")?;
    let daniel_id = daniel.actor_id();
    let mut list_counts = serde_json::Map::new();
    list_counts.insert("all".into(), count(&admin, MatterFilter::default())?);
    for status in [
        MatterStatus::Pending,
        MatterStatus::Open,
        MatterStatus::Closed,
        MatterStatus::Archived,
    ] {
        list_counts.insert(
            format!("status={}", status.as_str()),
            count(
                &admin,
                MatterFilter {
                    status: Some(status),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    for area in ["conveyancing", "Litigation"] {
        list_counts.insert(
            format!("practice_area={area}"),
            count(
                &admin,
                MatterFilter {
                    practice_area: Some(area.into()),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    list_counts.insert(
        "fee_earner=Daniel Okafor".into(),
        count(
            &admin,
            MatterFilter {
                fee_earner: Some(daniel_id),
                ..MatterFilter::default()
            },
        )?,
    );
    for (name, id) in [("Acme Widgets Ltd", acme), ("Bob Brown", bob)] {
        list_counts.insert(
            format!("client={name}"),
            count(
                &admin,
                MatterFilter {
                    client: Some(id),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    for text in ["acacia", "BOREALIS", "marsh", "zoe angstrom", "Zoë"] {
        list_counts.insert(
            format!("text={text}"),
            count(
                &admin,
                MatterFilter {
                    text: Some(text.into()),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    list_counts.insert(
        "as Priya Shah (walled off one matter)".into(),
        count(&priya, MatterFilter::default())?,
    );
    list_counts.insert(
        "as Rita Reader (read-only, no team-only matters)".into(),
        count(&rita, MatterFilter::default())?,
    );
    list_counts.insert("as Daniel Okafor, mine".into(), {
        let mine = daniel.matters().mine(None, Page::default())?;
        json!({ "total": mine.total, "numbers": mine.items.iter().map(|m| m.number.clone()).collect::<Vec<_>>() })
    });

    let ids =
        |items: Vec<Uuid>| -> Vec<String> { items.into_iter().map(|u| u.to_string()).collect() };
    let note_search = |text: &str| -> AnyResult<Value> {
        Ok(json!(ids(admin
            .notes()
            .search(text, Page::default())?
            .items
            .iter()
            .map(|n| n.id.into())
            .collect())))
    };
    let doc_search = |text: &str| -> AnyResult<Value> {
        Ok(json!(ids(admin
            .documents()
            .search(text, Page::default())?
            .items
            .iter()
            .map(|d| d.id.into())
            .collect())))
    };
    let contact_search = |prefix: &str| -> AnyResult<Value> {
        Ok(json!(ids(admin
            .contacts()
            .search(prefix, None, Page::default())?
            .items
            .iter()
            .map(|c| c.id.into())
            .collect())))
    };
    let m2_id = matters
        .iter()
        .find(|m| m.title == "Acme Widgets v Borealis Corp")
        .map(|m| m.id)
        .ok_or("no litigation matter")?;
    let m1_id = matters
        .iter()
        .find(|m| m.title.starts_with("Purchase of 12 Acacia"))
        .map(|m| m.id)
        .ok_or("no purchase matter")?;
    let service_results = json!({
        "reports": {
            "wip": { "matters": v(&wip_matters)?, "fee_earners": v(&wip_users)? },
            "wip_csv": admin.reports().wip_csv()?,
            "hours_2026-09-01_2026-10-31": v(&admin.reports().hours(day("2026-09-01")?, day("2026-10-31")?, dec("7.5")?)?)?,
            "hours_csv_2026-09-01_2026-10-31": admin.reports().hours_csv(day("2026-09-01")?, day("2026-10-31")?, dec("7.5")?)?,
            "aged_debt_2026-10-31": v(&admin.payments().aged_debt(day("2026-10-31")?, gbp_currency)?)?,
            "aged_debt_2027-01-31": v(&admin.payments().aged_debt(day("2027-01-31")?, gbp_currency)?)?,
            "client_money_balances_2026-09-30": v(&admin.reports().client_money_balances(day("2026-09-30")?)?)?,
            "client_money_balances_2026-10-31": v(&admin.reports().client_money_balances(day("2026-10-31")?)?)?,
        },
        "statements": {
            "Acme Widgets Ltd": v(&admin.payments().statement(acme, gbp_currency)?)?,
            "Jane Smith": v(&admin.payments().statement(jane, gbp_currency)?)?,
            "Bob Brown": v(&admin.payments().statement(bob, gbp_currency)?)?,
            "Amelia Hart": v(&admin.payments().statement(amelia, gbp_currency)?)?,
        },
        "client_money_balances_by_matter": matters
            .iter()
            .map(|m| Ok((m.number.clone(), v(&admin.client_money().balances(m.id)?)?)))
            .collect::<AnyResult<serde_json::Map<String, Value>>>()?,
        "matter_list": list_counts,
        "walled_user_gets_litigation_matter": match priya.matters().get(m2_id) {
            Ok(_) => "visible",
            Err(LexcaseError::NotFound { .. }) => "not_found",
            Err(e) => return Err(e.into()),
        },
        "searches": {
            "notes:exchange": note_search("exchange")?,
            "notes:counterclaim": note_search("counterclaim")?,
            "documents:widgets": doc_search("widgets")?,
            "documents:acacia price": doc_search("acacia price")?,
            "contacts:har": contact_search("har")?,
            "contacts:acme": contact_search("acme")?,
            "conflicts:Acme Widget Limited": v(&admin.conflicts().search(&["Acme Widget Limited".into()], &[])?)?,
            "conflicts:id 07654321": v(&admin.conflicts().search(&[], &["0765 4321".into()])?)?,
        },
        "workflow_stage_counts": v(&admin.workflow().stage_counts()?)?,
        "agenda_daniel_2026-10-01_2026-12-31": v(&admin.appointments().agenda(daniel_id, day("2026-10-01")?, day("2026-12-31")?)?)?,
        "calendar_litigation_2026-10-01_2027-03-31": v(&admin.appointments().of_matter(m2_id, day("2026-10-01")?, day("2027-03-31")?)?)?,
        "clashes_daniel_2026-10-01_2026-12-31": v(&admin.appointments().clashes(daniel_id, day("2026-10-01")?, day("2026-12-31")?)?)?,
        "deadline_reminders_2026-10-01_2027-01-31": v(&admin.docket().reminders(day("2026-10-01")?, day("2027-01-31")?, None)?)?,
        "docket_register_2026-09-21": ids(admin.docket().entered_on(day("2026-09-21")?, Page::default())?.items.iter().map(|d| d.id.into()).collect()),
        "tasks_of_purchase": ids(admin.tasks().for_matter(m1_id, Page::first(200)?)?.items.iter().map(|t| t.id.into()).collect()),
        "bill_csv": bills
            .iter()
            .filter(|b| b.number.is_some())
            .map(|b| Ok((b.number.clone().unwrap_or_default(), Value::String(admin.bills().csv(b.id)?))))
            .collect::<AnyResult<serde_json::Map<String, Value>>>()?,
        "vcards": admin.interchange().export_contacts(&contacts.iter().map(|c| c.id).collect::<Vec<_>>())?,
    });
    // Results that depend on the clock (the firm's "today"): read with a FixedClock at `END`.
    let clock_dependent = json!({
        "clock": END,
        "compliance_sweep": v(&admin.compliance().sweep()?)?,
        "compliance_purchase": v(&admin.compliance().evaluate(m1_id)?)?,
        "tasks_overdue": ids(admin.tasks().overdue(Page::first(200)?)?.items.iter().map(|t| t.id.into()).collect()),
        "tasks_due_this_week": ids(admin.tasks().due_this_week(Page::first(200)?)?.items.iter().map(|t| t.id.into()).collect()),
        "workflow_stuck_7_days": v(&admin.workflow().stuck(7, Page::default())?)?,
        "reconciliation_due": v(&admin.client_money().reconciliation_due()?)?,
    });

    // The store's gapless counters have no reader: the numbers issued imply them (both
    // formats end in a four-digit sequence).
    let mut sequences: BTreeMap<String, u64> = BTreeMap::new();
    let numbered = matters
        .iter()
        .map(|m| (String::new(), m.number.clone()))
        .chain(
            bills
                .iter()
                .filter_map(|b| b.number.clone().map(|n| ("bill:".to_owned(), n))),
        );
    for (space, number) in numbered {
        let split = number.len().saturating_sub(4);
        let seq: u64 = number[split..].parse()?;
        let key = format!("{space}{}{{SEQ}}", &number[..split]);
        let last = sequences.entry(key).or_default();
        *last = (*last).max(seq);
    }

    let verification = admin.audit().verify()?;
    Ok(json!({
        "fixture": {
            "lexcase_version": lexcase::VERSION,
            "schema_version": SCHEMA_VERSION,
            "database": DB_FILE,
            "blobs": format!("{DB_FILE}.blobs"),
            "admin_email": ADMIN_EMAIL,
            "read_as": "the administrator (role admin: sees every matter, rates and the audit trail)",
            "order": "records in the order of the first audit event about them, unless noted",
            "blob_files": blob_hashes.len(),
        },
        "firm_settings": v(&admin.settings().get()?)?,
        "sequences_last_issued": sequences,
        "billing_settings": v(&admin.time().billing_settings()?)?,
        "users": v(&users)?,
        "contacts": v(&contacts)?,
        "matters": matter_dumps,
        "workflow_templates": v(&admin.workflow().templates()?)?,
        "tasks": v(&tasks)?,
        "notes": v(&notes)?,
        "documents": v(&documents)?,
        "appointments": v(&appointments)?,
        "deadlines": v(&deadlines)?,
        "communications": v(&communications)?,
        "time_entries": v(&time_entries)?,
        "expenses": v(&expenses)?,
        "timers": timers,
        "billing_terms": { "clients": client_terms },
        "bills": v(&bills)?,
        "payments": v(&payments)?,
        "client_money": v(&trust)?,
        "reconciliations": {
            "latest": v(&firm.store().read()?.latest_reconciliation()?)?,
            "recorded": reconciliations,
        },
        "rule_packs": {
            "installed": v(&firm.store().read()?.installed_rule_packs()?)?,
            "enabled": v(&firm.store().read()?.enabled_rule_packs()?)?,
            "in_force": admin.compliance().packs()?.iter().map(|p| format!("{} v{}", p.id, p.version)).collect::<Vec<_>>(),
        },
        "audit": {
            "head": v(&head)?,
            "verification": v(&verification)?,
            "events": v(&events)?,
        },
        "service_results": service_results,
        "clock_dependent": clock_dependent,
    }))
}
