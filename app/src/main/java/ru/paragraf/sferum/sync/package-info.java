/**
 * The synchronization engine with Sferum: derives the desired chats and calls from school data, compares them
 * with the ledger of external objects and carries out the difference against the messenger (DESIGN §5).
 *
 * <p><b>Owns</b> the schema {@code sync}: the operation queue ({@code sync.operation}), the ledger of chats, their
 * members and lesson calls ({@code sync.chat}, {@code sync.chat_member}, {@code sync.call}, {@code sync.lost_chat}),
 * each organization's readiness and pause ({@code sync.organization}), the nodes and their community leases. Each
 * operation is an {@code Action} record decoded once from its versioned payload ({@code OperationPayload}); the
 * states and statuses are enums that {@code SqlNames} alone maps to the database. {@code Planner} enqueues the
 * difference set-based, only of the kinds the organization's messenger provider's {@code Capabilities} allow
 * ({@code Messengers}: each organization's messenger, VK or MAX, from the link base; what it cannot do
 * is said on the journal and in the run); the workers claim a community's operations and hand each to the handler
 * of its family ({@code ChatHandler}, {@code MemberHandler}, {@code CallHandler}, {@code AnnouncementHandler}),
 * whose {@code Completion} {@code Outcomes} records with its ledger change. Also the exchange task SFERUM_SYNC
 * ({@code SferumSyncTask}), what the journal and the diary show of chats and calls ({@code ChatAndCallStatuses},
 * the school's {@code SubjectChatStatuses}), the figures of the readiness dashboard ({@code SyncOverview}) and
 * «Предпросмотр» (page {@code /orgs/{org}/sync-preview}, API {@code GET /api/orgs/{org}/sync-preview}): what the
 * next run would do, from the same {@code Planner} without enqueuing anything or reaching the messenger; and the
 * hold on big removals ({@code RemovalHolds}, {@code sync.removal_hold}): a school's removals beyond a threshold wait
 * «на удержании» until an administrator releases or discards them (page {@code /orgs/{org}/removal-hold}, API
 * {@code /api/orgs/{org}/removal-hold}); and the step of lesson times ({@code CallTimes}, a Quartz job in the exchange
 * module's clustered job store): a call started before its lesson's window is replaced shortly before the lesson,
 * and finished after the lesson's end plus a grace period (docs/architecture.md, «Жизнь звонка»); and «Закрыть учебный год» ({@code YearClosing}, {@code sync.year_close}):
 * a school's year closed by its admin, by an operator for a district, or by the scheduled run once it has ended; its
 * calls finished, its chats archived ({@code ARCHIVE_CHAT}: renamed with the year, the closing message pinned, {@code
 * ChatState.ARCHIVED}) and emptied of pupils and parents where the school chose it (pages {@code
 * /orgs/{org}/year-close} and {@code /districts/{district}/year-close}, the same under {@code /api}).
 *
 * <p><b>Adopting chats made in MAX</b> (issue 18): the journal page's steps and one-time codes
 * ({@code ChatAdoptionGuides}, the school's {@link ru.paragraf.sferum.school.ChatAdoptions};
 * {@code sync.chat_adoption_code}, hashed); the bot's updates' handlers ({@code sync.max.MaxUpdateHandler}):
 * {@code ChatAdoption} binds a chat to a journal when its code is sent in it (ADOPT_CHAT, answers as REPLY), and
 * {@code MaxAccountStart} links a person's MAX account by the diary's start code
 * ({@link ru.paragraf.sferum.diary.MaxAccountLinking}).
 *
 * <p><b>Messengers</b>: the engine speaks to a messenger only through the provider SPI ({@code sync.messenger});
 * VK Sferum is one implementation ({@code sync.vk}: the typed VK API client with per-token rate limits,
 * idempotency-aware retries and the classification of every VK error), which also implements the link base's
 * {@link ru.paragraf.sferum.linkbase.CommunityVerifier}; MAX the other ({@code sync.max}: the bot API client and
 * {@code MaxMessengerProvider}, with {@code sync.sent_message} standing in for the idempotency key MAX lacks).
 *
 * <p><b>Listens to</b> (after commit, through the event publication registry, so nothing is lost to a crash): the
 * school's {@code LessonPublished}, {@code LessonWithdrawn}, {@code LessonChanged}, {@code SubjectChatRequested},
 * {@code SubjectChatCancelled}, {@code SferumAccountChanged}, {@code FamilySferumAccountChanged} and {@code
 * RosterChanged} and {@code LessonLinksChanged} ({@code SchoolChanges}: plans the journal or the person's journals); the link
 * base's {@code CommunityCredentialsChanged} and {@code MessengerBotChanged} and the exchange's {@code ExchangeTaskChanged} ({@code
 * ReadinessChanges}: resumes and plans the organization). Publishes, for the notices, in the transaction of the
 * ledger change ({@code LedgerNews}, ids only): {@link ru.paragraf.sferum.sync.SubjectChatCreated},
 * {@link ru.paragraf.sferum.sync.LessonCallFailed}, {@link ru.paragraf.sferum.sync.StrangerRemoved}; and
 * {@link ru.paragraf.sferum.sync.SynchronizationPaused}; {@link ru.paragraf.sferum.sync.ChatFacts} tells a journal's
 * chat title and teachers and a lesson's time.
 *
 * <p><b>Depends on</b> {@code school} (its events, read contract and views {@code school.sync_*}), {@code linkbase}
 * (community credentials), {@code exchange} (the task type and its runs), {@code diary} (people's VK ID tokens),
 * {@code accounts} (who may see the preview), {@code audit} (pause notices, holds) and {@code embedded} (giving back the
 * work of a dead earlier process, {@code OrphanedWork}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Sync",
        allowedDependencies = {"school", "linkbase", "exchange", "diary", "accounts", "audit", "embedded"})
package ru.paragraf.sferum.sync;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
