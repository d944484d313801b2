package lexcase

import lexcase.core.*
import java.math.BigDecimal

/** The setup every test firm starts from: Smith & Co, GBP, `{CLIENT3}-{SEQ:4}`, London. */
val SETUP = FirmSetup(
    name = "Smith & Co",
    defaultCurrency = "GBP",
    matterNumberFormat = "{CLIENT3}-{SEQ:4}",
    timeZone = "Europe/London",
)

/** The first page of up to 100 items. */
val FIRST_PAGE = Page(offset = 0uL, limit = 100u)

/** A new user in [role], with an email made from the name. */
fun newUser(name: String, role: Role, rate: BigDecimal? = null) = NewUser(
    name = name,
    email = name.lowercase().replace(' ', '.') + "@smith.example",
    role = role,
    defaultRate = rate,
)

/**
 * A firm (in memory, or in the database file at [path]) with one user per role and a session
 * for each, plus helpers that build the contacts and matters most tests need. Close it to
 * release the database.
 */
class Fixture(path: String = ":memory:") : AutoCloseable {
    val firm: Firm = Firm.open(path, Durability.FULL)
    val adminUser: User = firm.initialise(SETUP, newUser("Ada Admin", Role.ADMIN))
    val admin: Session = firm.session(adminUser.id)

    val partnerUser = admin.users().create(newUser("Pat Partner", Role.PARTNER, BigDecimal("350.00")))
    val feeEarnerUser = admin.users().create(newUser("Fay Earner", Role.FEE_EARNER, BigDecimal("250.10")))
    val paralegalUser = admin.users().create(newUser("Paul Legal", Role.PARALEGAL))
    val secretaryUser = admin.users().create(newUser("Sue Secretary", Role.SECRETARY))
    val accountsUser = admin.users().create(newUser("Ann Accounts", Role.ACCOUNTS))
    val readOnlyUser = admin.users().create(newUser("Rita Reader", Role.READ_ONLY))

    val partner: Session = firm.session(partnerUser.id)
    val feeEarner: Session = firm.session(feeEarnerUser.id)
    val paralegal: Session = firm.session(paralegalUser.id)
    val secretary: Session = firm.session(secretaryUser.id)
    val accounts: Session = firm.session(accountsUser.id)
    val readOnly: Session = firm.session(readOnlyUser.id)

    /** A person with nothing but names. */
    fun person(given: String, family: String): Contact = admin.contacts().create(
        NewContact(kind = ContactKind.PERSON, givenName = given, familyName = family),
    )

    /** An organisation with nothing but its name. */
    fun organisation(name: String): Contact = admin.contacts().create(
        NewContact(kind = ContactKind.ORGANISATION, organisationName = name),
    )

    /** A pending hourly GBP matter for [client], run by the fee earner. */
    fun matter(
        client: Contact,
        title: String = "Purchase of 12 Acacia Avenue",
        practiceArea: String = "conveyancing",
        visibility: Visibility = Visibility.FIRM,
        by: Session = feeEarner,
    ): Matter = by.matters().create(
        NewMatter(
            title = title,
            practiceArea = practiceArea,
            clients = listOf(client.id),
            responsible = feeEarnerUser.id,
            billing = BillingKind.HOURLY,
            currency = "GBP",
            visibility = visibility,
        ),
    )

    override fun close() {
        listOf(admin, partner, feeEarner, paralegal, secretary, accounts, readOnly).forEach { it.close() }
        firm.close()
    }
}

/** Runs [block] with a fresh fixture in memory and closes it afterwards. */
fun <T> withFirm(block: Fixture.() -> T): T = Fixture().use { it.block() }

/** Runs [block] with a fresh fixture in the database file at [path] and closes it afterwards. */
fun <T> withFirm(path: String, block: Fixture.() -> T): T = Fixture(path).use { it.block() }
