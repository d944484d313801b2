//! Tasks: work for the team (or to-dos for a client), on a matter or on none, with a due date
//! that is absolute or counted from a key date or another task.

mod due;
mod status;
mod task;

pub use due::{DueAnchor, TaskDue};
pub use status::{Priority, TaskStatus};
pub use task::{Assignee, NewTask, Task, TaskChanges};
