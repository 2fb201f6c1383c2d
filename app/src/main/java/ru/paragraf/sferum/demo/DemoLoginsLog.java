package ru.paragraf.sferum.demo;

import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** The demo logins as a readable block for the start-up log: one featured login per role and school. */
@Component
@ConditionalOnDemoData
class DemoLoginsLog {

    private final DemoLogins logins;
    private final DemoTexts texts;
    private final DemoProperties properties;

    DemoLoginsLog(DemoLogins logins, DemoTexts texts, DemoProperties properties) {
        this.logins = logins;
        this.texts = texts;
        this.properties = properties;
    }

    String render() {
        var overview = logins.overview();
        if (overview.isEmpty()) {
            return texts.get("demo.log.notLoaded");
        }
        var block = new StringBuilder(texts.get("demo.log.title", properties.password()));
        overview.operators().forEach(login -> line(block, login));
        for (var school : overview.schools()) {
            school.logins().forEach(login -> line(block, login));
            var ranges = school.ranges().stream()
                    .map(range -> range.count() == 1
                            ? range.first()
                            : texts.get("demo.log.range", range.first(), range.last()))
                    .collect(Collectors.joining(", "));
            block.append("\n  ").append(texts.get("demo.log.all", school.name(), ranges));
        }
        return block.toString();
    }

    private void line(StringBuilder block, DemoLogin login) {
        var role = texts.role(login.role());
        String who;
        if (login.school() != null) {
            who = texts.get("demo.log.person", role, login.place(), login.person(), login.detail());
        } else if (login.place().isEmpty()) {
            who = role;
        } else {
            who = texts.get("demo.log.operator", role, login.place());
        }
        block.append("\n  ").append(texts.get("demo.log.line", login.username(), properties.password(), who));
    }
}
