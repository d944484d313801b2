package lexcase

import lexcase.core.*
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class AppointmentsTest {
    private fun at(text: String): LocalDateTime = LocalDateTime.parse(text)

    private fun day(text: String): LocalDate = LocalDate.parse(text)

    private fun london(start: String, end: String) = Schedule.Timed(at(start), at(end), "Europe/London")

    /** Tuesdays 09:00–10:00 in London from 1 December 2026, four times; the partner attends. */
    private fun Fixture.teamMeeting(): Appointment = feeEarner.appointments().create(
        NewAppointment(
            title = "Team meeting",
            kind = AppointmentKind.MEETING,
            schedule = london("2026-12-01T09:00", "2026-12-01T10:00"),
            location = "Room 1",
            recurrence = "FREQ=WEEKLY;COUNT=4",
            attendees = listOf(Attendee.User(partnerUser.id)),
            reminders = listOf(15u, 60u),
        ),
    )

    @Test
    fun aWeeklySeriesWithOneOccurrenceMovedAndOneCancelledShowsRightInTheAgenda() {
        withFirm {
            val series = teamMeeting()
            assertEquals("FREQ=WEEKLY;COUNT=4", series.recurrence)
            assertEquals(listOf(60u, 15u), series.reminders)
            assertEquals(feeEarnerUser.id, series.organiser)
            assertEquals(AppointmentStatus.SCHEDULED, series.status)

            val moved = feeEarner.appointments().changeOccurrence(
                series.id,
                series.version,
                at("2026-12-08T09:00"),
                OccurrenceChange.Changed(london("2026-12-10T14:00", "2026-12-10T15:00"), null, "Room 2"),
            )
            val cancelled = feeEarner.appointments().changeOccurrence(
                series.id, moved.version, at("2026-12-15T09:00"), OccurrenceChange.Cancelled,
            )
            assertEquals(listOf(at("2026-12-08T09:00"), at("2026-12-15T09:00")), cancelled.exceptions.map { it.originalStart })
            assertEquals(OccurrenceChange.Cancelled, cancelled.exceptions[1].change)
            assertEquals(cancelled, partner.appointments().get(series.id))

            // The attendee's agenda: three occurrences, the moved one on its new day.
            val agenda = partner.appointments().agenda(partnerUser.id, day("2026-12-01"), day("2026-12-31"))
            assertEquals(
                listOf(at("2026-12-01T09:00"), at("2026-12-08T09:00"), at("2026-12-22T09:00")),
                agenda.map { it.originalStart },
            )
            assertEquals(
                listOf(
                    london("2026-12-01T09:00", "2026-12-01T10:00"),
                    london("2026-12-10T14:00", "2026-12-10T15:00"),
                    london("2026-12-22T09:00", "2026-12-22T10:00"),
                ),
                agenda.map { it.schedule },
            )
            assertEquals(listOf(false, true, false), agenda.map { it.changed })
            assertEquals(listOf("Room 1", "Room 2", "Room 1"), agenda.map { it.location })
            assertTrue(agenda.all { it.recurring && it.title == "Team meeting" && it.appointment == series.id })
            // London is on GMT in December: 14:00 local is 14:00 UTC.
            assertEquals(Instant.parse("2026-12-10T14:00:00Z"), agenda[1].startsAt)
            assertEquals(Instant.parse("2026-12-10T15:00:00Z"), agenda[1].endsAt)
            // The organiser sees the same; a week holding only the cancelled one is empty.
            assertEquals(agenda, feeEarner.appointments().agenda(feeEarnerUser.id, day("2026-12-01"), day("2026-12-31")))
            assertTrue(partner.appointments().agenda(partnerUser.id, day("2026-12-14"), day("2026-12-20")).isEmpty())
            // Someone not attending has nothing.
            assertTrue(paralegal.appointments().agenda(paralegalUser.id, day("2026-12-01"), day("2026-12-31")).isEmpty())

            assertEquals(
                listOf("appointment.created", "appointment.occurrence_changed", "appointment.occurrence_cancelled"),
                feeEarner.appointments().history(series.id).map { it.action },
            )
            assertTrue(feeEarner.appointments().history(series.id).all { it.entityKind == EntityKind.APPOINTMENT })

            // Editing the whole series: a new title everywhere; rescheduling drops the exceptions.
            val renamed = feeEarner.appointments().update(series.id, cancelled.version, AppointmentChanges(title = "Weekly review"))
            assertEquals(2, renamed.exceptions.size)
            val single = feeEarner.appointments().update(series.id, renamed.version, AppointmentChanges(recurrence = RecurrenceChange.Clear))
            assertNull(single.recurrence)
            assertTrue(single.exceptions.isEmpty())
            val now = partner.appointments().agenda(partnerUser.id, day("2026-12-01"), day("2026-12-31"))
            assertEquals(listOf("Weekly review"), now.map { it.title })
            assertFalse(now.single().recurring)

            assertThrows<LexcaseException.StaleVersion> { feeEarner.appointments().cancel(series.id, renamed.version) }
            val off = feeEarner.appointments().cancel(series.id, single.version)
            assertEquals(AppointmentStatus.CANCELLED, off.status)
            assertTrue(partner.appointments().agenda(partnerUser.id, day("2026-12-01"), day("2026-12-31")).isEmpty())
            val frozen = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().update(series.id, off.version, AppointmentChanges(title = "Again"))
            }
            assertEquals("status", frozen.field)
        }
    }

    @Test
    fun overlappingTimedEntriesClashButAllDayOnesDoNot() {
        withFirm {
            val series = teamMeeting()
            val call = feeEarner.appointments().create(
                NewAppointment(
                    title = "Call with Jane",
                    kind = AppointmentKind.CALL,
                    schedule = london("2026-12-08T09:30", "2026-12-08T10:15"),
                ),
            )
            feeEarner.appointments().create(
                NewAppointment(
                    title = "Training day",
                    kind = AppointmentKind.APPOINTMENT,
                    schedule = Schedule.AllDay(day("2026-12-01"), day("2026-12-01")),
                ),
            )
            val clashes = feeEarner.appointments().clashes(feeEarnerUser.id, day("2026-12-01"), day("2026-12-31"))
            val clash = clashes.single()
            assertEquals(series.id, clash.first.appointment)
            assertEquals(at("2026-12-08T09:00"), clash.first.originalStart)
            assertEquals(call.id, clash.second.appointment)
            assertEquals(AppointmentKind.CALL, clash.second.kind)
            // The partner attends only the meeting: no clash for them.
            assertTrue(partner.appointments().clashes(partnerUser.id, day("2026-12-01"), day("2026-12-31")).isEmpty())

            // Moving the call to 10:00 ends the clash (the meeting ends at 10:00, exclusive).
            feeEarner.appointments().update(
                call.id, call.version, AppointmentChanges(schedule = london("2026-12-08T10:00", "2026-12-08T10:45")),
            )
            assertTrue(feeEarner.appointments().clashes(feeEarnerUser.id, day("2026-12-01"), day("2026-12-31")).isEmpty())
        }
    }

    @Test
    fun anAllDayHearingIsOnTheMattersCalendarInTheFirmsZone() {
        withFirm {
            val m = matter(person("Jane", "Smith"))
            val hearing = feeEarner.appointments().create(
                NewAppointment(
                    title = "Final hearing",
                    kind = AppointmentKind.HEARING,
                    schedule = Schedule.AllDay(day("2027-07-12"), day("2027-07-13")),
                    matter = m.id,
                    location = "Central London County Court",
                ),
            )
            assertEquals(m.id, hearing.matter)
            val calendar = paralegal.appointments().ofMatter(m.id, day("2027-07-01"), day("2027-07-31"))
            val occurrence = calendar.single()
            assertEquals(hearing.id, occurrence.appointment)
            assertEquals(m.id, occurrence.matter)
            assertEquals(AppointmentKind.HEARING, occurrence.kind)
            assertEquals(Schedule.AllDay(day("2027-07-12"), day("2027-07-13")), occurrence.schedule)
            assertEquals(at("2027-07-12T00:00"), occurrence.originalStart)
            // Whole days in London, on BST in July: midnight there is 23:00 UTC the day before.
            assertEquals(Instant.parse("2027-07-11T23:00:00Z"), occurrence.startsAt)
            assertEquals(Instant.parse("2027-07-13T23:00:00Z"), occurrence.endsAt)
            assertTrue(paralegal.appointments().ofMatter(m.id, day("2027-08-01"), day("2027-08-31")).isEmpty())
            // The organiser's agenda has it; another matter's calendar does not.
            assertEquals(listOf(hearing.id), feeEarner.appointments().agenda(feeEarnerUser.id, day("2027-07-13"), day("2027-07-13")).map { it.appointment })
            val other = matter(person("Tom", "Jones"), title = "Sale of 3 Elm Road")
            assertTrue(feeEarner.appointments().ofMatter(other.id, day("2027-07-01"), day("2027-07-31")).isEmpty())
            // Putting an entry on a matter needs edit_matters.
            assertThrows<LexcaseException.PermissionDenied> {
                readOnly.appointments().create(
                    NewAppointment("Hearing", AppointmentKind.HEARING, Schedule.AllDay(day("2027-07-20"), day("2027-07-20")), matter = m.id),
                )
            }
        }
    }

    @Test
    fun badZonesRulesTimesAndRangesAreTypedValidationErrors() {
        withFirm {
            val badZone = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().create(
                    NewAppointment("Meeting", AppointmentKind.MEETING, Schedule.Timed(at("2026-12-01T09:00"), at("2026-12-01T10:00"), "Mars/Olympus_Mons")),
                )
            }
            assertEquals("zone", badZone.field)
            val badRule = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().create(
                    NewAppointment(
                        "Meeting", AppointmentKind.MEETING, london("2026-12-01T09:00", "2026-12-01T10:00"),
                        recurrence = "FREQ=FORTNIGHTLY;COUNT=3",
                    ),
                )
            }
            assertEquals("recurrence", badRule.field)
            // 01:30 on 28 March 2027 is skipped in London (clocks go forward at 01:00).
            val skipped = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().create(
                    NewAppointment("Meeting", AppointmentKind.MEETING, london("2027-03-28T01:30", "2027-03-28T03:00")),
                )
            }
            assertEquals("start", skipped.field)
            val backwards = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().create(
                    NewAppointment("Meeting", AppointmentKind.MEETING, london("2026-12-01T10:00", "2026-12-01T09:00")),
                )
            }
            assertEquals("schedule", backwards.field)

            val series = teamMeeting()
            val notAnOccurrence = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().changeOccurrence(series.id, series.version, at("2026-12-09T09:00"), OccurrenceChange.Cancelled)
            }
            assertEquals("original_start", notAnOccurrence.field)
            val ruleAfterwards = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().update(series.id, series.version, AppointmentChanges(recurrence = RecurrenceChange.Set("FREQ=WEEKLY;BYDAY=XX")))
            }
            assertEquals("recurrence", ruleAfterwards.field)
            val range = assertThrows<LexcaseException.Validation> {
                feeEarner.appointments().agenda(feeEarnerUser.id, day("2026-12-31"), day("2026-12-01"))
            }
            assertEquals("to", range.field)
            // Nothing was written by the refused calls.
            assertEquals(series, feeEarner.appointments().get(series.id))
            assertEquals(4, feeEarner.appointments().agenda(feeEarnerUser.id, day("2026-12-01"), day("2026-12-31")).size)
            assertThrows<LexcaseException.NotFound> { feeEarner.appointments().get(java.util.UUID.randomUUID()) }
        }
    }
}
