//! Shared fixtures for the lexcase benches: a firm with a realistic staff, and deterministic
//! generators of contacts and matters with the variety a real firm has (several fee earners
//! and partners, nine practice areas, every status, joint clients, opposing parties with
//! their counsel, lenders, team-only matters and the odd ethical wall).
//!
//! Everything is a pure function of the row number `i`, so two runs build the same data and the
//! benches can compare like with like. Matters are built two ways:
//!
//! * [`new_matter`] gives the [`NewMatter`] a user would submit through the service
//!   (`matters().create` / `create_many`); such a matter starts `pending` with its clients only.
//! * [`build_matter`] gives a complete [`Matter`] aggregate (status history, parties, team,
//!   access) for writing straight into the store with [`WriteTx::insert_matter`], as an import
//!   or migration tool would, with no service checks and no audit.
//!
//! The store-scale comparison (`benches/store_scale.rs`) adds: [`names`] (a realistic,
//! Zipf-like distribution of names, also drawn for conflict searches at scale), [`work`] (time entries, bills, payments and client money
//! over two years), [`raw`] (the hand-written rusqlite program it is compared with) and
//! [`report`] (tables, ratios and targets).

pub mod names;
pub mod raw;
pub mod raw_pg;
pub mod report;
pub mod scale;
pub mod steps;
pub mod work;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::contacts::{
    Contact, ContactKind, Email, Identifier, IdentifierKind, NewContact, Phone, PostalAddress,
};
use lexcase::firm::{FirmSetup, MatterNumberContext};
use lexcase::matters::{
    BillingKind, Matter, MatterRole, MatterStatus, NewMatter, PartyRole, TeamMember,
};
use lexcase::money::Currency;
use lexcase::service::{Firm, Session};
use lexcase::store::{Page, Store};
use lexcase::users::{NewUser, User};
use lexcase::{ContactId, LexcaseError, Result, UserId};
use lexcase_sqlite::{Durability, SqliteOptions, SqliteStore};
use rust_decimal::Decimal;

/// Practice areas, with their weight (share of matters, out of 100).
pub const PRACTICE_AREAS: [(&str, u64); 9] = [
    ("residential conveyancing", 30),
    ("commercial property", 10),
    ("litigation", 14),
    ("employment", 9),
    ("family", 10),
    ("wills and probate", 12),
    ("corporate", 6),
    ("immigration", 4),
    ("personal injury", 5),
];

/// A word that appears in the titles of about 1 in 40 conveyancing matters.
pub const TITLE_WORD: &str = "acacia";
/// A family name carried by about 1 in 80 person contacts, so it shows up among party names.
pub const PARTY_NAME: &str = "okonkwo";
/// The practice area the benches filter on.
pub const FILTER_AREA: &str = "employment";

const GIVEN: [&str; 40] = [
    "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya",
    "Oscar", "Lily", "Harry", "Grace", "Jack", "Sophia", "Charlie", "Rosie", "Thomas", "Zara",
    "Mohammed", "Aisha", "Rohan", "Priya", "Chen", "Mei", "Kwame", "Ama", "Siobhan", "Niamh",
    "Dylan", "Bethan", "Ewan", "Morag", "Tomasz", "Zofia", "Luca", "Chiara", "Ngozi",
];

const FAMILY: [&str; 80] = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Thomas",
    "Clarke",
    "Jackson",
    "Wood",
    "Harris",
    "Edwards",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Hughes",
    "Moore",
    "Clark",
    "King",
    "Harrison",
    "Lewis",
    "Baker",
    "Lee",
    "Allen",
    "Morris",
    "Khan",
    "Scott",
    "Watson",
    "Davis",
    "Parker",
    "James",
    "Bennett",
    "Young",
    "Phillips",
    "Richardson",
    "Mitchell",
    "Bailey",
    "Carter",
    "Cook",
    "Singh",
    "Shaw",
    "Bell",
    "Collins",
    "Morgan",
    "Kelly",
    "Begum",
    "Miller",
    "Cox",
    "Hussain",
    "Marshall",
    "Simpson",
    "Price",
    "Anderson",
    "Adams",
    "Wilkinson",
    "Ali",
    "Ahmed",
    "Foster",
    "Ellis",
    "Murphy",
    "Chapman",
    "Mason",
    "Gray",
    "Okonkwo",
    "Nowak",
    "Müller",
];

