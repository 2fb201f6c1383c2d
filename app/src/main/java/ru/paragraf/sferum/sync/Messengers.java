package ru.paragraf.sferum.sync;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.linkbase.SferumCommunities;
import ru.paragraf.sferum.sync.max.MaxMessengerProvider;
import ru.paragraf.sferum.sync.messenger.Capabilities;
import ru.paragraf.sferum.sync.messenger.MessengerProvider;

/**
 * Per organization, the messenger provider its work goes to and what that provider can do: the organization's
 * messenger as the link base holds it, read through {@link SferumCommunities#rememberedAccount} (this node's change
 * of the credentials is seen at once, another node's within its expiry).
 */
@Component
class Messengers {

    private final MessengerProvider vk;
    private final MessengerProvider max;
    private final SferumCommunities communities;

    /**
     * {@code vkMessengerProvider} by its bean's name: the MAX provider is a {@link MessengerProvider} too, and a
     * test may stand a primary one in for VK's.
     */
    Messengers(
            MessengerProvider vkMessengerProvider,
            MaxMessengerProvider maxMessengerProvider,
            SferumCommunities communities) {
        this.vk = vkMessengerProvider;
        this.max = maxMessengerProvider;
        this.communities = communities;
    }

    /** The organization's messenger; VK for one without credentials. */
    Messenger of(UUID organization) {
        return communities
                .rememberedAccount(organization)
                .map(account -> Messenger.valueOf(account.messenger()))
                .orElse(Messenger.VK);
    }

    MessengerProvider providerOf(UUID organization) {
        return provider(of(organization));
    }

    Capabilities capabilitiesOf(UUID organization) {
        return providerOf(organization).capabilities();
    }

    MessengerProvider provider(Messenger messenger) {
        return messenger == Messenger.MAX ? max : vk;
    }

    /** The messengers whose providers can carry out operations of this kind, by name, for the planner's SQL. */
    List<String> allowing(OperationKind kind) {
        return Arrays.stream(Messenger.values())
                .filter(messenger ->
                        ProviderCapability.allows(provider(messenger).capabilities(), kind))
                .map(Messenger::name)
                .toList();
    }

    /** The messengers whose providers lack this capability, by name, for the planner's SQL. */
    List<String> lacking(ProviderCapability capability) {
        return Arrays.stream(Messenger.values())
                .filter(messenger -> !capability.declaredIn(provider(messenger).capabilities()))
                .map(Messenger::name)
                .toList();
    }
}
