package org.hcp.kit.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest body an endpoint reads, in bytes; {@link RequestGuard} answers 413 before reading a larger one.
 * Without it an endpoint takes {@link InputLimits#BODY_DEFAULT_MAX}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
    long value();
}
