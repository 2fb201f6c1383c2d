package ru.paragraf.vkemulator;

/** An authenticated VK API call as a method implementation sees it. */
record ApiRequest(Token token, Params params, long nowMillis) {

    /** The caller's peer id: {@code -group_id} for a community token, the user id for a user token. */
    long caller() {
        return token.peerId();
    }

    boolean byCommunity() {
        return token.isCommunity();
    }

    /** Unix time in seconds, as VK dates are. */
    long now() {
        return nowMillis / 1000;
    }
}
