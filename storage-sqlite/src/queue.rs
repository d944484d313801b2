//! Writers of one database file take turns in arrival order, across processes.
//!
//! SQLite's own wait for its write lock (the busy handler) is not a queue: a waiter sleeps and
//! retries, and a process that commits and begins again at once takes the lock back before the
//! sleeper wakes, so one writer can wait for tens of seconds while another writes thousands of
//! times. This queue puts writers in line before they ask SQLite for the lock: a writer draws a
//! ticket (a counter in a small file, read and advanced under a lock of that file), holds the
//! lock of its slot file for as long as its transaction runs, and starts when it can lock the
//! slot of the ticket before its own — when the writer ahead has finished. The operating system
//! releases a slot when its process dies, so a killed writer never blocks the line.
//!
//! The queue only orders writers; SQLite's lock still excludes them. A writer that cannot join
//! the queue (the files cannot be made, or more writers wait than there are slots) waits for
//! SQLite's lock as before.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lexcase::Result;

use crate::error::busy_timeout;

/// Slot files: the most writers (processes, or stores within one) that queue in order at once.
const SLOTS: u64 = 16;

/// The longest pause between two looks at the slot of the writer ahead.
const MAX_PAUSE: Duration = Duration::from_micros(500);

/// The line of writers of one database file.
#[derive(Debug)]
pub(crate) struct WriterQueue {
    ticket: File,
    slots: Vec<File>,
}

/// A writer's place at the head of the line; the next writer starts when it is dropped.
#[derive(Debug)]
pub(crate) struct Turn<'q> {
    slot: &'q File,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let _ = self.slot.unlock();
    }
}

/// The directory of the queue's files for the database at `db`.
pub(crate) fn queue_dir(db: &Path) -> PathBuf {
    let mut dir = db.as_os_str().to_owned();
    dir.push(".writers");
    PathBuf::from(dir)
}

fn open_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Reads the next ticket and advances it (the caller holds the ticket file's lock).
fn draw(file: &File) -> std::io::Result<u64> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = file;
    let mut bytes = [0u8; 8];
    f.seek(SeekFrom::Start(0))?;
    // A short or missing counter (a new file) starts from 0; any value works.
    let ticket = match f.read_exact(&mut bytes) {
        Ok(()) => u64::from_le_bytes(bytes),
        Err(_) => 0,
    };
    f.seek(SeekFrom::Start(0))?;
    f.write_all(&ticket.wrapping_add(1).to_le_bytes())?;
    Ok(ticket)
}

/// Waits until `slot` can be locked (then keeps it locked) or `deadline` passes.
fn lock_by(slot: &File, deadline: Instant, timeout: Duration) -> Result<()> {
    let mut pause = Duration::ZERO;
    loop {
        match slot.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) => {}
            // The lock cannot be taken at all: do not queue.
            Err(TryLockError::Error(_)) => return Ok(()),
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(busy_timeout(timeout));
        }
        if pause.is_zero() {
            std::thread::yield_now();
            pause = Duration::from_micros(20);
        } else {
            std::thread::sleep(pause.min(deadline - now));
            pause = (pause * 2).min(MAX_PAUSE);
        }
    }
}

impl WriterQueue {
    /// Opens (creating) the queue of the database at `db`; `None` where its files cannot be
    /// made (a read-only directory, say): writers then wait for SQLite's lock alone.
    pub(crate) fn open(db: &Path) -> Option<Self> {
        let dir = queue_dir(db);
        #[cfg(unix)]
        let made = std::os::unix::fs::DirBuilderExt::mode(
            std::fs::DirBuilder::new().recursive(true),
            0o700,
        )
        .create(&dir);
        #[cfg(not(unix))]
        let made = std::fs::create_dir_all(&dir);
        made.ok()?;
        let ticket = open_file(&dir.join("ticket")).ok()?;
        let slots = (0..SLOTS)
            .map(|i| open_file(&dir.join(format!("slot-{i:02}"))))
            .collect::<std::io::Result<_>>()
            .ok()?;
        Some(Self { ticket, slots })
    }

    fn slot(&self, ticket: u64) -> &File {
        // SLOTS is small: the remainder always fits.
        &self.slots[(ticket % SLOTS) as usize]
    }

    /// Joins the line and waits until every writer that joined before has finished, or until
    /// `deadline` (an error naming `timeout`). `Ok(None)`: the queue could not be used this
    /// time; wait for SQLite's lock alone.
    pub(crate) fn wait_turn(
        &self,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<Option<Turn<'_>>> {
        if self.ticket.lock().is_err() {
            return Ok(None);
        }
        let ticket = draw(&self.ticket);
        let own = ticket.as_ref().ok().map(|t| (*t, self.slot(*t)));
        // Taking the own slot before letting the next writer draw keeps the order: the writer
        // behind cannot find this slot free before this writer holds it.
        let held = own.map(|(_, slot)| slot.try_lock());
        let _ = self.ticket.unlock();
        let Some((ticket, own)) = own else {
            return Ok(None);
        };
        match held {
            Some(Ok(())) => {}
            // More writers wait than there are slots: wait for this slot to come free.
            Some(Err(TryLockError::WouldBlock)) => lock_by(own, deadline, timeout)?,
            _ => return Ok(None),
        }
        let turn = Turn { slot: own };
        let ahead = self.slot(ticket.wrapping_sub(1));
        lock_by(ahead, deadline, timeout)?;
        let _ = ahead.unlock();
        Ok(Some(turn))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writers_take_turns_in_ticket_order_and_a_held_turn_times_out_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("firm.lexcase");
        // Two handles stand in for two processes (locks belong to open files).
        let (a, b) = (
            WriterQueue::open(&db).unwrap(),
            WriterQueue::open(&db).unwrap(),
        );
        let long = Instant::now() + Duration::from_secs(5);
        let first = a.wait_turn(long, Duration::from_secs(5)).unwrap().unwrap();
        let soon = Instant::now() + Duration::from_millis(30);
        let err = b.wait_turn(soon, Duration::from_millis(30)).unwrap_err();
        assert!(err.to_string().contains("busy timeout"), "{err}");
        drop(first);
        // The writer that gave up left its slot: the line moves on.
        let second = b.wait_turn(long, Duration::from_secs(5)).unwrap().unwrap();
        drop(second);
        assert!(a.wait_turn(long, Duration::from_secs(5)).unwrap().is_some());
        assert!(queue_dir(&db).join("ticket").exists());
    }
}
