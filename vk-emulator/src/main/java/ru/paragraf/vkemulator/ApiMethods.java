package ru.paragraf.vkemulator;

import static ru.paragraf.vkemulator.ApiMethod.ANY;
import static ru.paragraf.vkemulator.ApiMethod.COMMUNITY_ONLY;
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
                        new ApiMethod("groups.getById", ANY, null, groups::getById),
                        new ApiMethod("groups.getTokenPermissions", COMMUNITY_ONLY, null, groups::getTokenPermissions),
                        new ApiMethod("users.get", ANY, null, users::get),
                        new ApiMethod("messages.createChat", ANY, MESSAGES, chats::createChat),
                        new ApiMethod("messages.editChat", ANY, MESSAGES, chats::editChat),
                        new ApiMethod("messages.getInviteLink", ANY, MESSAGES, chats::getInviteLink),
                        new ApiMethod("messages.joinChatByInviteLink", USER_ONLY, null, chats::joinChatByInviteLink),
                        new ApiMethod("messages.addChatUser", USER_ONLY, null, chats::addChatUser),
                        new ApiMethod("messages.removeChatUser", ANY, MESSAGES, chats::removeChatUser),
                        new ApiMethod("messages.getConversations", ANY, MESSAGES, conversations::getConversations),
                        new ApiMethod(
                                "messages.getConversationsById", ANY, MESSAGES, conversations::getConversationsById),
                        new ApiMethod(
                                "messages.getConversationMembers",
                                ANY,
                                MESSAGES,
                                conversations::getConversationMembers),
                        new ApiMethod("messages.send", ANY, MESSAGES, send::send),
                        new ApiMethod("calls.start", USER_ONLY, null, calls::start),
                        new ApiMethod("calls.forceFinish", USER_ONLY, null, calls::forceFinish))
                .stream()
                .collect(Collectors.toUnmodifiableMap(ApiMethod::name, Function.identity()));
    }
}
