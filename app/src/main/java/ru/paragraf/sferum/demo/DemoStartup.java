package ru.paragraf.sferum.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/**
 * At every start in demo mode, after the schema is migrated: load the demo city if needed and write its lessons up to
 * three weeks ahead, seed the demo schools' Sferum communities and their teachers' VK test accounts into the
 * in-process VK emulator and their MAX bots into the in-process MAX emulator, then print the logins, the communities'
 * ids and masked tokens, the VK accounts and the bots.
 */
@Component
@ConditionalOnDemoData
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoCity city;
    private final DemoLoginsLog logins;
    private final DemoCommunities communities;
    private final DemoVkAccounts vkAccounts;
    private final DemoBots bots;

    DemoStartup(
            DemoCity city,
            DemoLoginsLog logins,
            DemoCommunities communities,
            DemoVkAccounts vkAccounts,
            DemoBots bots) {
        this.city = city;
        this.logins = logins;
        this.communities = communities;
        this.vkAccounts = vkAccounts;
        this.bots = bots;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        city.prepare();
        var handedDown = communities.render(communities.seed());
        var vk = vkAccounts.render(vkAccounts.seed());
        var max = bots.render(bots.seed());
        log.info(
                "\n\n{}{}{}{}\n",
                logins.render(),
                handedDown.isEmpty() ? "" : "\n\n" + handedDown,
                vk.isEmpty() ? "" : "\n\n" + vk,
                max.isEmpty() ? "" : "\n\n" + max);
    }
}
