package lexcase

import lexcase.core.*
import java.io.File
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** A listener that records every update and cancels at the first one [stop] picks. */
class Watch(private val stop: (String, ULong, ULong?) -> Boolean = { _, _, _ -> false }) : ProgressListener {
    val seen = mutableListOf<Triple<String, ULong, ULong?>>()

    override fun onProgress(phase: String, done: ULong, total: ULong?): Boolean {
        seen += Triple(phase, done, total)
        return !stop(phase, done, total)
    }

    /** The `done` of each update of [phase], checked to end at the total every update carries. */
    fun counted(phase: String): List<ULong> {
        val updates = seen.filter { it.first == phase }
        assertTrue(updates.isNotEmpty(), "$phase not reported: $seen")
        val total = updates.last().third
        assertTrue(updates.all { it.third == total }, "$seen")
        assertEquals(total, updates.last().second, "$seen")
        return updates.map { it.second }
    }
}

/** Cancels at the last update of [phase]: everything of it was done. */
fun atEnd(phase: String): (String, ULong, ULong?) -> Boolean =
    { p, done, total -> p == phase && done > 0uL && total == done }

/** Cancels at once. */
val CANCEL: (String, ULong, ULong?) -> Boolean = { _, _, _ -> true }

/** Progress and cancel on the long calls, and a firm's round trip through an archive file. */
class ProgressTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun aFirmRoundTripsThroughAnArchiveAndACancelledImportWritesNothing() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            feeEarner.documents().add(
                NewDocument(matter = m.id, name = "Contract", category = "contract", mediaType = "text/plain"),
                "the contract".toByteArray(),
                "the contract",
            )
            val path = dir.resolve("firm.zip").toString()
            val watch = Watch()
            val manifest = firm.exportArchive(path, watch)
            assertEquals(admin.audit().head(), manifest.auditHead)
            assertEquals(1u, manifest.version)
            assertTrue(watch.seen.any { it.first == "export.records" }, "${watch.seen}")
            watch.counted("export.contents")
            assertTrue(manifest.members.any { it.name.startsWith("blobs/") })

            // A cancelled export leaves no file; an existing file is refused.
            val cut = dir.resolve("cut.zip").toString()
            assertThrows<LexcaseException.Cancelled> { firm.exportArchive(cut, Watch(CANCEL)) }
            assertFalse(File(cut).exists())
            assertEquals("path", assertThrows<LexcaseException.Validation> { firm.exportArchive(path) }.field)

            Firm.open(dir.resolve("moved.lexcase").toString(), Durability.FULL).use { moved ->
                for (phase in listOf("import.check", "import.contents", "import.write")) {
                    assertThrows<LexcaseException.Cancelled> { moved.importArchive(path, Watch(atEnd(phase))) }
                    assertFalse(moved.isInitialised(), phase)
                }
                // A listener that throws cancels too.
                val throwing = object : ProgressListener {
                    override fun onProgress(phase: String, done: ULong, total: ULong?): Boolean =
                        throw IllegalStateException("the user closed the window")
                }
                assertThrows<LexcaseException.Cancelled> { moved.importArchive(path, throwing) }
                assertFalse(moved.isInitialised())

                assertEquals(manifest, moved.importArchive(path))
                val session = moved.sessionByEmail(adminUser.email)
                assertEquals(manifest.auditHead, session.audit().head())
                assertTrue(session.audit().verify().intact)
                assertEquals(1uL, session.documents().forMatter(m.id, FIRST_PAGE).total)
                val again = dir.resolve("again.zip").toString()
                assertEquals(manifest, moved.exportArchive(again))
                assertArrayEquals(File(path).readBytes(), File(again).readBytes())
                assertThrows<LexcaseException.Conflict> { moved.importArchive(path) }
                session.close()
            }
        }
    }

    @Test
    fun theSweepReportsTheMattersItCoversAndCanBeCancelled() {
        withFirm {
            admin.compliance().setPacksInForce(listOf("core"))
            matter(person("Nina", "North"), title = "One")
            matter(person("Owen", "East"), title = "Two")
            val watch = Watch()
            assertEquals(feeEarner.compliance().sweep(), feeEarner.compliance().sweep(watch))
            assertEquals(2uL, watch.counted("sweep.matters").last())
            assertThrows<LexcaseException.Cancelled> { feeEarner.compliance().sweep(Watch(CANCEL)) }
        }
    }

    @Test
    fun aCancelledVcardImportOrBulkTimeImportWritesNothing() {
        withFirm {
            val vcf = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Ash\r\nN:Ash;Ann;;;\r\nEND:VCARD\r\n" +
                "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben Birch\r\nN:Birch;Ben;;;\r\nEND:VCARD\r\n"
            val cards = Watch(atEnd("contacts.import"))
            assertThrows<LexcaseException.Cancelled> { admin.interchange().importContacts(vcf, cards) }
            assertEquals(listOf(0uL, 1uL, 2uL), cards.counted("contacts.import"))
            assertEquals(0uL, admin.contacts().search("Ben", null, FIRST_PAGE).total)
            assertEquals(2, admin.interchange().importContacts(vcf, Watch()).size)

            val m = matter(person("Jane", "Smith"))
            val entries = (1..4).map { NewTimeEntry(m.id, day("2026-11-03"), 360u, "Call $it") }
            val time = Watch(atEnd("time.record"))
            assertThrows<LexcaseException.Cancelled> { feeEarner.time().recordMany(entries, time) }
            assertEquals(listOf(0uL, 1uL, 2uL, 3uL, 4uL), time.counted("time.record"))
            val mine = WorkQuery(matter = m.id, user = feeEarnerUser.id)
            assertEquals(0uL, feeEarner.time().list(mine, FIRST_PAGE).total)
            assertEquals(4, feeEarner.time().recordMany(entries).size)
            assertEquals(4uL, feeEarner.time().list(mine, FIRST_PAGE).total)
        }
    }

    @Test
    fun recheckingEveryConflictCheckFindsNewHitsAndACancelRechecksNone() {
        withFirm {
            val m = matter(person("Olive", "Quartermaine"))
            assertEquals("clear", feeEarner.conflicts().run(m.id).status())
            person("Olive", "Quartermaine")
            val before = feeEarner.conflicts().get(m.id)
            assertNotNull(before)

            val watch = Watch(atEnd("conflicts.recheck"))
            assertThrows<LexcaseException.Cancelled> { feeEarner.conflicts().recheckAll(watch) }
            assertEquals(1uL, watch.counted("conflicts.recheck").last())
            assertEquals(before, feeEarner.conflicts().get(m.id))

            assertThrows<LexcaseException.PermissionDenied> { readOnly.conflicts().recheckAll() }
            val recheck = feeEarner.conflicts().recheckAll(Watch())
            assertEquals(ConflictRecheck(1uL, listOf(RecheckedMatter(m.id, m.number, 1uL))), recheck)
            assertEquals("hits", feeEarner.conflicts().get(m.id)?.status())
        }
    }

    @Test
    fun renderingManyKeepsAndFilesNothingWhenCancelled() {
        withFirm {
            val client = person("Ivy", "Ash")
            val m = feeEarner.matters().open(matter(client).id, 1uL)
            feeEarner.time().record(NewTimeEntry(m.id, day("2026-11-03"), 3600u, "Advice", rate = Amount(java.math.BigDecimal("250"))))
            val bills = accounts.bills()
            var bill = bills.draft(
                DraftRequest(
                    client = client.id, matters = listOf(m.id), periodFrom = day("2026-11-01"),
                    periodTo = day("2026-11-30"), arrangement = FeeArrangement.Hourly,
                ),
            )
            bill = bills.transition(bill.id, bill.version, BillStatus.APPROVED)
            bill = bills.issue(bill.id, bill.version)
            val requests = listOf(
                RenderRequest("invoice", OutputFormat.TEXT, RenderSubject.Bill(bill.id)),
                RenderRequest("client_care_letter", OutputFormat.TEXT, RenderSubject.Matter(m.id), file = FileAs()),
            )
            for (phase in listOf("render.documents", "render.record")) {
                val watch = Watch(atEnd(phase))
                assertThrows<LexcaseException.Cancelled> { partner.documents().renderMany(requests, watch) }
                assertEquals(listOf(0uL, 1uL, 2uL), watch.counted(phase))
                assertEquals(0uL, partner.documents().forMatter(m.id, FIRST_PAGE).total)
            }
            val first = partner.documents().renderMany(requests, Watch())
            assertEquals(listOf(false, false), first.map { it.reprint })
            assertNotNull(first[1].document)
            val again = partner.documents().renderMany(requests.take(1))
            assertTrue(again[0].reprint)
            assertArrayEquals(first[0].bytes, again[0].bytes)
            assertEquals(1uL, partner.documents().forMatter(m.id, FIRST_PAGE).total)
        }
    }
}
