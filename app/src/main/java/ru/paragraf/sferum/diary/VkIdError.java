package ru.paragraf.sferum.diary;

import org.jspecify.annotations.Nullable;

/** VK ID's error answer: {@code {"error","error_description","state"}}. */
record VkIdError(@Nullable String error, @Nullable String errorDescription, @Nullable String state) {}
