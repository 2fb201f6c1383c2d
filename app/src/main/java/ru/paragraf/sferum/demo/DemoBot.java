package ru.paragraf.sferum.demo;

import java.util.UUID;

/**
 * The MAX bot of a demo school, as the school would register it on business.max.ru: its user id, the username of
 * its deep links, its name and full token. Shown in embedded demo mode only, where the bot lives in the in-process
 * MAX emulator.
 */
record DemoBot(int school, UUID organization, long userId, String username, String name, String token) {

    @Override
    public String toString() {
        return "DemoBot[" + userId + ", @" + username + "]";
    }
}
