//! The store conformance suite: every case runs the services (and the raw store traits)
//! against a fresh store, so each adapter proves the same behaviour — access control, walls,
//! audit, concurrency, queries — with one test per case.
//!
//! An adapter's test file instantiates it with a function that makes an empty store:
//!
//! ```ignore
//! lexcase_conformance::conformance_tests!(|| std::sync::Arc::new(MyStore::new()));
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod cases;
pub mod fixture;

/// Writes one `#[test]` per conformance case, each on a new store from `$make`.
///
/// With `skip = $why`, a closure returning `Option<String>`, each test first asks it and, given
/// a reason, reports the case as skipped and passes (for stores that need a server the
/// machine may not have):
///
/// ```ignore
/// lexcase_conformance::conformance_tests!(make, skip = || server_url().is_none().then(|| "no server".into()));
/// ```
#[macro_export]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!($make, skip = || None::<String>);
    };
    ($make:expr, skip = $skip:expr) => {
        $crate::__conformance_cases!($make; $skip;
            store::settings_round_trip,
            store::ids_and_aggregates_round_trip,
            store::stale_version_is_refused,
            store::dropped_write_is_rolled_back,
            store::duplicate_keys_conflict,
            store::sequences_are_gapless_per_key,
            store::audit_head_follows_appends,
            store::every_type_round_trips_at_its_extremes,
            firm::initialises_once,
            firm::matter_numbers_follow_the_format,
            firm::settings_need_manage_firm_and_validate,
            users::only_user_managers_create_users,
            users::rates_are_hidden_without_view_rates,
            users::the_last_admin_is_kept,
            users::inactive_users_cannot_act,
            users::garbage_user_input_is_refused_and_nothing_written,
            contacts::create_update_and_prefix_search,
            contacts::affiliations_check_kinds_and_cycles,
            contacts::identity_verification_is_recorded,
            contacts::garbage_contact_input_is_refused_and_nothing_written,
            matters::lifecycle_with_dates_and_history,
            matters::parties_roles_and_links,
            matters::team_and_my_matters,
            matters::queries_filter_and_paginate,
            matters::custom_fields_are_typed,
            matters::key_dates,
            matters::garbage_matter_input_is_refused_and_nothing_written,
            matters::stale_versions_are_refused_without_writing,
            access::capabilities_per_role,
            access::team_only_matters_are_hidden_from_others,
            access::ethical_walls_hide_the_matter_everywhere,
            access::walls_and_visibility_need_manage_matter_access,
            audit::every_mutation_is_audited_with_changes,
            audit::change_feed_is_ordered_and_paginated,
            audit::verify_needs_view_audit,
            workflow::templates_are_versioned_and_matters_pinned,
            workflow::progression_gates_overrides_and_history,
            workflow::stage_views_respect_access,
            tasks::anchored_due_dates_follow_their_anchors,
            tasks::views_and_status,
            tasks::workflow_stages_create_tasks_that_tick_items,
            notes::notes_keep_their_versions,
            notes::note_search_respects_walls,
            documents::versions_statuses_and_verified_contents,
            documents::search_and_checklist,
            appointments::series_agenda_occurrences_clashes_and_history,
            appointments::matter_calendar_access_and_bad_input,
            recurrence_bounds::recurrence_is_bounded_and_old_series_expand,
            communications::email_is_filed_by_reference_parties_or_queue,
            communications::recorded_communications_and_malformed_mail,
            ordinary_mail::ordinary_mail_is_accepted_and_shortening_noted,
            ordinary_mail::mail_cut_off_in_transit_is_refused,
            ordinary_mail::refused_documents_leave_no_contents,
            docket::deadlines_follow_key_dates_and_chains,
            docket::register_reminders_walls_and_bad_input,
            deadline_versions::docketed_deadlines_follow_the_version_in_force,
            far_dates::deadlines_past_the_year_9999_are_refused_before_writing,
            far_dates::task_due_dates_past_the_year_9999_are_refused_before_writing,
            interchange::calendars_export_as_icalendar,
            interchange::contacts_round_trip_through_vcard,
            time::rates_rounding_and_codes,
            time::timers_sources_and_expenses,
            time::timers_on_walled_or_archived_matters_can_be_discarded,
            time::negative_rates_and_unknown_clients_are_refused,
            bills::draft_issue_and_settle,
            bills::void_reissue_and_arrangements,
            client_money::ledger_guard_override_and_reconciliation,
            default_currency::amounts_without_a_currency_take_the_matter_or_the_firm_currency,
            default_currency::a_new_matter_without_a_currency_is_billed_in_the_firm_currency,
            default_currency::terms_and_activity_rates_without_a_currency_take_the_matter_or_the_firm_currency,
            reports::hours_utilisation_realisation_and_wip,
            scale::aggregates_equal_brute_force,
            scale::lists_page_by_cursor_as_by_offset,
            conflicts::search_finds_variants_affiliates_and_former_clients,
            conflicts::checks_are_stored_decided_and_rerun,
            conflict_index::index_reads_follow_the_contract,
            conflict_index::common_surnames_still_find_the_exact_person,
            compliance::packs_in_force_gate_opening_and_stages,
            compliance::firm_packs_are_tested_before_install,
            rule_failures::rules_that_fail_at_run_time_are_findings,
            rule_failures::packs_are_checked_for_budget_and_capability_first,
            compliance_sweep::sweep_facts_match_one_matter_at_a_time,
            walls::conflict_checks_name_walled_matters_only_to_those_who_see_them,
            walls::a_repeated_message_id_does_not_return_a_walled_communication,
            walls::a_bill_on_several_matters_is_hidden_from_anyone_walled_from_one,
            walls::unfiled_mail_in_the_feed_needs_edit_matters_and_follows_its_filing,
            walls::statements_and_aged_debt_leave_out_walled_matters,
            walls::reconciliation_covers_only_the_ledgers_the_actor_may_see,
            walls::payments_follow_the_matters_of_the_bills_they_pay,
            walls::tasks_count_only_from_tasks_of_their_own_matter,
            walls::hidden_and_missing_records_give_the_same_error,
            walls::the_feed_hides_gaps_from_viewers_who_may_not_see_every_event,
            walls::the_feed_key_is_never_shown,
            walls::hidden_matters_are_exactly_those_the_rule_hides,
            walls::a_firm_wide_counter_keeps_walled_clients_out_of_new_numbers,
            walls::every_read_of_every_service_keeps_a_walled_matter_hidden,
            walls::events_written_before_full_scoping_stay_behind_the_wall,
            walls::a_count_of_candidates_is_not_shown_behind_a_wall,
            outputs::templates_letterhead_and_renderings_round_trip,
            outputs::templates_install_list_and_retire_through_the_service,
            outputs::sent_email_is_recorded_with_its_bytes_and_failures_record_nothing,
            outputs::replies_file_to_their_thread_before_any_other_rule,
            progress::the_sweep_reports_the_matters_it_covers_and_a_cancel_records_nothing,
            progress::the_vcard_import_reports_each_card_and_a_cancel_imports_none,
            progress::bulk_time_reports_each_entry_and_a_cancel_records_none,
            progress::rendering_many_reports_each_document_and_a_cancel_keeps_and_files_nothing,
            conflict_recheck::rechecking_every_check_skips_walled_and_archived_matters_and_a_cancel_rechecks_none,
        );
        $crate::__conformance_store_cases!($make; $skip;
            archive::firm_round_trips_byte_identically,
            archive::bad_or_cancelled_imports_write_nothing,
        );
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __conformance_store_cases {
    ($make:expr; $skip:expr; $($module:ident :: $case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                if let Some(why) = ($skip)() {
                    eprintln!("{}: skipped: {why}", stringify!($case));
                    return;
                }
                $crate::cases::$module::$case(&$make);
            }
        )*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __conformance_cases {
    ($make:expr; $skip:expr; $($module:ident :: $case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                if let Some(why) = ($skip)() {
                    eprintln!("{}: skipped: {why}", stringify!($case));
                    return;
                }
                $crate::cases::$module::$case(($make)());
            }
        )*
    };
}
