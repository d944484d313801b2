package lexcase

import lexcase.core.*
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class DocketTest {
    private fun day(text: String): LocalDate = LocalDate.parse(text)

    /** An open matter for a new client, run by the fee earner. */
    private fun Fixture.openMatter(title: String = "Smith v Jones"): Matter {
        val m = matter(person("Jane", "Smith"), title = title, practiceArea = "litigation")
        return feeEarner.matters().open(m.id, m.version)
    }

    @Test
    fun aCprDefenceWaitsForItsKeyDateAndMovesWithIt() {
        withFirm {
            var m = openMatter()
            val rule = builtinRule("cpr-defence-after-acknowledgment")
            assertEquals(CountingMethod.CPR2_8, rule.method)
            assertEquals(Period(28u, PeriodUnit.DAYS), rule.period)
            val waiting = feeEarner.docket().add(
                NewDeadline(
                    matter = m.id,
                    rule = rule,
                    trigger = DeadlineTrigger.KeyDate("particulars_served"),
                    responsible = feeEarnerUser.id,
                ),
            )
            assertNull(waiting.computed)
            assertEquals(rule, waiting.rule)
            assertEquals(rule.title, waiting.title)
            assertEquals(DeadlineTrigger.KeyDate("particulars_served"), waiting.trigger)
            assertEquals("england-wales", waiting.holidays)
            assertEquals("ew-court-office", waiting.closures)
            assertEquals(DeadlineStatus.OPEN, waiting.status)
            assertEquals(listOf(30u, 7u, 1u), waiting.reminders)

            m = feeEarner.matters().setKeyDate(m.id, m.version, "particulars_served", day("2026-12-07"))
            val due = feeEarner.docket().get(waiting.id)
            assertNotNull(due.computed)
            val computed = due.computed!!
            assertEquals(day("2027-01-04"), computed.due)
            assertNull(computed.dueAt)
            assertTrue(computed.trace.size >= 2)
            assertEquals(computed.due, computed.trace.last().date)
            assertTrue(computed.trace.last().provision.contains("CPR 15.4"), computed.trace.last().provision)
            assertTrue(due.version > waiting.version)

            feeEarner.matters().setKeyDate(m.id, m.version, "particulars_served", day("2026-12-14"))
            val moved = feeEarner.docket().get(waiting.id).computed!!
            assertEquals(day("2027-01-11"), moved.due)
            assertEquals(moved.due, moved.trace.last().date)
            assertTrue(feeEarner.docket().history(waiting.id).map { it.action }.contains("deadline.entered"))
        }
    }

    @Test
    fun frcpServiceDaysAreAddedForMailButNotElectronicService() {
        withFirm {
            val m = openMatter()
            val rule = builtinRule("frcp-reply-counterclaim")
            val served = DeadlineTrigger.Date(day("2026-12-04"))
            val mail = feeEarner.docket().add(NewDeadline(m.id, rule, served, service = ServiceMethod.MAIL))
            assertEquals(day("2026-12-31"), mail.computed!!.due)
            assertEquals(ServiceMethod.MAIL, mail.service)
            assertEquals("us-federal", mail.holidays)
            assertTrue(mail.computed!!.trace.any { it.provision == "FRCP 6(d)" })
            val electronic = feeEarner.docket().add(NewDeadline(m.id, rule, served, service = ServiceMethod.ELECTRONIC))
            assertEquals(day("2026-12-28"), electronic.computed!!.due)

            // Changing the service method recomputes the date; clearing it is typed.
            val changed = feeEarner.docket().update(
                mail.id, mail.version, DeadlineChanges(service = ServiceChange.Set(ServiceMethod.ELECTRONIC)),
            )
            assertEquals(day("2026-12-28"), changed.computed!!.due)
            val cleared = feeEarner.docket().update(changed.id, changed.version, DeadlineChanges(service = ServiceChange.Clear))
            assertNull(cleared.service)
            assertEquals(day("2026-12-28"), cleared.computed!!.due)

            val listed = feeEarner.docket().list(DeadlineQuery(matter = m.id), FIRST_PAGE)
            assertEquals(2uL, listed.total)
            assertEquals(setOf(mail.id, electronic.id), listed.items.map { it.id }.toSet())
            val before = feeEarner.docket().list(DeadlineQuery(matter = m.id, dueTo = day("2026-12-28")), FIRST_PAGE)
            assertEquals(2uL, before.total)
            val none = feeEarner.docket().list(DeadlineQuery(matter = m.id, dueFrom = day("2026-12-29")), FIRST_PAGE)
            assertEquals(0uL, none.total)
        }
    }

    @Test
    fun chainedDeadlinesMoveWithTheirSourceAndHourPeriodsHaveAnInstant() {
        withFirm {
            val m = openMatter()
            val rule = builtinRule("frcp-answer")
            val source = feeEarner.docket().add(NewDeadline(m.id, rule, DeadlineTrigger.Date(day("2026-03-07"))))
            assertEquals(day("2026-03-30"), source.computed!!.due)
            val chained = feeEarner.docket().add(NewDeadline(m.id, rule, DeadlineTrigger.Deadline(source.id)))
            assertEquals(DeadlineTrigger.Deadline(source.id), chained.trigger)
            assertEquals(day("2026-04-20"), chained.computed!!.due)
            feeEarner.docket().update(source.id, source.version, DeadlineChanges(trigger = DeadlineTrigger.Date(day("2026-03-16"))))
            assertEquals(day("2026-04-27"), feeEarner.docket().get(chained.id).computed!!.due)
            // A chain counts from a deadline of the same matter.
            val other = openMatter("Brown v Green")
            val across = assertThrows<LexcaseException.Validation> {
                feeEarner.docket().add(NewDeadline(other.id, rule, DeadlineTrigger.Deadline(source.id)))
            }
            assertEquals("trigger", across.field)

            // 48 hours from Wednesday 10:00 UTC, read in the firm's zone: Friday at the same time.
            val hours = builtinRule("frcp-hours-example")
            val at = java.time.Instant.parse("2026-12-02T10:00:00Z")
            val order = feeEarner.docket().add(NewDeadline(m.id, hours, DeadlineTrigger.Moment(at)))
            assertEquals(DeadlineTrigger.Moment(at), order.trigger)
            assertEquals(day("2026-12-04"), order.computed!!.due)
            assertEquals(java.time.Instant.parse("2026-12-04T10:00:00Z"), order.computed!!.dueAt)
            // An hours period needs an instant.
            val fromDay = assertThrows<LexcaseException.Validation> {
                computeDeadline(hours, Trigger.Day(day("2026-12-02")), null, null, null)
            }
            assertEquals("trigger", fromDay.field)
        }
    }

    @Test
    fun closedDeadlinesRefuseFurtherChangesWithATypedTransitionError() {
        withFirm {
            val m = openMatter()
            val rule = builtinRule("frcp-answer")
            val a = feeEarner.docket().add(NewDeadline(m.id, rule, DeadlineTrigger.Date(day("2026-03-07"))))
            val b = feeEarner.docket().add(NewDeadline(m.id, rule, DeadlineTrigger.Date(day("2026-03-09"))))

            val done = feeEarner.docket().complete(a.id, a.version)
            assertEquals(DeadlineStatus.DONE, done.status)
            assertEquals(feeEarnerUser.id, done.closedBy)
            assertNotNull(done.closedAt)
            assertNull(done.vacatedReason)
            val again = assertThrows<LexcaseException.InvalidTransition> { feeEarner.docket().vacate(a.id, done.version, "settled") }
            assertEquals("deadline", again.entity)
            assertEquals("done", again.from)

            val noReason = assertThrows<LexcaseException.Validation> { feeEarner.docket().vacate(b.id, b.version, " ") }
            assertEquals("reason", noReason.field)
            val vacated = feeEarner.docket().vacate(b.id, b.version, "Claim settled")
            assertEquals(DeadlineStatus.VACATED, vacated.status)
            assertEquals("Claim settled", vacated.vacatedReason)
            val change = assertThrows<LexcaseException.InvalidTransition> {
                feeEarner.docket().update(b.id, vacated.version, DeadlineChanges(title = "Renamed"))
            }
            assertEquals("vacated", change.from)
            assertThrows<LexcaseException.InvalidTransition> { feeEarner.docket().complete(b.id, vacated.version) }
            assertThrows<LexcaseException.StaleVersion> { feeEarner.docket().complete(b.id, b.version) }

            assertEquals(0uL, feeEarner.docket().list(DeadlineQuery(matter = m.id, openOnly = true), FIRST_PAGE).total)
            assertEquals(
                listOf("deadline.entered", "deadline.vacated"),
                feeEarner.docket().history(b.id).map { it.action },
            )
            // Changing the docket needs edit_matters.
            assertThrows<LexcaseException.PermissionDenied> {
                readOnly.docket().add(NewDeadline(m.id, rule, DeadlineTrigger.Date(day("2026-03-07"))))
            }
        }
    }

    @Test
    fun theRegisterShowsWhoEnteredEachDeadlineOnTheDay() {
        withFirm {
            val m = openMatter()
            val rule = builtinRule("frcp-answer")
            val first = feeEarner.docket().add(NewDeadline(m.id, rule, DeadlineTrigger.Date(day("2026-03-07"))))
            val second = paralegal.docket().add(
                NewDeadline(m.id, rule, DeadlineTrigger.Date(day("2026-03-09")), title = "Answer (second defendant)"),
            )
            assertEquals("Answer (second defendant)", second.title)
            val register = admin.docket().enteredOn(first.enteredOn, FIRST_PAGE)
            assertEquals(2uL, register.total)
            assertEquals(listOf(first.id, second.id), register.items.map { it.id })
            assertEquals(listOf(feeEarnerUser.id, paralegalUser.id), register.items.map { it.enteredBy })
            assertEquals(0uL, admin.docket().enteredOn(first.enteredOn.minusDays(1), FIRST_PAGE).total)
        }
    }

    @Test
    fun remindersFallThirtySevenAndOneDaysBeforeTheDueDate() {
        withFirm {
            val m = openMatter()
            val d = feeEarner.docket().add(
                NewDeadline(
                    m.id, builtinRule("frcp-reply-counterclaim"), DeadlineTrigger.Date(day("2026-12-04")),
                    service = ServiceMethod.MAIL, responsible = feeEarnerUser.id,
                ),
            )
            val due = day("2026-12-31")
            assertEquals(due, d.computed!!.due)
            val reminders = feeEarner.docket().reminders(day("2026-11-01"), day("2027-01-31"), feeEarnerUser.id)
            assertEquals(listOf(30u, 7u, 1u), reminders.map { it.daysBefore })
            assertEquals(listOf(day("2026-12-01"), day("2026-12-24"), day("2026-12-30")), reminders.map { it.remindOn })
            assertTrue(reminders.all { it.deadline == d.id && it.matter == m.id && it.due == due && it.responsible == feeEarnerUser.id })
            assertTrue(feeEarner.docket().reminders(day("2026-11-01"), day("2027-01-31"), partnerUser.id).isEmpty())
            val backwards = assertThrows<LexcaseException.Validation> {
                feeEarner.docket().reminders(day("2027-01-31"), day("2026-11-01"), null)
            }
            assertEquals("to", backwards.field)

            val custom = feeEarner.docket().update(
                d.id, d.version, DeadlineChanges(reminders = listOf(2u, 14u), responsible = ResponsibleChange.Clear),
            )
            assertEquals(listOf(14u, 2u), custom.reminders)
            assertNull(custom.responsible)
            assertEquals(
                listOf(day("2026-12-17"), day("2026-12-29")),
                feeEarner.docket().reminders(day("2026-11-01"), day("2027-01-31"), null).map { it.remindOn },
            )
        }
    }

    @Test
    fun unknownRulesAndCalendarsAreTypedValidationErrors() {
        withFirm {
            val m = openMatter()
            val unknown = assertThrows<LexcaseException.Validation> { builtinRule("no-such-rule") }
            assertEquals("rule", unknown.field)
            val rule = builtinRule("frcp-answer")
            val trigger = DeadlineTrigger.Date(day("2026-03-07"))
            val mars = assertThrows<LexcaseException.Validation> {
                feeEarner.docket().add(NewDeadline(m.id, rule, trigger, holidays = "mars"))
            }
            assertEquals("calendar", mars.field)
            assertThrows<LexcaseException.Validation> {
                feeEarner.docket().add(NewDeadline(m.id, rule.copy(closures = "mars"), trigger))
            }
            val badId = assertThrows<LexcaseException.Validation> {
                feeEarner.docket().add(NewDeadline(m.id, rule.copy(id = "Not An Id"), trigger))
            }
            assertEquals("id", badId.field)
            assertThrows<LexcaseException.Validation> {
                computeDeadline(rule, Trigger.Day(day("2026-03-07")), null, "mars", null)
            }
            assertEquals(0uL, feeEarner.docket().list(DeadlineQuery(matter = m.id), FIRST_PAGE).total)
        }
    }

    @Test
    fun computeDeadlineRollsTheFrcpAnswerOffASaturday() {
        val computed = computeDeadline(builtinRule("frcp-answer"), Trigger.Day(day("2026-03-07")), null, null, null)
        assertEquals(day("2026-03-30"), computed.due)
        assertTrue(computed.trace.any { it.date == day("2026-03-28") }, computed.trace.toString())
        assertEquals(computed.due, computed.trace.last().date)
        // An instant counts from its local date in the court's zone: 2026-03-07 in New York.
        val moment = computeDeadline(
            builtinRule("frcp-answer"),
            Trigger.Moment(java.time.Instant.parse("2026-03-08T03:00:00Z"), "America/New_York"),
            null, null, null,
        )
        assertEquals(day("2026-03-30"), moment.due)
        val zone = assertThrows<LexcaseException.Validation> {
            computeDeadline(builtinRule("frcp-answer"), Trigger.Moment(java.time.Instant.EPOCH, "Mars/Olympus"), null, null, null)
        }
        assertEquals("zone", zone.field)
    }

    @Test
    fun rulePacksLoadFromTomlAndJson() {
        assertEquals(listOf("frcp", "cpr", "limitation-ew", "sdlt"), builtinRulePacks().map { it.id })
        val toml = """
            id = "smith-co"
            version = 2
            title = "Smith & Co house rules"

            [[rules]]
            id = "chase-client"
            title = "Chase the client"
            citation = "House rule 1"
            period = { amount = 14, unit = "days" }
            direction = "after"
            method = "calendar"
            roll = "forward"
            service_days = false
            court_office_act = false
        """.trimIndent()
        val pack = rulePackFromToml(toml)
        assertEquals("smith-co", pack.id)
        assertEquals(2u, pack.version)
        val rule = pack.rules.single()
        assertEquals(Period(14u, PeriodUnit.DAYS), rule.period)
        assertEquals(RollPolicy.FORWARD, rule.roll)
        assertEquals(PeriodDirection.AFTER, rule.direction)
        assertNull(rule.holidays)
        // Saturday 2026-03-21 + 14 days = Saturday 2026-04-04, rolled forward to Monday.
        assertEquals(day("2026-04-06"), computeDeadline(rule, Trigger.Day(day("2026-03-21")), null, null, null).due)

        val json = """{"id":"j","version":1,"title":"J","rules":[]}"""
        assertEquals(RulePack("j", 1u, "J", emptyList()), rulePackFromJson(json))
        val bad = assertThrows<LexcaseException.Validation> { rulePackFromJson("{not json") }
        assertEquals("rule_pack", bad.field)
        assertThrows<LexcaseException.Validation> { rulePackFromToml(toml.replace("amount = 14", "amount = 0").replace("\"calendar\"", "\"frcp6\"")) }
    }
}
