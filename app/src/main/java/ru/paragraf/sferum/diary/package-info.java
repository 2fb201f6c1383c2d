/**
 * The diary of the portal «Петербургское образование»: where teachers, pupils and parents log in. Shows the
 * week's lessons (pupils and parents: published lessons of the pupil's class and groups; teachers: the lessons
 * of their journals) with each video lesson's call state and link, and the «Чаты» tab: «Привязать к VK ID» for every
 * person with a diary (a parent links their own account, never a child's) and the subject chats of the person's
 * journals with «Вступить в чат». Chat and call states come from school's
 * {@link ru.paragraf.sferum.school.SubjectChatStatuses}, so the diary never depends on sync.
 *
 * <p><b>Owns</b> (schema {@code diary}) the VK ID links of teachers, pupils and parents (keyed by person and
 * {@link ru.paragraf.sferum.school.PersonKind}; one VK account links to one person at most): a VK ID OAuth 2.1 client
 * (authorization code, PKCE S256, {@code state}), the pending authorizations and the links with the persons' sealed
 * user tokens. Pages {@code /diary}, {@code /diary/chats} and the VK ID flow under {@code /diary/vkid}.
 *
 * <p><b>Offers</b> {@link ru.paragraf.sferum.diary.PersonVkAccess} (a person's VK user id and a valid, refreshed
 * access token, answered as {@link ru.paragraf.sferum.diary.VkAccess}), for the sync engine.
 *
 * <p><b>Publishes</b> {@link ru.paragraf.sferum.diary.VkIdLinked}, {@link ru.paragraf.sferum.diary.VkIdUnlinked} and
 * {@link ru.paragraf.sferum.diary.VkIdRelinkRequired} (VK no longer accepts the link: «нужно привязать заново»), each
 * with the person and their kind. <b>Listens to</b> these three itself ({@code DiaryDataTransfer}: the diary data
 * transfer) to fill a teacher's staff file through {@link ru.paragraf.sferum.school.StaffFiles}, a pupil's or parent's
 * record through {@link ru.paragraf.sferum.school.FamilyFiles}; school does not depend on the diary.
 *
 * <p><b>Depends on</b> {@code accounts} (the logged-in person), {@code school} (timetables, journals, the records the
 * transfer fills, chat and call states), {@code audit} (links, unlinks and links VK stopped accepting are audited),
 * {@code secrets} (sealed tokens) and {@code linkbase} (the school's MAX bot, whose deep link «Привязать MAX» shows).
 *
 * <p><b>MAX</b> (issue 18): «Привязать MAX» issues a one-time start code in the deep link to the school's bot
 * ({@code diary.max_start_code}, hashed); the sync engine's handler of the bot's {@code bot_started} calls
 * {@link ru.paragraf.sferum.diary.MaxAccountLinking#linkByStart}, which links the MAX account to the person
 * ({@code diary.max_link}, one account per person and one person per account); {@code MaxDataTransfer} writes it into
 * school's records ({@code max_user_id}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Diary",
        allowedDependencies = {"accounts", "school", "audit", "secrets", "linkbase"})
package ru.paragraf.sferum.diary;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
