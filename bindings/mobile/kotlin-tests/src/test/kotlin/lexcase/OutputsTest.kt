package lexcase

import lexcase.core.*
import java.io.File
import java.math.BigDecimal
import java.math.RoundingMode
import java.text.DecimalFormat
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** What leaves the firm: documents rendered from templates, and email sent from a matter. */
class OutputsTest {
    /** The client's matter and its issued VAT bill (time, a disbursement, an expense, 10% off). */
    private class Billed(val client: Contact, val matter: Matter, val bill: Bill)

    private fun Fixture.billed(): Billed {
        admin.templates().setLetterhead(
            admin.templates().letterhead().copy(
                address = listOf("1 Quay Street", "London", "EC1A 1AA"),
                vatNumber = "GB 123 4567 89",
                mailDomain = "smith.example",
            ),
        )
        accounts.time().setBillingSettings(accounts.time().billingSettings().copy(taxRate = BigDecimal("0.20")), 0uL)
        val client = admin.contacts().create(
            NewContact(
                kind = ContactKind.PERSON, givenName = "Jane", familyName = "Smith",
                emails = listOf(Email("jane@client.example")),
            ),
        )
        val m = matter(client, title = "Smith v Jones", practiceArea = "litigation")
        val open = feeEarner.matters().open(m.id, m.version)
        feeEarner.time().record(NewTimeEntry(open.id, day("2026-11-03"), 9000u, "Drafting the defence", rate = Amount(BigDecimal("250"))))
        feeEarner.time().recordExpense(
            NewExpense(open.id, day("2026-11-04"), "Court fee", Amount(BigDecimal("455")), ExpenseTax.DISBURSEMENT, BigDecimal.ONE),
        )
        feeEarner.time().recordExpense(
            NewExpense(open.id, day("2026-11-04"), "Rail fare to hearing", Amount(BigDecimal("48.60")), ExpenseTax.VATABLE_COST, BigDecimal.ONE),
        )
        val bills = accounts.bills()
        var bill = bills.draft(
            DraftRequest(
                client = client.id, matters = listOf(open.id), periodFrom = day("2026-11-01"),
                periodTo = day("2026-11-30"), arrangement = FeeArrangement.Hourly,
                description = "For professional services in November",
            ),
        )
        bill = bills.setDiscount(bill.id, bill.version, Discount.Percent(BigDecimal("10")))
        bill = bills.transition(bill.id, bill.version, BillStatus.APPROVED)
        bill = bills.issue(bill.id, bill.version)
        return Billed(client, open, bill)
    }

    /** Pounds as a client reads them, written without the library: £1,234.50. */
    private fun pounds(amount: BigDecimal): String =
        "£" + DecimalFormat("#,##0.00").format(amount.setScale(2, RoundingMode.UNNECESSARY))

    /** The PDF's text read by `pdftotext` (poppler-utils); null when it is missing and not required. */
    private fun pdfText(pdf: ByteArray): String? {
        val tool = System.getenv("PATH").orEmpty().split(File.pathSeparator)
            .map { File(it, "pdftotext") }.firstOrNull { it.canExecute() }
        if (tool == null) {
            assertNull(System.getenv("LEXCASE_REQUIRE_PDFTOTEXT"), "pdftotext is required")
            return null
        }
        val file = File.createTempFile("lexcase", ".pdf")
        try {
            file.writeBytes(pdf)
            val process = ProcessBuilder(tool.path, "-layout", "-enc", "UTF-8", file.path, "-").start()
            val text = process.inputStream.readBytes().toString(Charsets.UTF_8)
            assertTrue(process.waitFor(60, TimeUnit.SECONDS))
            assertEquals(0, process.exitValue())
            return text
        } finally {
            file.delete()
        }
    }

