package ru.paragraf.sferum.demo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** The Demo page: the demo logins per role and school, open to everyone since people need it to log in. */
@Controller
@ConditionalOnDemoData
class DemoPage {

    private final DemoLogins logins;
    private final DemoCommunities communities;
    private final DemoVkAccounts vkAccounts;
    private final DemoBots bots;
    private final DemoProperties properties;

    DemoPage(
            DemoLogins logins,
            DemoCommunities communities,
            DemoVkAccounts vkAccounts,
            DemoBots bots,
            DemoProperties properties) {
        this.logins = logins;
        this.communities = communities;
        this.vkAccounts = vkAccounts;
        this.bots = bots;
        this.properties = properties;
    }

    @GetMapping("/demo")
    String demo(Model model) {
        var overview = logins.overview();
        model.addAttribute("password", properties.password());
        model.addAttribute("operators", overview.operators());
        model.addAttribute("schools", overview.schools());
        model.addAttribute(
                "communities",
                communities.listed().stream()
                        .collect(java.util.stream.Collectors.toMap(DemoCommunity::school, community -> community)));
        model.addAttribute("vkAccounts", vkAccounts.listed());
        model.addAttribute(
                "bots", bots.listed().stream().collect(java.util.stream.Collectors.toMap(DemoBot::school, bot -> bot)));
        model.addAttribute("vkPassword", properties.vkPassword());
        model.addAttribute("maxPhone", bots.phoneUrl());
        return "demo/demo";
    }
}
