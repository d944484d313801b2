//! Stable snake_case names for the domain's fieldless enums: one macro gives each enum `ALL`,
//! `as_str`, `Display` and `FromStr`, so every binding and store spells them the same way.

/// Implements `ALL`, `as_str`, `Display` and `FromStr` for a fieldless enum. An unknown name
/// is a validation error on `$field`.
macro_rules! stable_names {
    ($ty:ident, $field:literal, $what:literal, { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];

            /// The stable snake_case name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::LexcaseError;
            fn from_str(s: &str) -> $crate::Result<Self> {
                Self::ALL
                    .into_iter()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| $crate::LexcaseError::validation($field, concat!("unknown ", $what)))
            }
        }
    };
}

pub(crate) use stable_names;

#[cfg(test)]
mod tests {
    use crate::access::{Capability, Role, Visibility};
    use crate::appointments::{AppointmentKind, AppointmentStatus};
    use crate::audit::EntityKind;
    use crate::bills::{BillKind, BillStatus, LineKind};
    use crate::communications::{Channel, Direction, FilingMethod, ParticipantRole};
    use crate::contacts::{
        AffiliationKind, ContactKind, IdentifierKind, IdentityStatus, VerificationMethod,
    };
    use crate::deadlines::{
        CountingMethod, MonthEndReading, PeriodUnit, RollPolicy, ServiceDaysReading, ServiceMethod,
    };
    use crate::docket::DeadlineStatus;
    use crate::firm::CustomFieldKind;
    use crate::matters::{BillingKind, MatterRole, MatterStatus, PartyRole};
    use crate::timekeeping::{Billability, ExpenseTax, RateSource, TimerState, WorkStatus};

    /// The stable names are exactly the serde names, and parse back; garbage is refused.
    fn check<T>(all: &[T])
    where
        T: Copy
            + PartialEq
            + std::fmt::Debug
            + serde::Serialize
            + std::str::FromStr
            + std::fmt::Display,
    {
        for &v in all {
            let name = v.to_string();
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(name));
            assert_eq!(name.parse::<T>().ok(), Some(v));
        }
        assert!("Not A Name".parse::<T>().is_err());
        assert!("".parse::<T>().is_err());
    }

    #[test]
    fn names_match_serde_and_round_trip() {
        check(&Role::ALL);
        check(&Capability::ALL);
        check(&Visibility::ALL);
        check(&EntityKind::ALL);
        check(&AffiliationKind::ALL);
        check(&ContactKind::ALL);
        check(&IdentifierKind::ALL);
        check(&IdentityStatus::ALL);
        check(&VerificationMethod::ALL);
        check(&CustomFieldKind::ALL);
        check(&BillingKind::ALL);
        check(&MatterRole::ALL);
        check(&MatterStatus::ALL);
        check(&PartyRole::ALL);
        check(&AppointmentKind::ALL);
        check(&AppointmentStatus::ALL);
        check(&Channel::ALL);
        check(&Direction::ALL);
        check(&FilingMethod::ALL);
        check(&ParticipantRole::ALL);
        check(&PeriodUnit::ALL);
        check(&crate::deadlines::Direction::ALL);
        check(&CountingMethod::ALL);
        check(&RollPolicy::ALL);
        check(&ServiceDaysReading::ALL);
        check(&MonthEndReading::ALL);
        check(&ServiceMethod::ALL);
        check(&DeadlineStatus::ALL);
        check(&Billability::ALL);
        check(&WorkStatus::ALL);
        check(&ExpenseTax::ALL);
        check(&RateSource::ALL);
        check(&TimerState::ALL);
        check(&BillStatus::ALL);
        check(&BillKind::ALL);
        check(&LineKind::ALL);
        assert_eq!(CountingMethod::Cpr2_8.as_str(), "cpr2_8");
    }
}
