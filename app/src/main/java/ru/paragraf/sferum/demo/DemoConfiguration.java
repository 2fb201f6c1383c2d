package ru.paragraf.sferum.demo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** Turns on the demo module's settings in demo mode; its components carry the same condition. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDemoData
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {}
