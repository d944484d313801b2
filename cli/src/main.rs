//! `lexcase`: the command line for the people who run a firm's data — set up a firm, verify
//! its audit chain, export and import whole firms, move one from SQLite to PostgreSQL, render
//! bills and statements to PDF, and run the compliance sweep and the WIP and aged-debt reports.
//! Errors print their stable code and exit non-zero.

mod migrate;
mod output;
mod render;

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use lexcase::access::Role;
use lexcase::audit::AuditHead;
use lexcase::firm::FirmSetup;
use lexcase::money::Currency;
use lexcase::progress::{Flow, ProgressUpdate};
use lexcase::service::{Firm, Session};
use lexcase::users::NewUser;
use lexcase::{LexcaseError, Result};
use lexcase_sqlite::{SqliteOptions, SqliteStore, blobs_beside};

use output::{Format, Table};
use render::Subject;

/// The lexcase command line.
#[derive(Debug, Parser)]
#[command(name = "lexcase", version, about)]
struct Cli {
    /// Hide progress bars.
    #[arg(long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

/// Output formats of the reports.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Aligned columns.
    Table,
    /// Comma-separated values with a header row.
    Csv,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Creates a firm on a new SQLite file, with its first administrator.
    Init {
        /// The firm's file (created).
        file: PathBuf,
        /// The firm's name.
        #[arg(long)]
        name: String,
        /// The default currency (ISO 4217).
        #[arg(long, default_value = "GBP")]
        currency: String,
        /// The matter-number format.
        #[arg(long, default_value = "{CLIENT3}-{SEQ:4}")]
        number_format: String,
        /// The firm's IANA time zone.
        #[arg(long, default_value = "Europe/London")]
        time_zone: String,
        /// The administrator's name.
        #[arg(long)]
        admin_name: String,
        /// The administrator's email.
        #[arg(long)]
        admin_email: String,
    },
    /// Verifies the audit chain; with `--head`, that it still passes through that event.
    Verify {
        /// The firm's file.
        file: PathBuf,
        /// The user acting (needs the view-audit capability).
        #[arg(long = "as")]
        actor: String,
        /// A head anchored earlier, `<seq>:<hash>`.
        #[arg(long)]
        head: Option<String>,
    },
    /// Exports the whole firm to an archive file.
    Export {
        /// The firm's file.
        file: PathBuf,
        /// The archive to write.
        archive: PathBuf,
    },
    /// Imports an archive into a new, empty firm file.
    Import {
        /// The archive to read.
        archive: PathBuf,
        /// The firm's file (created if missing; must hold no firm).
        file: PathBuf,
    },
    /// Moves the firm of a SQLite file into an empty firm of a PostgreSQL database (through a
    /// firm archive), then verifies its audit chain there.
    Migrate {
        /// The firm's SQLite file.
        file: PathBuf,
        /// The PostgreSQL database, as the application's role (`postgresql://…`); its schema is
        /// brought up to date when that role may.
        url: String,
        /// The firm's id in the database (default: a new one); it must hold nothing yet.
        #[arg(long)]
        firm: Option<uuid::Uuid>,
        /// The user who verifies the moved audit chain (needs the view-audit capability).
        #[arg(long = "as")]
        actor: String,
    },
    /// Renders a bill or a client's statement of account to PDF.
    #[command(group(clap::ArgGroup::new("subject").required(true).args(["bill", "statement"])))]
    Render {
        /// The firm's file.
        file: PathBuf,
        /// The user acting.
        #[arg(long = "as")]
        actor: String,
        /// The bill: its id or invoice number.
        #[arg(long)]
        bill: Option<String>,
        /// The statement of account of this client (contact id).
        #[arg(long)]
        statement: Option<String>,
        /// The statement's currency (default: the firm's).
        #[arg(long, requires = "statement")]
        currency: Option<String>,
        /// The template (default: the built-in `invoice` or `statement`, or the firm's
        /// version of it).
        #[arg(long)]
        template: Option<String>,
        /// The PDF to write.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Runs the compliance sweep and lists the findings.
    Sweep {
        /// The firm's file.
        file: PathBuf,
        /// The user acting.
        #[arg(long = "as")]
        actor: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: FormatArg,
    },
    /// Unbilled work in progress per matter.
    Wip {
        /// The firm's file.
        file: PathBuf,
        /// The user acting.
        #[arg(long = "as")]
        actor: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: FormatArg,
    },
    /// What issued invoices still owe, by age.
    AgedDebt {
        /// The firm's file.
        file: PathBuf,
        /// The user acting.
        #[arg(long = "as")]
        actor: String,
        /// The currency of the invoices.
        #[arg(long, default_value = "GBP")]
        currency: String,
        /// The day the ages count to (default: today).
        #[arg(long)]
        as_of: Option<chrono::NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: FormatArg,
    },
}

/// Opens the firm kept in `file`, with its contents beside it.
fn open(file: &Path) -> Result<Firm> {
    let store = SqliteStore::open(file, SqliteOptions::default())?;
    Ok(Firm::new(store).with_blobs(blobs_beside(file)?))
}

fn io_error(_: std::io::Error) -> LexcaseError {
    LexcaseError::storage("could not read or write the file")
}

/// A progress bar driven by a long call's progress callback.
struct Bar {
    bar: ProgressBar,
    phase: &'static str,
}

impl Bar {
    fn new(quiet: bool) -> Self {
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::new_spinner()
        };
        Self { bar, phase: "" }
    }

