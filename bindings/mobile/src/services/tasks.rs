//! Tasks: creating, changing, completing, and the views.

use lexcase::{MatterId, TaskId};

use crate::error::Result;
use crate::records::{NewTask, Page, Task, TaskChanges, TaskPage, TaskStatus};

service_object! {
    /// Tasks. A task on a matter follows the matter's visibility (for a user who may not see the
    /// matter its tasks do not exist) and needs `edit_matters` to create or change; a task on no
    /// matter is visible to the whole firm. Changes are based on the task's `expected_version`
    /// (else `StaleVersion`).
    TaskService
}

#[uniffi::export]
impl TaskService {
    /// Creates a pending task; its due date is resolved from its rule.
    pub fn create(&self, new: NewTask) -> Result<Task> {
        Ok(self.session.tasks().create(new)?)
    }

    /// A task by id.
    pub fn get(&self, id: TaskId) -> Result<Task> {
        Ok(self.session.tasks().get(id)?)
    }

    /// Changes title, description, assignee, priority or due rule; tasks counting from this
    /// one move with it.
    pub fn update(&self, id: TaskId, expected_version: u64, changes: TaskChanges) -> Result<Task> {
        Ok(self
            .session
            .tasks()
            .update(id, expected_version, changes.into())?)
    }

    /// Moves the task to `status`; completing a task a workflow stage created ticks its
    /// checklist item.
    pub fn set_status(
        &self,
        id: TaskId,
        expected_version: u64,
        status: TaskStatus,
    ) -> Result<Task> {
        Ok(self
            .session
            .tasks()
            .set_status(id, expected_version, status)?)
    }

    /// The actor's open tasks, soonest due first.
    pub fn mine(&self, page: Page) -> Result<TaskPage> {
        Ok(self.session.tasks().mine(page.try_into()?)?.into())
    }

    /// Open tasks on the matters the actor is on (responsible, originating or team).
    pub fn team(&self, page: Page) -> Result<TaskPage> {
        Ok(self.session.tasks().team(page.try_into()?)?.into())
    }

    /// Open tasks due before today (in the firm's zone).
    pub fn overdue(&self, page: Page) -> Result<TaskPage> {
        Ok(self.session.tasks().overdue(page.try_into()?)?.into())
    }

    /// Open tasks due from today to the coming Sunday.
    pub fn due_this_week(&self, page: Page) -> Result<TaskPage> {
        Ok(self.session.tasks().due_this_week(page.try_into()?)?.into())
    }

    /// Every task of a matter (open and finished).
    pub fn for_matter(&self, matter: MatterId, page: Page) -> Result<TaskPage> {
        Ok(self
            .session
            .tasks()
            .for_matter(matter, page.try_into()?)?
            .into())
    }
}
