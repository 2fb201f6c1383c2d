package ru.paragraf.sferum.school.oneroster;

/**
 * What an import did to one kind of rows: {@code kind} is a stable code, {@code title} its Russian name.
 * {@code removed} counts links that a bulk file no longer lists.
 */
record ImportCount(String kind, String title, int created, int updated, int unchanged, int removed) {

    ImportCount titled(String title) {
        return new ImportCount(kind, title, created, updated, unchanged, removed);
    }
}