const ORG_WORDS: [&str; 30] = [
    "Northbank",
    "Harbour",
    "Meridian",
    "Oakfield",
    "Riverside",
    "Summit",
    "Beacon",
    "Granite",
    "Kestrel",
    "Lantern",
    "Pennine",
    "Thistle",
    "Aldgate",
    "Birchwood",
    "Cobalt",
    "Dunmore",
    "Elmstead",
    "Fairway",
    "Gatehouse",
    "Holloway",
    "Ironbridge",
    "Juniper",
    "Kingsmead",
    "Larkspur",
    "Mariner",
    "Newgate",
    "Orchard",
    "Portland",
    "Quayside",
    "Redcliffe",
];

const ORG_KINDS: [&str; 8] = [
    "Holdings Ltd",
    "Ltd",
    "plc",
    "LLP",
    "Building Society",
    "Bank plc",
    "Properties Ltd",
    "Logistics Ltd",
];

const STREETS: [&str; 40] = [
    "Acacia Avenue",
    "High Street",
    "Station Road",
    "Church Lane",
    "Mill Lane",
    "Victoria Road",
    "Park Road",
    "Green Lane",
    "Manor Road",
    "Kings Road",
    "Queens Road",
    "The Crescent",
    "New Road",
    "School Lane",
    "Grange Road",
    "Springfield Road",
    "Windsor Road",
    "York Road",
    "London Road",
    "Chapel Street",
    "North Street",
    "South Street",
    "West End",
    "Orchard Way",
    "Meadow View",
    "Riverside Walk",
    "Hawthorn Close",
    "Beech Grove",
    "Elm Drive",
    "Cedar Court",
    "Willow Way",
    "Ash Grove",
    "Holly Close",
    "Rowan Drive",
    "Maple Avenue",
    "Birch Road",
    "Oak Lane",
    "Larch Close",
    "Poplar Road",
    "Sycamore Drive",
];

const TOWNS: [&str; 12] = [
    "London",
    "Manchester",
    "Bristol",
    "Leeds",
    "Cardiff",
    "Norwich",
    "York",
    "Bath",
    "Exeter",
    "Reading",
    "Oxford",
    "Brighton",
];

/// A 64-bit mix of `i` and `salt` (splitmix64): cheap, deterministic variety without a RNG.
pub fn mix(i: u64, salt: u64) -> u64 {
    let mut z = i
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xD1B5_4A32_D192_ED03));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick<T: Copy>(items: &[T], i: u64, salt: u64) -> T {
    // `items` are non-empty constants; the modulo keeps the index in range.
    items[(mix(i, salt) % items.len() as u64) as usize]
}

/// Reads a positive whole number from the environment, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// Opens (creating) a SQLite file with the given durability.
pub fn open_file(path: &Path, durability: Durability) -> Result<SqliteStore> {
    SqliteStore::open(
        path,
        SqliteOptions {
            durability,
            ..SqliteOptions::default()
        },
    )
}

/// The people of the benchmark firm.
#[derive(Debug, Clone)]
pub struct Staff {
    /// The first administrator.
    pub admin: User,
    /// Partners (originate work, supervise).
    pub partners: Vec<User>,
    /// Fee earners (responsible for most matters).
    pub fee_earners: Vec<User>,
    /// Paralegals (team members).
    pub paralegals: Vec<User>,
}

