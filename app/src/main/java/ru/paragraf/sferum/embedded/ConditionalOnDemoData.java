package ru.paragraf.sferum.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a component only in demo mode: {@code sferum.demo.enabled} when it is set, otherwise exactly in the
 * embedded default mode, so that production never gets demo data unless asked for.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(DemoDataCondition.class)
public @interface ConditionalOnDemoData {}
