package lexcase

import lexcase.core.*
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ConflictsTest {
    @Test
    fun searchFindsVariantsAffiliatesAndFormerClients() {
        withFirm {
            val fe = feeEarner.matters()
            // A former client: Smith, on a matter now closed.
            val smith = person("John", "Smith")
            var old = matter(smith, title = "Smith purchase")
            old = fe.open(old.id, old.version)
            old = fe.close(old.id, old.version, null)
            // Globex Corporation is the other side on a live matter; Dana works for Globex.
            val globex = admin.contacts().create(
                NewContact(
                    kind = ContactKind.ORGANISATION,
                    organisationName = "Globex Corporation",
                    identifiers = listOf(
                        Identifier(kind = IdentifierKind.COMPANY_NUMBER, value = "0123 4567", jurisdiction = "GB"),
                    ),
                ),
            )
            val scully = person("Dana", "Scully")
            val dana = admin.contacts().addAffiliation(
                scully.id, scully.version, AffiliationKind.WORKS_FOR, globex.id, "General Counsel",
            )
            var live = matter(person("Alice", "Brown"), title = "Brown v Globex", practiceArea = "litigation")
            live = fe.addParty(live.id, live.version, globex.id, PartyRole.OPPOSING_PARTY, null, null)

            val conflicts = feeEarner.conflicts()
            val onOld = conflicts.search(listOf("Jon Smyth"), emptyList()).single { it.matter == old.id }
            assertEquals(smith.id, onOld.contact)
            assertEquals("client", onOld.role)
            assertEquals("closed", onOld.matterStatus)
            assertEquals(old.number, onOld.matterNumber)
            assertTrue(onOld.explanation.isNotEmpty())
            assertTrue(onOld.reasons.isNotEmpty())
            assertFalse(onOld.withheld)

            val hits = conflicts.search(listOf("GLOBEX CORP."), emptyList())
            val adverse = hits.single { it.matter == live.id && it.contact == globex.id }
            assertEquals("opposing_party", adverse.role)
            assertEquals("Globex Corporation", adverse.name)
            // Dana is found through her employer.
            val viaEmployer = hits.first { it.contact == dana.id }
            assertTrue(viaEmployer.via!!.contains("works for"), viaEmployer.via)
            // By company number, whatever its spacing.
            val byNumber = conflicts.search(emptyList(), listOf("01234567")).first { it.contact == globex.id }
            assertEquals(1000.toUShort(), byNumber.score)
            assertTrue(byNumber.reasons.contains(MatchReason.Identifier("01234567")), byNumber.reasons.toString())
            assertEquals(emptyList<ConflictHit>(), conflicts.search(listOf("Mary Jones"), emptyList()))

            // Wall a second fee earner off the live matter: the hit stays, its details go.
            val walledUser = admin.users().create(newUser("Wes Walled", Role.FEE_EARNER))
            live = fe.get(live.id)
            admin.matters().addEthicalWall(live.id, live.version, walledUser.id, "acts for Globex")
            firm.session(walledUser.id).use { walled ->
                val hidden = walled.conflicts().search(listOf("Globex"), emptyList()).first { it.withheld }
                assertEquals(Triple(null, null, null), Triple(hidden.matter, hidden.matterNumber, hidden.role))
            }

            assertThrows<LexcaseException.PermissionDenied> { readOnly.conflicts().search(listOf("x"), emptyList()) }
            val blank = assertThrows<LexcaseException.Validation> { conflicts.search(listOf(" "), emptyList()) }
            assertEquals("names", blank.field)
        }
    }

    @Test
    fun checksAreStoredDecidedAndRerunWhenAPartyIsAdded() {
        withFirm {
            val fe = feeEarner.matters()
            val acme = organisation("Acme Widgets Ltd")
            val first = matter(acme, title = "Acme supply dispute")
            fe.open(first.id, first.version)
            var m = matter(person("Bob", "Stone"), title = "Stone v Acme", practiceArea = "litigation")
            m = fe.addParty(m.id, m.version, acme.id, PartyRole.OPPOSING_PARTY, null, null)
            val conflicts = feeEarner.conflicts()
            assertNull(conflicts.get(m.id))

            var check = conflicts.run(m.id)
            assertEquals(m.id, check.matter)
            assertEquals("hits", check.status())
            assertEquals(check.hits.size.toULong(), check.unresolved())
            assertTrue(check.names.contains("Acme Widgets Ltd"), check.names.toString())
            assertEquals(feeEarnerUser.id, check.runBy)
            val index = check.hits.indexOfFirst { it.matter == first.id }
            assertEquals("client", check.hits[index].role, "adverse to a current client")

            // Waiving needs manage_matter_access: the fee earner may not, a partner may.
            assertThrows<LexcaseException.PermissionDenied> {
                conflicts.decide(m.id, check.version, index.toULong(), HitDisposition.WAIVED, "consent on file")
            }
            assertThrows<LexcaseException.StaleVersion> {
                partner.conflicts().decide(m.id, check.version + 1uL, 0uL, HitDisposition.WAIVED, "consent on file")
            }
            assertThrows<LexcaseException.NotFound> {
                partner.conflicts().decide(m.id, check.version, 999uL, HitDisposition.WAIVED, "consent on file")
            }
            for (i in check.hits.indices) {
                check = partner.conflicts().decide(
                    m.id, check.version, i.toULong(), HitDisposition.WAIVED, "informed consent confirmed in writing",
                )
            }
            assertEquals("resolved", check.status())
            assertEquals(0uL, check.unresolved())
            val decision = check.hits[index].decision!!
            assertEquals(partnerUser.id, decision.by)
            assertEquals(HitDisposition.WAIVED, decision.disposition)
            assertEquals("informed consent confirmed in writing", decision.note)
            assertEquals(check, conflicts.get(m.id))

            // A new party with a conflict of its own: the check runs again by itself.
            val carol = person("Carol", "Danvers")
            val elsewhere = matter(carol, title = "Danvers estate", practiceArea = "probate")
            m = fe.get(m.id)
            fe.addParty(m.id, m.version, carol.id, PartyRole.WITNESS, null, null)
            val rerun = conflicts.get(m.id)!!
            assertEquals("hits", rerun.status())
            assertEquals(1uL, rerun.unresolved())
            assertTrue(rerun.hits.any { it.matter == elsewhere.id && it.decision == null })
            assertTrue(rerun.hits.any { it.matter == first.id && it.decision != null }, "decisions kept")
        }
    }
}
