//! Client-matter ledger balances and the overdraw guard.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

use super::ClientMoneyEntry;
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId};
use crate::money::{Currency, Money};
use crate::validate;

/// The balance of one client-matter ledger (negative only when an override let it go there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LedgerBalance {
    /// The matter.
    pub matter: MatterId,
    /// The client.
    pub client: ContactId,
    /// The balance held for the client on the matter.
    pub balance: Money,
}

/// The balance of one client-matter ledger: the sum of the entries' signed amounts, in any
/// order. Empty is zero in `currency`. Refused with a validation error: an entry in another
/// currency, entries of more than one client-matter, a duplicate entry id, a reversal whose
/// reversed entry is not among `entries` (or is invalid, see [`ClientMoneyEntry::signed_amount`]),
/// and an entry reversed twice.
pub fn ledger_balance(entries: &[ClientMoneyEntry], currency: Currency) -> Result<Money> {
    let mut by_id = HashMap::with_capacity(entries.len());
    for entry in entries {
        if entry.amount.currency != currency {
            return Err(LexcaseError::validation(
                "currency",
                "the ledger holds entries in mixed currencies",
            ));
        }
        if by_id.insert(entry.id, entry).is_some() {
            return Err(LexcaseError::validation("entries", "duplicate entry id"));
        }
    }
    if let Some(first) = entries.first()
        && entries
            .iter()
            .any(|e| e.matter != first.matter || e.client != first.client)
    {
        return Err(LexcaseError::validation(
            "entries",
            "entries of more than one client-matter ledger",
        ));
    }
    let mut reversed = HashSet::new();
    let mut sum = Decimal::ZERO;
    for entry in entries {
        let original = match entry.reverses {
            Some(id) => {
                if !reversed.insert(id) {
                    return Err(LexcaseError::validation(
                        "reverses",
                        "an entry is reversed more than once",
                    ));
                }
                Some(*by_id.get(&id).ok_or_else(|| {
                    LexcaseError::validation("reverses", "the reversed entry is not on this ledger")
                })?)
            }
            None => None,
        };
        sum = sum
            .checked_add(entry.signed_amount(original)?)
            .ok_or_else(|| LexcaseError::validation("amount", "overflow"))?;
    }
    Money::new(sum, currency, "balance")
}

