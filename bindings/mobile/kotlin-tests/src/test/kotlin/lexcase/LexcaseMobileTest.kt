package lexcase

import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class LexcaseMobileTest {
    @Test
    fun versionIsTheCargoVersion() {
        val expected = System.getProperty("lexcase.expectedVersion").orEmpty()
        assertFalse(expected.isEmpty(), "run with -Dlexcase.expectedVersion=<Cargo version>")
        assertEquals(expected, version())
    }

    @Test
    fun typedErrorCarriesItsFields() {
        assertEquals("x", checkNotEmpty("x"))
        val e = assertThrows<LexcaseException.Validation> { checkNotEmpty("   ") }
        assertEquals("value", e.field)
        assertEquals("must not be empty", e.reason)
    }

    @Test
    fun decimalCrossesAsBigDecimalExactly() {
        val sum: BigDecimal = addMoney(BigDecimal("0.10"), BigDecimal("0.20"))
        assertEquals(BigDecimal("0.30"), sum)
        // Large values are not turned into scientific notation on the way in.
        assertEquals(BigDecimal("1000.5"), addMoney(BigDecimal("1E+3"), BigDecimal("0.5")))
    }

    @Test
    fun decimalOverflowIsATypedError() {
        val max = BigDecimal("79228162514264337593543950335")
        assertThrows<LexcaseException.Validation> { addMoney(max, BigDecimal.ONE) }
    }

    @Test
    fun naiveDateCrossesAsLocalDate() {
        assertEquals(LocalDate.of(2024, 2, 29), addDays(LocalDate.of(2024, 2, 28), 1L))
        assertEquals(LocalDate.of(2023, 12, 31), addDays(LocalDate.of(2024, 1, 1), -1L))
    }
}
