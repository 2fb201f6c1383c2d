package ru.paragraf.sferum.sync;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.test.context.DynamicPropertyRegistry;
import ru.paragraf.maxemulator.ChatPermission;
import ru.paragraf.maxemulator.EmulatorConfig;
import ru.paragraf.maxemulator.MaxEmulator;
import ru.paragraf.maxemulator.Seed;

/**
 * The MAX side of the tests that run a MAX school beside a VK one: a real MAX emulator in-process (rate limit off)
 * seeded with the test's bots and people, and the application pointed at it and at the test's VK world. Each test
 * class starts its own, so their contexts stay apart: {@code MaxWorld.beside(WORLD::register).bot(…).user(…).start()},
 * then {@link #register} from the class's {@code @DynamicPropertySource}.
 */
public final class MaxWorld {

    public final MaxEmulator max;
    private final Consumer<DynamicPropertyRegistry> vk;

    private MaxWorld(Consumer<DynamicPropertyRegistry> vk, List<Seed.Bot> bots, List<Seed.User> users) {
        this.vk = vk;
        max = MaxEmulator.start(EmulatorConfig.builder()
                .rateLimitEnabled(false)
                .seed(Seed.of(bots, users))
                .build());
    }

    /** A MAX world beside the VK world that {@code vk} registers; seed it, then {@link Builder#start()}. */
    public static Builder beside(Consumer<DynamicPropertyRegistry> vk) {
        return new Builder(vk);
    }

    /** Points the application at both messengers: the VK world's properties and MAX's API. */
    public void register(DynamicPropertyRegistry registry) {
        vk.accept(registry);
        registry.add("sferum.max.api-url", max::baseUrl);
    }

    /**
     * In MAX, {@code teacher} makes a chat titled {@code title}, adds {@code bot} to it and makes the bot an admin with
     * every permission, as a teacher hands a chat to the school's bot. Returns the chat's id.
     */
    public long chatHandedToBot(long teacher, long bot, String title) {
        var chat = max.createChat(teacher, title);
        max.addBotToChat(chat, teacher, bot);
        max.makeAdmin(chat, teacher, bot, EnumSet.allOf(ChatPermission.class));
        return chat;
    }

    /** The emulator's seed: the bots in the order given, then the people. */
    public static final class Builder {

        private final Consumer<DynamicPropertyRegistry> vk;
        private final List<Seed.Bot> bots = new ArrayList<>();
        private final List<Seed.User> users = new ArrayList<>();

        private Builder(Consumer<DynamicPropertyRegistry> vk) {
            this.vk = vk;
        }

        /** A school's bot: its id, its @username, its name in MAX, its token. */
        public Builder bot(long id, String username, String name, String token) {
            bots.add(new Seed.Bot(id, username, name, token));
            return this;
        }

        /** A person in MAX whom bots may add to chats. */
        public Builder user(long id, String firstName, String lastName) {
            users.add(Seed.User.of(id, firstName, lastName));
            return this;
        }

        /** A person in MAX whose privacy settings refuse being added by bots. */
        public Builder userRefusingBots(long id, String firstName, String lastName) {
            users.add(new Seed.User(id, firstName, lastName, true));
            return this;
        }

        /** Starts the emulator with the seed. */
        public MaxWorld start() {
            return new MaxWorld(vk, List.copyOf(bots), List.copyOf(users));
        }
    }
}