/// A set-up firm and its staff.
#[derive(Debug, Clone)]
pub struct BenchFirm {
    /// The firm handle.
    pub firm: Firm,
    /// Its users.
    pub staff: Staff,
    /// The firm's currency.
    pub currency: Currency,
}

/// The email of the benchmark firm's administrator.
pub const ADMIN_EMAIL: &str = "admin@smith-partners.example";
/// Number of partners in the benchmark firm.
pub const PARTNERS: usize = 6;
/// Number of fee earners in the benchmark firm.
pub const FEE_EARNERS: usize = 24;
/// Number of paralegals in the benchmark firm.
pub const PARALEGALS: usize = 8;

/// How many of each role a bench firm employs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffSizes {
    /// Partners.
    pub partners: usize,
    /// Fee earners (associates).
    pub fee_earners: usize,
    /// Paralegals.
    pub paralegals: usize,
    /// Whether hourly rates vary within a role (partners £400–500, associates £180–320,
    /// paralegals £95–125) instead of one rate per role (£450, £260, £110).
    pub varied_rates: bool,
}

impl Default for StaffSizes {
    /// The firm of [`setup_firm`]: [`PARTNERS`], [`FEE_EARNERS`], [`PARALEGALS`], one rate per
    /// role.
    fn default() -> Self {
        Self {
            partners: PARTNERS,
            fee_earners: FEE_EARNERS,
            paralegals: PARALEGALS,
            varied_rates: false,
        }
    }
}

/// The store-scale firm: 50 timekeepers (10 partners, 28 associates, 12 paralegals) with
/// varied rates.
pub const FIFTY_TIMEKEEPERS: StaffSizes = StaffSizes {
    partners: 10,
    fee_earners: 28,
    paralegals: 12,
    varied_rates: true,
};

fn staff_member(role: Role, n: usize, varied_rates: bool) -> NewUser {
    let (label, rate, code) = match role {
        Role::Partner => ("Partner", 450, "PT"),
        Role::Paralegal => ("Paralegal", 110, "PL"),
        _ => ("Associate", 260, "AS"),
    };
    let rate = match (varied_rates, role) {
        (false, _) => rate,
        (true, Role::Partner) => 400 + 25 * (n as i64 % 5),
        (true, Role::Paralegal) => 95 + 10 * (n as i64 % 4),
        (true, _) => 180 + 20 * (n as i64 % 8),
    };
    let given = GIVEN[n % GIVEN.len()];
    let family = FAMILY[(n * 7 + 3) % FAMILY.len()];
    NewUser {
        name: format!("{given} {family} ({label} {n})"),
        email: format!("{}.{n}@smith-partners.example", label.to_lowercase()),
        role,
        default_rate: Some(Decimal::from(rate)),
        rate_currency: None,
        timekeeper_code: Some(code.to_owned()),
    }
}

