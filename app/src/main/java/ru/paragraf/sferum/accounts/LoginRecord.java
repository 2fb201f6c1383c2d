package ru.paragraf.sferum.accounts;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One login of an account, successful or not, as the account's owner sees it. */
public record LoginRecord(
        OffsetDateTime occurredAt, LoginMethod method, @Nullable String clientAddress, boolean succeeded) {}
