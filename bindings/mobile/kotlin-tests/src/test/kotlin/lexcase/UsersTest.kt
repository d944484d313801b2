package lexcase

import lexcase.core.*
import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class UsersTest {
    @Test
    fun usersOfEveryRoleAreListedByNameWithTheTotal() {
        withFirm {
            val all = readOnly.users().list(FIRST_PAGE)
            assertEquals(7uL, all.total)
            assertEquals(
                listOf("Ada Admin", "Ann Accounts", "Fay Earner", "Pat Partner", "Paul Legal", "Rita Reader", "Sue Secretary"),
                all.items.map { it.name },
            )
            assertEquals(Role.entries.toSet(), all.items.map { it.role }.toSet())

            val second = readOnly.users().list(Page(offset = 3uL, limit = 2u))
            assertEquals(7uL, second.total)
            assertEquals(listOf("Pat Partner", "Paul Legal"), second.items.map { it.name })

            val e = assertThrows<LexcaseException.Validation> { admin.users().list(Page(limit = 0u)) }
            assertEquals("limit", e.field)
            // The default page is the first 50.
            assertEquals(7, admin.users().list(Page()).items.size)
        }
    }

    @Test
    fun listsReadTheSameByCursorAsByOffset() {
        withFirm {
            val byOffset = (0uL until 7uL step 2).flatMap { readOnly.users().list(Page(offset = it, limit = 2u)).items }
            var page = readOnly.users().list(Page(limit = 2u))
            val byCursor = page.items.toMutableList()
            while (page.nextCursor != null) {
                page = readOnly.users().list(Page(limit = 2u, after = page.nextCursor))
                assertEquals(7uL, page.total)
                byCursor += page.items
            }
            assertEquals(byOffset.map { it.id }, byCursor.map { it.id })
            val garbage = assertThrows<LexcaseException.Validation> { readOnly.users().list(Page(after = "zz")) }
            assertEquals("cursor", garbage.field)
            val both = assertThrows<LexcaseException.Validation> {
                readOnly.users().list(Page(offset = 2uL, after = byOffsetCursor(readOnly)))
            }
            assertEquals("offset", both.field)
        }
    }

    private fun byOffsetCursor(session: Session): String = session.users().list(Page(limit = 1u)).nextCursor!!

    @Test
    fun ratesCrossAsExactBigDecimals() {
        withFirm {
            val rate = admin.users().get(feeEarnerUser.id).defaultRate
            assertNotNull(rate)
            // Exact: 250.10 comes back as 250.10 (the currency's minor unit), never a binary float.
            assertEquals(0, BigDecimal("250.10").compareTo(rate!!.amount))
            assertEquals(BigDecimal("250.10"), rate.amount)
            assertEquals("GBP", rate.currency)

            val usd = admin.users().create(
                newUser("Uma Dollar", Role.FEE_EARNER).copy(
                    defaultRate = BigDecimal("212.125"),
                    rateCurrency = "USD",
                ),
            )
            assertEquals(Money(BigDecimal("212.125"), "USD"), usd.defaultRate)

            // Large values are not sent in scientific notation.
            val big = admin.users().update(usd.id, usd.version, UserChanges(defaultRate = BigDecimal("1E+3")))
            assertEquals(Money(BigDecimal("1000.00"), "USD"), big.defaultRate)

            // More decimal places than money may carry is a domain refusal …
            val fine = assertThrows<LexcaseException.Validation> {
                admin.users().update(big.id, big.version, UserChanges(defaultRate = BigDecimal("0.0000001")))
            }
            assertEquals("default_rate", fine.field)
            // … and a number beyond the range of an exact decimal is refused on the way in, typed too.
            val huge = assertThrows<LexcaseException.Validation> {
                admin.users().update(big.id, big.version, UserChanges(defaultRate = BigDecimal("1E+40")))
            }
            assertEquals("decimal", huge.field)
        }
    }

    @Test
    fun ratesAreShownOnlyToThoseWhoMaySeeThem() {
        withFirm {
            assertNull(paralegal.users().get(feeEarnerUser.id).defaultRate)
            assertNull(paralegal.users().list(FIRST_PAGE).items.single { it.id == partnerUser.id }.defaultRate)
            assertNotNull(accounts.users().get(feeEarnerUser.id).defaultRate)
            assertNotNull(partner.users().get(feeEarnerUser.id).defaultRate)
            // Everybody sees their own.
            assertNotNull(feeEarner.users().me().defaultRate)
        }
    }

    @Test
    fun managingUsersNeedsTheCapabilityAndAUniqueEmail() {
        withFirm {
            val denied = assertThrows<LexcaseException.PermissionDenied> {
                partner.users().create(newUser("Pam New", Role.PARALEGAL))
            }
            assertEquals("manage_users", denied.action)

            val dup = assertThrows<LexcaseException.Conflict> {
                admin.users().create(newUser("Fay Earner", Role.SECRETARY))
            }
            assertEquals("another user has this email", dup.reason)

            val code = assertThrows<LexcaseException.Validation> {
                admin.users().create(newUser("Tim Keeper", Role.FEE_EARNER).copy(timekeeperCode = "partner!"))
            }
            assertEquals("timekeeper_code", code.field)
        }
    }

    @Test
    fun updatesNeedTheCurrentVersionAndKeepAnAdmin() {
        withFirm {
            val promoted = admin.users().update(
                paralegalUser.id,
                paralegalUser.version,
                UserChanges(role = Role.FEE_EARNER, timekeeperCode = "AS"),
            )
            assertEquals(Role.FEE_EARNER, promoted.role)
            assertEquals("AS", promoted.timekeeperCode)
            assertEquals(paralegalUser.version + 1uL, promoted.version)
            assertEquals(paralegalUser.name, promoted.name)

            val stale = assertThrows<LexcaseException.StaleVersion> {
                admin.users().update(paralegalUser.id, paralegalUser.version, UserChanges(name = "Paul Lee"))
            }
            assertEquals("user", stale.entity)
            assertEquals(1uL, stale.expected)
            assertEquals(2uL, stale.actual)

            val lastAdmin = assertThrows<LexcaseException.Validation> {
                admin.users().update(adminUser.id, adminUser.version, UserChanges(role = Role.PARTNER))
            }
            assertEquals("role", lastAdmin.field)

            assertThrows<LexcaseException.NotFound> { admin.users().get(java.util.UUID.randomUUID()) }
        }
    }
}
