package lexcase

import lexcase.core.*
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class ContactsTest {
    private fun Fixture.jane(): Contact = secretary.contacts().create(
        NewContact(
            kind = ContactKind.PERSON,
            title = "Dr",
            givenName = "Jane",
            familyName = "Smith",
            emails = listOf(
                Email(address = "jane@Example.COM", label = "home"),
                Email(address = "j.smith@work.example"),
            ),
            phones = listOf(Phone(number = "+44 20 7946 0000", label = "mobile")),
            addresses = listOf(
                PostalAddress(
                    lines = listOf("12 Acacia Avenue", "Flat 2"),
                    locality = "London",
                    postalCode = "N1 2AB",
                    country = "GB",
                    label = "home",
                ),
            ),
        ),
    )

    private fun Fixture.acme(): Contact = secretary.contacts().create(
        NewContact(
            kind = ContactKind.ORGANISATION,
            organisationName = "Acme Holdings Ltd",
            identifiers = listOf(
                Identifier(kind = IdentifierKind.COMPANY_NUMBER, value = "01234567", jurisdiction = "GB"),
            ),
        ),
    )

    @Test
    fun aPersonKeepsEmailsPhonesAndAddresses() {
        withFirm {
            val jane = jane()
            assertEquals(ContactKind.PERSON, jane.kind)
            assertEquals("Jane Smith", jane.displayName())
            assertEquals("Dr", jane.title)
            assertNull(jane.organisationName)
            // The domain of an email is lower-cased.
            assertEquals(listOf("jane@example.com", "j.smith@work.example"), jane.emails.map { it.address })
            assertEquals(listOf("home", null), jane.emails.map { it.label })
            assertEquals("mobile", jane.phones.single().label)
            val address = jane.addresses.single()
            assertEquals(listOf("12 Acacia Avenue", "Flat 2"), address.lines)
            assertEquals("N1 2AB", address.postalCode)
            assertNull(address.region)
            assertEquals(IdentityStatus.NOT_VERIFIED, jane.identity.status)
            assertEquals(1uL, jane.version)
            assertEquals(jane, readOnly.contacts().get(jane.id))
        }
    }

    @Test
    fun anOrganisationCarriesItsCompanyNumberAndPeopleWorkForIt() {
        withFirm {
            val acme = acme()
            val id = acme.identifiers.single()
            assertEquals(IdentifierKind.COMPANY_NUMBER, id.kind)
            assertEquals("01234567", id.value)
            assertEquals("GB", id.jurisdiction)

            val jane = jane()
            val employed = paralegal.contacts().addAffiliation(
                jane.id, jane.version, AffiliationKind.WORKS_FOR, acme.id, "Finance Director",
            )
            assertEquals(
                listOf(Affiliation(AffiliationKind.WORKS_FOR, acme.id, "Finance Director")),
                employed.affiliations,
            )
            assertEquals(jane.version + 1uL, employed.version)

            val twice = assertThrows<LexcaseException.Conflict> {
                paralegal.contacts().addAffiliation(employed.id, employed.version, AffiliationKind.WORKS_FOR, acme.id, null)
            }
            assertEquals("the affiliation exists", twice.reason)
            // Only organisations are subsidiaries.
            val wrongKind = assertThrows<LexcaseException.Validation> {
                paralegal.contacts().addAffiliation(employed.id, employed.version, AffiliationKind.SUBSIDIARY_OF, acme.id, null)
            }
            assertEquals("affiliation", wrongKind.field)

            val parent = organisation("Acme Group plc")
            val subsidiary = admin.contacts().addAffiliation(acme.id, acme.version, AffiliationKind.SUBSIDIARY_OF, parent.id, null)
            assertEquals(parent.id, subsidiary.affiliations.single().other)

            val left = paralegal.contacts().removeAffiliation(employed.id, employed.version, AffiliationKind.WORKS_FOR, acme.id)
            assertEquals(emptyList<Affiliation>(), left.affiliations)
            assertThrows<LexcaseException.NotFound> {
                paralegal.contacts().removeAffiliation(left.id, left.version, AffiliationKind.WORKS_FOR, acme.id)
            }
        }
    }

    @Test
    fun identityVerificationIsRecordedWithItsDateAndMethod() {
        withFirm {
            val jane = jane()
            val checkedOn = LocalDate.of(2024, 2, 29)
            val verified = secretary.contacts().recordIdentityVerification(
                jane.id, jane.version, IdentityStatus.VERIFIED, checkedOn, VerificationMethod.CERTIFIED_COPIES,
            )
            assertEquals(IdentityStatus.VERIFIED, verified.identity.status)
            assertEquals(checkedOn, verified.identity.checkedOn)
            assertEquals(VerificationMethod.CERTIFIED_COPIES, verified.identity.method)
            assertEquals(secretaryUser.id, verified.identity.recordedBy)
            assertNotNull(verified.identity.recordedAt)

            val noMethod = assertThrows<LexcaseException.Validation> {
                secretary.contacts().recordIdentityVerification(
                    verified.id, verified.version, IdentityStatus.VERIFIED, checkedOn, null,
                )
            }
            assertEquals("method", noMethod.field)
            val future = assertThrows<LexcaseException.Validation> {
                secretary.contacts().recordIdentityVerification(
                    verified.id, verified.version, IdentityStatus.FAILED, LocalDate.now().plusYears(1), null,
                )
            }
            assertEquals("checked_on", future.field)
            // A date beyond what an ISO date string carries is refused on the way in, typed.
            val outOfRange = assertThrows<LexcaseException.Validation> {
                secretary.contacts().recordIdentityVerification(
                    verified.id, verified.version, IdentityStatus.FAILED, LocalDate.of(300000, 1, 1), null,
                )
            }
            assertEquals("date", outOfRange.field)
        }
    }

    @Test
    fun searchFindsWordPrefixesWithTotalsAndKinds() {
        withFirm {
            jane()
            acme()
            val made = admin.contacts().createMany(
                listOf(
                    NewContact(kind = ContactKind.PERSON, givenName = "John", familyName = "Smithers"),
                    NewContact(kind = ContactKind.PERSON, givenName = "Zoë", familyName = "Müller"),
                    NewContact(kind = ContactKind.ORGANISATION, organisationName = "Smith Brothers Ltd"),
                ),
            )
            assertEquals(3, made.size)

            val smiths = readOnly.contacts().search("smi", null, FIRST_PAGE)
            assertEquals(3uL, smiths.total)
            assertEquals(listOf("Smith Brothers Ltd", "Jane Smith", "John Smithers"), smiths.items.map { it.displayName() })
            val people = readOnly.contacts().search("smi", ContactKind.PERSON, Page(limit = 1u))
            assertEquals(2uL, people.total)
            assertEquals(listOf("Jane Smith"), people.items.map { it.displayName() })
            // Accents are ignored.
            assertEquals("Zoë Müller", readOnly.contacts().search("MULL", null, FIRST_PAGE).items.single().displayName())
            assertEquals(5uL, readOnly.contacts().search("", null, FIRST_PAGE).total)
        }
    }

    @Test
    fun importsAreAllOrNothingAndChangesAreChecked() {
        withFirm {
            val bad = assertThrows<LexcaseException.Validation> {
                admin.contacts().createMany(
                    listOf(
                        NewContact(kind = ContactKind.PERSON, givenName = "Ok", familyName = "Person"),
                        NewContact(kind = ContactKind.PERSON, givenName = "No", familyName = "Email", emails = listOf(Email("nope"))),
                    ),
                )
            }
            assertEquals("emails", bad.field)
            assertEquals(0uL, admin.contacts().search("", null, FIRST_PAGE).total)

            val jane = jane()
            val moved = secretary.contacts().update(
                jane.id,
                jane.version,
                ContactChanges(title = "", addresses = listOf(PostalAddress(lines = listOf("1 New Street"), country = "GB"))),
            )
            assertNull(moved.title)
            assertEquals("1 New Street", moved.addresses.single().lines.single())
            assertEquals(jane.emails, moved.emails)

            val stale = assertThrows<LexcaseException.StaleVersion> {
                secretary.contacts().update(jane.id, jane.version, ContactChanges(givenName = "Janet"))
            }
            assertEquals("contact", stale.entity)
            assertEquals(jane.version, stale.expected)
            assertEquals(moved.version, stale.actual)

            val denied = assertThrows<LexcaseException.PermissionDenied> {
                readOnly.contacts().create(NewContact(kind = ContactKind.ORGANISATION, organisationName = "Nope Ltd"))
            }
            assertEquals("manage_contacts", denied.action)
            assertTrue(accounts.contacts().get(jane.id).emails.isNotEmpty())
        }
    }
}
