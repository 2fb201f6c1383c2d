package ru.paragraf.sferum.accounts;

import java.util.UUID;

/**
 * The first city operator of the installation was created from {@code sferum.bootstrap.operator} at start.
 *
 * @param account the new account
 * @param username its login
 * @param startedBy the operating-system user and host whose start created it
 */
public record FirstOperatorCreated(UUID account, String username, String startedBy) {}
