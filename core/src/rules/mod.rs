//! Compliance rules as data: rule packs with CEL conditions over a documented fact model, checked at load, evaluated per matter, with their own test cases.

mod facts;

pub use facts::{
    BillFacts, ClientFacts, ClientMoneyFacts, ConflictFacts, DeadlineFacts, DocumentFacts,
    EventFacts, Facts, MatterFacts, PartyFacts, TaskFacts, TimeFacts, WorkflowFacts,
};
