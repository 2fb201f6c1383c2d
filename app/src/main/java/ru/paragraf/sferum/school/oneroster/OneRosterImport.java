package ru.paragraf.sferum.school.oneroster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.school.oneroster.RosterRows.ClassRow;
import ru.paragraf.sferum.school.oneroster.RosterRows.UserRow;

/**
 * Imports a OneRoster package: reads and checks all of it, then, if nothing is wrong, writes it in one
 * transaction, and publishes in it one {@link ru.paragraf.sferum.school.RosterChanged} per school whose subject
 * chats' members the write changed, and gives the people their accounts in the same transaction
 * ({@link ImportAccounts}). Imports run one at a time (a transaction-scoped advisory lock), so two uploads of overlapping
 * packages cannot interleave. A failure of the database rolls everything back and is reported without its text,
 * which is logged instead.
 */
@Service
@EnableConfigurationProperties(OneRosterProperties.class)
class OneRosterImport {

    private static final Logger log = LoggerFactory.getLogger(OneRosterImport.class);

    private final ExistingRecords existing;
    private final ImportWriter writer;
    private final LeavingPupils leaving;
    private final MembershipChanges membership;
    private final ImportAccounts accounts;
    private final ApplicationEventPublisher events;
    private final ImportReports reports;
    private final OneRosterProperties properties;
    private final TransactionTemplate transaction;

    OneRosterImport(
            ExistingRecords existing,
            ImportWriter writer,
            LeavingPupils leaving,
            MembershipChanges membership,
            ImportAccounts accounts,
            ApplicationEventPublisher events,
            ImportReports reports,
            OneRosterProperties properties,
            PlatformTransactionManager transactions) {
        this.existing = existing;
        this.writer = writer;
        this.leaving = leaving;
        this.membership = membership;
        this.accounts = accounts;
        this.events = events;
        this.reports = reports;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Imports the uploaded ZIP for this user.
     *
     * @throws MalformedPackageException when the upload is not a readable ZIP within the size limits
     * @throws AccessDeniedException when the user administers nothing
     */
    ImportReport run(CurrentUser user, long size, InputStreamSource upload) {
        var scope = ImportScope.of(user);
        if (scope.level() == ImportScope.Level.NONE) {
            throw new AccessDeniedException("Only administrators import school data");
        }
        if (size <= 0) {
            throw MalformedPackageException.because("noFile");
        }
        if (size > properties.maxUploadSize().toBytes()) {
            throw MalformedPackageException.tooLarge();
        }
        PackageArchive archive;
        try (var stream = upload.getInputStream()) {
            archive =
                    PackageArchive.read(stream, properties.maxUncompressedSize().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var problems = new Problems();
        var source = RosterPackage.read(archive, problems);
        if (!problems.isEmpty()) {
            return reports.rejected(problems.list());
        }
        var roster = RosterParser.parse(source, problems);
        try {
            return Objects.requireNonNull(transaction.execute(status -> {
                existing.lockImports();
                var plan = plan(roster, problems, scope);
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                    return reports.rejected(problems.list());
                }
                membership.rememberBefore(plan);
                var left = leaving.leave(plan);
                var counts = writer.write(plan);
                var accountChanges = accounts.apply(plan);
                var changes = membership.compare();
                changes.stream()
                        .filter(MembershipChanges.OrganizationChanges::changed)
                        .forEach(change -> events.publishEvent(change.event()));
                return reports.applied(
                        counts, changes, left, reports.accounts(accountChanges, ImportAccounts.inSeveralSchools(plan)));
            }));
        } catch (DataAccessException | TransactionException e) {
            log.error("OneRoster import by {} failed in the database and was rolled back", user.username(), e);
            return reports.failed();
        }
    }

    private ImportPlan plan(Roster roster, Problems problems, ImportScope scope) {
        var districts = existing.districts();
        var organizations = existing.organizations();
        var context = new PlanContext(roster, problems, scope, districts, organizations);
        new OrganizationPlanner(context, districts, organizations).plan();
        var years = new YearPlanner(context, existing.years());
        years.plan();
        var userIds = roster.users().stream().map(UserRow::sourcedId).toList();
        var people = new PeoplePlanner(
                context,
                new PeoplePlanner.Existing(
                        existing.employees(userIds), existing.pupils(userIds), existing.parents(userIds)),
                role -> reports.message("oneroster.position." + role));
        people.plan();
        var classIds = roster.classes().stream().map(ClassRow::sourcedId).toList();
        var classes = new ClassPlanner(
                context,
                years,
                new ClassPlanner.Existing(
                        existing.classUnits(classIds, schoolsOfClasses(context)),
                        existing.journals(classIds),
                        existing.subjects()));
        classes.plan();
        new EnrollmentPlanner(context, classes, people, existing.studyGroups(classIds)).plan();
        return context.plan;
    }

    /** The organizations the classes of the package are in, as far as they are known already. */
    private static List<UUID> schoolsOfClasses(PlanContext context) {
        return context.roster.classes().stream()
                .map(ClassRow::schoolSourcedId)
                .distinct()
                .map(context::organizationIdQuietly)
                .flatMap(Optional::stream)
                .toList();
    }
}
