/**
 * Demo data: lets anyone click through every role of the product on a fresh machine.
 *
 * <p>Active in demo mode ({@link ru.paragraf.sferum.embedded.ConditionalOnDemoData}: {@code sferum.demo.enabled},
 * by default on exactly in embedded mode). On start-up, if the database holds no organizations yet, it loads a
 * small city once with the school data generator ({@code school::generator}: two districts, three schools) and creates
 * a login for the city operator, each district operator, each school's admin and every teacher, pupil and parent, all
 * with one demo password ({@code sferum.demo.password}). At every start it writes the city's lessons from its timetable
 * ({@link ru.paragraf.sferum.school.generator.LessonCalendar}) up to the end of the third week after the current one,
 * so that the coming days always have draft lessons, whatever the date; lessons already written stay as they are. It
 * prints the featured logins to the log at every start, and the Demo page ({@code /demo}, open to everyone) lists them
 * per role and school. In embedded mode it also seeds one Sferum community per demo school into the in-process VK
 * emulator at every start and lists their ids and tokens (the demo's hand-down document): in full on the Demo page,
 * masked in the log; and a VK test account for every demo teacher (login {@code teacher1-01@vk.demo}, password
 * {@code sferum.demo.vk-password}) with which the teacher links a VK ID through the emulator's login page.
 *
 * <p><b>Owns</b> (schema {@code demo}) the featured demo logins. <b>Depends on</b> {@code school} (who is in a school),
 * {@code school::generator} (the only module allowed to), {@code accounts} (registers the accounts),
 * {@code embedded} (demo mode) and {@code secrets} (masks the tokens in the log). Publishes and listens to nothing.
 */
@NullMarked
@ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {"school", "school::generator", "accounts", "embedded", "secrets"})
package ru.paragraf.sferum.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