/// The number in a staff email such as `associate.7@…`.
fn staff_number(email: &str) -> u64 {
    email
        .split(['.', '@'])
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Initialises the firm "Smith & Partners LLP" (GBP, `{CLIENT3}-{SEQ:4}`, Europe/London) on
/// `store` and creates its staff through the service.
pub fn setup_firm(store: impl Store + 'static) -> Result<BenchFirm> {
    setup_firm_on(Firm::new(store), StaffSizes::default())
}

/// [`setup_firm`] on a firm handle made by the caller (with its own clock, say), with `sizes`
/// staff.
pub fn setup_firm_on(firm: Firm, sizes: StaffSizes) -> Result<BenchFirm> {
    let admin = firm.initialise(
        &FirmSetup {
            name: "Smith & Partners LLP".into(),
            default_currency: "GBP".into(),
            matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
            time_zone: "Europe/London".into(),
        },
        &NewUser {
            name: "Alex Admin".into(),
            email: ADMIN_EMAIL.into(),
            role: Role::Admin,
            default_rate: None,
            rate_currency: None,
            timekeeper_code: None,
        },
    )?;
    let session = firm.session(admin.id)?;
    let create = |role: Role, count: usize| -> Result<Vec<User>> {
        (0..count)
            .map(|n| {
                session
                    .users()
                    .create(&staff_member(role, n, sizes.varied_rates))
            })
            .collect()
    };
    let staff = Staff {
        partners: create(Role::Partner, sizes.partners)?,
        fee_earners: create(Role::FeeEarner, sizes.fee_earners)?,
        paralegals: create(Role::Paralegal, sizes.paralegals)?,
        admin,
    };
    let currency = firm.settings()?.default_currency;
    Ok(BenchFirm {
        firm,
        staff,
        currency,
    })
}

impl BenchFirm {
    /// Finds the benchmark firm set up by [`setup_firm`] in an existing store.
    pub fn reattach(firm: Firm) -> Result<Self> {
        let admin = firm.session_by_email(ADMIN_EMAIL)?.users().me()?;
        let users = firm
            .session(admin.id)?
            .users()
            .list(Page::first(Page::MAX_LIMIT)?)?;
        let mut staff = Staff {
            admin,
            partners: Vec::new(),
            fee_earners: Vec::new(),
            paralegals: Vec::new(),
        };
        for user in users.items {
            let list = match user.role {
                Role::Partner => &mut staff.partners,
                Role::FeeEarner => &mut staff.fee_earners,
                Role::Paralegal => &mut staff.paralegals,
                _ => continue,
            };
            list.push(user);
        }
        // `setup_firm` creates them in the order of their email numbers; restore that order.
        for list in [
            &mut staff.partners,
            &mut staff.fee_earners,
            &mut staff.paralegals,
        ] {
            list.sort_by_key(|u| staff_number(&u.email));
        }
        if staff.fee_earners.is_empty() || staff.partners.is_empty() || staff.paralegals.is_empty()
        {
            return Err(LexcaseError::not_found("benchmark staff"));
        }
        let currency = firm.settings()?.default_currency;
        Ok(Self {
            firm,
            staff,
            currency,
        })
    }

    /// Every user: the administrator, partners, fee earners and paralegals.
    pub fn users(&self) -> Vec<User> {
        let s = &self.staff;
        std::iter::once(&s.admin)
            .chain(&s.partners)
            .chain(&s.fee_earners)
            .chain(&s.paralegals)
            .cloned()
            .collect()
    }

    /// A session acting as the administrator.
    pub fn admin(&self) -> Result<Session> {
        self.firm.session(self.staff.admin.id)
    }

    /// A session acting as fee earner `n` (modulo the number of fee earners).
    pub fn fee_earner(&self, n: usize) -> Result<Session> {
        self.firm
            .session(self.staff.fee_earners[n % self.staff.fee_earners.len()].id)
    }

    /// The fee earner responsible for matter `i` (skewed: some carry far more files).
    pub fn responsible_for(&self, i: u64) -> UserId {
        let r = mix(i, 11) % 100;
        let fe = &self.staff.fee_earners;
        // A third of the work goes to the four busiest fee earners.
        let idx = if r < 33 {
            (r % 4) as usize
        } else {
            (mix(i, 12) % fe.len() as u64) as usize
        };
        fe[idx].id
    }
}

/// Contact `i`: four in five are people (with email, phone, home address), the rest
/// organisations (with a company number and registered office).
pub fn new_contact(i: u64) -> NewContact {
    let street = pick(&STREETS, i, 3);
    let address = PostalAddress {
        lines: vec![format!("{} {street}", 1 + mix(i, 4) % 180)],
        locality: Some(pick(&TOWNS, i, 5).to_owned()),
        region: None,
        postal_code: Some(format!(
            "{}{} {}AB",
            pick(&["SW", "N", "E", "M", "BS", "LS", "CF", "NR"], i, 6),
            1 + mix(i, 7) % 20,
            mix(i, 8) % 10
        )),
        country: Some("GB".into()),
        label: None,
    };
    if mix(i, 1).is_multiple_of(5) {
        let name = format!(
            "{} {} {}",
            pick(&ORG_WORDS, i, 9),
            pick(&ORG_WORDS, i, 10),
            pick(&ORG_KINDS, i, 13)
        );
        let mut c = NewContact::organisation(&name);
        c.identifiers = vec![Identifier {
            kind: IdentifierKind::CompanyNumber,
            value: format!("{:08}", mix(i, 14) % 100_000_000),
            jurisdiction: Some("GB".into()),
        }];
        c.emails = vec![Email {
            address: format!("legal{i}@{}.example", pick(&ORG_WORDS, i, 9).to_lowercase()),
            label: Some("work".into()),
        }];
        c.addresses = vec![PostalAddress {
            label: Some("registered office".into()),
            ..address
        }];
        c
    } else {
        let given = pick(&GIVEN, i, 2);
        let family = pick(&FAMILY, i, 15);
        let mut c = NewContact::person(given, family);
        if mix(i, 16).is_multiple_of(4) {
            c.title = Some(pick(&["Mr", "Mrs", "Ms", "Dr", "Miss"], i, 17).to_owned());
        }
        c.emails = vec![Email {
            address: format!("{}.{}{i}@mail.example", given.to_lowercase(), i % 97),
            label: Some("home".into()),
        }];
        c.phones = vec![Phone {
            number: format!("+44 7700 {:06}", mix(i, 18) % 1_000_000),
            label: Some("mobile".into()),
        }];
        c.addresses = vec![address];
        c
    }
}

/// The practice area of matter `i`, drawn by the weights of [`PRACTICE_AREAS`].
pub fn practice_area(i: u64) -> &'static str {
    let mut r = mix(i, 20) % 100;
    for (area, weight) in PRACTICE_AREAS {
        if r < weight {
            return area;
        }
        r -= weight;
    }
    PRACTICE_AREAS[0].0
}

