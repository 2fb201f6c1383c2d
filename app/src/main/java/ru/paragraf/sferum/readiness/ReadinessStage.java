package ru.paragraf.sferum.readiness;

/**
 * How far a school has come, each stage including the ones before it: the seed's preparatory steps one by one, then
 * chats that work.
 */
enum ReadinessStage {
    /** No verified community credentials in «База ссылок». */
    NOT_CONNECTED,
    /** Credentials verified by Sferum, but no enabled SFERUM_SYNC task. */
    CREDENTIALS,
    /** The task is enabled, but fewer than 80 % of the teachers linked a VK ID. */
    TASK,
    /** At least 80 % of the teachers linked a VK ID, but no subject chat works yet. */
    TEACHERS,
    /** Subject chats exist and the synchronization is not paused. */
    CHATS
}
