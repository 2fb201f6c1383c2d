package ru.paragraf.sferum.sync;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.JournalKind;
import ru.paragraf.sferum.school.LessonFormat;
import ru.paragraf.sferum.school.Publication;

/**
 * The one mapping between the engine's enums and the database: each of them is stored by its constant's name. SQL
 * names a constant as {@code {ChatState.ACTIVE}} and {@link #sql} puts in the literal the database holds for it
 * ({@code 'ACTIVE'}), once per statement (remembered by its text); an unknown enum or constant fails there, so a
 * renamed state cannot leave a statement behind. Java reads a column back with {@link #read}.
 *
 * <p>Literals, not bind parameters: PostgreSQL uses a partial index ({@code operation_claim_idx}, the ON CONFLICT
 * target {@code operation_open_idx}, …) only when the statement's own constants imply its predicate, and a prepared
 * statement's generic plan knows no parameter values (docs/benchmarks.md).
 */
final class SqlNames {

    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("ChatState", ChatState.class),
            Map.entry("CallState", CallState.class),
            Map.entry("HeldAs", HeldAs.class),
            Map.entry("MemberState", MemberState.class),
            Map.entry("MemberRole", MemberRole.class),
            Map.entry("Messenger", Messenger.class),
            Map.entry("OperationStatus", OperationStatus.class),
            Map.entry("OperationKind", OperationKind.class),
            Map.entry("RemovalHoldState", RemovalHoldState.class),
            Map.entry("PreviewOperation.Status", PreviewOperation.Status.class),
            Map.entry("SyncOverview.Failure.Subject", SyncOverview.Failure.Subject.class),
            // the school's, as its read contract (the views school.sync_*) holds them
            Map.entry("Publication", Publication.class),
            Map.entry("LessonFormat", LessonFormat.class),
            Map.entry("JournalKind", JournalKind.class));

    /** Statements already expanded, by their text: each is expanded once. */
    private static final Map<String, String> EXPANDED = new ConcurrentHashMap<>();

    private SqlNames() {}

    /** The statement with each {@code {Enum.CONSTANT}} replaced by the constant's stored name, quoted. */
    static String sql(String statement) {
        return EXPANDED.computeIfAbsent(statement, SqlNames::expand);
    }

    private static String expand(String statement) {
        var sql = new StringBuilder(statement.length());
        var from = 0;
        for (var open = statement.indexOf('{'); open >= 0; open = statement.indexOf('{', from)) {
            var close = statement.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("An unclosed { in SQL: " + statement);
            }
            sql.append(statement, from, open).append(literal(statement.substring(open + 1, close)));
            from = close + 1;
        }
        return sql.append(statement, from, statement.length()).toString();
    }

    /** What the database stores for a constant, as a bind parameter: for values written, never in a predicate. */
    static String stored(Enum<?> constant) {
        return constant.name();
    }

    /** The constant stored as {@code name}; null for SQL null (an outer join that found nothing). */
    static <E extends Enum<E>> @Nullable E read(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String literal(String reference) {
        var dot = reference.lastIndexOf('.');
        var type = dot < 0 ? null : ENUMS.get(reference.substring(0, dot));
        if (type == null) {
            throw new IllegalArgumentException("Not one of " + ENUMS.keySet() + " in SQL: {" + reference + "}");
        }
        var name = reference.substring(dot + 1);
        var constant = Arrays.stream(type.getEnumConstants())
                .filter(it -> it.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No constant " + name + " in " + type.getSimpleName()
                        + ": "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        return "'" + constant.name() + "'";
    }
}