/// The status matter `i` should end up in: 5 % pending, 35 % open, 45 % closed, 15 % archived.
pub fn status_for(i: u64) -> MatterStatus {
    match mix(i, 21) % 100 {
        0..5 => MatterStatus::Pending,
        5..40 => MatterStatus::Open,
        40..85 => MatterStatus::Closed,
        _ => MatterStatus::Archived,
    }
}

fn title(i: u64, area: &str, client: &str, opponent: &str) -> String {
    let n = 1 + mix(i, 22) % 150;
    let street = pick(&STREETS, i, 23);
    match area {
        "residential conveyancing" if mix(i, 24).is_multiple_of(2) => {
            format!("Purchase of {n} {street}")
        }
        "residential conveyancing" => format!("Sale of {n} {street}"),
        "commercial property" => format!("Lease of Unit {n}, {street}"),
        "litigation" => format!("{client} v {opponent}"),
        "employment" => format!("Employment tribunal claim: {client}"),
        "family" => format!("Divorce and financial remedy: {client}"),
        "wills and probate" => format!("Estate of the late {opponent}"),
        "corporate" => format!("Share purchase: {opponent}"),
        "immigration" => format!("Skilled worker visa: {client}"),
        _ => format!("Road traffic accident, {street}"),
    }
}

fn billing(area: &str, i: u64) -> BillingKind {
    match area {
        "residential conveyancing" | "wills and probate" | "immigration" => BillingKind::FixedFee,
        "personal injury" => BillingKind::Contingency,
        _ if mix(i, 25).is_multiple_of(50) => BillingKind::NonBillable,
        _ => BillingKind::Hourly,
    }
}

/// Names of contacts, to write realistic titles without reading the store.
fn display_name(contact: &NewContact) -> String {
    match contact.kind {
        ContactKind::Organisation => contact.organisation_name.clone().unwrap_or_default(),
        ContactKind::Person => format!(
            "{} {}",
            contact.given_name.as_deref().unwrap_or_default(),
            contact.family_name.as_deref().unwrap_or_default()
        ),
    }
}

