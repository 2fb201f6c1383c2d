package ru.paragraf.vkemulator;

import static ru.paragraf.vkemulator.ApiMethod.ANY;
import static ru.paragraf.vkemulator.ApiMethod.CHANGES;
import static ru.paragraf.vkemulator.ApiMethod.COMMUNITY_ONLY;
import static ru.paragraf.vkemulator.ApiMethod.READS;
import static ru.paragraf.vkemulator.ApiMethod.USER_ONLY;
import static ru.paragraf.vkemulator.CommunityPermission.MESSAGES;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The methods the emulator implements and, in one table, which token may call which (VK API schema 5.199
 * {@code access_token_type}): a community token on a user-only method gets error 27.
 */
final class ApiMethods {

    private ApiMethods() {}

    static Map<String, ApiMethod> all(EmulatorState state) {
        var groups = new GroupMethods(state);
        var users = new UserMethods(state);
        var chats = new ChatMethods(state);
        var conversations = new ConversationMethods(state);
        var send = new SendMethod(state);
        var calls = new CallMethods(state);
        return List.of(
                        new ApiMethod("groups.getById", ANY, null, READS, groups::getById),
                        new ApiMethod(
                                "groups.getTokenPermissions", COMMUNITY_ONLY, null, READS, groups::getTokenPermissions),
                        new ApiMethod("users.get", ANY, null, READS, users::get),
                        new ApiMethod("messages.createChat", ANY, MESSAGES, CHANGES, chats::createChat),
                        new ApiMethod("messages.editChat", ANY, MESSAGES, CHANGES, chats::editChat),
                        new ApiMethod("messages.pin", ANY, MESSAGES, CHANGES, chats::pin),
                        // creates the first link, or a new one with reset=1
                        new ApiMethod("messages.getInviteLink", ANY, MESSAGES, CHANGES, chats::getInviteLink),
                        new ApiMethod(
                                "messages.joinChatByInviteLink", USER_ONLY, null, CHANGES, chats::joinChatByInviteLink),
                        new ApiMethod("messages.addChatUser", USER_ONLY, null, CHANGES, chats::addChatUser),
                        new ApiMethod("messages.removeChatUser", ANY, MESSAGES, CHANGES, chats::removeChatUser),
                        new ApiMethod(
                                "messages.getConversations", ANY, MESSAGES, READS, conversations::getConversations),
                        new ApiMethod(
                                "messages.getConversationsById",
                                ANY,
                                MESSAGES,
                                READS,
                                conversations::getConversationsById),
                        new ApiMethod(
                                "messages.getConversationMembers",
                                ANY,
                                MESSAGES,
                                READS,
                                conversations::getConversationMembers),
                        new ApiMethod("messages.send", ANY, MESSAGES, CHANGES, send::send),
                        new ApiMethod("calls.start", USER_ONLY, null, CHANGES, calls::start),
                        new ApiMethod("calls.forceFinish", USER_ONLY, null, CHANGES, calls::forceFinish))
                .stream()
                .collect(Collectors.toUnmodifiableMap(ApiMethod::name, Function.identity()));
    }
}
