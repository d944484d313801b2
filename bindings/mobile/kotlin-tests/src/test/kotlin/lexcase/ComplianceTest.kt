package lexcase

import lexcase.core.*
import java.time.LocalDate
import java.time.ZoneId
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ComplianceTest {
    /** A firm's own pack; [expect] is what its second test case expects to fire. */
    private fun firmPack(expect: String) = """
        id = "smith-co"
        version = 1
        title = "Smith & Co house rules"

        [[rules]]
        id = "high_wip"
        version = 1
        title = "WIP above 10,000 needs a bill"
        condition = 'time.unbilled_value > 10000.0'
        severity = "warn"
        message = "Matter {matter.number} has {time.unbilled_value} unbilled."
        remedy = "Bill the client or agree a payment on account."

        [[tests]]
        name = "fires above the limit"
        facts = { time = { unbilled_value = 12000.0 } }
        expect = ["high_wip"]

        [[tests]]
        name = "quiet below it"
        facts = { time = { unbilled_value = 9000.0 } }
        expect = $expect
    """.trimIndent()

    @Test
    fun packsInForceGateOpeningUntilTheCheckIsRunOrAPartnerOverrides() {
        withFirm {
            val fe = feeEarner.matters()
            // No pack in force: nothing stands in the way (the firm chooses its packs).
            val before = matter(person("Nina", "Norules"), title = "Before any rules")
            fe.open(before.id, before.version)
            assertEquals(emptyList<CompliancePack>(), feeEarner.compliance().packs())
            assertTrue(feeEarner.compliance().availablePacks().map { it.id }.containsAll(listOf("core", "ew-conveyancing")))
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.compliance().setPacksInForce(listOf("core")) }
            val unknown = assertThrows<LexcaseException.Validation> { admin.compliance().setPacksInForce(listOf("mars")) }
            assertEquals("packs", unknown.field)
            val packs = admin.compliance().setPacksInForce(listOf("core", "ew-conveyancing"))
            assertEquals(setOf("core", "ew-conveyancing"), packs.map { it.id }.toSet())
            assertEquals(packs, feeEarner.compliance().packs())
            val gate = packs.single { it.id == "core" }.rules.single { it.id == "conflict_check_cleared" }
            assertEquals(Severity.BLOCK, gate.severity)
            assertEquals(listOf(Checkpoint.MATTER_OPENING), gate.on)

            // Each matter gets a client of its own, so the conflict checks below are clear.
            var m = matter(person("Olive", "Quartermaine"), title = "Purchase of 1 Elm Road")
            val blocked = assertThrows<LexcaseException.Validation> { fe.open(m.id, m.version) }
            assertEquals("rules", blocked.field)
            assertTrue(blocked.reason.contains("conflict_check_cleared"), blocked.reason)
            assertEquals("clear", feeEarner.conflicts().run(m.id).status())
            m = fe.open(m.id, m.version)
            assertEquals(MatterStatus.OPEN, m.status)
            assertEquals(emptyList<RuleOverride>(), feeEarner.compliance().overrides(m.id))

            // Overriding needs override_workflow_gates and a reason; it is kept and shown.
            var other = matter(person("Ravi", "Underhill"), title = "Urgent injunction", practiceArea = "litigation")
            assertThrows<LexcaseException.PermissionDenied> { fe.openOverriding(other.id, other.version, "court tomorrow") }
            assertThrows<LexcaseException.Validation> { partner.matters().openOverriding(other.id, other.version, " ") }
            other = partner.matters().openOverriding(other.id, other.version, "injunction hearing at 10:00; check to follow")
            assertEquals(MatterStatus.OPEN, other.status)
            val overrides = partner.compliance().overrides(other.id)
            assertEquals(1, overrides.size)
            val kept = overrides.single()
            assertEquals(Triple("core", "conflict_check_cleared", partnerUser.id), Triple(kept.pack, kept.rule, kept.by))
            assertEquals("matter_opening", kept.checkpoint)
            assertEquals("injunction hearing at 10:00; check to follow", kept.reason)

            val found = partner.compliance().evaluate(other.id)
            assertEquals(other.id, found.matter)
            assertEquals(other.number, found.number)
            val conflict = found.findings.single { it.finding.rule == "conflict_check_cleared" }
            assertEquals(Severity.BLOCK, conflict.finding.severity)
            assertEquals(kept, conflict.overridden, "the override is visible")
            assertTrue(conflict.finding.message.contains(other.number), conflict.finding.message)
            assertEquals("\"none\"", conflict.finding.facts["conflicts.status"], "no check was run")
            // The cleared matter has no such finding.
            assertTrue(feeEarner.compliance().evaluate(m.id).findings.none { it.finding.rule == "conflict_check_cleared" })

            // Time on a closed matter is a finding of the sweep, with the facts it read.
            val closed = fe.close(m.id, m.version, null)
            val afterClosing = LocalDate.now(ZoneId.of("Europe/London")).plusDays(4)
            feeEarner.time().record(NewTimeEntry(matter = closed.id, date = afterClosing, seconds = 600u, narrative = "After closing"))
            val sweep = partner.compliance().sweep()
            val onClosed = sweep.single { it.matter == closed.id }
            val late = onClosed.findings.single { it.finding.rule == "no_time_after_close" }
            assertEquals(Severity.WARN, late.finding.severity)
            assertNull(late.overridden)
            assertEquals("1", late.finding.facts["time.entries_after_close"])
            assertEquals("\"closed\"", late.finding.facts["matter.status"])
            // An open matter whose check was never run is found too.
            assertTrue(sweep.single { it.matter == before.id }.findings.any { it.finding.rule == "conflict_check_cleared" })
        }
    }

    @Test
    fun aFirmPackIsTestedBeforeItIsInstalled() {
        withFirm {
            val compliance = admin.compliance()
            val failing = compliancePackFromToml(firmPack("[\"high_wip\"]"))
            assertEquals("{\"time\":{\"unbilled_value\":12000.0}}", failing.tests[0].facts)
            val outcomes = compliance.testPack(failing)
            assertEquals(listOf("quiet below it"), outcomes.filter { !it.passed }.map { it.name })
            assertEquals(listOf("high_wip"), outcomes.single { !it.passed }.expected)
            assertEquals(emptyList<String>(), outcomes.single { !it.passed }.fired)
            val refused = assertThrows<LexcaseException.Validation> { compliance.installPack(failing) }
            assertEquals("tests", refused.field)
            assertTrue(compliance.packs().none { it.id == "smith-co" })

            val good = compliancePackFromToml(firmPack("[]"))
            assertTrue(compliance.testPack(good).all { it.passed })
            assertThrows<LexcaseException.PermissionDenied> { feeEarner.compliance().installPack(good) }
            assertEquals(good, compliance.installPack(good))
            assertTrue(compliance.packs().any { it.id == "smith-co" })
            assertTrue(compliance.availablePacks().any { it.id == "smith-co" })
            val stale = assertThrows<LexcaseException.Validation> { compliance.installPack(good) }
            assertEquals("version", stale.field)

            // The same pack as JSON; bad packs are typed errors, whether text or records.
            val json = compliancePackFromJson(
                """{"id":"smith-co","version":2,"title":"Smith & Co house rules","rules":[],"tests":[]}""",
            )
            assertEquals(2u, json.version)
            assertThrows<LexcaseException.Validation> {
                compliancePackFromToml(firmPack("[]").replace("time.unbilled_value > 10000.0", "time.no_such_fact > 1"))
            }
            assertThrows<LexcaseException.Validation> {
                compliancePackFromToml(firmPack("[]").replace("time.unbilled_value > 10000.0", "time.unbilled_value >>> 1"))
            }
            val badRule = good.copy(
                version = 2u,
                rules = good.rules.map { it.copy(condition = "time.no_such_fact > 1") },
            )
            assertThrows<LexcaseException.Validation> { compliance.installPack(badRule) }
            assertThrows<LexcaseException.Validation> { compliance.testPack(badRule) }
            val badFacts = good.copy(version = 2u, tests = good.tests.map { it.copy(facts = "{time") })
            assertEquals("facts", assertThrows<LexcaseException.Validation> { compliance.installPack(badFacts) }.field)
            assertEquals(1u, compliance.packs().single { it.id == "smith-co" }.version)

            assertEquals(listOf("core", "ew-conveyancing", "ew-litigation", "us"), builtinCompliancePacks().map { it.id })
        }
    }
}