/// The name contacts are sorted by, and the `{CLIENT3}` prefix of matter numbers taken from:
/// family name first for persons (as `Contact::sort_name`).
fn sort_name(contact: &NewContact) -> String {
    match contact.kind {
        ContactKind::Organisation => display_name(contact),
        ContactKind::Person => format!(
            "{} {}",
            contact.family_name.as_deref().unwrap_or_default(),
            contact.given_name.as_deref().unwrap_or_default()
        ),
    }
}

/// The contact rows matter `i` refers to, as indexes into a list of `contacts` rows:
/// (clients, opponent).
fn matter_contacts(i: u64, contacts: u64) -> (Vec<u64>, u64) {
    let client = mix(i, 30) % contacts;
    let mut clients = vec![client];
    if mix(i, 31).is_multiple_of(6) {
        let second = (client + 1 + mix(i, 32) % (contacts - 1).max(1)) % contacts;
        if second != client {
            clients.push(second);
        }
    }
    (clients, mix(i, 33) % contacts)
}

/// The matter a user would open for row `i`, with clients drawn from `contacts` (which must not
/// be empty; row `k` of it must be [`new_contact`]`(k)` for the titles to match the names).
pub fn new_matter(bf: &BenchFirm, i: u64, contacts: &[ContactId]) -> NewMatter {
    let area = practice_area(i);
    let count = contacts.len() as u64;
    let (clients, opponent) = matter_contacts(i, count);
    let client_name = display_name(&new_contact(clients[0]));
    let opponent_name = display_name(&new_contact(opponent));
    let staff = &bf.staff;
    let originating = (mix(i, 40).is_multiple_of(3))
        .then(|| staff.partners[(mix(i, 41) % staff.partners.len() as u64) as usize].id);
    let mut team = Vec::new();
    if mix(i, 42).is_multiple_of(3) {
        team.push(TeamMember {
            user: staff.paralegals[(mix(i, 43) % staff.paralegals.len() as u64) as usize].id,
            role: MatterRole::Paralegal,
        });
    }
    let mut key_dates = BTreeMap::new();
    let base = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    if area == "residential conveyancing" || mix(i, 44).is_multiple_of(4) {
        let name = if area == "litigation" {
            "trial"
        } else {
            "completion"
        };
        key_dates.insert(
            name.to_owned(),
            base.checked_add_days(Days::new(mix(i, 45) % 1800))
                .unwrap_or(base),
        );
    }
    NewMatter {
        title: title(i, area, &client_name, &opponent_name),
        description: String::new(),
        practice_area: area.to_owned(),
        clients: clients.iter().map(|&k| contacts[k as usize]).collect(),
        responsible: bf.responsible_for(i),
        originating,
        billing: billing(area, i),
        currency: Some(bf.currency),
        visibility: if mix(i, 46).is_multiple_of(20) {
            Visibility::Team
        } else {
            Visibility::Firm
        },
        team,
        key_dates,
    }
}

