package lexcase

import lexcase.core.*
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Amounts compared by value: `250.00` equals `250`. */
fun assertAmount(expected: String, actual: BigDecimal) =
    assertEquals(0, BigDecimal(expected).compareTo(actual), "expected $expected, got $actual")

fun gbp(amount: String) = Money(BigDecimal(amount), "GBP")

fun day(text: String): LocalDate = LocalDate.parse(text)

class TimeTest {
    private fun Fixture.entry(matter: Matter, seconds: UInt, narrative: String) =
        NewTimeEntry(matter = matter.id, date = day("2026-11-26"), seconds = seconds, narrative = narrative)

    @Test
    fun ratesComeFromTheHierarchyAndTheRoundingPolicyStaysOnTheEntry() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m = matter(jane, title = "Smith v Jones", practiceArea = "litigation")
            val time = feeEarner.time()

            val e = time.record(entry(m, 4800u, "Drafting particulars"))
            assertEquals(RateSource.USER_DEFAULT, e.rateSource)
            assertAmount("250.10", e.rate.amount)
            assertEquals(RoundingPolicy(6u, RoundingMode.UP, 0u, Aggregation.PER_ENTRY), e.rounding)
            // 80 minutes round up to 84 (tenths of an hour): 1.4 h at 250.10.
            assertEquals(5040uL, e.chargeableSeconds())
            assertAmount("350.14", e.value().amount)
            assertEquals(TimeSource.Typed, e.source)
            assertEquals(WorkStatus.UNBILLED, e.status)

            val billing = accounts.time()
            val clientTerms = billing.terms(TermsScope.Client(jane.id))
            assertEquals(0uL, clientTerms.version)
            val setClient = billing.setTerms(
                NewTerms(
                    TermsScope.Client(jane.id),
                    rate = Amount(BigDecimal("300")),
                    codes = CodePolicy(taskSets = listOf(CodeSet.LITIGATION)),
                ),
                0uL,
            )
            assertEquals("GBP", setClient.rate?.currency, "a rate without a currency is in the firm's")
            val call = time.record(entry(m, 600u, "Call"))
            assertEquals(RateSource.CLIENT, call.rateSource)
            assertAmount("300", call.rate.amount)

            val newMatterTerms = NewTerms(
                TermsScope.Matter(m.id),
                userRates = mapOf(feeEarnerUser.id to Amount(BigDecimal("320"))),
                rounding = RoundingPolicy(10u, RoundingMode.UP, 0u, Aggregation.PER_ENTRY),
            )
            val matterTerms = billing.setTerms(newMatterTerms, 0uL)
            assertAmount("320", matterTerms.userRates.getValue(feeEarnerUser.id).amount)
            assertEquals(accountsUser.id, matterTerms.updatedBy)
            val later = time.record(entry(m, 600u, "Letter"))
            assertEquals(RateSource.MATTER_USER, later.rateSource)
            assertAmount("320", later.rate.amount)
            assertEquals(10u, later.rounding.incrementMinutes)
            assertEquals(6u, time.get(e.id).rounding.incrementMinutes, "the earlier entry keeps its policy")
            val manual = time.record(entry(m, 600u, "Hearing").copy(rate = Amount(BigDecimal("400"))))
            assertEquals(RateSource.MANUAL, manual.rateSource)

            val coded = time.record(entry(m, 600u, "Deposition").copy(taskCode = "l330", activityCode = "A104"))
            assertEquals("L330", coded.taskCode)
            for (task in listOf("B110", "L170")) {
                val refused = assertThrows<LexcaseException.Validation> {
                    time.record(entry(m, 600u, "x").copy(taskCode = task))
                }
                assertEquals("task_code", refused.field, task)
            }
            assertThrows<LexcaseException.PermissionDenied> { time.setTerms(newMatterTerms, matterTerms.version) }
            assertThrows<LexcaseException.StaleVersion> { billing.setTerms(matterTerms.toNewTerms(), 0uL) }
            val again = billing.setTerms(matterTerms.toNewTerms().copy(rate = Amount(BigDecimal("290"))), matterTerms.version)
            assertEquals(matterTerms.userRates, again.userRates, "toNewTerms keeps what was read")
            val inDollars = newMatterTerms.copy(rate = Amount(BigDecimal("300"), "USD"))
            val refused = assertThrows<LexcaseException.Validation> { billing.setTerms(inDollars, again.version) }
            assertEquals("rate", refused.field)

            val free = time.update(
                e.id,
                e.version,
                TimeEntryChanges(seconds = 3600u, billability = Billability.NO_CHARGE),
            )
            assertAmount("0", free.value().amount)
            assertThrows<LexcaseException.PermissionDenied> { time.writeOff(free.id, free.version) }
            val gone = billing.writeOff(free.id, free.version)
            assertEquals(WorkStatus.WRITTEN_OFF, gone.status)
            assertThrows<LexcaseException.InvalidTransition> { time.update(gone.id, gone.version, TimeEntryChanges()) }

