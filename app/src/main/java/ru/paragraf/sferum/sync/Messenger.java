package ru.paragraf.sferum.sync;

/**
 * The messenger an organization chose in «База ссылок» ({@code linkbase.sferum_community.messenger}, kept in {@code
 * sync.organization.messenger} for the planner). An organization without credentials counts as VK's: nothing is
 * planned for it until it is ready anyway.
 */
enum Messenger {
    VK,
    MAX;

    /**
     * The key of a text that names the messenger: {@code key.max} for MAX, where VK's text {@code key} speaks of VK
     * Sferum or VK ID.
     */
    String textKey(String key) {
        return this == MAX ? key + ".max" : key;
    }
}