    @Test
    fun anIssuedBillRendersToPdfWithItsStoredFiguresAndReprintsByteForByte() {
        withFirm {
            val b = billed()
            val documents = partner.documents()
            val first = documents.render(
                RenderRequest("invoice", OutputFormat.PDF, RenderSubject.Bill(b.bill.id), file = FileAs()),
            )
            assertTrue(first.bytes.copyOfRange(0, 5).contentEquals("%PDF-".toByteArray()))
            assertFalse(first.reprint)
            assertEquals("Invoice ${b.bill.number}.pdf", first.fileName)
            val filed = first.document!!
            assertEquals(b.matter.id, filed.matter)
            assertEquals("bill", filed.category)
            assertArrayEquals(first.bytes, documents.contents(filed.id, null))

            val again = documents.render(RenderRequest("invoice", OutputFormat.PDF, RenderSubject.Bill(b.bill.id)))
            assertTrue(again.reprint)
            assertArrayEquals(first.bytes, again.bytes)

            val text = pdfText(first.bytes)
            if (text != null) {
                assertTrue(text.contains(b.bill.number!!), text)
                assertTrue(text.contains("GB 123 4567 89"), text)
                for (line in b.bill.lines) {
                    val row = text.lines().firstOrNull { it.contains(line.description) }
                    assertNotNull(row, "no line for ${line.description}:\n$text")
                    assertTrue(row!!.contains(pounds(line.totals.gross)), "$row lacks ${pounds(line.totals.gross)}")
                    assertTrue(row.contains(pounds(line.unitPrice)), "$row lacks ${pounds(line.unitPrice)}")
                }
                val t = b.bill.totals
                for ((label, figure) in listOf(
                    "Total before discount" to pounds(t.gross),
                    "Discount (10%)" to "-" + pounds(t.discount),
                    "Total excluding VAT" to pounds(t.net),
                    "VAT at 20%" to pounds(t.tax),
                    "Total" to pounds(t.total),
                )) {
                    val row = text.lines().firstOrNull { it.contains(label) && it.contains(figure) }
                    assertNotNull(row, "no \"$label … $figure\" in:\n$text")
                }
            }

            val html = documents.render(RenderRequest("invoice", OutputFormat.HTML, RenderSubject.Bill(b.bill.id)))
            val page = html.bytes.toString(Charsets.UTF_8)
            assertTrue(page.contains(pounds(b.bill.totals.total)), page)

            val statement = documents.render(
                RenderRequest("statement", OutputFormat.PDF, RenderSubject.Statement(b.client.id, "GBP", b.matter.id), file = FileAs()),
            )
            assertEquals("statement", statement.document!!.category)
            pdfText(statement.bytes)?.let { assertTrue(it.contains(pounds(b.bill.totals.total)), it) }

            val letter = feeEarner.documents().render(
                RenderRequest("client_care_letter", OutputFormat.PDF, RenderSubject.Matter(b.matter.id), file = FileAs()),
            )
            assertEquals("client_care_letter", letter.document!!.category)
            pdfText(letter.bytes)?.let { assertTrue(it.contains(b.matter.number), it) }
            val model = feeEarner.documents().mergeModel(TemplateKind.CLIENT_CARE_LETTER, RenderSubject.Matter(b.matter.id))
            assertTrue(model.contains("\"Smith v Jones\""), model)
        }
    }

    @Test
    fun templatesAreFirmDataCheckedAtInstall() {
        withFirm {
            val templates = admin.templates()
            val ids = templates.list().map { it.id }
            assertTrue(ids.containsAll(listOf("invoice", "statement", "client_care_letter", "matter_report", "cover_email")), "$ids")
            assertTrue(templates.fields(TemplateKind.INVOICE).contains("bill.number"))
            val bad = assertThrows<LexcaseException.Template> {
                templates.install(NewTemplate("note", 1u, TemplateKind.LETTER, "Note", text = "{{ matter.titel }}"))
            }
            assertEquals("matter.titel", bad.field)
            val note = templates.install(NewTemplate("note", 1u, TemplateKind.LETTER, "Note", text = "Re {{ matter.title }}"))
            assertFalse(note.builtin)
            assertTrue(templates.preview("note", null, OutputFormat.TEXT).toString(Charsets.UTF_8).startsWith("Re "))
            assertThrows<LexcaseException.PermissionDenied> {
                feeEarner.templates().install(NewTemplate("note", 2u, TemplateKind.LETTER, "Note", text = "x"))
            }
            val toml = "id = \"big\"\nversion = 1\nkind = \"letter\"\nname = \"Big\"\ntext = \"\"\"" + "x".repeat(1 shl 20) + "\"\"\"\n"
            assertEquals("template", assertThrows<LexcaseException.Validation> { templates.installToml(toml) }.field)
            assertTrue(templates.retire("note").retired)
        }
    }

