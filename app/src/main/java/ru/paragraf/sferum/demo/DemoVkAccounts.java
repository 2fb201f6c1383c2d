package ru.paragraf.sferum.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * A VK test account in the in-process VK emulator for every demo teacher (bean {@code vkEmulator}, embedded mode
 * only), so that any demo teacher can link a VK ID through the emulator's login page: login
 * {@code <demo username>@vk.demo}, one password for all ({@code sferum.demo.vk-password}), VK user ids from 710000000
 * on, by school and teacher. They are seeded again at every start (harmless over the emulator's saved state, and
 * needed when it starts afresh), deterministically: a VK ID linked before a restart keeps its user id.
 */
@Component
@ConditionalOnDemoData
class DemoVkAccounts {

    static final long FIRST_ID = 710_000_000L;
    static final String LOGIN_DOMAIN = "@vk.demo";

    private final DemoLogins logins;
    private final DemoTexts texts;
    private final DemoProperties properties;
    private final ObjectProvider<VkEmulator> emulator;

    DemoVkAccounts(DemoLogins logins, DemoTexts texts, DemoProperties properties, ObjectProvider<VkEmulator> emulator) {
        this.logins = logins;
        this.texts = texts;
        this.properties = properties;
        this.emulator = emulator;
    }

    /** Adds the demo teachers' VK accounts to the emulator; none without an in-process emulator. */
    List<DemoVkAccount> seed() {
        var vk = emulator.getIfAvailable();
        if (vk == null) {
            return List.of();
        }
        var accounts = planned();
        for (var account : accounts) {
            var names = account.person().split(" ");
            vk.addUser(Seed.User.of(
                    account.vkUserId(),
                    names.length > 1 ? names[1] : names[0],
                    names[0],
                    account.login(),
                    account.password()));
        }
        return accounts;
    }

    /** The accounts per school number; none unless the emulator runs in-process. */
    Map<Integer, List<DemoVkAccount>> listed() {
        if (emulator.getIfAvailable() == null) {
            return Map.of();
        }
        return planned().stream().collect(Collectors.groupingBy(DemoVkAccount::school));
    }

    /** The start-up log's block: the featured teachers' accounts and how the others' are named; empty without any. */
    String render(List<DemoVkAccount> accounts) {
        if (accounts.isEmpty()) {
            return "";
        }
        var block = new StringBuilder(texts.get("demo.vk.log.title", properties.vkPassword()));
        accounts.stream().filter(DemoVkAccount::featured).forEach(account -> block.append("\n  ")
                .append(texts.get(
                        "demo.vk.log.line",
                        account.username(),
                        account.login(),
                        account.password(),
                        String.valueOf(account.vkUserId()))));
        block.append("\n  ").append(texts.get("demo.vk.log.all", LOGIN_DOMAIN));
        return block.toString();
    }

    private List<DemoVkAccount> planned() {
        var perSchool = new HashMap<Integer, Integer>();
        return logins.teachers().stream()
                .map(login -> {
                    int school = login.school() == null ? 0 : login.school();
                    int number = perSchool.merge(school, 1, Integer::sum);
                    return new DemoVkAccount(
                            school,
                            login.username(),
                            login.person(),
                            FIRST_ID + school * 1_000L + number,
                            login.username() + LOGIN_DOMAIN,
                            properties.vkPassword(),
                            login.featured());
                })
                .toList();
    }
}
