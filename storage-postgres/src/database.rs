//! A lexcase database on PostgreSQL: one schema holding many firms, a pool of connections
//! shared by every firm opened on it, and the checks made when it is opened.

use std::sync::Arc;

use lexcase::{LexcaseError, Result};
use postgres::Config;
use uuid::Uuid;

use crate::blobs::PgBlobStore;
use crate::connection::Manager;
use crate::error::Db;
use crate::migrations::{MigrateOptions, check, inspect, migrate_client};
use crate::options::{PgOptions, identifier};
use crate::store::PgStore;

/// What every firm opened on one database shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) pool: r2d2::Pool<Manager>,
    pub(crate) options: PgOptions,
    /// Whether the database is a Citus coordinator.
    pub(crate) citus: bool,
}

/// The connection settings of `url`, with `schema` first on the search path.
pub(crate) fn config(url: &str, schema: &str) -> Result<Config> {
    let schema = identifier("schema", schema)?;
    let mut config: Config = url.parse().map_err(|_| {
        LexcaseError::validation("url", "not a PostgreSQL connection string or URL")
    })?;
    let options = match config.get_options() {
        Some(existing) if !existing.trim().is_empty() => {
            format!("{existing} -c search_path={schema}")
        }
        _ => format!("-c search_path={schema}"),
    };
    config.options(&options);
    if config.get_application_name().is_none() {
        config.application_name("lexcase");
    }
    Ok(config)
}

/// A PostgreSQL database holding the firms of one lexcase schema.
///
/// Open it once per process with [`PgDatabase::connect`] and open each firm on it with
/// [`PgDatabase::open_firm`]: the firms share its pool of connections. Every row of every
/// table carries its firm's id, every statement names its firm, and row-level security keyed
/// on the transaction's firm repeats the rule inside the database.
#[derive(Debug, Clone)]
pub struct PgDatabase {
    shared: Arc<Shared>,
}

impl PgDatabase {
    /// Connects to the database at `url` (a `postgresql://` URL or a `key=value` string),
    /// checks its schema and, unless [`PgOptions::migrate`] is off, brings it up to date.
    ///
    /// A schema that holds other tables, or one written by a newer lexcase, is refused with
    /// [`LexcaseError::IncompatibleDatabase`] and left exactly as it was. A role that bypasses
    /// row-level security (a superuser, or BYPASSRLS) is refused unless
    /// [`PgOptions::allow_rls_bypass`] says otherwise.
    pub fn connect(url: &str, options: PgOptions) -> Result<Self> {
        let config = config(url, &options.schema)?;
        let mut client = config.connect(postgres::NoTls).db()?;
        let bypasses: bool = client
            .query_one(
                "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user",
                &[],
            )
            .db()?
            .get(0);
        if bypasses && !options.allow_rls_bypass {
            return Err(LexcaseError::validation(
                "url",
                "the role is a superuser or bypasses row-level security: connect as the \
                 application's own role (or allow it in the options)",
            ));
        }
        let from = check(&inspect(&mut client, &options.schema)?)?;
        if from < crate::SCHEMA_VERSION {
            if !options.migrate {
                return Err(LexcaseError::storage(
                    "the database schema is older than this build and must be migrated",
                ));
            }
            let migrate = MigrateOptions {
                schema: options.schema.clone(),
                app_role: None,
            };
            migrate_client(&mut client, &migrate, crate::migrations::all()).map_err(
                |e| match e {
                    LexcaseError::Storage { .. } => LexcaseError::storage(format!(
                        "the schema is at version {from} and this role could not migrate it to {}: \
                     run lexcase_postgres::migrate as the schema's owner",
                        crate::SCHEMA_VERSION
                    )),
                    other => other,
                },
            )?;
        }
        let citus = crate::migrations::is_citus(&mut client)?;
        drop(client);
        let mut config = config;
        if citus {
            // Row security on the workers reads `lexcase.firm`, which each transaction sets with
            // SET LOCAL: Citus passes such settings on to the workers' connections.
            let options = format!(
                "{} -c citus.propagate_set_commands=local",
                config.get_options().unwrap_or_default()
            );
            config.options(&options);
        }
        let pool = r2d2::Pool::builder()
            .max_size(options.max_connections.max(1))
            .min_idle(Some(0))
            .connection_timeout(options.connection_timeout)
            .test_on_check_out(false)
            .build_unchecked(Manager { config, citus });
        Ok(Self {
            shared: Arc::new(Shared {
                pool,
                options,
                citus,
            }),
        })
    }

    /// The store of firm `firm`, created (an empty firm, to be set up with
    /// [`lexcase::service::Firm::initialise`]) if the database does not hold it yet.
    pub fn open_firm(&self, firm: Uuid) -> Result<PgStore> {
        crate::begin::firm_row(&self.shared, firm, true)?;
        Ok(PgStore::new(self.shared.clone(), firm))
    }

    /// The store of firm `firm`, which must exist ([`LexcaseError::NotFound`] otherwise).
    pub fn firm(&self, firm: Uuid) -> Result<PgStore> {
        if !crate::begin::firm_row(&self.shared, firm, false)? {
            return Err(LexcaseError::not_found("firm"));
        }
        Ok(PgStore::new(self.shared.clone(), firm))
    }

    /// The contents store of firm `firm` (document contents in the database).
    pub fn blobs(&self, firm: Uuid) -> PgBlobStore {
        PgBlobStore::new(self.shared.clone(), firm)
    }

    /// Whether the database is a Citus coordinator (its tables distributed by firm).
    pub fn is_citus(&self) -> bool {
        self.shared.citus
    }

    /// The options the database was opened with.
    pub fn options(&self) -> &PgOptions {
        &self.shared.options
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_goes_first_on_the_search_path() {
        let c = config("postgresql://app@127.0.0.1:5432/firms", "lexcase").unwrap();
        assert_eq!(c.get_options(), Some("-c search_path=lexcase"));
        let c = config("host=/tmp dbname=x options='-c work_mem=8MB'", "s1").unwrap();
        assert_eq!(c.get_options(), Some("-c work_mem=8MB -c search_path=s1"));
        assert!(config("not a url ::", "lexcase").is_err());
        assert!(config("postgresql://x/y", "Bad Schema").is_err());
    }
}
