package ru.paragraf.sferum.exchange;

import org.jspecify.annotations.Nullable;

/**
 * The result of a run for one object.
 *
 * @param objectType a code of the kind of object, e.g. {@code EMPLOYEE}; shown via message {@code exchange.object.<code>}
 * @param objectId the object's id, if it has one
 * @param objectTitle how people know the object, e.g. a teacher's name
 * @param action a code of what was done, e.g. {@code CHECK_VK_ID}; shown via message {@code exchange.action.<code>}
 * @param result the outcome
 * @param message a Russian explanation, above all for warnings and errors
 * @param link an application path to the record to fix, such as {@code /staff/<id>}
 */
public record ExchangeRunItem(
        String objectType,
        @Nullable String objectId,
        @Nullable String objectTitle,
        String action,
        ItemResult result,
        @Nullable String message,
        @Nullable String link) {

    public ExchangeRunItem {
        if (objectType.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("An item needs an object type and an action");
        }
        if (link != null && !isApplicationPath(link)) {
            throw new IllegalArgumentException("An item's link must be a path of this application: " + link);
        }
    }

    public static ExchangeRunItem of(
            ItemResult result,
            String objectType,
            @Nullable Object objectId,
            @Nullable String objectTitle,
            String action,
            @Nullable String message) {
        return new ExchangeRunItem(
                objectType, objectId == null ? null : objectId.toString(), objectTitle, action, result, message, null);
    }

    public ExchangeRunItem withLink(String path) {
        return new ExchangeRunItem(objectType, objectId, objectTitle, action, result, message, path);
    }

    /** Only local paths: the page renders the link, and a foreign or script URL must never get there. */
    private static boolean isApplicationPath(String link) {
        return link.startsWith("/")
                && !link.startsWith("//")
                && !link.contains("\\")
                && link.chars().noneMatch(Character::isWhitespace);
    }
}
