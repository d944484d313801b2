package lexcase

import lexcase.core.*
import java.time.Instant
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class CommunicationsTest {
    /** A multipart email from an outside sender with one PDF attachment, lines ended by CRLF. */
    private fun email(subject: String, messageId: String): ByteArray = listOf(
        "From: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.com>",
        "To: Fay Earner <fay.earner@smith.example>",
        "Cc: <carol@example.org>",
        "Subject: $subject",
        "Date: Thu, 26 Nov 2026 16:05:00 +0000",
        "Message-ID: <$messageId>",
        "In-Reply-To: <prev@smith.example>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"XYZ\"",
        "",
        "--XYZ",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Completion can be on Friday.",
        "--XYZ",
        "Content-Type: application/pdf; name=\"TA6.pdf\"",
        "Content-Disposition: attachment; filename=\"TA6.pdf\"",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQK",
        "--XYZ--",
        "",
    ).joinToString("\r\n").toByteArray(Charsets.UTF_8)

    private val pdf = "%PDF-1.4\n".toByteArray()

    @Test
    fun anEmailNamingTheMatterNumberIsFiledWithItsAttachmentAsADocument() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val raw = email("Re: [${m.number}] Completion date", "abc123@example.com")
            val outcome = feeEarner.communications().ingestEmail(raw)
            assertFalse(outcome.duplicate)
            val comm = outcome.communication
            assertEquals(m.id, comm.matter)
            assertEquals(FilingMethod.REFERENCE, comm.filing)
            assertEquals(Channel.EMAIL, comm.channel)
            assertEquals(Direction.INBOUND, comm.direction)
            assertEquals("Re: [${m.number}] Completion date", comm.subject)
            assertEquals("Completion can be on Friday.", comm.body.trim())
            assertEquals("abc123@example.com", comm.messageId)
            assertEquals("prev@smith.example", comm.inReplyTo)
            assertEquals(Instant.parse("2026-11-26T16:05:00Z"), comm.occurredAt)
            assertEquals(feeEarnerUser.id, comm.recordedBy)
            assertEquals(feeEarnerUser.id, comm.filedBy)
            assertEquals(
                listOf(
                    ParticipantRole.FROM to "jose@example.com",
                    ParticipantRole.TO to "fay.earner@smith.example",
                    ParticipantRole.CC to "carol@example.org",
                ),
                comm.participants.map { it.role to it.address },
            )
            assertEquals("José García", comm.participants[0].name)
            // The firm's own address is recognised as the user.
            assertEquals(feeEarnerUser.id, comm.participants[1].user)
            assertNull(comm.participants[0].user)

            val attachment = comm.attachments.single()
            assertEquals("TA6.pdf", attachment.fileName)
            assertEquals("application/pdf", attachment.mediaType)
            assertEquals(pdf.size.toULong(), attachment.size)
            assertArrayEquals(pdf, feeEarner.communications().attachment(comm.id, 0u))
            assertThrows<LexcaseException.NotFound> { feeEarner.communications().attachment(comm.id, 1u) }
            assertNotNull(attachment.document)
            val document = feeEarner.documents().get(attachment.document!!)
            assertEquals(m.id, document.matter)
            assertEquals("correspondence", document.category)
            assertArrayEquals(pdf, feeEarner.documents().contents(document.id, null))

            assertArrayEquals(raw, feeEarner.communications().rawMessage(comm.id))
            assertEquals(comm, paralegal.communications().get(comm.id))
            val log = paralegal.communications().ofMatter(m.id, FIRST_PAGE)
            assertEquals(1uL, log.total)
            assertEquals(listOf(comm.id), log.items.map { it.id })
            assertEquals(0uL, feeEarner.communications().unfiled(FIRST_PAGE).total)
        }
    }

    @Test
    fun anEmailFromTheClientOfExactlyOneOpenMatterIsFiledByParties() {
        withFirm {
            val jose = admin.contacts().create(
                NewContact(
                    kind = ContactKind.PERSON, givenName = "José", familyName = "García",
                    emails = listOf(Email("Jose@Example.com")),
                ),
            )
            val pending = matter(jose)
            val m = feeEarner.matters().open(pending.id, pending.version)
            // Another open matter of someone else does not make the sender ambiguous.
            val other = matter(person("Tom", "Jones"), title = "Sale of 3 Elm Road")
            feeEarner.matters().open(other.id, other.version)

            val comm = feeEarner.communications().ingestEmail(email("Question about my purchase", "parties@example.com")).communication
            assertEquals(m.id, comm.matter)
            assertEquals(FilingMethod.PARTIES, comm.filing)
            assertEquals(feeEarnerUser.id, comm.filedBy)
            assertEquals(jose.id, comm.participants.first { it.role == ParticipantRole.FROM }.contact)
            assertEquals(m.id, feeEarner.documents().get(comm.attachments.single().document!!).matter)
            assertEquals(listOf(comm.id), feeEarner.communications().ofMatter(m.id, FIRST_PAGE).items.map { it.id })
            assertEquals(0uL, feeEarner.communications().ofMatter(other.id, FIRST_PAGE).total)
            assertEquals(0uL, feeEarner.communications().unfiled(FIRST_PAGE).total)
        }
    }

    @Test
    fun anEmailWithNoMatterLandsInTheUnfiledQueueAndIsThenFiled() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val comm = feeEarner.communications().ingestEmail(email("Question about my purchase", "q1@example.com")).communication
            assertNull(comm.matter)
            assertNull(comm.filing)
            assertNull(comm.filedBy)
            assertNull(comm.filedAt)
            assertNull(comm.attachments.single().document)
            val queue = feeEarner.communications().unfiled(FIRST_PAGE)
            assertEquals(listOf(comm.id), queue.items.map { it.id })
            assertEquals(0uL, feeEarner.communications().ofMatter(m.id, FIRST_PAGE).total)
            // The unfiled queue needs edit_matters.
            assertThrows<LexcaseException.PermissionDenied> { readOnly.communications().unfiled(FIRST_PAGE) }

            val filed = feeEarner.communications().file(comm.id, comm.version, m.id)
            assertEquals(m.id, filed.matter)
            assertEquals(FilingMethod.MANUAL, filed.filing)
            assertEquals(feeEarnerUser.id, filed.filedBy)
            assertNotNull(filed.filedAt)
            assertEquals(comm.version + 1uL, filed.version)
            val document = feeEarner.documents().get(filed.attachments.single().document!!)
            assertEquals(m.id, document.matter)
            assertEquals(0uL, feeEarner.communications().unfiled(FIRST_PAGE).total)
            assertEquals(listOf(comm.id), feeEarner.communications().ofMatter(m.id, FIRST_PAGE).items.map { it.id })

            // A filed communication is not moved again.
            val other = matter(person("Tom", "Jones"), title = "Sale of 3 Elm Road")
            val again = assertThrows<LexcaseException.Validation> { feeEarner.communications().file(comm.id, filed.version, other.id) }
            assertEquals("matter", again.field)
            assertEquals(
                listOf("communication.ingested", "communication.filed"),
                feeEarner.audit().history(comm.id).map { it.action },
            )
        }
    }

    @Test
    fun theSameMessageIdTwiceIsADuplicateAndWritesNothing() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val first = feeEarner.communications().ingestEmail(email("Re: ${m.number} completion", "same@example.com"))
            val second = feeEarner.communications().ingestEmail(email("Re: ${m.number} completion (resent)", "same@example.com"))
            assertFalse(first.duplicate)
            assertTrue(second.duplicate)
            assertEquals(first.communication, second.communication)
            assertEquals(1uL, feeEarner.communications().ofMatter(m.id, FIRST_PAGE).total)
            assertEquals(1uL, feeEarner.documents().forMatter(m.id, FIRST_PAGE).total)
        }
    }

    @Test
    fun malformedMailIsATypedValidationErrorAndWritesNothing() {
        withFirm {
            for (raw in listOf(
                ByteArray(0),
                "   \r\n".toByteArray(),
                "Subject: no sender\r\n\r\nbody".toByteArray(),
                "From: not an address\r\nSubject: x\r\n\r\nbody".toByteArray(),
            )) {
                val bad = assertThrows<LexcaseException.Validation> { feeEarner.communications().ingestEmail(raw) }
                assertEquals("email", bad.field)
            }
            assertEquals(0uL, feeEarner.communications().unfiled(FIRST_PAGE).total)
            // Ingesting needs edit_matters.
            assertThrows<LexcaseException.PermissionDenied> { readOnly.communications().ingestEmail(email("Hello", "ro@example.com")) }
        }
    }

    @Test
    fun aPhoneCallIsRecordedOnTheMatter() {
        withFirm {
            val jane = person("Jane", "Smith")
            val m = matter(jane)
            val at = Instant.parse("2026-11-27T10:15:30Z")
            val call = feeEarner.communications().record(
                NewCommunication(
                    channel = Channel.PHONE,
                    direction = Direction.OUTBOUND,
                    occurredAt = at,
                    matter = m.id,
                    subject = "Call about completion",
                    body = "Jane agreed to complete on Friday.",
                    participants = listOf(
                        Participant(ParticipantRole.FROM, "Fay Earner", "+44 20 7946 0000", user = feeEarnerUser.id),
                        Participant(ParticipantRole.TO, "Jane Smith", "+44 7700 900123", contact = jane.id),
                    ),
                ),
            )
            assertEquals(m.id, call.matter)
            assertEquals(FilingMethod.RECORDED, call.filing)
            assertEquals(Channel.PHONE, call.channel)
            assertEquals(Direction.OUTBOUND, call.direction)
            assertEquals(at, call.occurredAt)
            assertEquals(listOf(feeEarnerUser.id, null), call.participants.map { it.user })
            assertEquals(listOf(null, jane.id), call.participants.map { it.contact })
            assertNull(call.raw)
            assertNull(call.messageId)
            assertTrue(call.attachments.isEmpty())
            assertEquals(call, paralegal.communications().get(call.id))
            assertEquals(listOf(call.id), paralegal.communications().ofMatter(m.id, FIRST_PAGE).items.map { it.id })

            val notEmail = assertThrows<LexcaseException.Validation> { feeEarner.communications().rawMessage(call.id) }
            assertEquals("communication", notEmail.field)
            assertThrows<LexcaseException.NotFound> { feeEarner.communications().attachment(call.id, 0u) }
            // A participant's name is one line; an unknown contact is refused.
            val twoLines = assertThrows<LexcaseException.Validation> {
                feeEarner.communications().record(
                    NewCommunication(Channel.LETTER, Direction.INBOUND, at, participants = listOf(Participant(ParticipantRole.FROM, "Jane\nSmith"))),
                )
            }
            assertEquals("name", twoLines.field)
            assertThrows<LexcaseException.NotFound> {
                feeEarner.communications().record(
                    NewCommunication(
                        Channel.LETTER, Direction.INBOUND, at,
                        participants = listOf(Participant(ParticipantRole.FROM, contact = java.util.UUID.randomUUID())),
                    ),
                )
            }
            assertThrows<LexcaseException.PermissionDenied> {
                readOnly.communications().record(NewCommunication(Channel.PHONE, Direction.INBOUND, at, matter = m.id))
            }
        }
    }

    @Test
    fun aBadRecipientIsSkippedAndNotedAndACutOffMessageRefused() {
        withFirm {
            val raw = String(email("Completion", "notice@example.com"), Charsets.UTF_8)
                .replace("Cc: <carol@example.org>", "Cc: Wrong <wrong@@example>")
                .toByteArray(Charsets.UTF_8)
            val comm = feeEarner.communications().ingestEmail(raw).communication
            assertEquals(
                listOf(IngestNotice.AddressSkipped(ParticipantRole.CC, "wrong@@example")),
                comm.notices,
            )
            assertEquals(2, comm.participants.size)
            val cut = assertThrows<LexcaseException.Validation> {
                feeEarner.communications().ingestEmail(raw.copyOf(raw.size - 20))
            }
            assertEquals("email", cut.field)
        }
    }
}
