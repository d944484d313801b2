package lexcase

import lexcase.core.*
import java.util.UUID
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class AuditTest {
    /**
     * Every event [session] may see, read through the change feed [limit] at a time. Cursors
     * only grow for viewers who see every event; others get a fresh pseudonymous cursor each call.
     */
    private fun feed(session: Session, limit: UInt): List<List<AuditEvent>> {
        val batches = mutableListOf<List<AuditEvent>>()
        var cursor = 0uL
        do {
            val batch = session.audit().changesSince(cursor, limit)
            batches += batch.events
            cursor = batch.nextCursor
        } while (batch.more)
        return batches
    }

    @Test
    fun theChainVerifiesAndNeedsTheCapability() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            feeEarner.matters().open(m.id, m.version)

            val verification = partner.audit().verify()
            assertTrue(verification.intact)
            assertNull(verification.firstBroken)
            val events = feed(admin, 1000u).flatten()
            assertEquals(events.size.toULong(), verification.eventsChecked)
            // Setting up the firm, 7 users, 1 contact, the matter created and opened.
            assertEquals(1, events.count { it.action == "firm.initialised" })
            assertEquals(7, events.count { it.action == "user.created" })
            assertEquals(listOf("contact.created", "matter.created", "matter.opened"), events.takeLast(3).map { it.action })
            assertEquals(verification, accounts.audit().verify())

            val denied = assertThrows<LexcaseException.PermissionDenied> { paralegal.audit().verify() }
            assertEquals("view_audit", denied.action)
        }
    }

    @Test
    fun anAnchoredHeadIsExportedAndVerifiedAgainst() {
        withFirm {
            matter(person("Jane", "Smith"))
            val head = admin.audit().head()!!
            assertEquals(64, head.hash.length)
            matter(person("John", "Doe"))
            val verification = admin.audit().verifyAgainst(head)
            assertTrue(verification.intact)
            assertNull(verification.keyNeededFrom)

            val rewritten = admin.audit().verifyAgainst(head.copy(hash = "0".repeat(64)))
            assertFalse(rewritten.intact)
            assertEquals(head.seq, rewritten.firstBroken!!.seq)
            assertThrows<LexcaseException.Validation> { admin.audit().verifyAgainst(head.copy(hash = "xyz")) }
        }
    }

    @Test
    fun historyListsActionsWithTheirChangesAsJson() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val open = feeEarner.matters().open(m.id, m.version)
            val renamed = secretary.matters().update(open.id, open.version, MatterChanges(title = "Sale of 12 Acacia Avenue"))
            partner.matters().addEthicalWall(renamed.id, renamed.version, readOnlyUser.id, "conflict")

            // The partner sees every event, so the real chain: sequence numbers and hashes.
            val history = partner.audit().history(m.id)
            assertEquals(
                listOf("matter.created", "matter.opened", "matter.updated", "matter.wall_added"),
                history.map { it.action },
            )
            assertTrue(history.all { it.entityKind == EntityKind.MATTER && it.entityId == m.id && it.matters == listOf(m.id) })
            assertEquals(listOf(feeEarnerUser.id, feeEarnerUser.id, secretaryUser.id, partnerUser.id), history.map { it.actor })
            assertEquals(history.sortedBy { it.seq }, history)
            // Each event links to the one before it.
            val all = feed(admin, 1000u).flatten()
            for (event in history) {
                val previous = all.single { it.seq == event.seq - 1uL }
                assertEquals(previous.hash, event.prevHash)
            }

            val title = history[2].changes.single()
            assertEquals(FieldChange("title", "\"Purchase of 12 Acacia Avenue\"", "\"Sale of 12 Acacia Avenue\""), title)
            val created = history[0].changes.associateBy { it.field }
            assertNull(created.getValue("number").before)
            assertEquals("\"SMI-0001\"", created.getValue("number").after)

            // The firm's own history is under the nil UUID.
            val firmHistory = admin.audit().history(UUID(0L, 0L))
            assertEquals("firm.initialised", firmHistory.first().action)
            assertEquals(EntityKind.FIRM, firmHistory.first().entityKind)

            // The walled user does not see the matter's history at all.
            assertEquals(emptyList<AuditEvent>(), readOnly.audit().history(m.id))
        }
    }

    @Test
    fun theChangeFeedPagesWithACursor() {
        withFirm {
            val setUp = admin.audit().changesSince(0uL, 1000u).nextCursor
            val jane = person("Jane", "Smith")
            repeat(3) { matter(jane, title = "Matter $it") }
            val last = setUp + 4uL

            val whole = admin.audit().changesSince(0uL, 1000u)
            assertFalse(whole.more)
            assertEquals((1uL..last).toList(), whole.events.map { it.seq })
            assertEquals(last, whole.nextCursor)

            val pages = feed(admin, 5u)
            assertEquals(whole.events, pages.flatten())
            assertTrue(pages.dropLast(1).all { it.size == 5 } && pages.last().size <= 5, pages.map { it.size }.toString())

            val tail = admin.audit().changesSince(last - 2uL, 5u)
            assertEquals(listOf(last - 1uL, last), tail.events.map { it.seq })
            assertEquals(listOf("matter.created", "matter.created"), tail.events.map { it.action })
            assertFalse(tail.more)
            val nothing = admin.audit().changesSince(last, 5u)
            assertEquals(emptyList<AuditEvent>(), nothing.events)
            assertEquals(last, nothing.nextCursor)

            val e = assertThrows<LexcaseException.Validation> { admin.audit().changesSince(0uL, 0u) }
            assertEquals("limit", e.field)
        }
    }

    @Test
    fun theFeedLeavesOutHiddenMattersAndRedactsRates() {
        withFirm {
            val m = matter(person("Jane", "Smith"), visibility = Visibility.TEAM)
            val everything = feed(admin, 1000u).flatten()
            val paralegalSees = feed(paralegal, 4u).flatten()
            assertEquals(everything.filter { m.id !in it.matters }.map { it.id }, paralegalSees.map { it.id })
            // Not shown every event, the paralegal gets pseudonyms for sequence numbers, no hashes.
            assertTrue(paralegalSees.all { it.hash.isEmpty() && it.prevHash.isEmpty() })
            assertTrue(paralegalSees.map { it.seq } != everything.filter { m.id !in it.matters }.map { it.seq })

            fun rateOf(events: List<AuditEvent>) = events
                .single { it.action == "user.created" && it.entityId == feeEarnerUser.id }
                .changes.single { it.field.startsWith("default_rate") }.after
            assertEquals("\"[redacted]\"", rateOf(paralegalSees))
            assertEquals("{\"amount\":\"250.10\",\"currency\":\"GBP\"}", rateOf(feed(accounts, 1000u).flatten()))
        }
    }
}
