//! A fair mutex whose lock gives up after a timeout: threads get the value in the order they
//! asked, and a transaction started while another is held by the same thread fails with a
//! busy-timeout error instead of hanging for ever.

use std::collections::VecDeque;
use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use lexcase::Result;

use crate::error::busy_timeout;

/// Who holds the value and who waits for it, in arrival order.
#[derive(Debug, Default)]
struct Line {
    held: bool,
    waiting: VecDeque<u64>,
    next: u64,
}

/// A value that one holder at a time may use, waited for up to a timeout, handed to waiters
/// in the order they came (a holder that releases and asks again queues behind them).
#[derive(Debug)]
pub(crate) struct TimedMutex<T> {
    line: Mutex<Line>,
    released: Condvar,
    value: Mutex<T>,
}

impl<T> TimedMutex<T> {
    /// Wraps `value`.
    pub(crate) fn new(value: T) -> Self {
        Self {
            line: Mutex::new(Line::default()),
            released: Condvar::new(),
            value: Mutex::new(value),
        }
    }

    /// Waits up to `timeout` for the value.
    pub(crate) fn lock(&self, timeout: Duration) -> Result<TimedGuard<'_, T>> {
        self.lock_until(Instant::now() + timeout, timeout)
    }

    /// Waits until `deadline` for the value (`timeout` is named in the error).
    pub(crate) fn lock_until(
        &self,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<TimedGuard<'_, T>> {
        let mut line = self.line.lock().unwrap_or_else(PoisonError::into_inner);
        if !line.held && line.waiting.is_empty() {
            line.held = true;
        } else {
            let me = line.next;
            line.next = line.next.wrapping_add(1);
            line.waiting.push_back(me);
            loop {
                let now = Instant::now();
                if now >= deadline {
                    line.waiting.retain(|w| *w != me);
                    drop(line);
                    // The first in line may have changed: let it look.
                    self.released.notify_all();
                    return Err(busy_timeout(timeout));
                }
                line = self
                    .released
                    .wait_timeout(line, deadline - now)
                    .unwrap_or_else(PoisonError::into_inner)
                    .0;
                if !line.held && line.waiting.front() == Some(&me) {
                    line.waiting.pop_front();
                    line.held = true;
                    break;
                }
            }
        }
        drop(line);
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
        let mut line = self
            .owner
            .line
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        line.held = false;
        drop(line);
        self.owner.released.notify_all();
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

    #[test]
    fn waiters_are_served_in_arrival_order() {
        let m = std::sync::Arc::new(TimedMutex::new(Vec::new()));
        let g = m.lock(Duration::ZERO).unwrap();
        let threads: Vec<_> = (0..4)
            .map(|i| {
                let m = m.clone();
                let t = std::thread::spawn(move || {
                    m.lock(Duration::from_secs(10)).unwrap().push(i);
                });
                // Each waiter queues before the next starts.
                std::thread::sleep(Duration::from_millis(30));
                t
            })
            .collect();
        drop(g);
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(*m.lock(Duration::ZERO).unwrap(), vec![0, 1, 2, 3]);
    }
}
