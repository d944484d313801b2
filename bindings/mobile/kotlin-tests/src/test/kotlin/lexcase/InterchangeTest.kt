package lexcase

import lexcase.core.*
import java.time.LocalDate
import java.time.LocalDateTime
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class InterchangeTest {
    private fun day(text: String): LocalDate = LocalDate.parse(text)

    /** Checks RFC 5545 line rules: CRLF endings only, every line at most 75 octets. */
    private fun assertFolded(text: String) {
        assertTrue(text.endsWith("\r\n"))
        val lines = text.removeSuffix("\r\n").split("\r\n")
        for (line in lines) {
            assertTrue(!line.contains('\n') && !line.contains('\r'), "bare line break in: $line")
            assertTrue(line.toByteArray(Charsets.UTF_8).size <= 75, "longer than 75 octets: $line")
        }
    }

    @Test
    fun aUsersCalendarHasRecurringEventsAndDeadlinesWithAlarms() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m0 = matter(jane, title = "Smith v Jones — a long title with accents (é, ü, ß) to make the lines fold", practiceArea = "litigation")
            val m = feeEarner.matters().open(m0.id, m0.version)
            feeEarner.appointments().create(
                NewAppointment(
                    title = "Weekly case review",
                    kind = AppointmentKind.MEETING,
                    schedule = Schedule.Timed(
                        LocalDateTime.parse("2026-12-01T09:00"), LocalDateTime.parse("2026-12-01T09:30"), "Europe/London",
                    ),
                    matter = m.id,
                    recurrence = "FREQ=WEEKLY;COUNT=4",
                ),
            )
            val deadline = feeEarner.docket().add(
                NewDeadline(
                    m.id, builtinRule("frcp-reply-counterclaim"), DeadlineTrigger.Date(day("2026-12-04")),
                    service = ServiceMethod.MAIL, responsible = feeEarnerUser.id,
                ),
            )
            val ics = feeEarner.interchange().userCalendar(feeEarnerUser.id, day("2026-12-01"), day("2026-12-31"))
            assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics)
            assertTrue(ics.contains("END:VCALENDAR"))
            assertTrue(ics.contains("BEGIN:VEVENT"))
            assertTrue(ics.contains("\r\nRRULE:FREQ=WEEKLY;COUNT=4"), ics)
            assertTrue(ics.contains("BEGIN:VTODO"))
            assertTrue(ics.contains("\r\nDUE;VALUE=DATE:20261231\r\n"), ics)
            assertTrue(ics.contains("TRIGGER;RELATED=END:-P7D"), ics)
            assertTrue(ics.contains("TRIGGER;RELATED=END:-P30D"), ics)
            assertFolded(ics)

            // Outside the range the deadline is left out; the matter's calendar has everything.
            val january = feeEarner.interchange().userCalendar(feeEarnerUser.id, day("2027-01-01"), day("2027-01-31"))
            assertTrue(!january.contains("BEGIN:VTODO"), january)
            val matterIcs = paralegal.interchange().matterCalendar(m.id)
            assertTrue(matterIcs.contains("BEGIN:VEVENT") && matterIcs.contains("BEGIN:VTODO"))
            // Long lines (the UID names matter and deadline) are folded: unfold before searching.
            val unfolded = matterIcs.replace("\r\n ", "")
            assertTrue(unfolded.contains("\r\nUID:${m.id}-${deadline.id}@"), unfolded)
            assertFolded(matterIcs)
            val backwards = assertThrows<LexcaseException.Validation> {
                feeEarner.interchange().userCalendar(feeEarnerUser.id, day("2026-12-31"), day("2026-12-01"))
            }
            assertEquals("to", backwards.field)
            assertThrows<LexcaseException.NotFound> { feeEarner.interchange().matterCalendar(java.util.UUID.randomUUID()) }
        }
    }

    @Test
    fun contactsRoundTripThroughVCard() {
        withFirm {
            val jane = admin.contacts().create(
                NewContact(
                    kind = ContactKind.PERSON, givenName = "José", familyName = "García",
                    emails = listOf(Email("jose@example.com"), Email("j.garcia@example.org", label = "work")),
                ),
            )
            val acme = admin.contacts().create(
                NewContact(kind = ContactKind.ORGANISATION, organisationName = "Acme, Ltd", emails = listOf(Email("info@acme.example"))),
            )
            val vcf = admin.interchange().exportContacts(listOf(jane.id, acme.id))
            assertEquals(2, Regex("BEGIN:VCARD").findAll(vcf).count())
            assertTrue(vcf.contains("VERSION:4.0"))
            assertFolded(vcf)

            val imported = admin.interchange().importContacts(vcf)
            assertEquals(listOf("José García", "Acme, Ltd"), imported.map { it.displayName() })
            assertEquals(listOf(jane.kind, acme.kind), imported.map { it.kind })
            assertEquals(
                listOf(jane.emails.map { it.address }, acme.emails.map { it.address }),
                imported.map { c -> c.emails.map { it.address } },
            )
            assertEquals(listOf("José", "García"), listOf(imported[0].givenName, imported[0].familyName))
            assertTrue(imported.none { it.id == jane.id || it.id == acme.id })

            assertThrows<LexcaseException.NotFound> { admin.interchange().exportContacts(listOf(java.util.UUID.randomUUID())) }
            val noName = "BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:nobody@example.com\r\nEND:VCARD\r\n"
            val bad = assertThrows<LexcaseException.Validation> { admin.interchange().importContacts(noName) }
            assertEquals("vcard", bad.field)
            // A bad card imports nothing, even after a good one.
            val before = admin.contacts().search("", null, FIRST_PAGE).total
            assertThrows<LexcaseException.Validation> { admin.interchange().importContacts(vcf + noName) }
            assertEquals(before, admin.contacts().search("", null, FIRST_PAGE).total)
            assertThrows<LexcaseException.PermissionDenied> { readOnly.interchange().importContacts(vcf) }
        }
    }
}
