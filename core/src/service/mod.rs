//! Services: the use cases, run for an acting user.
