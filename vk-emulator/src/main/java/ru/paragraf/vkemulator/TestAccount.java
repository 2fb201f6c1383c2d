package ru.paragraf.vkemulator;

/**
 * A VK account made for a test (e.g. a stranger who got a forwarded invite link), with a user token that works at
 * {@code /method/*} as VK ID's would.
 *
 * @param expiresIn the token's lifetime in seconds
 */
public record TestAccount(long userId, String accessToken, long expiresIn) {}
