package ru.paragraf.vkemulator;

import java.util.Set;

/**
 * One VK API method: its name, the token types the public schema allows for it, the community permission it
 * needs (null for none), and the implementation that returns the {@code response} value or throws {@link ApiError}.
 */
record ApiMethod(
        String name, Set<Token.Kind> tokenKinds, CommunityPermission permission, Implementation implementation) {

    @FunctionalInterface
    interface Implementation {
        Object call(ApiRequest request);
    }

    static final Set<Token.Kind> ANY = Set.of(Token.Kind.USER, Token.Kind.COMMUNITY);
    static final Set<Token.Kind> USER_ONLY = Set.of(Token.Kind.USER);
    static final Set<Token.Kind> COMMUNITY_ONLY = Set.of(Token.Kind.COMMUNITY);
}