/// The overdraw guard (ABA Model Rule 1.15; SRA Accounts Rules 2019 r.5.3): a withdrawal from
/// one client's ledger (a payment, a transfer to office, or the reversal of a receipt) may not
/// exceed that client's `balance`, whatever the pooled account holds.
///
/// Returns `Ok(None)` when the balance covers the withdrawal. When it does not, the withdrawal is
/// refused with a validation error on `amount` unless `override_reason` is a non-empty line,
/// which is then returned (trimmed) to be recorded in [`ClientMoneyEntry::override_reason`]. A reason
/// given when none is needed is not returned. `withdrawal` must be positive and both amounts in
/// one currency.
pub fn check_withdrawal(
    balance: Money,
    withdrawal: Money,
    override_reason: Option<&str>,
) -> Result<Option<String>> {
    if balance.currency != withdrawal.currency {
        return Err(LexcaseError::validation(
            "currency",
            "the withdrawal is not in the ledger's currency",
        ));
    }
    if withdrawal.amount <= Decimal::ZERO {
        return Err(LexcaseError::validation("amount", "must be positive"));
    }
    if withdrawal.amount <= balance.amount {
        return Ok(None);
    }
    let reason = match override_reason {
        Some(reason) => validate::optional_line("override_reason", reason)?,
        None => None,
    };
    reason.map(Some).ok_or_else(|| {
        LexcaseError::refused(
            "amount",
            "the withdrawal would take the client ledger below zero; an authorised override \
             with a reason is needed",
            crate::ErrorDetail::Overdraw {
                balance,
                withdrawal,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client_money::{ClientMoneyEntryKind, NewClientMoneyEntry};
    use crate::ids::{BillId, TrustEntryId, UserId};
    use chrono::{NaiveDate, Utc};
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn currency() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    fn gbp(amount: Decimal) -> Money {
        Money::new(amount, currency(), "amount").unwrap()
    }

    fn entry(
        matter: MatterId,
        client: ContactId,
        kind: ClientMoneyEntryKind,
        pence: i64,
        reverses: Option<TrustEntryId>,
    ) -> ClientMoneyEntry {
        ClientMoneyEntry::create(
            NewClientMoneyEntry {
                matter,
                client,
                kind,
                amount: gbp(Decimal::new(pence, 2)).into(),
                date: NaiveDate::from_ymd_opt(2025, 2, 1).unwrap(),
                reference: String::new(),
                counterparty: "Someone".into(),
                description: "Entry".into(),
                bill: (kind == ClientMoneyEntryKind::TransferToOffice).then(BillId::new),
                reverses,
            },
            currency(),
            UserId::new(),
            Utc::now(),
        )
        .unwrap()
    }

    #[test]
    fn empty_ledger_is_zero() {
        assert_eq!(ledger_balance(&[], currency()).unwrap(), gbp(dec!(0)));
    }

    #[test]
    fn refuses_mixed_currencies_ledgers_and_orphan_reversals() {
        let (m, c) = (MatterId::new(), ContactId::new());
        let r = entry(m, c, ClientMoneyEntryKind::Receipt, 100, None);
        let usd = Currency::parse("USD").unwrap();
        assert!(ledger_balance(std::slice::from_ref(&r), usd).is_err());
        let other = entry(MatterId::new(), c, ClientMoneyEntryKind::Receipt, 100, None);
        assert!(ledger_balance(&[r.clone(), other], currency()).is_err());
        let orphan = entry(
            m,
            c,
            ClientMoneyEntryKind::Reversal,
            100,
            Some(TrustEntryId::new()),
        );
        assert!(ledger_balance(&[r.clone(), orphan], currency()).is_err());
        let rev1 = entry(m, c, ClientMoneyEntryKind::Reversal, 100, Some(r.id));
        let rev2 = entry(m, c, ClientMoneyEntryKind::Reversal, 100, Some(r.id));
        assert_eq!(
            ledger_balance(&[r.clone(), rev1.clone()], currency()).unwrap(),
            gbp(dec!(0))
        );
        assert!(ledger_balance(&[r.clone(), rev1, rev2], currency()).is_err());
        assert!(ledger_balance(&[r.clone(), r], currency()).is_err());
    }

    #[test]
    fn guard_refuses_without_reason_and_returns_the_reason() {
        let err = check_withdrawal(gbp(dec!(10)), gbp(dec!(10.01)), None).unwrap_err();
        // The amounts are client data: in the error's detail, never in its message.
        assert!(
            matches!(&err, LexcaseError::Validation { field, reason, detail }
            if field == "amount" && reason.contains("below zero")
            && !err.to_string().contains("10.0")
            && detail.as_deref() == Some(&crate::ErrorDetail::Overdraw {
                balance: gbp(dec!(10)),
                withdrawal: gbp(dec!(10.01)),
            })),
            "{err}"
        );
        assert!(check_withdrawal(gbp(dec!(10)), gbp(dec!(11)), Some("  ")).is_err());
        assert!(check_withdrawal(gbp(dec!(10)), gbp(dec!(11)), Some("a\u{7}")).is_err());
        assert_eq!(
            check_withdrawal(gbp(dec!(10)), gbp(dec!(10)), None).unwrap(),
            None
        );
        assert_eq!(
            check_withdrawal(gbp(dec!(10)), gbp(dec!(5)), Some("not needed")).unwrap(),
            None
        );
        assert_eq!(
            check_withdrawal(gbp(dec!(10)), gbp(dec!(11)), Some(" Bank error ")).unwrap(),
            Some("Bank error".to_owned())
        );
        assert!(check_withdrawal(gbp(dec!(10)), gbp(dec!(0)), None).is_err());
        let usd = Money::new(dec!(1), Currency::parse("USD").unwrap(), "x").unwrap();
        assert!(check_withdrawal(gbp(dec!(10)), usd, None).is_err());
    }

    /// (kind index, pence): 0 receipt, 1 payment, 2 transfer, 3 reversal of an earlier entry.
    fn ops() -> impl Strategy<Value = Vec<(u8, i64, usize)>> {
        prop::collection::vec((0u8..4, 1i64..1_000_000, any::<usize>()), 0..40)
    }

    fn build(ops: &[(u8, i64, usize)]) -> Vec<ClientMoneyEntry> {
        let (m, c) = (MatterId::new(), ContactId::new());
        let mut entries: Vec<ClientMoneyEntry> = Vec::new();
        let mut reversed = HashSet::new();
        for &(k, pence, pick) in ops {
            let kind = [
                ClientMoneyEntryKind::Receipt,
                ClientMoneyEntryKind::Payment,
                ClientMoneyEntryKind::TransferToOffice,
            ];
            if k == 3 {
                let candidates: Vec<&ClientMoneyEntry> = entries
                    .iter()
                    .filter(|e| {
                        e.kind != ClientMoneyEntryKind::Reversal && !reversed.contains(&e.id)
                    })
                    .collect();
                if candidates.is_empty() {
                    continue;
                }
                let original = candidates[pick % candidates.len()];
                reversed.insert(original.id);
                let rev = ClientMoneyEntry::create(
                    NewClientMoneyEntry::reversing(original, original.date, "Correction"),
                    currency(),
                    UserId::new(),
                    Utc::now(),
                )
                .unwrap();
                entries.push(rev);
            } else {
                entries.push(entry(m, c, kind[usize::from(k)], pence, None));
            }
        }
        entries
    }

    proptest! {
        #[test]
        fn balance_is_the_sum_of_signed_amounts_in_any_order(
            ops in ops(),
            seed in any::<u64>(),
        ) {
            let entries = build(&ops);
            let by_id: HashMap<_, _> = entries.iter().map(|e| (e.id, e)).collect();
            let expected: Decimal = entries
                .iter()
                .map(|e| e.signed_amount(e.reverses.and_then(|id| by_id.get(&id).copied())).unwrap())
                .sum();
            let mut shuffled = entries.clone();
            // A deterministic shuffle from the seed.
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (s >> 33) as usize % (i + 1));
            }
            prop_assert_eq!(ledger_balance(&entries, currency()).unwrap().amount, expected);
            prop_assert_eq!(ledger_balance(&shuffled, currency()).unwrap().amount, expected);
            let mut reversed_order = entries.clone();
            reversed_order.reverse();
            prop_assert_eq!(ledger_balance(&reversed_order, currency()).unwrap().amount, expected);
        }

        #[test]
        fn a_reversal_exactly_cancels_its_entry(ops in ops(), kind in 0usize..3, pence in 1i64..1_000_000) {
            let entries = build(&ops);
            let (m, c) = entries.first().map_or((MatterId::new(), ContactId::new()), |e| (e.matter, e.client));
            let kinds = [ClientMoneyEntryKind::Receipt, ClientMoneyEntryKind::Payment, ClientMoneyEntryKind::TransferToOffice];
            let before = ledger_balance(&entries, currency()).unwrap();
            let original = entry(m, c, kinds[kind], pence, None);
            let rev = ClientMoneyEntry::create(
                NewClientMoneyEntry::reversing(&original, original.date, "Wrong ledger"),
                currency(),
                UserId::new(),
                Utc::now(),
            ).unwrap();
            prop_assert_eq!(
                rev.signed_amount(Some(&original)).unwrap() + original.signed_amount(None).unwrap(),
                Decimal::ZERO
            );
            let mut after = entries.clone();
            after.push(original);
            after.push(rev);
            prop_assert_eq!(ledger_balance(&after, currency()).unwrap(), before);
        }

        #[test]
        fn accepted_withdrawals_without_override_never_go_negative(
            moves in prop::collection::vec((any::<bool>(), 1i64..1_000_000), 0..60),
        ) {
            let mut balance = gbp(dec!(0));
            for (is_receipt, pence) in moves {
                let amount = gbp(Decimal::new(pence, 2));
                if is_receipt {
                    balance = balance.checked_add(amount).unwrap();
                } else if check_withdrawal(balance, amount, None).is_ok() {
                    balance = gbp(balance.amount - amount.amount);
                }
                prop_assert!(balance.amount >= Decimal::ZERO);
            }
        }
    }
}