    fn update(&mut self, u: ProgressUpdate) -> Flow {
        if u.phase != self.phase {
            self.phase = u.phase;
            let template = if u.total.is_some() {
                "{msg:16} [{bar:40}] {pos}/{len}"
            } else {
                "{msg:16} {spinner} {pos}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                self.bar.set_style(style.progress_chars("=> "));
            }
            self.bar.set_message(u.phase);
        }
        if let Some(total) = u.total {
            self.bar.set_length(total);
        }
        self.bar.set_position(u.done);
        Flow::Continue
    }
}

fn session(firm: &Firm, actor: &str) -> Result<Session> {
    firm.session_by_email(actor)
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Init {
            file,
            name,
            currency,
            number_format,
            time_zone,
            admin_name,
            admin_email,
        } => {
            let firm = open(&file)?;
            let admin = firm.initialise(
                &FirmSetup {
                    name,
                    default_currency: currency,
                    matter_number_format: number_format,
                    time_zone,
                },
                &NewUser {
                    name: admin_name,
                    email: admin_email,
                    role: Role::Admin,
                    default_rate: None,
                    rate_currency: None,
                    timekeeper_code: None,
                },
            )?;
            println!("initialised {}; administrator {}", file.display(), admin.id);
        }
        Command::Verify { file, actor, head } => {
            let firm = open(&file)?;
            let s = session(&firm, &actor)?;
            let result = match head {
                Some(head) => s.audit().verify_against(&AuditHead::parse(&head)?)?,
                None => s.audit().verify()?,
            };
            if !result.is_intact() {
                println!("audit chain broken: {result:?}");
                return Err(LexcaseError::Integrity {
                    reason: "the audit chain does not verify".into(),
                });
            }
            match s.audit().head()? {
                Some(h) => println!("audit chain intact; head {h}"),
                None => println!("audit chain intact; no events"),
            }
        }
        Command::Export { file, archive } => {
            let firm = open(&file)?;
            let out = BufWriter::new(File::create(&archive).map_err(io_error)?);
            let mut bar = Bar::new(cli.quiet);
            let manifest =
                firm.export_archive_with_progress(out, &mut |u: ProgressUpdate| bar.update(u))?;
            bar.bar.finish_and_clear();
            let records: u64 = manifest
                .members
                .iter()
                .filter(|m| m.name.starts_with("records/"))
                .map(|m| m.count)
                .sum();
            println!(
                "exported {records} records, {} audit events to {}",
                manifest.audit_head.map_or(0, |h| h.seq),
                archive.display()
            );
        }
        Command::Import { archive, file } => {
            let input = BufReader::new(File::open(&archive).map_err(io_error)?);
            let firm = open(&file)?;
            let mut bar = Bar::new(cli.quiet);
            let manifest =
                firm.import_archive_with_progress(input, &mut |u: ProgressUpdate| bar.update(u))?;
            bar.bar.finish_and_clear();
            match manifest.audit_head {
                Some(h) => println!("imported into {}; audit head {h}", file.display()),
                None => println!("imported into {}", file.display()),
            }
        }
        Command::Migrate {
            file,
            url,
            firm,
            actor,
        } => {
            let mut bar = Bar::new(cli.quiet);
            let moved = migrate::migrate(&file, &url, firm, &actor, &mut bar)?;
            match moved.head {
                Some(h) => println!(
                    "migrated {} into firm {}; audit chain intact; head {h}",
                    file.display(),
                    moved.firm
                ),
                None => println!("migrated {} into firm {}", file.display(), moved.firm),
            }
        }
        Command::Render {
            file,
            actor,
            bill,
            statement,
            currency,
            template,
            out,
        } => {
            let subject = match (bill, statement) {
                (Some(bill), _) => Subject::Bill(bill),
                (None, Some(client)) => Subject::Statement { client, currency },
                (None, None) => {
                    return Err(LexcaseError::validation("bill", "--bill or --statement"));
                }
            };
            let rendered = render::render(&file, &actor, &subject, template.as_deref(), &out)?;
            println!(
                "rendered {} ({} bytes{}) to {}",
                rendered.file_name,
                rendered.bytes.len(),
                if rendered.reprint {
                    ", the kept rendering"
                } else {
                    ""
                },
                out.display()
            );
        }
        Command::Sweep {
            file,
            actor,
            format,
        } => {
            let firm = open(&file)?;
            let s = session(&firm, &actor)?;
            let mut table = Table::new(&["matter", "rule", "version", "severity", "message"]);
            for matter in s.compliance().sweep()? {
                for f in matter.findings {
                    table.row(vec![
                        matter.number.clone(),
                        f.finding.rule.clone(),
                        f.finding.version.to_string(),
                        format!("{:?}", f.finding.severity).to_lowercase(),
                        f.finding.message.clone(),
                    ]);
                }
            }
            print!("{}", table.render(format.into()));
        }
        Command::Wip {
            file,
            actor,
            format,
        } => {
            let firm = open(&file)?;
            let s = session(&firm, &actor)?;
            print!(
                "{}",
                Table::from_csv(&s.reports().wip_csv()?).render(format.into())
            );
        }
        Command::AgedDebt {
            file,
            actor,
            currency,
            as_of,
            format,
        } => {
            let firm = open(&file)?;
            let s = session(&firm, &actor)?;
            let as_of = match as_of {
                Some(d) => d,
                None => firm.today()?,
            };
            let csv = s
                .reports()
                .aged_debt_csv(as_of, Currency::parse(&currency)?)?;
            print!("{}", Table::from_csv(&csv).render(format.into()));
        }
    }
    Ok(())
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Csv => Format::Csv,
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error[{}]: {e}", e.code().as_str());
            ExitCode::FAILURE
        }
    }
}
