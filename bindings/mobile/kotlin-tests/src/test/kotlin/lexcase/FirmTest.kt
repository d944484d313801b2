package lexcase

import lexcase.core.*
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

class FirmTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun versionIsTheCargoVersion() {
        val expected = System.getProperty("lexcase.expectedVersion").orEmpty()
        assertFalse(expected.isEmpty(), "run with -Dlexcase.expectedVersion=<Cargo version>")
        assertEquals(expected, version())
    }

    @Test
    fun initialiseMakesTheFirstUserAnAdminOnce() {
        Firm.open(":memory:", Durability.FULL).use { firm ->
            assertFalse(firm.isInitialised())
            assertThrows<LexcaseException.NotFound> { firm.settings() }

            // The first user is made an admin whatever role is asked for.
            val admin = firm.initialise(SETUP, newUser("Ada Admin", Role.PARALEGAL))
            assertEquals(Role.ADMIN, admin.role)
            assertTrue(admin.active)
            assertEquals(1uL, admin.version)
            assertTrue(firm.isInitialised())

            val settings = firm.settings()
            assertEquals("Smith & Co", settings.name)
            assertEquals("GBP", settings.defaultCurrency)
            assertEquals("{CLIENT3}-{SEQ:4}", settings.matterNumberFormat)
            assertEquals("Europe/London", settings.timeZone)
            assertEquals(emptyList<CustomFieldDefinition>(), settings.customFields)

            val again = assertThrows<LexcaseException.Conflict> {
                firm.initialise(SETUP, newUser("Eve Admin", Role.ADMIN))
            }
            assertTrue(again.reason.contains("already initialised"), again.reason)
        }
    }

    @Test
    fun aBadSetupIsRefusedFieldByField() {
        Firm.open(":memory:", Durability.NORMAL).use { firm ->
            val cases = mapOf(
                SETUP.copy(name = "  ") to "name",
                SETUP.copy(defaultCurrency = "gbp") to "currency",
                SETUP.copy(matterNumberFormat = "{CLIENT3}") to "matter_number_format",
                SETUP.copy(timeZone = "Mars/Olympus") to "time_zone",
            )
            for ((setup, field) in cases) {
                val e = assertThrows<LexcaseException.Validation> {
                    firm.initialise(setup, newUser("Ada Admin", Role.ADMIN))
                }
                assertEquals(field, e.field)
                assertFalse(e.reason.isEmpty())
            }
            // A user with a blank name is refused the same way.
            val e = assertThrows<LexcaseException.Validation> {
                firm.initialise(SETUP, newUser("Ada Admin", Role.ADMIN).copy(name = "   "))
            }
            assertEquals("name", e.field)
            assertFalse(firm.isInitialised())
        }
    }

    @Test
    fun sessionsActForExistingActiveUsers() {
        withFirm {
            assertEquals(adminUser.id, admin.actorId())
            val byEmail = firm.sessionByEmail("fay.earner@smith.example")
            assertEquals(feeEarnerUser.id, byEmail.actorId())
            assertEquals(feeEarnerUser, byEmail.users().me())

            assertThrows<LexcaseException.NotFound> { firm.sessionByEmail("nobody@smith.example") }
            assertThrows<LexcaseException.NotFound> { firm.session(java.util.UUID.randomUUID()) }
            val e = assertThrows<LexcaseException.Validation> { firm.sessionByEmail("not an email") }
            assertEquals("email", e.field)

            // A deactivated user's open session stops working at once.
            val reader = admin.users().update(readOnlyUser.id, readOnlyUser.version, UserChanges(active = false))
            assertFalse(reader.active)
            assertThrows<LexcaseException.PermissionDenied> { readOnly.users().me() }
            assertThrows<LexcaseException.PermissionDenied> { firm.session(readOnlyUser.id) }
        }
    }

    @Test
    fun aFileDatabaseKeepsItsDataAcrossOpens() {
        val path = dir.resolve("firm.lexcase").toString()
        val adminId = Firm.open(path, Durability.FULL).use { firm ->
            val admin = firm.initialise(SETUP, newUser("Ada Admin", Role.ADMIN))
            firm.session(admin.id).use { s ->
                s.contacts().create(NewContact(kind = ContactKind.ORGANISATION, organisationName = "Acme Ltd"))
            }
            admin.id
        }
        Firm.open(path, Durability.NORMAL).use { firm ->
            assertTrue(firm.isInitialised())
            firm.session(adminId).use { s ->
                val found = s.contacts().search("acme", null, FIRST_PAGE)
                assertEquals(1uL, found.total)
                assertEquals("Acme Ltd", found.items.single().displayName())
            }
        }
    }

    @Test
    fun aGarbageFileIsRefusedAndLeftUntouched() {
        val file = dir.resolve("notes.lexcase")
        val garbage = ByteArray(8192) { (it * 31 + 7).toByte() }
        Files.write(file, garbage)

        val e = assertThrows<LexcaseException.IncompatibleDatabase> {
            Firm.open(file.toString(), Durability.FULL)
        }
        assertEquals(IncompatibleReason.Corrupt, e.reason)
        assertArrayEquals(garbage, Files.readAllBytes(file))
        assertEquals(listOf("notes.lexcase"), Files.list(dir).use { s -> s.map { it.fileName.toString() }.toList() })
    }

    @Test
    fun settingsChangeWithTheirVersionAndNeedTheCapability() {
        withFirm {
            val before = admin.settings().get()
            assertEquals(firm.settings(), before)
            val after = admin.settings().update(before.version, SettingsChanges(name = "Smith & Jones LLP"))
            assertEquals("Smith & Jones LLP", after.name)
            assertEquals("GBP", after.defaultCurrency)
            assertEquals(before.version + 1uL, after.version)

            val stale = assertThrows<LexcaseException.StaleVersion> {
                admin.settings().update(before.version, SettingsChanges(timeZone = "Europe/Paris"))
            }
            assertEquals("firm", stale.entity)
            assertEquals(before.version, stale.expected)
            assertEquals(after.version, stale.actual)

            val denied = assertThrows<LexcaseException.PermissionDenied> {
                partner.settings().update(after.version, SettingsChanges(name = "Partner & Co"))
            }
            assertEquals("manage_firm", denied.action)
            // Everybody may read the settings.
            assertEquals("Smith & Jones LLP", readOnly.settings().get().name)
        }
    }
}