    /** Records what it is handed, as an app's own mail client would send it. */
    private class Outbox : MailSender {
        val sent = mutableListOf<Triple<String, List<String>, ByteArray>>()
        override fun send(envelopeFrom: String, envelopeTo: List<String>, message: ByteArray) {
            sent += Triple(envelopeFrom, envelopeTo, message)
        }
    }

    @Test
    fun anEmailWithTheBillIsSentThroughTheAppsSenderAndTheReplyFindsTheMatter() {
        withFirm {
            val b = billed()
            val outbox = Outbox()
            val email = OutboundEmail(
                matter = b.matter.id,
                to = listOf(Recipient.Contact(b.client.id)),
                template = "cover_email",
                bill = b.bill.id,
                attachments = listOf(OutboundAttachment.Rendered("invoice", OutputFormat.PDF, b.bill.id)),
            )
            val composed = partner.communications().composeEmail(email)
            assertTrue(composed.subject.contains(b.bill.number!!), composed.subject)
            assertTrue(partner.communications().ofMatter(b.matter.id, FIRST_PAGE).items.isEmpty())

            val sent = partner.communications().sendEmailWith(email, outbox)
            val (from, to, bytes) = outbox.sent.single()
            assertEquals(partnerUser.email, from)
            assertEquals(listOf("jane@client.example"), to)
            assertArrayEquals(sent.message.raw, bytes)
            assertTrue(sent.message.messageId.endsWith("@smith.example"))
            val comm = sent.communication
            assertEquals(FilingMethod.SENT, comm.filing)
            assertEquals(Direction.OUTBOUND, comm.direction)
            assertEquals(b.matter.id, comm.matter)
            assertArrayEquals(bytes, partner.communications().rawMessage(comm.id))
            val invoice = sent.documents.single()
            assertArrayEquals(sent.message.attachments.single().bytes, partner.communications().attachment(comm.id, 0u))
            assertEquals("bill", invoice.category)

            val reply = listOf(
                "From: Jane Smith <jane@client.example>",
                "To: ${partnerUser.email}",
                "Subject: Thank you",
                "Message-ID: <reply-1@client.example>",
                "In-Reply-To: <${sent.message.messageId}>",
                "References: <${sent.message.messageId}>",
                "Date: Mon, 30 Nov 2026 10:00:00 +0000",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Paid today.",
                "",
            ).joinToString("\r\n").toByteArray()
            val filed = feeEarner.communications().ingestEmail(reply).communication
            assertEquals(b.matter.id, filed.matter)
            assertEquals(FilingMethod.REPLY, filed.filing)
        }
    }

    @Test
    fun aFailedSendRecordsNothingAndTheFirmsSenderIsUsedBySendEmail() {
        withFirm {
            val b = billed()
            val email = OutboundEmail(
                matter = b.matter.id,
                to = listOf(Recipient.Address("", "jane@client.example")),
                subject = "Your matter",
                body = "Hello",
            )
            assertEquals("transport", assertThrows<LexcaseException.Validation> { feeEarner.communications().sendEmail(email) }.field)
            val refusing = object : MailSender {
                override fun send(envelopeFrom: String, envelopeTo: List<String>, message: ByteArray) {
                    throw MailSendException.Failed("mailbox full for jane@client.example", permanent = true)
                }
            }
            val failed = assertThrows<LexcaseException.Delivery> { feeEarner.communications().sendEmailWith(email, refusing) }
            assertTrue(failed.permanent)
            assertFalse(failed.message!!.contains("jane@"), failed.message)
            val crashing = object : MailSender {
                override fun send(envelopeFrom: String, envelopeTo: List<String>, message: ByteArray) {
                    throw IllegalStateException("boom")
                }
            }
            assertThrows<LexcaseException.Delivery> { feeEarner.communications().sendEmailWith(email, crashing) }
            assertTrue(feeEarner.communications().ofMatter(b.matter.id, FIRST_PAGE).items.isEmpty())

            val outbox = Outbox()
            firm.withMailSender(outbox).use { sending ->
                sending.session(feeEarnerUser.id).use { s ->
                    val sent = s.communications().sendEmail(email)
                    assertArrayEquals(sent.message.raw, outbox.sent.single().third)
                }
            }
            assertEquals(1, feeEarner.communications().ofMatter(b.matter.id, FIRST_PAGE).items.size)
            assertThrows<LexcaseException.Validation> {
                firm.withSmtp(SmtpSettings(host = "localhost", security = SmtpSecurity.NONE, username = "u", password = "p"))
            }
        }
    }
}