/// The complete matter aggregate for row `i`, as an import would write it: [`new_matter`]`(i)`
/// moved to [`status_for`]`(i)` with dated history, plus an opposing party and their counsel
/// (litigation, sales, employment, family), a lender (purchases), and an ethical wall on one
/// matter in a hundred. `number` is the matter number already drawn for it.
pub fn build_matter(
    bf: &BenchFirm,
    i: u64,
    contacts: &[ContactId],
    number: String,
) -> Result<Matter> {
    let new = new_matter(bf, i, contacts);
    let area = new.practice_area.clone();
    let purchase = new.title.starts_with("Purchase");
    let by = bf.staff.admin.id;
    let now = Utc::now();
    let opened = NaiveDate::from_ymd_opt(2021, 1, 1)
        .unwrap_or_default()
        .checked_add_days(Days::new(mix(i, 50) % 1800))
        .unwrap_or_default();
    let mut m = Matter::create(new, bf.currency, number, by, now, opened)?;
    let count = contacts.len() as u64;
    let (_, opponent) = matter_contacts(i, count);
    let opponent = contacts[opponent as usize];
    let contentious = matches!(area.as_str(), "litigation" | "employment" | "family");
    if (contentious || (area == "residential conveyancing" && !purchase))
        && !m.clients().any(|c| c == opponent)
    {
        let party = m.add_party(opponent, PartyRole::OpposingParty, None, None, now)?;
        let counsel = contacts[(mix(i, 51) % count) as usize];
        if counsel != opponent && !m.clients().any(|c| c == counsel) {
            m.add_party(counsel, PartyRole::OpposingCounsel, Some(party), None, now)?;
        }
    }
    if purchase {
        let lender = contacts[(mix(i, 52) % count) as usize];
        if !m.clients().any(|c| c == lender) {
            m.add_party(lender, PartyRole::Lender, None, None, now)?;
        }
    }
    let target = status_for(i);
    let steps: &[MatterStatus] = match target {
        MatterStatus::Pending => &[],
        MatterStatus::Open => &[MatterStatus::Open],
        MatterStatus::Closed => &[MatterStatus::Open, MatterStatus::Closed],
        MatterStatus::Archived => &[
            MatterStatus::Open,
            MatterStatus::Closed,
            MatterStatus::Archived,
        ],
    };
    let mut on = opened;
    for (k, step) in steps.iter().enumerate() {
        if k > 0 {
            on = on
                .checked_add_days(Days::new(30 + mix(i, 53 + k as u64) % 400))
                .unwrap_or(on);
        }
        m.transition(*step, on, now, by, None)?;
    }
    if mix(i, 60).is_multiple_of(100) {
        let walled = bf.staff.fee_earners[(mix(i, 61) % FEE_EARNERS as u64) as usize].id;
        if !m.team_users().any(|u| u == walled) {
            m.add_wall(walled, "acted for the other side", by, now)?;
        }
    }
    Ok(m)
}

/// Throughput of one timed load.
#[derive(Debug, Clone, Copy)]
pub struct Load {
    /// Rows written.
    pub rows: u64,
    /// Wall-clock time taken.
    pub elapsed: Duration,
}

