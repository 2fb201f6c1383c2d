package ru.paragraf.sferum.linkbase;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing wrong with entered credentials.
 *
 * @param field {@code communityId} or {@code token}
 * @param code the message {@code linkbase.input.<code>}
 * @param arguments the message's arguments; never a secret
 */
record InputProblem(String field, String code, List<Object> arguments) {

    static final String COMMUNITY_ID = "communityId";
    static final String TOKEN = "token";
    static final String BOT_TOKEN = "botToken";

    InputProblem {
        arguments = List.copyOf(arguments);
    }

    static InputProblem of(String field, String code, Object... arguments) {
        return new InputProblem(field, code, List.of(arguments));
    }

    String messageKey() {
        return "linkbase.input." + code;
    }

    MessageSourceResolvable message() {
        return new DefaultMessageSourceResolvable(new String[] {messageKey()}, arguments.toArray());
    }
}
