//! What lexcase's SQL stores share: how each record is kept in typed columns.
//!
//! A [`Record`] names its table and columns and turns a domain value into [`Value`]s and back
//! through a [`Row`], whatever the engine. Ids, dates, instants and exact decimals are typed
//! values each store maps to its own column types; money that reports sum is an integer of
//! millionths ([`money`]), so `sum()` is exact in SQL. Nested detail that nothing filters,
//! sorts or sums (a contact's addresses, a matter's status history) is JSON.
//!
//! The SQLite store uses these records today; the PostgreSQL store keeps the same columns
//! (with the firm's id in front of every key).

pub mod audit;
pub mod bills;
pub mod client_money;
pub mod keyed;
pub mod keyset;
pub mod matters;
pub mod money;
pub mod people;
mod record;
pub mod state;
mod value;
pub mod work;

pub use record::{Record, column_list, insert_sql, select_sql, update_sql};
pub use value::{Cols, Kind, Row, Value, unreadable};
