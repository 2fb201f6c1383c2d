package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every classified VK error code, failure kind and category has its Russian explanation. */
class VkErrorTextsTests {

    @Test
    void explainsEveryKnownErrorCode() throws Exception {
        var messages = messages();

        assertThat(VkErrorCodes.known().keySet())
                .allSatisfy(code -> assertThat(messages).containsKey("vk.error." + code));
    }

    @Test
    void explainsEveryKindAndCategory() throws Exception {
        var messages = messages();

        assertThat(Arrays.stream(VkErrorCategory.values()).map(c -> "vk.error.category." + c))
                .allSatisfy(key -> assertThat(messages).containsKey(key));
        assertThat(Arrays.stream(VkFailure.Kind.values())
                        .filter(kind -> kind != VkFailure.Kind.API_ERROR)
                        .map(kind -> VkFailure.of("m", kind, 0, "", VkErrorCategory.RETRY, false)
                                .explanation()
                                .getCodes()[0]))
                .allSatisfy(key -> assertThat(messages).containsKey(key));
    }

    @Test
    void classifiesTheCodesOfDesignSectionFive() {
        assertThat(VkErrorCodes.categoryOf(6)).isEqualTo(VkErrorCategory.RETRY);
        assertThat(VkErrorCodes.categoryOf(27)).isEqualTo(VkErrorCategory.CREDENTIALS);
        assertThat(VkErrorCodes.categoryOf(917)).isEqualTo(VkErrorCategory.ITEM);
        assertThat(VkErrorCodes.categoryOf(100)).isEqualTo(VkErrorCategory.BUG);
        assertThat(VkErrorCodes.categoryOf(123456)).isEqualTo(VkErrorCategory.BUG);
    }

    private static Properties messages() throws Exception {
        var properties = new Properties();
        try (var reader = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources/messages_ru.properties")), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
