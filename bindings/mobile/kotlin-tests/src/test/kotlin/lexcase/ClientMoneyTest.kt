package lexcase

import lexcase.core.*
import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ClientMoneyTest {
    @Test
    fun theLedgerGuardsAgainstOverdrawingAndReconcilesThreeWays() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m = matter(jane, title = "Purchase of 1 Elm Road")
            val money = accounts.clientMoney()
            fun entry(kind: ClientMoneyEntryKind, amount: String, bill: java.util.UUID? = null) = NewClientMoneyEntry(
                matter = m.id,
                client = jane.id,
                kind = kind,
                amount = Amount(BigDecimal(amount)),
                date = day("2026-11-27"),
                description = "On account of costs",
                reference = "BACS",
                counterparty = "Jane Smith",
                bill = bill,
            )
            val receipt = money.record(entry(ClientMoneyEntryKind.RECEIPT, "5000"), null)
            assertEquals(ClientMoneyEntryKind.RECEIPT, receipt.kind)
            assertNull(receipt.overrideReason)

            feeEarner.time().record(NewTimeEntry(m.id, day("2026-11-20"), 4u * 3600u, "Exchange"))
            val bills = accounts.bills()
            val draft = bills.draft(
                DraftRequest(
                    client = jane.id,
                    matters = listOf(m.id),
                    periodFrom = day("2026-11-01"),
                    periodTo = day("2026-11-30"),
                    arrangement = FeeArrangement.FixedFee(BigDecimal("1200"), false),
                    description = "Conveyancing",
                ),
            )
            val onDraft = assertThrows<LexcaseException.Validation> {
                money.record(entry(ClientMoneyEntryKind.TRANSFER_TO_OFFICE, "1200", draft.id), null)
            }
            assertEquals("bill", onDraft.field)
            val approved = bills.transition(draft.id, draft.version, BillStatus.APPROVED)
            val issued = bills.issue(approved.id, approved.version)
            val transfer = money.record(entry(ClientMoneyEntryKind.TRANSFER_TO_OFFICE, "1200", issued.id), null)
            assertEquals(issued.id, transfer.bill)
            assertEquals(BillStatus.PAID, bills.get(issued.id).status)
            fun balance() = money.balances(m.id).single().balance
            assertAmount("3800.00", balance().amount)
            assertEquals("GBP", balance().currency)

            val before = admin.audit().verify().eventsChecked
            val overdraw = assertThrows<LexcaseException.Validation> {
                money.record(entry(ClientMoneyEntryKind.PAYMENT, "4000"), null)
            }
            assertEquals("amount", overdraw.field)
            assertThrows<LexcaseException.PermissionDenied> {
                money.record(entry(ClientMoneyEntryKind.PAYMENT, "4000"), "completion monies")
            }
            assertEquals(before, admin.audit().verify().eventsChecked, "nothing was written")
            val overdrawn = partner.clientMoney().record(
                entry(ClientMoneyEntryKind.PAYMENT, "4000"),
                "lender's funds arrive tomorrow",
            )
            assertEquals("lender's funds arrive tomorrow", overdrawn.overrideReason)
            assertAmount("-200.00", balance().amount)
            val reversal = money.reverse(overdrawn.id, day("2026-11-27"), "sent in error", null)
            assertEquals(ClientMoneyEntryKind.REVERSAL, reversal.kind)
            assertEquals(overdrawn.id, reversal.reverses)
            assertAmount("3800.00", balance().amount)
            val twice = assertThrows<LexcaseException.Validation> {
                money.reverse(overdrawn.id, day("2026-11-27"), "again", null)
            }
            assertEquals("reverses", twice.field)
            val entries = money.entries(m.id)
            assertEquals(4, entries.size)
            assertEquals(receipt, entries[0])
            assertAmount("3800.00", accounts.reports().clientMoneyBalances(day("2026-11-30")).single().balance.amount)
            val balancesCsv = accounts.reports().clientMoneyBalancesCsv(day("2026-11-30")).lines()
            assertEquals("matter,client,balance,currency", balancesCsv.first())
            assertTrue(balancesCsv[1].endsWith(",3800.00,GBP"))
            // The bill was paid by the transfer: nothing is owed.
            val aged = accounts.reports().agedDebtCsv(day("2026-12-31"), "GBP").lines()
            assertEquals(0, BigDecimal(aged[1].substringAfterLast(',')).signum(), aged[1])

            val statement = BankStatement(
                date = day("2026-11-30"),
                balance = Amount(BigDecimal("4300"), "GBP"),
                outstandingPayments = listOf(StatementItem("cheque 1042", Amount(BigDecimal("500")))),
            )
            val record = money.reconcile(statement)
            assertTrue(record.reconciliation.balanced)
            assertAmount("3800.00", record.reconciliation.cashBookBalance.amount)
            assertAmount("3800.00", record.reconciliation.adjustedBankBalance.amount)
            assertAmount("3800.00", record.reconciliation.ledgersTotal.amount)
            assertTrue(record.reconciliation.differences.isEmpty())
            assertEquals(accountsUser.id, record.reconciledBy)
            val due = money.reconciliationDue()
            assertEquals(day("2026-11-30"), due.last)
            assertEquals(day("2026-12-30"), due.nextDue)
            val short = money.reconcile(statement.copy(date = day("2026-12-01"), balance = Amount(BigDecimal("4200"), "GBP")))
            assertFalse(short.reconciliation.balanced)
            assertAmount("-100", short.reconciliation.differences[0].amount.amount)

            assertThrows<LexcaseException.PermissionDenied> {
                feeEarner.clientMoney().record(entry(ClientMoneyEntryKind.RECEIPT, "1"), null)
            }
            val stranger = person("Not", "Aclient")
            val wrongClient = assertThrows<LexcaseException.Validation> {
                money.record(entry(ClientMoneyEntryKind.RECEIPT, "1").copy(client = stranger.id), null)
            }
            assertEquals("client", wrongClient.field)
            val dollars = assertThrows<LexcaseException.Validation> {
                money.record(entry(ClientMoneyEntryKind.RECEIPT, "1").copy(amount = Amount(BigDecimal.ONE, "USD")), null)
            }
            assertEquals("amount", dollars.field)
            val tooFine = assertThrows<LexcaseException.Validation> {
                money.record(entry(ClientMoneyEntryKind.RECEIPT, "0.0000001"), null)
            }
            assertEquals("amount", tooFine.field)
        }
    }
}