            val mine = WorkQuery(user = feeEarnerUser.id)
            assertEquals(5uL, time.list(mine, FIRST_PAGE).total)
            assertThrows<LexcaseException.PermissionDenied> { time.list(WorkQuery(), FIRST_PAGE) }
            assertEquals(5uL, billing.list(WorkQuery(), FIRST_PAGE).total)
        }
    }

    @Test
    fun aPartialChangeOfTheBillingSettingsKeepsTheRestAndPricesRatesInTheFirmCurrency() {
        withFirm {
            val billing = accounts.time()
            val before = billing.updateBillingSettings(BillingSettingsChanges(taxName = "GST"), billing.billingSettings().version)
            val changes = BillingSettingsChanges(
                activityRates = mapOf("A103" to Amount(BigDecimal("200"))),
                paymentTermsDays = 14u,
            )
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.time().updateBillingSettings(changes, before.version) }
            val after = billing.updateBillingSettings(changes, before.version)
            assertEquals("GBP", after.activityRates.getValue("A103").currency)
            assertEquals(14u, after.paymentTermsDays)
            assertEquals("GST", after.taxName)
            assertThrows<LexcaseException.StaleVersion> { billing.updateBillingSettings(changes, before.version) }
            val refused = assertThrows<LexcaseException.Validation> {
                billing.updateBillingSettings(BillingSettingsChanges(paymentTermsDays = 400u), after.version)
            }
            assertEquals("payment_terms_days", refused.field)
            assertEquals(after, billing.billingSettings())
        }
    }

    @Test
    fun badEntriesAreTypedErrorsAndABatchIsAllOrNothing() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val time = feeEarner.time()
            val before = admin.audit().verify().eventsChecked
            assertEquals("seconds", assertThrows<LexcaseException.Validation> { time.record(entry(m, 0u, "nothing")) }.field)
            assertEquals(
                "seconds",
                assertThrows<LexcaseException.Validation> { time.record(entry(m, 24u * 3600u + 1u, "too long")) }.field,
            )
            assertEquals("narrative", assertThrows<LexcaseException.Validation> { time.record(entry(m, 60u, " ")) }.field)
            val finer = assertThrows<LexcaseException.Validation> {
                time.record(entry(m, 60u, "x").copy(rate = Amount(BigDecimal("1.1234567"))))
            }
            assertEquals("rate", finer.field)
            assertThrows<LexcaseException.Validation> { time.record(entry(m, 60u, "x").copy(rate = Amount(BigDecimal.ONE, "XYZ"))) }
            assertThrows<LexcaseException.PermissionDenied> { readOnly.time().record(entry(m, 60u, "x")) }
            assertThrows<LexcaseException.PermissionDenied> {
                time.record(entry(m, 60u, "for a colleague").copy(user = partnerUser.id))
            }
            assertThrows<LexcaseException.Validation> {
                time.recordMany(listOf(entry(m, 60u, "ok"), entry(m, 0u, "bad")))
            }
            assertEquals(before, admin.audit().verify().eventsChecked, "nothing was written")
            assertEquals(0uL, time.list(WorkQuery(user = feeEarnerUser.id), FIRST_PAGE).total)
            val both = time.recordMany(listOf(entry(m, 60u, "one"), entry(m, 120u, "two")))
            assertEquals(listOf(60u, 120u), both.map { it.seconds })
        }
    }

    @Test
    fun typedDurationsReadAsSecondsAndGarbageIsAValidationError() {
        val vectors = mapOf("1h20m" to 4800u, "1.5h" to 5400u, "0.3" to 1080u, "90m" to 5400u, "1:20" to 4800u)
        for ((text, seconds) in vectors) {
            assertEquals(seconds, parseDuration(text), text)
        }
        for (garbage in listOf("", "soon", "-1h", "25h", "1h20x")) {
            val refused = assertThrows<LexcaseException.Validation>(garbage) { parseDuration(garbage) }
            assertEquals("duration", refused.field)
        }
        assertEquals("1h20m", formatDuration(4800u))
        assertEquals(4800u, parseDuration(formatDuration(4800u)))
    }

    @Test
    fun theTimerRunsPausesAndStopsIntoAnEntry() {
        withFirm {
            val m = matter(person("Jane", "Smith"), title = "Estate of A. Person")
            val time = feeEarner.time()
            assertNull(time.timer())
            val timer = time.startTimer(m.id, "Reviewing the will")
            assertEquals(TimerState.RUNNING, timer.state())
            assertThrows<LexcaseException.Conflict> { time.startTimer(m.id, "again") }
            val paused = time.pauseTimer()
            assertEquals(TimerState.PAUSED, paused.state())
            assertNull(paused.runningSince)
            assertEquals(TimerState.RUNNING, time.resumeTimer().state())
            val entry = time.stopTimer(null)
            assertEquals(TimeSource.Timer, entry.source)
            assertTrue(entry.seconds >= 1u)
            assertEquals("Reviewing the will", entry.narrative)
            assertEquals(m.id, entry.matter)
            assertNull(time.timer())
            assertThrows<LexcaseException.NotFound> { time.pauseTimer() }
        }
    }

    @Test
    fun timeRecordedForACommunicationTakesItsMatterDayAndSubject() {
        withFirm {
            val m = matter(person("Jane", "Smith"), title = "Estate of A. Person")
            val call = feeEarner.communications().record(
                NewCommunication(
                    channel = Channel.PHONE,
                    direction = Direction.INBOUND,
                    occurredAt = Instant.parse("2026-11-27T10:00:00Z"),
                    matter = m.id,
                    subject = "Call with the executor",
                ),
            )
            val time = feeEarner.time()
            val fromCall = time.recordFor(TimeSource.Communication(call.id), 720u, null)
            assertEquals("Call with the executor", fromCall.narrative)
            assertEquals(m.id, fromCall.matter)
            assertEquals(day("2026-11-27"), fromCall.date)
            assertEquals(TimeSource.Communication(call.id), fromCall.source)
            val typed = assertThrows<LexcaseException.Validation> { time.recordFor(TimeSource.Typed, 60u, "x") }
            assertEquals("source", typed.field)
        }
    }

    @Test
    fun expensesAndDisbursementsAreCheckedAndChanged() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val time = feeEarner.time()
            val fee = time.recordExpense(
                NewExpense(
                    matter = m.id,
                    date = day("2026-11-27"),
                    description = "Probate application fee",
                    unitCost = Amount(BigDecimal("300")),
                    tax = ExpenseTax.DISBURSEMENT,
                    quantity = BigDecimal.ONE,
                    expenseCode = "E112",
                    vendor = "HMCTS",
                ),
            )
            assertAmount("300.00", fee.amount().amount)
            assertEquals(WorkStatus.UNBILLED, fee.status)
            assertEquals(fee, time.expense(fee.id))
            val copies = time.updateExpense(
                fee.id,
                fee.version,
                ExpenseChanges(quantity = BigDecimal("2"), expenseCode = CodeChange.Clear),
            )
            assertAmount("600.00", copies.amount().amount)
            assertNull(copies.expenseCode)
            assertEquals(1uL, time.expenses(WorkQuery(matter = m.id), FIRST_PAGE).total)

            val bad = NewExpense(m.id, day("2026-11-27"), "x", Amount(BigDecimal.ONE), ExpenseTax.VATABLE_COST, BigDecimal.ONE)
            val field = { new: NewExpense -> assertThrows<LexcaseException.Validation> { time.recordExpense(new) }.field }
            assertEquals("expense_code", field(bad.copy(expenseCode = "E999")))
            assertEquals("unit_cost", field(bad.copy(unitCost = Amount(BigDecimal.ONE, "USD"))))
            assertEquals("quantity", field(bad.copy(quantity = BigDecimal.ZERO)))
        }
    }

    @Test
    fun reportsShowHoursAndWorkInProgressToThoseWhoMaySeeRates() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            feeEarner.time().record(
                NewTimeEntry(m.id, day("2026-11-26"), 7200u, "Completion", rate = Amount(BigDecimal("200"))),
            )
            val wip = accounts.reports().wip()
            assertEquals(m.id, wip.byMatter.single().matter)
            assertEquals(7200uL, wip.byMatter.single().unbilledSeconds)
            assertAmount("400", wip.byMatter.single().total())
            assertEquals(feeEarnerUser.id, wip.byUser.single().user)
            val hours = accounts.reports().hours(day("2026-11-01"), day("2026-11-30"), BigDecimal("7.5"))
            val fay = hours.single { it.user == feeEarnerUser.id }
            assertEquals(7200uL, fay.recordedSeconds)
            assertAmount("400", fay.recordedValue)
            assertTrue(accounts.reports().hoursCsv(day("2026-11-01"), day("2026-11-30"), BigDecimal("7.5")).startsWith("user,"))
            assertTrue(accounts.reports().wipCsv().contains(m.id.toString()))
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.reports().wip() }
            assertEquals(
                "available_hours_per_day",
                assertThrows<LexcaseException.Validation> {
                    accounts.reports().hours(day("2026-11-01"), day("2026-11-30"), BigDecimal("25"))
                }.field,
            )
        }
    }
}
