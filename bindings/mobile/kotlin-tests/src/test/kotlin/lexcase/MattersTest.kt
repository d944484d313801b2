package lexcase

import lexcase.core.*
import java.math.BigDecimal
import java.time.LocalDate
import java.time.ZoneId
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class MattersTest {
    private fun londonToday(): LocalDate = LocalDate.now(ZoneId.of("Europe/London"))

    @Test
    fun numbersFollowTheFirmFormatPerClient() {
        withFirm {
            val jane = person("Jane", "Smith")
            val first = matter(jane)
            assertEquals("SMI-0001", first.number)
            assertEquals(MatterStatus.PENDING, first.status)
            assertEquals(feeEarnerUser.id, first.responsible)
            assertEquals(feeEarnerUser.id, first.createdBy)
            assertEquals(BillingArrangement(BillingKind.HOURLY, "GBP"), first.billing)
            assertEquals(listOf(PartyRole.CLIENT), first.parties.map { it.role })
            assertEquals(jane.id, first.parties.single().contact)
            assertEquals(listOf(StatusChange(null, MatterStatus.PENDING, londonToday(), first.statusHistory[0].at, feeEarnerUser.id, null)), first.statusHistory)

            assertEquals("SMI-0002", matter(jane, title = "Remortgage").number)
            assertEquals("JON-0001", matter(person("Tom", "Jones")).number)

            val both = feeEarner.matters().createMany(
                listOf(
                    NewMatter(
                        title = "Lease of unit 4",
                        practiceArea = "commercial property",
                        clients = listOf(organisation("Acme Ltd").id),
                        responsible = partnerUser.id,
                        originating = feeEarnerUser.id,
                        billing = BillingKind.FIXED_FEE,
                        currency = "EUR",
                        visibility = Visibility.FIRM,
                        team = listOf(TeamMember(secretaryUser.id, MatterRole.SECRETARY)),
                        keyDates = mapOf("completion" to LocalDate.of(2027, 3, 31)),
                    ),
                ),
            )
            val lease = both.single()
            assertEquals("ACM-0001", lease.number)
            assertEquals(feeEarnerUser.id, lease.originating)
            assertEquals("EUR", lease.billing.currency)
            assertEquals(mapOf("completion" to LocalDate.of(2027, 3, 31)), lease.keyDates)

            val noClient = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().create(
                    NewMatter(
                        title = "Nobody's matter",
                        practiceArea = "litigation",
                        clients = emptyList(),
                        responsible = feeEarnerUser.id,
                        billing = BillingKind.HOURLY,
                        currency = "GBP",
                        visibility = Visibility.FIRM,
                    ),
                )
            }
            assertEquals("clients", noClient.field)
            val badCurrency = assertThrows<LexcaseException.Validation> {
                matter(jane).let { m ->
                    feeEarner.matters().update(m.id, m.version, MatterChanges(billing = BillingArrangement(BillingKind.HOURLY, "XYZ")))
                }
            }
            assertEquals("currency", badCurrency.field)
            val denied = assertThrows<LexcaseException.PermissionDenied> { matter(jane, by = paralegal) }
            assertEquals("open_matters", denied.action)
        }
    }

    @Test
    fun partiesActForOneAnother() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val bob = person("Bob", "Brown")
            val dewey = organisation("Dewey Cheatham LLP")

            val withBob = feeEarner.matters().addParty(m.id, m.version, bob.id, PartyRole.OPPOSING_PARTY, null, "their ref 7")
            val bobParty = withBob.parties.single { it.contact == bob.id }
            assertEquals("their ref 7", bobParty.reference)

            val withCounsel = paralegal.matters().addParty(
                withBob.id, withBob.version, dewey.id, PartyRole.OPPOSING_COUNSEL, bobParty.id, null,
            )
            val counsel = withCounsel.parties.single { it.contact == dewey.id }
            assertEquals(bobParty.id, counsel.actingFor)
            assertEquals(3, withCounsel.parties.size)

            // Bob cannot leave while his counsel acts for him.
            val busy = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().removeParty(withCounsel.id, withCounsel.version, bobParty.id)
            }
            assertEquals("parties", busy.field)
            val self = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().setPartyActingFor(withCounsel.id, withCounsel.version, counsel.id, counsel.id)
            }
            assertEquals("acting_for", self.field)

            val unlinked = feeEarner.matters().setPartyActingFor(withCounsel.id, withCounsel.version, counsel.id, null)
            assertNull(unlinked.parties.single { it.id == counsel.id }.actingFor)
            val expert = feeEarner.matters().changePartyRole(unlinked.id, unlinked.version, bobParty.id, PartyRole.WITNESS)
            assertEquals(PartyRole.WITNESS, expert.parties.single { it.id == bobParty.id }.role)
            val removed = feeEarner.matters().removeParty(expert.id, expert.version, bobParty.id)
            assertEquals(setOf(PartyRole.CLIENT, PartyRole.OPPOSING_COUNSEL), removed.parties.map { it.role }.toSet())

            val client = removed.parties.single { it.role == PartyRole.CLIENT }
            val lastClient = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().removeParty(removed.id, removed.version, client.id)
            }
            assertEquals("parties", lastClient.field)
        }
    }

    @Test
    fun theTeamAndFeeEarnersChange() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val withTeam = feeEarner.matters().addTeamMember(m.id, m.version, paralegalUser.id, MatterRole.PARALEGAL)
            assertEquals(listOf(TeamMember(paralegalUser.id, MatterRole.PARALEGAL)), withTeam.team)
            val supervised = feeEarner.matters().addTeamMember(withTeam.id, withTeam.version, partnerUser.id, MatterRole.SUPERVISOR)
            assertEquals(2, supervised.team.size)

            val originated = feeEarner.matters().update(
                supervised.id, supervised.version,
                MatterChanges(originating = OriginatingChange.Set(partnerUser.id), title = "Purchase of 12 Acacia Ave"),
            )
            assertEquals(partnerUser.id, originated.originating)
            assertEquals("Purchase of 12 Acacia Ave", originated.title)
            assertEquals("conveyancing", originated.practiceArea)
            val kept = feeEarner.matters().update(originated.id, originated.version, MatterChanges(description = "Freehold"))
            assertEquals(partnerUser.id, kept.originating)
            val cleared = feeEarner.matters().update(kept.id, kept.version, MatterChanges(originating = OriginatingChange.Clear))
            assertNull(cleared.originating)

            val fewer = feeEarner.matters().removeTeamMember(cleared.id, cleared.version, paralegalUser.id)
            assertEquals(listOf(partnerUser.id), fewer.team.map { it.user })
            assertThrows<LexcaseException.NotFound> {
                feeEarner.matters().removeTeamMember(fewer.id, fewer.version, paralegalUser.id)
            }
        }
    }

    @Test
    fun theLifecycleRecordsDatesAndReopeningNeedsAReason() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val open = feeEarner.matters().open(m.id, m.version)
            assertEquals(MatterStatus.OPEN, open.status)
            assertEquals(londonToday(), open.openedOn)

            val closed = feeEarner.matters().close(open.id, open.version, "completed")
            assertEquals(MatterStatus.CLOSED, closed.status)
            assertEquals(londonToday(), closed.closedOn)

            val noReason = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().reopen(closed.id, closed.version, "  ")
            }
            assertEquals("reason", noReason.field)

            val reopened = feeEarner.matters().reopen(closed.id, closed.version, "client came back")
            assertEquals(MatterStatus.OPEN, reopened.status)
            assertNull(reopened.closedOn)
            assertEquals(
                listOf(null to MatterStatus.PENDING, MatterStatus.PENDING to MatterStatus.OPEN, MatterStatus.OPEN to MatterStatus.CLOSED, MatterStatus.CLOSED to MatterStatus.OPEN),
                reopened.statusHistory.map { it.from to it.to },
            )
            assertEquals("client came back", reopened.statusHistory.last().reason)

            val notYet = assertThrows<LexcaseException.InvalidTransition> {
                partner.matters().archive(reopened.id, reopened.version, null)
            }
            assertEquals("matter", notYet.entity)
            assertEquals("open", notYet.from)
            assertEquals("archived", notYet.to)

            val denied = assertThrows<LexcaseException.PermissionDenied> {
                paralegal.matters().close(reopened.id, reopened.version, null)
            }
            assertEquals("change_matter_status", denied.action)

            val closedAgain = feeEarner.matters().close(reopened.id, reopened.version, null)
            val archived = partner.matters().archive(closedAgain.id, closedAgain.version, "retention period begins")
            assertEquals(MatterStatus.ARCHIVED, archived.status)
            assertEquals(londonToday(), archived.archivedOn)
            val readOnlyNow = assertThrows<LexcaseException.InvalidTransition> {
                feeEarner.matters().update(archived.id, archived.version, MatterChanges(title = "Too late"))
            }
            assertEquals("archived", readOnlyNow.from)
        }
    }

    @Test
    fun aStaleVersionIsATypedConflictNotALostUpdate() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val mine = feeEarner.matters().update(m.id, m.version, MatterChanges(title = "Mine"))
            val e = assertThrows<LexcaseException.StaleVersion> {
                secretary.matters().update(m.id, m.version, MatterChanges(title = "Theirs"))
            }
            assertEquals("matter", e.entity)
            assertEquals(1uL, e.expected)
            assertEquals(2uL, e.actual)
            assertEquals("Mine", admin.matters().get(m.id).title)
            assertEquals(mine, admin.matters().get(m.id))
        }
    }

    @Test
    fun listsFilterAndCount() {
        withFirm {
            val jane = person("Jane", "Smith")
            val acme = organisation("Acme Ltd")
            val purchase = matter(jane)
            val sale = matter(jane, title = "Sale of 3 Elm Road")
            val dispute = matter(acme, title = "Acme v Widget", practiceArea = "Litigation", by = partner)
            feeEarner.matters().open(sale.id, sale.version)
            val leased = partner.matters().update(dispute.id, dispute.version, MatterChanges(responsible = partnerUser.id))

            val all = readOnly.matters().list(MatterFilter(), FIRST_PAGE)
            assertEquals(3uL, all.total)
            // Newest first.
            assertEquals(listOf(dispute.id, sale.id, purchase.id), all.items.map { it.id })

            fun count(filter: MatterFilter) = readOnly.matters().list(filter, FIRST_PAGE).total
            assertEquals(1uL, count(MatterFilter(status = MatterStatus.OPEN)))
            assertEquals(2uL, count(MatterFilter(status = MatterStatus.PENDING)))
            assertEquals(2uL, count(MatterFilter(practiceArea = "CONVEYANCING")))
            assertEquals(2uL, count(MatterFilter(client = jane.id)))
            assertEquals(1uL, count(MatterFilter(feeEarner = partnerUser.id)))
            assertEquals(2uL, count(MatterFilter(feeEarner = feeEarnerUser.id)))
            assertEquals(1uL, count(MatterFilter(text = "elm")))
            assertEquals(2uL, count(MatterFilter(text = "smi")))
            assertEquals(0uL, count(MatterFilter(text = "nothing like it")))
            assertEquals(0uL, count(MatterFilter(status = MatterStatus.ARCHIVED, client = acme.id)))

            val page = readOnly.matters().list(MatterFilter(), Page(offset = 1uL, limit = 1u))
            assertEquals(3uL, page.total)
            assertEquals(listOf(sale.id), page.items.map { it.id })

            val mine = feeEarner.matters().mine(null, FIRST_PAGE)
            assertEquals(2uL, mine.total)
            assertEquals(1uL, feeEarner.matters().mine(MatterStatus.OPEN, FIRST_PAGE).total)
            assertEquals(listOf(leased.id), partner.matters().mine(null, FIRST_PAGE).items.map { it.id })
        }
    }

    @Test
    fun keyDatesAreLocalDates() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val leapDay = LocalDate.of(2024, 2, 29)
            val withDate = feeEarner.matters().setKeyDate(m.id, m.version, "completion", leapDay)
            assertEquals(leapDay, withDate.keyDates["completion"])
            val moved = feeEarner.matters().setKeyDate(withDate.id, withDate.version, "exchange", LocalDate.of(2023, 12, 31))
            assertEquals(mapOf("completion" to leapDay, "exchange" to LocalDate.of(2023, 12, 31)), moved.keyDates)
            val removed = feeEarner.matters().setKeyDate(moved.id, moved.version, "completion", null)
            assertEquals(setOf("exchange"), removed.keyDates.keys)
            assertThrows<LexcaseException.NotFound> {
                feeEarner.matters().setKeyDate(removed.id, removed.version, "completion", null)
            }
            val blank = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().setKeyDate(removed.id, removed.version, " ", leapDay)
            }
            assertEquals("key_dates", blank.field)
        }
    }

    @Test
    fun customFieldsOfEveryKind() {
        withFirm {
            var settings = admin.settings().get()
            val definitions = listOf(
                CustomFieldDefinition("lender_ref", "Lender reference", CustomFieldKind.TEXT),
                CustomFieldDefinition("plots", "Number of plots", CustomFieldKind.NUMBER),
                CustomFieldDefinition("price", "Purchase price", CustomFieldKind.DECIMAL),
                CustomFieldDefinition("search_due", "Searches due", CustomFieldKind.DATE),
                CustomFieldDefinition("leasehold", "Leasehold", CustomFieldKind.BOOL),
                CustomFieldDefinition("tenure", "Tenure", CustomFieldKind.CHOICE, listOf("freehold", "leasehold", "commonhold")),
                CustomFieldDefinition("surveyor", "Surveyor", CustomFieldKind.CONTACT_REF),
            )
            for (definition in definitions) {
                settings = admin.settings().defineCustomField(settings.version, definition)
            }
            assertEquals(definitions, settings.customFields)
            val dup = assertThrows<LexcaseException.Conflict> {
                admin.settings().defineCustomField(settings.version, definitions[0])
            }
            assertTrue(dup.reason.contains("exists"), dup.reason)
            val noChoices = assertThrows<LexcaseException.Validation> {
                admin.settings().defineCustomField(settings.version, CustomFieldDefinition("colour", "Colour", CustomFieldKind.CHOICE))
            }
            assertEquals("choices", noChoices.field)

            val surveyor = organisation("Survey & Co")
            val values = mapOf(
                "lender_ref" to CustomValue.Text("MORT-77"),
                "plots" to CustomValue.Number(3L),
                "price" to CustomValue.Decimal(BigDecimal("425000.50")),
                "search_due" to CustomValue.Date(LocalDate.of(2026, 12, 1)),
                "leasehold" to CustomValue.Bool(false),
                "tenure" to CustomValue.Choice("freehold"),
                "surveyor" to CustomValue.ContactRef(surveyor.id),
            )
            var m = matter(person("Jane", "Smith"))
            for ((key, value) in values) {
                m = feeEarner.matters().setCustomField(m.id, m.version, key, value)
            }
            assertEquals(values, m.customFields)
            assertEquals(values, readOnly.matters().get(m.id).customFields)

            // Text is accepted for a choice field (and stored as the choice).
            m = feeEarner.matters().setCustomField(m.id, m.version, "tenure", CustomValue.Text("leasehold"))
            assertEquals(CustomValue.Choice("leasehold"), m.customFields["tenure"])

            val wrongKind = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().setCustomField(m.id, m.version, "plots", CustomValue.Text("three"))
            }
            assertEquals("custom_fields.plots", wrongKind.field)
            val notAChoice = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().setCustomField(m.id, m.version, "tenure", CustomValue.Choice("castle"))
            }
            assertEquals("custom_fields.tenure", notAChoice.field)
            val undefined = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().setCustomField(m.id, m.version, "colour", CustomValue.Text("blue"))
            }
            assertEquals("custom_fields", undefined.field)
            assertThrows<LexcaseException.NotFound> {
                feeEarner.matters().setCustomField(m.id, m.version, "surveyor", CustomValue.ContactRef(java.util.UUID.randomUUID()))
            }

            m = feeEarner.matters().setCustomField(m.id, m.version, "leasehold", null)
            assertEquals(values.keys - "leasehold", m.customFields.keys)
        }
    }

    @Test
    fun teamOnlyMattersAreHiddenFromUsersOffTheTeam() {
        withFirm {
            val m = matter(person("Jane", "Smith"), visibility = Visibility.TEAM)
            assertEquals(Visibility.TEAM, m.access.visibility)

            assertThrows<LexcaseException.NotFound> { paralegal.matters().get(m.id) }
            assertEquals(0uL, paralegal.matters().list(MatterFilter(), FIRST_PAGE).total)
            // Writes behave as if the matter were absent too.
            val e = assertThrows<LexcaseException.NotFound> {
                paralegal.matters().update(m.id, m.version, MatterChanges(title = "Peek"))
            }
            assertEquals("matter", e.entity)
            // The responsible fee earner and the admin (who sees restricted matters) see it.
            assertEquals(m, feeEarner.matters().get(m.id))
            assertEquals(1uL, admin.matters().list(MatterFilter(), FIRST_PAGE).total)

            val joined = feeEarner.matters().addTeamMember(m.id, m.version, paralegalUser.id, MatterRole.PARALEGAL)
            assertEquals(joined, paralegal.matters().get(m.id))
            assertEquals(1uL, paralegal.matters().list(MatterFilter(), FIRST_PAGE).total)

            val denied = assertThrows<LexcaseException.PermissionDenied> {
                feeEarner.matters().setVisibility(joined.id, joined.version, Visibility.FIRM)
            }
            assertEquals("manage_matter_access", denied.action)
            // A partner off the team cannot see it either; the admin sees restricted matters.
            assertThrows<LexcaseException.NotFound> {
                partner.matters().setVisibility(joined.id, joined.version, Visibility.FIRM)
            }
            val open = admin.matters().setVisibility(joined.id, joined.version, Visibility.FIRM)
            assertEquals(Visibility.FIRM, open.access.visibility)
            assertEquals(open, secretary.matters().get(m.id))
        }
    }

    @Test
    fun anEthicalWallRemovesTheMatterForTheWalledUser() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            assertEquals(m, paralegal.matters().get(m.id))

            val walled = partner.matters().addEthicalWall(m.id, m.version, paralegalUser.id, "acted for the other side at a previous firm")
            val wall = walled.access.walls.single()
            assertEquals(paralegalUser.id, wall.user)
            assertEquals(partnerUser.id, wall.by)

            val hidden = assertThrows<LexcaseException.NotFound> { paralegal.matters().get(m.id) }
            assertEquals("matter", hidden.entity)
            val listed = paralegal.matters().list(MatterFilter(), FIRST_PAGE)
            assertEquals(0uL, listed.total)
            assertEquals(emptyList<Matter>(), listed.items)
            assertEquals(0uL, paralegal.matters().list(MatterFilter(text = "smith"), FIRST_PAGE).total)
            // Others still see it.
            assertEquals(1uL, secretary.matters().list(MatterFilter(), FIRST_PAGE).total)

            // A walled user cannot be put on the team.
            val onTeam = assertThrows<LexcaseException.Validation> {
                feeEarner.matters().addTeamMember(walled.id, walled.version, paralegalUser.id, MatterRole.PARALEGAL)
            }
            assertEquals("team", onTeam.field)
            val self = assertThrows<LexcaseException.Validation> {
                partner.matters().addEthicalWall(walled.id, walled.version, partnerUser.id, "testing")
            }
            assertEquals("user", self.field)

            val down = partner.matters().removeEthicalWall(walled.id, walled.version, paralegalUser.id)
            assertEquals(emptyList<EthicalWall>(), down.access.walls)
            assertEquals(down, paralegal.matters().get(m.id))
        }
    }
}
