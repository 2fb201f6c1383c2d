/**
 * The synthetic city: a deterministic generator of realistic St Petersburg school data, for the demo, the benchmark
 * and tests, never for a city's real data (that comes from АИСУ «Параграф» or a OneRoster import).
 *
 * <p>Its API is {@link ru.paragraf.sferum.school.generator.SchoolDataGenerator} (districts, schools, staff, classes,
 * pupils, parents, journals, a weekly timetable and one week of lessons, the same for the same
 * {@link ru.paragraf.sferum.school.generator.CityParameters}), its answer
 * {@link ru.paragraf.sferum.school.generator.GeneratedCity}, and
 * {@link ru.paragraf.sferum.school.generator.LessonCalendar}, which writes a generated timetable's later weeks with
 * the generator's topics. Everything else is package-private. It writes the school module's tables from inside the
 * module, with PostgreSQL COPY and without events, and reads its name pools, curriculum and topics from
 * {@code school/generator/*.txt} on the class path.
 *
 * <p>A named interface of {@code school}: only {@code demo} may use it ({@code allowedDependencies} of
 * {@code "school::generator"}; {@code ModularityTests} checks that no other module does). The {@code bench} Maven
 * module, outside the application's module graph, uses it too.
 */
@NullMarked
@NamedInterface("generator")
package ru.paragraf.sferum.school.generator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
