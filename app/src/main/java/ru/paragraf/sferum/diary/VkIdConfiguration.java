package ru.paragraf.sferum.diary;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the VK ID settings of the diary. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({VkIdProperties.class, VkIdEndpoint.class})
class VkIdConfiguration {}
