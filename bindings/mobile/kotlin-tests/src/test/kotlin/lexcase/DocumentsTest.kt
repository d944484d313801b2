package lexcase

import lexcase.core.*
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

class DocumentsTest {
    @TempDir
    lateinit var dir: Path

    private val database: String get() = dir.resolve("firm.lexcase").toString()

    private val draft = "Dear Jane, we act for you in the purchase of 12 Acacia Avenue".toByteArray()

    private fun Fixture.letter(matter: Matter, category: String = "correspondence", mediaType: String = "text/plain"): Document =
        feeEarner.documents().add(NewDocument(matter.id, "Letter to Jane", category, mediaType), draft, "Dear Jane, purchase of Acacia Avenue")

    @Test
    fun versionsAreKeptAndASignedDocumentTakesNoMore() {
        withFirm(database) {
            val m = matter(person("Jane", "Smith"))
            val doc = letter(m)
            assertEquals(DocumentStatus.DRAFT, doc.status)
            val v1 = doc.versions.single()
            assertEquals(1u, v1.number)
            assertEquals(draft.size.toULong(), v1.size)
            assertEquals("text/plain", v1.mediaType)
            assertEquals(feeEarnerUser.id, v1.author)
            assertTrue(Regex("[0-9a-f]{64}").matches(v1.hash))
            assertArrayEquals(draft, feeEarner.documents().contents(doc.id, null))

            val fin = feeEarner.documents().setStatus(doc.id, doc.version, DocumentStatus.FINAL)
            val signedText = "Signed letter".toByteArray()
            val v2doc = feeEarner.documents().addVersion(fin.id, fin.version, signedText, "Application/PDF", "signed completion letter")
            assertEquals(DocumentStatus.DRAFT, v2doc.status)
            assertEquals(listOf(1u, 2u), v2doc.versions.map { it.number })
            assertEquals("application/pdf", v2doc.versions[1].mediaType)
            assertArrayEquals(draft, paralegal.documents().contents(doc.id, 1u))
            assertArrayEquals(signedText, paralegal.documents().contents(doc.id, null))
            assertThrows<LexcaseException.NotFound> { feeEarner.documents().contents(doc.id, 3u) }
            assertThrows<LexcaseException.StaleVersion> { feeEarner.documents().setStatus(doc.id, fin.version, DocumentStatus.FINAL) }

            // The index holds the latest version's text.
            assertEquals(listOf(doc.id), feeEarner.documents().search("complet", FIRST_PAGE).items.map { it.id })
            assertEquals(0uL, feeEarner.documents().search("acacia", FIRST_PAGE).total)

            val final2 = feeEarner.documents().setStatus(doc.id, v2doc.version, DocumentStatus.FINAL)
            val signed = feeEarner.documents().setStatus(doc.id, final2.version, DocumentStatus.SIGNED)
            assertEquals(DocumentStatus.SIGNED, signed.status)
            assertThrows<LexcaseException.InvalidTransition> {
                feeEarner.documents().addVersion(signed.id, signed.version, "Changed".toByteArray(), "text/plain", null)
            }
            assertThrows<LexcaseException.InvalidTransition> { feeEarner.documents().setStatus(signed.id, signed.version, DocumentStatus.DRAFT) }
            assertEquals(signed, feeEarner.documents().get(doc.id))
            assertEquals(listOf(doc.id), readOnly.documents().forMatter(m.id, FIRST_PAGE).items.map { it.id })
            assertThrows<LexcaseException.PermissionDenied> { readOnly.documents().setStatus(doc.id, signed.version, DocumentStatus.FINAL) }
        }
    }

    @Test
    fun contentsChangedOnDiskAreAnIntegrityError() {
        withFirm(database) {
            val doc = letter(matter(person("Jane", "Smith")))
            val hash = doc.versions.single().hash
            val blob = dir.resolve("firm.lexcase.blobs").resolve(hash.substring(0, 2)).resolve(hash)
            assertArrayEquals(draft, Files.readAllBytes(blob))

            Files.write(blob, "Dear Jane, we no longer act for you".toByteArray())
            assertThrows<LexcaseException.Integrity> { feeEarner.documents().contents(doc.id, null) }
            // The record itself is untouched.
            assertEquals(doc, feeEarner.documents().get(doc.id))
        }
    }

    @Test
    fun aClientCareLetterTicksItsChecklistItem() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            feeEarner.workflow().start(m.id, "ew-residential-purchase", null)
            assertTrue("client_care_letter" !in feeEarner.workflow().get(m.id).items)

            letter(m, category = "client_care_letter")
            val completion = feeEarner.workflow().get(m.id).items.getValue("client_care_letter")
            assertEquals(feeEarnerUser.id, completion.by)
            assertEquals("document filed", completion.note)
        }
    }

    @Test
    fun aMalformedMediaTypeIsRefused() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val onAdd = assertThrows<LexcaseException.Validation> { letter(m, mediaType = "pdf") }
            assertEquals("media_type", onAdd.field)
            assertEquals(0uL, feeEarner.documents().forMatter(m.id, FIRST_PAGE).total)

            val doc = letter(m)
            val onVersion = assertThrows<LexcaseException.Validation> {
                feeEarner.documents().addVersion(doc.id, doc.version, draft, "text/plain/extra", null)
            }
            assertEquals("media_type", onVersion.field)
        }
    }
}
