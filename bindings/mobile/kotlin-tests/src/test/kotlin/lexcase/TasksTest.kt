package lexcase

import lexcase.core.*
import java.time.LocalDate
import java.time.ZoneId
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class TasksTest {
    private fun londonToday(): LocalDate = LocalDate.now(ZoneId.of("Europe/London"))

    private val beforeCompletion = TaskDue.Relative(DueAnchor.KeyDate("completion"), -5, DayUnit.BUSINESS_DAYS)

    @Test
    fun aTaskCountedFromAKeyDateMovesWithItOverHolidays() {
        withFirm {
            val settings = admin.settings().get()
            assertNull(settings.holidays)
            // Good Friday and Easter Monday 2027, given out of order and once twice.
            val easter = HolidayList(
                "england-and-wales",
                listOf(LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29)),
            )
            val withHolidays = admin.settings().setHolidays(settings.version, easter)
            assertEquals(HolidayList("england-and-wales", listOf(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29))), withHolidays.holidays)
            assertEquals(withHolidays, feeEarner.settings().get())
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.settings().setHolidays(withHolidays.version, null) }

            var m = matter(person("Jane", "Smith"))
            val task = feeEarner.tasks().create(
                NewTask(matter = m.id, title = "Send completion statement", assignee = Assignee.User(feeEarnerUser.id), priority = Priority.HIGH, due = beforeCompletion),
            )
            assertEquals(beforeCompletion, task.due)
            assertNull(task.dueDate)
            assertEquals(TaskStatus.PENDING, task.status)

            // Wednesday 7 April: five business days before is Wednesday 31 March.
            m = feeEarner.matters().setKeyDate(m.id, m.version, "completion", LocalDate.of(2027, 4, 7))
            assertEquals(LocalDate.of(2027, 3, 31), feeEarner.tasks().get(task.id).dueDate)
            // Wednesday 31 March: the count steps over Easter Monday and Good Friday.
            m = feeEarner.matters().setKeyDate(m.id, m.version, "completion", LocalDate.of(2027, 3, 31))
            assertEquals(LocalDate.of(2027, 3, 22), feeEarner.tasks().get(task.id).dueDate)

            val noHolidays = admin.settings().setHolidays(withHolidays.version, null)
            assertNull(noHolidays.holidays)

            val keyDateWithoutMatter = assertThrows<LexcaseException.Validation> {
                feeEarner.tasks().create(NewTask(title = "Orphan", priority = Priority.NORMAL, due = beforeCompletion))
            }
            assertEquals("due", keyDateWithoutMatter.field)
        }
    }

    @Test
    fun tasksChangeAndShowInTheViews() {
        withFirm {
            val today = londonToday()
            val m = matter(person("Jane", "Smith"))
            val overdue = feeEarner.tasks().create(
                NewTask(matter = m.id, title = "Chase the searches", assignee = Assignee.User(feeEarnerUser.id), priority = Priority.NORMAL, due = TaskDue.On(today.minusDays(1))),
            )
            val dueToday = feeEarner.tasks().create(
                NewTask(matter = m.id, title = "Call the lender", description = "Ask about the offer", priority = Priority.URGENT, due = TaskDue.On(today)),
            )
            val firmTask = paralegal.tasks().create(NewTask(title = "Order stationery", priority = Priority.LOW))
            assertNull(firmTask.matter)
            assertEquals(paralegalUser.id, firmTask.createdBy)

            assertEquals(listOf(overdue.id), feeEarner.tasks().mine(FIRST_PAGE).items.map { it.id })
            assertEquals(listOf(overdue.id, dueToday.id), feeEarner.tasks().team(FIRST_PAGE).items.map { it.id })
            assertEquals(listOf(overdue.id), feeEarner.tasks().overdue(FIRST_PAGE).items.map { it.id })
            assertEquals(listOf(dueToday.id), feeEarner.tasks().dueThisWeek(FIRST_PAGE).items.map { it.id })
            assertEquals(2uL, feeEarner.tasks().forMatter(m.id, FIRST_PAGE).total)

            val assigned = feeEarner.tasks().update(
                dueToday.id, dueToday.version,
                TaskChanges(title = "Call the lender today", assignee = AssigneeChange.Set(Assignee.User(feeEarnerUser.id)), due = DueChange.Clear),
            )
            assertEquals("Call the lender today", assigned.title)
            assertEquals("Ask about the offer", assigned.description)
            assertEquals(Assignee.User(feeEarnerUser.id), assigned.assignee)
            assertNull(assigned.due)
            assertNull(assigned.dueDate)
            assertEquals(Priority.URGENT, assigned.priority)
            val unassigned = feeEarner.tasks().update(assigned.id, assigned.version, TaskChanges(assignee = AssigneeChange.Clear))
            assertNull(unassigned.assignee)
            assertThrows<LexcaseException.StaleVersion> { feeEarner.tasks().update(assigned.id, assigned.version, TaskChanges()) }

            // Counted from another task: one calendar day after the overdue one.
            val followUp = feeEarner.tasks().create(
                NewTask(matter = m.id, title = "Review the searches", priority = Priority.NORMAL, due = TaskDue.Relative(DueAnchor.Task(overdue.id), 1, DayUnit.CALENDAR_DAYS)),
            )
            assertEquals(today, followUp.dueDate)

            val done = feeEarner.tasks().setStatus(overdue.id, overdue.version, TaskStatus.COMPLETE)
            assertEquals(TaskStatus.COMPLETE, done.status)
            assertEquals(feeEarnerUser.id, done.completedBy)
            assertTrue(done.completedAt != null)
            assertEquals(0uL, feeEarner.tasks().overdue(FIRST_PAGE).total)
            assertThrows<LexcaseException.InvalidTransition> { feeEarner.tasks().setStatus(done.id, done.version, TaskStatus.IN_PROGRESS) }
            assertThrows<LexcaseException.PermissionDenied> {
                readOnly.tasks().create(NewTask(title = "Not allowed", priority = Priority.NORMAL))
            }
        }
    }

    @Test
    fun completingAStageTaskTicksItsChecklistItem() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            feeEarner.workflow().start(m.id, "ew-residential-purchase", null)
            val task = feeEarner.tasks().forMatter(m.id, FIRST_PAGE).items.single { it.checklistItem == "source_of_funds" }
            assertEquals(Assignee.User(feeEarnerUser.id), task.assignee)
            assertTrue(task.dueDate!! > londonToday())

            feeEarner.tasks().setStatus(task.id, task.version, TaskStatus.COMPLETE)
            val completion = feeEarner.workflow().get(m.id).items.getValue("source_of_funds")
            assertEquals(feeEarnerUser.id, completion.by)
            assertEquals("task completed", completion.note)
        }
    }

    @Test
    fun aWalledUserSeesNoneOfTheMattersTasks() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val task = feeEarner.tasks().create(
                NewTask(matter = m.id, title = "Draft the contract", assignee = Assignee.User(paralegalUser.id), priority = Priority.NORMAL, due = TaskDue.On(londonToday())),
            )
            assertEquals(1uL, paralegal.tasks().mine(FIRST_PAGE).total)

            val walled = admin.matters().addEthicalWall(m.id, m.version, paralegalUser.id, "acted for the seller")
            assertEquals(listOf(paralegalUser.id), walled.access.walls.map { it.user })
            assertEquals(0uL, paralegal.tasks().forMatter(m.id, FIRST_PAGE).total)
            assertEquals(0uL, paralegal.tasks().mine(FIRST_PAGE).total)
            assertEquals(0uL, paralegal.tasks().dueThisWeek(FIRST_PAGE).total)
            assertThrows<LexcaseException.NotFound> { paralegal.tasks().get(task.id) }
            assertThrows<LexcaseException.NotFound> { paralegal.tasks().setStatus(task.id, task.version, TaskStatus.COMPLETE) }
            assertEquals(1uL, feeEarner.tasks().forMatter(m.id, FIRST_PAGE).total)
        }
    }
}
