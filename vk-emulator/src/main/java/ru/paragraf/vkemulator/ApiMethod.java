package ru.paragraf.vkemulator;

import java.util.Set;

/**
 * One VK API method: its name, the token types the public schema allows for it, the community permission it
 * needs (null for none), whether it may change the state (then it runs as a change, saved before the answer when
 * there is a state file), and the implementation that returns the {@code response} value or throws
 * {@link ApiError}.
 */
record ApiMethod(
        String name,
        Set<Token.Kind> tokenKinds,
        CommunityPermission permission,
        boolean changesState,
        Implementation implementation) {

    @FunctionalInterface
    interface Implementation {
        Object call(ApiRequest request);
    }

    static final Set<Token.Kind> ANY = Set.of(Token.Kind.USER, Token.Kind.COMMUNITY);
    static final Set<Token.Kind> USER_ONLY = Set.of(Token.Kind.USER);
    static final Set<Token.Kind> COMMUNITY_ONLY = Set.of(Token.Kind.COMMUNITY);
    static final boolean CHANGES = true;
    static final boolean READS = false;
}
