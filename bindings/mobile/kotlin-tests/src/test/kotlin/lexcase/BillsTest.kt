package lexcase

import lexcase.core.*
import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class BillsTest {
    private fun november(client: Contact, matter: Matter, arrangement: FeeArrangement, description: String) =
        DraftRequest(
            client = client.id,
            matters = listOf(matter.id),
            periodFrom = day("2026-11-01"),
            periodTo = day("2026-11-30"),
            arrangement = arrangement,
            description = description,
        )

    private fun expense(matter: Matter, text: String, cost: String, tax: ExpenseTax, code: String) = NewExpense(
        matter = matter.id,
        date = day("2026-11-20"),
        description = text,
        unitCost = Amount(BigDecimal(cost)),
        tax = tax,
        quantity = BigDecimal.ONE,
        expenseCode = code,
    )

    @Test
    fun aUkVatInvoiceIsDraftedIssuedAndPaid() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m = matter(jane, title = "Smith v Jones", practiceArea = "litigation")
            val defaults = accounts.time().billingSettings()
            assertEquals(0uL, defaults.version)
            accounts.time().setBillingSettings(defaults.copy(taxRate = BigDecimal("0.20"), lawFirmId = "SMITHCO"), 0uL)

            val time = feeEarner.time()
            val work = time.record(
                NewTimeEntry(
                    m.id, day("2026-11-20"), 4u * 3600u, "Trial preparation",
                    taskCode = "L440", activityCode = "A101", rate = Amount(BigDecimal("250")),
                ),
            )
            time.record(NewTimeEntry(m.id, day("2026-11-21"), 600u, "Courtesy call", billability = Billability.NO_CHARGE))
            val internal = time.record(
                NewTimeEntry(m.id, day("2026-11-21"), 600u, "Internal training", billability = Billability.NON_BILLABLE),
            )
            time.recordExpense(expense(m, "Court fee", "100", ExpenseTax.DISBURSEMENT, "E112"))
            time.recordExpense(expense(m, "Rail fare to hearing", "50", ExpenseTax.VATABLE_COST, "E110"))

            val bills = accounts.bills()
            val request = november(jane, m, FeeArrangement.Hourly, "For services rendered")
            val draft = bills.draft(request)
            assertEquals(
                listOf(LineKind.TIME, LineKind.NO_CHARGE_TIME, LineKind.DISBURSEMENT, LineKind.EXPENSE),
                draft.lines.map { it.kind },
            )
            assertAmount("1150.00", draft.totals.net)
            assertAmount("210.00", draft.totals.tax)
            assertAmount("1360.00", draft.totals.total)
            assertEquals("1360.00", draft.totals.total.toPlainString())
            assertEquals(listOf(BillStatus.APPROVED, BillStatus.VOID), draft.allowedTransitions())
            assertEquals(BillStatus.DRAFT, draft.status)
            assertNull(draft.number)
            assertAmount("0", draft.outstanding())
            assertEquals(WorkStatus.ON_DRAFT_BILL, time.get(work.id).status)
            assertEquals(WorkStatus.UNBILLED, time.get(internal.id).status, "never billed")
            assertEquals("period", assertThrows<LexcaseException.Validation> { bills.draft(request) }.field)

            val discounted = bills.setDiscount(draft.id, draft.version, Discount.Percent(BigDecimal("10")))
            assertAmount(discounted.totals.net.toPlainString(), discounted.lines.sumOf { it.totals.net })
            assertAmount(discounted.totals.tax.toPlainString(), discounted.lines.sumOf { it.totals.tax })
            assertAmount(discounted.totals.total.toPlainString(), discounted.lines.sumOf { it.totals.total })
            assertTrue(discounted.totals.total < BigDecimal("1360.00"))
            val undiscounted = bills.setDiscount(discounted.id, discounted.version, null)
            assertAmount("1360.00", undiscounted.totals.total)

            val approved = bills.transition(undiscounted.id, undiscounted.version, BillStatus.APPROVED)
            assertEquals(listOf(BillStatus.DRAFT, BillStatus.ISSUED, BillStatus.VOID), approved.allowedTransitions())
            assertThrows<LexcaseException.InvalidTransition> { bills.setDiscount(approved.id, approved.version, null) }
            val issued = bills.issue(approved.id, approved.version)
            assertEquals("INV000001", issued.number)
            assertEquals(BillStatus.ISSUED, issued.status)
            assertEquals(listOf(BillStatus.VOID), issued.allowedTransitions())
            assertAmount("1360.00", issued.outstanding())
            val issuedOn = requireNotNull(issued.issuedOn)
            assertEquals(issuedOn.plusDays(30), issued.dueOn)
            val billed = time.get(work.id)
            assertEquals(WorkStatus.BILLED, billed.status)
            assertEquals(issued.id, billed.bill)
            assertThrows<LexcaseException.InvalidTransition> { time.update(billed.id, billed.version, TimeEntryChanges()) }

            assertEquals("bill", assertThrows<LexcaseException.Validation> { bills.ledes(issued.id) }.field)
            assertTrue(bills.csv(issued.id).lines().count() > 4)
            assertTrue(bills.json(issued.id).contains("\"INV000001\""))

            val payments = accounts.payments()
            fun pay(amount: String, allocations: List<Allocation>) = payments.record(
                NewPayment(jane.id, day("2026-11-28"), Amount(BigDecimal(amount), "GBP"), "bank transfer", "SMITH", allocations),
            )
            val first = pay("500", listOf(Allocation(issued.id, BigDecimal("500"))))
            assertAmount("0", first.unallocated())
            assertEquals(first, payments.get(first.id))
            val partly = bills.get(issued.id)
            assertEquals(BillStatus.PARTLY_PAID, partly.status)
            assertEquals(emptyList<BillStatus>(), partly.allowedTransitions())
            assertAmount("860.00", partly.outstanding())
            assertEquals(
                "allocations",
                assertThrows<LexcaseException.Validation> { pay("100", listOf(Allocation(issued.id, BigDecimal("150")))) }.field,
            )
            assertEquals(
                "amount",
                assertThrows<LexcaseException.Validation> { pay("1000", listOf(Allocation(issued.id, BigDecimal("900")))) }.field,
            )
            assertThrows<LexcaseException.InvalidTransition> { bills.void(partly.id, partly.version, "mistake") }

            val onAccount = pay("860", emptyList())
            assertAmount("860", onAccount.unallocated())
            val allocated = payments.allocate(onAccount.id, onAccount.version, issued.id, BigDecimal("860"))
            assertAmount("0", allocated.unallocated())
            val paid = bills.get(issued.id)
            assertEquals(BillStatus.PAID, paid.status)
            assertAmount("0", paid.outstanding())
            assertEquals(emptyList<BillStatus>(), paid.allowedTransitions())

            val statement = payments.statement(jane.id, "GBP")
            assertEquals("GBP", statement.currency)
            assertAmount("0", statement.balance)
            assertEquals(3, statement.entries.size)
            assertAmount("0", payments.agedDebt(day("2026-12-31"), "GBP").total.amount)
            assertEquals(1uL, bills.list(BillQuery(client = jane.id, status = BillStatus.PAID), FIRST_PAGE).total)
            assertEquals(0uL, bills.list(BillQuery(status = BillStatus.DRAFT), FIRST_PAGE).total)
        }
    }

    @Test
    fun creditNotesAndWriteOffsSettleAnInvoice() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m = matter(jane)
            feeEarner.time().record(NewTimeEntry(m.id, day("2026-11-20"), 3600u, "Searches", rate = Amount(BigDecimal("100"))))
            val bills = accounts.bills()
            val draft = bills.draft(november(jane, m, FeeArrangement.Hourly, "Conveyancing"))
            val adjusted = bills.addAdjustment(draft.id, draft.version, "Agreed reduction", BigDecimal("-10"), false)
            assertEquals(LineKind.ADJUSTMENT, adjusted.lines.last().kind)
            assertAmount("90.00", adjusted.totals.total)
            val lineOff = bills.setLineDiscount(adjusted.id, adjusted.version, 1u, Discount.Amount(BigDecimal("20")))
            assertAmount("70.00", lineOff.totals.total)
            assertThrows<LexcaseException.NotFound> { bills.setLineDiscount(lineOff.id, lineOff.version, 9u, null) }
            val removed = bills.removeLine(lineOff.id, lineOff.version, 2u)
            assertAmount("80.00", removed.totals.total)
            val approved = bills.transition(removed.id, removed.version, BillStatus.APPROVED)
            val issued = bills.issue(approved.id, approved.version)
            val note = bills.creditNote(issued.id, issued.version, BigDecimal("30"), "goodwill")
            assertEquals(BillKind.CREDIT_NOTE, note.kind)
            assertEquals("INV000002", note.number)
            assertEquals(issued.id, note.credits)
            assertAmount("-30.00", note.totals.total)
            val credited = bills.get(issued.id)
            assertAmount("50.00", credited.outstanding())
            val written = accounts.payments().writeOff(credited.id, credited.version, BigDecimal("50"), "small balance")
            assertEquals(BillStatus.PAID, written.status)
            assertAmount("50", written.writtenOff)
        }
    }

    @Test
    fun aFixedFeeBillExportsAsLedesAndAContingencyFeeIsAShareOfTheRecovery() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m = matter(jane, title = "Purchase of 1 Elm Road")
            val settings = partner.time().billingSettings()
            partner.time().setBillingSettings(settings.copy(lawFirmId = "24-6437381"), 0uL)
            feeEarner.time().record(NewTimeEntry(m.id, day("2026-11-20"), 3600u, "Searches"))
            val bills = partner.bills()
            val request = november(jane, m, FeeArrangement.FixedFee(BigDecimal("950"), true), "Conveyancing")
            val draft = bills.draft(request)
            assertAmount("950.00", draft.totals.total)
            assertAmount("0", draft.totals.tax)
            assertEquals(LineKind.FIXED_FEE, draft.lines[0].kind)
            assertEquals(LineKind.NO_CHARGE_TIME, draft.lines[1].kind)
            val approved = bills.transition(draft.id, draft.version, BillStatus.APPROVED)
            val issued = bills.issue(approved.id, approved.version)
            assertEquals("INV000001", issued.number)

            val ledes = bills.ledes(issued.id)
            assertTrue(ledes.startsWith("LEDES1998B[]\r\n"), ledes)
            val rows = ledes.split("\r\n").filter { it.isNotEmpty() }
            assertEquals("LEDES1998B[]", rows[0])
            assertTrue(rows[1].startsWith("INVOICE_DATE|INVOICE_NUMBER|"))
            val data = rows.drop(2)
            assertEquals(issued.lines.size, data.size)
            for (row in data) {
                assertEquals(24, row.split("|").size, row)
                assertTrue(row.endsWith("[]"), row)
                assertEquals("INV000001", row.split("|")[1])
            }

            val voided = bills.void(issued.id, issued.version, "wrong fee")
            assertEquals(BillStatus.VOID, voided.status)
            assertEquals("wrong fee", voided.voidReason)
            assertEquals(emptyList<BillStatus>(), voided.allowedTransitions())
            val contingency = FeeArrangement.Contingency(
                recovery = BigDecimal("100000"),
                costs = BigDecimal("10000"),
                percent = BigDecimal("100").divide(BigDecimal("3"), 20, java.math.RoundingMode.HALF_UP),
                basis = ContingencyBasis.GROSS,
            )
            val again = bills.draft(request.copy(arrangement = contingency))
            assertEquals(LineKind.CONTINGENCY_FEE, again.lines[0].kind)
            assertAmount("33333.33", again.totals.total)
            assertEquals(contingency, again.arrangement)

            assertThrows<LexcaseException.PermissionDenied> { feeEarner.bills().get(again.id) }
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.bills().draft(request) }
            val stranger = person("Not", "Aclient")
            val field = { r: DraftRequest -> assertThrows<LexcaseException.Validation> { bills.draft(r) }.field }
            assertEquals("client", field(request.copy(client = stranger.id)))
            assertEquals("period_to", field(request.copy(periodTo = day("2026-10-01"))))
            assertEquals("discount", field(request.copy(discount = Discount.Percent(BigDecimal("120")))))
        }
    }
}
