package lexcase

import lexcase.core.*
import java.time.LocalDate
import java.time.ZoneId
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class WorkflowTest {
    private val purchase = "ew-residential-purchase"

    private fun londonToday(): LocalDate = LocalDate.now(ZoneId.of("Europe/London"))

    @Test
    fun builtInTemplatesAreRegisteredAndNewOnesParseFromToml() {
        withFirm {
            val template = feeEarner.workflow().template(purchase, null)
            assertEquals(1u, template.version)
            assertEquals("conveyancing", template.practiceArea)
            assertEquals("instructions", template.stages.first().id)
            val sourceOfFunds = template.stages.first().items.single { it.id == "source_of_funds" }
            assertEquals(
                ItemKind.Task(MatterRole.FEE_EARNER, DueRule.StageEntered(5, DayUnit.BUSINESS_DAYS)),
                sourceOfFunds.kind,
            )
            assertTrue(feeEarner.workflow().templates().any { it.id == purchase })

            val toml = """
                id = "will-drafting"
                version = 1
                name = "Will drafting"
                practice_area = "private client"

                [[stages]]
                id = "draft"
                name = "Draft"
                [[stages.items]]
                id = "instructions_taken"
                title = "Take instructions"
                kind = "confirmation"

                [[stages]]
                id = "signed"
                name = "Signed"
            """.trimIndent()
            val registered = admin.workflow().registerTemplateToml(toml)
            assertEquals(listOf("draft", "signed"), registered.stages.map { it.id })
            assertEquals(registered, feeEarner.workflow().template("will-drafting", 1u))
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.workflow().registerTemplateToml(toml) }
            val bad = assertThrows<LexcaseException.Validation> { admin.workflow().registerTemplateToml("id = ") }
            assertEquals("template", bad.field)

            // A running matter stays on version 1 until a partner migrates it.
            val m = matter(person("Will", "Maker"))
            var p = feeEarner.workflow().start(m.id, "will-drafting", 1u)
            p = feeEarner.workflow().completeItem(m.id, p.version, "instructions_taken", null)
            admin.workflow().registerTemplateToml(
                toml.replace("version = 1", "version = 2").replace("id = \"instructions_taken\"", "id = \"instructions\""),
            )
            assertEquals(1u, feeEarner.workflow().get(m.id).templateVersion)
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.workflow().migrate(m.id, p.version, 2u) }
            val migrated = partner.workflow().migrate(m.id, p.version, 2u)
            assertEquals(2u, migrated.progress.templateVersion)
            assertEquals(listOf("instructions_taken"), migrated.dropped)
        }
    }

    @Test
    fun blockedMovesListBlockersAndOnlyAuthorisedUsersOverride() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val started = feeEarner.workflow().start(m.id, purchase, null)
            assertEquals("instructions", started.stage)
            assertEquals(1u, started.templateVersion)
            assertEquals(MoveKind.START, started.history.single().kind)
            assertEquals(started, feeEarner.workflow().get(m.id))
            assertThrows<LexcaseException.Conflict> { feeEarner.workflow().start(m.id, purchase, null) }

            val ticked = feeEarner.workflow().completeItem(m.id, started.version, "verify_identity", "passport seen")
            assertEquals("passport seen", ticked.items.getValue("verify_identity").note)
            assertEquals(feeEarnerUser.id, ticked.items.getValue("verify_identity").by)
            val unticked = feeEarner.workflow().reopenItem(m.id, ticked.version, "verify_identity")
            assertTrue(unticked.items.isEmpty())

            val blocked = feeEarner.workflow().moveTo(m.id, unticked.version, "pre_exchange", null)
            assertFalse(blocked.moved)
            assertNull(blocked.stageMove)
            assertEquals(unticked, blocked.progress)
            val blockingItems = blocked.blockers.mapNotNull { it.item }
            assertTrue(blockingItems.containsAll(listOf("verify_identity", "conflict_check", "source_of_funds")), "$blockingItems")

            val denied = assertThrows<LexcaseException.PermissionDenied> {
                feeEarner.workflow().moveTo(m.id, unticked.version, "pre_exchange", "client in a hurry")
            }
            assertEquals("override_workflow_gates", denied.action)
            assertThrows<LexcaseException.StaleVersion> {
                partner.workflow().moveTo(m.id, started.version, "pre_exchange", "client in a hurry")
            }

            val overridden = partner.workflow().moveTo(m.id, unticked.version, "pre_exchange", "client in a hurry")
            assertTrue(overridden.moved)
            assertTrue(overridden.blockers.isEmpty())
            val step = overridden.stageMove!!
            assertEquals(MoveKind.OVERRIDE, step.kind)
            assertEquals("instructions", step.from)
            assertEquals("pre_exchange", step.to)
            assertEquals("client in a hurry", step.reason)
            assertEquals(partnerUser.id, step.by)
            assertEquals(londonToday(), step.on)
            assertEquals(blocked.blockers, step.overridden)
            assertEquals("pre_exchange", overridden.progress.stage)
            assertEquals(listOf(MoveKind.START, MoveKind.OVERRIDE), overridden.progress.history.map { it.kind })
        }
    }

    @Test
    fun reportsCountsAndStuckMatters() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val started = feeEarner.workflow().start(m.id, purchase, null)
            val ticked = feeEarner.workflow().completeItem(m.id, started.version, "verify_identity", null)

            val report = feeEarner.workflow().report(m.id)
            assertEquals(purchase, report.templateId)
            assertEquals("Residential purchase (England & Wales)", report.templateName)
            assertEquals("instructions", report.stage)
            assertEquals("1. Instructions", report.stageName)
            assertEquals(1uL, report.stageNumber)
            assertEquals(feeEarner.workflow().template(purchase, null).stages.size.toULong(), report.stageCount)
            assertEquals("pre_exchange", report.nextStage)
            assertEquals(listOf("verify_identity"), report.done.map { it.item })
            assertEquals(ticked.items.getValue("verify_identity"), report.done.single().done)
            assertTrue(report.outstanding.any { it.item == "source_of_funds" && it.gating && it.done == null })
            assertTrue(report.blockers.none { it.item == "verify_identity" })
            assertEquals(ticked.history, report.history)

            assertEquals(listOf(StageCount(purchase, "instructions", 1uL)), feeEarner.workflow().stageCounts())
            val stuck = feeEarner.workflow().stuck(0u, FIRST_PAGE)
            assertEquals(1uL, stuck.total)
            assertEquals(m.id, stuck.items.single().matter)
            assertEquals(0uL, feeEarner.workflow().stuck(30u, FIRST_PAGE).total)

            val other = matter(person("Tom", "Jones"))
            assertThrows<LexcaseException.NotFound> { feeEarner.workflow().get(other.id) }
            assertThrows<LexcaseException.NotFound> { feeEarner.workflow().start(other.id, "no-such-template", null) }
        }
    }
}
