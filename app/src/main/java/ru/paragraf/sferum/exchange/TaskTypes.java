package ru.paragraf.sferum.exchange;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The task types that the application's modules provide, by code. */
@Component
class TaskTypes {

    private final Map<String, ExchangeTaskType> byCode;
    private final ExchangeTexts texts;

    TaskTypes(List<ExchangeTaskType> types, ExchangeTexts texts) {
        this.byCode = types.stream()
                .collect(Collectors.toUnmodifiableMap(ExchangeTaskType::code, Function.identity(), (one, other) -> {
                    throw new IllegalStateException("Two exchange task types share the code " + one.code() + ": "
                            + one.getClass().getName() + " and "
                            + other.getClass().getName());
                }));
        this.texts = texts;
    }

    Optional<ExchangeTaskType> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The Russian title of a type; a type no module provides any more is shown by its message or its code. */
    String title(String code) {
        var type = byCode.get(code);
        return texts.textOr(type == null ? "exchange.type." + code : type.titleKey(), code);
    }

    List<TypeOption> options() {
        return byCode.keySet().stream()
                .map(code -> new TypeOption(code, title(code)))
                .sorted(Comparator.comparing(TypeOption::title))
                .toList();
    }
}
