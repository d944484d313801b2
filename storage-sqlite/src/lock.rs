//! A mutex whose lock gives up after a timeout, so that a transaction started while another is
//! held by the same thread fails with "database is locked" instead of hanging for ever.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use lexcase::{LexcaseError, Result};

use crate::error::LOCKED;

/// A value that one holder at a time may use, waited for up to a timeout.
#[derive(Debug)]
pub(crate) struct TimedMutex<T> {
    held: Mutex<bool>,
    released: Condvar,
    value: Mutex<T>,
}

impl<T> TimedMutex<T> {
    /// Wraps `value`.
    pub(crate) fn new(value: T) -> Self {
        Self {
            held: Mutex::new(false),
            released: Condvar::new(),
            value: Mutex::new(value),
        }
    }

    /// Waits up to `timeout` for the value.
    pub(crate) fn lock(&self, timeout: Duration) -> Result<TimedGuard<'_, T>> {
        let held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut held, _) = self
            .released
            .wait_timeout_while(held, timeout, |held| *held)
            .unwrap_or_else(PoisonError::into_inner);
        if *held {
            return Err(LexcaseError::storage(LOCKED));
        }
        *held = true;
        drop(held);
        // Only the holder of the flag locks `value`, so this waits at most for the previous
        // holder's guard to finish dropping.
        let value = self.value.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(TimedGuard { value, owner: self })
    }
}

/// Access to the value of a [`TimedMutex`]; releases it on drop.
pub(crate) struct TimedGuard<'a, T> {
    value: MutexGuard<'a, T>,
    owner: &'a TimedMutex<T>,
}

impl<T> Deref for TimedGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for TimedGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T> Drop for TimedGuard<'_, T> {
    fn drop(&mut self) {
        let mut held = self
            .owner
            .held
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *held = false;
        self.owner.released.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_times_out_and_a_released_one_is_reused() {
        let m = TimedMutex::new(1);
        let g = m.lock(Duration::from_millis(10)).unwrap();
        assert!(m.lock(Duration::from_millis(20)).is_err());
        drop(g);
        *m.lock(Duration::ZERO).unwrap() += 1;
        assert_eq!(*m.lock(Duration::ZERO).unwrap(), 2);
    }

    #[test]
    fn a_waiter_gets_the_lock_when_it_is_released() {
        let m = std::sync::Arc::new(TimedMutex::new(0));
        let g = m.lock(Duration::ZERO).unwrap();
        let m2 = m.clone();
        let t = std::thread::spawn(move || {
            *m2.lock(Duration::from_secs(10)).unwrap() += 1;
        });
        std::thread::sleep(Duration::from_millis(20));
        drop(g);
        t.join().unwrap();
        assert_eq!(*m.lock(Duration::ZERO).unwrap(), 1);
    }
}
