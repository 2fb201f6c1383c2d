package ru.paragraf.sferum.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of demo mode.
 *
 * @param enabled whether demo mode is on; unset means on exactly in embedded mode
 * @param password the one password of every demo login, set when the demo city is loaded
 * @param vkPassword the one password of the demo teachers' test accounts in the in-process VK emulator
 */
@ConfigurationProperties("sferum.demo")
record DemoProperties(
        @Nullable Boolean enabled, @DefaultValue("demo") String password, @DefaultValue("vk-demo") String vkPassword) {}
