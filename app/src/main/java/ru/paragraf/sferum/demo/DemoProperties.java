package ru.paragraf.sferum.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of demo mode.
 *
 * @param enabled whether demo mode is on; unset means on exactly in embedded mode
 * @param password the one password of every demo login, set when the demo city is loaded
 */
@ConfigurationProperties("sferum.demo")
record DemoProperties(@Nullable Boolean enabled, @DefaultValue("demo") String password) {}