impl Load {
    /// Rows per second.
    pub fn rate(&self) -> f64 {
        self.rows as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Creates `n` contacts through the service, `batch` per transaction (`batch == 1` uses
/// `contacts().create`, one transaction per command). Returns their ids and the timing.
pub fn contacts_via_service(
    session: &Session,
    n: u64,
    batch: u64,
) -> Result<(Vec<ContactId>, Load)> {
    let mut ids = Vec::with_capacity(n as usize);
    let start = Instant::now();
    let mut i = 0;
    while i < n {
        if batch == 1 {
            ids.push(session.contacts().create(new_contact(i))?.id);
            i += 1;
        } else {
            let end = (i + batch).min(n);
            let made = session
                .contacts()
                .create_many((i..end).map(new_contact).collect())?;
            ids.extend(made.iter().map(|c| c.id));
            i = end;
        }
    }
    Ok((
        ids,
        Load {
            rows: n,
            elapsed: start.elapsed(),
        },
    ))
}

/// Opens `n` matters through the service over `contacts`, `batch` per transaction
/// (`batch == 1` uses `matters().create`).
pub fn matters_via_service(
    bf: &BenchFirm,
    session: &Session,
    contacts: &[ContactId],
    n: u64,
    batch: u64,
) -> Result<Load> {
    let start = Instant::now();
    let mut i = 0;
    while i < n {
        if batch == 1 {
            session.matters().create(new_matter(bf, i, contacts))?;
            i += 1;
        } else {
            let end = (i + batch).min(n);
            session
                .matters()
                .create_many((i..end).map(|k| new_matter(bf, k, contacts)).collect())?;
            i = end;
        }
    }
    Ok(Load {
        rows: n,
        elapsed: start.elapsed(),
    })
}

/// Writes `n` contacts straight into the store, `batch` per transaction: no permission checks,
/// no audit events.
pub fn contacts_raw(store: &dyn Store, n: u64, batch: u64) -> Result<(Vec<ContactId>, Load)> {
    let mut ids = Vec::with_capacity(n as usize);
    let start = Instant::now();
    let mut i = 0;
    while i < n {
        let end = (i + batch).min(n);
        let mut tx = store.write()?;
        for k in i..end {
            let contact = Contact::create(new_contact(k), Utc::now())?;
            tx.insert_contact(&contact)?;
            ids.push(contact.id);
        }
        tx.commit()?;
        i = end;
    }
    Ok((
        ids,
        Load {
            rows: n,
            elapsed: start.elapsed(),
        },
    ))
}

/// Writes `n` complete matters ([`build_matter`]) straight into the store, `batch` per
/// transaction: numbers are drawn from the store's gapless counters as the service would, but
/// there are no permission checks, no reads of contacts or users and no audit events.
pub fn matters_raw(
    bf: &BenchFirm,
    store: &dyn Store,
    contacts: &[ContactId],
    n: u64,
    batch: u64,
) -> Result<Load> {
    let settings = bf.firm.settings()?;
    let format = settings.matter_number_format.clone();
    // The first client's sort name decides the `{CLIENT3}` prefix; keep the names at hand.
    let mut names: HashMap<ContactId, String> = HashMap::new();
    let start = Instant::now();
    let mut i = 0;
    while i < n {
        let end = (i + batch).min(n);
        let mut tx = store.write()?;
        for k in i..end {
            let (clients, _) = matter_contacts(k, contacts.len() as u64);
            let first = contacts[clients[0] as usize];
            let name = names
                .entry(first)
                .or_insert_with(|| sort_name(&new_contact(clients[0])));
            let ctx = MatterNumberContext {
                client_name: name,
                date: settings.date_of(Utc::now())?,
            };
            let seq = tx.next_sequence(&format.sequence_key(&ctx))?;
            let matter = build_matter(bf, k, contacts, format.render(&ctx, seq))?;
            tx.insert_matter(&matter)?;
        }
        tx.commit()?;
        i = end;
    }
    Ok(Load {
        rows: n,
        elapsed: start.elapsed(),
    })
}

/// Writes `n` contacts and `n` matters straight into the store (see [`contacts_raw`] and
/// [`matters_raw`]) and returns the contact ids.
pub fn seed_raw(bf: &BenchFirm, n: u64, batch: u64) -> Result<(Vec<ContactId>, Load, Load)> {
    let store = bf.firm.store().clone();
    let (contacts, c) = contacts_raw(&*store, n, batch)?;
    let m = matters_raw(bf, &*store, &contacts, n, batch)?;
    Ok((contacts, c, m))
}

/// Median and spread of repeated runs.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// The median run.
    pub median: Duration,
    /// The fastest run.
    pub min: Duration,
    /// The slowest run.
    pub max: Duration,
}

/// Runs `f` `runs` times (at least once) and returns the timing and the last result.
pub fn time_runs<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<(Timing, T)> {
    let mut samples = Vec::with_capacity(runs.max(1));
    let start = Instant::now();
    let mut last = f()?;
    samples.push(start.elapsed());
    for _ in 1..runs {
        let start = Instant::now();
        last = f()?;
        samples.push(start.elapsed());
    }
    samples.sort_unstable();
    let at = |k: usize| samples.get(k).copied().unwrap_or_default();
    Ok((
        Timing {
            median: at(samples.len() / 2),
            min: at(0),
            max: at(samples.len() - 1),
        },
        last,
    ))
}
