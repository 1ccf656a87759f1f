package io.payonator.ops.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A write endpoint: answered only with {@code Authorization: Bearer <token>}; see {@link BearerTokenCheck}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface RequiresToken {
}
