package lexcase

import lexcase.core.*
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class NotesTest {
    @Test
    fun editingANoteKeepsEveryEarlierVersion() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val first = feeEarner.notes().addToMatter(m.id, "Called the client")
            assertEquals(NoteSubject.Matter(m.id), first.subject)
            assertEquals(feeEarnerUser.id, first.author)
            assertEquals(emptyList<NoteRevision>(), first.revisions)
            assertEquals(1uL, first.version)

            val second = paralegal.notes().edit(first.id, first.version, "Called the client about the survey")
            val third = feeEarner.notes().edit(second.id, second.version, "Called the client about the survey and the lease")
            assertEquals("Called the client about the survey and the lease", third.body)
            assertEquals(feeEarnerUser.id, third.author)
            assertEquals(
                listOf("Called the client" to feeEarnerUser.id, "Called the client about the survey" to paralegalUser.id),
                third.revisions.map { it.body to it.by },
            )
            assertEquals(first.writtenAt, third.revisions[0].at)
            assertEquals(third, feeEarner.notes().get(first.id))

            assertThrows<LexcaseException.StaleVersion> { feeEarner.notes().edit(first.id, first.version, "Again") }
            val unchanged = assertThrows<LexcaseException.Validation> { feeEarner.notes().edit(third.id, third.version, third.body) }
            assertEquals("body", unchanged.field)
            assertThrows<LexcaseException.PermissionDenied> { readOnly.notes().addToMatter(m.id, "Not allowed") }

            val client = person("Joe", "Bloggs")
            val onContact = admin.notes().addToContact(client.id, "Prefers email")
            assertEquals(NoteSubject.Contact(client.id), onContact.subject)
            assertEquals(listOf(onContact.id), readOnly.notes().forContact(client.id, FIRST_PAGE).items.map { it.id })
            assertEquals(listOf(first.id), readOnly.notes().forMatter(m.id, FIRST_PAGE).items.map { it.id })
        }
    }

    @Test
    fun searchHidesTheNotesOfAWalledMatter() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val onMatter = feeEarner.notes().addToMatter(m.id, "Spoke to the surveyor about subsidence")
            val onContact = admin.notes().addToContact(person("Sam", "Survey").id, "Surveyor on the panel")
            assertEquals(setOf(onMatter.id, onContact.id), paralegal.notes().search("SURVEY", FIRST_PAGE).items.map { it.id }.toSet())
            assertEquals(listOf(onMatter.id), paralegal.notes().search("surveyor subsid", FIRST_PAGE).items.map { it.id })

            admin.matters().addEthicalWall(m.id, m.version, paralegalUser.id, "acted for the seller")
            val walledSearch = paralegal.notes().search("survey", FIRST_PAGE)
            assertEquals(listOf(onContact.id), walledSearch.items.map { it.id })
            assertEquals(1uL, walledSearch.total)
            assertThrows<LexcaseException.NotFound> { paralegal.notes().get(onMatter.id) }
            assertThrows<LexcaseException.NotFound> { paralegal.notes().forMatter(m.id, FIRST_PAGE) }
            assertEquals(2uL, feeEarner.notes().search("survey", FIRST_PAGE).total)
        }
    }
}
