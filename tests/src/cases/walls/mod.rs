//! Ethical walls on every path (issue 11): the leaks found by review, one case each; the
//! change feed's pseudonyms; and the systematic walk of every read method of every service as
//! a partner walled from a matter that holds data in every area.

mod feed;
mod fixture;
mod items;
mod legacy;
mod notices;
mod oracles;
mod probes;
mod probes_matters;
mod probes_money;
mod probes_outputs;
mod records;
#[cfg(test)]
mod scan;
mod secret;
mod walk;
mod world;

pub use feed::{
    a_firm_wide_counter_keeps_walled_clients_out_of_new_numbers,
    hidden_matters_are_exactly_those_the_rule_hides,
    the_feed_hides_gaps_from_viewers_who_may_not_see_every_event, the_feed_key_is_never_shown,
};
pub use items::{
    a_bill_on_several_matters_is_hidden_from_anyone_walled_from_one,
    a_repeated_message_id_does_not_return_a_walled_communication,
    conflict_checks_name_walled_matters_only_to_those_who_see_them,
    payments_follow_the_matters_of_the_bills_they_pay,
    reconciliation_covers_only_the_ledgers_the_actor_may_see,
    statements_and_aged_debt_leave_out_walled_matters,
    unfiled_mail_in_the_feed_needs_edit_matters_and_follows_its_filing,
};
pub use legacy::events_written_before_full_scoping_stay_behind_the_wall;
pub use notices::a_count_of_candidates_is_not_shown_behind_a_wall;
pub use oracles::{
    hidden_and_missing_records_give_the_same_error, tasks_count_only_from_tasks_of_their_own_matter,
};
pub use walk::every_read_of_every_service_keeps_a_walled_matter_hidden;
